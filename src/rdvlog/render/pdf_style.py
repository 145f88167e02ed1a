"""How rdvlog's PDFs look: the page, the embedded fonts, the paragraph styles."""

from __future__ import annotations

import functools
import re
from importlib.resources import as_file, files

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import paragraph as rl_paragraph

SERIF, SERIF_BOLD, SERIF_ITALIC, MONO = "RdvSerif", "RdvSerif-Bold", "RdvSerif-Italic", "RdvMono"
_FONT_FILES = {
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    SERIF_ITALIC: "DejaVuSerif-Italic.ttf",
    MONO: "DejaVuSansMono.ttf",
}
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 2 * cm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
# Room kept above and below the frame for the running header and footer.
FURNITURE = 0.6 * cm
FRAME_HEIGHT = PAGE_HEIGHT - 2 * MARGIN - 2 * FURNITURE
BODY_SIZE = 10.5
HIGHLIGHT = "#FFEB3B"
RULE = colors.HexColor("#9E9E9E")
HEADER_FILL = colors.HexColor("#EEEEEE")
# A screenshot is never enlarged beyond 96 dpi (1 px = 0.75 pt).
POINTS_PER_PIXEL = 0.75
# A figure shrinks to fit what is left of a page only down to this share of its full size;
# smaller than that it goes to the next page instead.
MIN_SHRINK = 0.6


# reportlab breaks lines at U+202F (narrow no-break space) and turns it into an ordinary
# space: « Il n'existe plus » could lose its guillemet at a line end, and the extracted text
# would lose the character. Words are split everywhere else as reportlab does.
_BREAKING = rl_paragraph._wsc.replace("\u202f", "").replace("\u00a0", "")
_BREAKING_SPACES = re.compile(f"[{re.escape(_BREAKING)}]+")


def _split_words(text: str | bytes, delim: str | bytes | None = None) -> list[str]:
    if isinstance(text, bytes):
        text = text.decode("utf8")
    if isinstance(delim, bytes):
        delim = delim.decode("utf8")
    if delim is not None:
        return text.split(delim)
    return [word for word in _BREAKING_SPACES.split(text) if word]


rl_paragraph.split = _split_words


@functools.cache
def register_fonts() -> None:
    """Embed DejaVu (it has « » œ and the narrow no-break space; reportlab's Vera has not)."""
    fonts = files("rdvlog") / "data" / "fonts"
    for name, file_name in _FONT_FILES.items():
        with as_file(fonts / file_name) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC, boldItalic=SERIF_BOLD
    )
    pdfmetrics.registerFontFamily(MONO, normal=MONO, bold=MONO, italic=MONO, boldItalic=MONO)


ALIGN = {"left": TA_LEFT, "justify": TA_JUSTIFY, "center": TA_CENTER, "right": TA_RIGHT}


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles by name: body, small, warning, quote, title, signature, h1–h3,
    cell, head, caption."""
    body = ParagraphStyle(
        "body",
        fontName=SERIF,
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.35,
        spaceAfter=5,
        alignment=TA_JUSTIFY,
        splitLongWords=1,
        allowWidows=0,
        allowOrphans=0,
    )
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11),
        "warning": ParagraphStyle(
            "warning",
            parent=body,
            fontName=SERIF_BOLD,
            textColor=colors.HexColor("#7F0000"),
            backColor=colors.HexColor("#FDECEA"),
            borderColor=colors.HexColor("#B71C1C"),
            borderWidth=0.8,
            borderPadding=5,
            spaceBefore=6,
            spaceAfter=10,
        ),
        "quote": ParagraphStyle(
            "quote", parent=body, fontName=SERIF_ITALIC, leftIndent=1 * cm, rightIndent=1 * cm
        ),
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=SERIF_BOLD,
            fontSize=16,
            leading=20,
            spaceAfter=12,
            alignment=TA_CENTER,
        ),
        "signature": ParagraphStyle("signature", parent=body, leftIndent=FRAME_WIDTH / 2),
        "item": ParagraphStyle("item", parent=body, alignment=TA_LEFT),
        **_heading_styles(body),
        **_table_styles(body),
    }


def _heading_styles(body: ParagraphStyle) -> dict[str, ParagraphStyle]:
    return {
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=SERIF_BOLD,
            fontSize=13,
            leading=16,
            spaceBefore=12,
            spaceAfter=6,
            alignment=TA_LEFT,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=SERIF_BOLD,
            fontSize=11.5,
            leading=14,
            spaceBefore=9,
            spaceAfter=4,
            alignment=TA_LEFT,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=body,
            fontName=SERIF_ITALIC,
            fontSize=10.5,
            leading=13,
            spaceBefore=6,
            spaceAfter=3,
            alignment=TA_LEFT,
        ),
    }


def _table_styles(body: ParagraphStyle) -> dict[str, ParagraphStyle]:
    return {
        "cell": ParagraphStyle(
            "cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0, alignment=TA_LEFT
        ),
        "head": ParagraphStyle(
            "head",
            parent=body,
            fontName=SERIF_BOLD,
            fontSize=8.5,
            leading=10.5,
            spaceAfter=0,
            alignment=TA_LEFT,
        ),
        "caption": ParagraphStyle(
            "caption", parent=body, fontSize=9, leading=11.5, alignment=TA_CENTER, spaceAfter=8
        ),
    }
