"""The one error type rdvlog raises, and the exit code each kind maps to."""

from __future__ import annotations

import errno
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from rdvlog.codes import Lang

#: Exit codes documented in the README (DESIGN.md §4).
EXIT_OK = 0
EXIT_STORE = 1
EXIT_USAGE = 2


# The small value types here and on the path of ``attempt add`` are NamedTuples, not
# dataclasses: a dataclass costs several million instructions to create at import, about
# 1 % of the start-up budget each (docs/DEVELOPERS.md, "Start-up").
class Phrase(NamedTuple):
    """A label put inside another error's sentence, in the same language (a reason, a
    "while doing")."""

    key: str
    values: Mapping[str, object] = MappingProxyType({})

    def text(self, lang: Lang) -> str:
        from rdvlog.labels import t  # the label table imports codes, which imports this module

        return t(lang, self.key, **_rendered(lang, self.values))


class InEachLanguage(NamedTuple):
    """A value written once per language (the codes a French reader types are not the
    English ones)."""

    fr: str
    en: str

    def text(self, lang: Lang) -> str:
        return self.fr if lang == "fr" else self.en


def _rendered(lang: Lang, values: Mapping[str, object]) -> dict[str, object]:
    return {
        k: v.text(lang) if isinstance(v, Phrase | InEachLanguage) else v for k, v in values.items()
    }


class RdvlogError(Exception):
    """A failure the user must be told about in one line; never a traceback.

    Raised with a label key (``UsageError(key="error.x", name=…)``) it reads in either language:
    ``message`` is the English sentence (what a library caller sees), ``text(lang)`` the one the
    terminal shows. A plain message stays as given, in every language.
    """

    exit_code = EXIT_STORE

    def __init__(self, message: str | None = None, *, key: str | None = None, **values: object):
        if message is None:
            if key is None:
                raise TypeError("RdvlogError needs a message or a label key")
            message = Phrase(key, values).text("en")
        super().__init__(message)
        self.message = message
        self.key = key
        self.values = values

    def text(self, lang: Lang) -> str:
        """The sentence in ``lang`` (the English message when raised without a key)."""
        if self.key is None:
            return self.message
        return Phrase(self.key, self.values).text(lang)

    def __str__(self) -> str:
        return self.message


class StoreError(RdvlogError):
    """The store or the system failed: I/O error, disk full, permissions (exit 1)."""

    exit_code = EXIT_STORE


class JournalDamaged(StoreError):
    """The journal cannot be read as a chain of entries (torn tail, garbage, bad version)."""


class TornTail(JournalDamaged):
    """The last line of the journal was cut short by a crash; ``rdvlog repair`` fixes it."""


class LockTimeout(StoreError):
    """Another rdvlog process held the store's lock past the timeout."""


class UsageError(RdvlogError):
    """The command line was wrong: bad option value, date, place or file (exit 2)."""

    exit_code = EXIT_USAGE


class BadTime(UsageError):
    """A date or time the parser does not accept, or one in the future."""


class BadEvidence(UsageError):
    """An evidence file that is missing, unreadable, or not a regular file."""


class NotFound(UsageError):
    """A sequence number that names no entry of the expected kind."""


def os_failure(exc: OSError, doing: str) -> StoreError:
    """One line for an I/O failure, naming a full disk plainly."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return StoreError(key="error.disk_full", doing=_doing(doing))
    from rdvlog.labels.problems import reason_of  # the label table imports this module

    reason = reason_of(exc)
    where = f" ({exc.filename})" if exc.filename else ""
    return StoreError(key="error.os", doing=_doing(doing), reason=reason, where=where)


def _doing(doing: str) -> Phrase:
    """What rdvlog was doing, as a label when the table has it (``doing.reading the
    journal``), else as given."""
    from rdvlog.labels import has_label

    verb, _, target = doing.partition(" ")
    if has_label(f"doing.{doing}"):
        return Phrase(f"doing.{doing}")
    if doing.startswith("writing the dossier "):
        return Phrase(
            "doing.writing_dossier", {"target": doing.removeprefix("writing the dossier ")}
        )
    if verb == "writing" and target:
        return Phrase("doing.writing", {"target": target})
    return Phrase("doing.as_given", {"text": doing})
