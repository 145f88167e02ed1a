"""``rdvlog attempt add|list|show|void``: recording attempts and reading them back.

The reading commands import their code when they run: `attempt add`, loaded with this module
after every try, must not pay for the report, statistics and table code they use
(DESIGN.md §6, tests/test_startup.py).
"""

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

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
from rdvlog.cli.root import app
from rdvlog.codes import Channel, Outcome
from rdvlog.labels import count, t
from rdvlog.service.attempts import AttemptRequest, add_attempt, void_attempt
from rdvlog.when import parse_when

attempt_app = typer.Typer(
    name="attempt",
    help="Record an attempt, list them, show one, void one.",
    no_args_is_help=True,
)
app.add_typer(attempt_app)


def complete_number(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Attempt numbers for shell completion, each with its date, place and outcome."""
    return _numbers(ctx, incomplete, include_void=True)


def complete_active_number(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Attempt numbers that can still be voided."""
    return _numbers(ctx, incomplete, include_void=False)


def _numbers(ctx: typer.Context, incomplete: str, *, include_void: bool) -> list[tuple[str, str]]:
    from rdvlog.cli.context import State
    from rdvlog.service.reading import read_history

    root = ctx.find_root()
    state = root.obj if isinstance(root.obj, State) else State(store=root.params.get("store"))
    try:
        history = read_history(state.session.journal())
    except Exception:  # completion must never print an error into the shell
        return []
    return [
        (str(n), f"{r.attempt.at:%Y-%m-%d %H:%M} {r.attempt.place.label} {r.attempt.outcome.value}")
        for n, r in enumerate(history.attempts, start=1)
        if str(n).startswith(incomplete) and (include_void or not r.voided)
    ]


NumberArgument = Annotated[
    int,
    typer.Argument(
        help="The attempt's number (as `attempt list` shows it).",
        min=1,
        autocompletion=complete_number,
    ),
]
ActiveNumberArgument = Annotated[
    int,
    typer.Argument(
        help="The attempt's number (as `attempt list` shows it).",
        min=1,
        autocompletion=complete_active_number,
    ),
]


class ListFormat(str, Enum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


PrefectureOption = Annotated[
    str | None,
    typer.Option(
        "-p",
        "--prefecture",
        help="Préfecture: town, département name or code (default: the case profile's).",
    ),
]
ProcedureOption = Annotated[
    str | None,
    typer.Option("-d", "--procedure", help="Démarche (default: the case profile's)."),
]
ChannelOption = Annotated[Channel, typer.Option("-c", "--channel", help="How you tried.")]
OutcomeOption = Annotated[Outcome, typer.Option("--outcome", help="What came of it.")]
AtOption = Annotated[
    str,
    typer.Option("--at", help="When: now, 08:30, 2026-11-20 08:30, 20/11/2026 8h30…"),
]
MessageOption = Annotated[
    str | None, typer.Option("-m", "--message", help="The exact message shown.")
]
UrlOption = Annotated[str | None, typer.Option("--url", help="The page's address.")]
ReferenceOption = Annotated[
    str | None,
    typer.Option("--reference", help="LRAR number, email subject, ticket number."),
]
EvidenceOption = Annotated[
    list[Path] | None,
    typer.Option("-e", "--evidence", help="Screenshot or other file; repeat for several."),
]
LatestScreenshotOption = Annotated[
    bool,
    typer.Option(
        "--latest-screenshot",
        help="Attach the newest image of your screenshot folder ($RDVLOG_SCREENSHOT_DIR).",
    ),
]
NoteOption = Annotated[str | None, typer.Option("-n", "--note", help="Free text.")]
AboutOption = Annotated[
    int | None,
    typer.Option(
        "--about",
        help="With --outcome delivered or answered: the number of the email, letter or "
        "form sent that this follows up.",
        min=1,
    ),
]
AsJsonOption = Annotated[bool, typer.Option("--json", help="Print the recorded entry as JSON.")]


@attempt_app.command("add")
def add(
    ctx: typer.Context,
    prefecture: PrefectureOption = None,
    procedure: ProcedureOption = None,
    channel: ChannelOption = Channel.WEB,
    outcome: OutcomeOption = Outcome.NO_SLOT,
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
) -> None:
    """Record one attempt to get an appointment (run it right after each try)."""
    s = session(ctx)
    when = parse_when(at, zone=s.zone, now=s.now(), option="--at", need_time=True)
    request = AttemptRequest(
        at=when,
        place=resolve_place(prefecture, unlisted=unlisted) if prefecture else None,
        procedure=procedure,
        channel=channel,
        outcome=outcome,
        message=message,
        url=url,
        reference=reference,
        note=note,
        files=tuple(evidence or ()),
        latest_screenshot=latest_screenshot,
        about=about,
    )
    language = message_lang(ctx)
    added = add_attempt(s.journal(), request, language)
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
            outcome=outcome.value,
            files=count(language, "cli.files", files) if files else "",
        )
    )


@attempt_app.command("list")
def list_(
    ctx: typer.Context,
    since: SinceOption = None,
    until: UntilOption = None,
    prefecture: PlaceOption = None,
    outcome: Annotated[Outcome | None, typer.Option("--outcome", help="Only this outcome.")] = None,
    include_void: Annotated[
        bool, typer.Option("--include-void", help="Show voided attempts too.")
    ] = False,
    output_format: Annotated[
        ListFormat, typer.Option("--format", help="table, json, jsonl or csv.")
    ] = ListFormat.TABLE,
) -> None:
    """List recorded attempts, oldest first."""
    from rdvlog.cli.context import show
    from rdvlog.render import listing
    from rdvlog.service.reading import read_history
    from rdvlog.service.selection import list_attempts, parse_period

    s = session(ctx)
    period = parse_period(since, until, zone=s.zone, now=s.now())
    missing = note_missing_store(ctx)
    history = read_history(s.journal())
    records = list_attempts(
        history.attempts,
        period,
        prefecture=prefecture,
        outcome=outcome,
        include_void=include_void,
    )
    numbers = history.numbers
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
        show(listing.table(records, numbers, zone=s.zone, show_void=include_void, width=width))
        if any(record.late for record in records):
            message(ctx, "cli.late_legend")


@attempt_app.command("show")
def show_(ctx: typer.Context, number: NumberArgument, as_json: JsonOption = False) -> None:
    """Show one attempt in full, with where its evidence files are stored."""

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
        show(listing.detail(record, number, zone=s.zone, stored=stored, about=about))


@attempt_app.command("void")
def void(
    ctx: typer.Context,
    number: ActiveNumberArgument,
    reason: Annotated[str, typer.Option("--reason", help="Why it is withdrawn (required).")],
) -> None:
    """Withdraw an attempt recorded by mistake; it stays in the journal, marked void."""
    entry = void_attempt(session(ctx).journal(), number, reason)
    message(ctx, "cli.attempt_voided", seq=number, entry=entry.seq)
