"""``rdvlog verify``, ``rdvlog repair`` and ``rdvlog path``: the store itself."""

from typing import Annotated

import typer

from rdvlog.cli.context import fail, message, message_lang, print_json, session, state, warn
from rdvlog.cli.options import JsonOption
from rdvlog.cli.root import app
from rdvlog.errors import EXIT_STORE
from rdvlog.labels import t
from rdvlog.labels.problems import break_phrase
from rdvlog.render.verify import backwards_warnings, verify_json, verify_lines
from rdvlog.report import ClockBack


@app.command()
def verify(
    ctx: typer.Context,
    as_json: JsonOption = False,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
        ),
    ] = False,
) -> None:
    """Verify the chain and the files; exit 1 at the first break."""
    journal = session(ctx).journal()
    result, went_back = journal.verify_clock(full=full)
    backwards = tuple(ClockBack(*back) for back in went_back)
    language = message_lang(ctx)
    if as_json:
        print_json(verify_json(journal.path, result, backwards))
    else:
        for line in verify_lines(journal.path, result, language):
            print(line)
        for name in result.unreferenced:
            warn(t(language, "cli.unreferenced", name=name))
        for text in backwards_warnings(backwards, language):
            warn(text)
    if result.first_break is not None:
        problem = break_phrase(result.first_break).text(language)
        fail(t(language, "verify.failed", problem=problem), EXIT_STORE)


@app.command()
def repair(ctx: typer.Context) -> None:
    """Quarantine a torn last line and record the repair."""
    entry = session(ctx).journal().repair()
    if entry is None:
        message(ctx, "cli.nothing_to_repair")
    else:
        message(
            ctx, "cli.repaired", bytes=entry.data["bytes"], file=entry.data["file"], entry=entry.seq
        )


@app.command()
def path(ctx: typer.Context) -> None:
    """The store directory, created or not."""
    print(state(ctx).store_path())
