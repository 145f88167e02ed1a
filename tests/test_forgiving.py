"""Forgiving input: near-miss commands, several files after -e, ~ in quotes, duplicates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builders import snapshot
from conftest import Invoke

ADD = ("attempt", "add", "-p", "93", "-d", "AES")


def png(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + name.encode() * 8)
    return path


@pytest.mark.parametrize(
    ("args", "suggestion"),
    [
        (("add",), "rdvlog attempt add"),
        (("list",), "rdvlog attempt list"),
        (("show", "3"), "rdvlog attempt show"),
        (("void", "3"), "rdvlog attempt void"),
        (("atempt", "list"), "rdvlog attempt"),
        (("attempt", "ad"), "rdvlog attempt add"),
        (("case", "sho"), "rdvlog case show"),
        (("statut",), "rdvlog status"),
    ],
)
def test_a_near_miss_command_suggests_the_right_one(
    rdvlog: Invoke, store: Path, args: tuple[str, ...], suggestion: str
) -> None:
    result = rdvlog(*args)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert f"did you mean `{suggestion}`?" in result.stderr
    assert not store.exists()


def test_bare_rdvlog_prints_help_and_succeeds(rdvlog: Invoke) -> None:
    result = rdvlog()
    assert result.exit_code == 0
    assert "Usage: rdvlog" in result.stdout
    assert "error" not in result.stderr


def test_several_files_after_one_e_are_all_attached(rdvlog: Invoke, tmp_path: Path) -> None:
    a, b, c = (png(tmp_path, f"{n}.png") for n in "abc")
    result = rdvlog(*ADD, "-e", str(a), str(b), str(c), "--json")
    assert result.exit_code == 0, result.stderr
    names = [e["name"] for e in json.loads(result.stdout)["data"]["evidence"]]
    assert names == ["a.png", "b.png", "c.png"]


def test_a_stray_word_without_e_is_refused_and_nothing_is_recorded(
    rdvlog: Invoke, store: Path
) -> None:
    result = rdvlog(*ADD, "capture.png")
    assert result.exit_code == 2
    assert result.stderr == "error: got unexpected extra argument (capture.png)\n"
    assert not store.exists()


def test_a_quoted_tilde_is_expanded(
    rdvlog: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    png(tmp_path, "shot.png")
    result = rdvlog(*ADD, "-e", "~/shot.png", "--store", "~/store")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "store" / "journal.jsonl").exists()
    report = rdvlog("--store", "~/store", "report", "-o", "~/rapport.md")
    assert report.exit_code == 0, report.stderr
    assert (tmp_path / "rapport.md").exists()


def test_an_exact_duplicate_is_recorded_with_a_warning(rdvlog: Invoke, store: Path) -> None:
    first = rdvlog(*ADD, "--at", "2026-11-20 08:30", "--outcome", "refus")
    assert first.exit_code == 0
    # The one warning of the first attempt is the new store's notice.
    assert [line for line in first.stderr.splitlines() if "warning" in line] == [
        f"warning: creating a new store at {store} (check --store or RDVLOG_HOME if one "
        "should already exist)"
    ]
    again = rdvlog(*ADD, "--at", "20/11/2026 8h30", "--outcome", "refused")
    assert again.exit_code == 0
    assert "warning: attempt 2 has the same time, préfecture and outcome" in again.stderr
    other = rdvlog(*ADD, "--at", "2026-11-20 08:30", "--outcome", "no-slot")
    assert "warning" not in other.stderr


def test_french_aliases_are_accepted_by_add_and_list(rdvlog: Invoke) -> None:
    assert rdvlog(*ADD, "-c", "courrier", "--outcome", "envoyé").exit_code == 0
    assert rdvlog(*ADD, "-c", "Téléphone", "--outcome", "sans-reponse").exit_code == 0
    listed = rdvlog("attempt", "list", "--outcome", "envoye", "--format", "jsonl")
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(r["channel"], r["outcome"]) for r in rows] == [("letter", "sent")]


def test_report_refuses_to_overwrite_without_force(rdvlog: Invoke, tmp_path: Path) -> None:
    rdvlog(*ADD)
    target = tmp_path / "rapport.md"
    target.write_text("mine", encoding="utf-8")
    refused = rdvlog("report", "-o", str(target))
    assert refused.exit_code == 2
    assert "already exists; use --force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "mine"
    assert rdvlog("report", "-o", str(target), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8") != "mine"


def test_bundle_adds_zip_to_a_bare_name(rdvlog: Invoke, tmp_path: Path) -> None:
    rdvlog(*ADD)
    result = rdvlog("bundle", "-o", str(tmp_path / "dossier"))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "dossier.zip").is_file()


def test_completion_offers_codes_aliases_towns_and_numbers(rdvlog: Invoke) -> None:
    import typer
    from typer.main import get_command

    from rdvlog.cli import app
    from rdvlog.cli.completion import (
        complete_channel,
        complete_number,
        complete_outcome,
        complete_place,
    )
    from rdvlog.cli.context import State

    assert "courrier" in complete_channel("cou")
    assert "pas-de-créneau" in complete_outcome("pas")
    assert "bobigny" in complete_place("bob")
    ctx = typer.Context(get_command(app), obj=State())  # the store of $RDVLOG_HOME
    assert complete_number(ctx, "") == []
    rdvlog(*ADD)
    rdvlog(*ADD, "--outcome", "refus")
    assert [number for number, _ in complete_number(ctx, "")] == ["1", "2"]


def test_bad_code_leaves_the_store_unchanged(rdvlog: Invoke, store: Path) -> None:
    rdvlog(*ADD)
    before = snapshot(store)
    result = rdvlog(*ADD, "-c", "pigeon")
    assert result.exit_code == 2
    assert snapshot(store) == before
