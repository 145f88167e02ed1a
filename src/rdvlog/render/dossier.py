"""The dossier's pages as documents: the bordereau, a pièce's screenshots, a file's text.

Pure: the caller reads the files and gives their bytes; every function returns a Document
whose ``created`` is the report's generation time, so that the PDFs are reproducible.
"""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

from rdvlog.models import Evidence
from rdvlog.pieces import Piece, PieceItem
from rdvlog.render import i18n
from rdvlog.render.document import (
    Block,
    Document,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Runs,
    Table,
    Text,
)
from rdvlog.report import ReportInput

__all__ = [
    "BordereauRow",
    "Page",
    "bordereau",
    "image_piece",
    "text_of",
    "text_piece",
    "unprintable_piece",
]


@dataclass(frozen=True)
class BordereauRow:
    """One line of the bordereau: a pièce and the SHA-256 of its file in the dossier."""

    piece: Piece
    sha256: str


@dataclass(frozen=True)
class Page:
    """One image of a pièce and the attachments it stands for (one file, several attempts)."""

    items: tuple[PieceItem, ...]
    data: bytes

    @property
    def evidence(self) -> Evidence:
        return self.items[0].evidence


def _applicant(report: ReportInput) -> str:
    """« Mme Aïcha Ben Saïd », or the empty string when no name is set."""
    case = report.case
    if not case.applicant:
        return ""
    return f"{case.civility} {case.applicant}" if case.civility else case.applicant


def _day(report: ReportInput, piece: Piece) -> str:
    if piece.day is not None:
        return i18n.plain_date(report.lang, piece.day)
    if piece.kind == "report":
        return i18n.plain_date(report.lang, report.local(report.generated_at).date())
    return "–"


def bordereau(report: ReportInput, rows: Sequence[BordereauRow]) -> Document:
    """« Bordereau des pièces communiquées »: who, against which préfecture, then the table."""
    lang = report.lang
    case = report.case
    title = i18n.t(lang, "dossier.bordereau_title")
    unknown = Text(i18n.t(lang, "dossier.unknown"), placeholder=True)

    def line(key: str, value: str | None) -> Paragraph:
        return Paragraph((i18n.t(lang, key), value if value else unknown), align="left")

    applicant = _applicant(report) or None
    blocks: list[Block] = [
        Paragraph((title,), style="title", align="center"),
        line("dossier.applicant", applicant),
        line("dossier.prefecture", case.place.label if case.place else None),
    ]
    if case.procedure:
        blocks.append(line("dossier.procedure", case.procedure))
    if rows and rows[0].piece.number > 1:
        first = rows[0].piece.number
        blocks.append(Paragraph((i18n.t(lang, "dossier.reserved", last=first - 1, first=first),)))
    blocks.append(
        Table(
            header=tuple(
                i18n.t(lang, f"dossier.col_{c}") for c in ("number", "label", "date", "sha")
            ),
            rows=tuple(
                (
                    (str(row.piece.number),),
                    (row.piece.label,),
                    (_day(report, row.piece),),
                    (Text(row.sha256, mono=True),),
                )
                for row in rows
            ),
            widths=(0.7, 4.6, 1.5, 3.4),
        )
    )
    blocks.append(Paragraph((i18n.t(lang, "dossier.sha_note"),), style="small"))
    prepared = i18n.plain_date(lang, report.local(report.generated_at).date())
    blocks.append(
        Paragraph(
            (i18n.t(lang, "dossier.prepared", date=prepared, version=report.version),),
            style="small",
        )
    )
    return Document(
        title=title,
        blocks=tuple(blocks),
        lang=lang,
        created=report.generated_at,
        subject=title,
        footer=applicant or "",
    )


def _attempts(report: ReportInput, items: Sequence[PieceItem]) -> str:
    parts = []
    for item in items:
        if item.record is None:
            continue
        when = i18n.date_time(report.lang, report.local(item.record.attempt.at))
        number = item.number if item.number is not None else "?"
        parts.append(i18n.t(report.lang, "dossier.attempt", number=number, when=when))
    return ", ".join(parts)


def _caption(
    report: ReportInput, piece: Piece, items: Sequence[PieceItem], index: int, total: int
) -> Runs:
    """Pièce n°, page k/n, the attempt(s) with date and time, the file's name and SHA-256."""
    lang = report.lang
    parts = [i18n.t(lang, "dossier.piece", piece=piece.number)]
    if total > 1:
        parts.append(i18n.t(lang, "dossier.page", index=index, total=total))
    if piece.kind == "document":
        parts.append(piece.label)
    attempts = _attempts(report, items)
    if attempts:
        parts.append(attempts)
    parts.append(i18n.t(lang, "dossier.file", name=items[0].evidence.name))
    return (
        Text(" — ".join(parts), bold=True),
        "\n" + i18n.t(lang, "dossier.sha"),
        Text(items[0].evidence.sha256, mono=True),
    )


