"""``rdvlog draft letter|requete|attestation``: editable drafts written from the journal."""

from pathlib import Path
from typing import Annotated

import typer

from rdvlog.cli.context import message, message_lang, session, state, warn
from rdvlog.cli.options import FirstExhibitOption, ForceOption, GroupWeeksOption
from rdvlog.cli.root import app
from rdvlog.codes import Lang
from rdvlog.export import check_target
from rdvlog.labels import t
from rdvlog.service.drafts import DraftRequest, draft_format, read_draft, write_draft

draft_app = typer.Typer(
    name="draft",
    no_args_is_help=True,
)
app.add_typer(draft_app)

OutputOption = Annotated[
    Path,
    typer.Option(
        "-o",
        "--output",
    ),
]
DraftLangOption = Annotated[
    Lang,
    typer.Option(
        "--lang",
    ),
]


def _draft(ctx: typer.Context, request: DraftRequest, output: Path, force: bool) -> None:
    draft_format(output)  # an unknown extension is refused before anything is read
    target = check_target(output, store=state(ctx).store_path(), force=force)
    draft = read_draft(session(ctx), request)
    written = write_draft(session(ctx), request, target, draft=draft)
    message(ctx, "cli.draft_written", target=written)
    if draft.problem is not None:
        language = message_lang(ctx)
        problem = draft.broken.text(language) if draft.broken else draft.problem
        warn(t(language, "cli.draft_not_verified", problem=problem))


@draft_app.command()
def letter(
    ctx: typer.Context,
    output: OutputOption,
    lang: DraftLangOption = "fr",
    force: ForceOption = False,
) -> None:
    """Write the letter (DOCX, PDF, or the short text), then say how to send it."""
    _draft(ctx, DraftRequest("letter", lang), output, force)
    short = output.suffix.lower() == ".txt"
    message(ctx, "cli.draft_text_hint" if short else "cli.draft_letter_hint")


@draft_app.command()
def requete(
    ctx: typer.Context,
    output: OutputOption,
    lang: DraftLangOption = "fr",
    force: ForceOption = False,
    astreinte: Annotated[
        bool,
        typer.Option("--astreinte"),
    ] = False,
    first_exhibit: FirstExhibitOption = 1,
    group_weeks: GroupWeeksOption = False,
) -> None:
    """Write the requête, its pièces numbered as ``dossier`` numbers them."""
    request = DraftRequest(
        "requete", lang, astreinte=astreinte, first_exhibit=first_exhibit, group_weeks=group_weeks
    )
    _draft(ctx, request, output, force)


@draft_app.command()
def attestation(
    ctx: typer.Context,
    output: OutputOption,
    lang: DraftLangOption = "fr",
    force: ForceOption = False,
) -> None:
    """Write the attestation sur l'honneur."""
    _draft(ctx, DraftRequest("attestation", lang), output, force)
