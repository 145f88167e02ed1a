"""``rdvlog prefectures``: search the directory of préfectures and sous-préfectures."""

import sys
from dataclasses import asdict
from typing import Annotated

import typer

from rdvlog import places
from rdvlog.cli.context import message_lang, print_json, show
from rdvlog.cli.options import JsonOption
from rdvlog.cli.root import app
from rdvlog.errors import Phrase, UsageError
from rdvlog.render.directory import office_lines, office_table


@app.command()
def prefectures(
    ctx: typer.Context,
    query: Annotated[str | None, typer.Argument()] = None,
    as_json: JsonOption = False,
) -> None:
    """The directory through the resolver ``-p`` uses."""
    found = places.search(query)
    if as_json:
        print_json([asdict(office) for office in found])
        return
    if not found:
        close = places.suggestions(query or "")[:3]
        hint = (
            Phrase("cli.prefecture_suggestions", {"names": ", ".join(o.describe() for o in close)})
            if close
            else Phrase("cli.prefecture_list_hint")
        )
        raise UsageError(key="error.prefecture.none", query=query, hint=hint)
    if sys.stdout.isatty():
        show(office_table(found, message_lang(ctx)))
    else:
        for line in office_lines(found):
            print(line)
