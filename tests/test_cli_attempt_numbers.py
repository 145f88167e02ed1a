"""Attempt numbers on every screen, ``--about``, and the reused-screenshot warning (issue 12).

Attempt numbers count attempt entries only, in journal order, from 1; they are never reused and
a voided attempt keeps its own (DESIGN.md §3). ``attempt add`` finds the next one in
``attempts.hint``, a cache it checks and may lose.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from rdvlog.journal import counter

from builders import snapshot
from conftest import Invoke

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
BASE = ("attempt", "add", "--unlisted", "-p", "Bobigny", "-d", "AES")


def add(rdvlog: Invoke, *args: str) -> dict:
    result = rdvlog(*BASE, "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def journal_lines(store: Path) -> list[dict]:
    text = (store / "journal.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def test_the_first_attempt_is_number_one_whatever_the_journal_holds(rdvlog: Invoke) -> None:
    rdvlog("case", "set", "-d", "AES", "--applicant", "Aïcha Ben Saïd")
    result = rdvlog("attempt", "add", "--unlisted", "-p", "Bobigny", "--at", "08:15")
    assert result.stderr == "attempt 1 recorded: 2026-11-26 08:15, Bobigny, no-slot\n"
    entry = add(rdvlog, "--at", "08:30")
    assert (entry["seq"], entry["number"]) == (3, 2)
    listed = json.loads(rdvlog("attempt", "list", "--format", "json").stdout)
    assert [(a["seq"], a["number"]) for a in listed] == [(2, 1), (3, 2)]
    assert list(listed[0])[:3] == ["seq", "number", "recorded_at"]


def test_a_voided_attempt_keeps_its_number_and_numbers_are_never_reused(
    rdvlog: Invoke, store: Path
) -> None:
    for time in ("08:00", "08:10", "08:20"):
        add(rdvlog, "--at", time)
    rdvlog("case", "set", "-d", "Renouvellement")
    voided = rdvlog("attempt", "void", "2", "--reason", "doublon")
    assert voided.exit_code == 0, voided.output
    assert voided.stderr == "attempt 2 voided (entry 5)\n"
    assert journal_lines(store)[-1]["data"] == {"target": 2, "reason": "doublon"}
    assert add(rdvlog, "--at", "08:30")["number"] == 4
    listed = json.loads(rdvlog("attempt", "list", "--format", "json").stdout)
    assert [a["number"] for a in listed] == [1, 3, 4]
    everything = rdvlog("attempt", "list", "--format", "jsonl", "--include-void").stdout
    assert [json.loads(line)["number"] for line in everything.splitlines()] == [1, 2, 3, 4]
    # Attempt 4 is journal entry 6: `show` and `void` take the attempt number.
    shown = json.loads(rdvlog("attempt", "show", "4", "--json").stdout)
    assert (shown["seq"], shown["number"], shown["at"]) == (6, 4, "2026-11-26T08:30:00+01:00")
    text = rdvlog("attempt", "show", "4").stdout
    assert text.splitlines()[0].split() == ["attempt", "4"]
    assert "journal line 6" in text
    again = rdvlog("attempt", "void", "2", "--reason", "encore")
    assert again.exit_code == 2 and "attempt 2 is already void" in again.stderr
    assert rdvlog("attempt", "void", "4", "--reason", "erreur").exit_code == 0
    assert journal_lines(store)[-1]["data"] == {"target": 6, "reason": "erreur"}


def test_the_list_table_and_csv_show_attempt_numbers(rdvlog: Invoke) -> None:
    rdvlog("case", "set", "-d", "AES")
    add(rdvlog, "--at", "08:00", "-m", "Service surchargé")
    table = rdvlog("attempt", "list").stdout.splitlines()
    # The préfecture and démarche the attempt shares with every other are said above.
    assert table[:2] == ["place: Bobigny", "démarche: AES"]
    assert table[2].split()[:2] == ["#", "when"]
    assert table[3].split()[0] == "1"
    rows = list(csv.reader(io.StringIO(rdvlog("attempt", "list", "--format", "csv").stdout)))
    assert rows[0][:3] == ["seq", "number", "at"]
    assert rows[1][:2] == ["2", "1"]


def test_show_and_void_refuse_a_number_beyond_the_last_attempt(rdvlog: Invoke, store: Path) -> None:
    rdvlog("case", "set", "-d", "AES")
    add(rdvlog)
    before = snapshot(store)
    # Entry 2 exists (the attempt) but attempt 2 does not.
    for args in (["show", "2"], ["void", "2", "--reason", "x"]):
        result = rdvlog("attempt", *args)
        assert result.exit_code == 2
        assert result.stderr == "error: there is no attempt 2\n"
    assert snapshot(store) == before


@pytest.mark.parametrize(
    "spoil",
    [
        "delete",
        "garbage",
        "wrong-hash",
        "beyond-the-end",
        "true-but-old",
    ],
)
def test_a_missing_or_wrong_count_hint_falls_back_to_counting(
    rdvlog: Invoke, store: Path, spoil: str
) -> None:
    add(rdvlog)
    old_hint = (store / "attempts.hint").read_bytes()
    add(rdvlog)
    rdvlog("case", "set", "-d", "AES")
    add(rdvlog)
    hint = store / "attempts.hint"
    content = json.loads(hint.read_bytes())
    assert content["attempts"] == 3 and content["seq"] == 4
    if spoil == "delete":
        hint.unlink()
    elif spoil == "garbage":
        hint.write_bytes(b"\x00not json")
    elif spoil == "wrong-hash":
        hint.write_text(json.dumps({**content, "hash": "0" * 64, "attempts": 40}))
    elif spoil == "beyond-the-end":
        hint.write_text(json.dumps({**content, "offset": 10**9, "attempts": 40}))
    else:  # an older, true hint: the lines after it are counted
        hint.write_bytes(old_hint)
    assert add(rdvlog)["number"] == 4
    assert json.loads(hint.read_bytes())["attempts"] == 4
    assert add(rdvlog)["number"] == 5


def test_the_count_reads_across_chunk_boundaries(
    rdvlog: Invoke, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(7):
        add(rdvlog, "-n", "x" * (n + 1))
    monkeypatch.setattr(counter, "_CHUNK", 7)
    (store / "attempts.hint").unlink()
    assert counter.attempts_in(store / "journal.jsonl", store / "attempts.hint") == 7


def test_the_count_hint_is_private_to_the_owner(rdvlog: Invoke, store: Path) -> None:
    add(rdvlog)
    assert (store / "attempts.hint").stat().st_mode & 0o077 == 0
    assert [p.name for p in store.iterdir() if p.name.endswith(".tmp")] == []


WRITER = """
import subprocess, sys
for n in range(int(sys.argv[2])):
    done = subprocess.run(
        [sys.argv[1], "attempt", "add", "--unlisted", "-p", "X", "-d", "AES", "--json"],
        capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stderr
    print(done.stdout.replace("\\n", " "), flush=True)
"""


def test_concurrent_adds_get_distinct_numbers_in_journal_order(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rdvlog_bin = str(Path(sys.executable).with_name("rdvlog"))
    monkeypatch.setenv("RDVLOG_LOCK_TIMEOUT", "60")
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, rdvlog_bin, "4"],
            stdout=subprocess.PIPE,
            text=True,
            env=os.environ,
        )
        for _ in range(5)
    ]
    printed = {}
    for process in writers:
        out, _ = process.communicate(timeout=120)
        assert process.returncode == 0
        for line in out.splitlines():
            entry = json.loads(line)
            printed[entry["seq"]] = entry["number"]
    assert len(printed) == 20
    assert printed == {line["seq"]: line["seq"] for line in journal_lines(store)}


def letter(rdvlog: Invoke) -> None:
    add(rdvlog, "--at", "20/11/2026 17:00")  # attempt 1: booking
    add(rdvlog, "-c", "letter", "--outcome", "sent", "--at", "21/11/2026 10:00")  # attempt 2


def test_about_links_a_follow_up_to_its_written_step(rdvlog: Invoke, store: Path) -> None:
    rdvlog("case", "set", "-d", "AES")
    letter(rdvlog)
    entry = add(rdvlog, "-c", "letter", "--outcome", "delivered", "--about", "2")
    assert entry["number"] == 3
    assert entry["data"]["about"] == 3  # the journal number of attempt 2
    shown = json.loads(rdvlog("attempt", "show", "3", "--json").stdout)
    assert (shown["about"], shown["about_number"]) == (3, 2)
    assert "attempt 2" in rdvlog("attempt", "show", "3").stdout
    answered = add(rdvlog, "-c", "email", "--outcome", "answered", "--about", "2")
    assert answered["data"]["about"] == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--outcome", "no-slot", "--about", "2"], "--about 2: only for a follow-up"),
        (["-c", "letter", "--outcome", "sent", "--about", "2"], "only for a follow-up"),
        (["--outcome", "delivered", "--about", "9"], "--about 9: there is no attempt 9"),
        (["--outcome", "delivered", "--about", "1"], "attempt 1 (web, no-slot) is not a written"),
        (["--outcome", "answered", "--about", "3"], '--about 3: attempt 3 is void ("erreur")'),
        (["--outcome", "answered", "--about", "0"], "--about"),
    ],
)
def test_about_refuses_what_is_not_a_follow_up_of_a_written_step(
    rdvlog: Invoke, store: Path, args: list[str], message: str
) -> None:
    letter(rdvlog)
    add(rdvlog, "-c", "email", "--outcome", "sent")
    rdvlog("attempt", "void", "3", "--reason", "erreur")
    before = snapshot(store)
    result = rdvlog(*BASE, *args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert message in result.stderr
    assert snapshot(store) == before


@pytest.fixture
def capture(tmp_path: Path) -> Path:
    path = tmp_path / "capture.png"
    path.write_bytes(PNG)
    return path


def test_the_same_screenshot_on_another_day_is_warned_about(
    rdvlog: Invoke, store: Path, capture: Path
) -> None:
    add(rdvlog, "--at", "24/11/2026 08:00", "-e", str(capture))
    same_day = rdvlog(*BASE, "--at", "24/11/2026 09:00", "-e", str(capture))
    assert "warning" not in same_day.stderr
    result = rdvlog(*BASE, "--at", "08:00", "-e", str(capture))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "warning: capture.png is already attached to attempt 1 of 2026-11-24: the same "
        "screenshot on two different days will be noticed by the other side; attach this "
        "attempt's own screenshot",
        "attempt 3 recorded: 2026-11-26 08:00, Bobigny, no-slot, 1 file",
    ]
    assert len(journal_lines(store)) == 3


def test_a_screenshot_of_a_voided_attempt_may_be_attached_again(
    rdvlog: Invoke, capture: Path
) -> None:
    add(rdvlog, "--at", "24/11/2026 08:00", "-e", str(capture))
    rdvlog("attempt", "void", "1", "--reason", "mauvaise date")
    result = rdvlog(*BASE, "--at", "25/11/2026 08:00", "-e", str(capture))
    assert result.exit_code == 0 and "warning" not in result.stderr


def test_attempt_numbers_complete_in_the_shell(rdvlog: Invoke, store: Path) -> None:
    from typer.main import get_command

    from rdvlog.cli import app
    from rdvlog.cli.completion import complete_active_number, complete_number
    from rdvlog.cli.context import State

    for time in ("08:00", "08:10", "08:20"):
        add(rdvlog, "--at", time)
    rdvlog("attempt", "void", "2", "--reason", "doublon")
    ctx = typer.Context(get_command(app), obj=State(store=store))
    assert [n for n, _ in complete_number(ctx, "")] == ["1", "2", "3"]
    assert complete_number(ctx, "3") == [("3", "2026-11-26 08:20 Bobigny no-slot")]
    assert [n for n, _ in complete_active_number(ctx, "")] == ["1", "3"]
    missing = typer.Context(get_command(app), obj=State(store=store / "nowhere"))
    assert complete_number(missing, "") == []


def test_a_fifo_in_place_of_the_count_cache_is_ignored_never_waited_on(
    rdvlog: Invoke, store: Path
) -> None:
    add(rdvlog)
    hint = counter.hint_path(store)
    hint.unlink(missing_ok=True)
    os.mkfifo(hint)  # an open() of it would wait for a writer forever
    assert add(rdvlog)["number"] == 2
