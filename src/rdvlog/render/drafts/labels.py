"""How a sentence of the drafts (rdvlog.labels.drafts) becomes runs, placeholders included."""

from __future__ import annotations

import string

from rdvlog import labels
from rdvlog.models import Lang
from rdvlog.render.document import Inline, Runs, Text

_FORMATTER = string.Formatter()


def t(lang: Lang, key: str, **values: object) -> str:
    """The drafts' sentence ``key`` (``draft.<key>`` in the label table)."""
    return labels.t(lang, f"draft.{key}", **values)


def blank(lang: Lang, key: str) -> Text:
    """A visibly marked placeholder the person must fill: ``[À COMPLÉTER : date de naissance]``."""
    return Text(t(lang, "blank", what=t(lang, key)), placeholder=True)


def runs(lang: Lang, key: str, **values: Inline | Runs) -> Runs:
    """The sentence ``key`` as runs: a value may be a placeholder (or runs) kept as such."""
    out: list[Inline] = []
    for literal, field, _, _ in _FORMATTER.parse(labels.template(lang, f"draft.{key}")):
        if literal:
            out.append(literal)
        if field is None:
            continue
        value = values[field]
        if isinstance(value, tuple):
            out.extend(value)
        else:
            out.append(value)
    return tuple(out)
