"""Reading the journal into what it says, with or without verifying it in the same pass."""

from __future__ import annotations

from pathlib import Path

from rdvlog.errors import JournalDamaged, NotFound
from rdvlog.evidence import stored_path
from rdvlog.history import AttemptRecord, History, fold
from rdvlog.journal import Journal
from rdvlog.journal.audit import Verification


def read_history(journal: Journal) -> History:
    """Every entry validated and folded (damage refused, never skipped); hashes unchecked."""
    return fold(journal.records())


def checked_history(journal: Journal, data: bytes | None = None) -> tuple[History, Verification]:
    """The history and its verification from one pass over the journal.

    A broken chain still yields the history (the report must show both); a journal whose
    lines cannot all be read is refused, naming the first bad line. ``data`` is a snapshot
    of the journal's bytes, when the caller also needs them.
    """
    verification, entries = journal.audit(data)
    if entries is None:
        brk = verification.first_break
        where = brk.describe() if brk else "?"
        torn = brk is not None and brk.kind == "torn-tail"
        key = "error.journal.torn" if torn else "error.journal.unreadable"
        raise JournalDamaged(key=key, path=journal.path, where=where)
    return fold(entries), verification


def attempt_files(journal: Journal, seq: int) -> tuple[AttemptRecord, list[Path]]:
    """Attempt ``seq`` and where each of its evidence files is stored."""
    record = read_history(journal).attempt(seq)
    if record is None:
        raise NotFound(key="error.attempt.none", seq=seq)
    return record, [stored_path(journal.evidence_dir, e) for e in record.attempt.evidence]
