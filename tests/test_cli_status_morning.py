"""``rdvlog status`` as the morning check; what a store that does not exist yet says (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from rdvlog.cli import app
from rdvlog.cli.context import State

from builders import Clock
from conftest import Invoke

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
BASE = ("attempt", "add", "--unlisted", "-p", "Bobigny", "-d", "AES")


def add(rdvlog: Invoke, *args: str) -> None:
    result = rdvlog(*BASE, *args)
    assert result.exit_code == 0, result.output


def status(rdvlog: Invoke) -> dict:
    result = rdvlog("status", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_status_names_the_applicant_the_store_and_today(rdvlog: Invoke, store: Path) -> None:
    rdvlog("case", "set", "--applicant", "Aïcha Ben Saïd", "--civility", "Mme", "-d", "AES")
    add(rdvlog, "--at", "25/11/2026 08:00")
    text = rdvlog("status").stdout
    lines = text.splitlines()
    assert lines[:2] == ["applicant: Mme Aïcha Ben Saïd", f"store: {store}"]
    assert any(line.split() == ["today", "no", "attempt", "yet"] for line in lines)
    add(rdvlog, "--at", "08:15", "--outcome", "site-error")
    add(rdvlog, "--at", "07:50")
    text = rdvlog("status").stdout
    assert "2 attempts, the last at 08:15 (site-error)" in text
    facts = status(rdvlog)
    assert (facts["applicant"], facts["store"]) == ("Mme Aïcha Ben Saïd", str(store))
    assert (facts["today_attempts"], facts["today_last"]) == (2, "2026-11-26T08:15:00+01:00")


def test_the_head_hash_is_printed_whole_on_its_own_line_even_at_60_columns(
    rdvlog: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(rdvlog, "--at", "08:00")
    head = status(rdvlog)["journal"]["head_hash"]
    monkeypatch.setenv("COLUMNS", "60")
    lines = rdvlog("status").stdout.splitlines()
    assert head in lines
    assert lines[lines.index(head) - 1].startswith("head hash")


def test_the_calendar_has_a_legend(rdvlog: Invoke) -> None:
    text = rdvlog("status").stdout
    assert "attempts a day: · none  ░ 1  ▒ 2  ▓ 3  █ 4 or more" in text


def test_written_steps_and_follow_ups_are_not_booking_attempts(rdvlog: Invoke) -> None:
    add(rdvlog, "--at", "24/11/2026 08:00")
    add(rdvlog, "--at", "25/11/2026 08:00")
    add(rdvlog, "-c", "email", "--outcome", "sent", "--at", "25/11/2026 09:00")
    add(rdvlog, "-c", "letter", "--outcome", "sent", "--at", "25/11/2026 10:00")
    add(rdvlog, "-c", "letter", "--outcome", "delivered", "--about", "4", "--at", "09:00")
    add(rdvlog, "-c", "contact-form", "--outcome", "sent", "--at", "09:30")
    facts = status(rdvlog)
    assert (facts["attempts"], facts["distinct_days"], facts["written_steps"]) == (2, 2, 3)
    assert facts["by_outcome"] == {"no-slot": 2}
    assert sum(map(sum, facts["heatmap"]["rows"])) == 2
    assert facts["today_attempts"] == 0
    assert "written steps" in rdvlog("status").stdout


def test_this_weeks_screenshots_are_counted_and_their_absence_warned(
    rdvlog: Invoke, tmp_path: Path
) -> None:
    add(rdvlog, "--at", "16/11/2026 08:00")
    add(rdvlog, "--at", "24/11/2026 08:00")
    facts = status(rdvlog)
    assert (facts["this_week_attempts"], facts["this_week_screenshots"]) == (1, 0)
    warning = (
        "no screenshot yet this week: attach one to an attempt (-e FILE or --latest-screenshot)"
    )
    assert warning in facts["warnings"]
    shot = tmp_path / "capture.png"
    shot.write_bytes(PNG)
    add(rdvlog, "--at", "08:00", "-e", str(shot))
    facts = status(rdvlog)
    assert (facts["this_week_attempts"], facts["this_week_screenshots"]) == (2, 1)
    assert facts["weeks_with_screenshot"] == 1
    assert warning not in facts["warnings"]
    assert "2 attempts, 1 with a screenshot" in rdvlog("status").stdout


def test_a_booked_appointment_is_acknowledged_instead_of_week_warnings(
    rdvlog: Invoke, clock: Clock
) -> None:
    add(rdvlog, "--at", "24/11/2026 08:00")
    add(rdvlog, "--at", "09:00", "--outcome", "booked")
    clock.advance(days=8)
    facts = status(rdvlog)
    assert (facts["booked"], facts["booked_at"], facts["booked_number"]) == (
        True,
        "2026-11-26T09:00:00+01:00",
        2,
    )
    assert facts["warnings"] == []
    text = rdvlog("status").stdout
    assert "appointment obtained: attempt 2 of 2026-11-26 09:00" in text
    assert "warning" not in text


def test_the_status_speaks_french(clock: Clock) -> None:
    # The language is chosen per run (--lang, RDVLOG_LANG, the profile, the locale).
    result = CliRunner().invoke(app, ["--lang", "fr", "status"], obj=State(clock=clock))
    assert "aucune tentative pour l'instant" in result.stdout
    assert "tentatives par jour : · aucune" in result.stdout
    assert "empreinte du journal" in result.stdout


def invoke(*args: str, clock: Clock) -> Result:
    return CliRunner().invoke(app, list(args), obj=State(clock=clock))


def test_a_mistyped_store_is_announced_when_it_is_created(tmp_path: Path, clock: Clock) -> None:
    typo = tmp_path / "aicah"
    result = invoke("--store", str(typo), *BASE, clock=clock)
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == (
        f"warning: creating a new store at {typo} (check --store or RDVLOG_HOME if one should "
        "already exist)"
    )
    # Another time: the same one would be warned about as a duplicate.
    again = invoke("--store", str(typo), *BASE, "--at", "07:00", clock=clock)
    assert again.exit_code == 0
    assert "warning" not in again.stderr


def test_a_refused_add_creates_no_store_and_announces_none(tmp_path: Path, clock: Clock) -> None:
    typo = tmp_path / "aicah"
    result = invoke("--store", str(typo), *BASE, "--at", "demain", clock=clock)
    assert result.exit_code == 2
    assert "creating" not in result.stderr
    assert not typo.exists()


def test_the_default_store_is_announced_once_as_yours(
    tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "platform" / "rdvlog"
    monkeypatch.delenv("RDVLOG_HOME")
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(home))
    empty = invoke("status", clock=clock)
    assert empty.stderr.splitlines()[0] == (
        f"nothing recorded yet: your store {home} will be created by the first `rdvlog attempt add`"
    )
    first = invoke(*BASE, clock=clock)
    assert first.stderr.splitlines()[-1] == f"creating your store at {home}"
    assert "creating" not in invoke(*BASE, clock=clock).stderr


def test_reading_a_store_that_does_not_exist_says_so(
    tmp_path: Path, clock: Clock, store: Path
) -> None:
    typo = tmp_path / "aicah"
    said = f"there is no store at {typo} yet: nothing has been recorded there (check --store"
    listed = invoke("--store", str(typo), "attempt", "list", clock=clock)
    assert (listed.exit_code, listed.stdout) == (0, "")
    assert listed.stderr.startswith(said)
    assert "no attempts recorded yet" not in listed.stderr
    machine = invoke("--store", str(typo), "attempt", "list", "--format", "json", clock=clock)
    assert json.loads(machine.stdout) == [] and machine.stderr.startswith(said)
    facts = invoke("--store", str(typo), "status", "--json", clock=clock)
    assert facts.stderr.startswith(said)
    assert json.loads(facts.stdout)["attempts"] == 0
    shown = invoke("--store", str(typo), "attempt", "show", "1", clock=clock)
    assert shown.exit_code == 2
    assert not typo.exists()
