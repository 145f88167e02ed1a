"""Build src/rdvlog/data/offices.csv (the préfecture directory) from the COG 2025 CSV files.

Usage: python scripts/build_offices.py [COG_DIR] [OUTPUT]
(defaults: ../shared/data/cog-2025 beside this repository, and src/rdvlog/data/offices.csv).
The output is sorted and deterministic, so running it twice gives the same bytes.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from rdvlog.places import normalise

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "cog-2025"
DEFAULT_OUTPUT = ROOT / "src" / "rdvlog" / "data" / "offices.csv"
COLUMNS = ["department", "department_name", "office", "kind", "label"]
EXPECTED_OFFICES = 334  # 333 arrondissements + the préfecture of Mayotte

# Known facts the raw data does not say (see the data README).
PARIS = "75"
PARIS_LABEL = "Préfecture de police"


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def department_label(department: dict[str, str]) -> str:
    # The data capitalises the article inside the preposition ("de La ", "de L'"); in
    # "Préfecture de la Seine-Saint-Denis" it is a common article, so lower-case it. A name
    # that carries its own article keeps it ("Préfecture de La Réunion").
    if department["code"] == PARIS:
        return PARIS_LABEL
    return f"Préfecture {department['preposition'].lower()}{department['name']}"


def town_label(arrondissement: dict[str, str]) -> str:
    # Here the article belongs to the town's name and keeps its capital ("de La Châtre",
    # "de L'Haÿ-les-Roses"), except where French contracts it ("du Raincy", "des Andelys").
    # The preposition is given for the arrondissement's name; the 16 arrondissements named
    # differently from their capital ("Cherbourg" for Cherbourg-en-Cotentin) have no article,
    # and the preposition still fits the town, which starts with the same word.
    town, article, preposition = (
        arrondissement["capital_name"],
        arrondissement["article"],
        arrondissement["preposition"],
    )
    if not arrondissement["name"].startswith(article) or not town.startswith(article):
        raise ValueError(f"article {article!r} does not start {town!r}")
    elided = preposition == "d'"
    if arrondissement["name"] != town and elided != (town[0] in "AEIOUYÉÈÊÎÔ"):
        raise ValueError(f"preposition {preposition!r} does not fit {town!r}")
    return f"Sous-préfecture {preposition}{town[len(article) :]}"


def build(source: Path) -> list[dict[str, str]]:
    departments = {d["code"]: d for d in read(source / "departments.csv")}
    offices: list[dict[str, str]] = []
    with_prefecture: set[str] = set()
    for arrondissement in read(source / "arrondissements.csv"):
        department = departments[arrondissement["department_code"]]
        is_prefecture = arrondissement["capital_name"] == department["capital_name"]
        if is_prefecture:
            with_prefecture.add(department["code"])
        offices.append(
            {
                "department": department["code"],
                "department_name": department["name"],
                "office": arrondissement["capital_name"],
                "kind": "prefecture" if is_prefecture else "sous-prefecture",
                "label": department_label(department)
                if is_prefecture
                else town_label(arrondissement),
            }
        )
    # Mayotte (976) has no arrondissement: only its préfecture, in the département's capital.
    for code, department in departments.items():
        if code not in with_prefecture:
            offices.append(
                {
                    "department": code,
                    "department_name": department["name"],
                    "office": department["capital_name"],
                    "kind": "prefecture",
                    "label": department_label(department),
                }
            )
    if len(offices) != EXPECTED_OFFICES:
        raise ValueError(f"expected {EXPECTED_OFFICES} offices, built {len(offices)}")
    if len(with_prefecture) + 1 != len(departments):
        raise ValueError("expected one préfecture arrondissement per département but Mayotte")
    # Accent-insensitive town order, so that "Épernay" sorts among the E's.
    offices.sort(key=lambda o: (o["department"], o["kind"], normalise(o["office"])))
    return offices


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    output = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUTPUT
    offices = build(source)
    with output.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(offices)
    print(f"wrote {len(offices)} offices to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
