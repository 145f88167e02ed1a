"""``rdvlog dossier``: the files to upload to Télérecours, one PDF per pièce and the bordereau."""

from pathlib import Path
from typing import Annotated

import typer

from rdvlog.cli.context import message_lang, print_json, say, session, state, warn
from rdvlog.cli.options import (
    FirstExhibitOption,
    ForceOption,
    GroupWeeksOption,
    JsonOption,
    LangOption,
)
from rdvlog.cli.root import app
from rdvlog.labels import count, t
from rdvlog.service.dossier import DossierRequest, write_dossier
from rdvlog.service.report import ReportRequest


@app.command()
def dossier(
    ctx: typer.Context,
    output: Annotated[
        Path,
        typer.Option("-o", "--output"),
    ],
    as_zip: Annotated[bool, typer.Option("--zip")] = False,
    group_weeks: GroupWeeksOption = False,
    first_exhibit: FirstExhibitOption = 1,
    lang: LangOption = None,
    force: ForceOption = False,
    as_json: JsonOption = False,
) -> None:
    """Write the pièces through the service, then say what was written."""
    request = DossierRequest(
        report=ReportRequest(lang=lang, first_piece=first_exhibit, group_weeks=group_weeks),
        output=output,
        zip=as_zip,
        force=force,
    )
    written = write_dossier(session(ctx), request, state(ctx).store_path())
    language = message_lang(ctx)
    if as_json:
        print_json(
            [
                {
                    "number": f.number,
                    "label": f.label,
                    "file": f.name,
                    "sha256": f.sha256,
                    "size": f.size,
                }
                for f in written.files
            ]
        )
    else:
        say(count(language, "cli.dossier_written", written.pieces, target=written.target))
    if not written.report.integrity.ok:
        warn(t(language, "cli.not_verified", problem=written.report.integrity.problem_in(language)))
