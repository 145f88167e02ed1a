"""The report as GitHub-flavoured Markdown, for a lawyer to read and attach (DESIGN.md §5)."""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Iterable, Iterator, Sequence

from rdvlog.printable import printable
from rdvlog.render.document import Bullets, Heading, Inline, PageBreak, Paragraph, Runs, Table
from rdvlog.render.report_content import Content
from rdvlog.render.report_parts import Item, RowTable, WeekSeries
from rdvlog.report import ReportInput

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
_HEX = re.compile(r"[0-9a-f]{8,}")


# Text made only of these characters is its own escape: printable (nothing ``printable``
# escapes), no line break, and nothing ``_ESCAPES`` changes. Numbers, dates and times, which
# fill most cells and are mostly distinct, are told apart by one match, without the cache.
_PLAIN_CHARACTERS = re.escape(
    "".join(
        chr(code)
        for code in (*range(0x20, 0x7F), *range(0xA0, 0xAD), *range(0xAE, 0x100))
        if code not in _ESCAPES
    )
)
_PLAIN = re.compile(f"[{_PLAIN_CHARACTERS}]*")
#: A table row's cells joined by `` | ``, all of them plain: plain text and bars, with one bar
#: fewer than the cells (then none is inside a cell).
_PLAIN_ROW = re.compile(f"[{_PLAIN_CHARACTERS}|]*")


@functools.lru_cache(maxsize=4096)  # the same place, démarche and labels fill most cells
def _escaped(text: str) -> str:
    return printable(_BREAKS.sub(" ", text)).translate(_ESCAPES)


def escape(text: str) -> str:
    """``text`` as literal inline Markdown: safe in a table cell, a list item or a paragraph."""
    return text if _PLAIN.fullmatch(text) else _escaped(text)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> Iterator[str]:
    """A table of already-escaped cells; ``align`` has an ``r`` for each right-aligned column.

    Lines come one at a time, as the rows do: the chronological table may be very long.
    """
    rule = ["---:" if a == "r" else "---" for a in align.ljust(len(header), "l")]
    yield f"| {' | '.join(header)} |"
    yield f"|{'|'.join(rule)}|"
    for row in rows:
        yield f"| {' | '.join(row)} |"


def _inline(run: Inline) -> str:
    if isinstance(run, str):
        return escape(run)
    if run.mono and _HEX.fullmatch(run.text):
        return f"`{run.text}`"
    text = escape(run.text)
    if run.bold and text.strip():
        stripped = text.rstrip()
        return f"**{stripped}**{text[len(stripped) :]}"
    if run.italic and text.strip():
        return f"*{text}*"
    return text


def _runs(runs: Runs) -> str:
    if len(runs) == 1 and type(runs[0]) is str:  # most cells: one plain run
        return escape(runs[0])
    return "".join([_inline(run) for run in runs])


def _cell(runs: Runs) -> str:
    return _runs(runs)


def _row_lines(
    header: Sequence[str], rows: Iterable[Sequence[str]], align: str = ""
) -> Iterator[str]:
    """:func:`_table` for rows of plain texts, which may be very many. Most rows need no
    escape: one match over the row's line tells so (a character is plain or not wherever it
    stands; a bar within a cell shows as one bar too many). The other rows are escaped cell
    by cell (:func:`escape` keeps the texts it escaped: a message, a place, a pièce repeat)."""
    plain = _PLAIN_ROW.fullmatch
    yield from _table(header, (), align)
    for row in rows:
        line = " | ".join(row)
        if not plain(line) or line.count("|") != len(row) - 1:
            line = " | ".join(map(escape, row))
        yield f"| {line} |"


def _bars(series: WeekSeries) -> Iterator[str]:
    peak = max(series.values, default=0) or 1
    scale = min(1.0, BAR_WIDTH / peak)
    rows = (
        (escape(label), str(value), _BLOCK * math.ceil(value * scale))
        for label, value in zip(series.labels, series.values, strict=True)
    )
    yield from _table([escape(h) for h in series.header], rows, align="lrl")


def _lines(item: Item) -> Iterator[str]:
    if isinstance(item, Heading):
        yield f"{'#' * item.level} {escape(item.text)}"
    elif isinstance(item, Paragraph):
        text = _runs(item.runs)
        yield f"> {text}" if item.style == "warning" else text
    elif isinstance(item, Bullets):
        for number, entry in enumerate(item.items, start=1):
            yield f"{number}. {_runs(entry)}" if item.numbered else f"- {_runs(entry)}"
    elif isinstance(item, Table):
        header = [escape(h) for h in item.header]
        yield from _table(header, (tuple(_cell(c) for c in row) for row in item.rows))
    elif isinstance(item, RowTable):
        header = [escape(h) for h in item.header]
        yield from _row_lines(header, item.rows(), item.align)
    elif isinstance(item, WeekSeries):
        yield from _bars(item)


#: Size of the pieces ``markdown_chunks`` yields, in characters (a piece may pass it by up to
#: ``_BATCH`` lines).
CHUNK = 64 * 1024
_BATCH = 256


def markdown_chunks(report: ReportInput) -> Iterator[str]:
    """The report in pieces of about ``CHUNK`` characters, to write it without holding it
    whole in memory. Blocks are separated by a blank line; every line ends with a newline.
    """
    pending: list[str] = []  # lines, joined with their newlines when a piece is full
    size = 0
    items = (item for item in Content(report).items() if not isinstance(item, PageBreak))
    for number, item in enumerate(items):
        if number:
            pending.append("")  # the blank line between blocks
        lines = _lines(item)
        # Taken a batch at a time: the long tables have a hundred thousand lines.
        while batch := list(itertools.islice(lines, _BATCH)):
            pending += batch
            size += sum(map(len, batch))
            if size >= CHUNK:
                yield "\n".join(pending) + "\n"
                pending.clear()
                size = 0
    if pending:
        yield "\n".join(pending) + "\n"


def render_markdown(report: ReportInput) -> str:
    """The whole report; the same input gives the same text, byte for byte."""
    return "".join(markdown_chunks(report))
