"""``rdvlog report``: the lawyer's report, in Markdown or CSV, French or English."""

import sys
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rdvlog.cli.context import State, say, state, warn
from rdvlog.cli.root import app
from rdvlog.codes import Language

if TYPE_CHECKING:
    from rdvlog.report import ReportInput


class ReportFormat(str, Enum):
    MARKDOWN = "markdown"
    CSV = "csv"


LangOption = Annotated[
    Language | None,
    typer.Option("--lang", help="Report language: fr or en (default: case profile, else fr)."),
]
SinceOption = Annotated[
    str | None, typer.Option("--since", help="Only attempts from this date or time.")
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="Only attempts up to this date (included).")
]
PlaceOption = Annotated[
    str | None, typer.Option("-p", "--prefecture", help="Only attempts at this préfecture.")
]


def build_report(
    st: State,
    *,
    lang: Language | None,
    since: str | None,
    until: str | None,
    prefecture: str | None,
    journal_bytes: bytes | None = None,
) -> "ReportInput":
    """Read and verify the journal once, select the attempts, and gather the report's input.

    Shared by ``report`` and ``bundle`` so that both number the exhibits the same way.
    """
    import datetime as dt
    import os

    from rdvlog import __version__
    from rdvlog.cli.selection import checked_history, period, place_filter
    from rdvlog.report import Integrity, ReportInput
    from rdvlog.report import select as within

    start, end = period(st, since=since, until=until)
    history, verification = checked_history(st, journal_bytes)
    place = place_filter(prefecture, history.attempts) if prefecture else None
    brk = verification.first_break
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        generated = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).astimezone(st.zone)
    else:
        generated = st.now()
    chosen_lang = lang.value if lang else (history.case.lang or "fr")
    return ReportInput(
        records=within(
            history.attempts, since=start, until=end, place=place.matches if place else None
        ),
        case=history.case,
        integrity=Integrity(
            ok=verification.ok,
            entry_count=verification.entry_count,
            head_hash=verification.head_hash,
            problem=brk.describe() if brk else None,
        ),
        zone=st.zone,
        generated_at=generated,
        version=__version__,
        lang="en" if chosen_lang == "en" else "fr",
        since=start,
        until=end,
        place_filter=place.label if place else None,
    )


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
) -> None:
    """Write the chronological report a lawyer attaches to a référé mesures utiles."""
    st = state(ctx)
    target = None
    if output is not None:
        from rdvlog.export import check_target

        target = check_target(output, store=st.store_path())
    data = build_report(st, lang=lang, since=since, until=until, prefecture=prefecture)
    chunks: Iterable[str]
    if output_format is ReportFormat.CSV:
        from rdvlog.render.spreadsheet import render_csv

        chunks = [render_csv(data, excel=excel)]
    else:
        from rdvlog.render.markdown import markdown_chunks

        chunks = markdown_chunks(data)
    if target is None:
        sys.stdout.flush()
        for chunk in chunks:
            sys.stdout.buffer.write(chunk.encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        from rdvlog.export import atomic_output

        with atomic_output(target) as out:
            for chunk in chunks:
                out.write(chunk.encode("utf-8"))
        say(f"report written to {target}")
    if not data.integrity.ok:
        warn(f"the journal does not verify ({data.integrity.problem}); the report says so")
