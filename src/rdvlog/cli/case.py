"""``rdvlog case set|show``: the case profile, kept in the journal so every change is on record."""

from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from rdvlog.cli.context import message, message_lang, print_json, say, session
from rdvlog.cli.options import JsonOption, LangOption, PlaceOption, UnlistedOption
from rdvlog.cli.places import resolve_place
from rdvlog.cli.root import RdvlogSubgroup, app
from rdvlog.labels import count, t
from rdvlog.models import Case
from rdvlog.render.profile import document_lines, documents_json, profile_lines
from rdvlog.service.case import attach_document, set_case
from rdvlog.service.reading import read_history
from rdvlog.when import parse_date

case_app = typer.Typer(
    name="case",
    cls=RdvlogSubgroup,
)
app.add_typer(case_app)


ApplicantOption = Annotated[str | None, typer.Option("--applicant")]
CivilityOption = Annotated[
    Literal["M", "Mme"] | None,
    typer.Option("--civility"),
]
ProcedureOption = Annotated[str | None, typer.Option("-d", "--procedure")]
PermitExpiresOption = Annotated[
    str | None,
    typer.Option("--permit-expires"),
]
ForeignerNumberOption = Annotated[str | None, typer.Option("--foreigner-number")]
ApplicationOption = Annotated[
    bool | None,
    typer.Option(
        "--first-application/--renewal",
        show_default=False,
    ),
]


@case_app.command("set")
def set_(
    ctx: typer.Context,
    applicant: ApplicantOption = None,
    civility: CivilityOption = None,
    prefecture: PlaceOption = None,
    unlisted: UnlistedOption = False,
    procedure: ProcedureOption = None,
    permit_expires: PermitExpiresOption = None,
    foreigner_number: ForeignerNumberOption = None,
    application: ApplicationOption = None,
    lang: LangOption = None,
) -> None:
    """Gather the options given into one change of the profile."""
    changes: dict[str, Any] = {}
    if applicant is not None:
        changes["applicant"] = applicant
    if civility is not None:
        changes["civility"] = "M." if civility == "M" else civility
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
        changes["lang"] = lang
    entry = set_case(session(ctx).journal(), changes)
    if entry is None:
        message(ctx, "cli.case_unchanged")
    else:
        names = sorted(t(message_lang(ctx), f"profile.{name}") for name in changes)
        message(ctx, "cli.case_updated", entry=entry.seq, fields=", ".join(names))


@case_app.command("attach")
def attach(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        typer.Argument(),
    ],
    label: Annotated[
        str,
        typer.Option("--label"),
    ],
    as_json: JsonOption = False,
) -> None:
    """Record a case document with its files."""
    entry = attach_document(session(ctx).journal(), label, files)
    if as_json:
        print_json(entry.model_dump(mode="json"))
        return
    language = message_lang(ctx)
    n = len(entry.data.get("evidence", []))
    say(
        t(
            language,
            "cli.document_attached",
            entry=entry.seq,
            label=entry.data["label"],
            files=count(language, "cli.files", n),
        )
    )


@case_app.command("show")
def show(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """The profile and the case documents, as lines or JSON."""
    s = session(ctx)
    journal = s.journal()
    case = journal.latest_case() or Case()
    documents = read_history(journal).documents if journal.exists() else []
    if as_json:
        shown = case.model_dump(mode="json")
        if documents:  # the key appears with the first document: the profile's shape is kept
            shown["documents"] = documents_json(documents)
        print_json(shown)
        return
    lines = profile_lines(case, message_lang(ctx))
    if not lines and not documents:
        message(ctx, "cli.case_empty")
    listed = document_lines(documents, s.zone, message_lang(ctx))
    for line in [*lines, *([""] if lines and listed else []), *listed]:
        print(line)
