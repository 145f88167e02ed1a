"""The pièces of a case, numbered once for the report, the bundle and the dossier (DESIGN.md §5).

Order: the report itself, then the case documents (journal order), then the files attached to
the counted attempts in chronological order. A file is identified by its SHA-256: attached to
several attempts it is one pièce whose items name each attempt (a cross-reference the report
flags when the attempts fall on different days). With ``group_weeks`` the screenshots of one
calendar week (Monday to Sunday, in the report's zone) make one pièce, a « série homogène »;
a file that is not an image stays a pièce of its own.

No I/O: a pure function of the report input.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from rdvlog import labels
from rdvlog.history import AttemptRecord
from rdvlog.models import Evidence, Lang

if TYPE_CHECKING:
    from rdvlog.report import ReportInput

PieceKind = Literal["report", "document", "screenshot", "week", "file"]


@dataclass(frozen=True)
class PieceItem:
    """One file of a pièce, and the attempt it is attached to."""

    evidence: Evidence
    #: The attempt the file is attached to; None for a case document.
    record: AttemptRecord | None
    #: That attempt's number (``report.numbers[seq]``); None for a document.
    number: int | None


@dataclass(frozen=True)
class Piece:
    """One numbered pièce (« Pièce n° 4 »)."""

    number: int
    kind: PieceKind
    #: In the report's language, accents kept; the dossier folds it to ASCII for file names.
    label: str
    #: What the bordereau shows as the pièce's date.
    day: dt.date | None
    #: Its files in order (empty for the report).
    items: tuple[PieceItem, ...]
    #: The same screenshot (SHA-256) attached to attempts made on different days.
    reused: bool = False

    @property
    def sha256(self) -> str | None:
        """The one file's SHA-256 when the pièce holds a single distinct file."""
        digests = {item.evidence.sha256 for item in self.items}
        return next(iter(digests)) if len(digests) == 1 else None

    @property
    def attempt_numbers(self) -> tuple[int, ...]:
        """The attempt numbers its files are attached to, in order, without repeats."""
        return tuple(dict.fromkeys(i.number for i in self.items if i.number is not None))


def is_image(evidence: Evidence) -> bool:
    return evidence.media_type.startswith("image/")


def month(lang: Lang, day: dt.date) -> str:
    return labels.t(lang, f"month.{day.month}")


def long_date(lang: Lang, day: dt.date) -> str:
    """``1er novembre 2026`` / ``1 November 2026``."""
    number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{number} {month(lang, day)} {day.year}"


def clock(lang: Lang, moment: dt.datetime) -> str:
    """``8 h 30`` / ``8:30``."""
    if lang == "fr":
        return f"{moment.hour}\u00a0h\u00a0{moment.minute:02d}"
    return f"{moment.hour}:{moment.minute:02d}"


def week_span(lang: Lang, monday: dt.date) -> str:
    """``du 19 au 25 octobre 2026``, ``du 28 septembre au 4 octobre 2026``, across years whole."""
    sunday = monday + dt.timedelta(days=6)
    d1 = "1er" if lang == "fr" and monday.day == 1 else str(monday.day)
    if monday.year != sunday.year:
        start = long_date(lang, monday)
    elif monday.month != sunday.month:
        start = f"{d1} {month(lang, monday)}"
    else:
        start = d1
    return labels.t(lang, "week.span", start=start, end=long_date(lang, sunday))


def week_label(lang: Lang, monday: dt.date) -> str:
    """``semaine du 19 au 25 octobre 2026``."""
    return labels.t(lang, "week.named", span=week_span(lang, monday))


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _attempts(lang: Lang, numbers: tuple[int, ...]) -> str:
    if len(numbers) == 1:
        return labels.t(lang, "piece.attempt.one", n=numbers[0])
    listed = ", ".join(str(n) for n in numbers[:-1])
    return labels.t(lang, "piece.attempt.other", list=listed, last=numbers[-1])


def _single_label(lang: Lang, kind: PieceKind, items: list[PieceItem], zone: dt.tzinfo) -> str:
    first = items[0]
    assert first.record is not None
    moment = first.record.attempt.at.astimezone(zone)
    numbers = tuple(dict.fromkeys(i.number for i in items if i.number is not None))
    values = {
        "day": long_date(lang, moment.date()),
        "time": clock(lang, moment),
        "attempts": _attempts(lang, numbers),
        "name": first.evidence.name,
    }
    return labels.t(lang, f"piece.{kind}", **values)


def number_pieces(
    report: ReportInput, *, first: int = 1, group_weeks: bool = False, include_report: bool = True
) -> tuple[Piece, ...]:
    """Number the pièces of ``report`` continuously from ``first`` (see the module's doc)."""
    lang, zone = report.lang, report.zone
    pieces: list[Piece] = []

    local = report.local_times  # each attempt's time in the zone, converted once

    def add(kind: PieceKind, label: str, day: dt.date | None, items: list[PieceItem]) -> None:
        days = {local[i.record.seq].date() for i in items if i.record}
        reused = kind == "screenshot" and len(days) > 1
        number = first + len(pieces)
        pieces.append(Piece(number, kind, label, day, tuple(items), reused))

    if include_report:
        add("report", labels.t(lang, "title"), report.local(report.generated_at).date(), [])
    for document in report.documents:
        items = [PieceItem(evidence, None, None) for evidence in document.document.evidence]
        add("document", document.document.label, report.local(document.recorded_at).date(), items)

    # Group the files: by SHA-256 (one pièce per distinct file), or by week for images.
    groups: dict[tuple[str, object], list[PieceItem]] = {}
    kinds: dict[tuple[str, object], PieceKind] = {}
    by_sha: dict[str, tuple[str, object]] = {}
    seen: set[tuple[int, str]] = set()
    for record in report.active:  # in chronological order, as ReportInput keeps them
        number = report.numbers.get(record.seq)
        for evidence in record.attempt.evidence:
            if (record.seq, evidence.sha256) in seen:
                continue
            seen.add((record.seq, evidence.sha256))
            item = PieceItem(evidence, record, number)
            key = by_sha.get(evidence.sha256)
            if key is None:
                image = is_image(evidence)
                if group_weeks and image:
                    key = ("week", monday_of(local[record.seq].date()))
                    kinds[key] = "week"
                else:
                    key = ("file", evidence.sha256)
                    kinds[key] = "screenshot" if image else "file"
                by_sha[evidence.sha256] = key
            groups.setdefault(key, []).append(item)

    for key, items in groups.items():
        kind = kinds[key]
        first_record = items[0].record
        assert first_record is not None
        if kind == "week":
            monday = key[1]
            assert isinstance(monday, dt.date)
            label = labels.t(lang, "piece.week", span=week_span(lang, monday))
            add(kind, label, monday, items)
        else:
            label = _single_label(lang, kind, items, zone)
            add(kind, label, local[first_record.seq].date(), items)
    return tuple(pieces)
