"""The report as an A4 PDF (``report --format pdf``): the Markdown's content, laid out for print.

The blocks come from :mod:`rdvlog.render.report_content`, as for the Markdown, so the two
cannot say different things; this module only lays them out: the title page (synthèse and
warnings), the weeks as a bar chart, the tables with their header repeated on every page,
then each screenshot on a page of its own with its caption.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from rdvlog.models import Evidence
from rdvlog.pieces import is_image
from rdvlog.render.document import (
    BarChart,
    Block,
    Document,
    Figure,
    Heading,
    PageBreak,
    Table,
)
from rdvlog.render.i18n import t
from rdvlog.render.pdf import render_pdf
from rdvlog.render.report_content import Content, caption
from rdvlog.render.report_parts import Item, RowTable, WeekSeries
from rdvlog.report import ReportInput

__all__ = ["render_report_pdf", "report_document"]


def _blocks(content: Content, item: Item) -> Iterator[Block]:
    if isinstance(item, RowTable):
        rows = tuple(tuple((cell,) for cell in row) for row in item.rows())
        yield Table(item.header, rows, item.widths)
    elif isinstance(item, WeekSeries):
        # Under each bar, the week's Monday (« 19/10 »); the table under it names each week whole.
        short = tuple(f"{m.day:02d}/{m.month:02d}" for m in item.mondays)
        yield BarChart(t(content.lang, "chart.title"), short, item.values)
        rows = tuple(
            ((label,), (str(value),)) for label, value in zip(item.labels, item.values, strict=True)
        )
        yield Table(item.header[:2], rows, widths=(4, 1))
    else:
        yield item


def report_document(report: ReportInput, image: Callable[[Evidence], bytes]) -> Document:
    """The PDF's document model; ``image`` reads a screenshot's bytes (from the store)."""
    content = Content(report)
    blocks: list[Block] = []
    for part in content.items():
        blocks.extend(_blocks(content, part))
    shots = [
        (piece, item)
        for piece in report.pieces
        for item in piece.items
        if item.record is not None and is_image(item.evidence)
    ]
    seen: set[str] = set()
    for piece, item in shots:
        if item.evidence.sha256 in seen:
            continue  # a reused file is shown once; its pièce lists every attempt
        seen.add(item.evidence.sha256)
        blocks.append(PageBreak())
        blocks.append(Heading(piece.label, 2))
        blocks.append(
            Figure(image(item.evidence), item.evidence.media_type, caption(report, piece, item))
        )
    lang = report.lang
    who = report.case.applicant or t(lang, "bundle.no_applicant")
    return Document(
        title=t(lang, "title"),
        blocks=tuple(blocks),
        lang=lang,
        created=report.generated_at,
        subject=who,
        footer=t(lang, "pdf.footer", title=t(lang, "title"), who=who),
    )


def render_report_pdf(report: ReportInput, image: Callable[[Evidence], bytes]) -> bytes:
    """The report as PDF bytes; reproducible for the same input (``generated_at`` included)."""
    return render_pdf(report_document(report, image))
