"""A second floor: a Typer app with ``rdvlog attempt add``'s own options (the same names and
types, a root with ``--store`` and ``--lang``, a sub-app) that does nothing.

``floor_app.py`` (three options) is the floor of DESIGN.md §6; this one tells how much of
``attempt add``'s start-up is Typer handling a sixteen-option command rather than rdvlog's
own code (``benchmarks/instructions.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer()
sub = typer.Typer()
app.add_typer(sub, name="attempt")


@app.callback()
def root(
    store: Annotated[Path | None, typer.Option("--store")] = None,
    lang: Annotated[str | None, typer.Option("--lang")] = None,
) -> None:
    """Do nothing."""


@sub.command("add")
def add(
    prefecture: Annotated[str | None, typer.Option("-p", "--prefecture")] = None,
    procedure: Annotated[str | None, typer.Option("-d", "--procedure")] = None,
    channel: Annotated[str, typer.Option("-c", "--channel")] = "web",
    outcome: Annotated[str, typer.Option("--outcome")] = "no-slot",
    at: Annotated[str, typer.Option("--at")] = "now",
    message: Annotated[str | None, typer.Option("-m")] = None,
    url: Annotated[str | None, typer.Option("--url")] = None,
    reference: Annotated[str | None, typer.Option("--reference")] = None,
    evidence: Annotated[list[Path] | None, typer.Option("-e")] = None,
    latest_screenshot: Annotated[bool, typer.Option("--latest-screenshot")] = False,
    note: Annotated[str | None, typer.Option("-n")] = None,
    about: Annotated[int | None, typer.Option("--about")] = None,
    unlisted: Annotated[bool, typer.Option("--unlisted")] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    extra: Annotated[list[Path] | None, typer.Argument(hidden=True)] = None,
) -> None:
    """Do nothing."""


@sub.command("list")
def list_() -> None:
    """Do nothing."""


if __name__ == "__main__":
    app()
