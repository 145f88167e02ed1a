"""What the report's sections share: the two block kinds the writers draw their own way
(:class:`RowTable`, :class:`WeekSeries`) and :class:`ReportView`, the figures, pièces and
formatting helpers computed once from a :class:`~rdvlog.report.ReportInput`. No I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter

from rdvlog.codes import Channel, Outcome
from rdvlog.facts import CaseFacts, case_facts
from rdvlog.history import AttemptRecord
from rdvlog.pieces import Piece, PieceItem, clock, long_date
from rdvlog.render import i18n
from rdvlog.render.document import Block, Runs
from rdvlog.render.i18n import t
from rdvlog.report import ReportInput
from rdvlog.stats import Summary, summarize
from rdvlog.tribunals import tribunal_for

#: A screenshot whose own capture time is further than this from its attempt is « à vérifier ».
CAPTURE_TOLERANCE = dt.timedelta(hours=1)
LATE_MARK = i18n.LATE_MARK
_SEQ = attrgetter("seq")


@dataclass(frozen=True)
class RowTable:
    """A table whose rows are produced on demand, one at a time; each cell is one plain text
    (no styled run), which is what lets the long tables be written fast."""

    header: tuple[str, ...]
    rows: Callable[[], Iterator[tuple[str, ...]]]
    widths: tuple[float, ...] | None = None
    align: str = ""


@dataclass(frozen=True)
class WeekSeries:
    """Attempts per calendar week, every week from the first to the last, empty ones included."""

    title: str
    header: tuple[str, str, str]
    labels: tuple[str, ...]
    values: tuple[int, ...]
    mondays: tuple[dt.date, ...] = ()


Item = Block | RowTable | WeekSeries


class ReportView:
    """What every section of a report reads, computed once (no I/O)."""

    def __init__(self, report: ReportInput) -> None:
        self.report = report
        self.lang = report.lang

    # -- what is computed once --------------------------------------------------------------

    @cached_property
    def booking(self) -> tuple[AttemptRecord, ...]:
        """The booking attempts that count, in date order: the rows of the main table."""
        return self.report.booking

    @cached_property
    def booking_stamps(self) -> list[tuple[str, str]]:
        """Each booking attempt's local date and time as the tables write them, computed once
        for the chronological table and the annex. Each distinct day is written once, and a
        time is checked for a repeated hour (:func:`i18n.time`) only on a day the clocks
        change."""
        lang, zone, local = self.lang, self.report.zone, self.report.local_times
        days: dict[dt.date, tuple[str, bool]] = {}
        stamps = []
        for moment in map(local.__getitem__, map(_SEQ, self.booking)):
            day = moment.date()
            known = days.get(day)
            if known is None:
                known = days[day] = (i18n.date(lang, day), i18n.steady_day(day, zone))
            text, steady = known
            stamps.append((text, i18n.clock(moment) if steady else i18n.time(moment)))
        return stamps

    @cached_property
    def channel_names(self) -> dict[Channel, str]:
        return {channel: i18n.channel(self.lang, channel) for channel in Channel}

    @cached_property
    def outcome_names(self) -> dict[Outcome, str]:
        return {outcome: i18n.outcome(self.lang, outcome) for outcome in Outcome}

    @cached_property
    def summary(self) -> Summary:
        """Figures over booking attempts only: written steps are counted apart."""
        report = self.report
        return summarize(self.booking, report.zone, ordered=True, local=report.local_times)

    @cached_property
    def facts(self) -> CaseFacts:
        report = self.report
        department = self._place_department()
        tribunal = tribunal_for(department) if department else None
        return case_facts(
            report.records,
            report.case,
            zone=report.zone,
            today=report.local(report.generated_at).date(),
            head_hash=report.integrity.head_hash,
            tribunal=tribunal.name if tribunal else None,
            pieces=((piece.number, piece.label) for piece in report.pieces),
            filtered=report.filtered,
            total_attempts=report.journal_attempts,
            numbers=report.numbers,
            local=report.local_times,
            chosen=(report.active, report.booking),
        )

    def _place_department(self) -> str | None:
        place = self.report.case.place
        if place is None and self.booking:
            place = self.booking[-1].attempt.place
        return place.department if place else None

    @cached_property
    def pieces_by_seq(self) -> dict[int, list[Piece]]:
        """The pièces holding each attempt's files, by journal number."""
        found: dict[int, list[Piece]] = {}
        for piece in self.report.pieces:
            for item in piece.items:
                if item.record is not None:
                    listed = found.setdefault(item.record.seq, [])
                    if piece not in listed:
                        listed.append(piece)
        return found

    def capture_gap(self, item: PieceItem) -> dt.datetime | None:
        """The file's own capture time when it is more than an hour from its attempt."""
        if item.record is None:
            return None
        captured = self.report.capture_times.get(item.evidence.sha256)
        if captured is None:
            return None
        if captured.utcoffset() is None:
            captured = captured.replace(tzinfo=self.report.zone)
        if abs(captured - item.record.attempt.at) > CAPTURE_TOLERANCE:
            return captured.astimezone(self.report.zone)
        return None

    @cached_property
    def doubtful(self) -> frozenset[int]:
        """Numbers of the pièces flagged « à vérifier » (reused, or a capture time far off)."""
        return frozenset(
            piece.number
            for piece in self.report.pieces
            if piece.reused or any(self.capture_gap(item) for item in piece.items)
        )

    @cached_property
    def constant_url(self) -> str | None:
        """The booking address when every booking attempt that has one shares it."""
        urls = {record.attempt.url for record in self.booking if record.attempt.url}
        return next(iter(urls)) if len(urls) == 1 else None

    @cached_property
    def constant_message(self) -> str | None:
        """The message shown, when every booking attempt records the same one: said once in
        the header rather than on every row (the table must fit an A4 page)."""
        messages = {record.attempt.message for record in self.booking}
        if len(messages) != 1 or len(self.booking) < 2:
            return None
        return next(iter(messages))

    @cached_property
    def place_label(self) -> str | None:
        place = self.report.case.place
        return place.label if place else self.facts.prefecture

    # -- small formatting helpers -----------------------------------------------------------

    def label(self, key: str, **values: object) -> str:
        return t(self.lang, key, **values)

    def when(self, moment: dt.datetime) -> str:
        """``20 octobre 2026 à 8 h 30``."""
        local = self.report.local(moment)
        return self.label(
            "when", day=long_date(self.lang, local.date()), time=clock(self.lang, local)
        )

    def piece_ref(self, piece: Piece) -> str:
        text = self._piece_refs.get(piece.number)
        if text is None:
            text = self.label("ref.piece", n=piece.number)
            if piece.number in self.doubtful:
                text += self.label("ref.check")
            self._piece_refs[piece.number] = text
        return text

    @cached_property
    def details_written(self) -> dict[tuple[str | None, ...], str]:
        """The chronological table's details cells, by what they say, as they are first written."""
        return {}

    @cached_property
    def _piece_refs(self) -> dict[int, str]:
        """:meth:`piece_ref`'s texts, by pièce number, as they are first asked for."""
        return {}

    def refs(self, record: AttemptRecord) -> Runs:
        return (self.refs_text(record),)

    def refs_text(self, record: AttemptRecord) -> str:
        """The pièces holding the attempt's files: ``Pièce n° 4, Pièce n° 9``."""
        pieces = self.pieces_by_seq.get(record.seq)
        if not pieces:
            return ""
        return ", ".join([self.piece_ref(piece) for piece in pieces])
