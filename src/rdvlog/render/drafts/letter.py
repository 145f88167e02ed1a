"""The letter to the préfet (demande de rendez-vous, mise en demeure) and its contact-form text."""

from __future__ import annotations

from rdvlog.facts import CaseFacts
from rdvlog.models import Lang
from rdvlog.render import prose
from rdvlog.render.document import Block, Document, Inline, Paragraph, Text
from rdvlog.render.drafts import shared
from rdvlog.render.drafts.labels import blank, runs, t

#: Contact forms (ANEF's Centre de contact citoyen, démarches-simplifiées, préfecture forms)
#: commonly cap a message around 2,000–3,000 characters; we keep under the lowest.
CONTACT_FORM_LIMIT = 2000
#: The letter lists the first and last attempts and counts those between, to stay within
#: two pages.
LETTER_KEEP = 6
#: Free text the applicant typed is cut to this length in the contact-form message.
_FIELD_LIMIT = 160


def _title(facts: CaseFacts, lang: Lang) -> Text:
    kind = (shared.prefet_of(facts) or ("prefet", ""))[0]
    return Text(t(lang, "blank", what=t(lang, f"{kind}.title")), placeholder=True)


def _recipient(facts: CaseFacts, lang: Lang) -> tuple[Block, ...]:
    found = shared.prefet_of(facts)
    title: tuple[Inline, ...] = (
        (_title(facts, lang), " " + found[1])
        if found
        else (
            _title(facts, lang),
            " ",
            blank(lang, "prefecture.unknown"),
        )
    )
    return (
        Paragraph(title, align="left"),
        Paragraph((t(lang, "letter.service"),), align="left"),
        Paragraph((blank(lang, "letter.prefecture_address"),), align="left"),
    )


def _sender(facts: CaseFacts, lang: Lang) -> tuple[Block, ...]:
    return (
        Paragraph((shared.name(facts, lang),), align="left"),
        Paragraph((blank(lang, "address"),), align="left"),
        Paragraph(
            runs(lang, "letter.foreigner_number", number=shared.number(facts, lang)), align="left"
        ),
    )


def _permit(facts: CaseFacts, lang: Lang) -> tuple[Block, ...]:
    if facts.permit_expires is not None and facts.days_left is not None:
        key = "letter.expired" if facts.days_left < 0 else "letter.expires"
        return (Paragraph((t(lang, key, day=prose.long_date(lang, facts.permit_expires)),)),)
    if facts.application == "renewal":
        return (Paragraph(runs(lang, "letter.expires", day=blank(lang, "date"))),)
    return ()


def attempts_sentence(facts: CaseFacts, lang: Lang, key: str = "letter.attempts") -> str | None:
    """« Du 5 octobre au 14 novembre 2026, j'ai tenté à 27 reprises … »; None without attempts."""
    if facts.first is None or facts.last is None:
        return None
    how = prose.how(facts, lang)
    if facts.booking_attempts == 1:
        return t(lang, "letter.attempt_one", day=prose.long_date(lang, facts.first.date()), how=how)
    span = shared.capitalized(prose.period(lang, facts.first.date(), facts.last.date()))
    return t(
        lang,
        key,
        Period=span,
        n=facts.booking_attempts,
        how=how,
        spread=prose.spread(facts, lang),
    )


def _attempts(facts: CaseFacts, lang: Lang) -> tuple[Block, ...]:
    sentence = attempts_sentence(facts, lang)
    if sentence is None:
        return (Paragraph((blank(lang, "letter.attempts_none"),)),)
    blocks: list[Block] = [Paragraph((sentence,))]
    message = shared.usual_message(facts)
    if message:
        blocks.append(Paragraph((t(lang, "letter.message", message=message),), style="quote"))
    blocks.append(shared.attempts_table(facts, lang, keep=LETTER_KEEP))
    return tuple(blocks)


def _written(facts: CaseFacts, lang: Lang) -> tuple[Block, ...]:
    if not facts.written:
        return ()
    items = [prose.step_phrase(step, lang) for step in facts.written]
    blocks: list[Block] = [
        Paragraph((t(lang, "letter.written", list=prose.enumerate_words(lang, items)),))
    ]
    if any(step.answered for step in facts.written):
        blocks.append(Paragraph((blank(lang, "letter.reply"),)))
    else:
        blocks.append(Paragraph((t(lang, "letter.no_reply"),)))
    return tuple(blocks)


