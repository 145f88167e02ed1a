"""``rdvlog dossier``: the files a lawyer uploads to Télérecours, read back with pypdf."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from rdvlog.render.filenames import piece_file_name
from test_document_model import png

from builders import PARIS, snapshot
from conftest import Invoke


def blank_pdf(width: float) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=width, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


OFFER = blank_pdf(595)
PAGE = (
    "<!doctype html><html><head><title>Rendez-vous ANEF</title><style>p{}</style>"
    "<script>var x = 1;</script></head><body><h1>Prendre rendez-vous</h1>"
    "<p>Il n'existe plus de plage horaire libre pour votre demande de rendez-vous.</p>"
    "<div>Veuillez recommencer ultérieurement&nbsp;: « aucun créneau ».</div></body></html>"
)
EMAIL = (
    "From: prefecture@seine-saint-denis.gouv.fr\r\nTo: aicha@example.org\r\n"
    "Subject: =?utf-8?q?Votre_demande_de_rendez-vous?=\r\nDate: Tue, 27 Oct 2026 10:00:00 +0100\r\n"
    "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
    "Madame,\r\nVotre demande a bien été reçue. Aucun créneau n'est disponible.\r\n"
)


def pdf(path: Path) -> PdfReader:
    return PdfReader(io.BytesIO(path.read_bytes()))


def text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in pdf(path).pages).split())


def images(path: Path) -> int:
    return sum(len(page.images) for page in pdf(path).pages)


@pytest.fixture
def case(rdvlog: Invoke, tmp_path: Path) -> Path:
    """A case with two documents and four attempts over two weeks: screenshots (one reused),
    a saved page, an email and a PDF."""
    files = tmp_path / "files"
    files.mkdir()
    for name, colour in (("s1", (40, 90, 160)), ("s2", (160, 40, 40)), ("s3", (40, 140, 60))):
        (files / f"{name}.png").write_bytes(png(160, 100, colour))
    (files / "recto.png").write_bytes(png(200, 130, (90, 90, 90)))
    (files / "offre.pdf").write_bytes(OFFER)
    (files / "page.html").write_text(PAGE, encoding="utf-8")
    (files / "reponse.eml").write_text(EMAIL, encoding="utf-8", newline="")
    (files / "lettre.pdf").write_bytes(blank_pdf(600))
    commands = [
        ("case", "set", "--applicant", "Aïcha Ben Saïd", "--civility", "Mme", "-p", "bobigny",
         "-d", "AES salarié"),
        ("case", "attach", "recto.png", "--label", "Titre de séjour expirant le 02/01/2027"),
        ("case", "attach", "offre.pdf", "--label", "Promesse d'embauche"),
        ("attempt", "add", "--at", "2026-10-20 08:30", "-e", "s1.png", "-e", "page.html"),
        ("attempt", "add", "--at", "2026-10-21 09:00", "-e", "s2.png"),
        ("attempt", "add", "--at", "2026-10-27 14:10", "-e", "s3.png", "-e", "s1.png",
         "-e", "reponse.eml"),
        ("attempt", "add", "--at", "2026-10-28 08:00", "-c", "email", "-e", "lettre.pdf"),
    ]  # fmt: skip
    for command in commands:
        args = [str(files / a) if (files / a).exists() else a for a in command]
        result = rdvlog(*args)
        assert result.exit_code == 0, result.output
    return files


def written(rdvlog: Invoke, *args: str) -> list[dict[str, object]]:
    result = rdvlog("dossier", *args, "--json")
    assert result.exit_code == 0, result.output
    listed: list[dict[str, object]] = json.loads(result.stdout)
    return listed


def ascii_label(name: str) -> str:
    return re.sub(r"^PJ\d+_|\.pdf$", "", name)


def test_the_folder_holds_exactly_the_bordereau_and_one_pdf_per_piece(
    rdvlog: Invoke, case: Path, tmp_path: Path
) -> None:
    out = tmp_path / "dossier"
    listed = written(rdvlog, "-o", str(out))
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(str(f["file"]) for f in listed)
    assert listed[0]["file"] == "PJ00_bordereau.pdf"
    assert [f["number"] for f in listed] == list(range(0, 10))
    kinds = [str(f["label"]) for f in listed]
    assert kinds[1] == "Relevé des tentatives de prise de rendez-vous en préfecture"
    assert kinds[2:4] == ["Titre de séjour expirant le 02/01/2027", "Promesse d'embauche"]
    for f in listed:
        path = out / str(f["file"])
        assert path.stat().st_size == f["size"]
        assert pdf(path).pages, path  # every file reads back as a PDF
    assert all(len(str(f["file"])) <= 80 for f in listed)


def test_bordereau_lists_every_piece_with_the_file_names_labels(
    rdvlog: Invoke, case: Path, tmp_path: Path
) -> None:
    out = tmp_path / "dossier"
    listed = written(rdvlog, "-o", str(out))
    bordereau = text(out / "PJ00_bordereau.pdf")
    assert "Bordereau des pièces communiquées" in bordereau
    assert "Demandeur : Mme Aïcha Ben Saïd" in bordereau
    assert "Préfecture : Préfecture de la Seine-Saint-Denis" in bordereau
    for f in listed[1:]:
        label = str(f["label"])
        # Identical text to the file name's label before the ASCII folding.
        assert piece_file_name(int(str(f["number"])), label) == f["file"]
        # The PDF draws a no-break space as a space: compare the words.
        assert " ".join(label.split()) in " ".join(bordereau.split()), label
        # The SHA-256 of each file is the one of the file in the folder (cells wrap it).
        assert str(f["sha256"]) in bordereau.replace(" ", ""), label


def test_screenshots_become_captioned_pages_and_a_reused_one_is_one_piece(
    rdvlog: Invoke, case: Path, tmp_path: Path
) -> None:
    out = tmp_path / "dossier"
    listed = written(rdvlog, "-o", str(out))
    shots = [f for f in listed if str(f["label"]).startswith("Capture d'écran")]
    assert len(shots) == 3  # s1 is attached to attempts 1 and 3: one pièce
    first = out / str(shots[0]["file"])
    assert len(pdf(first).pages) == 1 and images(first) == 1
    caption = text(first)
    assert f"Pièce n° {shots[0]['number']}" in caption
    assert "tentative n° 1 du mar. 20/10/2026 08:30" in caption
    assert "tentative n° 3 du mar. 27/10/2026 14:10" in caption
    assert "fichier « s1.png »" in caption
    sha = hashlib.sha256((case / "s1.png").read_bytes()).hexdigest()
    assert sha in caption.replace(" ", "")


def test_pdf_exhibits_and_documents_are_copied_byte_for_byte(
    rdvlog: Invoke, case: Path, tmp_path: Path
) -> None:
    out = tmp_path / "dossier"
    written(rdvlog, "-o", str(out))
    assert (out / "PJ03_Promesse_d_embauche.pdf").read_bytes() == OFFER
    copies = [p for p in out.iterdir() if p.read_bytes() == (case / "lettre.pdf").read_bytes()]
    assert len(copies) == 1


def test_a_saved_page_and_an_email_become_their_text(
    rdvlog: Invoke, case: Path, tmp_path: Path
) -> None:
    out = tmp_path / "dossier"
    listed = written(rdvlog, "-o", str(out))
    files = {
        " ".join(str(f["label"]).split()): out / str(f["file"])
        for f in listed
        if str(f["label"]).startswith("Fichier joint")
    }

    def attached_to(attempt: str) -> Path:
        (found,) = [path for label, path in files.items() if f"({attempt})" in label]
        return found

    page = attached_to("tentative n° 1")
    shown = text(page)
    assert "Il n'existe plus de plage horaire libre" in shown
    assert "« aucun créneau »" in shown.replace("\u00a0", " ")
    assert "var x" not in shown and "p{}" not in shown
    mail = text(attached_to("tentative n° 3"))
    assert "Subject : Votre demande de rendez-vous" in mail
    assert "Votre demande a bien été reçue." in mail


def test_first_exhibit_leaves_the_first_numbers_to_the_lawyer(
    rdvlog: Invoke, case: Path, tmp_path: Path
) -> None:
    out = tmp_path / "dossier"
    listed = written(rdvlog, "-o", str(out), "--first-exhibit", "5")
    assert [f["number"] for f in listed] == [0, *range(5, 14)]
    assert str(listed[1]["file"]).startswith("PJ05_Releve")
    assert "Les pièces n° 1 à 4 sont produites par ailleurs" in text(out / "PJ00_bordereau.pdf")


def test_zip_holds_the_same_files_in_order(rdvlog: Invoke, case: Path, tmp_path: Path) -> None:
    folder, archive = tmp_path / "dossier", tmp_path / "dossier.zip"
    listed = written(rdvlog, "-o", str(folder))
    assert written(rdvlog, "-o", str(archive), "--zip") == listed
    with zipfile.ZipFile(archive) as zf:
        assert zf.namelist() == [f["file"] for f in listed]
        for info in zf.infolist():
            assert zf.read(info) == (folder / info.filename).read_bytes()


def test_output_is_byte_identical_under_source_date_epoch(
    rdvlog: Invoke, case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1793088000")
    first, second = tmp_path / "a", tmp_path / "b"
    written(rdvlog, "-o", str(first), "--group-weeks")
    written(rdvlog, "-o", str(second), "--group-weeks")
    assert snapshot(first) == snapshot(second)
    written(rdvlog, "-o", str(tmp_path / "a.zip"), "--zip")
    written(rdvlog, "-o", str(tmp_path / "b.zip"), "--zip")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    created = pdf(first / "PJ00_bordereau.pdf").metadata
    assert created is not None and created["/CreationDate"].startswith("D:20261027")


def test_thirty_attempts_grouped_by_week_give_one_piece_per_week(
    rdvlog: Invoke, tmp_path: Path
) -> None:
    rdvlog("case", "set", "-p", "bobigny", "-d", "AES salarié")
    start = dt.datetime(2026, 9, 28, 8, 30, tzinfo=PARIS)  # a Monday
    weeks = set()
    for i in range(30):
        at = start + dt.timedelta(days=i * 5 // 3, hours=i % 3)
        weeks.add(at.isocalendar()[:2])
        shot = tmp_path / f"capture-{i:02d}.png"
        shot.write_bytes(png(64, 40, (i * 8, 80, 200 - i * 5)))
        result = rdvlog("attempt", "add", "--at", f"{at:%Y-%m-%d %H:%M}", "-e", str(shot))
        assert result.exit_code == 0, result.output
    out = tmp_path / "dossier"
    listed = written(rdvlog, "-o", str(out), "--group-weeks", "--first-exhibit", "3")
    week_files = [f for f in listed if str(f["label"]).startswith("Captures d'écran, semaine")]
    assert len(week_files) == len(weeks) == len(listed) - 2
    assert [f["number"] for f in listed] == [0, *range(3, 3 + len(listed) - 1)]
    pages = [len(pdf(out / str(f["file"])).pages) for f in week_files]
    assert sum(pages) == 30
    first = out / str(week_files[0]["file"])
    assert images(first) == pages[0]
    assert f"page 1/{pages[0]}" in text(first) and f"page {pages[0]}/{pages[0]}" in text(first)


def test_a_piece_over_32_mo_is_refused_and_nothing_is_left(
    rdvlog: Invoke, store: Path, tmp_path: Path
) -> None:
    big = tmp_path / "passeport.pdf"
    with big.open("wb") as out:
        out.write(b"%PDF-1.4\n")
        out.truncate(33_000_000)
    assert rdvlog("case", "attach", str(big), "--label", "Passeport").exit_code == 0
    before = snapshot(store)
    listing = sorted(p.name for p in tmp_path.iterdir())
    for args in (["-o", str(tmp_path / "dossier")], ["-o", str(tmp_path / "d.zip"), "--zip"]):
        result = rdvlog("dossier", *args)
        assert result.exit_code == 2
        assert result.stderr == (
            "error: pièce 2 (Passeport) would be 33.0 Mo, over the e-filing limit of 32 Mo "
            "per file\n"
        )
        assert snapshot(store) == before
        assert sorted(p.name for p in tmp_path.iterdir()) == listing


def test_an_existing_folder_is_kept_unless_empty_or_forced(
    rdvlog: Invoke, case: Path, tmp_path: Path, store: Path
) -> None:
    out = tmp_path / "dossier"
    out.mkdir()
    written(rdvlog, "-o", str(out))  # empty: filled
    again = rdvlog("dossier", "-o", str(out))
    assert again.exit_code == 2 and "is not empty; use --force" in again.stderr
    (out / "PJ99_old.pdf").write_bytes(b"old")
    written(rdvlog, "-o", str(out), "--force")  # an earlier dossier: replaced
    assert not (out / "PJ99_old.pdf").exists()
    (out / "notes.txt").write_text("mine")
    refused = rdvlog("dossier", "-o", str(out), "--force")
    assert refused.exit_code == 2 and "holds other files than a dossier" in refused.stderr
    assert (out / "notes.txt").read_text() == "mine"
    inside = rdvlog("dossier", "-o", str(store / "out"))
    assert inside.exit_code == 2 and "inside the rdvlog store" in inside.stderr
    holder = rdvlog("dossier", "-o", str(store.parent), "--force")
    assert holder.exit_code == 2 and "holds the rdvlog store" in holder.stderr


def test_the_installed_script_writes_a_dossier(case: Path, tmp_path: Path) -> None:
    from test_script import RDVLOG, run

    if RDVLOG is None:
        pytest.skip("rdvlog is not installed")
    out = tmp_path / "from-script"
    result = run("dossier", "-o", str(out))
    assert result.stderr == f"dossier written to {out}: 9 pièces\n"
    assert len(list(out.iterdir())) == 10


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm is not installed")
def test_bordereau_and_a_screenshot_render_to_non_blank_pages(
    rdvlog: Invoke, case: Path, tmp_path: Path
) -> None:
    from PIL import Image

    out = tmp_path / "dossier"
    listed = written(rdvlog, "-o", str(out))
    shot = next(str(f["file"]) for f in listed if str(f["label"]).startswith("Capture"))
    for name in ("PJ00_bordereau.pdf", shot):
        prefix = tmp_path / name.removesuffix(".pdf")
        subprocess.run(
            ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(out / name), str(prefix)],
            check=True,
        )
        rendered = next(tmp_path.glob(f"{prefix.name}*.png"))
        with Image.open(rendered) as image:
            low, high = image.convert("L").getextrema()
        assert high > 200 and low < 100, name  # a white page with dark print on it


def test_a_file_with_no_printable_form_gets_a_page_saying_what_it_is(
    rdvlog: Invoke, tmp_path: Path
) -> None:
    # Refusing it would make the dossier impossible: the journal is append-only.
    saved = tmp_path / "formulaire.docx"
    saved.write_bytes(b"PK\x03\x04 not really a document")
    rdvlog("case", "set", "-p", "bobigny", "-d", "AES salarié")
    assert rdvlog("attempt", "add", "--at", "2026-10-20 08:30", "-e", str(saved)).exit_code == 0
    out = tmp_path / "dossier"
    listed = written(rdvlog, "-o", str(out), "--lang", "en")
    shown = text(out / str(listed[-1]["file"]))
    assert "This file (application/octet-stream, 26 bytes) cannot be shown on a page" in shown
    assert "formulaire.docx" in shown


@pytest.mark.parametrize("damage", ["truncated", "not-an-image"])
def test_a_damaged_screenshot_gets_its_page_and_a_note_not_a_failure(
    rdvlog: Invoke, tmp_path: Path, damage: str
) -> None:
    # A screenshot tool that stopped halfway, or a file named .png that is not one: the hash
    # the journal holds is the file's, so the pièce stays, with its caption and a note.
    whole = png(160, 100)
    data = whole[: len(whole) // 2] if damage == "truncated" else b"\x89PNG\r\n\x1a\nnot a png"
    shot = tmp_path / "capture.png"
    shot.write_bytes(data)
    assert rdvlog("case", "set", "-p", "bobigny", "-d", "AES", "--lang", "fr").exit_code == 0
    assert rdvlog("attempt", "add", "--at", "2026-10-20 08:30", "-e", str(shot)).exit_code == 0
    out = tmp_path / "dossier"
    listed = written(rdvlog, "-o", str(out))
    page = out / str(next(f for f in listed if str(f["label"]).startswith("Capture"))["file"])
    words = text(page)
    assert "Image illisible : le fichier enregistré est endommagé ou incomplet" in words
    assert hashlib.sha256(data).hexdigest() in words.replace(" ", "")
    assert images(page) == 0
    report = tmp_path / "releve.pdf"
    result = rdvlog("report", "--format", "pdf", "-o", str(report))
    assert result.exit_code == 0, result.output
    assert "Image illisible" in text(report)
