"""The tribunal administratif of each département (art. R. 221-3 CJA), from the package data."""

from __future__ import annotations

import csv
from importlib.resources import files

import pytest

from rdvlog.tribunals import Tribunal, tribunal_for

# The 101 département codes of the COG 2025 (departments.csv), copied so that the test does
# not depend on shared data at run time.
COG_2025_DEPARTMENTS = (
    [f"{n:02d}" for n in range(1, 20)]
    + ["2A", "2B"]
    + [f"{n:02d}" for n in range(21, 96)]
    + ["971", "972", "973", "974", "976"]
)


@pytest.mark.parametrize(
    ("department", "name", "city"),
    [
        ("93", "Tribunal administratif de Montreuil", "Montreuil"),
        ("92", "Tribunal administratif de Cergy-Pontoise", "Cergy-Pontoise"),
        ("95", "Tribunal administratif de Cergy-Pontoise", "Cergy-Pontoise"),
        ("75", "Tribunal administratif de Paris", "Paris"),
        ("974", "Tribunal administratif de La Réunion", "Saint-Denis"),
        ("13", "Tribunal administratif de Marseille", "Marseille"),
        ("2A", "Tribunal administratif de Bastia", "Bastia"),
        ("2B", "Tribunal administratif de Bastia", "Bastia"),
        ("30", "Tribunal administratif de Nîmes", "Nîmes"),
        ("83", "Tribunal administratif de Toulon", "Toulon"),
        ("972", "Tribunal administratif de la Martinique", "Schœlcher"),
    ],
)
def test_tribunal_for_known_departments(department: str, name: str, city: str) -> None:
    tribunal = tribunal_for(department)
    assert isinstance(tribunal, Tribunal)
    assert (tribunal.name, tribunal.city, tribunal.department) == (name, city, department)


def test_codes_are_read_loosely() -> None:
    assert tribunal_for("2a") == tribunal_for("2A")
    assert tribunal_for(" 93 ") == tribunal_for("93")
    assert tribunal_for("1") == tribunal_for("01")


def test_unknown_code_has_no_tribunal() -> None:
    assert tribunal_for("20") is None
    assert tribunal_for("975") is None
    assert tribunal_for("") is None


def test_every_cog_department_has_a_tribunal() -> None:
    assert len(COG_2025_DEPARTMENTS) == 101
    missing = [code for code in COG_2025_DEPARTMENTS if tribunal_for(code) is None]
    assert missing == []


def test_every_office_of_the_directory_has_a_tribunal() -> None:
    text = files("rdvlog").joinpath("data", "offices.csv").read_text(encoding="utf-8")
    codes = {row["department"] for row in csv.DictReader(text.splitlines())}
    assert {code for code in codes if tribunal_for(code) is None} == set()
