"""Byte identity of the reading commands' outputs, before and after a performance change.

The outputs of ``report`` (Markdown), ``status --json``, ``attempt list --format json`` and
``verify --json`` on a store built by ``make_journal.py`` are run in-process with a fixed
clock (2026-01-06 10:00 in Paris) and a fixed zone, and their SHA-256 digests compared with
``benchmarks/expected/identity-<attempts>.json``, recorded from the code before the change::

    .venv/bin/python benchmarks/identity.py --attempts 1000 --record   # before the change
    .venv/bin/python benchmarks/identity.py --attempts 1000            # after: exit 1 if any differ

When an output changes on purpose (new report content), record the digests again in the same
commit. ``tests/test_identity.py`` runs the comparison on the 1,000-attempt store;
``run.py`` runs it on its largest store.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from zoneinfo import ZoneInfo

from make_journal import build_store

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected"
#: The commands compared, by name.
COMMANDS: Mapping[str, tuple[str, ...]] = {
    "report": ("report",),
    "status --json": ("status", "--json"),
    "attempt list --format json": ("attempt", "list", "--format", "json"),
    "verify --json": ("verify", "--json"),
}
NOW = dt.datetime(2026, 1, 6, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))
#: The store's path appears in some outputs (``verify --json``); it is replaced by this.
STORE_MARK = "<STORE>"


def digests(store: Path) -> dict[str, str]:
    """The SHA-256 of each command's standard output on ``store`` (its path masked)."""
    from typer.testing import CliRunner

    from rdvlog.cli import app
    from rdvlog.cli.context import State

    saved = {k: os.environ.get(k) for k in ("RDVLOG_HOME", "RDVLOG_TZ", "NO_COLOR", "COLUMNS")}
    os.environ |= {
        "RDVLOG_HOME": str(store),
        "RDVLOG_TZ": "Europe/Paris",
        "NO_COLOR": "1",
        "COLUMNS": "100",
    }
    try:
        runner = CliRunner()
        found = {}
        for name, argv in COMMANDS.items():
            result = runner.invoke(app, list(argv), obj=State(clock=lambda: NOW))
            if result.exit_code != 0:
                raise RuntimeError(f"{name} exited {result.exit_code}: {result.output[-300:]}")
            out = result.stdout_bytes.replace(str(store).encode(), STORE_MARK.encode())
            found[name] = hashlib.sha256(out).hexdigest()
        return found
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def expected_path(attempts: int) -> Path:
    return EXPECTED / f"identity-{attempts}.json"


def compare(store: Path, attempts: int) -> list[str]:
    """The commands whose output differs from the recorded digests (all when none recorded)."""
    recorded = json.loads(expected_path(attempts).read_text())
    now = digests(store)
    return [name for name in COMMANDS if recorded.get(name) != now[name]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--attempts", type=int, default=1000)
    parser.add_argument("--store", type=Path, help="an existing store built for --attempts")
    parser.add_argument("--record", action="store_true", help="write the expected digests")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="rdvlog-identity-") as scratch:
        store = args.store or Path(scratch) / "store"
        if args.store is None:
            build_store(store, args.attempts)
        if args.record:
            EXPECTED.mkdir(exist_ok=True)
            text = json.dumps(digests(store), indent=2, sort_keys=True) + "\n"
            expected_path(args.attempts).write_text(text)
            print(f"recorded {expected_path(args.attempts)}")
            return 0
        differing = compare(store, args.attempts)
    for name in COMMANDS:
        print(f"{name}: {'DIFFERS' if name in differing else 'identical'}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
