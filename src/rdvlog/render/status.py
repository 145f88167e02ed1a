"""``rdvlog status``: a Rich view of counts, a 12-week calendar and warnings; and its JSON."""

from __future__ import annotations

import datetime as dt

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from rdvlog.codes import Outcome, spoken
from rdvlog.dashboard import Status, Warning
from rdvlog.errors import Phrase
from rdvlog.models import Lang
from rdvlog.printable import printable
from rdvlog.render.i18n import count, t

# Shades work without colour (NO_COLOR, a pipe); colour only adds to them.
_SHADES = ((0, "·", "grey50"), (1, "░", "green"), (2, "▒", "green"), (3, "▓", "bold green"))
_FULL = ("█", "bold bright_green")
# Warnings whose label has a singular and a plural form, chosen by their value ``n``.
_COUNTED = frozenset({"status.warn.few_weeks", "status.warn.quiet", "status.warn.expired"})
#: ``status_screen`` parts: a Rich renderable, or a plain line printed as it is (never wrapped
#: or cut, whatever the terminal's width: a path, the head hash).
Part = RenderableType | str


def warning_text(lang: Lang, warning: Warning) -> str:
    values = {k: v.text(lang) if isinstance(v, Phrase) else v for k, v in warning.values}
    if warning.key in _COUNTED or warning.key == "status.warn.expires":
        n = values.pop("n")
        assert isinstance(n, int)
        return count(lang, warning.key, n, **values)
    return t(lang, warning.key, **values)


def _cell(n: int) -> Text:
    for limit, char, style in _SHADES:
        if n <= limit:
            return Text(char * 2, style=style)
    return Text(_FULL[0] * 2, style=_FULL[1])


def _day(lang: Lang, moment: dt.datetime) -> str:
    return f"{t(lang, f'list.day.{moment.weekday()}')} {moment:%Y-%m-%d %H:%M}"


def heatmap(facts: Status, lang: Lang = "en") -> Table:
    """Weekday rows × week columns, like a contribution graph; each column is one ISO week."""
    grid = Table(box=None, show_header=True, pad_edge=False, padding=(0, 0, 0, 1))
    grid.add_column("")
    for monday in facts.heatmap_mondays:
        week = monday.isocalendar()[1]
        grid.add_column(f"{week:02d}", justify="center")
    for weekday, row in enumerate(facts.heatmap):
        grid.add_row(t(lang, f"list.day.{weekday}"), *(_cell(n) for n in row))
    return grid


def status_view(facts: Status, lang: Lang = "en", width: int | None = None) -> Group:
    """The Rich parts of :func:`status_screen` only (the plain lines left out)."""
    parts = status_screen(facts, lang, width)
    return Group(*(part for part in parts if not isinstance(part, str)))


def _today(facts: Status, lang: Lang) -> str:
    if facts.today_last is None:
        return t(lang, "status.today_none")
    return count(
        lang,
        "status.today_some",
        facts.today_attempts,
        time=f"{facts.today_last:%H:%M}",
        outcome=spoken(Outcome(facts.today_last_outcome), lang) if facts.today_last_outcome else "",
    )


def _this_week(facts: Status, lang: Lang) -> str:
    return count(
        lang, "status.week_shots", facts.this_week_attempts, shots=facts.this_week_screenshots
    )


def _summary(facts: Status, lang: Lang, width: int) -> Text:
    """The counts and the journal's state, a label and a value a row, laid out for ``width``
    columns: a value that does not fit goes on under itself, broken only between the parts
    that :func:`_lines` keeps whole (never inside a number, a date or « il y a 3 jours »)."""
    rows: list[tuple[str, list[str]]] = [
        (t(lang, "status.today_label"), _words(_today(facts, lang)))
    ]
    voided = count(lang, "status.voided", facts.voided).strip() if facts.voided else ""
    rows.append((t(lang, "status.attempts"), [str(facts.attempts), *([voided] if voided else [])]))
    rows.append((t(lang, "status.distinct_days"), [str(facts.distinct_days)]))
    rows.append((t(lang, "status.distinct_weeks"), [str(facts.distinct_weeks)]))
    if facts.first and facts.last:
        rows.append((t(lang, "status.first"), [_day(lang, facts.first)]))
        last = [_day(lang, facts.last)]
        ago = facts.days_since_last
        if ago is not None:
            since = t(lang, "status.today") if ago == 0 else count(lang, "status.ago", ago)
            last.append(since.strip())
        rows.append((t(lang, "status.last"), last))
    if facts.attempts:
        rows.append((t(lang, "status.this_week"), _words(_this_week(facts, lang))))
        weeks = t(
            lang, "status.weeks_of", n=facts.weeks_with_screenshot, total=facts.distinct_weeks
        )
        rows.append((t(lang, "status.weeks_with_screenshot"), [weeks]))
    if facts.written_steps:
        rows.append((t(lang, "status.written_steps"), [str(facts.written_steps)]))
    if facts.by_outcome:
        outcomes = [f"{spoken(Outcome(k), lang)} {n}" for k, n in facts.by_outcome.items()]
        rows.append((t(lang, "status.outcomes"), [f"{o}," for o in outcomes[:-1]] + outcomes[-1:]))
    if facts.permit_expires:
        rows.append((t(lang, "status.permit_expires"), [facts.permit_expires.isoformat()]))
    # A broken chain is said in full in the warnings below, where it has the whole width.
    state = t(lang, "status.intact") if facts.verified else t(lang, "status.broken_below")
    journal = count(lang, "status.journal_state", facts.entries, state=state)
    rows.append((t(lang, "status.journal"), _words(journal)))
    label_width = max(len(label) for label, _ in rows) + 2
    text = Text(no_wrap=True, overflow="ignore")
    for number, (label, units) in enumerate(rows):
        for i, line in enumerate(_lines(units, width - label_width)):
            if number or i:
                text.append("\n")
            text.append(f"{label if i == 0 else '':<{label_width}}", style="bold")
            text.append(printable(line))
    return text


