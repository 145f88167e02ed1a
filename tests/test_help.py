"""Help has one source, the label table: commands and options declare no help text, every one
has a key, and ``--help`` reads the table's sentences in either language."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import typer.main

from rdvlog.cli import app
from rdvlog.cli.helptext import help_key
from rdvlog.labels import has_label, t

from conftest import Invoke

CLI = Path(__file__).resolve().parent.parent / "src" / "rdvlog" / "cli"


def _tree() -> list[tuple[str, object]]:
    """(path, command) of every command of the built tree, the root first."""
    found: list[tuple[str, object]] = []

    def walk(command: object, path: str) -> None:
        found.append((path, command))
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path}.{name}" if path else name)

    walk(typer.main.get_command(app), "")
    return found


def test_every_command_and_option_has_a_help_key() -> None:
    missing = []
    for path, command in _tree():
        if path and not has_label(f"help.cmd.{path}"):
            missing.append(f"help.cmd.{path}")
        for param in getattr(command, "params", []):
            declared = getattr(param, "help", None)
            given = declared if declared and has_label(declared) else None
            if help_key(path, str(param.name), given) is None:
                missing.append(f"{path or 'rdvlog'} {param.name}")
    assert missing == []


def test_no_command_module_writes_its_own_help_text() -> None:
    written = []
    for path in sorted(CLI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.keyword) or node.arg not in ("help", "short_help"):
                continue
            value = node.value
            if not (isinstance(value, ast.Constant) and has_label(str(value.value))):
                written.append(f"{path.name}:{value.lineno}")
    assert written == []


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    ("args", "keys"),
    [
        ((), ("help.rdvlog", "help.cmd.path")),
        (("attempt", "add"), ("help.cmd.attempt.add", "help.opt.attempt.add.latest_screenshot")),
        (("case", "show"), ("help.cmd.case.show", "help.opt.as_json")),
        (("draft",), ("help.short.draft.requete",)),
    ],
)
def test_help_reads_the_table_in_each_language(
    rdvlog: Invoke, lang: str, args: tuple[str, ...], keys: tuple[str, ...]
) -> None:
    result = rdvlog("--lang", lang, *args, "--help")
    assert result.exit_code == 0
    shown = " ".join(result.stdout.replace("│", " ").split())
    for key in keys:
        sentence = " ".join(t("fr" if lang == "fr" else "en", key).split())
        assert sentence[:40] in shown, (key, shown)


def test_french_help_gives_defaults_as_a_french_reader_types_them(rdvlog: Invoke) -> None:
    french = rdvlog("--lang", "fr", "attempt", "add", "--help").stdout
    for default in ("[défaut : site]", "[défaut : pas-de-créneau]", "[défaut : maintenant]"):
        assert default in french
    english = rdvlog("--lang", "en", "attempt", "add", "--help").stdout
    for default in ("[default: web]", "[default: no-slot]", "[default: now]"):
        assert default in english


def test_the_french_defaults_record_the_same_codes(rdvlog: Invoke, store: Path) -> None:
    assert rdvlog("--lang", "fr", "attempt", "add", "-p", "93", "-d", "AES").exit_code == 0
    line = (store / "journal.jsonl").read_text(encoding="utf-8").splitlines()[-1]
    assert '"channel":"web"' in line and '"outcome":"no-slot"' in line
