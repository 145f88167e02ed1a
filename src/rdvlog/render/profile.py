"""The case profile as ``rdvlog case show`` prints it: one ``label: value`` line a field."""

from __future__ import annotations

from rdvlog.labels import t
from rdvlog.models import Case, Lang


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
        elif key == "application" and value is not None:
            value = t(lang, f"profile.application.{value}")
        lines.append(f"{label:<{width}}{value if value is not None else '-'}")
    return lines
