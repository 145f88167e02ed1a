"""The PDF writer: fonts embedded, French typography extractable, reproducible bytes."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from rdvlog.render.document import Document, Figure, Paragraph, Table, Text
from rdvlog.render.pdf import render_pdf
from test_document_model import CREATED, HASH, NBSP, NNBSP, PLACEHOLDER, png, sample_document


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render_pdf(sample_document())


@pytest.fixture(scope="module")
def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def test_same_document_gives_identical_bytes(pdf: bytes) -> None:
    assert render_pdf(sample_document()) == pdf


def test_metadata_carries_title_and_the_documents_date(reader: PdfReader) -> None:
    info = reader.metadata
    assert info is not None
    assert info.title == "Journal des tentatives de prise de rendez-vous"
    assert info["/CreationDate"] == "D:20261126095225+01'00'"
    assert info["/ModDate"] == info["/CreationDate"]


def test_pages_are_a4_with_a_numbered_footer(reader: PdfReader) -> None:
    total = len(reader.pages)
    assert total >= 4
    assert abs(float(reader.pages[0].mediabox.width) - 595.27) < 1
    for number, page in enumerate(reader.pages, start=1):
        assert f"page {number} / {total}" in page.extract_text()


def test_french_typography_survives_text_extraction(reader: PdfReader, pdf: bytes) -> None:
    text = reader.pages[0].extract_text()
    for word in ("Synthèse", "séjour", "œuvre", "Œdipe", "ça", "à", "è", "n’existe", "«", "»"):
        assert word in text, word
    assert f"«{NNBSP}Il" in text
    # reportlab draws U+00A0 with the space glyph: kept together, extracted as a space.
    assert re.search(f"n°[ {NBSP}]435594", text)
    assert b"/FontFile2" in pdf


def test_narrow_no_break_space_does_not_become_a_line_break() -> None:
    words = " ".join(["mot"] * 30)
    doc = Document("t", (Paragraph((f"{words} «{NNBSP}citation{NNBSP}» {words}",)),), "fr", CREATED)
    text = PdfReader(io.BytesIO(render_pdf(doc))).pages[0].extract_text()
    assert f"«{NNBSP}citation{NNBSP}»" in text


def test_placeholder_is_printed_and_highlighted(reader: PdfReader) -> None:
    assert PLACEHOLDER in reader.pages[0].extract_text()
    content = reader.pages[0].get_contents()
    assert content is not None
    # The yellow background (#FFEB3B) is filled behind the placeholder.
    assert re.search(rb"1 \.921569 \.231373 rg", content.get_data())


def test_long_table_repeats_its_header_and_wraps_hashes(reader: PdfReader) -> None:
    pages_with_rows = [
        p.extract_text() for p in reader.pages if "Seine-Saint-Denis (Bobigny)" in p.extract_text()
    ]
    assert len(pages_with_rows) >= 2
    for text in pages_with_rows:
        assert "SHA-256 de la capture" in text
    # A 64-hex hash is split over two lines in its narrow column, every character kept.
    joined = pages_with_rows[0].replace("\n", "")
    assert HASH in joined


def test_table_wider_than_the_page_wraps_its_cells() -> None:
    long_cell = ("mot " * 80,)
    doc = Document(
        "t", (Table(tuple(f"col{i}" for i in range(8)), ((long_cell,) * 8,)),), "fr", CREATED
    )
    page = PdfReader(io.BytesIO(render_pdf(doc))).pages[0]
    assert "col7" in page.extract_text()


def test_figures_are_embedded_losslessly(reader: PdfReader) -> None:
    images = [image for page in reader.pages for image in page.images]
    assert len(images) == 2
    assert all(image.image.mode in ("RGB", "RGBA", "P") for image in images if image.image)


def test_jpeg_and_gif_figures_are_accepted() -> None:
    from PIL import Image

    def encoded(fmt: str) -> bytes:
        out = io.BytesIO()
        Image.open(io.BytesIO(png(200, 100))).convert("RGB").save(out, format=fmt)
        return out.getvalue()

    doc = Document(
        "t",
        (
            Figure(encoded("JPEG"), "image/jpeg", ("jpeg",)),
            Figure(encoded("GIF"), "image/gif", ("gif",)),
            Figure(encoded("WEBP"), "image/webp", ("webp",)),
        ),
        "en",
        CREATED,
    )
    reader = PdfReader(io.BytesIO(render_pdf(doc)))
    assert sum(len(page.images) for page in reader.pages) == 3
    assert "page 1 of 1" in reader.pages[0].extract_text()


def test_a_tall_screenshot_is_scaled_to_fit_one_page() -> None:
    doc = Document(
        "t", (Figure(png(400, 3000), "image/png", (Text("tall", bold=True),)),), "fr", CREATED
    )
    assert len(PdfReader(io.BytesIO(render_pdf(doc))).pages) == 1


def test_bar_chart_shows_every_week_and_its_count(reader: PdfReader) -> None:
    text = reader.pages[0].extract_text()
    assert "Tentatives par semaine calendaire" in text
    assert "5–11 oct." in text and "2–8 nov." in text


def test_bar_chart_with_many_weeks_still_renders() -> None:
    from rdvlog.render.document import BarChart

    labels = tuple(f"sem. {n}" for n in range(30))
    doc = Document("t", (BarChart("x", labels, tuple(n % 3 for n in range(30))),), "fr", CREATED)
    assert "sem. 29" in PdfReader(io.BytesIO(render_pdf(doc))).pages[0].extract_text()


def test_empty_document_is_one_page() -> None:
    doc = replace(sample_document(), blocks=())
    assert len(PdfReader(io.BytesIO(render_pdf(doc))).pages) == 1


@pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed"
)
def test_first_page_renders_to_a_non_blank_image(pdf: bytes, tmp_path: Path) -> None:
    from PIL import Image

    (tmp_path / "doc.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "30", "-f", "1", "-l", "1", "-png", "doc.pdf", "page"],
        cwd=tmp_path,
        check=True,
    )
    (image_path,) = tmp_path.glob("page*.png")
    with Image.open(image_path) as image:
        extrema = image.convert("L").getextrema()
    assert extrema[0] < 100 < extrema[1]
