"""Folding journal entries into what they say: attempts (with voids) and the case profile."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import FrozenInstanceError, dataclass, field

from rdvlog.journal.codec import Recorded
from rdvlog.models import Attempt, Case, CaseDocument, Void
from rdvlog.timestamps import parse_utc_stamp, utc_stamp

#: An attempt recorded later than this after it happened is a late entry (DESIGN.md §5).
LATE_AFTER = dt.timedelta(hours=1)


class AttemptRecord:
    """An attempt as the journal holds it: its number, when it was written, and any void.

    Immutable, equal and hashed by its fields (``seq``, ``recorded_at``, ``attempt``,
    ``void_reason``), as the frozen dataclass it was. Not a dataclass: a fold makes one per
    attempt, and one made from the journal's ``recorded_at`` text parses it only when
    asked (``status`` never does; ``attempt list`` writes the text as it is, :attr:`stamp`).
    """

    __slots__ = ("_late", "_recorded_at", "_stamp", "attempt", "seq", "void_reason")

    seq: int
    attempt: Attempt
    void_reason: str | None
    # Each ``None`` until known: given (the text or the instant), or worked out when read.
    _stamp: str | None
    _recorded_at: dt.datetime | None
    _late: bool | None

    def __init__(
        self,
        seq: int,
        recorded_at: dt.datetime | str,
        attempt: Attempt,
        void_reason: str | None = None,
    ) -> None:
        """``recorded_at``: the instant, or the journal's text of it (a ``recorded_at``
        stamp, :func:`~rdvlog.timestamps.utc_stamp`'s form)."""
        _set(self, "seq", seq)
        _set(self, "attempt", attempt)
        _set(self, "void_reason", void_reason)
        text = type(recorded_at) is str
        _set(self, "_stamp", recorded_at if text else None)
        _set(self, "_recorded_at", None if text else recorded_at)
        _set(self, "_late", None)

    @property
    def recorded_at(self) -> dt.datetime:
        moment = self._recorded_at
        if moment is None:
            assert self._stamp is not None  # one of the two is given
            moment = parse_utc_stamp(self._stamp)
            _set(self, "_recorded_at", moment)
        return moment

    @property
    def stamp(self) -> str:
        """``recorded_at`` as :func:`~rdvlog.timestamps.utc_stamp` writes it."""
        stamp = self._stamp
        if stamp is None:
            stamp = utc_stamp(self.recorded_at)
            _set(self, "_stamp", stamp)
        elif stamp[0] == "0":  # utc_stamp writes a year before 1000 with fewer digits
            return utc_stamp(self.recorded_at)
        return stamp

    @property
    def late(self) -> bool:
        """Recorded more than an hour after the attempt itself (computed once, read often)."""
        late = self._late
        if late is None:
            late = self.recorded_at - self.attempt.at > LATE_AFTER
            _set(self, "_late", late)
        return late

    @property
    def voided(self) -> bool:
        return self.void_reason is not None

    def voided_for(self, reason: str) -> AttemptRecord:
        """This attempt, voided for ``reason`` (what it was recorded as is kept as read)."""
        record = _new(AttemptRecord)
        for name in self.__slots__:
            _set(record, name, getattr(self, name))
        _set(record, "void_reason", reason)
        return record

    def _fields(self) -> tuple[object, ...]:
        return (self.seq, self.recorded_at, self.attempt, self.void_reason)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not AttemptRecord:
            return NotImplemented
        assert isinstance(other, AttemptRecord)
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"AttemptRecord(seq={self.seq!r}, recorded_at={self.recorded_at!r}, "
            f"attempt={self.attempt!r}, void_reason={self.void_reason!r}, late={self.late!r})"
        )

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")


_set = object.__setattr__
_new = object.__new__


def _line_record(seq: int, stamp: str, attempt: Attempt) -> AttemptRecord:
    """``AttemptRecord(seq, stamp, attempt)`` for a fold, which makes one per attempt: the
    same fields, without the call through the class and the test of ``stamp``'s type."""
    record = _new(AttemptRecord)
    _set(record, "seq", seq)
    _set(record, "attempt", attempt)
    _set(record, "void_reason", None)
    _set(record, "_stamp", stamp)
    _set(record, "_recorded_at", None)
    _set(record, "_late", None)
    return record


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

    __slots__ = ("_count", "_head", "_history", "_stamp", "went_back")

    def __init__(self) -> None:
        self._history = History()
        self._count = 0
        self._head: str | None = None
        self._stamp: str | None = None
        #: (journal number, ``recorded_at``, the previous entry's) wherever the stamps go
        #: back: one fixed-width UTC form, whose order as text is the order of time.
        self.went_back: list[tuple[int, str, str]] = []

    def append(self, entry: Recorded) -> None:
        seq, _, stamp, self._head, payload = entry
        self._count += 1
        previous = self._stamp
        if previous is not None and stamp < previous:
            self.went_back.append((seq, stamp, previous))
        self._stamp = stamp
        history = self._history
        if isinstance(payload, Attempt):
            attempts = history.attempts
            attempts.append(_line_record(seq, stamp, payload))
            history.numbers[seq] = len(attempts)
        elif isinstance(payload, Void):
            number = history.numbers.get(payload.target)
            if number is not None:
                attempts = history.attempts
                position = number - 1  # attempt numbers count the attempts from 1
                attempts[position] = attempts[position].voided_for(payload.reason)
        elif isinstance(payload, Case):
            history.case = payload
        elif isinstance(payload, CaseDocument):
            history.documents.append(DocumentRecord(seq, entry.recorded, payload))

    def history(self) -> History:
        history = self._history
        history.entry_count = self._count
        history.head_hash = self._head
        return history
