"""The one error type rdvlog raises, and the exit code each kind maps to."""

from __future__ import annotations

import errno

#: Exit codes documented in the README (DESIGN.md §4).
EXIT_OK = 0
EXIT_STORE = 1
EXIT_USAGE = 2


class RdvlogError(Exception):
    """A failure the user must be told about in one line; never a traceback."""

    exit_code = EXIT_STORE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

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
        return StoreError(f"no space left on device while {doing}; nothing was recorded")
    reason = exc.strerror or str(exc)
    where = f" ({exc.filename})" if exc.filename else ""
    return StoreError(f"{doing} failed: {reason}{where}")
