"""What a report is made of, with no I/O: the selection, the case, integrity, exhibit numbers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from rdvlog.errors import Phrase
from rdvlog.facts import is_booking_attempt
from rdvlog.history import AttemptRecord, DocumentRecord
from rdvlog.models import Case, Evidence, Lang, Place
from rdvlog.pieces import Piece, number_pieces
from rdvlog.stats import Summary, chronological, summarize, utc_key


@dataclass(frozen=True)
class Integrity:
    """The result of verifying the whole journal, as the report states it."""

    ok: bool
    entry_count: int
    head_hash: str | None
    #: One line describing the first break, when ``ok`` is false.
    problem: str | None = None
    #: Entries recorded "before" the entry above them: the computer's clock went back.
    recorded_backwards: tuple[ClockBack, ...] = ()
    #: The first break as a sentence in either language (``problem`` is its English).
    broken: Phrase | None = None

    def problem_in(self, lang: Lang) -> str:
        """The first break in ``lang`` (``?`` when unknown)."""
        if self.broken is not None:
            return self.broken.text(lang)
        return self.problem or "?"


@dataclass(frozen=True)
class ClockBack:
    """Entry ``line`` was recorded at ``recorded_at``, earlier than the entry before it
    (``previous``): the computer's clock was set back between the two (issue #11)."""

    line: int
    recorded_at: dt.datetime
    previous: dt.datetime


# Characters that are unsafe in a file name on some system; path separators among them.
_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_MAX_NAME = 100


@dataclass(frozen=True)
class Exhibit:
    """One numbered exhibit: a file attached to a counted attempt (« Pièce n° 7 »)."""

    number: int
    record: AttemptRecord
    evidence: Evidence

    @property
    def seq(self) -> int:
        return self.record.seq

    @property
    def file_name(self) -> str:
        """A safe name for the exhibit's copy in a bundle: ``piece-007-capture.png``."""
        base = re.split(r"[/\\]", self.evidence.name)[-1]
        name = _UNSAFE_NAME.sub("_", base).strip(" .") or "fichier"
        if len(name) > _MAX_NAME:
            stem, dot, extension = name.rpartition(".")
            if dot and 0 < len(extension) <= 10:
                name = f"{stem[: _MAX_NAME - len(extension) - 1]}.{extension}"
            else:
                name = name[:_MAX_NAME]
        return f"piece-{self.number:03d}-{name}"


def within(
    records: Iterable[AttemptRecord],
    *,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    place: Callable[[Place], bool] | None = None,
) -> tuple[AttemptRecord, ...]:
    """Attempts with ``since <= at <= until`` (both inclusive, aware) made at a place that
    ``place`` accepts, voided ones included, in chronological order."""
    if since is None and until is None and place is None:
        return tuple(chronological(records))
    low = since.astimezone(dt.timezone.utc) if since is not None else None
    high = until.astimezone(dt.timezone.utc) if until is not None else None
    chosen = []
    for record in records:
        instant = utc_key(record)[0]
        if low is not None and instant < low:
            continue
        if high is not None and instant > high:
            continue
        if place is not None and not place(record.attempt.place):
            continue
        chosen.append(record)
    return tuple(chronological(chosen))


@dataclass(frozen=True)
class ReportInput:
    """Everything a renderer needs; the same input always renders the same bytes.

    ``records`` is the selection (voided attempts included, they are listed under integrity);
    it is kept in chronological order whatever order it is given in. ``generated_at`` is an
    input so that output is reproducible (``SOURCE_DATE_EPOCH``).
    """

    records: tuple[AttemptRecord, ...]
    case: Case
    integrity: Integrity
    zone: dt.tzinfo
    generated_at: dt.datetime
    version: str
    lang: Lang = "fr"
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    place_filter: str | None = None
    #: Case documents (``rdvlog case attach``), in journal order.
    documents: tuple[DocumentRecord, ...] = ()
    #: Attempt numbers by journal number, for the whole journal (``History.numbers``).
    numbers: Mapping[int, int] = field(default_factory=dict)
    #: The number of the first pièce (``--first-exhibit``: numbers below are the lawyer's).
    first_piece: int = 1
    #: One pièce per calendar week of screenshots (``--group-weeks``).
    group_weeks: bool = False
    #: The capture time each image carries (PNG ``tIME``, EXIF), by SHA-256; None: none found.
    capture_times: Mapping[str, dt.datetime | None] = field(default_factory=dict)
    #: Attempts the whole journal holds (voided ones excluded), for a filtered extract.
    journal_attempts: int | None = None

    def __post_init__(self) -> None:
        if self.generated_at.utcoffset() is None:
            raise ValueError("generated_at must be an aware datetime")
        # Frozen, so the normalised order is set the one way a frozen dataclass allows.
        object.__setattr__(self, "records", tuple(chronological(self.records)))
        if not self.numbers:
            # A report made without the journal's numbers (tests, a library caller): the given
            # attempts are numbered in journal order, as History does.
            ordered = sorted(record.seq for record in self.records)
            object.__setattr__(self, "numbers", {seq: n for n, seq in enumerate(ordered, 1)})

    @cached_property
    def active(self) -> tuple[AttemptRecord, ...]:
        """The attempts that count: not voided, in chronological order."""
        return tuple(record for record in self.records if record.void_reason is None)

    @cached_property
    def booking(self) -> tuple[AttemptRecord, ...]:
        """The booking attempts that count (:func:`~rdvlog.facts.is_booking_attempt`), in
        chronological order: each attempt classified once for every section that reads them."""
        return tuple(filter(is_booking_attempt, self.active))

    @cached_property
    def local_times(self) -> Mapping[int, dt.datetime]:
        """Each attempt's time in the report's zone, by journal number: converted once, then
        read by the facts, the figures, the pièces and the tables."""
        zone = self.zone
        return {record.seq: record.attempt.at.astimezone(zone) for record in self.records}

    @cached_property
    def voided(self) -> tuple[AttemptRecord, ...]:
        return tuple(record for record in self.records if record.void_reason is not None)

    @property
    def filtered(self) -> bool:
        """Whether the selection is narrower than the whole journal."""
        return any(x is not None for x in (self.since, self.until, self.place_filter))

    @cached_property
    def summary(self) -> Summary:
        return summarize(self.records, self.zone, ordered=True, local=self.local_times)

    @cached_property
    def exhibits(self) -> tuple[Exhibit, ...]:
        """Each distinct attached file once, under its pièce's number (as the bundle names it)."""
        found = []
        for piece in self.pieces:
            seen: set[str] = set()
            for item in piece.items:
                if item.record is not None and item.evidence.sha256 not in seen:
                    seen.add(item.evidence.sha256)
                    found.append(Exhibit(piece.number, item.record, item.evidence))
        return tuple(found)

    @cached_property
    def pieces(self) -> tuple[Piece, ...]:
        """The numbered pièces: the report, case documents, then the attempts' files."""
        return number_pieces(self, first=self.first_piece, group_weeks=self.group_weeks)

    @cached_property
    def exhibit_numbers(self) -> dict[int, tuple[int, ...]]:
        """Exhibit numbers of each attempt, by journal number."""
        numbers: dict[int, list[int]] = {}
        for exhibit in self.exhibits:
            numbers.setdefault(exhibit.seq, []).append(exhibit.number)
        return {seq: tuple(found) for seq, found in numbers.items()}

    def local(self, moment: dt.datetime) -> dt.datetime:
        """``moment`` in the report's zone."""
        return moment.astimezone(self.zone)
