"""Done when: the daily workflow under a French locale shows no English sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builders import Clock
from conftest import Invoke

#: Words that give an English sentence away (and English codes that French screens translate).
ENGLISH = re.compile(
    r"\b(the|is|are|was|were|of|and|to|from|with|without|not|no|yet|recorded|attempts?|"
    r"warning|outcomes?|channel|when|files?|yesterday|today|days?|weeks?|ago|head|entries|"
    r"broken|written|no-slot|site-error|refused|letter|phone|Mon|Tue|Wed|Thu|Fri|"
    r"Sat|Sun)\b"
)


def english_words(text: str) -> list[str]:
    # The `error:` prefix stays English for scripts (DESIGN.md §4).
    # Commands to type (`rdvlog attempt add`), options and paths are not prose.
    lines = [line.removeprefix("error: ") for line in text.splitlines()]
    lines = [re.sub(r"`[^`]*`|\S*/\S*|--\S+", " ", line) for line in lines]
    return sorted({match.group(0) for line in lines for match in ENGLISH.finditer(line)})


@pytest.fixture
def french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")


def test_the_daily_workflow_under_a_french_locale_speaks_french(
    rdvlog: Invoke, clock: Clock, french: None, tmp_path: Path
) -> None:
    steps = [
        ("case", "set", "--applicant", "Amina Diallo", "-p", "bobigny", "-d", "AES salarié"),
        ("case", "set", "--permit-expires", "31/01/2027", "--civility", "Mme"),
        ("case", "show"),
        ("attempt", "add", "--at", "hier à 18h05", "--outcome", "pas-de-créneau"),
        ("attempt", "add", "--at", "aujourd'hui 9h", "-c", "site", "--outcome", "erreur-site"),
        ("attempt", "add", "--at", "lundi 9h", "-c", "téléphone", "--outcome", "sans-réponse"),
        ("attempt", "add", "--at", "20/11/26 8h30", "-c", "courrier", "--outcome", "envoyé"),
        ("attempt", "add", "--at", "20.11.2026 10:00", "-c", "guichet", "--outcome", "refus"),
        ("attempt", "add", "--at", "20.11.2026 10:00", "-c", "guichet", "--outcome", "refus"),
        ("status",),
        ("attempt", "list"),
        ("attempt", "show", "4"),
        ("attempt", "void", "9", "--reason", "doublon"),
        ("verify",),
        ("report",),
        ("report", "-o", str(tmp_path / "rapport.md")),
        ("report", "-o", str(tmp_path / "rapport.md")),  # refused: exists, no --force
        ("attempt", "add", "--at", "31/11/2026 8h"),  # refused: no such day
        ("attempt", "add", "-c", "pigeon"),  # refused: unknown channel
        ("add",),  # refused: near miss
    ]
    english = {}
    for step in steps:
        result = rdvlog(*step)
        assert "Traceback" not in result.stdout + result.stderr
        found = english_words(result.stdout + result.stderr)
        if found:
            english[" ".join(step)] = found
    assert english == {}, "\n".join(f"{k}: {v}" for k, v in english.items())
