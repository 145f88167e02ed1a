"""``rdvlog prefectures``: search the directory of préfectures and sous-préfectures."""

import sys
from typing import Annotated

import typer

from rdvlog.cli.context import print_json
from rdvlog.cli.root import app


@app.command()
def prefectures(
    query: Annotated[
        str | None, typer.Argument(help="Town, département name or code; all when omitted.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Search the directory: what `-p` accepts and what it records."""
    from dataclasses import asdict

    from rdvlog import places

    found = places.search(query)
    if as_json:
        print_json([asdict(office) for office in found])
        return
    if not found:
        sys.stderr.write(f'no préfecture matches "{query}"\n')
        raise typer.Exit(1)
    if not sys.stdout.isatty():
        for office in found:
            print("\t".join((office.department, office.kind, office.office, office.label)))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("dép.", "office", "town", "département"):
        table.add_column(column)
    for office in found:
        table.add_row(office.department, office.label, office.office, office.department_name)
    Console().print(table, markup=False, highlight=False)
