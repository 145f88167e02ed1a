"""The case profile as ``rdvlog case show`` prints it: one ``label: value`` line a field."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rdvlog.labels import t
from rdvlog.models import Case, Lang

if TYPE_CHECKING:
    import datetime as dt

    from rdvlog.service.case import AttachedDocument


def profile_lines(case: Case, lang: Lang = "en") -> list[str]:
    """Every field, ``-`` where unset; no line at all for an empty profile."""
    data = case.model_dump(mode="json")
    if all(value is None for value in data.values()):
        return []
    labels = [(key, t(lang, f"profile.{key}") + ":") for key in data]
    width = max(17, max(len(label) for _, label in labels) + 1)
    lines = []
    for key, label in labels:
        value = data[key]
        if isinstance(value, dict):
            value = value["label"]
        lines.append(f"{label:<{width}}{value if value is not None else '-'}")
    return lines


def document_lines(
    documents: Sequence[AttachedDocument], zone: dt.tzinfo, lang: Lang = "en"
) -> list[str]:
    """The case documents (for under the profile): number, label, files, date attached."""
    if not documents:
        return []
    lines = [t(lang, "profile.documents") + ":"]
    for document in documents:
        day = document.attached.astimezone(zone).date().isoformat()
        lines.append(f"  {document.number}. {document.label}")
        lines.append(
            "     " + t(lang, "profile.document_files", files=", ".join(document.files), day=day)
        )
    return lines
