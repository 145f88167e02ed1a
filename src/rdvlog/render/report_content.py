"""The report's content, built once for the Markdown and the PDF writers (DESIGN.md §5).

Neutral blocks of :mod:`rdvlog.render.document`, plus two kinds the writers draw their own way:
:class:`RowTable` (the chronological table, whose rows come one at a time: a journal may hold
years of attempts) and :class:`WeekSeries` (attempts per calendar week: bars in Markdown, a
chart in the PDF). No I/O.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from rdvlog import labels
from rdvlog.facts import CaseFacts, case_facts, is_booking_attempt
from rdvlog.history import AttemptRecord
from rdvlog.pieces import Piece, PieceItem, clock, long_date, week_label
from rdvlog.render import i18n, prose
from rdvlog.render.document import Block, Bullets, Heading, PageBreak, Paragraph, Runs, Table, Text
from rdvlog.render.i18n import t
from rdvlog.report import ReportInput
from rdvlog.stats import HOUR_BANDS, Summary, summarize
from rdvlog.tribunals import tribunal_for
from rdvlog.when import zone_name

#: A screenshot whose own capture time is further than this from its attempt is « à vérifier ».
CAPTURE_TOLERANCE = dt.timedelta(hours=1)
LATE_MARK = i18n.LATE_MARK


@dataclass(frozen=True)
class RowTable:
    """A table whose rows are produced on demand, one at a time."""

    header: tuple[str, ...]
    rows: Callable[[], Iterator[tuple[Runs, ...]]]
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


class Content:
    """What a report says, computed once and read by every writer."""

    def __init__(self, report: ReportInput) -> None:
        self.report = report
        self.lang = report.lang

    # -- what is computed once --------------------------------------------------------------

    @cached_property
    def booking(self) -> tuple[AttemptRecord, ...]:
        """The booking attempts that count, in date order: the rows of the main table."""
        return tuple(record for record in self.report.active if is_booking_attempt(record))

    @cached_property
    def summary(self) -> Summary:
        """Figures over booking attempts only: written steps are counted apart."""
        return summarize(self.booking, self.report.zone)

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
        text = self.label("ref.piece", n=piece.number)
        if piece.number in self.doubtful:
            text += self.label("ref.check")
        return text

    def refs(self, record: AttemptRecord) -> Runs:
        pieces = self.pieces_by_seq.get(record.seq, ())
        return (", ".join(self.piece_ref(piece) for piece in pieces),)

    # -- the sections -----------------------------------------------------------------------

    def items(self) -> Iterator[Item]:
        """Every block of the report, in order."""
        yield Heading(self.label("title"), 1)
        yield from self.warnings()
        yield Heading(self.label("section.synthese"), 2)
        yield Paragraph(prose.synthese(self.facts, self.lang))
        yield from self.header()
        yield PageBreak()  # the title page ends here in print
        if self.booking:
            yield from self.figures()
            yield from self.weeks()
        yield from self.written()
        if self.booking:
            yield from self.chronological()
        yield from self.pieces()
        yield from self.integrity()
        if self.booking:
            yield from self.annex()

    def warnings(self) -> Iterator[Item]:
        lang, integrity = self.lang, self.report.integrity
        if not integrity.ok:
            problem = (integrity.problem or "?").rstrip(". ")
            yield Paragraph(
                (
                    Text(self.label("broken.title"), bold=True),
                    " ",
                    self.label("broken.body", problem=problem),
                ),
                style="warning",
            )
        for sentence in prose.warnings(self.facts, lang):
            yield Paragraph(
                (Text(self.label("warning.mark"), bold=True), sentence), style="warning"
            )
        if self.doubtful:
            numbers = ", ".join(str(n) for n in sorted(self.doubtful))
            yield Paragraph(
                (
                    Text(self.label("warning.mark"), bold=True),
                    self.label("warning.check", list=numbers),
                ),
                style="warning",
            )

    def header(self) -> Iterator[Item]:
        report, lang, case = self.report, self.lang, self.report.case
        fields: list[tuple[str, Runs]] = []

        def add(key: str, value: str | None, *, mono: bool = False) -> None:
            if value:
                fields.append((key, (Text(value, mono=True),) if mono else (value,)))

        applicant = prose.who(self.facts, lang) if case.applicant else None
        add("header.applicant", applicant)
        add("header.foreigner_number", case.foreigner_number)
        add("header.procedure", case.procedure or self.facts.procedure)
        add("header.place", self.place_label)
        if case.permit_expires is not None:
            add("header.permit_expires", long_date(lang, case.permit_expires))
        if case.application is not None:
            add("header.application", self.label(f"application.{case.application}"))
        add("header.period", self._period())
        add("header.place_filter", report.place_filter)
        add("header.url", self.constant_url)
        if self.constant_message:
            add("header.message", self.label("details.message", text=self.constant_message))
        if self.facts.tribunal:
            add("header.tribunal", self.label("header.tribunal_value", name=self.facts.tribunal))
        local = report.local(report.generated_at)
        add("header.generated", self.when(local))
        add("header.software", f"rdvlog {report.version}")
        yield Heading(self.label("section.header"), 2)
        yield Bullets(
            tuple(
                (Text(self.label(key), bold=True), self.label("colon"), *value)
                for key, value in fields
            )
        )
        yield Paragraph((self._zone_line(),), style="small")
        yield Paragraph((self.label("header.dates"),), style="small")

    def _zone_line(self) -> str:
        name = zone_name(self.report.zone)
        if name == "Europe/Paris":
            return self.label("header.zone_paris")
        return self.label("header.zone", zone=name)

    def _period(self) -> str:
        report, lang = self.report, self.lang
        start = report.local(report.since).date() if report.since else None
        end = report.local(report.until).date() if report.until else None
        first, last = self.summary.first, self.summary.last
        start = start or (first.date() if first else None)
        end = end or (last.date() if last else None)
        if start and end:
            return prose.period(lang, start, end)
        if start:
            return self.label("header.period_from", start=long_date(lang, start))
        if end:
            return self.label("header.period_until", end=long_date(lang, end))
        return self.label("header.period_none")

    def _written_counts(self) -> str:
        kinds = Counter(prose.step_kind(step) for step in self.facts.written)
        if not kinds:
            return self.label("figures.written_none")
        parts = [
            prose.t(self.lang, f"kind.{kind}.n", n=n)
            if n > 1
            else prose.t(self.lang, f"kind.{kind}")
            for kind, n in kinds.most_common()
        ]
        return prose.enumerate_words(self.lang, parts)

    def figures(self) -> Iterator[Item]:
        lang, summary, facts = self.lang, self.summary, self.facts
        assert summary.first is not None and summary.last is not None
        rows: list[tuple[str, str]] = [
            ("figures.booking", i18n.number(lang, summary.count)),
            ("figures.written", self._written_counts()),
            ("figures.distinct_days", i18n.number(lang, summary.distinct_days)),
            ("figures.distinct_weeks", i18n.number(lang, summary.distinct_weeks)),
            (
                "figures.with_screenshot",
                labels.count(
                    lang,
                    "figures.shots_value",
                    facts.weeks_with_screenshot,
                    shots=facts.with_screenshot,
                ),
            ),
            ("figures.first", self.when(summary.first)),
            ("figures.last", self.when(summary.last)),
        ]
        if summary.longest_gap is not None:
            gap = summary.longest_gap
            rows.append(
                (
                    "figures.longest_gap",
                    self.label(
                        "figures.gap_value",
                        length=i18n.duration(lang, gap.length),
                        start=self.when(gap.start),
                        end=self.when(gap.end),
                    ),
                )
            )
        if len(summary.places) > 1:
            rows.append(("figures.places", self.label("semicolon").join(summary.places)))
        booked = self.label("figures.booked_none")
        if summary.booked is not None:
            booked = self.label(
                "figures.booked_yes",
                when=self.when(summary.booked.attempt.at),
                n=self.report.numbers.get(summary.booked.seq, summary.booked.seq),
            )
        rows.append(("figures.booked", booked))
        voided = len(self.report.voided)
        if voided:
            rows.append(("figures.voided", i18n.number(lang, voided)))
        yield Heading(self.label("section.figures"), 2)
        yield Table(
            (self.label("figures.measure"), self.label("figures.value")),
            tuple(((self.label(key),), (value,)) for key, value in rows),
            widths=(2, 3),
        )

        def counts(section: str, column: str, pairs: list[tuple[str, int]]) -> Iterator[Item]:
            yield Heading(self.label(section), 3)
            yield Table(
                (self.label(column), self.label("col.attempts")),
                tuple(((name,), (i18n.number(lang, n),)) for name, n in pairs),
                widths=(3, 1),
            )

        yield from counts(
            "section.by_outcome",
            "col.outcome",
            [(i18n.outcome(lang, k), n) for k, n in summary.by_outcome.items() if n],
        )
        yield from counts(
            "section.by_channel",
            "col.channel",
            [(i18n.channel(lang, k), n) for k, n in summary.by_channel.items() if n],
        )
        yield from counts(
            "section.by_hour_band",
            "col.hour_band",
            [(self.label(f"band.{b}"), summary.by_hour_band[b]) for b in HOUR_BANDS],
        )
        yield from counts(
            "section.by_weekday",
            "col.weekday",
            [(i18n.weekday(lang, d), n) for d, n in enumerate(summary.by_weekday)],
        )

    def weeks(self) -> Iterator[Item]:
        weekly = self.summary.weekly
        yield Heading(self.label("section.weekly"), 2)
        yield Paragraph((self.label("weekly.explain"),), style="small")
        yield WeekSeries(
            self.label("section.weekly"),
            (self.label("col.week"), self.label("col.attempts"), self.label("col.bar")),
            tuple(week_label(self.lang, week.monday) for week in weekly),
            tuple(week.count for week in weekly),
            tuple(week.monday for week in weekly),
        )

    def written(self) -> Iterator[Item]:
        lang = self.lang
        yield Heading(self.label("section.written"), 2)
        steps = self.facts.written
        if not steps:
            yield Paragraph((self.label("written.none"),))
            return
        yield Paragraph((self.label("written.intro"),), style="small")
        by_number = {self.report.numbers.get(r.seq): r for r in self.report.active}
        rows = []
        for step in steps:
            record = by_number.get(step.number)
            rows.append(
                (
                    (str(step.number),),
                    (
                        prose.t(lang, f"kind.{prose.step_kind(step)}")
                        .split(" ", 1)[-1]
                        .capitalize(),
                    ),
                    (step.reference or "",),
                    (self.when(step.at),),
                    (
                        self.when(step.delivered)
                        if step.delivered
                        else self.label("written.not_recorded"),
                    ),
                    (
                        self.when(step.answered)
                        if step.answered
                        else self.label("written.not_recorded"),
                    ),
                    self.refs(record) if record else ("",),
                )
            )
        keys = ("attempt_no", "kind", "reference", "sent", "delivered", "answered", "pieces")
        yield Table(
            tuple(self.label(f"col.{k}") for k in keys),
            tuple(rows),
            widths=(1.4, 2.2, 3, 2.4, 2.4, 2.4, 1.8),
        )

    def details(self, record: AttemptRecord) -> Runs:
        attempt = record.attempt
        parts = []
        if attempt.message and attempt.message != self.constant_message:
            parts.append(self.label("details.message", text=attempt.message))
        if attempt.place.label != self.place_label:
            parts.append(self.label("details.place", text=attempt.place.label))
        if self.report.case.procedure and attempt.procedure != self.report.case.procedure:
            parts.append(self.label("details.procedure", text=attempt.procedure))
        if attempt.url and attempt.url != self.constant_url:
            parts.append(attempt.url)
        if attempt.reference:
            parts.append(self.label("details.reference", text=attempt.reference))
        if attempt.note:
            parts.append(self.label("details.note", text=attempt.note))
        return (" — ".join(parts),)

    def chronological(self) -> Iterator[Item]:
        lang = self.lang
        keys = ("row", "date", "time", "channel", "outcome", "details", "pieces")

        def rows() -> Iterator[tuple[Runs, ...]]:
            for row, record in enumerate(self.booking, start=1):
                moment = self.report.local(record.attempt.at)
                yield (
                    (f"{row} {LATE_MARK}" if record.late else str(row),),
                    (i18n.date(lang, moment.date()),),
                    (i18n.time(moment),),
                    (i18n.channel(lang, record.attempt.channel),),
                    (i18n.outcome(lang, record.attempt.outcome),),
                    self.details(record),
                    self.refs(record),
                )

        yield Heading(self.label("section.attempts"), 2)
        yield Paragraph((self.label("attempts.intro"),), style="small")
        yield RowTable(
            tuple(self.label(f"col.{k}") for k in keys),
            rows,
            widths=(0.9, 2.1, 1.3, 2.2, 2.4, 6.2, 1.6),
        )
        late = [(row, r) for row, r in enumerate(self.booking, start=1) if r.late]
        if late:
            yield Paragraph((f"{LATE_MARK} ", self.label("late.legend")), style="small")
            yield Bullets(
                tuple(
                    (
                        self.label(
                            "late.item",
                            row=row,
                            at=self.when(r.attempt.at),
                            recorded=self.when(r.recorded_at),
                        ),
                    )
                    for row, r in late
                )
            )

    def pieces(self) -> Iterator[Item]:
        report = self.report
        yield Heading(self.label("section.pieces"), 2)
        yield Paragraph((self.label("pieces.intro"),), style="small")
        rows: list[tuple[Runs, ...]] = []
        for piece in report.pieces:
            names = "; ".join(dict.fromkeys(item.evidence.name for item in piece.items))
            size = sum({item.evidence.sha256: item.evidence.size for item in piece.items}.values())
            digest = piece.sha256 if piece.kind != "week" else None
            flag = self.label("ref.check").strip() if piece.number in self.doubtful else ""
            rows.append(
                (
                    (self.label("ref.piece", n=piece.number),),
                    (piece.label, " ", Text(flag, bold=True)) if flag else (piece.label,),
                    (names,),
                    (i18n.size(self.lang, size) if piece.items else "",),
                    (Text(digest, mono=True),) if digest else ("",),
                )
            )
        keys = ("piece", "designation", "file", "size", "sha256")
        yield Table(
            tuple(self.label(f"col.{k}") for k in keys),
            tuple(rows),
            widths=(1.3, 4.5, 2.6, 1.6, 4.5),
        )
        checks = list(self._checks())
        if checks:
            yield Heading(self.label("section.checks"), 3)
            yield Bullets(tuple((c,) for c in checks))

    def _checks(self) -> Iterator[str]:
        for piece in self.report.pieces:
            if piece.reused:
                listed = prose.enumerate_words(self.lang, [str(n) for n in piece.attempt_numbers])
                days = prose.enumerate_words(
                    self.lang,
                    list(
                        dict.fromkeys(
                            long_date(self.lang, self.report.local(i.record.attempt.at).date())
                            for i in piece.items
                            if i.record
                        )
                    ),
                )
                yield self.label("check.reused", n=piece.number, attempts=listed, days=days)
            for item in piece.items:
                captured = self.capture_gap(item)
                if captured is not None and item.record is not None:
                    yield self.label(
                        "check.capture",
                        n=piece.number,
                        name=item.evidence.name,
                        captured=self.when(captured),
                        attempt=item.number or "?",
                        at=self.when(item.record.attempt.at),
                    )

    def integrity(self) -> Iterator[Item]:
        lang, integrity, report = self.lang, self.report.integrity, self.report
        local = report.local(report.generated_at)
        if integrity.ok:
            result = self.label("integrity.ok", day=long_date(lang, local.date()))
        else:
            result = self.label("integrity.failed", problem=integrity.problem or "?")
        head: Runs
        if integrity.head_hash:
            head = (Text(integrity.head_hash, mono=True),)
        else:
            empty = integrity.entry_count == 0
            head = (self.label("integrity.head_none" if empty else "integrity.head_unknown"),)
        voided = report.voided
        count = i18n.number(lang, len(voided)) if voided else self.label("integrity.voided_none")
        yield Heading(self.label("section.integrity"), 2)
        yield Bullets(
            (
                (Text(self.label("integrity.result"), bold=True), self.label("colon"), result),
                (
                    Text(self.label("integrity.entries"), bold=True),
                    self.label("colon"),
                    i18n.number(lang, integrity.entry_count),
                ),
                (Text(self.label("integrity.head"), bold=True), self.label("colon"), *head),
                (Text(self.label("integrity.voided"), bold=True), self.label("colon"), count),
            )
        )
        yield Paragraph((self.label("integrity.entries_why"),), style="small")
        if voided:
            rows = tuple(
                (
                    (str(report.numbers.get(r.seq, r.seq)),),
                    (self.when(r.attempt.at),),
                    (r.void_reason or "",),
                )
                for r in voided
            )
            keys = ("attempt_no", "date", "void_reason")
            yield Table(tuple(self.label(f"col.{k}") for k in keys), rows, widths=(1, 3, 4))
        if integrity.recorded_backwards:
            # The computer's clock went back between two entries: said, never hidden (#11).
            yield Paragraph((Text(self.label("integrity.backwards"), bold=True),))
            yield Bullets(
                tuple(
                    (i18n.clock_back(lang, back, report.zone),)
                    for back in integrity.recorded_backwards
                )
            )
        if report.filtered:
            yield Paragraph((self.label("integrity.selection"),), style="small")
        yield Paragraph((self.label("integrity.statement"),))

    def annex(self) -> Iterator[Item]:
        def rows() -> Iterator[tuple[Runs, ...]]:
            for row, record in enumerate(self.booking, start=1):
                moment = self.report.local(record.attempt.at)
                yield (
                    (str(row),),
                    (i18n.date_time(self.lang, moment),),
                    (str(self.report.numbers.get(record.seq, "")),),
                    (str(record.seq),),
                )

        keys = ("row", "date", "attempt_no", "entry")
        yield Heading(self.label("section.annex"), 2)
        yield Paragraph((self.label("annex.intro"),), style="small")
        yield RowTable(
            tuple(self.label(f"col.{k}") for k in keys), rows, widths=(1, 3, 2, 2), align="lllr"
        )


def caption(report: ReportInput, piece: Piece, item: PieceItem) -> Runs:
    """Under a screenshot in the PDF: pièce, date and time of the attempt, attempt number, hash."""
    lang = report.lang
    assert item.record is not None
    local = report.local(item.record.attempt.at)
    text = t(
        lang,
        "caption",
        n=piece.number,
        day=long_date(lang, local.date()),
        time=clock(lang, local),
        attempt=item.number or "?",
    )
    return (
        Text(text, bold=True),
        "\n",
        t(lang, "caption.sha"),
        Text(item.evidence.sha256, mono=True),
    )
