"""``rdvlog verify``, ``rdvlog repair`` and ``rdvlog path`` through CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from builders import snapshot
from conftest import Invoke


def add(rdvlog: Invoke, *extra: str) -> None:
    assert rdvlog("attempt", "add", "--unlisted", "-p", "X", "-d", "AES", *extra).exit_code == 0


def test_verify_an_intact_journal(rdvlog: Invoke, store: Path) -> None:
    add(rdvlog)
    add(rdvlog)
    result = rdvlog("verify")
    assert result.exit_code == 0
    assert "entries:   2" in result.stdout and "result:    intact" in result.stdout
    last = json.loads((store / "journal.jsonl").read_text().splitlines()[-1])
    assert f"head hash: {last['hash']}" in result.stdout


def test_verify_names_the_first_break(rdvlog: Invoke, store: Path) -> None:
    for _ in range(3):
        add(rdvlog)
    journal = store / "journal.jsonl"
    lines = journal.read_text().splitlines(keepends=True)
    journal.write_text(lines[0] + lines[2])
    result = rdvlog("verify", "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert report["first_break"]["line"] == 2
    assert report["first_break"]["kind"] == "seq-gap"
    assert result.stderr.startswith("error: verification failed at line 2: seq-gap")


def test_verify_warns_about_unreferenced_evidence(rdvlog: Invoke, store: Path) -> None:
    add(rdvlog)
    stray = store / "evidence" / "ab" / "stray.png"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"x")
    result = rdvlog("verify")
    assert result.exit_code == 0
    assert "warning: evidence/ab/stray.png is not referenced by any entry" in result.stderr


def test_repair_with_nothing_to_do_changes_nothing(rdvlog: Invoke, store: Path) -> None:
    add(rdvlog)
    before = snapshot(store)
    result = rdvlog("repair")
    assert result.exit_code == 0 and "nothing to repair" in result.stderr
    assert snapshot(store) == before


def test_repair_fixes_a_torn_tail_and_list_works_again(rdvlog: Invoke, store: Path) -> None:
    add(rdvlog)
    with (store / "journal.jsonl").open("ab") as journal:
        journal.write(b'{"v":1,"seq":2,"kind":"attempt","data":{"at":"2026-11')
    refused = rdvlog("attempt", "list", "--format", "json")
    assert refused.exit_code == 1 and "rdvlog repair" in refused.stderr
    repaired = rdvlog("repair")
    assert repaired.exit_code == 0
    assert "quarantine/" in repaired.stderr
    assert len(json.loads(rdvlog("attempt", "list", "--format", "json").stdout)) == 1
    entries = [json.loads(x) for x in (store / "journal.jsonl").read_text().splitlines()]
    assert entries[-1]["kind"] == "repair"
    assert rdvlog("verify").exit_code == 0


def test_path_honours_store_option_and_environment(
    rdvlog: Invoke, store: Path, tmp_path: Path
) -> None:
    assert rdvlog("path").stdout.strip() == str(store)
    other = tmp_path / "elsewhere"
    assert rdvlog("--store", str(other), "path").stdout.strip() == str(other)
    add_other = rdvlog("--store", str(other), "attempt", "add", "--unlisted", "-p", "X", "-d", "Y")
    assert add_other.exit_code == 0
    assert (other / "journal.jsonl").exists() and not store.exists()


def test_unknown_command_and_option_are_one_line_usage_errors(rdvlog: Invoke) -> None:
    for args in (["frobnicate"], ["attempt", "add", "--frobnicate"], ["attempt", "show", "x"]):
        result = rdvlog(*args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1


def test_every_command_and_option_has_help(rdvlog: Invoke) -> None:
    import typer.main

    from rdvlog.cli import app

    def walk(command, path):  # type: ignore[no-untyped-def]
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, [*path, name])

    from rdvlog.cli.helptext import translate

    root = typer.main.get_command(app)
    translate(root, "en")  # help comes from the label table only (tests/test_help.py)
    for path, command in walk(root, []):
        assert command.help or command.short_help, f"{path} has no help"
        for param in command.params:
            if param.param_type_name == "option" and param.name not in ("help",):
                assert getattr(param, "help", None), f"{path} {param.name} has no help"
        assert rdvlog(*path, "--help").exit_code == 0


def test_verify_names_a_recorded_at_without_offset_as_a_break(rdvlog: Invoke, store: Path) -> None:
    """A stamp without its ``Z`` is a break, not a comparison of a naive time with an aware
    one (``verify`` used to stop on an internal error there)."""
    add(rdvlog)
    add(rdvlog)
    journal = store / "journal.jsonl"
    lines = journal.read_text().splitlines(keepends=True)
    journal.write_text(lines[0] + lines[1].replace('Z","prev"', '","prev"', 1))
    result = rdvlog("verify")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: verification failed at line 2: invalid-field")
    assert "internal error" not in result.stderr
