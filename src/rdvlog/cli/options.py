"""Options that several commands share, declared once with one help text."""

from __future__ import annotations

from typing import Annotated

import typer

from rdvlog.cli.completion import complete_place
from rdvlog.codes import Lang

LangOption = Annotated[
    Lang | None,
    typer.Option("--lang"),
]
SinceOption = Annotated[str | None, typer.Option("--since")]
UntilOption = Annotated[str | None, typer.Option("--until")]
PlaceOption = Annotated[
    str | None,
    typer.Option(
        "-p",
        "--prefecture",
        metavar="metavar.place",
        autocompletion=complete_place,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json")]
ForceOption = Annotated[bool, typer.Option("--force")]
UnlistedOption = Annotated[bool, typer.Option("--unlisted")]
# The pièce numbering of `dossier`, which `draft requete` must repeat to list the same pièces.
FirstExhibitOption = Annotated[
    int,
    typer.Option(
        "--first-exhibit",
        min=1,
    ),
]
GroupWeeksOption = Annotated[
    bool,
    typer.Option("--group-weeks"),
]
