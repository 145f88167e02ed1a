"""The CSV report: snapshots, rows and totals against the summary, formula neutralising, Excel."""

from __future__ import annotations

import csv
import io
from collections import Counter

import pytest

from rdvlog.models import Lang
from rdvlog.render import i18n, spreadsheet
from rdvlog.render.spreadsheet import csv_chunks, neutralise, render_csv
from rdvlog.report import Integrity

from report_fixture import HOSTILE_NOTE, assert_snapshot, report_input

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def parse(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def column(lang: Lang, key: str) -> str:
    return i18n.t(lang, key)


NUMBERS = {seq: str(n) for seq, n in report_input().numbers.items()}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_csv_report_of_the_fixed_journal_matches_the_snapshot(lang: Lang) -> None:
    assert_snapshot(f"report-{lang}.csv", render_csv(report_input(lang)))


@pytest.mark.parametrize("excel", [False, True])
def test_the_csv_streamed_in_chunks_is_the_same_text(
    excel: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `rdvlog report --format csv` writes the chunks as they come (a journal of years is never
    # held whole as text): cut every two rows, they still make exactly the one text.
    report = report_input("fr")
    whole = render_csv(report, excel=excel)
    monkeypatch.setattr(spreadsheet, "_ROWS_PER_CHUNK", 2)
    chunks = list(csv_chunks(report, excel=excel))
    assert len(chunks) == len(report.active) // 2 + 1
    assert "".join(chunks) == whole
    assert chunks[0].startswith("\ufeff") is excel


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_rows_and_totals_agree_with_the_summary(lang: Lang) -> None:
    report = report_input(lang)
    summary = report.summary
    rows = parse(render_csv(report))
    assert len(rows) == summary.count
    numbered = [report.numbers[r.seq] for r in report.active]
    assert [int(row[column(lang, "col.attempt_no")]) for row in rows] == numbered

    outcomes = Counter(row[column(lang, "col.outcome")] for row in rows)
    assert outcomes == {i18n.outcome(lang, k): n for k, n in summary.by_outcome.items() if n}
    channels = Counter(row[column(lang, "col.channel")] for row in rows)
    assert channels == {i18n.channel(lang, k): n for k, n in summary.by_channel.items() if n}
    assert len({row[column(lang, "col.date")] for row in rows}) == summary.distinct_days

    pieces = [int(n) for row in rows for n in row[column(lang, "csv.exhibits")].splitlines()]
    hashes = [h for row in rows for h in row[column(lang, "csv.hashes")].splitlines()]
    by_number = {p.number: p for p in report.pieces}
    assert all(by_number[n].sha256 == h for n, h in zip(pieces, hashes, strict=True))
    assert set(pieces) == {p.number for p in report.pieces if p.kind not in ("report", "document")}

    late = [row for row in rows if row[column(lang, "csv.late")] == i18n.t(lang, "yes")]
    expected = [str(report.numbers[r.seq]) for r in report.active if r.late]
    assert [row[column(lang, "col.attempt_no")] for row in late] == expected
    assert str(report.numbers[13]) in expected
    assert {row[column(lang, "csv.integrity")] for row in rows} == {
        i18n.t(lang, "csv.integrity_ok")
    }


def test_date_time_and_timestamp_columns_agree() -> None:
    rows = parse(render_csv(report_input("fr")))
    first = rows[0]
    assert (first["Date"], first["Jour"], first["Heure"]) == ("05/10/2026", "lundi", "08:02")
    assert first["Horodatage (ISO 8601)"] == "2026-10-05T08:02:00+02:00"
    after_dst = next(row for row in rows if row["Tentative n°"] == NUMBERS[23])
    assert (after_dst["Heure"], after_dst["Horodatage (ISO 8601)"]) == (
        "02:30",
        "2026-10-25T02:30:00+01:00",
    )
    english = parse(render_csv(report_input("en")))[0]
    assert (english["Date"], english["Weekday"]) == ("2026-10-05", "Monday")


def test_multiline_note_survives_the_round_trip() -> None:
    rows = parse(render_csv(report_input("fr")))
    assert (
        next(row for row in rows if row["Tentative n°"] == NUMBERS[23])["Observation"]
        == HOSTILE_NOTE
    )


def test_cells_that_a_spreadsheet_would_run_are_neutralised() -> None:
    rows = parse(render_csv(report_input("fr")))
    cells = [cell for row in rows for cell in row.values()]
    assert not [cell for cell in cells if cell.startswith(FORMULA_START)]
    by_seq = {row["Tentative n°"]: row for row in rows}
    assert by_seq[NUMBERS[35]]["Message affiché"] == "'=1+1 (erreur)"
    assert by_seq[NUMBERS[36]]["Observation"] == "'-- capture prise sur téléphone"
    assert by_seq[NUMBERS[36]]["Fichiers d'origine"] == "'=cmd|' /C calc'!A0.png"


@pytest.mark.parametrize("cell", ["=SUM(A1)", "+33 1 23", "-1", "@x", "\tx", "\rx"])
def test_neutralise_prefixes_formula_starts(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["", "Bobigny", "06/10/2026", "'quoted", " =x", "é=x"])
def test_neutralise_leaves_other_cells_alone(cell: str) -> None:
    assert neutralise(cell) == cell


def test_excel_flavour_has_bom_semicolons_and_crlf_and_the_same_cells() -> None:
    report = report_input("fr")
    plain, excel = render_csv(report), render_csv(report, excel=True)
    assert excel.startswith("\ufeff")
    assert excel.endswith("\r\n")
    assert excel.splitlines(keepends=True)[0].count(";") == 19
    # Every line ends in CRLF except the line feeds inside quoted multi-line notes.
    records = list(csv.reader(io.StringIO(excel[1:], newline=""), delimiter=";"))
    assert records == list(csv.reader(io.StringIO(plain, newline="")))
    assert excel.count("\r\n") == len(records)


def test_plain_flavour_is_utf8_with_line_feeds_and_no_bom() -> None:
    text = render_csv(report_input("fr"))
    assert not text.startswith("\ufeff")
    assert "\r" not in text
    assert "Préfecture de la Seine-Saint-Denis" in text.encode("utf-8").decode("utf-8")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_journal_that_does_not_verify_is_flagged_on_every_row(lang: Lang) -> None:
    broken = Integrity(False, 42, None, "line 17: prev-mismatch")
    rows = parse(render_csv(report_input(lang, integrity=broken)))
    expected = i18n.t(lang, "csv.integrity_failed", problem="line 17: prev-mismatch")
    assert {row[column(lang, "csv.integrity")] for row in rows} == {expected}


def test_empty_selection_is_a_header_row_only() -> None:
    text = render_csv(report_input("en", records=[]))
    assert text.count("\n") == 1
    assert text.startswith("Attempt no.,Date,Weekday,Time,")
    assert parse(text) == []
