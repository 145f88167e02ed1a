"""The facts of a case, computed once from the journal: what the synthèse and every draft state."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from types import MappingProxyType
from typing import Literal, NamedTuple

from rdvlog.codes import Channel, Outcome
from rdvlog.history import AttemptRecord
from rdvlog.models import Case

#: Written steps: a message to the préfecture that can be delivered and answered. They are not
#: booking attempts, and the courts weigh them apart (DESIGN.md §5).
WRITTEN_CHANNELS = frozenset({Channel.EMAIL, Channel.LETTER, Channel.CONTACT_FORM})
#: Outcomes that follow up a written step rather than record a try.
FOLLOW_UPS = frozenset({Outcome.DELIVERED, Outcome.ANSWERED})

Application = Literal["first", "renewal"]


@dataclass(frozen=True)
class WrittenStep:
    """An email, letter or contact-form message sent to the préfecture."""

    number: int
    at: dt.datetime
    channel: Channel
    reference: str | None
    delivered: dt.datetime | None
    answered: dt.datetime | None


class AttemptLine(NamedTuple):
    """One booking attempt, for the lists of the letter, the requête and the attestation (a
    named tuple: a case holds one per attempt, made in a tenth of a frozen dataclass's time)."""

    number: int
    at: dt.datetime
    channel: Channel
    outcome: Outcome
    message: str | None
    screenshots: int


@dataclass(frozen=True)
class CaseFacts:
    """What the journal shows about a case, in local time. Counts are of booking attempts
    (web, ANEF, phone, counter, other), never of written steps or their follow-ups."""

    applicant: str | None
    civility: str | None
    foreigner_number: str | None
    prefecture: str | None
    department: str | None
    procedure: str | None
    application: Application | None
    permit_expires: dt.date | None
    today: dt.date
    days_left: int | None
    booking_attempts: int
    distinct_days: int
    distinct_weeks: int
    first: dt.datetime | None
    last: dt.datetime | None
    with_screenshot: int
    weeks_with_screenshot: int
    by_outcome: Mapping[Outcome, int]
    written: tuple[WrittenStep, ...]
    booked: dt.datetime | None
    attempts: tuple[AttemptLine, ...]
    head_hash: str | None
    tribunal: str | None
    pieces: tuple[tuple[int, str], ...]
    filtered: bool
    total_attempts_in_journal: int


def _screenshots(record: AttemptRecord) -> int:
    return sum(1 for item in record.attempt.evidence if item.media_type.startswith("image/"))


def _week(day: dt.date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week


#: Journal order, and the instant of an attempt.
_BY_SEQ = attrgetter("seq")
_AT = attrgetter("attempt.at")
_OUTCOME = attrgetter("attempt.outcome")
_ATTEMPT = attrgetter("attempt")
_tuple_new = tuple.__new__


def attempt_numbers(records: Iterable[AttemptRecord]) -> dict[int, int]:
    """seq → attempt number, counting the given attempt records in journal order from 1."""
    return {seq: n for n, seq in enumerate(sorted(r.seq for r in records), start=1)}


def _written_steps(
    active: Sequence[AttemptRecord], numbers: Mapping[int, int], zone: dt.tzinfo
) -> tuple[WrittenStep, ...]:
    steps = [
        r
        for r in active
        if r.attempt.channel in WRITTEN_CHANNELS and r.attempt.outcome is Outcome.SENT
    ]
    by_seq = {r.seq: r for r in steps}
    delivered: dict[int, dt.datetime] = {}
    answered: dict[int, dt.datetime] = {}
    for follow in active:
        if follow.attempt.outcome not in FOLLOW_UPS:
            continue
        target = by_seq.get(follow.attempt.about) if follow.attempt.about else None
        if target is None:
            # No (known) step named: the latest earlier step on the same channel.
            earlier = [
                r
                for r in steps
                if r.attempt.channel is follow.attempt.channel and r.attempt.at <= follow.attempt.at
            ]
            target = earlier[-1] if earlier else None
        if target is None:
            continue
        found = delivered if follow.attempt.outcome is Outcome.DELIVERED else answered
        moment = follow.attempt.at.astimezone(zone)
        if target.seq not in found or moment < found[target.seq]:
            found[target.seq] = moment
    return tuple(
        WrittenStep(
            number=numbers[r.seq],
            at=r.attempt.at.astimezone(zone),
            channel=r.attempt.channel,
            reference=r.attempt.reference,
            delivered=delivered.get(r.seq),
            answered=answered.get(r.seq),
        )
        for r in steps
    )


#: Outcomes that never record a try at booking: a written step sent, and its follow-ups.
_NOT_TRIES = FOLLOW_UPS | {Outcome.SENT}


def is_booking_attempt(record: AttemptRecord) -> bool:
    """A try at booking an appointment: not a written step, nor a follow-up of one."""
    attempt = record.attempt
    return attempt.channel not in WRITTEN_CHANNELS and attempt.outcome not in _NOT_TRIES


#: The unvoided records in order of time (ties in journal order) and the booking attempts
#: among them, in that order: :attr:`rdvlog.report.ReportInput.active` and ``.booking``.
Chosen = tuple[Sequence[AttemptRecord], Sequence[AttemptRecord]]


def _numbered(
    records: Iterable[AttemptRecord], numbers: Mapping[int, int] | None, chosen: Chosen | None
) -> tuple[Chosen, Mapping[int, int]]:
    """The unvoided records in order of time, the booking ones among them, and every
    record's attempt number; ``chosen``, when given, is the first two as the caller has them."""
    if chosen is not None and numbers is not None and all(r.seq in numbers for r in chosen[0]):
        return chosen, numbers
    given = sorted(records, key=_BY_SEQ)
    if numbers is None or any(r.seq not in numbers for r in given):
        numbers = {**attempt_numbers(given), **(numbers or {})}
    # Sorted by instant alone, keeping journal order between equals: (instant, number).
    active = sorted((r for r in given if not r.voided), key=_AT)
    return (active, [r for r in active if is_booking_attempt(r)]), numbers


def _moments(
    booking: Sequence[AttemptRecord], zone: dt.tzinfo, local: Mapping[int, dt.datetime] | None
) -> list[dt.datetime]:
    """Each attempt's time in ``zone``, taken from ``local`` (by seq) when the caller has it."""
    if local is None:
        return [r.attempt.at.astimezone(zone) for r in booking]
    return list(map(local.__getitem__, map(_BY_SEQ, booking)))


def _lines(
    booking: Sequence[AttemptRecord],
    moments: list[dt.datetime],
    shots: list[int],
    numbers: Mapping[int, int],
) -> tuple[AttemptLine, ...]:
    # Made as a plain tuple is (one C call): the named tuple's own ``__new__`` is Python.
    return tuple(
        _tuple_new(AttemptLine, (numbers[r.seq], m, a.channel, a.outcome, a.message, n))
        for r, a, m, n in zip(booking, map(_ATTEMPT, booking), moments, shots, strict=True)
    )


def case_facts(
    records: Iterable[AttemptRecord],
    case: Case,
    *,
    zone: dt.tzinfo,
    today: dt.date,
    head_hash: str | None,
    tribunal: str | None = None,
    pieces: Iterable[tuple[int, str]] = (),
    filtered: bool = False,
    total_attempts: int | None = None,
    numbers: Mapping[int, int] | None = None,
    local: Mapping[int, dt.datetime] | None = None,
    chosen: Chosen | None = None,
) -> CaseFacts:
    """The facts of ``records`` (any order; voided ones are numbered but not counted).

    ``numbers`` maps seq → attempt number when ``records`` is a selection of the journal;
    without it the given records are numbered by seq from 1. ``local`` gives each attempt's
    time in ``zone`` by seq, when the caller has already converted them, and ``chosen`` (with
    ``numbers``) the records' unvoided and booking attempts as it has already ordered them.
    """
    (active, booking), numbers = _numbered(records, numbers, chosen)
    moments = _moments(booking, zone, local)
    shots = [_screenshots(r) if r.attempt.evidence else 0 for r in booking]
    days = set(map(dt.datetime.date, moments))
    shot_days = {m.date() for m, n in zip(moments, shots, strict=True) if n}
    outcomes = Counter(map(_OUTCOME, booking))
    booked = next((r for r in active if r.attempt.outcome is Outcome.BOOKED), None)
    place = case.place or (active[-1].attempt.place if active else None)
    procedure = case.procedure or (active[-1].attempt.procedure if active else None)
    expires = case.permit_expires
    return CaseFacts(
        applicant=case.applicant,
        civility=case.civility,
        foreigner_number=case.foreigner_number,
        prefecture=place.label if place else None,
        department=place.department if place else None,
        procedure=procedure,
        application=case.application,
        permit_expires=expires,
        today=today,
        days_left=(expires - today).days if expires else None,
        booking_attempts=len(booking),
        distinct_days=len(days),
        distinct_weeks=len({_week(day) for day in days}),
        first=moments[0] if moments else None,
        last=moments[-1] if moments else None,
        with_screenshot=sum(1 for n in shots if n),
        weeks_with_screenshot=len({_week(day) for day in shot_days}),
        by_outcome=MappingProxyType({o: outcomes[o] for o in Outcome if outcomes[o]}),
        written=_written_steps(active, numbers, zone),
        booked=booked.attempt.at.astimezone(zone) if booked else None,
        attempts=_lines(booking, moments, shots, numbers),
        head_hash=head_hash,
        tribunal=tribunal,
        pieces=tuple(pieces),
        filtered=filtered,
        total_attempts_in_journal=total_attempts if total_attempts is not None else len(booking),
    )
