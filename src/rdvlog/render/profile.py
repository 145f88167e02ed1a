"""The case profile as ``rdvlog case show`` prints it: one ``label: value`` line a field."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rdvlog.history import DocumentRecord
from rdvlog.labels import t
from rdvlog.models import Case, Lang
from rdvlog.printable import printable

if TYPE_CHECKING:
    import datetime as dt


def profile_lines(case: Case, lang: Lang = "en") -> list[str]:
    """Every field, ``-`` where unset; no line at all for an empty profile."""
    data = case.model_dump(mode="json")
    if all(value is None for value in data.values()):
        return []
    # « demandeur : » in French, "applicant:" in English.
    colon = t(lang, "colon").rstrip()
    labels = [(key, t(lang, f"profile.{key}") + colon) for key in data]
    width = max(17, max(len(label) for _, label in labels) + 1)
    lines = []
    for key, label in labels:
        value = data[key]
        if isinstance(value, dict):
            value = value["label"]
        elif key == "application" and value is not None:
            value = t(lang, f"profile.application.{value}")
        lines.append(f"{label:<{width}}{printable(str(value)) if value is not None else '-'}")
    return lines


def document_lines(
    documents: Sequence[DocumentRecord], zone: dt.tzinfo, lang: Lang = "en"
) -> list[str]:
    """The case documents (for under the profile): number, label, files, date attached."""
    if not documents:
        return []
    lines = [t(lang, "profile.documents") + t(lang, "colon").rstrip()]
    for number, record in enumerate(documents, start=1):
        day = record.recorded_at.astimezone(zone).date().isoformat()
        files = ", ".join(e.name for e in record.document.evidence)
        lines.append(f"  {number}. {record.document.label}")
        lines.append("     " + t(lang, "profile.document_files", files=files, day=day))
    return lines


def documents_json(documents: Sequence[DocumentRecord]) -> list[dict[str, object]]:
    """The case documents for ``case show --json``."""
    return [
        {
            "number": number,
            "entry": record.seq,
            "label": record.document.label,
            "files": [e.name for e in record.document.evidence],
            "attached_at": record.recorded_at.isoformat(timespec="seconds"),
        }
        for number, record in enumerate(documents, start=1)
    ]
