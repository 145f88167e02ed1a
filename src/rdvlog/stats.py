"""Pure summaries of attempts: days, ISO weeks, hours, weekdays, outcomes (DESIGN.md §5)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from types import MappingProxyType
from typing import Literal, TypeVar

from rdvlog.history import AttemptRecord
from rdvlog.models import Channel, Outcome
from rdvlog.places import normalise

HourBand = Literal["night", "morning", "afternoon", "evening"]
#: Six-hour bands, indexed by ``local_hour // 6``: night 0–6, morning 6–12, and so on.
HOUR_BANDS: tuple[HourBand, ...] = ("night", "morning", "afternoon", "evening")

#: Channels that count as written steps (an email or a letter to the préfecture).
WRITTEN_CHANNELS = frozenset({Channel.EMAIL, Channel.LETTER})

#: CE 10 juin 2020 n° 435594 wants attempts not all made in the same week; the orders that were
#: granted saw at least three weeks.
MIN_WEEKS = 3

IsoWeek = tuple[int, int]
_Key = TypeVar("_Key")


@dataclass(frozen=True)
class Gap:
    """The longest time between two consecutive attempts, with both ends in local time."""

    length: dt.timedelta
    start: dt.datetime
    end: dt.datetime


@dataclass(frozen=True)
class WeekCount:
    """Attempts in one ISO week; ``monday`` is the week's first day."""

    year: int
    week: int
    monday: dt.date
    count: int


@dataclass(frozen=True)
class Summary:
    """What a selection of attempts shows; voided attempts are not counted anywhere but in
    ``voided``. Dates and hours are local to the zone the summary was computed in."""

    count: int
    voided: int
    distinct_days: int
    weeks: tuple[IsoWeek, ...]
    first: dt.datetime | None
    last: dt.datetime | None
    longest_gap: Gap | None
    by_outcome: Mapping[Outcome, int]
    by_channel: Mapping[Channel, int]
    by_hour_band: Mapping[HourBand, int]
    by_weekday: tuple[int, ...]
    weekly: tuple[WeekCount, ...]
    booked: AttemptRecord | None
    written: tuple[AttemptRecord, ...]
    places: tuple[str, ...]

    @property
    def distinct_weeks(self) -> int:
        return len(self.weeks)

    @property
    def too_few_weeks(self) -> bool:
        """All attempts fall within fewer than three distinct ISO weeks (true when empty)."""
        return self.distinct_weeks < MIN_WEEKS


def utc_key(record: AttemptRecord) -> tuple[dt.datetime, int]:
    """Sort key: the attempt's instant, then its journal number.

    Aware datetimes sharing one tzinfo object compare by wall time, which would be wrong across
    a DST change with a named zone; an attempt's time has a fixed UTC offset (the model
    normalises it), and fixed-offset times compare as instants, so no conversion is needed.
    """
    return record.attempt.at, record.seq


#: What the figures read of a record, one C call each.
_AT = attrgetter("attempt.at")
_SEQ = attrgetter("seq")
_OUTCOME = attrgetter("attempt.outcome")
_CHANNEL = attrgetter("attempt.channel")
#: :func:`utc_key` as one C call per record.
_UTC_KEY = attrgetter("attempt.at", "seq")


def chronological(records: Iterable[AttemptRecord]) -> list[AttemptRecord]:
    """Records ordered by when the attempt happened (ties by journal number)."""
    return sorted(records, key=_UTC_KEY)


def weekly_series(weeks: Mapping[IsoWeek, int]) -> tuple[WeekCount, ...]:
    """Every ISO week from the first to the last of ``weeks``, empty weeks included."""
    if not weeks:
        return ()
    first, last = min(weeks), max(weeks)
    monday = dt.date.fromisocalendar(first[0], first[1], 1)
    end = dt.date.fromisocalendar(last[0], last[1], 1)
    series = []
    while monday <= end:
        year, week, _ = monday.isocalendar()
        series.append(WeekCount(year, week, monday, weeks.get((year, week), 0)))
        monday += dt.timedelta(days=7)
    return tuple(series)


def _longest_gap(instants: Sequence[dt.datetime], local: Sequence[dt.datetime]) -> Gap | None:
    """The longest time between consecutive ``instants`` (in order, fixed UTC offsets: their
    differences are exact), its ends taken from ``local`` (the same moments in the zone)."""
    best: tuple[dt.timedelta, int] | None = None
    for index in range(1, len(instants)):
        length = instants[index] - instants[index - 1]
        if best is None or length > best[0]:
            best = (length, index)
    if best is None:
        return None
    length, index = best
    return Gap(length, local[index - 1], local[index])


def _counts(keys: Iterable[_Key], order: Iterable[_Key]) -> Mapping[_Key, int]:
    """Counts of every key of ``order``, zeros included, in that order (read-only)."""
    counter = Counter(keys)
    return MappingProxyType({key: counter.get(key, 0) for key in order})


def summarize(
    records: Iterable[AttemptRecord],
    zone: dt.tzinfo,
    *,
    ordered: bool = False,
    local: Mapping[int, dt.datetime] | None = None,
) -> Summary:
    """Summarize ``records`` (any order, voided ones included) in the time zone ``zone``;
    ``ordered`` says they already are in chronological order (:func:`chronological`), and
    ``local`` gives each attempt's time in ``zone`` by journal number when the caller has them."""
    everything = list(records)
    unvoided = (record for record in everything if not record.voided)
    active = list(unvoided) if ordered else chronological(unvoided)
    # An attempt's time has a fixed UTC offset: differences between them are exact, so each
    # record is converted to the zone once, and only for its local date and hour.
    instants = list(map(_AT, active))
    if local is None:
        moments = [instant.astimezone(zone) for instant in instants]
    else:
        moments = list(map(local.__getitem__, map(_SEQ, active)))

    days: Counter[dt.date] = Counter(map(dt.datetime.date, moments))
    weeks: Counter[IsoWeek] = Counter()
    by_weekday = [0] * 7
    for day, count in days.items():
        year, week, weekday = day.isocalendar()
        weeks[(year, week)] += count
        by_weekday[weekday - 1] += count

    booked = next((r for r in active if r.attempt.outcome is Outcome.BOOKED), None)
    written = tuple(r for r in active if r.attempt.channel in WRITTEN_CHANNELS)
    # One place typed several ways (NFC/NFD, a zero-width space, case) is one place, shown as
    # first typed: keyed like the directory compares names (issue #11). Each distinct label
    # is keyed once, in the order of its first attempt.
    by_key: dict[str, str] = {}
    for label in dict.fromkeys(record.attempt.place.label for record in active):
        by_key.setdefault(normalise(label) or label, label)
    places = tuple(by_key.values())

    return Summary(
        count=len(active),
        voided=len(everything) - len(active),
        distinct_days=len(days),
        weeks=tuple(sorted(weeks)),
        first=moments[0] if moments else None,
        last=moments[-1] if moments else None,
        longest_gap=_longest_gap(instants, moments),
        by_outcome=_counts(map(_OUTCOME, active), Outcome),
        by_channel=_counts(map(_CHANNEL, active), Channel),
        by_hour_band=_counts((HOUR_BANDS[moment.hour // 6] for moment in moments), HOUR_BANDS),
        by_weekday=tuple(by_weekday),
        weekly=weekly_series(weeks),
        booked=booked,
        written=written,
        places=places,
    )
