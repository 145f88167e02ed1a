"""What ``rdvlog attempt add`` imports: none of the report, rendering or directory code.

Start-up time is the budget of the command users run after every try (DESIGN.md §6); it is
measured by ``benchmarks/run.py``, never timed here. These tests pin its cause instead: a
fresh interpreter runs ``attempt add`` with an ``__import__`` hook that records every import
statement executed by an rdvlog module, and lists ``sys.modules`` at exit. They fail as soon
as someone imports report, rendering, table or CSV code on the add path, directly or through
another module.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer.main

from conftest import Invoke

# Records (importer, module) for each import statement run by an rdvlog module, including
# imports of modules already loaded, then writes them and sys.modules to argv[1] at exit.
HOOK = textwrap.dedent(
    """
    import atexit, builtins, importlib.util, sys

    _real_import = builtins.__import__
    _edges = set()

    def _recording_import(name, globals=None, locals=None, fromlist=(), level=0):
        module = _real_import(name, globals, locals, fromlist, level)
        importer = (globals or {}).get("__name__") or ""
        if importer.split(".")[0] == "rdvlog":
            target = importlib.util.resolve_name("." * level + name, globals.get("__package__"))
            _edges.add((importer, target))
            for item in fromlist or ():
                if f"{target}.{item}" in sys.modules:
                    _edges.add((importer, f"{target}.{item}"))
        return module

    def _report(path=sys.argv[1]):
        with open(path, "w", encoding="utf-8") as out:
            out.writelines(f"module {name}\\n" for name in sorted(sys.modules))
            out.writelines(f"import {a} {b}\\n" for a, b in sorted(_edges))

    builtins.__import__ = _recording_import
    atexit.register(_report)
    """
)
RDVLOG_ADD = HOOK + textwrap.dedent(
    """
    sys.argv = ["rdvlog", *sys.argv[2:]]
    from rdvlog.cli import main
    main()
    """
)
# The floor of DESIGN.md §6: a one-command Typer app doing nothing (benchmarks/floor_app.py).
TYPER_FLOOR = HOOK + textwrap.dedent(
    """
    from typing import Optional
    import typer

    app = typer.Typer()

    @app.command()
    def add(
        prefecture: Optional[str] = typer.Option(None, "-p"),
        procedure: Optional[str] = typer.Option(None, "-d"),
        unlisted: bool = typer.Option(False, "--unlisted"),
    ) -> None:
        pass

    sys.argv = ["floor", *sys.argv[2:]]
    app()
    """
)
ADD_ARGS = ("attempt", "add", "--unlisted", "-p", "Guichet du 8e", "-d", "AES salarié")

# rdvlog's own modules that only reading commands need.
REPORT_MODULES = ("rdvlog.report", "rdvlog.stats", "rdvlog.render")
DIRECTORY_MODULES = ("rdvlog.places",)
# Third-party or standard modules that rdvlog must not pull in on the add path.
FOREIGN_MODULES = ("rich.table", "csv")


@dataclass(frozen=True)
class Imports:
    modules: frozenset[str]
    edges: frozenset[tuple[str, str]]

    def loaded(self, prefix: str) -> list[str]:
        """Loaded modules that are ``prefix`` or inside it."""
        return sorted(m for m in self.modules if m == prefix or m.startswith(prefix + "."))

    def imported_by_rdvlog(self, prefix: str) -> list[str]:
        """``importer -> module`` for rdvlog import statements naming ``prefix`` or inside it."""
        return sorted(
            f"{a} -> {b}" for a, b in self.edges if b == prefix or b.startswith(prefix + ".")
        )


def run_with_hook(code: str, args: tuple[str, ...], tmp_path: Path, name: str) -> Imports:
    record = tmp_path / f"{name}.imports"
    done = subprocess.run(
        [sys.executable, "-c", code, str(record), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    modules: set[str] = set()
    edges: set[tuple[str, str]] = set()
    for line in record.read_text(encoding="utf-8").splitlines():
        kind, _, rest = line.partition(" ")
        if kind == "module":
            modules.add(rest)
        else:
            importer, _, target = rest.partition(" ")
            edges.add((importer, target))
    return Imports(frozenset(modules), frozenset(edges))


@pytest.fixture
def add_imports(tmp_path: Path, store: Path) -> Imports:
    """``rdvlog attempt add --unlisted -p … -d …`` run for real in a fresh interpreter."""
    imports = run_with_hook(RDVLOG_ADD, ADD_ARGS, tmp_path, "add")
    lines = (store / "journal.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1, "the add did not record exactly one attempt"
    assert "rdvlog.journal" in imports.modules
    return imports


def test_add_loads_no_report_stats_or_rendering_module(add_imports: Imports) -> None:
    loaded = [m for prefix in REPORT_MODULES for m in add_imports.loaded(prefix)]
    assert loaded == []


def test_add_imports_no_table_or_csv_code_beyond_what_typer_itself_loads(
    add_imports: Imports, tmp_path: Path
) -> None:
    # Typer's Pydantic adapters load importlib.metadata, which loads csv: that much is the
    # floor. rdvlog may neither import these modules itself nor load them when the floor doesn't.
    floor = run_with_hook(TYPER_FLOOR, ADD_ARGS[2:], tmp_path, "floor")
    for prefix in FOREIGN_MODULES:
        assert add_imports.imported_by_rdvlog(prefix) == []
        extra = sorted(set(add_imports.loaded(prefix)) - set(floor.loaded(prefix)))
        assert extra == [], f"{prefix} loaded by rdvlog attempt add but not by bare Typer"


def test_add_with_an_unlisted_place_does_not_load_the_prefecture_directory(
    add_imports: Imports,
) -> None:
    loaded = [m for prefix in DIRECTORY_MODULES for m in add_imports.loaded(prefix)]
    assert loaded == []


def test_add_without_files_loads_neither_the_copying_nor_the_checking_code(
    add_imports: Imports,
) -> None:
    # Copying evidence brings tempfile and its imports; verifying brings the audit: both are
    # imported where they are used (journal/store.py, service/attempts.py), for this reason.
    assert add_imports.loaded("rdvlog.evidence") == []
    assert add_imports.loaded("rdvlog.journal.audit") == []
    assert add_imports.loaded("rdvlog.screenshots") == []


def test_every_command_is_mapped_to_the_module_that_defines_it() -> None:
    import typer.main

    from rdvlog.cli import COMMAND_MODULES, app

    registered = set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    assert registered == set(COMMAND_MODULES)


def test_a_group_kept_in_two_modules_has_its_alone_command_in_its_own() -> None:
    # `attempt add` loads rdvlog.cli.attempt only: the command it names must be there, and the
    # group's other commands in the module loaded with it for anything else.
    import typer.main

    from rdvlog.cli import ALONE, COMMAND_MODULES, MORE_MODULES, app

    group = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    for name, alone in ALONE.items():
        commands = group[name].commands
        assert commands[alone].callback.__module__ == f"rdvlog.cli.{COMMAND_MODULES[name]}"
        others = {c.callback.__module__ for n, c in commands.items() if n != alone}
        assert others == {f"rdvlog.cli.{MORE_MODULES[name]}"}


@pytest.mark.parametrize(
    ("args", "more"),
    [
        (["attempt", "add", "-p", "93"], False),
        (["--lang", "fr", "attempt", "add"], False),
        (["attempt", "list"], True),
        (["attempt", "void", "2"], True),
        (["attempt", "--help"], True),
        (["attempt"], True),
        (["attempt", "lst"], True),
    ],
)
def test_attempt_add_leaves_the_groups_other_commands_unloaded(args: list[str], more: bool) -> None:
    script = (
        "import sys; from rdvlog.cli import load_commands; "
        f"load_commands({args!r}); print('rdvlog.cli.attempt_more' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == str(more)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["attempt", "add", "-p", "93"], "attempt"),
        (["--store", "/tmp/x", "report", "--lang", "en"], "report"),
        (["--store=/tmp/x", "verify"], "verify"),
        (["--version"], "--version"),
        (["--help"], "--help"),
        ([], None),
    ],
)
def test_the_command_to_load_is_found_past_global_options(
    args: list[str], expected: str | None
) -> None:
    from rdvlog.cli import _command_words

    assert _command_words(args)[0] == expected


# Typer's help module (Rich's panels and a Markdown parser) and the code of the other commands:
# loaded for a help page or a report, never for the daily add.
HELP_AND_DOCUMENT_MODULES = (
    "typer.rich_utils",
    "markdown_it",
    "rdvlog.history",
    "rdvlog.labels.report",
    "rdvlog.labels.synthese",
    "rdvlog.labels.drafts",
)


def test_the_daily_add_in_french_loads_no_help_or_document_code(
    rdvlog: Invoke, tmp_path: Path, store: Path
) -> None:
    # The daily form: a French profile gives the place and démarche; `attempt add` alone.
    assert rdvlog("case", "set", "-p", "Bobigny", "-d", "AES", "--lang", "fr").exit_code == 0
    imports = run_with_hook(RDVLOG_ADD, ("attempt", "add"), tmp_path, "add-fr")
    assert len((store / "journal.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    loaded = [m for prefix in HELP_AND_DOCUMENT_MODULES for m in imports.loaded(prefix)]
    assert loaded == []


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        ((), True),
        (("--help",), True),
        (("attempt",), True),
        (("--store", "/tmp/x", "attempt"), True),
        (("attempt", "add", "-h"), True),
        (("attempt", "add"), False),
        (("--store", "attempt", "attempt", "add"), False),
        (("--lang=fr", "attempt", "add", "-m", "case"), False),
        (("attempt", "add", "--", "--help"), False),
        (("status",), False),
    ],
)
def test_a_help_page_is_foreseen_from_the_arguments(args: tuple[str, ...], shown: bool) -> None:
    from rdvlog.cli import helptext, load_commands
    from rdvlog.cli.root import app

    load_commands()
    assert helptext.shows_help(args, typer.main.get_group(app)) is shown
