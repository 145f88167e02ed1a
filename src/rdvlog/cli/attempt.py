"""``rdvlog attempt add|list|show|void``: recording attempts and reading them back.

The reading commands import their code when they run: `attempt add`, loaded with this module
after every try, must not pay for the report, statistics and table code they use
(DESIGN.md §6, tests/test_startup.py).
"""

from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from rdvlog.cli.completion import (
    complete_active_number,
    complete_channel,
    complete_number,
    complete_outcome,
)
from rdvlog.cli.context import (
    message,
    message_lang,
    note_missing_store,
    print_json,
    say,
    session,
    show,
    warn,
    write_out,
)
from rdvlog.cli.options import JsonOption, PlaceOption, SinceOption, UnlistedOption, UntilOption
from rdvlog.cli.places import resolve_place
from rdvlog.cli.root import RdvlogSubgroup, app
from rdvlog.codes import Channel, Outcome, parse_channel, parse_outcome, spoken
from rdvlog.errors import UsageError
from rdvlog.labels import count, t
from rdvlog.service.attempts import AttemptRequest, add_attempt, void_attempt
from rdvlog.when import parse_when

attempt_app = typer.Typer(
    name="attempt",
    no_args_is_help=True,
    cls=RdvlogSubgroup,
)
app.add_typer(attempt_app)

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


ProcedureOption = Annotated[
    str | None,
    typer.Option("-d", "--procedure"),
]
# Codes are read by codes.parse_*: English codes and French aliases (`courrier`, `refus`).
ChannelOption = Annotated[
    str,
    typer.Option(
        "-c",
        "--channel",
        metavar="metavar.channel",
        autocompletion=complete_channel,
    ),
]
OutcomeOption = Annotated[
    str,
    typer.Option(
        "--outcome",
        metavar="metavar.outcome",
        autocompletion=complete_outcome,
    ),
]
AtOption = Annotated[
    str,
    typer.Option("--at", metavar="metavar.when"),
]
MessageOption = Annotated[str | None, typer.Option("-m", "--message")]
UrlOption = Annotated[str | None, typer.Option("--url")]
ReferenceOption = Annotated[
    str | None,
    typer.Option("--reference"),
]
EvidenceOption = Annotated[
    list[Path] | None,
    typer.Option("-e", "--evidence"),
]
#: `-e a.png b.png` and `-e *.png` (the shell expands it): the files after the first.
MoreEvidenceArgument = Annotated[list[Path] | None, typer.Argument(hidden=True)]
LatestScreenshotOption = Annotated[
    bool,
    typer.Option(
        "--latest-screenshot",
    ),
]
NoteOption = Annotated[str | None, typer.Option("-n", "--note")]
AsJsonOption = Annotated[bool, typer.Option("--json")]
AboutOption = Annotated[
    int | None,
    typer.Option(
        "--about",
        metavar="N",
    ),
]


@attempt_app.command("add")
def add(
    ctx: typer.Context,
    prefecture: PlaceOption = None,
    procedure: ProcedureOption = None,
    channel: ChannelOption = Channel.WEB.value,
    outcome: OutcomeOption = Outcome.NO_SLOT.value,
    at: AtOption = "now",
    message: MessageOption = None,
    url: UrlOption = None,
    reference: ReferenceOption = None,
    evidence: EvidenceOption = None,
    latest_screenshot: LatestScreenshotOption = False,
    note: NoteOption = None,
    about: AboutOption = None,
    unlisted: UnlistedOption = False,
    as_json: AsJsonOption = False,
    extra: MoreEvidenceArgument = None,
) -> None:
    """Parse the options, record through the service, confirm (or print the entry as JSON)."""
    attached = evidence_files(evidence, extra)
    s = session(ctx)
    when = parse_when(at, zone=s.zone, now=s.now(), option="--at", need_time=True)
    request = AttemptRequest(
        at=when,
        place=resolve_place(prefecture, unlisted=unlisted) if prefecture else None,
        procedure=procedure,
        channel=parse_channel(channel),
        outcome=parse_outcome(outcome),
        message=message,
        url=url,
        reference=reference,
        note=note,
        files=attached,
        latest_screenshot=latest_screenshot,
        about=about,
    )
    language = message_lang(ctx)
    journal = s.journal()
    previous = journal.last_entry()
    added = add_attempt(journal, request)
    entry = added.entry
    for reuse in added.reused:
        warn(t(language, "cli.screenshot_reused", name=reuse.name, n=reuse.number, day=reuse.day))
    if as_json:
        print_json({**entry.model_dump(mode="json"), "number": added.number})
        return
    files = len(entry.data.get("evidence", []))
    say(
        t(
            language,
            "cli.attempt_recorded",
            seq=added.number,
            when=f"{when:%Y-%m-%d %H:%M}",
            place=entry.data["place"]["label"],
            outcome=spoken(request.outcome, language),
            files=count(language, "cli.files", files) if files else "",
        )
    )
    if previous is not None and same_attempt(previous.kind, previous.data, entry.data):
        warn(t(language, "cli.duplicate", seq=added.number, previous=added.number - 1))


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
    from rdvlog.cli.context import show
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


def evidence_files(evidence: list[Path] | None, extra: list[Path] | None) -> tuple[Path, ...]:
    """The files of ``-e``, with those typed after it (``-e a.png b.png``, ``-e *.png``) and
    ``~`` expanded even when quoted; a stray word without any ``-e`` is refused."""
    if extra and not evidence:
        raise UsageError(key="error.cli.extra", value=" ".join(str(p) for p in extra))
    return tuple(path.expanduser() for path in [*(evidence or ()), *(extra or ())])


def same_attempt(kind: str, before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    """An exact duplicate: the previous entry is an attempt at the same time, place, outcome."""
    return (
        kind == "attempt"
        and before.get("at") == after.get("at")
        and before.get("place") == after.get("place")
        and before.get("outcome") == after.get("outcome")
    )
