"""``rdvlog status``: what to check each morning, on one screen."""

import typer

from rdvlog.cli.context import message_lang, note_missing_store, print_json, session, show
from rdvlog.cli.options import JsonOption
from rdvlog.cli.root import app
from rdvlog.render.status import status_json, status_screen
from rdvlog.service.report import status_facts


@app.command()
def status(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """The status facts from one verified read, as a screen or JSON."""
    note_missing_store(ctx)
    facts = status_facts(session(ctx))
    if as_json:
        print_json(status_json(facts))
        return
    from rich.console import Console

    for part in status_screen(facts, message_lang(ctx), width=Console().width):
        if isinstance(part, str):
            print(part)  # plain: a path or the head hash must never be wrapped or cut
        else:
            show(part)
