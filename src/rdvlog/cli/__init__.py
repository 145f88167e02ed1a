"""The ``rdvlog`` command line; ``main`` loads only the command it is about to run."""

import gc
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

#: Each command's module; importing one adds its commands to the app (``rdvlog.cli.root``).
COMMAND_MODULES = {
    "attempt": "attempt",
    "bundle": "bundle",
    "case": "case",
    "draft": "draft",
    "dossier": "dossier",
    "path": "storage",
    "prefectures": "prefectures",
    "repair": "storage",
    "report": "report",
    "status": "status",
    "verify": "storage",
}
#: A group's commands kept out of its module (``attempt list|show|void``): Typer builds every
#: command it knows on each run, and ``attempt add``, typed after every try, must start fast
#: (DESIGN.md §6). They are loaded unless the command named is the one the group keeps alone.
MORE_MODULES = {"attempt": "attempt_more"}
ALONE = {"attempt": "add"}


def load_commands(args: Sequence[str] | None = None) -> None:
    """Import the module of the command named in ``args``; every module when in doubt
    (``--help``, no command, an unknown name, shell completion), none for ``--version``."""
    if args is None or "_RDVLOG_COMPLETE" in os.environ:
        names = set(COMMAND_MODULES.values()) | set(MORE_MODULES.values())
    else:
        command, subcommand = _command_words(args)
        if command == "--version":
            names = set()
        elif command in COMMAND_MODULES:
            names = {COMMAND_MODULES[command]}
            if command in MORE_MODULES and subcommand != ALONE.get(command):
                names.add(MORE_MODULES[command])
        else:
            names = set(COMMAND_MODULES.values()) | set(MORE_MODULES.values())
    for name in sorted(names):
        importlib.import_module(f"rdvlog.cli.{name}")


def _command_words(args: Sequence[str]) -> tuple[str | None, str | None]:
    """The first argument that is not a global option (or the option that ends the parse),
    and the argument after it (a group's command, or an option)."""
    words = iter(args)
    for word in words:
        if word in ("--store", "--lang"):
            next(words, None)
        elif not word.startswith(("--store=", "--lang=")):
            return word, next(words, None)
    return None, None


def main() -> None:
    """Console-script entry point."""
    # rdvlog loads no pydantic plugin (and sends nothing anywhere); skipping the scan of every
    # installed package for one saves start-up time on each `attempt add`, as Typer does.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # A command lives a few seconds at most, and a reading command keeps every entry of the
    # journal alive until it ends: the cyclic garbage collector would walk them all again and
    # again for cycles that entries never form (a fifth of `report`'s time on 100,000
    # attempts). Reference counting still frees everything that is not kept.
    gc.disable()
    # Only the command about to run is imported: the others' modules cost start-up time
    # (DESIGN.md §6), and Typer builds every registered command on each run.
    load_commands(sys.argv[1:])
    from rdvlog.cli.root import app

    app()


def __getattr__(name: str) -> Any:
    """``from rdvlog.cli import app`` gives the app with every command (tests, tools)."""
    if name == "app":
        load_commands()
        from rdvlog.cli.root import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
