"""``rdvlog attempt add|list|show|void`` through Typer's CliRunner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from rdvlog.journal import Recorded

from builders import Clock, snapshot
from conftest import Invoke

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def capture(tmp_path: Path) -> Path:
    path = tmp_path / "capture-2026-11-26.png"
    path.write_bytes(PNG)
    return path


def add(rdvlog: Invoke, *args: str) -> dict:
    result = rdvlog("attempt", "add", "--unlisted", "-p", "Bobigny", "-d", "AES", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_add_records_the_attempt_with_defaults(rdvlog: Invoke, store: Path) -> None:
    entry = add(rdvlog, "-m", "Il n'existe plus de plage horaire libre")
    assert entry["seq"] == 1
    assert entry["data"] == {
        "at": "2026-11-26T10:00:00+01:00",
        "place": {"label": "Bobigny", "kind": "unlisted"},
        "procedure": "AES",
        "channel": "web",
        "outcome": "no-slot",
        "message": "Il n'existe plus de plage horaire libre",
        "evidence": [],
    }
    lines = (store / "journal.jsonl").read_text(encoding="utf-8").splitlines()
    assert {**json.loads(lines[0]), "number": 1} == entry


def test_add_without_json_confirms_on_stderr_only(rdvlog: Invoke, store: Path) -> None:
    result = rdvlog("attempt", "add", "--unlisted", "-p", "Bobigny", "-d", "AES", "--at", "08:15")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == (
        "attempt 1 recorded: 2026-11-26 08:15, Bobigny, no-slot\n"
        f"warning: creating a new store at {store} (check --store or RDVLOG_HOME if one should "
        "already exist)\n"
    )
    again = rdvlog("attempt", "add", "--unlisted", "-p", "Bobigny", "-d", "AES", "--at", "08:20")
    assert again.stderr == "attempt 2 recorded: 2026-11-26 08:20, Bobigny, no-slot\n"


def test_add_with_every_option(rdvlog: Invoke, capture: Path) -> None:
    entry = add(
        rdvlog,
        "-c", "letter",
        "--outcome", "sent",
        "--at", "25/11/2026 17h45",
        "-m", "LRAR envoyée",
        "--url", "https://www.seine-saint-denis.gouv.fr/booking/create/9829",
        "--reference", "1A 234 567 8901 2",
        "-n", "copie des captures jointe",
        "-e", str(capture),
    )  # fmt: skip
    data = entry["data"]
    assert (data["channel"], data["outcome"], data["at"]) == (
        "letter",
        "sent",
        "2026-11-25T17:45:00+01:00",
    )
    assert data["reference"] == "1A 234 567 8901 2"
    assert data["evidence"] == [
        {
            "sha256": __import__("hashlib").sha256(PNG).hexdigest(),
            "name": "capture-2026-11-26.png",
            "size": len(PNG),
            "media_type": "image/png",
        }
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--at", "demain"], "accepted forms"),
        (["--at", "11:00"], "in the future"),
        (["--at", "2026-11-20"], "no time of day"),
        (["-c", "pigeon"], "pigeon"),
        (["--outcome", "maybe"], "maybe"),
        (["--url", "ftp://example.org/x"], "--url: must be an http:// or https:// address"),
        (["--url", "javascript:alert(1)"], "--url"),
        (["-m", "   "], "-m: is empty"),
        (["-n", "bell\x07"], "-n: contains a control character"),
        (["-p", "  "], "-p: is empty"),
        (["-p", "Nogent\x00annexe"], "-p: contains a control character"),
        (["-e", "/nonexistent/capture.png"], "does not exist"),
        (["--bogus"], "No such option"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    rdvlog: Invoke, store: Path, args: list[str], message: str
) -> None:
    add(rdvlog)
    before = snapshot(store)
    result = rdvlog("attempt", "add", "--unlisted", "-p", "Bobigny", "-d", "AES", *args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: ")
    assert result.stderr.count("\n") == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert snapshot(store) == before


def test_bad_evidence_is_refused_before_anything_is_written(
    rdvlog: Invoke, store: Path, tmp_path: Path, capture: Path
) -> None:
    empty = tmp_path / "empty.png"
    empty.touch()
    for bad in (tmp_path, empty):
        result = rdvlog(
            "attempt",
            "add",
            "--unlisted",
            "-p",
            "X",
            "-d",
            "AES",
            "-e",
            str(capture),
            "-e",
            str(bad),
        )
        assert result.exit_code == 2
        assert result.stderr.startswith("error: evidence")
        assert not store.exists()


def test_add_without_place_or_procedure_says_how_to_set_them(rdvlog: Invoke, store: Path) -> None:
    result = rdvlog("attempt", "add", "-d", "AES")
    assert result.exit_code == 2
    assert "rdvlog case set -p" in result.stderr
    result = rdvlog("attempt", "add", "--unlisted", "-p", "Bobigny")
    assert result.exit_code == 2
    assert "rdvlog case set -d" in result.stderr
    assert not store.exists()


def test_list_hides_voided_attempts_unless_asked(rdvlog: Invoke, clock: Clock) -> None:
    add(rdvlog, "--at", "08:00")
    add(rdvlog, "--at", "09:00", "--outcome", "site-error")
    assert rdvlog("attempt", "void", "1", "--reason", "doublon").exit_code == 0
    shown = json.loads(rdvlog("attempt", "list", "--format", "json").stdout)
    assert [a["seq"] for a in shown] == [2]
    everything = json.loads(rdvlog("attempt", "list", "--format", "json", "--include-void").stdout)
    assert [(a["seq"], a["voided"]) for a in everything] == [(1, True), (2, False)]
    assert everything[0]["void_reason"] == "doublon"


def test_list_filters_by_period_and_outcome(rdvlog: Invoke) -> None:
    add(rdvlog, "--at", "20/11/2026 08:00")
    add(rdvlog, "--at", "24/11/2026 08:00", "--outcome", "site-error")
    add(rdvlog, "--at", "25/11/2026 08:00")

    def seqs(*args: str) -> list[int]:
        result = rdvlog("attempt", "list", "--format", "jsonl", *args)
        assert result.exit_code == 0, result.output
        return [json.loads(line)["seq"] for line in result.stdout.splitlines()]

    assert seqs("--since", "2026-11-21") == [2, 3]
    assert seqs("--until", "24/11/2026") == [1, 2]
    assert seqs("--outcome", "no-slot") == [1, 3]
    assert seqs("-p", "bobigny") == [1, 2, 3]


def test_list_csv_has_stable_machine_columns(rdvlog: Invoke) -> None:
    add(rdvlog, "--at", "08:00", "-n", "=1+1")
    rows = list(csv.DictReader(io.StringIO(rdvlog("attempt", "list", "--format", "csv").stdout)))
    assert rows[0]["seq"] == "1"
    assert rows[0]["at"] == "2026-11-26T08:00:00+01:00"
    assert rows[0]["outcome"] == "no-slot"
    assert rows[0]["note"] == "=1+1"


def test_list_table_shows_attempts(rdvlog: Invoke) -> None:
    add(rdvlog, "--at", "08:00", "-m", "Service surchargé")
    result = rdvlog("attempt", "list")
    assert result.exit_code == 0
    assert "Thu 2026-11-26 08:00" in result.stdout
    assert "Service surchargé" in result.stdout


def test_list_on_a_new_store_is_empty_and_creates_nothing(rdvlog: Invoke, store: Path) -> None:
    result = rdvlog("attempt", "list", "--format", "json")
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])
    assert not store.exists()


def test_show_prints_evidence_stored_paths(rdvlog: Invoke, capture: Path, store: Path) -> None:
    add(rdvlog, "-e", str(capture))
    shown = json.loads(rdvlog("attempt", "show", "1", "--json").stdout)
    stored = Path(shown["evidence"][0]["stored_path"])
    assert stored.read_bytes() == PNG
    assert stored.is_relative_to(store)
    text = rdvlog("attempt", "show", "1").stdout
    assert str(stored) in text and "capture-2026-11-26.png" in text


def test_show_and_void_refuse_what_is_not_an_attempt(rdvlog: Invoke, store: Path) -> None:
    add(rdvlog)
    rdvlog("attempt", "void", "1", "--reason", "erreur")
    before = snapshot(store)
    for args in (["show", "7"], ["void", "7", "--reason", "x"], ["void", "2", "--reason", "x"]):
        result = rdvlog("attempt", *args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith("error: ")
    again = rdvlog("attempt", "void", "1", "--reason", "encore")
    assert again.exit_code == 2 and "already void" in again.stderr
    assert snapshot(store) == before


def test_windows_line_ends_in_pasted_text_become_newlines(rdvlog: Invoke) -> None:
    entry = add(rdvlog, "-m", "Service surchargé.\r\nVeuillez réessayer.", "-n", "a\r\nb")
    assert entry["data"]["message"] == "Service surchargé.\nVeuillez réessayer."
    assert entry["data"]["note"] == "a\nb"


def test_an_unexpected_failure_is_one_line_not_a_traceback(
    rdvlog: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk gremlin")

    monkeypatch.setattr("rdvlog.journal.Journal.update", broken)
    result = rdvlog("attempt", "add", "--unlisted", "-p", "X", "-d", "Y")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: internal error: RuntimeError: disk gremlin (set RDVLOG_DEBUG=1 for details)\n"
    )


def test_two_voids_of_one_attempt_cannot_both_land(
    rdvlog: Invoke, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rdvlog.journal import Journal

    add(rdvlog)
    stale = Journal(store).records()  # what a second process read before the first voided
    assert rdvlog("attempt", "void", "1", "--reason", "doublon").exit_code == 0
    before = snapshot(store)
    real_records = Journal.records
    reads: list[int] = []

    def stale_first(self: Journal, data: bytes | None = None) -> list[Recorded]:
        reads.append(1)  # the check before the lock sees the old journal; later ones the real
        return stale if len(reads) == 1 else real_records(self, data)

    monkeypatch.setattr(Journal, "records", stale_first)
    late = rdvlog("attempt", "void", "1", "--reason", "encore")
    assert len(reads) == 2, "the void was not checked again under the lock"
    assert late.exit_code == 2
    assert "already void" in late.stderr
    assert snapshot(store) == before
