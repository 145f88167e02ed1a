"""``report --format pdf``: the Markdown's content laid out for print, read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader

from rdvlog.capture import capture_time
from rdvlog.models import Evidence
from rdvlog.render.report_pdf import render_report_pdf
from test_document_model import png

from builders import Clock
from conftest import Invoke
from report_fixture import report_input


def _image(evidence: Evidence) -> bytes:
    return png(320, 200)


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render_report_pdf(report_input("fr"), _image)


@pytest.fixture(scope="module")
def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def test_same_report_gives_identical_bytes(pdf: bytes) -> None:
    assert render_report_pdf(report_input("fr"), _image) == pdf


def test_title_page_has_the_synthese_and_page_numbers(reader: PdfReader) -> None:
    first = reader.pages[0].extract_text()
    assert "Relevé des tentatives de prise de rendez-vous en préfecture" in first
    assert "Préfecture compétente" in first and "Tribunal administratif de Montreuil" in first
    assert f"page 1 / {len(reader.pages)}" in first


def test_header_is_repeated_and_every_screenshot_has_a_captioned_page(reader: PdfReader) -> None:
    report = report_input("fr")
    texts = [page.extract_text() for page in reader.pages]
    table_pages = [t for t in texts if "Message affiché et observations" in t]
    assert len(table_pages) >= 2  # the chronological table spans pages, header repeated
    shots = [p for p in report.pieces if p.kind == "screenshot"]
    for piece in shots:
        assert any(f"Pièce n° {piece.number} — capture d'écran" in t for t in texts)
    with_images = [page for page in reader.pages if page.images]
    assert len(with_images) == len(shots)
    assert any("SHA-256" in t and "Intégrité du journal" in t for t in texts)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm not installed")
def test_first_page_renders_to_a_non_blank_image(pdf: bytes, tmp_path: Path) -> None:
    from PIL import Image

    (tmp_path / "report.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "30", "-f", "1", "-l", "1", "-png", "report.pdf", "page"],
        cwd=tmp_path,
        check=True,
    )
    (image_path,) = tmp_path.glob("page*.png")
    with Image.open(image_path) as image:
        extrema = image.convert("L").getextrema()
    assert extrema[0] < 100 < extrema[1]


# --- The command ------------------------------------------------------------------------------


@pytest.fixture
def journal(rdvlog: Invoke, clock: Clock, tmp_path: Path) -> None:
    capture = tmp_path / "capture.png"
    capture.write_bytes(png(320, 200))
    rdvlog("case", "set", "-p", "93", "-d", "AES salarié", "--applicant", "Aïcha B.")
    for day in ("02/11/2026", "09/11/2026", "17/11/2026"):
        result = rdvlog("attempt", "add", "--at", f"{day} 07:55", "-e", str(capture))
        assert result.exit_code == 0, result.output


def test_pdf_from_the_extension_and_reproducible(
    rdvlog: Invoke, journal: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert rdvlog("report", "-o", str(first)).exit_code == 0
    assert rdvlog("report", "--format", "pdf", "-o", str(second)).exit_code == 0
    assert first.read_bytes().startswith(b"%PDF")
    assert first.read_bytes() == second.read_bytes()
    text = PdfReader(first).pages[0].extract_text()
    assert "Aïcha B." in text


@pytest.mark.parametrize(
    ("name", "given"), [("rapport.pdf", "markdown"), ("rapport.md", "pdf"), ("x.csv", "pdf")]
)
def test_an_extension_that_contradicts_the_format_is_refused(
    rdvlog: Invoke, journal: None, tmp_path: Path, name: str, given: str
) -> None:
    result = rdvlog("report", "--format", given, "-o", str(tmp_path / name))
    assert result.exit_code == 2
    assert result.stderr.startswith("error:") and "Traceback" not in result.stderr
    assert not (tmp_path / name).exists()


def test_csv_and_markdown_from_the_extension(rdvlog: Invoke, journal: None, tmp_path: Path) -> None:
    assert rdvlog("report", "-o", str(tmp_path / "r.csv")).exit_code == 0
    assert (tmp_path / "r.csv").read_text(encoding="utf-8").startswith("Tentative n°")
    assert rdvlog("report", "-o", str(tmp_path / "r.md")).exit_code == 0
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# ")


# --- Capture times ----------------------------------------------------------------------------


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def test_png_time_chunk_is_read_as_utc() -> None:
    header = _chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
    stamp = _chunk(b"tIME", struct.pack(">HBBBBB", 2026, 10, 20, 6, 30, 5))
    data = b"\x89PNG\r\n\x1a\n" + header + stamp + _chunk(b"IEND", b"")
    assert capture_time(data) == dt.datetime(2026, 10, 20, 6, 30, 5, tzinfo=dt.timezone.utc)
    assert capture_time(png(320, 200)) is None


def test_exif_date_time_original_is_read_from_a_jpeg() -> None:
    date = b"2026:10:20 08:30:00\x00"
    # TIFF little-endian: IFD0 with one pointer to the EXIF IFD, which holds DateTimeOriginal.
    ifd0 = struct.pack("<H", 1) + struct.pack("<HHII", 0x8769, 4, 1, 26) + struct.pack("<I", 0)
    exif = struct.pack("<H", 1) + struct.pack("<HHII", 0x9003, 2, len(date), 44)
    tiff = b"II*\x00" + struct.pack("<I", 8) + ifd0 + exif + struct.pack("<I", 0) + date
    segment = b"Exif\x00\x00" + tiff
    data = b"\xff\xd8\xff\xe1" + struct.pack(">H", len(segment) + 2) + segment + b"\xff\xd9"
    assert capture_time(data) == dt.datetime(2026, 10, 20, 8, 30)
    assert capture_time(b"\xff\xd8\xff\xd9") is None
    assert capture_time(b"not an image") is None
    assert capture_time(data[:30]) is None
