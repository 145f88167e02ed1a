"""The facts ``rdvlog status`` shows each morning: counts, recency, a 12-week calendar, warnings."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rdvlog.history import AttemptRecord, CaseProfile
from rdvlog.stats import MIN_WEEKS, summarize

HEATMAP_WEEKS = 12
#: Days without an attempt before ``status`` says so.
QUIET_DAYS = 5
#: Days before the permit's expiry from which ``status`` warns.
EXPIRY_NOTICE_DAYS = 60


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
    warnings: tuple[str, ...]


def status(
    records: Sequence[AttemptRecord],
    case: CaseProfile,
    *,
    zone: dt.tzinfo,
    today: dt.date,
    entries: int,
    head_hash: str | None,
    problem: str | None,
) -> Status:
    """Compute the status facts; ``problem`` is the first verification break, if any."""
    summary = summarize(records, zone)
    days = Counter(r.attempt.at.astimezone(zone).date() for r in records if not r.voided)
    this_monday = today - dt.timedelta(days=today.weekday())
    mondays = tuple(
        this_monday - dt.timedelta(weeks=HEATMAP_WEEKS - 1 - n) for n in range(HEATMAP_WEEKS)
    )
    heatmap = tuple(
        tuple(days.get(monday + dt.timedelta(days=weekday), 0) for monday in mondays)
        for weekday in range(7)
    )
    since = (today - summary.last.date()).days if summary.last else None
    warnings: list[str] = []
    if problem:
        warnings.append(f"the journal does not verify: {problem}")
    if summary.count == 0:
        warnings.append("no attempt recorded yet: run `rdvlog attempt add` after each try")
    elif summary.distinct_weeks < MIN_WEEKS:
        weeks = summary.distinct_weeks
        warnings.append(
            f"all attempts fall within {weeks} distinct week{'s' if weeks > 1 else ''} — courts "
            "look for attempts over several weeks (CE 10 juin 2020 n° 435594)"
        )
    if since is not None and since >= QUIET_DAYS and summary.booked is None:
        warnings.append(f"no attempt for {since} days")
    expires = case.permit_expires
    if expires is not None:
        left = (expires - today).days
        if left < 0:
            warnings.append(f"permit expired {-left} day{'s' if left < -1 else ''} ago")
        elif left <= EXPIRY_NOTICE_DAYS:
            warnings.append(f"permit expires in {left} day{'s' if left != 1 else ''}")
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


def as_json(facts: Status) -> dict[str, object]:
    """The status as a JSON-ready object (dates in ISO 8601)."""
    return {
        "today": facts.today.isoformat(),
        "attempts": facts.attempts,
        "voided": facts.voided,
        "distinct_days": facts.distinct_days,
        "distinct_weeks": facts.distinct_weeks,
        "first": facts.first.isoformat(timespec="seconds") if facts.first else None,
        "last": facts.last.isoformat(timespec="seconds") if facts.last else None,
        "days_since_last": facts.days_since_last,
        "by_outcome": facts.by_outcome,
        "booked": facts.booked,
        "heatmap": {
            "weeks": [monday.isoformat() for monday in facts.heatmap_mondays],
            "rows": [list(row) for row in facts.heatmap],
        },
        "journal": {
            "entries": facts.entries,
            "head_hash": facts.head_hash,
            "verified": facts.verified,
            "problem": facts.problem,
        },
        "permit_expires": facts.permit_expires.isoformat() if facts.permit_expires else None,
        "warnings": list(facts.warnings),
    }
