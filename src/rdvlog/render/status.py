"""``rdvlog status`` on a terminal: a Rich panel of counts, a 12-week calendar and warnings."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from rdvlog.dashboard import Status

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# Shades work without colour (NO_COLOR, a pipe); colour only adds to them.
_SHADES = ((0, "·", "grey50"), (1, "░", "green"), (2, "▒", "green"), (3, "▓", "bold green"))
_FULL = ("█", "bold bright_green")


def _cell(count: int) -> Text:
    for limit, char, style in _SHADES:
        if count <= limit:
            return Text(char * 2, style=style)
    return Text(_FULL[0] * 2, style=_FULL[1])


def heatmap(facts: Status) -> Table:
    """Weekday rows × week columns, like a contribution graph; each column is one ISO week."""
    grid = Table(box=None, show_header=True, pad_edge=False, padding=(0, 0, 0, 1))
    grid.add_column("")
    for monday in facts.heatmap_mondays:
        week = monday.isocalendar()[1]
        grid.add_column(f"{week:02d}", justify="center")
    for weekday, row in enumerate(facts.heatmap):
        grid.add_row(_WEEKDAYS[weekday], *(_cell(count) for count in row))
    return grid


def print_status(facts: Status, console: Console | None = None) -> None:
    console = console or Console()
    summary = Table(box=None, show_header=False, pad_edge=False)
    summary.add_column(style="bold")
    summary.add_column()
    summary.add_row(
        "attempts", f"{facts.attempts}" + (f" ({facts.voided} void)" if facts.voided else "")
    )
    summary.add_row("distinct days", str(facts.distinct_days))
    summary.add_row("distinct weeks", str(facts.distinct_weeks))
    if facts.first and facts.last:
        summary.add_row("first", f"{facts.first:%a %Y-%m-%d %H:%M}")
        last = f"{facts.last:%a %Y-%m-%d %H:%M}"
        if facts.days_since_last is not None:
            ago = facts.days_since_last
            last += " (today)" if ago == 0 else f" ({ago} day{'s' if ago > 1 else ''} ago)"
        summary.add_row("last", last)
    if facts.by_outcome:
        summary.add_row("outcomes", ", ".join(f"{k} {n}" for k, n in facts.by_outcome.items()))
    if facts.permit_expires:
        summary.add_row("permit expires", facts.permit_expires.isoformat())
    state = "intact" if facts.verified else f"BROKEN ({facts.problem})"
    summary.add_row("journal", f"{facts.entries} entries, {state}")
    summary.add_row("head hash", facts.head_hash or "-")
    parts: list[Table | Text] = [
        summary,
        Text(""),
        Text("last 12 weeks (ISO week numbers)"),
        heatmap(facts),
    ]
    for warning in facts.warnings:
        parts.append(Text(f"warning: {warning}", style="bold yellow"))
    console.print(Group(*parts), highlight=False)
