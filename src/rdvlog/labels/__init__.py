"""The one label table: every sentence a person reads, key → (French, English).

Split by reader — :mod:`.report` and :mod:`.outputs` (the report, the spreadsheet, the bundle,
codes and units), :mod:`.errors`, :mod:`.store_errors` and :mod:`.command_errors` (error
sentences), :mod:`.problems` (what is wrong with a journal line or a value), :mod:`.cli`
(the terminal), :mod:`.synthese` (keys ``synthese.*``), :mod:`.drafts` and :mod:`.requete` (keys
``draft.*``), :mod:`.dossier` (keys ``dossier.*``) — and merged here; ``t()`` is the one
lookup. It sits at the bottom of the layers so that any module may name a label, and it loads
no rendering code (``attempt add`` prints one).
"""

from __future__ import annotations

from rdvlog.codes import Lang
from rdvlog.labels.cli import CLI_LABELS
from rdvlog.labels.command_errors import COMMAND_ERROR_LABELS
from rdvlog.labels.errors import ERROR_LABELS
from rdvlog.labels.help import HELP_LABELS
from rdvlog.labels.outputs import OUTPUT_LABELS
from rdvlog.labels.problems import PROBLEM_LABELS
from rdvlog.labels.store_errors import STORE_ERROR_LABELS
from rdvlog.labels.terminal import TERMINAL_LABELS


def _french_spacing(text: str) -> str:
    """« » take a no-break space inside; long tables are typed with plain spaces to stay
    legible."""
    return text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")


def _prefixed(prefix: str, table: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    return {f"{prefix}.{key}": (_french_spacing(fr), en) for key, (fr, en) in table.items()}


#: What the terminal says; the documents' tables join it on the first key it lacks.
_TABLE: dict[str, tuple[str, str]] = {
    **OUTPUT_LABELS,
    **CLI_LABELS,
    **ERROR_LABELS,
    **STORE_ERROR_LABELS,
    **COMMAND_ERROR_LABELS,
    **HELP_LABELS,
    **TERMINAL_LABELS,
    **PROBLEM_LABELS,
}
_complete = False


def _documents() -> None:
    """Add the report's, the dossier's, the synthèse's and the drafts' labels: a third of the
    table, which ``attempt add`` never reads (loading them costs it 1 % of its start-up)."""
    global _complete
    from rdvlog.labels.dossier import DOSSIER_LABELS
    from rdvlog.labels.drafts import DRAFT_LABELS
    from rdvlog.labels.report import REPORT_LABELS
    from rdvlog.labels.requete import REQUETE_LABELS
    from rdvlog.labels.synthese import SYNTHESE_LABELS

    documents = {
        **REPORT_LABELS,
        **{key: (_french_spacing(fr), en) for key, (fr, en) in DOSSIER_LABELS.items()},
        **_prefixed("synthese", SYNTHESE_LABELS),
        **_prefixed("draft", DRAFT_LABELS),
        **_prefixed("draft", REQUETE_LABELS),
    }
    _TABLE.update(documents)  # no key is in both: tests/test_labels.py
    _complete = True


def _row(key: str) -> tuple[str, str]:
    try:
        return _TABLE[key]
    except KeyError:
        if _complete:
            raise
        _documents()
        return _TABLE[key]


def t(lang: Lang, key: str, **values: object) -> str:
    """The label ``key`` in ``lang``, with ``values`` substituted (``str.format``)."""
    text = _row(key)[0 if lang == "fr" else 1]
    return text.format(**values) if values else text


def template(lang: Lang, key: str) -> str:
    """The label ``key`` in ``lang`` before any value is put in."""
    return _row(key)[0 if lang == "fr" else 1]


def count(lang: Lang, key: str, n: int, **values: object) -> str:
    """``key.one`` or ``key.other`` by the language's rule, ``n`` written as a plain integer
    (French: 0 and 1 are singular)."""
    one = n in (0, 1) if lang == "fr" else n == 1
    return t(lang, f"{key}.{'one' if one else 'other'}", n=n, **values)


#: Key namespaces only the terminal's table has: help pages probe keys that may not exist
#: (``help.short.<command>``) on every run, which must not load the documents' labels.
TERMINAL_ONLY = ("help.", "metavar.")


def has_label(key: str) -> bool:
    """Whether ``key`` is a label (help texts ask it of docstrings and Typer's own sentences:
    a text with a space is never a key)."""
    if key in _TABLE:
        return True
    if _complete or " " in key or key.startswith(TERMINAL_ONLY):
        return False
    _documents()
    return key in _TABLE


def label_keys() -> tuple[str, ...]:
    """Every label key (for tests that check each one reads in both languages)."""
    if not _complete:
        _documents()
    return tuple(_TABLE)
