"""``rdvlog prefectures``: offices of the directory as a table, or as tab-separated lines."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from rdvlog.labels import t
from rdvlog.models import Lang
from rdvlog.places import Office
from rdvlog.printable import printable


def office_lines(found: Sequence[Office]) -> list[str]:
    """One tab-separated line an office, for scripts: code, kind, town, label."""
    return [printable("\t".join((o.department, o.kind, o.office, o.label))) for o in found]


def office_table(found: Sequence[Office], lang: Lang = "en") -> Table:
    table = Table(box=None, header_style="bold", pad_edge=False)
    for key in ("department", "office", "town", "department_name"):
        table.add_column(t(lang, f"directory.{key}"))
    for office in found:
        cells = (office.department, office.label, office.office, office.department_name)
        table.add_row(*(printable(cell) for cell in cells))
    return table
