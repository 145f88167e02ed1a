"""The interface speaks French or English: every sentence in both, chosen per run."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from rdvlog.cli import language
from rdvlog.errors import UsageError
from rdvlog.labels import label_keys, template

from conftest import Invoke

SOURCE = Path(__file__).resolve().parent.parent / "src" / "rdvlog"
#: French agreement fields (``{e}``, ``{s}``) exist in French only.
AGREEMENT = {"e", "s"}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", label_keys())
def test_every_label_reads_in_both_languages_with_the_same_fields(key: str) -> None:
    french, english = template("fr", key), template("en", key)
    assert french.strip() and english.strip(), key
    assert fields(french) - AGREEMENT == fields(english) - AGREEMENT, key


#: Calls whose first argument is a sentence for a person: it must come from the label table.
MESSAGE_CALLS = {
    "say",
    "warn",
    "fail",
    "RdvlogError",
    "UsageError",
    "StoreError",
    "JournalDamaged",
    "TornTail",
    "LockTimeout",
    "BadTime",
    "BadEvidence",
    "NotFound",
    "UnknownPlace",
    "AmbiguousPlace",
}


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _is_sentence(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def test_no_sentence_escapes_the_label_table() -> None:
    escaped = []
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node) in MESSAGE_CALLS:
                texts = [*node.args[:1], *(k.value for k in node.keywords if k.arg == "message")]
                if any(_is_sentence(text) for text in texts):
                    escaped.append(f"{path.relative_to(SOURCE)}:{node.lineno} {_name(node)}")
    assert escaped == []


def test_every_command_and_option_has_help_in_both_languages() -> None:
    import typer.main

    from rdvlog.cli import app
    from rdvlog.cli.helptext import help_key

    missing = []

    def walk(command: object, path: str) -> None:
        if path and not _has(f"help.cmd.{path}"):
            missing.append(path)
        for param in getattr(command, "params", []):
            if help_key(path, str(param.name), param.help) is None:
                missing.append(f"{path or 'rdvlog'} {param.name}")
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path}.{name}" if path else name)

    walk(typer.main.get_command(app), "")
    assert missing == []


def _has(key: str) -> bool:
    from rdvlog.labels import has_label

    return has_label(key)


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["--lang", "fr", "status"], {"LANG": "en_US.UTF-8"}, "fr"),
        (["status", "--lang=en"], {"RDVLOG_LANG": "fr"}, "en"),
        (["status"], {"RDVLOG_LANG": "fr", "LANG": "en_US"}, "fr"),
        (["status"], {"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US"}, "fr"),
        (["status"], {"LC_ALL": "C", "LANG": "fr_FR"}, "en"),
        (["status"], {"LC_MESSAGES": "fr_CA", "LANG": "en_GB"}, "fr"),
        (["status"], {"LANG": "fr_BE.UTF-8"}, "fr"),
        (["status"], {}, "en"),
    ],
)
def test_the_language_is_chosen_by_option_then_environment_then_locale(
    args: list[str], env: dict[str, str], expected: str
) -> None:
    assert language.choose(args, env) == expected


def test_the_case_profile_language_comes_before_the_locale(
    rdvlog: Invoke, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert rdvlog("case", "set", "--lang", "fr", "-d", "AES").exit_code == 0
    assert language.choose(["status"], {"LANG": "en_US"}, store) == "fr"
    assert language.choose(["status"], {"RDVLOG_LANG": "en"}, store) == "en"


def test_choosing_the_language_never_creates_a_store(tmp_path: Path) -> None:
    store = tmp_path / "none"
    assert language.choose(["status"], {}, store) == "en"
    assert not store.exists()


def test_errors_read_in_english_for_a_library_and_in_french_on_request() -> None:
    error = UsageError(key="error.attempt.none", seq=4)
    assert error.message == "there is no attempt 4"
    assert str(error) == "there is no attempt 4"
    assert error.text("fr") == "il n'y a pas de tentative 4"


def test_an_error_says_in_french_that_a_date_does_not_exist(
    rdvlog: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    result = rdvlog("attempt", "add", "-p", "93", "-d", "AES", "--at", "31/11/2026 8h")
    assert result.exit_code == 2
    assert result.stderr == "error: --at « 31/11/2026 8h » : le 31 novembre 2026 n'existe pas\n"


def test_global_options_work_after_the_subcommand(rdvlog: Invoke, tmp_path: Path) -> None:
    other = tmp_path / "other"
    added = rdvlog("attempt", "add", "-p", "93", "-d", "AES", "--store", str(other))
    assert added.exit_code == 0, added.stderr
    assert (other / "journal.jsonl").exists()
    listed = rdvlog("attempt", "list", "--lang", "fr", "--store", str(other))
    assert "pas-de-créneau" in listed.stdout


def test_report_keeps_its_own_lang_for_the_document(rdvlog: Invoke) -> None:
    rdvlog("attempt", "add", "-p", "93", "-d", "AES")
    english = rdvlog("report", "--lang", "en")
    assert english.exit_code == 0, english.stderr
    assert "Préfecture" in english.stdout or "Prefecture" in english.stdout


def test_help_is_french_under_a_french_locale(
    rdvlog: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    result = rdvlog("attempt", "add", "--help")
    assert result.exit_code == 0
    assert "Enregistrer une tentative" in result.stdout
    assert "Afficher cette aide" in result.stdout
    for type_name in ("<bool>", "<list[Path]>", "<str>", "x>=1", "<int"):
        assert type_name not in result.stdout


def test_help_shows_words_not_types_in_english(rdvlog: Invoke) -> None:
    for args in (("attempt", "add"), ("attempt", "show"), ("report",), ("case", "set"), ()):
        result = rdvlog(*args, "--help")
        assert result.exit_code == 0
        for type_name in ("<bool>", "<list[Path]>", "<str>", "x>=1", "<path>", "<int"):
            assert type_name not in result.stdout, (args, type_name)


def test_click_usage_errors_are_french_too(rdvlog: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert rdvlog("attempt", "add", "--colour").stderr == "error: pas d'option --colour\n"
    assert rdvlog("attempt", "void").stderr == "error: il manque l'argument 'N'\n"
    assert (
        rdvlog("attempt", "show", "deux").stderr
        == "error: valeur invalide pour 'N' : un nombre entier est attendu\n"
    )