def _document(report: ReportInput, piece: Piece, blocks: Sequence[Block]) -> Document:
    applicant = _applicant(report)
    return Document(
        title=piece.label,
        blocks=tuple(blocks),
        lang=report.lang,
        created=report.generated_at,
        subject=i18n.t(report.lang, "dossier.piece", piece=piece.number),
        header=i18n.t(report.lang, "dossier.header", piece=piece.number, label=piece.label),
        footer=applicant,
    )


def image_piece(report: ReportInput, piece: Piece, pages: Sequence[Page]) -> Document:
    """One page per image, its caption under it; a « série » is numbered inside (« 3/7 »)."""
    blocks: list[Block] = []
    for index, page in enumerate(pages, start=1):
        if blocks:
            blocks.append(PageBreak())
        caption = _caption(report, piece, page.items, index, len(pages))
        blocks.append(Figure(page.data, page.evidence.media_type, caption))
    return _document(report, piece, blocks)


def text_piece(
    report: ReportInput, piece: Piece, items: Sequence[PieceItem], text: str
) -> Document:
    """A saved page, an email or a text file as printable text, under its caption."""
    lang = report.lang
    blocks: list[Block] = [
        Heading(i18n.t(lang, "dossier.header", piece=piece.number, label=piece.label)),
        Paragraph(_caption(report, piece, items, 1, 1), style="small", align="left"),
        Paragraph((i18n.t(lang, "dossier.text_intro"),), style="small", align="left"),
    ]
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    if not paragraphs:
        paragraphs = [i18n.t(lang, "dossier.empty_text")]
    blocks.extend(Paragraph((p,), align="left") for p in paragraphs)
    return _document(report, piece, blocks)


def unprintable_piece(report: ReportInput, piece: Piece, items: Sequence[PieceItem]) -> Document:
    """A file that has no printable form: what it is, and its hash."""
    lang = report.lang
    evidence = items[0].evidence
    return _document(
        report,
        piece,
        [
            Heading(i18n.t(lang, "dossier.header", piece=piece.number, label=piece.label)),
            Paragraph(_caption(report, piece, items, 1, 1), align="left"),
            Paragraph(
                (
                    i18n.t(
                        lang,
                        "dossier.unprintable",
                        media_type=evidence.media_type,
                        size=i18n.size(lang, evidence.size),
                    ),
                ),
            ),
        ],
    )


# -- a file's text ----------------------------------------------------------------------------

# Tags that end a paragraph, and tags whose content is not text a reader sees.
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
})  # fmt: skip
_HIDDEN = frozenset({"script", "style", "head", "noscript", "template", "svg"})
_SPACES = re.compile(r"[ \t\r\f\v\n]+")


class _TextOfPage(HTMLParser):
    """The visible text of an HTML page, one paragraph per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._hidden = 0
        self.title: list[str] = []
        self._in_title = False

    def _flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self._current)).strip()
        if text:
            self.paragraphs.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            self._current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _decode(data: bytes) -> str:
    """UTF-8 (a BOM dropped), else Windows-1252, which decodes any byte a page holds."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _printable(text: str) -> str:
    # Control characters have no glyph; tabs read as spaces.
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text.replace("\t", "    "))


def _html_text(data: bytes) -> str:
    parser = _TextOfPage()
    parser.feed(_decode(data))
    parser.close()
    title = _SPACES.sub(" ", "".join(parser.title)).strip()
    paragraphs = ([title] if title else []) + parser.paragraphs
    return "\n\n".join(paragraphs)


def _email_text(data: bytes) -> str:
    message = email.message_from_bytes(data, policy=email.policy.default)
    lines = [
        f"{name} : {message[name]}" for name in ("From", "To", "Date", "Subject") if message[name]
    ]
    body = message.get_body(preferencelist=("plain", "html"))
    text = ""
    if body is not None:
        content = body.get_content()
        text = content if isinstance(content, str) else _decode(content)
        if body.get_content_subtype() == "html":
            text = _html_text(text.encode("utf-8"))
    return "\n".join(lines) + "\n\n" + text


def text_of(media_type: str, data: bytes) -> str | None:
    """The readable text of a saved page, an email or a text file (paragraphs separated by a
    blank line); ``None`` for a file that has none."""
    if media_type == "text/html":
        text = _html_text(data)
    elif media_type == "message/rfc822":
        text = _email_text(data)
    elif media_type == "text/plain":
        text = _decode(data).replace("\r\n", "\n")
    else:
        return None
    return _printable(text)
