"""Options that several commands share, declared once with one help text."""

from __future__ import annotations

from typing import Annotated

import typer

from rdvlog.cli.completion import complete_place
from rdvlog.codes import Lang

LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang", help="Language of the output: fr or en (default: case profile, else fr)."
    ),
]
SinceOption = Annotated[
    str | None, typer.Option("--since", help="Only attempts from this date or time.")
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="Only attempts up to this date (included) or time.")
]
PlaceOption = Annotated[
    str | None,
    typer.Option(
        "-p",
        "--prefecture",
        help="Only attempts at this préfecture.",
        metavar="metavar.place",
        autocompletion=complete_place,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print as JSON.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the output file if it exists.")]
UnlistedOption = Annotated[
    bool, typer.Option("--unlisted", help="Record -p as typed, outside the directory.")
]
# The pièce numbering of `dossier`, which `draft requete` must repeat to list the same pièces.
FirstExhibitOption = Annotated[
    int,
    typer.Option(
        "--first-exhibit",
        min=1,
        help="The report's pièce number; 1…N-1 are left to pièces the lawyer adds.",
    ),
]
GroupWeeksOption = Annotated[
    bool,
    typer.Option("--group-weeks", help="The screenshots of one calendar week as one pièce."),
]
