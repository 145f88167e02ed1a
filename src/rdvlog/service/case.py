"""The case profile: each change written as a whole new snapshot, decided under the lock."""

from __future__ import annotations

from typing import Any

from rdvlog.errors import UsageError
from rdvlog.journal import Journal
from rdvlog.models import Case, Entry
from rdvlog.service.attempts import validated


def set_case(journal: Journal, changes: dict[str, Any]) -> Entry | None:
    """Write the current profile with ``changes`` applied; ``None`` when nothing changes.

    The current profile is read under the lock that the write holds, so two ``case set``
    running at once cannot revert each other's change.
    """
    if not changes:
        raise UsageError(key="error.case.nothing")
    validated(Case, **changes)  # a bad value is refused before the store is touched

    def updated() -> Case | None:
        current = journal.latest_case() or Case()
        snapshot = validated(Case, **{**current.model_dump(exclude_none=True), **changes})
        return None if snapshot == current else snapshot

    return journal.update(updated)
