"""The codes an attempt records: how it was made and what came of it (DESIGN.md §3).

Plain enums, apart from the pydantic models, so that the command line can offer them as
choices without loading pydantic for commands that do not need it.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal


class Channel(str, Enum):
    """How the attempt was made."""

    WEB = "web"
    ANEF = "anef"
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
    BOOKED = "booked"
    OTHER = "other"


#: The one language type: of reports, drafts and messages.
Lang = Literal["fr", "en"]


__all__ = ["Channel", "Lang", "Outcome"]
