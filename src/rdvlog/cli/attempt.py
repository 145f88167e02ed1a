"""``rdvlog attempt add|list|show|void``: recording attempts and reading them back."""

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rdvlog.cli.context import print_json, resolve_place, say, state, unix_newlines, validated
from rdvlog.cli.root import app
from rdvlog.codes import Channel, Outcome
from rdvlog.errors import NotFound, UsageError
from rdvlog.when import parse_when

if TYPE_CHECKING:
    from rdvlog.history import History

attempt_app = typer.Typer(
    name="attempt",
    help="Record an attempt, list them, show one, void one.",
    no_args_is_help=True,
)
app.add_typer(attempt_app)


class ListFormat(str, Enum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


@attempt_app.command("add")
def add(
    ctx: typer.Context,
    prefecture: Annotated[
        str | None,
        typer.Option(
            "-p",
            "--prefecture",
            help="Préfecture: town, département name or code (default: the case profile's).",
        ),
    ] = None,
    procedure: Annotated[
        str | None,
        typer.Option("-d", "--procedure", help="Démarche (default: the case profile's)."),
    ] = None,
    channel: Annotated[
        Channel, typer.Option("-c", "--channel", help="How you tried.")
    ] = Channel.WEB,
    outcome: Annotated[Outcome, typer.Option("--outcome", help="What came of it.")] = (
        Outcome.NO_SLOT
    ),
    at: Annotated[
        str,
        typer.Option("--at", help="When: now, 08:30, 2026-11-20 08:30, 20/11/2026 8h30…"),
    ] = "now",
    message: Annotated[
        str | None, typer.Option("-m", "--message", help="The exact message shown.")
    ] = None,
    url: Annotated[str | None, typer.Option("--url", help="The page's address.")] = None,
    reference: Annotated[
        str | None,
        typer.Option("--reference", help="LRAR number, email subject, ticket number."),
    ] = None,
    evidence: Annotated[
        list[Path] | None,
        typer.Option("-e", "--evidence", help="Screenshot or other file; repeat for several."),
    ] = None,
    latest_screenshot: Annotated[
        bool,
        typer.Option(
            "--latest-screenshot",
            help="Attach the newest image of your screenshot folder ($RDVLOG_SCREENSHOT_DIR).",
        ),
    ] = False,
    note: Annotated[str | None, typer.Option("-n", "--note", help="Free text.")] = None,
    unlisted: Annotated[
        bool,
        typer.Option("--unlisted", help="Record -p as typed, outside the directory."),
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the recorded entry as JSON.")
    ] = False,
) -> None:
    """Record one attempt to get an appointment (run it right after each try)."""
    from rdvlog.models import Attempt

    st = state(ctx)
    when = parse_when(at, zone=st.zone, now=st.now(), option="--at", need_time=True)
    journal = st.journal()
    place = resolve_place(prefecture, unlisted=unlisted) if prefecture else None
    if place is None or procedure is None:
        case = journal.latest_case()
        place = place or (case.place if case else None)
        procedure = procedure or (case.procedure if case else None)
    if place is None:
        raise UsageError(
            "which préfecture? Give -p (e.g. -p bobigny or -p 93), "
            "or set a default once with `rdvlog case set -p PREFECTURE`"
        )
    if procedure is None:
        raise UsageError(
            'which démarche? Give -d (e.g. -d "AES salarié"), '
            "or set a default once with `rdvlog case set -d PROCEDURE`"
        )
    record = validated(
        Attempt,
        at=when,
        place=place,
        procedure=procedure,
        channel=channel,
        outcome=outcome,
        message=unix_newlines(message),
        url=url,
        reference=reference,
        note=unix_newlines(note),
    )
    files = list(evidence or [])
    if latest_screenshot:
        from rdvlog.screenshots import latest_screenshot as newest
        from rdvlog.screenshots import screenshot_dirs

        files.append(newest(screenshot_dirs(), attempt_at=when))
    sources = []
    if files:
        from rdvlog.evidence import check_source

        sources = [check_source(path, store=journal.root) for path in files]
    entry = journal.append(record, sources)
    if as_json:
        print_json(entry.model_dump(mode="json"))
    else:
        count = len(entry.data.get("evidence", []))
        attached = f", {count} file{'s' if count != 1 else ''}" if count else ""
        say(
            f"attempt {entry.seq} recorded: {when:%Y-%m-%d %H:%M}, {place.label}, "
            f"{outcome.value}{attached}"
        )


@attempt_app.command("list")
def list_(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option("--since", help="From this date or time.")] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Up to this date (included) or time.")
    ] = None,
    prefecture: Annotated[
        str | None, typer.Option("-p", "--prefecture", help="Only this préfecture.")
    ] = None,
    outcome: Annotated[Outcome | None, typer.Option("--outcome", help="Only this outcome.")] = None,
    include_void: Annotated[
        bool, typer.Option("--include-void", help="Show voided attempts too.")
    ] = False,
    output_format: Annotated[
        ListFormat, typer.Option("--format", help="table, json, jsonl or csv.")
    ] = ListFormat.TABLE,
) -> None:
    """List recorded attempts, oldest first."""
    from rdvlog.cli.selection import select
    from rdvlog.render import listing

    st = state(ctx)
    records = select(st, since=since, until=until, prefecture=prefecture)
    records = [
        r
        for r in records
        if (include_void or not r.voided) and (outcome is None or r.attempt.outcome == outcome)
    ]
    if output_format is ListFormat.JSON:
        listing.write_json(records)
    elif output_format is ListFormat.JSONL:
        listing.write_jsonl(records)
    elif output_format is ListFormat.CSV:
        listing.write_csv(records)
    else:
        listing.print_table(records, zone=st.zone, show_void=include_void)


@attempt_app.command("show")
def show(
    ctx: typer.Context,
    seq: Annotated[int, typer.Argument(help="The attempt's number.", min=1)],
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Show one attempt in full, with where its evidence files are stored."""
    from rdvlog.render import listing

    st = state(ctx)
    journal = st.journal()
    record = journal.history().attempt(seq)
    if record is None:
        raise NotFound(f"there is no attempt {seq}")
    if as_json:
        print_json(listing.as_dict(record, evidence_dir=journal.evidence_dir))
    else:
        listing.print_detail(record, zone=st.zone, evidence_dir=journal.evidence_dir)


@attempt_app.command("void")
def void(
    ctx: typer.Context,
    seq: Annotated[int, typer.Argument(help="The attempt's number.", min=1)],
    reason: Annotated[str, typer.Option("--reason", help="Why it is withdrawn (required).")],
) -> None:
    """Withdraw an attempt recorded by mistake; it stays in the journal, marked void."""
    from rdvlog.models import Void

    def refuse_unless_active(history: "History") -> None:
        record = history.attempt(seq)
        if record is None:
            raise NotFound(f"entry {seq} is not an attempt, or does not exist")
        if record.voided:
            raise UsageError(f'attempt {seq} is already void ("{record.void_reason}")')

    journal = state(ctx).journal()
    void = validated(Void, target=seq, reason=reason)
    refuse_unless_active(journal.history())  # before the store is touched at all
    entry = journal.append(void, check=refuse_unless_active)  # again under the lock: no race
    say(f"attempt {seq} voided (entry {entry.seq})")
