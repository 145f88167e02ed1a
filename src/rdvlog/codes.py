"""The codes an attempt records: how it was made and what came of it (DESIGN.md §3).

Plain enums, apart from the pydantic models, so that the command line can offer them as
choices without loading pydantic for commands that do not need it.
"""

from __future__ import annotations

from enum import Enum


class Channel(str, Enum):
    """How the attempt was made."""

    WEB = "web"
    ANEF = "anef"
    PHONE = "phone"
    EMAIL = "email"
    LETTER = "letter"
    CONTACT_FORM = "contact-form"
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


class Language(str, Enum):
    """The language of a report."""

    FR = "fr"
    EN = "en"


__all__ = ["Channel", "Language", "Outcome"]
