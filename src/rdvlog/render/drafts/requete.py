"""The requête en référé « mesures utiles » (art. L. 521-3 CJA), built from the case's facts."""

from __future__ import annotations

from rdvlog.facts import CaseFacts
from rdvlog.models import Lang
from rdvlog.render import prose
from rdvlog.render.document import Block, Bullets, Document, Heading, Inline, Paragraph, Runs, Text
from rdvlog.render.drafts import shared
from rdvlog.render.drafts.labels import blank, runs, t

#: The chronological list keeps the first and last steps and counts those between; the full
#: record is a pièce.
REQUETE_KEEP = 20


def _applicant(facts: CaseFacts, lang: Lang, form: str = "le") -> str:
    """« le requérant » / « la requérante », or after « à » (``au``) or « de » (``du``)."""
    return t(lang, f"applicant.{form}.{_gender(facts)}")


def _gender(facts: CaseFacts) -> str:
    return "f" if facts.civility == "Mme" else "m"


def _tribunal(facts: CaseFacts, lang: Lang) -> Inline:
    if not facts.tribunal:
        return blank(lang, "requete.tribunal_unknown")
    name = facts.tribunal
    if lang == "fr" and name.startswith("Tribunal "):
        name = "t" + name[1:]
    return name


def _parties(facts: CaseFacts, lang: Lang) -> tuple[Block, ...]:
    identity = runs(
        lang,
        "requete.applicant",
        e=shared.feminine(facts),
        name=shared.name(facts, lang),
        birth_date=blank(lang, "birth_date"),
        birth_place=blank(lang, "birth_place"),
        nationality=blank(lang, "nationality"),
        address=blank(lang, "address"),
        number=shared.number(facts, lang),
    )
    prefet = shared.prefet(facts, lang)
    defendant = (shared.capitalized(prefet) if isinstance(prefet, str) else prefet,)
    return (
        Heading(t(lang, f"requete.applicant_heading.{_gender(facts)}"), level=2),
        Paragraph(identity),
        Heading(t(lang, "requete.defendant_heading"), level=2),
        Paragraph(runs(lang, "requete.defendant", prefet=defendant)),
    )


def _facts(facts: CaseFacts, lang: Lang) -> tuple[Block, ...]:
    blocks: list[Block] = [
        Heading(t(lang, "requete.facts"), level=1),
        Paragraph(prose.synthese(facts, lang, as_of="draft")),
        Paragraph(
            (
                t(
                    lang,
                    "requete.journal",
                    Applicant=shared.capitalized(_applicant(facts, lang)),
                    day=prose.long_date(lang, facts.today),
                ),
            )
        ),
        shared.fingerprint(facts, lang),
    ]
    if facts.attempts or facts.written:
        blocks.append(Paragraph((t(lang, "requete.steps"),)))
        blocks.append(shared.steps_table(facts, lang, keep=REQUETE_KEEP))
    return tuple(blocks)


def _urgency(facts: CaseFacts, lang: Lang) -> tuple[Block, ...]:
    applicant = shared.capitalized(_applicant(facts, lang))
    blocks: list[Block] = [Heading(t(lang, "requete.b"), level=2)]
    if facts.application == "renewal":
        blocks.append(Paragraph((t(lang, "requete.b.renewal", Applicant=applicant),)))
    else:
        blocks.append(Paragraph((t(lang, "requete.b.other"),)))
    expiry = prose.expiry(facts, lang, as_of="draft")
    if expiry:
        blocks.append(Paragraph((expiry,)))
    blocks.append(Paragraph((blank(lang, "requete.b.circumstances"),)))
    blocks.append(Paragraph((blank(lang, "requete.b.oqtf"),)))
    return tuple(blocks)


def _shots(facts: CaseFacts, lang: Lang) -> str:
    if facts.with_screenshot == 0:
        return t(lang, "requete.c.no_shots")
    if facts.with_screenshot == facts.booking_attempts:
        return t(lang, "requete.c.all_shots")
    if facts.with_screenshot == 1:
        return t(lang, "requete.c.one_shot")
    return t(lang, "requete.c.shots", n=facts.with_screenshot)


def _usefulness(facts: CaseFacts, lang: Lang) -> tuple[Block, ...]:
    blocks: list[Block] = [
        Heading(t(lang, "requete.c"), level=2),
        Paragraph((t(lang, "requete.c.rule"),)),
    ]
    if facts.first is not None and facts.last is not None and facts.booking_attempts > 1:
        shots = _shots(facts, lang)
        figures = t(
            lang,
            "requete.c.figures",
            by_applicant=_applicant(facts, lang),
            n=facts.booking_attempts,
            how=prose.how(facts, lang),
            period=prose.period(lang, facts.first.date(), facts.last.date()),
            spread=prose.spread(facts, lang),
            shots=shots,
        )
        blocks.append(Paragraph((figures,)))
    else:
        blocks.append(Paragraph((blank(lang, "requete.c.none"),)))
    blocks.append(Paragraph((prose.written_sentence(facts, lang),)))
    blocks.append(
        Paragraph((t(lang, "requete.c.conclusion", to_applicant=_applicant(facts, lang, "au")),))
    )
    return tuple(blocks)


def _conclusions(facts: CaseFacts, lang: Lang, *, astreinte: bool) -> tuple[Block, ...]:
    applicant = _applicant(facts, lang)
    penalty: Runs = (
        runs(lang, "requete.penalty", amount=blank(lang, "requete.amount")) if astreinte else ()
    )
    found = shared.prefet_of(facts)
    prefet: Inline = (
        shared.prefet(facts, lang, "prefet.short") if found else blank(lang, "prefecture.unknown")
    )
    order = runs(
        lang,
        "requete.order",
        prefet_short=prefet,
        delay=blank(lang, "requete.delay"),
        penalty=penalty,
    )
    return (
        Heading(t(lang, "requete.conclusions"), level=1),
        Paragraph((t(lang, "requete.therefore", applicant=applicant),)),
        Bullets((order, (blank(lang, "requete.costs"),)), numbered=True),
    )


def _pieces(facts: CaseFacts, lang: Lang) -> tuple[Block, ...]:
    heading = Heading(t(lang, "requete.pieces"), level=1)
    if not facts.pieces:
        return heading, Paragraph((blank(lang, "requete.no_pieces"),))
    items = tuple((t(lang, "requete.piece", n=n, label=label),) for n, label in facts.pieces)
    return heading, Bullets(items)


def requete(facts: CaseFacts, lang: Lang = "fr", *, astreinte: bool = False) -> Document:
    """The requête: parties, faits, discussion (compétence, urgence, utilité, absence
    d'obstacle), conclusions and the bordereau of pièces."""
    blocks: list[Block] = [
        Paragraph((Text(t(lang, "requete.title"), bold=True),), align="center", style="title"),
        Paragraph((t(lang, "requete.article"),), align="center"),
        Paragraph(runs(lang, "requete.to", tribunal=_tribunal(facts, lang)), align="center"),
        *_parties(facts, lang),
        *_facts(facts, lang),
        Heading(t(lang, "requete.discussion"), level=1),
        Heading(t(lang, "requete.a"), level=2),
        Paragraph((t(lang, "requete.a.text"),)),
        *_urgency(facts, lang),
        *_usefulness(facts, lang),
        Heading(t(lang, "requete.d"), level=2),
        Paragraph((t(lang, "requete.d.text", of_applicant=_applicant(facts, lang, "du")),)),
        *_conclusions(facts, lang, astreinte=astreinte),
        *shared.signature(facts, lang),
        *_pieces(facts, lang),
    ]
    return shared.document(facts, lang, "requete.title", blocks)
