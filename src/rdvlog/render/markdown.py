"""The report as GitHub-flavoured Markdown, for a lawyer to read and attach (DESIGN.md §5)."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from rdvlog.history import AttemptRecord
from rdvlog.models import Place
from rdvlog.printable import printable
from rdvlog.render import i18n
from rdvlog.render.i18n import t
from rdvlog.report import ReportInput
from rdvlog.stats import HOUR_BANDS
from rdvlog.when import zone_name

# Every character that could start Markdown or HTML markup inside a line or a table cell. `<`, `>`
# and `&` become entities (understood by every Markdown flavour, and no raw HTML can pass);
# the others get a backslash (CommonMark escapes any ASCII punctuation that way).
_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "\\": "\\\\",
        "|": "\\|",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "~": "\\~",
        "$": "\\$",
    }
)
# Line breaks would end a table row or a list item; tabs and form feeds read as blanks anyway.
_BREAKS = re.compile(r"\r\n|[\r\n\t\v\f\x85\u2028\u2029]")

#: The longest bar in the per-week chart, in blocks; shorter series use one block per attempt.
BAR_WIDTH = 30
_BLOCK = "█"


@functools.lru_cache(maxsize=4096)  # the same place, démarche and labels fill most cells
def escape(text: str) -> str:
    """``text`` as literal inline Markdown: safe in a table cell, a list item or a paragraph."""
    return printable(_BREAKS.sub(" ", text)).translate(_ESCAPES)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> Iterator[str]:
    """A table of already-escaped cells; ``align`` has an ``r`` for each right-aligned column.

    Lines come one at a time, as the rows do: the chronological table may be very long.
    """
    rule = ["---:" if a == "r" else "---" for a in align.ljust(len(header), "l")]
    yield f"| {' | '.join(header)} |"
    yield f"|{'|'.join(rule)}|"
    for row in rows:
        yield f"| {' | '.join(row)} |"


def _item(report: ReportInput, label: str, value: str) -> str:
    return f"- **{escape(label)}**{t(report.lang, 'colon')}{value}"


def _place(report: ReportInput, place: Place) -> str:
    if place.kind == "unlisted":
        return escape(f"{place.label} ({t(report.lang, 'kind.unlisted')})")
    return escape(place.label)


def _when(report: ReportInput, record: AttemptRecord) -> tuple[str, str]:
    moment = report.local(record.attempt.at)
    return escape(i18n.date(report.lang, moment.date())), escape(i18n.time(moment))


def _exhibit_refs(report: ReportInput, record: AttemptRecord) -> str:
    numbers = report.exhibit_numbers.get(record.seq, ())
    return ", ".join(escape(t(report.lang, "ref.exhibit", n=n)) for n in numbers)


def _case_fields(report: ReportInput) -> list[tuple[str, str]]:
    """The case profile's fields that are set, as (label key, escaped value)."""
    lang, case = report.lang, report.case
    fields = []
    for key, value in (
        ("header.applicant", case.applicant),
        ("header.foreigner_number", case.foreigner_number),
        ("header.procedure", case.procedure),
    ):
        if value is not None:
            fields.append((key, escape(value)))
    if case.place is not None:
        fields.append(("header.place", _place(report, case.place)))
    if case.permit_expires is not None:
        fields.append(("header.permit_expires", escape(i18n.date(lang, case.permit_expires))))
    if case.application is not None:
        fields.append(("header.application", escape(t(lang, f"application.{case.application}"))))
    return fields


def _period(report: ReportInput) -> str:
    """The period the selection asked for, else the span of the attempts."""
    lang, summary = report.lang, report.summary
    start = report.local(report.since).date() if report.since else None
    end = report.local(report.until).date() if report.until else None
    start = start or (summary.first.date() if summary.first else None)
    end = end or (summary.last.date() if summary.last else None)
    if start and end:
        return t(lang, "header.period_both", start=i18n.date(lang, start), end=i18n.date(lang, end))
    if start:
        return t(lang, "header.period_from", start=i18n.date(lang, start))
    if end:
        return t(lang, "header.period_until", end=i18n.date(lang, end))
    return t(lang, "header.period_none")


def _header(report: ReportInput) -> list[str]:
    lang = report.lang
    lines = [f"# {escape(t(lang, 'title'))}", ""]
    if not report.integrity.ok:
        problem = (report.integrity.problem or "?").rstrip(". ")
        title, body = t(lang, "broken.title"), t(lang, "broken.body", problem=problem)
        lines += [f"> **{escape(title)}** {escape(body)}", ""]
    fields = [*_case_fields(report), ("header.period", escape(_period(report)))]
    if report.place_filter is not None:
        fields.append(("header.place_filter", escape(report.place_filter)))
    generated = report.local(report.generated_at)
    fields += [
        ("header.zone", escape(zone_name(report.zone))),
        ("header.generated", escape(i18n.date_time(lang, generated))),
        ("header.software", escape(f"rdvlog {report.version}")),
    ]
    return lines + [_item(report, t(lang, key), value) for key, value in fields]


