"""``rdvlog status``: what to check each morning, on one screen."""

from typing import Annotated

import typer

from rdvlog.cli.context import print_json, state
from rdvlog.cli.root import app


@app.command()
def status(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the same facts as JSON.")] = False,
) -> None:
    """Attempts so far, days and weeks covered, a 12-week calendar, and what to watch."""
    from rdvlog import dashboard
    from rdvlog.cli.selection import checked_history

    st = state(ctx)
    history, verification = checked_history(st)
    facts = dashboard.status(
        history.attempts,
        history.case,
        zone=st.zone,
        today=st.now().date(),
        entries=verification.entry_count,
        head_hash=verification.head_hash,
        problem=verification.first_break.describe() if verification.first_break else None,
    )
    if as_json:
        print_json(dashboard.as_json(facts))
    else:
        from rdvlog.render.status import print_status

        print_status(facts)
