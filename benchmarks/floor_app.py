"""The start-up floor: a one-command Typer app that parses options and does nothing.

``benchmarks/run.py`` times it against ``rdvlog attempt add`` (DESIGN.md §6: rdvlog may cost at
most ~15 % more wall time than this). Run it by hand with the same interpreter::

    .venv/bin/python benchmarks/floor_app.py --unlisted -p Bobigny -d AES

It takes the options the benchmark passes to ``attempt add`` so that both parse the same
command line; everything Typer itself imports (Click, its Pydantic adapters, Rich only when
help is shown) is part of the floor.
"""

from __future__ import annotations

from typing import Annotated

import typer

app = typer.Typer()


@app.command()
def add(
    prefecture: Annotated[str | None, typer.Option("-p", "--prefecture")] = None,
    procedure: Annotated[str | None, typer.Option("-d", "--procedure")] = None,
    unlisted: Annotated[bool, typer.Option("--unlisted")] = False,
) -> None:
    """Do nothing."""


if __name__ == "__main__":
    app()
