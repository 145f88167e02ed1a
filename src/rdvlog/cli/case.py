"""``rdvlog case set|show``: the case profile, kept in the journal so every change is on record."""

from typing import Annotated, Any

import typer

from rdvlog.cli.context import print_json, resolve_place, say, state, validated
from rdvlog.cli.root import app
from rdvlog.codes import Language
from rdvlog.errors import UsageError
from rdvlog.when import parse_date

case_app = typer.Typer(
    name="case", help="The case profile: applicant, default préfecture and démarche…"
)
app.add_typer(case_app)


@case_app.command("set")
def set_(
    ctx: typer.Context,
    applicant: Annotated[
        str | None, typer.Option("--applicant", help="The applicant's full name.")
    ] = None,
    prefecture: Annotated[
        str | None,
        typer.Option("-p", "--prefecture", help="Default préfecture for `attempt add`."),
    ] = None,
    unlisted: Annotated[
        bool, typer.Option("--unlisted", help="Record -p as typed, outside the directory.")
    ] = False,
    procedure: Annotated[
        str | None, typer.Option("-d", "--procedure", help="Default démarche.")
    ] = None,
    permit_expires: Annotated[
        str | None,
        typer.Option("--permit-expires", help="Expiry date of the current permit or récépissé."),
    ] = None,
    foreigner_number: Annotated[
        str | None, typer.Option("--foreigner-number", help="N° étranger (AGDREF).")
    ] = None,
    application: Annotated[
        bool | None,
        typer.Option(
            "--first-application/--renewal",
            help="A first application, or the renewal of a permit.",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        Language | None, typer.Option("--lang", help="Report language (fr or en).")
    ] = None,
) -> None:
    """Set one or more fields of the case profile; the others keep their value."""
    from rdvlog.models import Case

    changes: dict[str, Any] = {}
    if applicant is not None:
        changes["applicant"] = applicant
    if prefecture is not None:
        changes["place"] = resolve_place(prefecture, unlisted=unlisted)
    if procedure is not None:
        changes["procedure"] = procedure
    if permit_expires is not None:
        changes["permit_expires"] = parse_date(permit_expires, option="--permit-expires")
    if foreigner_number is not None:
        changes["foreigner_number"] = foreigner_number
    if application is not None:
        changes["application"] = "first" if application else "renewal"
    if lang is not None:
        changes["lang"] = lang.value
    if not changes:
        raise UsageError("nothing to set; see `rdvlog case set --help` for the fields")
    validated(Case, **changes)
    journal = state(ctx).journal()
    current = journal.latest_case() or Case()
    # Each case entry is a full snapshot, so `attempt add` finds the defaults in one look.
    updated = validated(Case, **{**current.model_dump(exclude_none=True), **changes})
    if updated == current:
        say("case profile unchanged")
        return
    entry = journal.append(updated)
    say(f"case profile updated (entry {entry.seq}): {', '.join(sorted(changes))}")


@case_app.command("show")
def show(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Show the case profile."""
    from rdvlog.models import Case

    case = state(ctx).journal().latest_case() or Case()
    data = case.model_dump(mode="json")
    if as_json:
        print_json(data)
        return
    if all(value is None for value in data.values()):
        say("the case profile is empty; set it with `rdvlog case set`")
        return
    labels = {
        "applicant": "applicant",
        "place": "préfecture",
        "procedure": "démarche",
        "permit_expires": "permit expires",
        "foreigner_number": "n° étranger",
        "application": "application",
        "lang": "report language",
    }
    for key, label in labels.items():
        value = data[key]
        if isinstance(value, dict):
            value = value["label"]
        print(f"{label + ':':<17}{value if value is not None else '-'}")
