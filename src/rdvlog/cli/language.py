"""Which language the terminal speaks, chosen once per run before the command line is parsed.

``--lang`` (global), else ``RDVLOG_LANG``, else the case profile's language, else the locale as
the environment states it (``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``; the locale itself
need not be installed), else English (DESIGN.md §4). Documents keep their own rule: a command's
own ``--lang`` (``report``, ``bundle``, ``case set``), else the profile's, else French — they are
written for a French court, whatever the terminal speaks.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from rdvlog.codes import Lang

LANGS: tuple[Lang, ...] = ("fr", "en")

_current: Lang = "en"


def current() -> Lang:
    """The language chosen for this run (English until :func:`choose` has run)."""
    return _current


def use(lang: Lang) -> None:
    global _current
    _current = lang


def as_lang(text: str | None) -> Lang | None:
    """``fr``/``en`` (any case, ``fr_FR``, ``français``…), else None."""
    word = (text or "").strip().lower()
    if word.startswith("fr"):
        return "fr"
    if word.startswith("en"):
        return "en"
    return None


def option_value(args: Sequence[str], name: str) -> str | None:
    """The value of the first ``name VALUE`` or ``name=VALUE`` in ``args`` (up to ``--``)."""
    words = list(args)
    for i, word in enumerate(words):
        if word == "--":
            break
        if word == name and i + 1 < len(words):
            return words[i + 1]
        if word.startswith(name + "="):
            return word.partition("=")[2]
    return None


def locale_lang(environ: Mapping[str, str]) -> Lang:
    """French when the first locale variable set says so, else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def profile_lang(store: Path) -> Lang | None:
    """The case profile's language, when a journal exists (never creates one; O(1) by the
    hint); a store that cannot be read says nothing here — the command will say why."""
    try:
        if not (store / "journal.jsonl").is_file():
            return None
        from rdvlog.errors import RdvlogError
        from rdvlog.journal import Journal

        try:
            case = Journal(store, lock_timeout=0.5).latest_case()
        except RdvlogError:
            return None
    except OSError:
        return None
    return case.lang if case is not None else None


def choose(
    args: Sequence[str],
    environ: Mapping[str, str] | None = None,
    store: Path | None = None,
) -> Lang:
    """The language of the run for these arguments (global ``--lang`` wins)."""
    env = os.environ if environ is None else environ
    chosen = as_lang(option_value(args, "--lang")) or as_lang(env.get("RDVLOG_LANG"))
    if chosen is None and store is not None:
        chosen = profile_lang(store)
    return chosen or locale_lang(env)
