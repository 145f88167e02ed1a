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
    history = History()
    attempts, numbers, documents = history.attempts, history.numbers, history.documents
    index: dict[int, int] = {}
    count = 0
    head: str | None = None
    for entry in entries:
        count += 1
        head = entry.hash
        payload = entry.payload
        if isinstance(payload, Attempt):
            index[entry.seq] = len(attempts)
            attempts.append(AttemptRecord(entry.seq, parse_utc_stamp(entry.recorded_at), payload))
            numbers[entry.seq] = len(attempts)
        elif isinstance(payload, Void):
            position = index.get(payload.target)
            if position is not None:
                record = attempts[position]
                attempts[position] = AttemptRecord(
                    record.seq, record.recorded_at, record.attempt, payload.reason
                )
        elif isinstance(payload, Case):
            history.case = payload
        elif isinstance(payload, CaseDocument):
            documents.append(DocumentRecord(entry.seq, entry.recorded, payload))
    history.entry_count = count
    history.head_hash = head
    return history
