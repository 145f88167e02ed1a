"""``rdvlog report``: the lawyer's report, in Markdown or CSV, French or English."""

import sys
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from rdvlog.cli.context import message, message_lang, session, state, warn, write_out
from rdvlog.cli.options import ForceOption, LangOption, PlaceOption, SinceOption, UntilOption
from rdvlog.cli.root import app
from rdvlog.errors import UsageError
from rdvlog.export import atomic_output, check_target
from rdvlog.labels import t
from rdvlog.render.markdown import markdown_chunks
from rdvlog.render.spreadsheet import csv_chunks
from rdvlog.report import ReportInput
from rdvlog.service.report import ReportRequest, build_report


class ReportFormat(str, Enum):
    MARKDOWN = "markdown"
    CSV = "csv"
    PDF = "pdf"


#: The format an output file's extension names; another extension leaves the choice to --format.
_BY_EXTENSION = {".md": ReportFormat.MARKDOWN, ".csv": ReportFormat.CSV, ".pdf": ReportFormat.PDF}


def chosen_format(given: ReportFormat | None, output: Path | None) -> ReportFormat:
    """``--format``, else the one ``-o``'s extension names, else Markdown; a contradiction
    between the two is a usage error (``-o rapport.pdf --format markdown``)."""
    named = _BY_EXTENSION.get(output.suffix.lower()) if output else None
    if given is not None and named is not None and given is not named:
        raise UsageError(
            key="error.report.format_contradicts",
            format=given.value,
            output=output,
            extension="md" if given is ReportFormat.MARKDOWN else given.value,
        )
    return given or named or ReportFormat.MARKDOWN


FormatOption = Annotated[ReportFormat | None, typer.Option("--format")]
OutputOption = Annotated[Path | None, typer.Option("-o", "--output")]
ExcelOption = Annotated[bool, typer.Option("--excel")]


@app.command()
def report(
    ctx: typer.Context,
    output_format: FormatOption = None,
    output: OutputOption = None,
    lang: LangOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    prefecture: PlaceOption = None,
    excel: ExcelOption = False,
    force: ForceOption = False,
) -> None:
    """Build the report input once, then write it in the chosen format."""
    chosen = chosen_format(output_format, output)
    if chosen is ReportFormat.PDF and output is None and sys.stdout.isatty():
        raise UsageError(key="error.report.pdf_terminal")
    store = state(ctx).store_path()
    target = check_target(output, store=store, force=force) if output else None
    request = ReportRequest(lang=lang, since=since, until=until, prefecture=prefecture)
    data = build_report(session(ctx), request)
    if chosen is ReportFormat.PDF:
        _write_pdf(ctx, data, target)
    else:
        chunks: Iterable[str]
        if chosen is ReportFormat.CSV:
            chunks = csv_chunks(data, excel=excel)
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
        language = message_lang(ctx)
        warn(t(language, "cli.not_verified", problem=data.integrity.problem_in(language)))


def _write_pdf(ctx: typer.Context, data: ReportInput, target: Path | None) -> None:
    from rdvlog.render.report_pdf import render_report_pdf  # the PDF stack, only here
    from rdvlog.service.report import evidence_reader

    pdf = render_report_pdf(data, evidence_reader(session(ctx)))
    if target is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(pdf)
        sys.stdout.buffer.flush()
    else:
        with atomic_output(target) as out:
            out.write(pdf)
        message(ctx, "cli.report_written", target=target)
