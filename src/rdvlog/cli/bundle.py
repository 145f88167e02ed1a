"""``rdvlog bundle``: one zip for the lawyer, checkable with ``sha256sum -c``."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from rdvlog.cli.context import say, state, warn
from rdvlog.cli.report import LangOption, PlaceOption, SinceOption, UntilOption, build_report
from rdvlog.cli.root import app

#: A progress bar is worth showing from this many exhibits on.
PROGRESS_FROM = 10


@app.command()
def bundle(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("-o", "--output", help="The zip file to write.")],
    lang: LangOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    prefecture: PlaceOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output file if it exists.")
    ] = False,
) -> None:
    """Write the report, the spreadsheet, every exhibit and the journal into one zip."""
    from rdvlog.bundle import write_bundle
    from rdvlog.export import atomic_output, check_target

    st = state(ctx)
    target = check_target(output, store=st.store_path(), force=force)
    journal = st.journal()
    journal_bytes = journal.read_bytes()  # one snapshot: the report and the copy agree
    data = build_report(
        st,
        lang=lang,
        since=since,
        until=until,
        prefecture=prefecture,
        journal_bytes=journal_bytes,
    )
    total = len(data.exhibits)
    with atomic_output(target) as out:
        if total >= PROGRESS_FROM and sys.stderr.isatty():
            from rich.progress import Progress

            with Progress(transient=True) as bar:
                task = bar.add_task("copying exhibits", total=total)
                write_bundle(
                    data,
                    journal_bytes=journal_bytes,
                    evidence_dir=journal.evidence_dir,
                    out=out,
                    progress=lambda done: bar.update(task, completed=done),
                )
        else:
            write_bundle(
                data, journal_bytes=journal_bytes, evidence_dir=journal.evidence_dir, out=out
            )
    say(f"bundle written to {target}: {total} exhibit{'s' if total != 1 else ''}")
    if not data.integrity.ok:
        warn(f"the journal does not verify ({data.integrity.problem}); the report says so")
