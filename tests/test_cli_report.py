"""``rdvlog report`` end to end through CliRunner: output, files, languages, integrity."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from builders import Clock, snapshot
from conftest import Invoke

PNG = b"\x89PNG\r\n\x1a\n" + b"\x02" * 32


@pytest.fixture
def journal(rdvlog: Invoke, clock: Clock, tmp_path: Path) -> None:
    capture = tmp_path / "capture.png"
    capture.write_bytes(PNG)
    rdvlog("case", "set", "-p", "93", "-d", "AES salarié", "--applicant", "Aïcha B.")
    for day in ("02/11/2026", "09/11/2026", "17/11/2026", "25/11/2026"):
        result = rdvlog("attempt", "add", "--at", f"{day} 07:55", "-e", str(capture))
        assert result.exit_code == 0, result.output
    rdvlog("attempt", "add", "-p", "le raincy", "--at", "25/11/2026 08:10", "-n", "=HYPERLINK(1)")


def test_markdown_report_to_stdout_in_french_by_default(rdvlog: Invoke, journal: None) -> None:
    result = rdvlog("report")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("# ")
    assert (
        "Aïcha B." in text and "Semaines calendaires distinctes (du lundi au dimanche) | 4" in text
    )
    # One capture attached on four days: one pièce, flagged, with its cross-references.
    assert "Pièce n° 2 (à vérifier)" in text and "Pièce n° 3" not in text
    assert "tentatives n° 1, 2, 3 et 4" in text and "heure de Paris" in text


def test_english_report_and_language_from_the_case(rdvlog: Invoke, journal: None) -> None:
    english = rdvlog("report", "--lang", "en").stdout
    assert "Distinct calendar weeks (Monday to Sunday) | 4" in english
    rdvlog("case", "set", "--lang", "en")
    assert rdvlog("report").stdout == rdvlog("report", "--lang", "en").stdout
    assert "Semaines calendaires distinctes" in rdvlog("report", "--lang", "fr").stdout


def test_source_date_epoch_makes_two_runs_byte_identical(
    rdvlog: Invoke, journal: None, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    first = rdvlog("report").stdout_bytes
    clock.advance(hours=5)
    assert rdvlog("report").stdout_bytes == first
    assert "2026" in first.decode()


def test_output_file_is_written_and_the_store_is_untouched(
    rdvlog: Invoke, journal: None, store: Path, tmp_path: Path
) -> None:
    before = snapshot(store)
    target = tmp_path / "rapport.md"
    result = rdvlog("report", "-o", str(target))
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8") == rdvlog("report").stdout
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".rapport")]
    assert snapshot(store) == before


@pytest.mark.parametrize("inside", ["journal.jsonl", "report.md", "evidence"])
def test_output_inside_the_store_is_refused(
    rdvlog: Invoke, journal: None, store: Path, inside: str
) -> None:
    before = snapshot(store)
    result = rdvlog("report", "-o", str(store / inside))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "inside the rdvlog store" in result.stderr
    assert snapshot(store) == before


def test_csv_report_matches_the_summary(rdvlog: Invoke, journal: None) -> None:
    rows = list(csv.reader(io.StringIO(rdvlog("report", "--format", "csv").stdout)))
    assert len(rows) == 1 + 5
    assert any(cell.startswith("'=HYPERLINK") for cell in rows[-1])
    excel = rdvlog("report", "--format", "csv", "--excel").stdout_bytes
    assert excel.startswith(b"\xef\xbb\xbf") and b"\r\n" in excel and b";" in excel


def test_filters_select_period_and_place(rdvlog: Invoke, journal: None) -> None:
    raincy = rdvlog("report", "--format", "csv", "-p", "raincy", "--lang", "en").stdout
    assert len(list(csv.reader(io.StringIO(raincy)))) == 2
    since = rdvlog("report", "--format", "csv", "--since", "2026-11-10").stdout
    assert len(list(csv.reader(io.StringIO(since)))) == 1 + 3
    backwards = rdvlog("report", "--since", "2026-11-20", "--until", "2026-11-01")
    assert backwards.exit_code == 2 and "after --until" in backwards.stderr


def test_a_broken_chain_is_announced_not_hidden(rdvlog: Invoke, journal: None, store: Path) -> None:
    path = store / "journal.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    entry = json.loads(lines[2])
    entry["data"]["at"] = "2026-11-10T07:55:00+01:00"
    lines[2] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    result = rdvlog("report")
    assert result.exit_code == 0
    header = result.stdout.split("## ")[0]
    # The report is French (the profile's language): the break in French words too.
    assert "ligne 3 : le contenu ne correspond plus à son empreinte" in header
    assert "hash-mismatch" not in header
    assert "does not verify" in result.stderr


def test_a_torn_journal_is_refused_with_the_repair_hint(
    rdvlog: Invoke, journal: None, store: Path
) -> None:
    with (store / "journal.jsonl").open("ab") as handle:
        handle.write(b'{"v":1')
    result = rdvlog("report")
    assert result.exit_code == 1
    assert "rdvlog repair" in result.stderr and result.stdout == ""


def test_report_of_an_empty_store(rdvlog: Invoke, store: Path) -> None:
    result = rdvlog("report", "--lang", "en")
    assert result.exit_code == 0
    assert "# " in result.stdout
    assert not store.exists()


def test_report_file_is_private(rdvlog: Invoke, journal: None, tmp_path: Path) -> None:
    import os
    import stat

    old = os.umask(0)
    try:
        rdvlog("report", "-o", str(tmp_path / "rapport.md"))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "rapport.md").stat().st_mode) == 0o600