def _summary(report: ReportInput) -> list[str]:
    lang, summary = report.lang, report.summary
    lines = [f"## {escape(t(lang, 'section.summary'))}", ""]
    if summary.count == 0:
        return [*lines, escape(t(lang, "summary.none"))]
    assert summary.first is not None and summary.last is not None
    rows = [
        ("summary.count", i18n.number(lang, summary.count)),
        ("summary.distinct_days", i18n.number(lang, summary.distinct_days)),
        ("summary.distinct_weeks", i18n.number(lang, summary.distinct_weeks)),
        ("summary.first", i18n.date_time(lang, summary.first)),
        ("summary.last", i18n.date_time(lang, summary.last)),
    ]
    if summary.longest_gap is not None:
        gap = summary.longest_gap
        value = t(
            lang,
            "summary.gap_value",
            length=i18n.duration(lang, gap.length),
            start=i18n.date_time(lang, gap.start),
            end=i18n.date_time(lang, gap.end),
        )
        rows.append(("summary.longest_gap", value))
    rows.append(("summary.places", t(lang, "semicolon").join(summary.places)))
    booked = t(lang, "no")
    if summary.booked is not None:
        when = i18n.date_time(lang, report.local(summary.booked.attempt.at))
        booked = t(lang, "summary.booked_yes", when=when, seq=summary.booked.seq)
    rows.append(("summary.booked", booked))
    if summary.voided:
        rows.append(("summary.voided", i18n.number(lang, summary.voided)))
    header = [escape(t(lang, "summary.measure")), escape(t(lang, "summary.value"))]
    lines += _table(header, [(escape(t(lang, key)), escape(value)) for key, value in rows])

    def counts(section: str, column: str, pairs: Iterable[tuple[str, int]]) -> list[str]:
        header = [escape(t(lang, column)), escape(t(lang, "col.attempts"))]
        cells = [(escape(label), i18n.number(lang, n)) for label, n in pairs]
        return ["", f"### {escape(t(lang, section))}", "", *_table(header, cells, align="lr")]

    outcomes = [(i18n.outcome(lang, k), n) for k, n in summary.by_outcome.items() if n]
    channels = [(i18n.channel(lang, k), n) for k, n in summary.by_channel.items() if n]
    bands = [(t(lang, f"band.{band}"), summary.by_hour_band[band]) for band in HOUR_BANDS]
    days = [(i18n.weekday(lang, d), n) for d, n in enumerate(summary.by_weekday)]
    lines += counts("section.by_outcome", "col.outcome", outcomes)
    lines += counts("section.by_channel", "col.channel", channels)
    lines += counts("section.by_hour_band", "col.hour_band", bands)
    lines += counts("section.by_weekday", "col.weekday", days)
    if summary.too_few_weeks:
        weeks = i18n.plural(lang, "weeks", summary.distinct_weeks)
        title, body = t(lang, "warning.title"), t(lang, "warning.body", weeks=weeks)
        lines += ["", f"> **{escape(title)}** {escape(body)}"]
    return lines


def _weekly(report: ReportInput) -> list[str]:
    lang, weekly = report.lang, report.summary.weekly
    peak = max(week.count for week in weekly)
    scale = min(1.0, BAR_WIDTH / peak)
    header = [t(lang, "col.week"), t(lang, "col.week_start"), t(lang, "col.attempts")]
    rows = [
        (
            escape(t(lang, "week.label", year=week.year, week=week.week)),
            escape(i18n.date(lang, week.monday)),
            i18n.number(lang, week.count),
            _BLOCK * math.ceil(week.count * scale),
        )
        for week in weekly
    ]
    header = [escape(label) for label in header] + [escape(t(lang, "col.bar"))]
    return [f"## {escape(t(lang, 'section.weekly'))}", "", *_table(header, rows, align="llrl")]


def _written(report: ReportInput) -> list[str]:
    lang = report.lang
    lines = [f"## {escape(t(lang, 'section.written'))}", ""]
    if not report.summary.written:
        return [*lines, escape(t(lang, "written.none"))]
    keys = ("seq", "date", "time", "channel", "place", "reference", "outcome", "exhibits")
    rows = []
    for record in report.summary.written:
        attempt = record.attempt
        rows.append(
            (
                str(record.seq),
                *_when(report, record),
                escape(i18n.channel(lang, attempt.channel)),
                _place(report, attempt.place),
                escape(attempt.reference or ""),
                escape(i18n.outcome(lang, attempt.outcome)),
                _exhibit_refs(report, record),
            )
        )
    return [*lines, *_table([escape(t(lang, f"col.{key}")) for key in keys], rows)]


def _details(report: ReportInput, record: AttemptRecord) -> str:
    lang, attempt = report.lang, record.attempt
    parts = []
    if attempt.message:
        parts.append(t(lang, "details.message", text=attempt.message))
    if attempt.url:
        parts.append(attempt.url)
    if attempt.reference:
        parts.append(t(lang, "details.reference", text=attempt.reference))
    if attempt.note:
        parts.append(t(lang, "details.note", text=attempt.note))
    return escape(" — ".join(parts))


