"""``rdvlog bundle``: one zip for the lawyer, checkable with ``sha256sum -c``."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from rdvlog.cli.context import message_lang, say, session, state, warn
from rdvlog.cli.options import ForceOption, LangOption, PlaceOption, SinceOption, UntilOption
from rdvlog.cli.root import app
from rdvlog.export import atomic_output, check_target
from rdvlog.labels import count, t
from rdvlog.service.report import ReportRequest, plan_bundle

#: A progress bar is worth showing from this many exhibits on.
PROGRESS_FROM = 10


@app.command()
def bundle(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("-o", "--output")],
    lang: LangOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    prefecture: PlaceOption = None,
    force: ForceOption = False,
) -> None:
    """Plan the bundle from one snapshot, write it atomically."""
    # `-o dossier` means dossier.zip: the lawyer's software opens it by its extension.
    output = output if output.suffix.lower() == ".zip" else output.with_name(output.name + ".zip")
    target = check_target(output, store=state(ctx).store_path(), force=force)
    request = ReportRequest(lang=lang, since=since, until=until, prefecture=prefecture)
    planned = plan_bundle(session(ctx), request)
    total = len(planned.report.exhibits)
    with atomic_output(target) as out:
        if total >= PROGRESS_FROM and sys.stderr.isatty():
            from rich.progress import Progress  # a terminal only: not worth loading otherwise

            with Progress(transient=True) as bar:
                task = bar.add_task(t(message_lang(ctx), "cli.bundle_progress"), total=total)
                planned.write(out, progress=lambda done: bar.update(task, completed=done))
        else:
            planned.write(out)
    language = message_lang(ctx)
    say(count(language, "cli.bundle_written", total, target=target))
    if not planned.report.integrity.ok:
        warn(t(language, "cli.not_verified", problem=planned.report.integrity.problem_in(language)))
