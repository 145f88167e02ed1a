"""``rdvlog status``: what to check each morning, on one screen."""

import typer

from rdvlog.cli.context import message_lang, print_json, session, show
from rdvlog.cli.options import JsonOption
from rdvlog.cli.root import app
from rdvlog.render.status import status_json, status_view
from rdvlog.service.report import status_facts


@app.command()
def status(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Attempts so far, days and weeks covered, a 12-week calendar, and what to watch."""
    facts = status_facts(session(ctx))
    if as_json:
        print_json(status_json(facts))
    else:
        show(status_view(facts, message_lang(ctx)))
