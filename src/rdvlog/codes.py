"""The codes an attempt records: how it was made and what came of it (DESIGN.md §3).

Plain enums, apart from the pydantic models, so that the command line can offer them as
choices without loading pydantic for commands that do not need it. Users may type a code in
English or in French (``courrier``, ``pas-de-créneau``): ``parse_channel`` and ``parse_outcome``
read both, whatever the case, accents or separators.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from enum import Enum
from typing import Any, Literal, TypeVar

from rdvlog.errors import InEachLanguage, UsageError


class Channel(str, Enum):
    """How the attempt was made."""

    WEB = "web"
    ANEF = "anef"
    CONTACT_FORM = "contact-form"
    PHONE = "phone"
    EMAIL = "email"
    LETTER = "letter"
    COUNTER = "counter"
    OTHER = "other"


class Outcome(str, Enum):
    """What came of the attempt."""

    NO_SLOT = "no-slot"
    SITE_ERROR = "site-error"
    NO_ANSWER = "no-answer"
    REFUSED = "refused"
    SENT = "sent"
    DELIVERED = "delivered"
    ANSWERED = "answered"
    BOOKED = "booked"
    OTHER = "other"


#: The one language type: of reports, drafts and messages.
Lang = Literal["fr", "en"]


# The French words people use, as they write them; the first one is shown in error messages.
CHANNEL_ALIASES: Mapping[Channel, tuple[str, ...]] = {
    Channel.WEB: ("site", "internet"),
    Channel.ANEF: (),
    Channel.CONTACT_FORM: ("formulaire", "contact"),
    Channel.PHONE: ("téléphone", "tel"),
    Channel.EMAIL: ("courriel", "mail", "e-mail"),
    Channel.LETTER: ("courrier", "lettre", "lrar", "recommandé"),
    Channel.COUNTER: ("guichet",),
    Channel.OTHER: ("autre",),
}
OUTCOME_ALIASES: Mapping[Outcome, tuple[str, ...]] = {
    Outcome.NO_SLOT: ("pas-de-créneau", "aucun-créneau", "complet"),
    Outcome.SITE_ERROR: ("erreur-site", "erreur", "bug", "site-en-panne"),
    Outcome.NO_ANSWER: ("sans-réponse", "pas-de-réponse"),
    Outcome.REFUSED: ("refus", "refusé"),
    Outcome.SENT: ("envoyé",),
    Outcome.DELIVERED: ("reçu", "distribué", "ar-reçu"),
    Outcome.ANSWERED: ("réponse", "répondu"),
    Outcome.BOOKED: ("obtenu", "rdv-obtenu"),
    Outcome.OTHER: ("autre",),
}

_Code = TypeVar("_Code", bound=Enum)


def code_key(text: str) -> str:
    """What two spellings of a code share: ``"Pas de Créneau" → "pasdecreneau"``.

    Case, accents and separators (space, ``-``, ``_``, apostrophes) do not count.
    """
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if c.isascii() and c.isalnum())


def _spellings(aliases: Mapping[_Code, tuple[str, ...]]) -> tuple[str, ...]:
    """Each code, then its French aliases, then the same without accents (for completion)."""
    written = [word for code in aliases for word in (str(code.value), *aliases[code])]
    plain = [_without_accents(word) for word in written]
    return tuple(dict.fromkeys([*written, *plain]))


def _without_accents(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c))


def _table(aliases: Mapping[_Code, tuple[str, ...]]) -> dict[str, _Code]:
    return {code_key(word): code for code in aliases for word in (str(code.value), *aliases[code])}


#: Every spelling ``--channel`` / ``--outcome`` accept, for shell completion.
CHANNEL_CHOICES = _spellings(CHANNEL_ALIASES)
OUTCOME_CHOICES = _spellings(OUTCOME_ALIASES)
_CHANNELS = _table(CHANNEL_ALIASES)
_OUTCOMES = _table(OUTCOME_ALIASES)


def parse_channel(text: str, *, option: str = "--channel") -> Channel:
    """The channel ``text`` names, in English (``letter``) or French (``courrier``)."""
    return _parse(text, _CHANNELS, CHANNEL_ALIASES, option, "channel")


def parse_outcome(text: str, *, option: str = "--outcome") -> Outcome:
    """The outcome ``text`` names, in English (``no-slot``) or French (``pas-de-créneau``)."""
    return _parse(text, _OUTCOMES, OUTCOME_ALIASES, option, "outcome")


def _parse(
    text: str,
    table: Mapping[str, _Code],
    aliases: Mapping[_Code, tuple[str, ...]],
    option: str,
    what: str,
) -> _Code:
    found = table.get(code_key(text))
    if found is None:
        raise UsageError(
            key=f"error.code.{what}",
            option=option,
            shown=_shown(text),
            choices=InEachLanguage(fr=choices(aliases, "fr"), en=choices(aliases)),
        )
    return found


def spoken(code: Channel | Outcome, lang: Lang) -> str:
    """The code as a person types it in ``lang``: ``no-slot``, or its first French alias."""
    aliases: Mapping[Any, tuple[str, ...]] = (
        CHANNEL_ALIASES if isinstance(code, Channel) else OUTCOME_ALIASES
    )
    words = aliases.get(code, ())
    return words[0] if lang == "fr" and words else str(code.value)


def choices(aliases: Mapping[_Code, tuple[str, ...]], lang: Lang = "en") -> str:
    """``web (site), anef, …``: each code with its main French alias (in French, the
    French word alone: ``site, anef, …``; the codes are accepted all the same)."""
    shown = []
    for code, words in aliases.items():
        if not words:
            shown.append(str(code.value))
        elif lang == "fr":
            shown.append(words[0])
        else:
            shown.append(f"{code.value} ({words[0]})")
    return ", ".join(shown)


def _shown(text: str) -> str:
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


__all__ = [
    "CHANNEL_ALIASES",
    "CHANNEL_CHOICES",
    "OUTCOME_ALIASES",
    "OUTCOME_CHOICES",
    "Channel",
    "Lang",
    "Outcome",
    "code_key",
    "parse_channel",
    "parse_outcome",
    "spoken",
]
