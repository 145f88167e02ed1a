"""A small document model rendered to PDF, DOCX and plain text (report, pièces, drafts)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "BarChart",
    "Block",
    "Bullets",
    "Document",
    "Figure",
    "Heading",
    "Inline",
    "PageBreak",
    "Paragraph",
    "Runs",
    "Table",
    "Text",
    "as_text",
    "page_label",
    "plain",
]


@dataclass(frozen=True)
class Text:
    """A run inside a paragraph, a list item or a table cell."""

    text: str
    bold: bool = False
    italic: bool = False
    # Hashes and file names: never hyphenated, broken mid-token only when nothing else fits.
    mono: bool = False
    # "[À COMPLÉTER : …]": highlighted (yellow) in DOCX and PDF, bold in text.
    placeholder: bool = False


Inline = str | Text
Runs = tuple[Inline, ...]


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1..3; numbered by the caller


@dataclass(frozen=True)
class Paragraph:
    runs: Runs
    align: Literal["left", "justify", "center", "right"] = "justify"
    style: Literal["body", "small", "warning", "quote", "title", "signature"] = "body"


@dataclass(frozen=True)
class Bullets:
    items: tuple[Runs, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Runs, ...], ...]
    # Relative column widths; the header is repeated on every page.
    widths: tuple[float, ...] | None = None


@dataclass(frozen=True)
class Figure:
    """A PNG/JPEG/GIF/WEBP screenshot, scaled to fit the page, aspect kept, caption under it."""

    data: bytes
    media_type: str
    caption: Runs = ()


@dataclass(frozen=True)
class BarChart:
    """Attempts per calendar week; a zero bar is visibly a week with none (label shown, "0")."""

    title: str
    labels: tuple[str, ...]
    values: tuple[int, ...]


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Bullets | Table | Figure | BarChart | PageBreak


@dataclass(frozen=True)
class Document:
    title: str  # PDF/DOCX metadata title
    blocks: tuple[Block, ...]
    lang: Literal["fr", "en"]
    # Aware; written as the creation and modification date (SOURCE_DATE_EPOCH by callers).
    created: datetime.datetime
    author: str = "rdvlog"
    subject: str = ""
    # At the bottom of every page, left; "page X / Y" (en: "page X of Y") at the right.
    footer: str = ""
    # At the top of every page, e.g. "PROJET — à relire, compléter et signer".
    header: str = ""


def plain(runs: Runs) -> str:
    """The runs' text, without formatting."""
    return "".join(run if isinstance(run, str) else run.text for run in runs)


def as_text(run: Inline) -> Text:
    """A run as a Text (a bare string is an unformatted run)."""
    return Text(run) if isinstance(run, str) else run


def page_label(lang: Literal["fr", "en"], page: int, total: int) -> str:
    """The page number printed at the right of the footer."""
    return f"page {page} / {total}" if lang == "fr" else f"page {page} of {total}"
