"""The facts ``rdvlog status`` shows each morning: counts, recency, a 12-week calendar, warnings."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rdvlog.history import AttemptRecord
from rdvlog.models import Case
from rdvlog.stats import MIN_WEEKS, summarize

HEATMAP_WEEKS = 12
#: Days without an attempt before ``status`` says so.
QUIET_DAYS = 5
#: Days before the permit's expiry from which ``status`` warns.
EXPIRY_NOTICE_DAYS = 60


@dataclass(frozen=True)
class Warning:
    """Something ``status`` tells the person to watch: a label key and its values."""

    key: str
    values: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True)
class Status:
    """Everything ``status`` prints, as data (``--json`` prints exactly this)."""

    today: dt.date
    attempts: int
    voided: int
    distinct_days: int
    distinct_weeks: int
    first: dt.datetime | None
    last: dt.datetime | None
    days_since_last: int | None
    by_outcome: dict[str, int]
    booked: bool
    heatmap_mondays: tuple[dt.date, ...]
    heatmap: tuple[tuple[int, ...], ...]  # seven rows (Monday first) × one column per week
    entries: int
    head_hash: str | None
    verified: bool
    problem: str | None
    permit_expires: dt.date | None
    warnings: tuple[Warning, ...]


def status(
    records: Sequence[AttemptRecord],
    case: Case,
    *,
    zone: dt.tzinfo,
    today: dt.date,
    entries: int,
    head_hash: str | None,
    problem: str | None,
) -> Status:
    """Compute the status facts; ``problem`` is the first verification break, if any."""
    summary = summarize(records, zone)
    this_monday = today - dt.timedelta(days=today.weekday())
    mondays = tuple(
        this_monday - dt.timedelta(weeks=HEATMAP_WEEKS - 1 - n) for n in range(HEATMAP_WEEKS)
    )
    days = _heatmap_days(records, zone, mondays[0])
    heatmap = tuple(
        tuple(days.get(monday + dt.timedelta(days=weekday), 0) for monday in mondays)
        for weekday in range(7)
    )
    since = (today - summary.last.date()).days if summary.last else None
    warnings = _warnings(summary.count, summary.distinct_weeks, since, summary.booked is None)
    if problem:
        warnings.insert(0, Warning("status.warn.broken", (("problem", problem),)))
    expires = case.permit_expires
    if expires is not None:
        left = (expires - today).days
        if left < 0:
            warnings.append(Warning("status.warn.expired", (("n", -left),)))
        elif left <= EXPIRY_NOTICE_DAYS:
            warnings.append(Warning("status.warn.expires", (("n", left),)))
    return Status(
        today=today,
        attempts=summary.count,
        voided=summary.voided,
        distinct_days=summary.distinct_days,
        distinct_weeks=summary.distinct_weeks,
        first=summary.first,
        last=summary.last,
        days_since_last=since,
        by_outcome={outcome.value: n for outcome, n in summary.by_outcome.items() if n},
        booked=summary.booked is not None,
        heatmap_mondays=mondays,
        heatmap=heatmap,
        entries=entries,
        head_hash=head_hash,
        verified=problem is None,
        problem=problem,
        permit_expires=expires,
        warnings=tuple(warnings),
    )


def _heatmap_days(
    records: Sequence[AttemptRecord], zone: dt.tzinfo, first: dt.date
) -> Counter[dt.date]:
    """Attempts per local day, for the days from ``first`` on (the heatmap's).

    Only attempts from a day before ``first`` on are converted to the zone: comparing
    instants needs no conversion, and a journal of years holds a few weeks in the heatmap.
    """
    since = dt.datetime.combine(first - dt.timedelta(days=2), dt.time(), dt.timezone.utc)
    return Counter(
        r.attempt.at.astimezone(zone).date()
        for r in records
        if not r.voided and r.attempt.at >= since
    )


def _warnings(count: int, weeks: int, quiet: int | None, not_booked: bool) -> list[Warning]:
    found = []
    if count == 0:
        found.append(Warning("status.warn.empty"))
    elif weeks < MIN_WEEKS:
        found.append(Warning("status.warn.few_weeks", (("n", weeks),)))
    if quiet is not None and quiet >= QUIET_DAYS and not_booked:
        found.append(Warning("status.warn.quiet", (("n", quiet),)))
    return found
