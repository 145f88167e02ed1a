"""The document model rendered to an editable Word file with python-docx, reproducibly."""

from __future__ import annotations

import datetime
import io
import zipfile

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph
from PIL import Image

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
)

__all__ = ["render_docx"]

MARGIN = Cm(2)
PAGE_WIDTH, PAGE_HEIGHT = Cm(21), Cm(29.7)
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
SERIF, MONO = "Cambria", "Consolas"
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}
# A fixed time for the zip members: python-docx would write the current time.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _add_runs(paragraph: DocxParagraph, runs: Runs, size: float | None = None) -> None:
    for item in map(as_text, runs):
        run = paragraph.add_run(item.text)
        run.bold = item.bold or None
        run.italic = item.italic or None
        if item.mono:
            run.font.name = MONO
        if item.placeholder:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        if size is not None:
            run.font.size = Pt(size)


def _field(paragraph: DocxParagraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word computes when it lays out the pages."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1")):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText" if text == instruction else "w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def _set_up(docx: DocxDocument, doc: Document) -> None:
    section = docx.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN
    normal = docx.styles["Normal"]
    normal.font.name = SERIF
    normal.font.size = Pt(10.5)
    if doc.header:
        header = section.header.paragraphs[0]
        header.text = doc.header
        header.runs[0].font.size = Pt(8)
    footer = section.footer.paragraphs[0]
    footer.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, alignment=2)  # right tab
    footer.add_run(doc.footer + "\tpage ").font.size = Pt(8)
    _field(footer, "PAGE")
    footer.add_run(" / " if doc.lang == "fr" else " of ")
    _field(footer, "NUMPAGES")
    for run in footer.runs:
        run.font.size = Pt(8)


def _heading(docx: DocxDocument, block: Heading) -> None:
    paragraph = docx.add_heading(block.text, level=min(max(block.level, 1), 3))
    for run in paragraph.runs:
        run.font.color.rgb = RGBColor(0, 0, 0)


def _paragraph(docx: DocxDocument, block: Paragraph) -> None:
    style = "Title" if block.style == "title" else "Quote" if block.style == "quote" else None
    paragraph = docx.add_paragraph(style=style)
    paragraph.alignment = _ALIGN[block.align]
    size = 8.5 if block.style == "small" else None
    _add_runs(paragraph, block.runs, size)
    if block.style == "warning":
        for run in paragraph.runs:
            run.bold = True
            run.font.color.rgb = RGBColor(0x7F, 0, 0)
    if block.style == "signature":
        paragraph.paragraph_format.left_indent = TEXT_WIDTH // 2
        paragraph.paragraph_format.space_before = Pt(18)


def _table(docx: DocxDocument, block: Table) -> None:
    columns = len(block.header) or max((len(row) for row in block.rows), default=1)
    table = docx.add_table(rows=0, cols=columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    weights = (list(block.widths or ()) + [1.0] * columns)[:columns]
    total = sum(weights) or 1.0
    widths = [int(TEXT_WIDTH * w / total) for w in weights]
    if block.header:
        cells = table.add_row().cells
        # Marked as a header row: Word repeats it at the top of every page.
        row_properties = table.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        row_properties.append(repeat)
        for cell, text in zip(cells, block.header, strict=False):
            _add_runs(cell.paragraphs[0], (text,), 9)
            cell.paragraphs[0].runs[0].bold = True
    for row in block.rows:
        cells = table.add_row().cells
        for cell, runs in zip(cells, row, strict=False):
            _add_runs(cell.paragraphs[0], runs, 9)
    for row_ in table.rows:
        for cell, width in zip(row_.cells, widths, strict=False):
            cell.width = width
    docx.add_paragraph()


def _figure(docx: DocxDocument, block: Figure) -> None:

    data = block.data
    with Image.open(io.BytesIO(data)) as image:
        width_px, height_px = image.size
        if block.media_type not in ("image/png", "image/jpeg", "image/gif"):
            out = io.BytesIO()
            image.convert("RGBA").save(out, format="PNG")
            data = out.getvalue()
    # At most the text width and two thirds of the page height; never enlarged past 96 dpi.
    width = min(TEXT_WIDTH, Cm(width_px * 2.54 / 96))
    max_height = (PAGE_HEIGHT - 2 * MARGIN) * 2 // 3
    if width * height_px / width_px > max_height:
        width = int(max_height * width_px / height_px)
    docx.add_picture(io.BytesIO(data), width=int(width))
    docx.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    if block.caption:
        caption = docx.add_paragraph(style="Caption")
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _add_runs(caption, block.caption)


def _chart(docx: DocxDocument, block: BarChart) -> None:
    # A table rather than a drawing: editable, and a week with none reads "0".
    docx.add_paragraph(block.title).runs[0].bold = True
    table = docx.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    top = max(block.values, default=0) or 1
    for label, value in zip(block.labels, block.values, strict=False):
        cells = table.add_row().cells
        _add_runs(cells[0].paragraphs[0], (label,), 9)
        bar = "█" * round(20 * value / top)
        _add_runs(cells[1].paragraphs[0], (f"{bar} {value}".strip(),), 9)
    docx.add_paragraph()


def _block(docx: DocxDocument, block: Block) -> None:
    if isinstance(block, Heading):
        _heading(docx, block)
    elif isinstance(block, Paragraph):
        _paragraph(docx, block)
    elif isinstance(block, Bullets):
        style = "List Number" if block.numbered else "List Bullet"
        for item in block.items:
            _add_runs(docx.add_paragraph(style=style), item)
    elif isinstance(block, Table):
        _table(docx, block)
    elif isinstance(block, Figure):
        _figure(docx, block)
    elif isinstance(block, BarChart):
        _chart(docx, block)
    elif isinstance(block, PageBreak):
        docx.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _reproducible_zip(data: bytes) -> bytes:
    """The same members in the same order with a fixed time, so equal input gives equal bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for name in source.namelist():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()


def render_docx(doc: Document) -> bytes:
    """The document as DOCX bytes: identical bytes for an identical document."""
    docx = new_docx()
    _set_up(docx, doc)
    for block in doc.blocks:
        _block(docx, block)
    created = doc.created.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    properties = docx.core_properties
    properties.title = doc.title
    properties.author = doc.author
    properties.subject = doc.subject
    properties.last_modified_by = doc.author
    properties.created = properties.modified = created
    properties.revision = 1
    properties.language = "fr-FR" if doc.lang == "fr" else "en-GB"
    properties.comments = ""
    out = io.BytesIO()
    docx.save(out)
    return _reproducible_zip(out.getvalue())
