"""The case profile (each change a whole new snapshot, decided under the lock) and the case's
documents."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from rdvlog.errors import BadEvidence, UsageError
from rdvlog.journal import Journal
from rdvlog.labels.problems import refused
from rdvlog.models import Case, CaseDocument, Entry
from rdvlog.service.attempts import validated

#: The most files one document may have (the journal's own limit).
MAX_FILES = 20


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


def attach_document(journal: Journal, label: str, files: Sequence[Path]) -> Entry:
    """Record a case document (``rdvlog case attach``): its label and its files, copied and
    hashed like an attempt's evidence, everything checked before the store is touched.

    Several files make one pièce (a titre de séjour's recto and verso), so they must be images
    that the dossier can put one per page; a single file may be anything.
    """
    try:
        document = CaseDocument(label=label)
    except ValidationError as exc:
        detail = refused(exc.errors()[0])
        raise UsageError(key="error.invalid_field", option="--label", detail=detail) from None
    if not files:
        raise UsageError(key="error.document.no_file")
    if len(files) > MAX_FILES:
        raise UsageError(key="error.document.too_many", n=MAX_FILES)
    from rdvlog.evidence import check_source, detect_media_type

    sources = [check_source(path, store=journal.root) for path in files]
    if len(sources) > 1:
        for source in sources:
            with source.path.open("rb") as reader:
                media_type = detect_media_type(reader.read(512), source.name)
            if not media_type.startswith("image/"):
                raise BadEvidence(key="error.document.not_an_image", path=source.path)
    return journal.append(document, sources)
