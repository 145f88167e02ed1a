"""The report as a PDF (minimal version for the ``dossier`` branch; the ``report`` branch's
module replaces it with the same API)."""

from __future__ import annotations

from collections.abc import Callable

from rdvlog.models import Evidence
from rdvlog.render.document import Document, Heading, Paragraph, Table
from rdvlog.render.pdf import render_pdf
from rdvlog.report import ReportInput


def render_report_pdf(report: ReportInput, image: Callable[[Evidence], bytes]) -> bytes:
    """The report's title, who it is about, and its list of pièces."""
    title = "Relevé des tentatives de prise de rendez-vous en préfecture"
    applicant = report.case.applicant or "-"
    rows = tuple(((str(p.number),), (p.label,)) for p in report.pieces)
    document = Document(
        title=title,
        blocks=(
            Heading(title),
            Paragraph((f"{applicant} : {len(report.active)} tentatives.",)),
            Table(("N°", "Pièce"), rows, widths=(1, 8)),
        ),
        lang=report.lang,
        created=report.generated_at,
    )
    return render_pdf(document)
