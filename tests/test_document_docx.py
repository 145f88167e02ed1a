"""The DOCX writer: real headings, repeated table header, highlighted placeholders, same bytes."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document as open_docx
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn

from rdvlog.render.docx import render_docx
from test_document_model import PLACEHOLDER, sample_document


@pytest.fixture(scope="module")
def data() -> bytes:
    return render_docx(sample_document())


def test_same_document_gives_identical_bytes(data: bytes) -> None:
    assert render_docx(sample_document()) == data


def test_zip_members_have_a_fixed_time(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_core_properties_come_from_the_document(data: bytes) -> None:
    properties = open_docx(io.BytesIO(data)).core_properties
    assert properties.title == "Journal des tentatives de prise de rendez-vous"
    assert properties.revision == 1
    assert properties.created is not None
    assert properties.created.isoformat().startswith("2026-11-26T08:52:25")
    assert properties.modified == properties.created


def test_headings_are_word_headings(data: bytes) -> None:
    docx = open_docx(io.BytesIO(data))
    headings = [
        (p.style.name, p.text) for p in docx.paragraphs if p.style.name.startswith("Heading")
    ]
    assert ("Heading 1", "1. Synthèse") in headings
    assert ("Heading 2", "2.1 Tentatives de réservation") in headings
    assert ("Heading 3", "Pièces") in headings


def test_table_header_row_repeats_on_every_page(data: bytes) -> None:
    docx = open_docx(io.BytesIO(data))
    table = next(t for t in docx.tables if t.rows[0].cells[0].text == "N°")
    assert len(table.rows) == 61
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert table.rows[1]._tr.trPr is None or table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None


def test_placeholders_are_highlighted_yellow(data: bytes) -> None:
    docx = open_docx(io.BytesIO(data))
    runs = [run for p in docx.paragraphs for run in p.runs if run.text == PLACEHOLDER]
    assert runs
    assert all(run.font.highlight_color == WD_COLOR_INDEX.YELLOW for run in runs)


def test_figures_are_embedded(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        media = [name for name in archive.namelist() if name.startswith("word/media/")]
    assert len(media) == 2


def test_header_footer_and_page_field(data: bytes) -> None:
    docx = open_docx(io.BytesIO(data))
    section = docx.sections[0]
    assert "PJ 3" in section.header.paragraphs[0].text
    footer_xml = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    assert round(section.left_margin.cm, 1) == 2.0
    assert round(section.page_width.cm, 1) == 21.0
