"""Channel and outcome codes typed in English or French, whatever the case, accents or dashes."""

from __future__ import annotations

import unicodedata

import pytest

from rdvlog.codes import (
    CHANNEL_ALIASES,
    CHANNEL_CHOICES,
    OUTCOME_ALIASES,
    OUTCOME_CHOICES,
    Channel,
    Outcome,
    parse_channel,
    parse_outcome,
)
from rdvlog.errors import EXIT_USAGE, UsageError
from rdvlog.render import i18n

CHANNEL_WORDS = {
    Channel.WEB: ["web", "site", "internet"],
    Channel.ANEF: ["anef"],
    Channel.CONTACT_FORM: ["contact-form", "formulaire", "contact"],
    Channel.PHONE: ["phone", "telephone", "téléphone", "tel"],
    Channel.EMAIL: ["email", "courriel", "mail", "e-mail"],
    Channel.LETTER: ["letter", "courrier", "lettre", "lrar", "recommande", "recommandé"],
    Channel.COUNTER: ["counter", "guichet"],
    Channel.OTHER: ["other", "autre"],
}
OUTCOME_WORDS = {
    Outcome.NO_SLOT: ["no-slot", "pas-de-creneau", "pas-de-créneau", "aucun-creneau", "complet"],
    Outcome.SITE_ERROR: ["site-error", "erreur-site", "erreur", "bug", "site-en-panne"],
    Outcome.NO_ANSWER: ["no-answer", "sans-reponse", "sans-réponse", "pas-de-reponse"],
    Outcome.REFUSED: ["refused", "refus", "refuse", "refusé"],
    Outcome.SENT: ["sent", "envoye", "envoyé"],
    Outcome.DELIVERED: ["delivered", "recu", "reçu", "distribue", "ar-recu", "ar-reçu"],
    Outcome.ANSWERED: ["answered", "reponse", "réponse", "repondu", "répondu"],
    Outcome.BOOKED: ["booked", "obtenu", "rdv-obtenu"],
    Outcome.OTHER: ["other", "autre"],
}


def variants(word: str) -> list[str]:
    """The ways people type one word: as written, upper case, no accents, other separators."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return [
        word,
        word.upper(),
        plain,
        plain.upper(),
        word.replace("-", "_"),
        word.replace("-", " "),
        f"  {word.title()} ",
        unicodedata.normalize("NFD", word),
    ]


def test_the_design_codes_exist_in_order() -> None:
    assert [c.value for c in Channel] == [
        "web", "anef", "contact-form", "phone", "email", "letter", "counter", "other"
    ]  # fmt: skip
    assert [o.value for o in Outcome] == [
        "no-slot", "site-error", "no-answer", "refused", "sent", "delivered", "answered",
        "booked", "other",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("word", "code"), [(w, c) for c, words in CHANNEL_WORDS.items() for w in words]
)
def test_every_channel_spelling_names_its_code(word: str, code: Channel) -> None:
    for typed in variants(word):
        assert parse_channel(typed) is code, typed


@pytest.mark.parametrize(
    ("word", "code"), [(w, c) for c, words in OUTCOME_WORDS.items() for w in words]
)
def test_every_outcome_spelling_names_its_code(word: str, code: Outcome) -> None:
    for typed in variants(word):
        assert parse_outcome(typed) is code, typed


def test_every_declared_alias_parses_back_to_its_own_code() -> None:
    for channel, words in CHANNEL_ALIASES.items():
        assert {parse_channel(w) for w in (channel.value, *words)} == {channel}
    for outcome, words in OUTCOME_ALIASES.items():
        assert {parse_outcome(w) for w in (outcome.value, *words)} == {outcome}


def test_choices_offer_every_spelling_with_and_without_accents() -> None:
    assert {parse_channel(c) for c in CHANNEL_CHOICES} == set(Channel)
    assert {parse_outcome(c) for c in OUTCOME_CHOICES} == set(Outcome)
    assert {"courrier", "téléphone", "telephone", "contact-form"} <= set(CHANNEL_CHOICES)
    assert {"pas-de-créneau", "pas-de-creneau", "reçu", "recu"} <= set(OUTCOME_CHOICES)
    assert len(set(CHANNEL_CHOICES)) == len(CHANNEL_CHOICES)


def test_unknown_channel_lists_codes_with_their_french_word() -> None:
    with pytest.raises(UsageError) as caught:
        parse_channel("pigeon")
    assert caught.value.exit_code == EXIT_USAGE
    assert caught.value.message == (
        '--channel "pigeon" is not a known channel; use one of: web (site), anef, '
        "contact-form (formulaire), phone (téléphone), email (courriel), letter (courrier), "
        "counter (guichet), other (autre)"
    )


def test_unknown_outcome_lists_codes_with_their_french_word() -> None:
    with pytest.raises(UsageError, match=r'--outcome "demain" is not a known outcome; use one of: '
                       r"no-slot \(pas-de-créneau\), site-error \(erreur-site\)"):  # fmt: skip
        parse_outcome("demain")


@pytest.mark.parametrize("text", ["", "   ", "-", "web-site", "noslot2", "\u200b"])
def test_empty_or_near_miss_text_is_refused(text: str) -> None:
    with pytest.raises(UsageError):
        parse_channel(text)
    with pytest.raises(UsageError):
        parse_outcome(text)


def test_every_code_has_a_label_in_both_languages() -> None:
    for lang in ("fr", "en"):
        assert i18n.channel(lang, Channel.CONTACT_FORM) in ("Formulaire de contact", "Contact form")
        assert i18n.outcome(lang, Outcome.DELIVERED)
        assert i18n.outcome(lang, Outcome.ANSWERED)
        assert all(i18n.channel(lang, c) for c in Channel)
        assert all(i18n.outcome(lang, o) for o in Outcome)
