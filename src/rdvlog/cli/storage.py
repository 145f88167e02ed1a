"""``rdvlog verify``, ``rdvlog repair`` and ``rdvlog path``: the store itself."""

from typing import Annotated

import typer

from rdvlog.cli.context import fail, print_json, say, state, warn
from rdvlog.cli.root import app
from rdvlog.errors import EXIT_STORE


@app.command()
def verify(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Check the whole hash chain and every evidence file; exit 1 at the first break."""
    journal = state(ctx).journal()
    result = journal.verify()
    brk = result.first_break
    if as_json:
        print_json(
            {
                "ok": result.ok,
                "journal": str(journal.path),
                "entries": result.entry_count,
                "head_hash": result.head_hash,
                "first_break": (
                    {"line": brk.line, "kind": brk.kind, "detail": brk.detail} if brk else None
                ),
                "unreferenced_evidence": list(result.unreferenced),
            }
        )
    else:
        print(f"journal:   {journal.path}")
        print(f"entries:   {result.entry_count}")
        print(f"head hash: {result.head_hash or '-'}")
        print(f"result:    {'intact' if brk is None else 'BROKEN, ' + brk.describe()}")
        for name in result.unreferenced:
            warn(f"{name} is not referenced by any entry")
    if brk is not None:
        fail(f"verification failed at {brk.describe()}", EXIT_STORE)


@app.command()
def repair(ctx: typer.Context) -> None:
    """Move a torn last line (left by a crash) to quarantine/ and record the repair."""
    journal = state(ctx).journal()
    entry = journal.repair()
    if entry is None:
        say("nothing to repair: the journal ends with a complete entry")
        return
    data = entry.data
    say(
        f"moved {data['bytes']} bytes of a torn last line to {data['file']}; "
        f"recorded as entry {entry.seq}"
    )


@app.command()
def path(ctx: typer.Context) -> None:
    """Print the store directory."""
    print(state(ctx).store_path())
