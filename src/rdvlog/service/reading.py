"""Reading the journal into what it says, with or without verifying it in the same pass."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from rdvlog.errors import JournalDamaged, NotFound
from rdvlog.evidence import stored_path
from rdvlog.history import AttemptRecord, Folding, History, fold
from rdvlog.journal import Journal
from rdvlog.journal.checks import Verification
from rdvlog.labels.problems import break_phrase
from rdvlog.report import ClockBack
from rdvlog.timestamps import parse_utc_stamp


def recorded_backwards(times: Iterable[tuple[int, dt.datetime]]) -> tuple[ClockBack, ...]:
    """Every entry whose ``recorded_at`` is earlier than that of the entry just before it.

    ``recorded_at`` is the computer's clock at write time and entries are written in order,
    so it never goes back unless the clock was set back: the report and ``verify`` say so,
    since every date the journal declares is then less reliable.
    """
    found = []
    previous: dt.datetime | None = None
    for seq, moment in times:
        if previous is not None and moment < previous:
            found.append(ClockBack(seq, moment, previous))
        previous = moment
    return tuple(found)


def read_history(journal: Journal) -> History:
    """Every entry validated and folded (damage refused, never skipped); hashes unchecked."""
    return fold(journal.records())


def checked_history(journal: Journal, data: bytes | None = None) -> tuple[History, Verification]:
    """The history and its verification from one pass over the journal.

    A broken chain still yields the history (the report must show both); a journal whose
    lines cannot all be read is refused, naming the first bad line. ``data`` is a snapshot
    of the journal's bytes, when the caller also needs them.
    """
    history, verification, _ = audited_history(journal, data)
    return history, verification


def audited_history(
    journal: Journal, data: bytes | None = None
) -> tuple[History, Verification, tuple[ClockBack, ...]]:
    """:func:`checked_history`, with the entries whose recorded time went backwards."""
    verification, folding = journal.audit_into(Folding, data)
    if folding is None:
        brk = verification.first_break
        where = break_phrase(brk) if brk else "?"
        torn = brk is not None and brk.kind == "torn-tail"
        key = "error.journal.torn" if torn else "error.journal.unreadable"
        raise JournalDamaged(key=key, path=journal.path, where=where)
    # The entries are folded as they are read: no list of them all is kept.
    backwards = tuple(
        ClockBack(seq, parse_utc_stamp(stamp), parse_utc_stamp(previous))
        for seq, stamp, previous in folding.went_back
    )
    return folding.history(), verification, backwards


def attempt_files(journal: Journal, number: int) -> tuple[AttemptRecord, list[Path], int | None]:
    """Attempt ``number`` (its attempt number), where each of its evidence files is stored,
    and the attempt number of the written step it follows up (``about``), if any."""
    history = read_history(journal)
    record = history.numbered(number)
    if record is None:
        raise NotFound(key="error.attempt.none", seq=number)
    about = record.attempt.about
    stored = [stored_path(journal.evidence_dir, e) for e in record.attempt.evidence]
    return record, stored, history.numbers.get(about) if about is not None else None
