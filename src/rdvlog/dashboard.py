"""The facts ``rdvlog status`` shows each morning: counts, recency, a 12-week calendar, warnings."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rdvlog.codes import Outcome
from rdvlog.errors import Phrase
from rdvlog.facts import FOLLOW_UPS, WRITTEN_CHANNELS
from rdvlog.history import AttemptRecord
from rdvlog.models import Case
from rdvlog.stats import MIN_WEEKS

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
    this_monday = today - dt.timedelta(days=today.weekday())
    tally = _tally(records, zone, today, this_monday)
    first, last, booked = tally.first, tally.last, tally.booked
    weeks = {day.isocalendar()[:2] for day in tally.days}
    todays = sorted(((m, r) for r, m in tally.recent if m.date() == today), key=lambda x: x[0])
    this_week = [r for r, m in tally.recent if this_monday <= m.date() <= today]
    this_week_shots = sum(1 for r in this_week if _has_screenshot(r))
    mondays, heatmap = _heatmap(tally.days, this_monday)
    last_local = last.attempt.at.astimezone(zone) if last else None
    since = (today - last_local.date()).days if last_local else None
    warnings = _warnings(tally.active, len(weeks), since, booked is None, problem=problem)
    if booked is None and tally.active and not this_week_shots:
        warnings.append(Warning("status.warn.no_screenshot_week"))
    warnings += _expiry_warnings(case.permit_expires, today)
    return Status(
        today=today,
        attempts=tally.active,
        voided=tally.voided,
        distinct_days=len(tally.days),
        distinct_weeks=len(weeks),
        first=first.attempt.at.astimezone(zone) if first else None,
        last=last_local,
        days_since_last=since,
        by_outcome={o.value: tally.outcomes[o] for o in Outcome if tally.outcomes[o]},
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
        weeks_with_screenshot=len({day.isocalendar()[:2] for day in tally.shot_days}),
        written_steps=tally.written,
        booked_at=booked.attempt.at.astimezone(zone) if booked else None,
        booked_number=numbers.get(booked.seq) if booked else None,
    )


@dataclass
class _Tally:
    """What one pass over the journal's attempts gathers for ``status``. Booking attempts
    that count (not voided) are ``active``; their local days, with a count each, are
    ``days``."""

    voided: int = 0
    written: int = 0
    active: int = 0
    days: Counter[dt.date] = field(default_factory=Counter)
    shot_days: set[dt.date] = field(default_factory=set)
    outcomes: Counter[Outcome] = field(default_factory=Counter)
    #: The earliest and latest active attempts, and the earliest booked one (by instant,
    #: then journal number: the chronological order of every view).
    first: AttemptRecord | None = None
    last: AttemptRecord | None = None
    booked: AttemptRecord | None = None
    #: Active attempts of this week and the two days before (journal order), local time.
    recent: list[tuple[AttemptRecord, dt.datetime]] = field(default_factory=list)


def _tally(
    records: Sequence[AttemptRecord], zone: dt.tzinfo, today: dt.date, this_monday: dt.date
) -> _Tally:
    """One pass over ``records`` (journal order): each attempt's local time is computed once.

    An attempt's time has a fixed UTC offset, so comparing two of them compares instants;
    records come in journal order (increasing numbers), so a tie keeps the earlier one as
    the first and takes the later one as the last.
    """
    tally = _Tally()
    days, shot_days, outcomes, recent = tally.days, tally.shot_days, tally.outcomes, tally.recent
    first_at = last_at = booked_at = None
    sent, booked = Outcome.SENT, Outcome.BOOKED
    recent_from = this_monday - dt.timedelta(days=2)
    voided = written = 0
    for record in records:
        attempt = record.attempt
        channel, outcome = attempt.channel, attempt.outcome
        if record.void_reason is not None:
            voided += 1
            continue
        if channel in WRITTEN_CHANNELS or outcome in FOLLOW_UPS or outcome is sent:
            if channel in WRITTEN_CHANNELS and outcome is sent:
                written += 1
            continue
        at = attempt.at
        local = at.astimezone(zone)
        day = local.date()
        days[day] += 1
        outcomes[outcome] += 1
        if attempt.evidence and _has_screenshot(record):
            shot_days.add(day)
        if first_at is None or at < first_at:
            first_at, tally.first = at, record
        if last_at is None or at >= last_at:
            last_at, tally.last = at, record
        if outcome is booked and (booked_at is None or at < booked_at):
            booked_at, tally.booked = at, record
        if day >= recent_from:
            recent.append((record, local))
    tally.voided, tally.written, tally.active = voided, written, days.total()
    return tally


def _has_screenshot(record: AttemptRecord) -> bool:
    return any(item.media_type.startswith("image/") for item in record.attempt.evidence)


def _applicant(case: Case) -> str | None:
    if not case.applicant:
        return None
    return f"{case.civility} {case.applicant}" if case.civility else case.applicant


def _heatmap(
    days: Mapping[dt.date, int], this_monday: dt.date
) -> tuple[tuple[dt.date, ...], tuple[tuple[int, ...], ...]]:
    """The heatmap's Mondays and its seven rows (Monday first), one column a week, from the
    active attempts per local day."""
    mondays = tuple(
        this_monday - dt.timedelta(weeks=HEATMAP_WEEKS - 1 - n) for n in range(HEATMAP_WEEKS)
    )
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


def _warnings(
    count: int, weeks: int, quiet: int | None, not_booked: bool, *, problem: Phrase | None
) -> list[Warning]:
    found = [Warning("status.warn.broken", (("problem", problem),))] if problem else []
    if count == 0:
        found.append(Warning("status.warn.empty"))
    elif weeks < MIN_WEEKS and not_booked:  # once booked, the appointment is acknowledged
        found.append(Warning("status.warn.few_weeks", (("n", weeks),)))
    if quiet is not None and quiet >= QUIET_DAYS and not_booked:
        found.append(Warning("status.warn.quiet", (("n", quiet),)))
    return found