def _chronological(report: ReportInput) -> Iterator[str]:
    lang = report.lang
    keys = ("seq", "date", "time", "place", "procedure", "channel", "outcome", "details")
    header = [escape(t(lang, f"col.{key}")) for key in (*keys, "exhibits")]
    rows = (  # one row at a time: a journal may hold years of attempts
        (
            f"{record.seq} {i18n.LATE_MARK}" if record.late else str(record.seq),
            *_when(report, record),
            _place(report, record.attempt.place),
            escape(record.attempt.procedure),
            escape(i18n.channel(lang, record.attempt.channel)),
            escape(i18n.outcome(lang, record.attempt.outcome)),
            _details(report, record),
            _exhibit_refs(report, record),
        )
        for record in report.active
    )
    yield f"## {escape(t(lang, 'section.attempts'))}"
    yield ""
    yield from _table(header, rows)
    late = [record for record in report.active if record.late]
    if late:
        yield from ("", f"{i18n.LATE_MARK} {escape(t(lang, 'late.legend'))}", "")
        for record in late:
            at = i18n.date_time(lang, report.local(record.attempt.at))
            recorded = i18n.date_time(lang, report.local(record.recorded_at))
            item = t(lang, "late.item", seq=record.seq, at=at, recorded=recorded)
            yield f"- {escape(item)}"


def _exhibits(report: ReportInput) -> list[str]:
    lang = report.lang
    lines = [f"## {escape(t(lang, 'section.exhibits'))}", ""]
    if not report.exhibits:
        return [*lines, escape(t(lang, "exhibits.none"))]
    keys = ("exhibit", "file", "attempt", "size", "sha256")
    rows = (
        (
            escape(t(lang, "exhibit.number", n=exhibit.number)),
            escape(exhibit.evidence.name),
            escape(
                t(
                    lang,
                    "exhibit.attempt",
                    seq=exhibit.seq,
                    at=i18n.date_time(lang, report.local(exhibit.record.attempt.at)),
                )
            ),
            escape(i18n.size(lang, exhibit.evidence.size)),
            f"`{exhibit.evidence.sha256}`",
        )
        for exhibit in report.exhibits
    )
    header = [escape(t(lang, f"col.{key}")) for key in keys]
    return [*lines, escape(t(lang, "exhibits.intro")), "", *_table(header, rows)]


def _integrity(report: ReportInput) -> list[str]:
    lang, integrity = report.lang, report.integrity
    result = t(lang, "integrity.ok")
    if not integrity.ok:
        result = t(lang, "integrity.failed", problem=integrity.problem or "?")
    if integrity.head_hash:
        head = f"`{integrity.head_hash}`"
    else:
        empty = integrity.entry_count == 0
        head = escape(t(lang, "integrity.head_none" if empty else "integrity.head_unknown"))
    voided = report.voided
    count = i18n.number(lang, len(voided)) if voided else t(lang, "integrity.voided_none")
    lines = [
        f"## {escape(t(lang, 'section.integrity'))}",
        "",
        _item(report, t(lang, "integrity.result"), escape(result)),
        _item(report, t(lang, "integrity.entries"), i18n.number(lang, integrity.entry_count)),
        _item(report, t(lang, "integrity.head"), head),
        _item(report, t(lang, "integrity.voided"), escape(count)),
    ]
    if voided:
        keys = ("seq", "date", "time", "place", "void_reason")
        rows = [
            (
                str(record.seq),
                *_when(report, record),
                _place(report, record.attempt.place),
                escape(record.void_reason or ""),
            )
            for record in voided
        ]
        lines += ["", *_table([escape(t(lang, f"col.{key}")) for key in keys], rows)]
    if integrity.recorded_backwards:
        lines += ["", f"**{escape(t(lang, 'integrity.backwards'))}**", ""]
        lines += [
            f"- {escape(i18n.clock_back(lang, back, report.zone))}"
            for back in integrity.recorded_backwards
        ]
    if report.filtered:
        lines += ["", escape(t(lang, "integrity.selection"))]
    return [*lines, "", escape(t(lang, "integrity.statement"))]


#: Size of the pieces ``markdown_chunks`` yields, in characters.
CHUNK = 64 * 1024


def markdown_chunks(report: ReportInput) -> Iterator[str]:
    """The report in pieces of about ``CHUNK`` characters, to write it without holding it
    whole in memory. Sections are separated by a blank line; every line ends with a newline.
    """
    sections: list[Callable[[ReportInput], Iterable[str]]] = [_header, _summary]
    if report.summary.count:
        sections += [_weekly, _written, _chronological, _exhibits]
    sections.append(_integrity)
    pending: list[str] = []
    size = 0
    for number, section in enumerate(sections):
        if number:
            pending.append("\n")
        for line in section(report):
            pending += (line, "\n")
            size += len(line) + 1
            if size >= CHUNK:
                yield "".join(pending)
                pending.clear()
                size = 0
    yield "".join(pending)


def render_markdown(report: ReportInput) -> str:
    """The whole report; the same input gives the same text, byte for byte."""
    return "".join(markdown_chunks(report))
