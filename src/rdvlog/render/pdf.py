"""The document model rendered to an A4 PDF with reportlab: embedded fonts, reproducible bytes."""

from __future__ import annotations

import datetime
import functools
import io
import math
from collections.abc import Callable, Iterator
from typing import Any
from xml.sax.saxutils import escape

from PIL import Image
from reportlab import rl_config
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import (
    PageBreak as RLPageBreak,
)
from reportlab.platypus import (
    Paragraph as RLParagraph,
)
from reportlab.platypus import (
    Table as RLTable,
)

from rdvlog.codes import Lang
from rdvlog.labels import t
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
    page_label,
)
from rdvlog.render.pdf_style import (
    ALIGN,
    BODY_SIZE,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    FURNITURE,
    HEADER_FILL,
    HIGHLIGHT,
    MARGIN,
    MIN_SHRINK,
    MONO,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    POINTS_PER_PIXEL,
    RULE,
    SERIF,
    register_fonts,
    styles,
)

__all__ = ["render_pdf"]

# Streams are written as binary, not ASCII85: without reportlab's C accelerator (not in its
# wheels) the pure-Python encoder took most of the time of a page with a screenshot, and
# binary streams are a fifth smaller.
rl_config.useA85 = 0


def _markup(runs: Runs, size: float) -> str:
    """reportlab's paragraph markup for the runs (text escaped)."""
    parts = []
    for run in map(as_text, runs):
        # Line feeds inside a run are kept as line breaks.
        piece = escape(run.text).replace("\n", "<br/>")
        if run.mono:
            piece = f'<font face="{MONO}" size="{size * 0.85:.2f}">{piece}</font>'
        if run.italic:
            piece = f"<i>{piece}</i>"
        if run.bold:
            piece = f"<b>{piece}</b>"
        if run.placeholder:
            piece = f'<font backColor="{HIGHLIGHT}">{piece}</font>'
        parts.append(piece)
    return "".join(parts)


def _paragraph(runs: Runs, style: ParagraphStyle) -> RLParagraph:
    return RLParagraph(_markup(runs, style.fontSize), style)


#: What Pillow and reportlab raise for a file that is not a whole image.
_DAMAGED = (OSError, ValueError, SyntaxError, Image.DecompressionBombError)
#: The frame an unreadable image's note is drawn in (a wide, low box).
_PLACEHOLDER_PIXELS = (1000, 250)


class _FigureFlowable(Flowable):  # type: ignore[misc]
    """A screenshot scaled to the frame width and to what is left of the page, caption under."""

    def __init__(self, figure: Figure, unreadable: str) -> None:
        super().__init__()
        note = ParagraphStyle("unreadable", parent=styles()["small"], alignment=ALIGN["center"])
        self._unreadable = _paragraph((unreadable,), note)
        self._image: ImageReader | None
        try:
            self._image = ImageReader(io.BytesIO(_embeddable(figure)))
            self._pixels = self._image.getSize()
        except _DAMAGED:
            # A screenshot tool that stopped writing halfway: the pièce still has its page,
            # its caption and hash, and says what is wrong instead of failing the dossier.
            self._image, self._pixels = None, _PLACEHOLDER_PIXELS
        self._caption = _paragraph(figure.caption, styles()["caption"]) if figure.caption else None
        self._scale = 1.0
        self._caption_height = 0.0

    def _natural(self, avail_width: float, avail_height: float) -> float:
        px_w, px_h = self._pixels
        return float(
            min(POINTS_PER_PIXEL, avail_width / px_w, max(avail_height, 1.0) / max(px_h, 1))
        )

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        caption = 0.0
        if self._caption is not None:
            caption = self._caption.wrap(avail_width, avail_height)[1] + 4
        gap = 4.0
        full = self._natural(avail_width, FRAME_HEIGHT - caption - gap)
        here = self._natural(avail_width, avail_height - caption - gap)
        # Shrink to fit the rest of the page, within reason; else take a page of its own.
        self._scale = here if here >= full * MIN_SHRINK else full
        self._caption_height = caption
        self.width = avail_width
        self.height = self._pixels[1] * self._scale + gap + caption
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        px_w, px_h = self._pixels
        w, h = px_w * self._scale, px_h * self._scale
        x = (self.width - w) / 2
        try:
            if self._image is None:
                raise OSError("no image")
            # The pixels are decoded here: a truncated file fails here, not when it is opened.
            self.canv.drawImage(self._image, x, self.height - h, w, h, mask="auto")
        except _DAMAGED:
            _, note = self._unreadable.wrap(w - 16, h)
            self._unreadable.drawOn(self.canv, x + 8, self.height - (h + note) / 2)
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.4)
        self.canv.rect(x, self.height - h, w, h)
        if self._caption is not None:
            self._caption.drawOn(self.canv, 0, 0)


