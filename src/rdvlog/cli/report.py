"""``rdvlog report``: the lawyer's report, in Markdown or CSV, French or English."""

from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from rdvlog.cli.context import message, message_lang, session, state, warn, write_out
from rdvlog.cli.options import ForceOption, LangOption, PlaceOption, SinceOption, UntilOption
from rdvlog.cli.root import app
from rdvlog.export import atomic_output, check_target
from rdvlog.labels import t
from rdvlog.render.markdown import markdown_chunks
from rdvlog.render.spreadsheet import render_csv
from rdvlog.service.report import ReportRequest, build_report


class ReportFormat(str, Enum):
    MARKDOWN = "markdown"
    CSV = "csv"


@app.command()
def report(
    ctx: typer.Context,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", help="markdown (default) or csv.")
    ] = ReportFormat.MARKDOWN,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file (default: stdout).")
    ] = None,
    lang: LangOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    prefecture: PlaceOption = None,
    excel: Annotated[
        bool,
        typer.Option("--excel", help="CSV for French spreadsheet software: ';', BOM, CRLF."),
    ] = False,
    force: ForceOption = False,
) -> None:
    """Write the chronological report a lawyer attaches to a référé mesures utiles."""
    store = state(ctx).store_path()
    target = check_target(output, store=store, force=force) if output else None
    request = ReportRequest(lang=lang, since=since, until=until, prefecture=prefecture)
    data = build_report(session(ctx), request)
    chunks: Iterable[str]
    if output_format is ReportFormat.CSV:
        chunks = [render_csv(data, excel=excel)]
    else:
        chunks = markdown_chunks(data)
    if target is None:
        write_out(chunks)
    else:
        with atomic_output(target) as out:
            for chunk in chunks:
                out.write(chunk.encode("utf-8"))
        message(ctx, "cli.report_written", target=target)
    if not data.integrity.ok:
        warn(t(message_lang(ctx), "cli.not_verified", problem=data.integrity.problem))