def _words(text: str) -> list[str]:
    """The words of ``text``, a number kept with the word after it (« 3 jours », « 6 sur »)
    and a command to type kept whole (`rdvlog attempt add`)."""
    words: list[str] = []
    glue = False
    for word in text.split(" "):
        if glue and words:
            words[-1] += f" {word}"
        else:
            words.append(word)
        glue = word.lstrip("(").isdigit() or words[-1].count("`") % 2 == 1
    return words


def _lines(units: list[str], width: int, sep: str = " ") -> list[str]:
    """``units`` joined by ``sep`` into lines of at most ``width`` characters, never broken
    inside a unit (one longer than ``width``, a path, goes whole on its own line)."""
    lines: list[str] = []
    for unit in units:
        if lines and len(lines[-1]) + len(sep) + len(unit) <= width:
            lines[-1] += f"{sep}{unit}"
        else:
            lines.append(unit)
    return lines or [""]


def _paragraph(text: str, width: int, *, style: str = "", sep: str = " ") -> list[Part]:
    """``text`` wrapped at ``width`` between its words (``sep``-separated when given, else
    :func:`_words`), continued lines indented by two. A line longer than ``width`` (a path)
    comes as a plain line, printed whole for a person to copy."""
    units = text.split(sep) if sep != " " else _words(text)
    lines = _lines(units, width - 2, sep)
    shown = [printable(line if i == 0 else f"  {line}") for i, line in enumerate(lines)]
    return [Text(line, style=style) if len(line) <= width else line for line in shown]


#: The columns ``status`` lays its screen out for when it is not told (a script, a pipe).
WIDTH = 80


def status_screen(facts: Status, lang: Lang = "en", width: int | None = None) -> list[Part]:
    """The whole screen, top to bottom: who and which store, counts, the journal's state and
    its head hash in full, the calendar and its legend, then the appointment or the warnings.

    Every line fits ``width`` columns (60 and up), except a path or the head hash longer than
    that: those are printed whole, for a person to copy (the terminal folds them).
    """
    width = width or WIDTH
    parts: list[Part] = []
    if facts.applicant:
        parts.append(t(lang, "status.applicant_line", applicant=printable(facts.applicant)))
    if facts.store:
        parts.append(t(lang, "status.store_line", path=printable(str(facts.store))))
    parts.append(_summary(facts, lang, width))
    # The head hash is printed whole on a line of its own: it is what a lawyer copies into a
    # letter, and a table cell would cut or fold it on a narrow terminal.
    parts.append(t(lang, "status.head_line"))
    parts.append(facts.head_hash or "-")
    parts.extend([Text(""), *_paragraph(t(lang, "status.heatmap"), width), heatmap(facts, lang)])
    parts.extend(_paragraph(t(lang, "status.legend"), width, sep="  "))
    if facts.booked_at is not None:
        booked = t(
            lang,
            "status.booked",
            n=facts.booked_number,
            when=f"{facts.booked_at:%Y-%m-%d %H:%M}",
        )
        parts.extend(_paragraph(booked, width, style="bold green"))
    for warning in facts.warnings:
        text = t(lang, "status.warning", text=warning_text(lang, warning))
        parts.extend(_paragraph(text, width, style="bold yellow"))
    return parts


def status_json(facts: Status) -> dict[str, object]:
    """The status as a JSON-ready object (dates in ISO 8601, warnings in English)."""
    return {
        "today": facts.today.isoformat(),
        "attempts": facts.attempts,
        "voided": facts.voided,
        "distinct_days": facts.distinct_days,
        "distinct_weeks": facts.distinct_weeks,
        "first": facts.first.isoformat(timespec="seconds") if facts.first else None,
        "last": facts.last.isoformat(timespec="seconds") if facts.last else None,
        "days_since_last": facts.days_since_last,
        "by_outcome": facts.by_outcome,
        "booked": facts.booked,
        "heatmap": {
            "weeks": [monday.isoformat() for monday in facts.heatmap_mondays],
            "rows": [list(row) for row in facts.heatmap],
        },
        "journal": {
            "entries": facts.entries,
            "head_hash": facts.head_hash,
            "verified": facts.verified,
            "problem": _problem(facts, "en") if facts.problem else None,
        },
        "permit_expires": facts.permit_expires.isoformat() if facts.permit_expires else None,
        "warnings": [warning_text("en", warning) for warning in facts.warnings],
        "applicant": facts.applicant,
        "store": facts.store,
        "today_attempts": facts.today_attempts,
        "today_last": _stamp(facts.today_last),
        "this_week_attempts": facts.this_week_attempts,
        "this_week_screenshots": facts.this_week_screenshots,
        "weeks_with_screenshot": facts.weeks_with_screenshot,
        "written_steps": facts.written_steps,
        "booked_at": _stamp(facts.booked_at),
        "booked_number": facts.booked_number,
    }


def _problem(facts: Status, lang: Lang) -> str:
    return facts.problem.text(lang) if facts.problem is not None else "?"


def _stamp(moment: dt.datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None
