"""Output that fits: `attempt list` keeps about one line per attempt on 60 and 80 columns."""

from __future__ import annotations

import pytest

from rdvlog.codes import Channel, Outcome, spoken

from conftest import Invoke

PROCEDURE = "Renouvellement de titre de séjour — salarié (changement de statut)"
ANEF = "ANEF — administration-etrangers-en-france.interieur.gouv.fr"


@pytest.fixture
def journal(rdvlog: Invoke) -> int:
    """Twenty attempts like a real case: the profile's préfecture and long démarche, a few at
    the ANEF, every channel and outcome, a file here and there, some recorded late."""
    assert rdvlog("case", "set", "-p", "bobigny", "-d", PROCEDURE).exit_code == 0
    channels = ["web", "contact-form", "phone", "email", "letter", "counter"]
    outcomes = ["no-slot", "site-error", "no-answer", "refused", "sent", "delivered"]
    for n in range(20):
        args = ["attempt", "add", "--at", f"2026-11-{n + 1:02d} 08:{n:02d}"]
        args += ["-c", channels[n % 6], "--outcome", outcomes[n % 6]]
        args += ["-m", "Il n'existe plus de plage horaire libre pour votre demande de rendez-vous"]
        if n % 7 == 3:
            args += ["-p", ANEF, "--unlisted"]
        result = rdvlog(*args)
        assert result.exit_code == 0, result.stderr
    return 20


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("columns", [60, 80])
def test_attempt_list_keeps_one_line_per_attempt(
    rdvlog: Invoke, journal: int, monkeypatch: pytest.MonkeyPatch, columns: int, lang: str
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    result = rdvlog("--lang", lang, "attempt", "list")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    # The démarche said once above the table (a terminal soft-wraps it; no table breaks
    # it), the header, then one line per attempt.
    said_once, table = lines[:1], lines[1:]
    assert said_once[0].startswith("démarche")
    assert len(table) == journal + 1, result.stdout
    assert all(len(line.rstrip()) <= columns for line in table), result.stdout
    # Codes are never cut: each row holds its channel and outcome whole.
    words = {spoken(code, lang) for code in [*Channel, *Outcome]}  # type: ignore[arg-type]
    for row in table[1:]:
        assert len(set(row.split()) & words) >= 2, row


def test_at_80_columns_a_long_demarche_is_said_once_not_wrapped(
    rdvlog: Invoke, journal: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    lines = rdvlog("attempt", "list").stdout.splitlines()
    assert lines[0] == f"démarche: {PROCEDURE}"
    assert sum(PROCEDURE[:20] in line for line in lines) == 1


def test_attempt_show_never_breaks_a_stored_path_or_hash(
    rdvlog: Invoke, store: object, monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    from pathlib import Path

    shot = Path(str(tmp_path)) / ("capture-d-ecran-du-site-de-la-prefecture-" * 2 + ".png")
    shot.write_bytes(b"\\x89PNG\\r\\n\\x1a\\n" + b"0" * 64)
    assert rdvlog("attempt", "add", "-p", "93", "-d", "AES", "-e", str(shot)).exit_code == 0
    monkeypatch.setenv("COLUMNS", "60")
    out = rdvlog("attempt", "show", "1").stdout
    stored = [line for line in out.splitlines() if "/evidence/" in line]
    assert len(stored) == 1 and Path(stored[0]).is_file()
    hashes = [line for line in out.splitlines() if line.startswith("sha256 ")]
    assert len(hashes) == 1 and len(hashes[0]) == len("sha256 ") + 64
