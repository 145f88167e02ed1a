"""A small document model rendered to PDF, DOCX and plain text (report, pièces, drafts)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Text:
    text: str
    bold: bool = False
    italic: bool = False
    mono: bool = False
    placeholder: bool = False  # "[À COMPLÉTER : …]" — highlighted in DOCX/PDF


Inline = str | Text
Runs = tuple[Inline, ...]


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


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
    widths: tuple[float, ...] | None = None


@dataclass(frozen=True)
class Figure:
    data: bytes
    media_type: str
    caption: Runs = ()


@dataclass(frozen=True)
class BarChart:
    title: str
    labels: tuple[str, ...]
    values: tuple[int, ...]


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Bullets | Table | Figure | BarChart | PageBreak


@dataclass(frozen=True)
class Document:
    title: str
    blocks: tuple[Block, ...]
    lang: Literal["fr", "en"]
    created: datetime.datetime
    author: str = "rdvlog"
    subject: str = ""
    footer: str = ""
    header: str = ""
