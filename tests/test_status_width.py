"""Output that fits: `status` lays its screen out for 60 and 80 columns, without wrapping a
line or cutting a number; only a path or the head hash longer than the screen is printed whole
(for a person to copy)."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from rdvlog import dashboard
from rdvlog.codes import Outcome, spoken
from rdvlog.journal.checks import Break
from rdvlog.labels import t
from rdvlog.labels.problems import break_phrase
from rdvlog.models import Lang
from rdvlog.render.status import status_screen

from conftest import Invoke
from report_fixture import CASE, HEAD_HASH, PARIS, journal_records

STORE = "/home/amina/.local/share/rdvlog"
MISSING = f"{STORE}/evidence/ab/{'ab' * 32}.png"


def _screen(lang: Lang, width: int, *, broken: bool) -> list[str]:
    problem = None
    if broken:
        problem = break_phrase(
            Break(17, "missing-evidence", f"{MISSING} is missing", {"path": MISSING})
        )
    facts = dashboard.status(
        journal_records(),
        CASE,
        zone=PARIS,
        today=dt.date(2026, 11, 23),
        entries=48,
        head_hash=HEAD_HASH,
        problem=problem,
        store=STORE,
    )
    out = io.StringIO()
    console = Console(file=out, width=width, no_color=True, markup=False, highlight=False)
    for part in status_screen(facts, lang, width):
        if isinstance(part, str):
            out.write(part + "\n")
        else:
            console.print(part)
    return out.getvalue().splitlines()


def _copied_whole(line: str, width: int) -> bool:
    """The head hash, or a line holding one path longer than the screen."""
    words = line.split()
    return line == HEAD_HASH or any(len(w) > width - 2 and "/" in w for w in words)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("broken", [False, True])
def test_status_fits_the_terminal_and_never_cuts_a_number(
    lang: Lang, width: int, broken: bool
) -> None:
    lines = _screen(lang, width, broken=broken)
    too_long = [line for line in lines if cell_len(line) > width and not _copied_whole(line, width)]
    assert too_long == [], "\n".join(lines)
    assert "…" not in "\n".join(lines)
    # Each outcome with its count, the time since the last attempt: on one line each.
    for outcome, n in [(Outcome.NO_SLOT, 31), (Outcome.SITE_ERROR, 4), (Outcome.NO_ANSWER, 1)]:
        assert any(f"{spoken(outcome, lang)} {n}" in line for line in lines), outcome
    ago = "(il y a 3 jours)" if lang == "fr" else "(3 days ago)"
    assert any(ago in line for line in lines)
    assert HEAD_HASH in lines
    # The heatmap: seven weekday rows of twelve weeks, each fitting.
    weeks = [line for line in lines if re.fullmatch(r"\S+( (··|░░|▒▒|▓▓|██)){12}", line)]
    assert len(weeks) == 7
    if broken:
        assert any(MISSING in line for line in lines)  # the path whole, to copy


PROCEDURE = "Renouvellement de titre de séjour — salarié (changement de statut)"


@pytest.fixture
def journal(rdvlog: Invoke) -> None:
    """Thirty attempts over five weeks, every outcome, a permit that expires soon."""
    assert rdvlog("case", "set", "-p", "bobigny", "-d", PROCEDURE).exit_code == 0
    assert rdvlog("case", "set", "--permit-expires", "2026-12-20", "--renewal").exit_code == 0
    assert (
        rdvlog("case", "set", "--applicant", "Aïcha Ben Saïd", "--civility", "Mme").exit_code == 0
    )
    outcomes = ["no-slot", "no-slot", "site-error", "no-answer", "refused", "no-slot"]
    for n in range(30):
        day = dt.date(2026, 10, 19) + dt.timedelta(days=n + n // 5)
        args = ["attempt", "add", "--at", f"{day.isoformat()} 08:{n:02d}"]
        result = rdvlog(*args, "--outcome", outcomes[n % 6])
        assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("columns", [60, 80])
def test_status_at_60_and_80_columns(
    rdvlog: Invoke,
    journal: None,
    store: Path,
    monkeypatch: pytest.MonkeyPatch,
    columns: int,
    lang: Lang,
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    result = rdvlog("--lang", lang, "status")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    head = next(line for line in lines if re.fullmatch(r"[0-9a-f]{64}", line))
    # The head hash and the store's path (a test's long temporary folder) are printed whole.
    whole = (head, t(lang, "status.store_line", path=store))
    too_long = [line for line in lines if cell_len(line) > columns and line not in whole]
    assert too_long == [], result.stdout
    assert "…" not in result.stdout
    assert len(lines) <= 40, result.stdout


def test_a_command_to_type_is_never_broken_across_lines(
    rdvlog: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    assert rdvlog("case", "set", "-p", "bobigny", "--lang", "fr").exit_code == 0
    screen = rdvlog("status").stdout
    assert "`rdvlog attempt add`" in screen, screen
