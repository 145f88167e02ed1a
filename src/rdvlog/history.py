"""Folding journal entries into what they say: attempts (with voids) and the case profile."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdvlog.journal.codec import Recorded
from rdvlog.models import Attempt, Case, CaseDocument, Void
from rdvlog.timestamps import parse_utc_stamp

#: An attempt recorded later than this after it happened is a late entry (DESIGN.md §5).
LATE_AFTER = dt.timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class AttemptRecord:
    """An attempt as the journal holds it: its number, when it was written, and any void."""

    seq: int
    recorded_at: dt.datetime
    attempt: Attempt
    void_reason: str | None = None
    #: Recorded more than an hour after the attempt itself; computed once, read often.
    late: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "late", self.recorded_at - self.attempt.at > LATE_AFTER)

    @property
    def voided(self) -> bool:
        return self.void_reason is not None


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A case document as the journal holds it (``rdvlog case attach``)."""

    seq: int
    recorded_at: dt.datetime
    document: CaseDocument


@dataclass
class History:
    """Everything the journal records, in journal order."""

    attempts: list[AttemptRecord] = field(default_factory=list)
    documents: list[DocumentRecord] = field(default_factory=list)
    #: Attempt numbers by journal number: attempts only, from 1, in journal order; a voided
    #: attempt keeps its number (DESIGN.md §3). Every screen speaks in attempt numbers.
    numbers: dict[int, int] = field(default_factory=dict)
    #: The latest ``case`` entry: each one is a whole snapshot of the profile.
    case: Case = field(default_factory=Case)
    entry_count: int = 0
    head_hash: str | None = None

    def attempt(self, seq: int) -> AttemptRecord | None:
        """The attempt whose journal number is ``seq``."""
        for record in self.attempts:
            if record.seq == seq:
                return record
        return None

    def numbered(self, number: int) -> AttemptRecord | None:
        """The attempt whose attempt number is ``number``."""
        if 1 <= number <= len(self.attempts):
            return self.attempts[number - 1]
        return None

    def active(self) -> list[AttemptRecord]:
        """Attempts that have not been voided."""
        return [record for record in self.attempts if not record.voided]


def fold(entries: Iterable[Recorded]) -> History:
    """Read entries in order into a :class:`History` (voids applied, latest case profile)."""
    folding = Folding()
    append = folding.append
    for entry in entries:
        append(entry)
    return folding.history()


class Folding:
    """:func:`fold` one entry at a time: a reader appends each entry as it reads it, so no
    list of a whole journal's entries is kept beside what they say."""

    __slots__ = ("_count", "_head", "_history", "_index", "_stamp", "went_back")

    def __init__(self) -> None:
        self._history = History()
        self._index: dict[int, int] = {}
        self._count = 0
        self._head: str | None = None
        self._stamp: str | None = None
        #: (journal number, ``recorded_at``, the previous entry's) wherever the stamps go
        #: back: one fixed-width UTC form, whose order as text is the order of time.
        self.went_back: list[tuple[int, str, str]] = []

    def append(self, entry: Recorded) -> None:
        self._count += 1
        self._head = entry.hash
        stamp = entry.recorded_at
        previous = self._stamp
        if previous is not None and stamp < previous:
            self.went_back.append((entry.seq, stamp, previous))
        self._stamp = stamp
        payload = entry.payload
        history = self._history
        if isinstance(payload, Attempt):
            attempts = history.attempts
            self._index[entry.seq] = len(attempts)
            attempts.append(AttemptRecord(entry.seq, parse_utc_stamp(stamp), payload))
            history.numbers[entry.seq] = len(attempts)
        elif isinstance(payload, Void):
            position = self._index.get(payload.target)
            if position is not None:
                attempts = history.attempts
                record = attempts[position]
                attempts[position] = AttemptRecord(
                    record.seq, record.recorded_at, record.attempt, payload.reason
                )
        elif isinstance(payload, Case):
            history.case = payload
        elif isinstance(payload, CaseDocument):
            history.documents.append(DocumentRecord(entry.seq, entry.recorded, payload))

    def history(self) -> History:
        history = self._history
        history.entry_count = self._count
        history.head_hash = self._head
        return history
