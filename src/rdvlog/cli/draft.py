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
    help=(
        "Write a draft from the journal, to read, complete and sign: the letter to the préfet, "
        "the requête en référé mesures utiles, or the attestation sur l'honneur. "
        "Drafts are in French; rdvlog gives no legal advice."
    ),
    no_args_is_help=True,
)
app.add_typer(draft_app)

OutputOption = Annotated[
    Path,
    typer.Option(
        "-o",
        "--output",
        help="The file to write; its extension picks the format: .docx (editable), .pdf, .txt.",
    ),
]
DraftLangOption = Annotated[
    Lang,
    typer.Option(
        "--lang",
        help="fr (default: what the préfecture and the tribunal need) or en (an English "
        "working translation, for reading only).",
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


@draft_app.command(short_help="The letter to the préfet (demande de rendez-vous, mise en demeure).")
def letter(
    ctx: typer.Context,
    output: OutputOption,
    lang: DraftLangOption = "fr",
    force: ForceOption = False,
) -> None:
    """The letter to the préfet: a request for an appointment and formal notice (mise en
    demeure), listing the attempts so far and the journal's fingerprint (head hash). Send it
    by registered letter (LRAR): the préfecture's own records then hold a dated copy of the
    fingerprint. With -o FILE.txt: a short text to paste in an email or a contact form, at
    most 2,000 characters, short enough for the ANEF contact form."""
    _draft(ctx, DraftRequest("letter", lang), output, force)
    short = output.suffix.lower() == ".txt"
    message(ctx, "cli.draft_text_hint" if short else "cli.draft_letter_hint")


@draft_app.command(short_help="The requête en référé mesures utiles for the tribunal.")
def requete(
    ctx: typer.Context,
    output: OutputOption,
    lang: DraftLangOption = "fr",
    force: ForceOption = False,
    astreinte: Annotated[
        bool,
        typer.Option("--astreinte", help="Ask for the order under a penalty per day of delay."),
    ] = False,
    first_exhibit: FirstExhibitOption = 1,
    group_weeks: GroupWeeksOption = False,
) -> None:
    """The requête en référé « mesures utiles » (art. L. 521-3 CJA) to the tribunal
    administratif of the préfecture's département: parties, facts from the journal, urgency,
    usefulness, conclusions (an order to give an appointment) and the list of pièces numbered
    as `rdvlog dossier` numbers them. For a lawyer, or to file through Télérecours citoyens."""
    request = DraftRequest(
        "requete", lang, astreinte=astreinte, first_exhibit=first_exhibit, group_weeks=group_weeks
    )
    _draft(ctx, request, output, force)


@draft_app.command(short_help="The attestation sur l'honneur listing your attempts.")
def attestation(
    ctx: typer.Context,
    output: OutputOption,
    lang: DraftLangOption = "fr",
    force: ForceOption = False,
) -> None:
    """The attestation sur l'honneur that you made the attempts listed, on the dates shown,
    « établie pour servir en justice », with the reminder of art. 441-7 code pénal; to sign
    and attach with a copy of an identity document."""
    _draft(ctx, DraftRequest("attestation", lang), output, force)
