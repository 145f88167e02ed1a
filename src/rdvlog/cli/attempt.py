"""``rdvlog attempt add``, typed after every try, and the ``attempt`` group.

The group's other commands (``list``, ``show``, ``void``) live in :mod:`.attempt_more`, which
``rdvlog.cli.main`` does not load for ``attempt add``: Typer builds every command it knows on
each run, and `attempt add` must start fast (DESIGN.md §6, tests/test_startup.py).
"""

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

import typer

from rdvlog.cli.completion import (
    complete_channel,
    complete_outcome,
)
from rdvlog.cli.context import (
    message_lang,
    print_json,
    say,
    session,
    warn,
)
from rdvlog.cli.options import PlaceOption, UnlistedOption
from rdvlog.cli.places import resolve_place
from rdvlog.cli.root import RdvlogSubgroup, app
from rdvlog.codes import Channel, Outcome, parse_channel, parse_outcome, spoken
from rdvlog.errors import UsageError
from rdvlog.labels import count, t
from rdvlog.service.attempts import AttemptRequest, add_attempt
from rdvlog.when import parse_when

attempt_app = typer.Typer(
    name="attempt",
    no_args_is_help=True,
    cls=RdvlogSubgroup,
)
app.add_typer(attempt_app)

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
