"""What is wrong reads in French under a French locale: a damaged journal (``verify``,
``status``, ``report``, the refusals of the read commands, ``repair``) and refused values;
English and ``verify --json`` stay word for word what they were."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from rdvlog.errors import os_failure
from rdvlog.journal.audit import first_break
from rdvlog.journal.checks import Break
from rdvlog.journal.codec import LineError, PayloadReader, read_line
from rdvlog.labels.problems import break_phrase, detail_phrase, os_reason
from test_i18n_workflow import english_words

from builders import Clock
from conftest import Invoke

#: The English details of journal breaks and refused values: none may show in French.
DETAILS = re.compile(
    r"hash-mismatch|seq-gap|prev-mismatch|non-canonical|torn-tail|unparseable|invalid-field|"
    r"missing-evidence|evidence-mismatch|does not|sequence number|JSON object|newer rdvlog|"
    r"bytes without|is missing|has changed|Input should|String should|Value error|"
    r"is empty|control character|http:// or|Field required|attempt data|no-slot|--outcome sent"
)

Damage = Callable[[Path], None]


def _edit_line(number: int, edit: Callable[[str], str]) -> Damage:
    def damage(store: Path) -> None:
        path = store / "journal.jsonl"
        lines = path.read_text(encoding="utf-8").split("\n")
        lines[number - 1] = edit(lines[number - 1])
        path.write_text("\n".join(lines), encoding="utf-8")

    return damage


def _torn_tail(store: Path) -> None:
    path = store / "journal.jsonl"
    path.write_bytes(path.read_bytes()[:-20])


def _evidence(change: Callable[[Path], None]) -> Damage:
    def damage(store: Path) -> None:
        for path in (store / "evidence").glob("*/*"):
            path.chmod(0o600)
            change(path)

    return damage


DAMAGES: dict[str, Damage] = {
    "hash-mismatch": _edit_line(3, lambda line: line.replace('"no-slot"', '"site-error"')),
    "unparseable": _edit_line(2, lambda line: line[:40]),
    "torn-tail": _torn_tail,
    "seq-gap": _edit_line(2, lambda line: line.replace('"seq":2', '"seq":7')),
    "newer": _edit_line(2, lambda line: line.replace('"v":1', '"v":3')),
    "invalid-field": _edit_line(
        3, lambda line: line.replace('"outcome":"no-slot"', '"outcome":"zzz"')
    ),
    "missing-evidence": _evidence(Path.unlink),
    "evidence-mismatch": _evidence(lambda path: path.write_bytes(b"other")),
}


@pytest.fixture
def journal(rdvlog: Invoke, clock: Clock, tmp_path: Path) -> None:
    shot = tmp_path / "capture.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 64)
    assert rdvlog("case", "set", "-p", "bobigny", "-d", "AES salarié").exit_code == 0
    assert rdvlog("attempt", "add", "--at", "hier à 9h", "-e", str(shot)).exit_code == 0
    assert rdvlog("attempt", "add", "--at", "hier à 18h").exit_code == 0
    assert rdvlog("attempt", "add", "--at", "aujourd'hui 9h").exit_code == 0


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_journal_is_described_in_french(
    rdvlog: Invoke,
    journal: None,
    store: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    damage: str,
) -> None:
    DAMAGES[damage](store)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    commands = [
        ("verify",),
        ("status",),
        ("attempt", "list"),
        ("attempt", "add"),
        ("report", "-o", str(tmp_path / "rapport.md"), "--force"),
        ("repair",),
    ]
    seen = []
    for command in commands:
        result = rdvlog(*command)
        text = result.stdout + result.stderr
        assert "Traceback" not in text
        seen.append(text)
        # The codes a journal line may hold ('no-slot', …) are quoted as the file has them.
        # So are the names of its fields (« champ outcome »).
        text = re.sub(r"'[^' ]*'|champ \S+", "", text)
        assert DETAILS.findall(text) == [], (command, text)
        assert english_words(text) == [], (command, text)
    report = tmp_path / "rapport.md"
    if report.exists():
        assert DETAILS.findall(report.read_text(encoding="utf-8")) == []
    # verify said what is wrong, in French, with the line
    assert re.search(r"ligne \d+ : ", seen[0]), seen[0]


@pytest.mark.parametrize("damage", DAMAGES)
def test_english_and_the_json_of_verify_keep_the_machine_words(
    rdvlog: Invoke, journal: None, store: Path, damage: str
) -> None:
    DAMAGES[damage](store)
    document = json.loads(rdvlog("verify", "--json").stdout)
    brk = document["first_break"]
    kind = "unparseable" if damage == "newer" else damage
    assert brk["kind"] == kind and brk["detail"]
    english = rdvlog("verify")
    assert f"line {brk['line']}: {kind}: {brk['detail']}" in english.stdout + english.stderr


def _breaks(lines: list[bytes]) -> list[Break]:
    found = []
    for n in range(1, len(lines) + 1):
        brk = first_break(b"".join(lines[:n]))
        if brk is not None:
            found.append(brk)
    return found


def test_every_break_reads_in_english_exactly_as_describe_says(
    rdvlog: Invoke, journal: None, store: Path
) -> None:
    lines = (store / "journal.jsonl").read_bytes().splitlines(keepends=True)
    variants = [
        lines[1].replace(b'"outcome":"no-slot"', b'"outcome":"zzz"'),
        lines[1].replace(b'"at":"', b'"at":"x'),
        lines[1].replace(b'"v":1', b'"v":2'),
        lines[1].replace(b'"seq":2', b'"seq":9'),
        lines[1][:30] + b"\n",
        lines[1].replace(b'"kind":"attempt"', b'"kind":"zzz"'),
        lines[1].replace(b'"procedure":"AES', b'"procedure":"\\u0001AES'),
        lines[1].replace(b'{"v":1,', b'{"v": 1,'),
    ]
    breaks = []
    for variant in variants:
        breaks += _breaks([lines[0], variant, *lines[2:]])
    assert len(breaks) >= len(variants)
    for brk in breaks:
        assert break_phrase(brk).text("en") == brk.describe()
        french = break_phrase(brk).text("fr")
        assert french.startswith(f"ligne {brk.line} : ")
        assert DETAILS.findall(french.replace("'no-slot'", "")) == [], french


def test_a_line_error_reads_in_english_exactly_as_its_detail() -> None:
    for raw in (b"[]", b'{"v":7}', b'{"v":1,"seq":0}', b"\xff"):
        with pytest.raises(LineError) as caught:
            read_line(raw, PayloadReader())
        error = caught.value
        assert detail_phrase(error.kind, error.values).text("en") == error.detail


def test_a_failed_write_says_the_system_s_reason_in_french() -> None:
    denied = os_failure(
        PermissionError(13, "Permission denied", "/s/journal.jsonl"), "writing the journal"
    )
    assert (
        denied.text("fr") == "échec en écrivant le journal : permission refusée (/s/journal.jsonl)"
    )
    assert denied.text("en") == "writing the journal failed: Permission denied (/s/journal.jsonl)"
    read_only = os_failure(OSError(30, "Read-only file system", "/s"), "writing the dossier /d")
    assert read_only.text("fr").startswith("échec en écrivant le dossier /d : système de fichiers")


def test_the_system_s_reasons_read_in_french() -> None:
    assert os_reason(13, "Permission denied").text("fr") == "permission refusée"
    assert os_reason(13, "Permission denied").text("en") == "Permission denied"
    assert os_reason(22, "is a symbolic link").text("fr") == "est un lien symbolique"
    assert os_reason(5, "a reason of its own").text("fr") == "a reason of its own"


REFUSED = [
    (("attempt", "add", "--url", "ftp://x"), "--url : doit être une adresse http:// ou https://"),
    (("attempt", "add", "-m", "a\x01b"), "-m : contient un caractère de contrôle"),
    (("attempt", "add", "--reference", "  "), "--reference : est vide"),
    (("case", "set", "--applicant", "x" * 600), "--applicant : trop long (500 caractères au plus)"),
    (("case", "set", "--civility", "Monsieur"), "« Monsieur » n'est pas l'une des valeurs"),
    (("attempt", "list", "--format", "zz"), "« zz » n'est pas l'une des valeurs"),
    (("dossier", "--first-exhibit", "0", "-o", "d"), "un nombre au moins égal à 1 est attendu"),
    (("attempt", "void", "1", "--reason", " "), "--reason : est vide"),
    (
        ("attempt", "add", "--about", "1", "--outcome", "répondu"),
        "la tentative 1 (site, pas-de-créneau) n'est pas une démarche écrite envoyée",
    ),
    (("attempt", "add", "--about", "1"), "(--outcome reçu ou répondu), pas à « pas-de-créneau »"),
    (("attempt", "add", "--json=1"), "l'option --json ne prend pas de valeur"),
    (("status", "extra"), "argument en trop : extra"),
    (("attempt", "add", "--at", "demain 9h"), "8h30, maintenant, hier à 18h05, aujourd'hui 9h"),
]


@pytest.mark.parametrize(("args", "expected"), REFUSED, ids=lambda v: " ".join(v)[:40])
def test_a_refused_value_is_said_in_french(
    rdvlog: Invoke,
    journal: None,
    store: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    expected: str,
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    before = (store / "journal.jsonl").read_bytes()
    result = rdvlog(*args)
    assert result.exit_code == 2
    assert expected in result.stderr
    assert DETAILS.findall(result.stderr) == [], result.stderr
    assert english_words(re.sub(r"'[^' ]*'", "", result.stderr)) == [], result.stderr
    assert (store / "journal.jsonl").read_bytes() == before


def test_refused_values_keep_their_english_words_in_english(rdvlog: Invoke, journal: None) -> None:
    assert (
        "--url: must be an http:// or https:// address"
        in rdvlog("attempt", "add", "--url", "ftp://x").stderr
    )
    long = rdvlog("case", "set", "--applicant", "x" * 600).stderr
    assert "--applicant: String should have at most 500 characters" in long
    about = rdvlog("attempt", "add", "--about", "1", "--outcome", "answered").stderr
    assert "attempt 1 (web, no-slot) is not a written step sent" in about
