"""Turning what the user typed after ``-p`` into a place."""

from __future__ import annotations

from rdvlog.models import Place
from rdvlog.service.attempts import validated


def resolve_place(text: str, *, unlisted: bool) -> Place:
    """The :class:`~rdvlog.models.Place` for what the user typed after ``-p``."""
    if unlisted:
        return validated(Place, label=text.strip(), kind="unlisted")
    # The directory is loaded only when a name must be looked up in it: an unlisted place,
    # and `attempt add` without -p, never pay for reading it (tests/test_startup.py).
    from rdvlog import places

    return places.resolve(text).to_place()
