"""Which tribunal administratif covers each département (art. R. 221-3 CJA)."""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from importlib.resources import files

__all__ = ["Tribunal", "tribunal_for"]


@dataclass(frozen=True)
class Tribunal:
    """A tribunal administratif, as the data names it; a suggestion to check, not advice."""

    name: str  # "Tribunal administratif de Montreuil", as a heading writes it
    city: str  # its seat: "Montreuil", "Saint-Denis" (La Réunion), "Schœlcher" (Martinique)
    department: str  # the département looked up: "93"
    department_name: str  # "Seine-Saint-Denis"
    # The data (R. 221-3 CJA) has no postal address: callers print a placeholder instead.
    address: str | None = None


@functools.cache
def _tribunals() -> dict[str, Tribunal]:
    text = (files("rdvlog") / "data" / "tribunaux.csv").read_text(encoding="utf-8")
    return {
        row["department"]: Tribunal(
            name=row["tribunal"],
            city=row["seat"],
            department=row["department"],
            department_name=row["department_name"],
        )
        for row in csv.DictReader(io.StringIO(text))
    }


def tribunal_for(department: str) -> Tribunal | None:
    """The tribunal whose ressort covers the département code ("93", "2A", "974"), if known.

    For a référé about a préfecture's appointments, that is the tribunal of the office's
    département (art. R. 312-1 CJA).
    """
    code = department.strip().upper()
    if code.isdigit() and len(code) == 1:
        code = f"0{code}"
    return _tribunals().get(code)
