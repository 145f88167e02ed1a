"""The facts ``rdvlog status`` shows each morning: counts, recency, a 12-week calendar, warnings."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rdvlog.codes import Outcome
from rdvlog.errors import Phrase
from rdvlog.facts import WRITTEN_CHANNELS, is_booking_attempt
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
    """Everything ``status`` prints, as data (``--json`` prints exactly this).

    Counts, days, weeks and the calendar are of booking attempts: written steps (emails,
    letters, forms sent) and their follow-ups are counted apart, in ``written_steps``.
    """

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
    #: The first verification break, as a sentence in either language.
    problem: Phrase | None
    permit_expires: dt.date | None
    warnings: tuple[Warning, ...]
    #: The applicant as the profile names them (« Mme Aïcha Ben Saïd »), if set.
    applicant: str | None = None
    #: The store in use: a volunteer keeps one per person.
    store: str | None = None
    today_attempts: int = 0
    #: Today's latest booking attempt, if any.
    today_last: dt.datetime | None = None
    today_last_outcome: str | None = None
    this_week_attempts: int = 0
    #: Booking attempts of the current calendar week with a screenshot attached.
    this_week_screenshots: int = 0
    weeks_with_screenshot: int = 0
    written_steps: int = 0
    booked_at: dt.datetime | None = None
    booked_number: int | None = None


def status(
    records: Sequence[AttemptRecord],
    case: Case,
    *,
    zone: dt.tzinfo,
    today: dt.date,
    entries: int,
    head_hash: str | None,
    problem: Phrase | None,
    store: str | None = None,
    numbers: Mapping[int, int] | None = None,
) -> Status:
    """The status facts of every attempt of the journal (``records``, journal order);
    ``problem`` is the first verification break; ``numbers`` maps seq to attempt number."""
    numbers = numbers or {r.seq: n for n, r in enumerate(records, start=1)}
    booking = [r for r in records if is_booking_attempt(r)]
    summary = summarize(booking, zone)
    active = [r for r in booking if not r.voided]
    this_monday = today - dt.timedelta(days=today.weekday())
    todays, this_week = _recent(active, zone, today, this_monday)
    this_week_shots = sum(1 for r in this_week if _has_screenshot(r))
    booked = summary.booked
    mondays, heatmap = _heatmap(active, zone, this_monday)
    since = (today - summary.last.date()).days if summary.last else None
    warnings = [Warning("status.warn.broken", (("problem", problem),))] if problem else []
    warnings += _warnings(summary.count, summary.distinct_weeks, since, booked is None)
    if booked is None and summary.count and not this_week_shots:
        warnings.append(Warning("status.warn.no_screenshot_week"))
    warnings += _expiry_warnings(case.permit_expires, today)
    return Status(
        today=today,
        attempts=summary.count,
        voided=sum(1 for r in records if r.voided),
        distinct_days=summary.distinct_days,
        distinct_weeks=summary.distinct_weeks,
        first=summary.first,
        last=summary.last,
        days_since_last=since,
        by_outcome={outcome.value: n for outcome, n in summary.by_outcome.items() if n},
        booked=booked is not None,
        heatmap_mondays=mondays,
        heatmap=heatmap,
        entries=entries,
        head_hash=head_hash,
        verified=problem is None,
        problem=problem,
        permit_expires=case.permit_expires,
        warnings=tuple(warnings),
        applicant=_applicant(case),
        store=store,
        today_attempts=len(todays),
        today_last=todays[-1][0] if todays else None,
        today_last_outcome=todays[-1][1].attempt.outcome.value if todays else None,
        this_week_attempts=len(this_week),
        this_week_screenshots=this_week_shots,
        weeks_with_screenshot=_screenshot_weeks(active, zone),
        written_steps=sum(1 for r in records if _written_step_sent(r)),
        booked_at=booked.attempt.at.astimezone(zone) if booked else None,
        booked_number=numbers.get(booked.seq) if booked else None,
    )


def _screenshot_weeks(active: Sequence[AttemptRecord], zone: dt.tzinfo) -> int:
    """How many calendar weeks have an attempt backed by a screenshot."""
    return len(
        {r.attempt.at.astimezone(zone).isocalendar()[:2] for r in active if _has_screenshot(r)}
    )


def _has_screenshot(record: AttemptRecord) -> bool:
    return any(item.media_type.startswith("image/") for item in record.attempt.evidence)


def _applicant(case: Case) -> str | None:
    if not case.applicant:
        return None
    return f"{case.civility} {case.applicant}" if case.civility else case.applicant


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


def _recent(
    active: Sequence[AttemptRecord], zone: dt.tzinfo, today: dt.date, this_monday: dt.date
) -> tuple[list[tuple[dt.datetime, AttemptRecord]], list[AttemptRecord]]:
    """Today's attempts (with their local time, in order) and this week's.

    Only this week's attempts need their local time (a journal of years holds a few);
    comparing instants needs no conversion.
    """
    week_start = dt.datetime.combine(this_monday - dt.timedelta(days=2), dt.time(), dt.timezone.utc)
    local = [(r, r.attempt.at.astimezone(zone)) for r in active if r.attempt.at >= week_start]
    todays = sorted(((m, r) for r, m in local if m.date() == today), key=lambda x: x[0])
    this_week = [r for r, m in local if this_monday <= m.date() <= today]
    return todays, this_week


def _written_step_sent(record: AttemptRecord) -> bool:
    attempt = record.attempt
    return (
        not record.voided
        and attempt.channel in WRITTEN_CHANNELS
        and attempt.outcome is Outcome.SENT
    )


def _heatmap(
    active: Sequence[AttemptRecord], zone: dt.tzinfo, this_monday: dt.date
) -> tuple[tuple[dt.date, ...], tuple[tuple[int, ...], ...]]:
    """The heatmap's Mondays and its seven rows (Monday first), one column a week."""
    mondays = tuple(
        this_monday - dt.timedelta(weeks=HEATMAP_WEEKS - 1 - n) for n in range(HEATMAP_WEEKS)
    )
    days = _heatmap_days(active, zone, mondays[0])
    rows = tuple(
        tuple(days.get(monday + dt.timedelta(days=weekday), 0) for monday in mondays)
        for weekday in range(7)
    )
    return mondays, rows


def _expiry_warnings(expires: dt.date | None, today: dt.date) -> list[Warning]:
    if expires is None:
        return []
    left = (expires - today).days
    if left < 0:
        return [Warning("status.warn.expired", (("n", -left),))]
    if left <= EXPIRY_NOTICE_DAYS:
        return [Warning("status.warn.expires", (("n", left),))]
    return []


def _warnings(count: int, weeks: int, quiet: int | None, not_booked: bool) -> list[Warning]:
    found = []
    if count == 0:
        found.append(Warning("status.warn.empty"))
    elif weeks < MIN_WEEKS and not_booked:  # once booked, the appointment is acknowledged
        found.append(Warning("status.warn.few_weeks", (("n", weeks),)))
    if quiet is not None and quiet >= QUIET_DAYS and not_booked:
        found.append(Warning("status.warn.quiet", (("n", quiet),)))
    return found