def _embeddable(figure: Figure) -> bytes:
    """PNG and JPEG as given (JPEG stays DCT, PNG lossless); GIF, WEBP converted to PNG."""
    if figure.media_type in ("image/png", "image/jpeg"):
        return figure.data

    with Image.open(io.BytesIO(figure.data)) as image:
        out = io.BytesIO()
        image.convert("RGBA").save(out, format="PNG")
        return out.getvalue()


def _chart(chart: BarChart) -> list[Flowable]:
    title = RLParagraph(escape(chart.title), styles()["h3"])
    if not chart.labels:
        return [title]
    many = len(chart.labels) > 10
    height = 6.5 * cm
    bottom = 2.4 * cm if many else 1.1 * cm
    drawing = Drawing(FRAME_WIDTH, height)
    bars = VerticalBarChart()
    bars.x, bars.y = 1.2 * cm, bottom
    bars.width, bars.height = FRAME_WIDTH - 1.6 * cm, height - bottom - 0.5 * cm
    bars.data = [list(chart.values)]
    bars.categoryAxis.categoryNames = list(chart.labels)
    labels = bars.categoryAxis.labels
    labels.fontName, labels.fontSize = SERIF, 7.5
    if many:
        labels.angle, labels.boxAnchor, labels.dy = 50, "ne", -2
    top = max(chart.values, default=0)
    step = max(1, math.ceil(top / 5))
    axis = bars.valueAxis
    axis.valueMin, axis.valueMax, axis.valueStep = 0, max(step * math.ceil(top / step), 1), step
    axis.labels.fontName, axis.labels.fontSize = SERIF, 7.5
    axis.labelTextFormat = "%d"
    bars.bars[0].fillColor = colors.HexColor("#37474F")
    bars.bars[0].strokeColor = None
    # Every bar is labelled with its count, so a week with none reads "0", not a gap.
    bars.barLabelFormat = "%d"
    bars.barLabels.fontName, bars.barLabels.fontSize = SERIF, 7.5
    bars.barLabels.nudge = 6
    drawing.add(bars)
    return [KeepTogether([title, drawing, Spacer(1, 6)])]


def _table(table: Table) -> RLTable:
    named = styles()
    columns = len(table.header) or max((len(row) for row in table.rows), default=1)
    weights = list(table.widths or ()) or [1.0] * columns
    weights = (weights + [1.0] * columns)[:columns]
    total = sum(weights) or 1.0
    widths = [FRAME_WIDTH * w / total for w in weights]
    data: list[list[Any]] = []
    if table.header:
        data.append([RLParagraph(escape(cell), named["head"]) for cell in table.header])
    for row in table.rows:
        cells = [_paragraph(cell, named["cell"]) for cell in row]
        data.append(cells + [""] * (columns - len(cells)))
    if not data:
        data.append([""] * columns)
    result = RLTable(data, colWidths=widths, repeatRows=1 if table.header else 0)
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if table.header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL))
    result.setStyle(TableStyle(commands))
    result.spaceAfter = 8
    return result