def _journal(facts: CaseFacts, lang: Lang) -> tuple[Block, ...]:
    return (
        Paragraph((t(lang, "letter.journal"),)),
        shared.fingerprint(facts, lang),
        Paragraph((t(lang, "letter.journal_why"),)),
    )


def letter(facts: CaseFacts, lang: Lang = "fr") -> Document:
    """The letter to the préfet, to send by LRAR: it puts the journal's fingerprint on record."""
    title = _title(facts, lang)
    delay = blank(lang, "letter.delay")
    blocks: list[Block] = [
        *_sender(facts, lang),
        *_recipient(facts, lang),
        shared.made_at(lang),
        Paragraph((Text(t(lang, "letter.registered"), bold=True),), align="left"),
        Paragraph(
            runs(lang, "letter.subject", procedure=shared.procedure(facts, lang)),
            align="left",
        ),
        Paragraph(runs(lang, "letter.salutation", title=title), align="left"),
        Paragraph(
            runs(
                lang,
                "letter.identity",
                e=shared.feminine(facts),
                name=shared.signer(facts, lang),
                birth_date=blank(lang, "birth_date"),
                nationality=blank(lang, "nationality"),
                address=blank(lang, "address"),
                procedure=shared.procedure(facts, lang),
            )
        ),
        *_permit(facts, lang),
        *_attempts(facts, lang),
        *_written(facts, lang),
        Paragraph(runs(lang, "letter.request", delay=delay)),
        Paragraph((t(lang, "letter.notice"),)),
        *_journal(facts, lang),
        Paragraph(runs(lang, "letter.enclosed", list=blank(lang, "letter.enclosed_list"))),
        Paragraph(runs(lang, "letter.closing", title=title)),
        Paragraph((shared.name(facts, lang),), align="right", style="signature"),
        Paragraph((t(lang, "signature"),), align="right", style="signature"),
    ]
    return shared.document(facts, lang, "letter.title", blocks)


def _clip(text: str) -> str:
    return text if len(text) <= _FIELD_LIMIT else text[: _FIELD_LIMIT - 1] + "…"


def letter_text(facts: CaseFacts, lang: Lang = "fr", *, problem: str | None = None) -> str:
    """The letter in short, for a contact form or an email: at most CONTACT_FORM_LIMIT
    characters, the journal's fingerprint in full. ``problem`` (the journal's first break)
    puts the broken-chain warning first, within the limit."""
    name = (
        _clip(facts.applicant) if facts.applicant else t(lang, "blank", what=t(lang, "who.unknown"))
    )
    procedure = (
        _clip(facts.procedure)
        if facts.procedure
        else t(lang, "blank", what=t(lang, "procedure.unknown"))
    )
    number = (
        t(lang, "text.number", number=_clip(facts.foreigner_number))
        if facts.foreigner_number
        else ""
    )
    head = facts.head_hash or t(lang, "blank", what=t(lang, "letter.no_hash"))
    written = ""
    if facts.written:
        items = [prose.step_phrase(step, lang) for step in facts.written[-3:]]
        written = t(lang, "letter.written", list=prose.enumerate_words(lang, items))
        if not any(step.answered for step in facts.written):
            written += " " + t(lang, "letter.no_reply")
    expiry = ""
    if facts.permit_expires is not None and facts.days_left is not None:
        key = "letter.expired" if facts.days_left < 0 else "letter.expires"
        expiry = t(lang, key, day=prose.long_date(lang, facts.permit_expires))
    essential = [
        t(lang, "text.subject", procedure=procedure),
        t(lang, "text.salutation"),
        t(
            lang,
            "text.identity",
            e=prose.feminine(facts),
            name=name,
            number=number,
            office=_clip(prose.office(facts, lang)),
            procedure=procedure,
        ),
        attempts_sentence(facts, lang, "text.attempts") or "",
    ]
    optional = [written, expiry]
    closing = [
        t(lang, "text.request", delay=t(lang, "blank", what=t(lang, "letter.delay"))),
        t(lang, "text.journal", hash=head),
        t(lang, "text.closing"),
        _clip(prose.who(facts, lang)) if facts.applicant else name,
    ]
    # The optional sentences go first when the limit is near: the request and the fingerprint
    # must stay.
    warning = [shared.broken_chain(lang, problem)] if problem is not None else []
    while True:
        parts = (*warning, *essential, *optional, *closing)
        text = "\n\n".join(part for part in parts if part) + "\n"
        if len(text) <= CONTACT_FORM_LIMIT or not optional:
            return text
        optional.pop()
