"""``rdvlog attempt list|show|void``: reading attempts back, and withdrawing one.

Kept apart from :mod:`.attempt` so that ``attempt add`` does not make Typer build them; the
reading commands import their code when they run.
"""

from enum import Enum
from typing import Annotated

import typer

from rdvlog.cli.attempt import attempt_app
from rdvlog.cli.completion import complete_active_number, complete_number, complete_outcome
from rdvlog.cli.context import (
    message,
    message_lang,
    note_missing_store,
    print_json,
    session,
    show,
    write_out,
)
from rdvlog.cli.options import JsonOption, PlaceOption, SinceOption, UntilOption
from rdvlog.codes import parse_outcome
from rdvlog.labels import t
from rdvlog.service.attempts import void_attempt

NumberArgument = Annotated[
    int,
    typer.Argument(
        metavar="N",
        autocompletion=complete_number,
    ),
]
ActiveNumberArgument = Annotated[
    int,
    typer.Argument(
        metavar="N",
        autocompletion=complete_active_number,
    ),
]


class ListFormat(str, Enum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


ListOutcomeOption = Annotated[
    str | None,
    typer.Option(
        "--outcome",
        metavar="metavar.outcome",
        autocompletion=complete_outcome,
    ),
]
IncludeVoidOption = Annotated[bool, typer.Option("--include-void")]
OutputFormatOption = Annotated[ListFormat, typer.Option("--format")]


@attempt_app.command("list")
def list_(
    ctx: typer.Context,
    since: SinceOption = None,
    until: UntilOption = None,
    prefecture: PlaceOption = None,
    outcome: ListOutcomeOption = None,
    include_void: IncludeVoidOption = False,
    output_format: OutputFormatOption = ListFormat.TABLE,
) -> None:
    """Select, then print as a table or a machine format."""
    from rdvlog.render import listing
    from rdvlog.service.reading import read_history
    from rdvlog.service.selection import list_attempts, parse_period

    s = session(ctx)
    period = parse_period(since, until, zone=s.zone, now=s.now())
    only = parse_outcome(outcome) if outcome is not None else None
    missing = note_missing_store(ctx)
    history = read_history(s.journal())
    numbers = history.numbers
    records = list_attempts(
        history.attempts,
        period,
        prefecture=prefecture,
        outcome=only,
        include_void=include_void,
    )
    if output_format is ListFormat.JSON:
        write_out(listing.json_array(records, numbers))
    elif output_format is ListFormat.JSONL:
        write_out(listing.jsonl(records, numbers))
    elif output_format is ListFormat.CSV:
        write_out(listing.csv_rows(records, numbers))
    elif not records and not missing:  # a missing store was already named on stderr
        message(ctx, "cli.no_attempts" if include_void else "cli.no_attempts_yet")
    elif records:
        from rich.console import Console

        width = Console().width
        language = message_lang(ctx)
        # A préfecture and démarche every row shares are said once, above the table, so that
        # a narrow terminal keeps one line per attempt (and a wide one stays legible).
        shared = listing.constant_columns(records)
        for name, value in shared.items():
            print(t(language, "list.shared", name=t(language, f"list.col.{name}"), value=value))
        table = listing.table(
            records,
            numbers,
            zone=s.zone,
            show_void=include_void,
            width=width,
            lang=language,
            omit=tuple(shared),
        )
        show(table)
        if any(record.late for record in records):
            message(ctx, "cli.late_legend")


@attempt_app.command("show")
def show_(ctx: typer.Context, number: NumberArgument, as_json: JsonOption = False) -> None:
    """One attempt and where its files are stored."""

    from rdvlog.render import listing
    from rdvlog.service.reading import attempt_files

    s = session(ctx)
    record, stored, about = attempt_files(s.journal(), number)
    if as_json:
        document = listing.as_dict(record, number, stored=stored)
        if about is not None:
            document["about_number"] = about
        print_json(document)
    else:
        language = message_lang(ctx)
        show(listing.detail(record, number, zone=s.zone, lang=language, about=about))
        for line in listing.stored_lines(record, stored, language):
            print(line)


@attempt_app.command("void")
def void(
    ctx: typer.Context,
    number: ActiveNumberArgument,
    reason: Annotated[str, typer.Option("--reason")],
) -> None:
    """Append a void entry for an attempt."""
    entry = void_attempt(session(ctx).journal(), number, reason)
    message(ctx, "cli.attempt_voided", seq=number, entry=entry.seq)
