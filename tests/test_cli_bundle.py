"""``rdvlog bundle``: the lawyer's zip, unzipped and checked."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from builders import Clock, snapshot
from conftest import Invoke

SHOT = b"\x89PNG\r\n\x1a\n" + b"\x03" * 48
LETTER = b"%PDF-1.7\n% preuve de depot\n"


@pytest.fixture
def journal(rdvlog: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "capture 2026-11-02.png").write_bytes(SHOT)
    (sources / "preuve: dépôt <LRAR>?.pdf").write_bytes(LETTER)
    rdvlog("case", "set", "-p", "93", "-d", "AES salarié", "--applicant", "Aïcha B.")
    for day in ("02/11/2026", "10/11/2026", "18/11/2026"):
        result = rdvlog(
            "attempt", "add", "--at", f"{day} 07:55", "-e", str(sources / "capture 2026-11-02.png")
        )
        assert result.exit_code == 0, result.output
    result = rdvlog(
        "attempt", "add", "-c", "letter", "--outcome", "sent", "--at", "20/11/2026 10:00",
        "-e", str(sources / 'preuve: dépôt <LRAR>?.pdf'),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rdvlog("attempt", "void", "2", "--reason", "doublon")


def read_zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def test_bundle_holds_report_spreadsheet_exhibits_journal_and_sums(
    rdvlog: Invoke, journal: None, store: Path, tmp_path: Path
) -> None:
    target = tmp_path / "dossier.zip"
    result = rdvlog("bundle", "-o", str(target))
    assert result.exit_code == 0, result.output
    files = read_zip(target)
    assert sorted(files) == [
        "LISEZMOI.txt",
        "SHA256SUMS",
        "journal/journal.jsonl",
        # Pièce n° 1 is the report itself; one capture on two days is one pièce.
        "pieces/piece-002-capture 2026-11-02.png",
        "pieces/piece-003-preuve_ dépôt _LRAR_.pdf",
        "rapport.md",
        "tentatives.csv",
    ]
    assert files["pieces/piece-002-capture 2026-11-02.png"] == SHOT
    assert files["pieces/piece-003-preuve_ dépôt _LRAR_.pdf"] == LETTER
    assert files["journal/journal.jsonl"] == (store / "journal.jsonl").read_bytes()
    assert files["rapport.md"] == rdvlog("report").stdout_bytes
    assert files["tentatives.csv"] == rdvlog("report", "--format", "csv", "--excel").stdout_bytes
    assert "Pièce n° 3" in files["rapport.md"].decode()
    sums = files["SHA256SUMS"].decode().splitlines()
    assert len(sums) == len(files) - 1
    for line in sums:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256(files[name]).hexdigest() == digest, name


def test_sha256sum_accepts_the_bundle(rdvlog: Invoke, journal: None, tmp_path: Path) -> None:
    if shutil.which("sha256sum") is None:
        pytest.skip("sha256sum is not installed")
    target = tmp_path / "dossier.zip"
    rdvlog("bundle", "-o", str(target))
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(target) as zf:
        zf.extractall(unpacked)
    check = subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"], cwd=unpacked, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.count(": OK") == 6


def test_english_bundle(rdvlog: Invoke, journal: None, tmp_path: Path) -> None:
    target = tmp_path / "bundle.zip"
    rdvlog("bundle", "-o", str(target), "--lang", "en")
    names = set(read_zip(target))
    assert {"README.txt", "report.md", "attempts.csv"} <= names


def test_two_bundles_are_byte_identical(
    rdvlog: Invoke, journal: None, tmp_path: Path, clock: Clock
) -> None:
    rdvlog("bundle", "-o", str(tmp_path / "a.zip"))
    clock.advance(hours=3)
    rdvlog("bundle", "-o", str(tmp_path / "b.zip"))
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


def test_refuses_to_overwrite_without_force(rdvlog: Invoke, journal: None, tmp_path: Path) -> None:
    target = tmp_path / "dossier.zip"
    target.write_bytes(b"precious")
    refused = rdvlog("bundle", "-o", str(target))
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert target.read_bytes() == b"precious"
    assert rdvlog("bundle", "-o", str(target), "--force").exit_code == 0
    assert zipfile.is_zipfile(target)


def test_a_missing_exhibit_stops_the_bundle_and_leaves_nothing(
    rdvlog: Invoke, journal: None, store: Path, tmp_path: Path
) -> None:
    pdf = next((store / "evidence").rglob("*.pdf"))
    pdf.chmod(0o600)
    pdf.unlink()
    target = tmp_path / "dossier.zip"
    result = rdvlog("bundle", "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr.startswith("error: the file of exhibit 3")
    assert not target.exists()
    assert list(tmp_path.glob(".dossier.zip*")) == []


def test_bundle_inside_the_store_is_refused(rdvlog: Invoke, journal: None, store: Path) -> None:
    before = snapshot(store)
    result = rdvlog("bundle", "-o", str(store / "evidence" / "x.zip"))
    assert result.exit_code == 2
    assert snapshot(store) == before


def test_bundle_filters_like_the_report(rdvlog: Invoke, journal: None, tmp_path: Path) -> None:
    target = tmp_path / "nov.zip"
    rdvlog("bundle", "-o", str(target), "--since", "2026-11-15")
    pieces = [n for n in read_zip(target) if n.startswith("pieces/")]
    assert pieces == [
        "pieces/piece-002-capture 2026-11-02.png",
        "pieces/piece-003-preuve_ dépôt _LRAR_.pdf",
    ]
