"""The attestation sur l'honneur listing the attempts the applicant made personally."""

from __future__ import annotations

from rdvlog.facts import CaseFacts
from rdvlog.models import Lang
from rdvlog.render.document import Block, Bullets, Document, Paragraph, Runs, Text
from rdvlog.render.drafts import shared
from rdvlog.render.drafts.labels import blank, runs, t
from rdvlog.render.prose import long_date, spread


def _procedure(facts: CaseFacts, lang: Lang) -> Runs:
    if not facts.procedure:
        return ()
    return (t(lang, "attestation.procedure", procedure=facts.procedure),)


def attestation(facts: CaseFacts, lang: Lang = "fr") -> Document:
    """The attestation: identity, every booking attempt (date, time, channel, outcome), the
    written steps, the art. 441-7 code pénal reminder, place, date and signature."""
    e = shared.feminine(facts)
    blocks: list[Block] = [
        Paragraph((Text(t(lang, "attestation.title"), bold=True),), align="center", style="title"),
        Paragraph(
            runs(
                lang,
                "attestation.identity",
                e=e,
                name=shared.signer(facts, lang),
                birth_date=blank(lang, "birth_date"),
                birth_place=blank(lang, "birth_place"),
                nationality=blank(lang, "nationality"),
                address=blank(lang, "address"),
                number=shared.number(facts, lang),
            )
        ),
        Paragraph(
            runs(
                lang,
                "attestation.attests",
                office=shared.office(facts, lang),
                procedure=_procedure(facts, lang),
            )
        ),
    ]
    if facts.attempts:
        blocks.append(shared.attempts_table(facts, lang, shots=False))
        if facts.booking_attempts > 1:
            total = t(
                lang, "attestation.total", n=facts.booking_attempts, spread=spread(facts, lang)
            )
            blocks.append(Paragraph((total,)))
    else:
        blocks.append(Paragraph((blank(lang, "letter.attempts_none"),)))
    if facts.written:
        blocks.append(Paragraph((t(lang, "attestation.written"),)))
        blocks.append(Bullets(tuple((shared.step_cell(step, lang),) for step in facts.written)))
    blocks += [
        Paragraph((t(lang, "attestation.journal", day=long_date(lang, facts.today)),)),
        shared.fingerprint(facts, lang),
        Paragraph((t(lang, "attestation.for_court"),)),
        Paragraph((t(lang, "attestation.penal", e=e),)),
        *shared.signature(facts, lang),
        Paragraph((Text(t(lang, "attestation.id"), italic=True),), style="small"),
    ]
    return shared.document(facts, lang, "attestation.title", blocks)
