"""The report's content, built once for the Markdown and the PDF writers (DESIGN.md §5).

Neutral blocks of :mod:`rdvlog.render.document`, plus two kinds the writers draw their own way:
:class:`RowTable` (the chronological table, whose rows come one at a time: a journal may hold
years of attempts) and :class:`WeekSeries` (attempts per calendar week: bars in Markdown, a
chart in the PDF). No I/O.

The sections up to the written steps are here; the record sections (chronological table,
pièces, integrity, annex) are in :mod:`rdvlog.render.report_records`, and what they all read
in :mod:`rdvlog.render.report_parts`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from rdvlog import labels
from rdvlog.pieces import Piece, PieceItem, clock, long_date, week_label
from rdvlog.render import i18n, prose
from rdvlog.render import report_records as records
from rdvlog.render.document import Bullets, Heading, PageBreak, Paragraph, Runs, Table, Text
from rdvlog.render.i18n import t
from rdvlog.render.report_parts import Item, ReportView, WeekSeries
from rdvlog.report import ReportInput
from rdvlog.stats import HOUR_BANDS
from rdvlog.when import zone_name


class Content(ReportView):
    """What a report says, read by every writer: its sections in order."""

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
            yield from records.chronological(self)
        yield from records.pieces(self)
        yield from records.integrity(self)
        if self.booking:
            yield from records.annex(self)

    def warnings(self) -> Iterator[Item]:
        lang, integrity = self.lang, self.report.integrity
        if not integrity.ok:
            problem = integrity.problem_in(lang).rstrip(". ")
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
        yield Heading(self.label("section.figures"), 2)
        yield Table(
            (self.label("figures.measure"), self.label("figures.value")),
            tuple(((self.label(key),), (value,)) for key, value in self._figure_rows()),
            widths=(2, 3),
        )
        yield from self._breakdowns()

    def _figure_rows(self) -> list[tuple[str, str]]:
        """The key figures: (label key, value in words)."""
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
        return rows

    def _breakdowns(self) -> Iterator[Item]:
        """Booking attempts by outcome, channel, hour band and weekday: a table each."""
        lang, summary = self.lang, self.summary

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
