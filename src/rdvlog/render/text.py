"""The document model as plain UTF-8 text, for pasting into an email or a contact form."""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Iterator

from rdvlog.render.document import (
    BarChart,
    Block,
    Bullets,
    Document,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Runs,
    Table,
    as_text,
    plain,
)

__all__ = ["render_text"]

_FIGURE = {"fr": "Figure", "en": "Figure"}
_COLUMN_GAP = "  "


# Spaces inside a placeholder while wrapping, so "[À COMPLÉTER : …]" is never cut in two.
_GLUE = "\ue000"


def _inline(runs: Runs) -> str:
    # Placeholders are kept verbatim; bold/italic have no plain-text form worth inventing.
    return "".join(
        item.text.replace(" ", _GLUE) if item.placeholder else item.text
        for item in map(as_text, runs)
    )


def _width(text: str) -> int:
    """Columns the text takes in a terminal or a monospaced email (wide CJK count twice)."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def _wrap(text: str, width: int, indent: str = "", first: str | None = None) -> list[str]:
    # Narrow and ordinary no-break spaces hold their words together here too.
    lines: list[str] = []
    for part in text.split("\n"):
        wrapped = textwrap.wrap(
            part,
            width=width,
            initial_indent=indent if first is None else first,
            subsequent_indent=indent,
            break_long_words=True,
            break_on_hyphens=False,
        )
        lines.extend(line.replace(_GLUE, " ") for line in wrapped)
        if not wrapped:
            lines.append((indent if first is None else first).rstrip())
        first = None
    return lines


def _align(line: str, width: int, align: str) -> str:
    room = max(width - _width(line), 0)
    if align == "center":
        return " " * (room // 2) + line
    if align == "right":
        return " " * room + line
    return line


def _table(table: Table, width: int) -> Iterator[str]:
    header = list(table.header)
    rows = [[" ".join(plain(cell).split()) for cell in row] for row in table.rows]
    columns = max([len(header), *(len(row) for row in rows)], default=0)
    header += [""] * (columns - len(header))
    rows = [row + [""] * (columns - len(row)) for row in rows]
    sizes = [max(_width(line[i]) for line in [header, *rows]) for i in range(columns)]
    if sum(sizes) + len(_COLUMN_GAP) * (columns - 1) <= width:
        for n, line in enumerate([header, *rows]):
            cells = [
                cell + " " * (size - _width(cell)) for cell, size in zip(line, sizes, strict=False)
            ]
            yield _COLUMN_GAP.join(cells).rstrip()
            if n == 0 and any(header):
                yield _COLUMN_GAP.join("-" * size for size in sizes)
        return
    # Too wide for aligned columns: one "label : value" line per cell, a blank line per row.
    for n, row in enumerate(rows):
        if n:
            yield ""
        for label, value in zip(header, row, strict=False):
            yield from _wrap(f"{label} : {value}" if label else value, width, "    ")


def _block(block: Block, width: int, lang: str) -> Iterator[str]:
    if isinstance(block, Heading):
        text = block.text.upper() if block.level == 1 else block.text
        yield from _wrap(text, width)
        if block.level <= 2:
            yield ("=" if block.level == 1 else "-") * min(_width(text), width)
    elif isinstance(block, Paragraph):
        text = _inline(block.runs)
        if block.style == "title":
            text = text.upper()
        indent = "    " if block.style == "quote" else ""
        lines = _wrap(text, width, indent)
        if block.style == "warning":
            lines = _wrap(text, width - 2, "  ", "! ")
        for line in lines:
            yield _align(line, width, block.align) if block.align in ("center", "right") else line
    elif isinstance(block, Bullets):
        for n, item in enumerate(block.items, start=1):
            mark = f"{n}. " if block.numbered else "- "
            yield from _wrap(_inline(item), width, " " * len(mark), mark)
    elif isinstance(block, Table):
        yield from _table(block, width)
    elif isinstance(block, Figure):
        caption = plain(block.caption)
        yield from _wrap(
            f"[{_FIGURE[lang]} : {caption}]" if caption else f"[{_FIGURE[lang]}]", width
        )
    elif isinstance(block, BarChart):
        yield from _wrap(block.title, width)
        label_width = max((_width(label) for label in block.labels), default=0)
        top = max(block.values, default=0) or 1
        room = max(width - label_width - 8, 10)
        for label, value in zip(block.labels, block.values, strict=False):
            bar = "#" * round(room * value / top)
            yield f"{label}{' ' * (label_width - _width(label))}  {value:>3} {bar}".rstrip()
    elif isinstance(block, PageBreak):
        return  # a page has no meaning in an email: the blank line between blocks is enough


def render_text(doc: Document, width: int = 78) -> str:
    """The document as plain text wrapped at ``width`` columns, ending with one newline."""
    width = max(width, 20)
    chunks: list[str] = []
    if doc.header:
        chunks.append("\n".join(_wrap(doc.header, width)))
    for block in doc.blocks:
        lines = list(_block(block, width, doc.lang))
        if lines and any(lines):
            chunks.append("\n".join(lines))
    if doc.footer:
        chunks.append("\n".join(_wrap(doc.footer, width)))
    return "\n\n".join(chunks) + "\n"