def _bullets(bullets: Bullets) -> ListFlowable:
    # Left-aligned: a short item justified spreads its words across the line ("Adresse   de").
    style = styles()["item"]
    items = [ListItem(_paragraph(item, style)) for item in bullets.items]
    if bullets.numbered:
        return ListFlowable(
            items, bulletType="1", bulletFormat="%s.", bulletFontName=SERIF, leftIndent=18
        )
    return ListFlowable(items, bulletType="bullet", start="–", bulletFontName=SERIF, leftIndent=14)


def _flowables(block: Block, lang: Lang) -> Iterator[Flowable]:
    named = styles()
    if isinstance(block, Heading):
        level = min(max(block.level, 1), 3)
        # A heading is not left alone at the bottom of a page; keepWithNext would instead
        # push a long table that follows it whole onto the next page.
        yield CondPageBreak(3.5 * cm)
        yield RLParagraph(escape(block.text), named[f"h{level}"])
    elif isinstance(block, Paragraph):
        style = named[block.style]
        if ALIGN[block.align] != style.alignment:
            style = ParagraphStyle(f"{block.style}-{block.align}", parent=style)
            style.alignment = ALIGN[block.align]
        yield _paragraph(block.runs, style)
    elif isinstance(block, Bullets):
        yield _bullets(block)
    elif isinstance(block, Table):
        yield _table(block)
    elif isinstance(block, Figure):
        yield _FigureFlowable(block, t(lang, "dossier.image_unreadable"))
    elif isinstance(block, BarChart):
        yield from _chart(block)
    elif isinstance(block, PageBreak):
        yield RLPageBreak()


def _pdf_date(moment: datetime.datetime) -> str:
    offset = moment.utcoffset() or datetime.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"D:{moment:%Y%m%d%H%M%S}{sign}{hours:02d}'{mins:02d}'"


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Two passes: pages are kept until the end, so each footer can say "page X / Y"."""

    def __init__(self, *args: Any, document: Document, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._document = document
        self._pages: list[dict[str, Any]] = []
        date = _pdf_date(document.created)
        self.setDateFormatter(lambda *_: date)

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._furniture(number, total)
            super().showPage()
        super().save()

    def _furniture(self, number: int, total: int) -> None:
        document = self._document
        self.saveState()
        self.setFont(SERIF, 8)
        self.setFillColor(colors.HexColor("#424242"))
        if document.header:
            self.drawString(MARGIN, PAGE_HEIGHT - MARGIN + 4, _fit(document.header, FRAME_WIDTH))
            self.setStrokeColor(RULE)
            self.setLineWidth(0.4)
            self.line(MARGIN, PAGE_HEIGHT - MARGIN, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - MARGIN)
        label = page_label(document.lang, number, total)
        self.drawRightString(PAGE_WIDTH - MARGIN, MARGIN - 12, label)
        if document.footer:
            room = FRAME_WIDTH - pdfmetrics.stringWidth(label, SERIF, 8) - 12
            self.drawString(MARGIN, MARGIN - 12, _fit(document.footer, room))
        self.restoreState()


def _fit(text: str, width: float) -> str:
    """The text, shortened with "…" to fit the width at the running header's size."""
    text = " ".join(text.split())
    if pdfmetrics.stringWidth(text, SERIF, 8) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", SERIF, 8) > width:
        text = text[:-1]
    return text + "…"


def render_pdf(doc: Document) -> bytes:
    """The document as PDF bytes: identical bytes for an identical document."""
    register_fonts()
    out = io.BytesIO()
    template = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + FURNITURE,
        bottomMargin=MARGIN + FURNITURE,
        title=doc.title,
        author=doc.author,
        subject=doc.subject,
        creator="rdvlog",
        producer="rdvlog",
        lang=doc.lang,
        invariant=1,
    )
    story = [flowable for block in doc.blocks for flowable in _flowables(block, doc.lang)]
    if not story:
        story.append(Spacer(1, 1))
    canvasmaker: Callable[..., Canvas] = functools.partial(
        _NumberedCanvas, document=doc, initialFontName=SERIF, initialFontSize=BODY_SIZE
    )
    template.build(story, canvasmaker=canvasmaker)
    return out.getvalue()
