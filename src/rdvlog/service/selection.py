"""Choosing attempts by period and place, shared by list, report, status and bundle."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import NamedTuple

from rdvlog import places
from rdvlog.codes import Outcome
from rdvlog.errors import UsageError
from rdvlog.history import AttemptRecord
from rdvlog.models import Place
from rdvlog.report import within
from rdvlog.when import parse_when


class Period(NamedTuple):
    """``--since`` and ``--until`` as instants (``None``: unbounded)."""

    start: dt.datetime | None
    end: dt.datetime | None


def parse_period(
    since: str | None, until: str | None, *, zone: dt.tzinfo, now: dt.datetime
) -> Period:
    """``--since`` and ``--until`` as instants; a bare ``--until`` date means its whole day."""
    start = parse_when(since, zone=zone, now=now, option="--since") if since else None
    end = (
        parse_when(until, zone=zone, now=now, option="--until", end_of_day=True) if until else None
    )
    if start is not None and end is not None and start > end:
        raise UsageError(key="error.period.reversed", since=since, until=until)
    return Period(start, end)


class PlaceFilter(NamedTuple):
    """What ``-p`` selects, and the label a report shows for it."""

    label: str
    matches: Callable[[Place], bool]


def place_filter(text: str, records: Sequence[AttemptRecord]) -> PlaceFilter:
    """What ``-p`` selects: the directory office it names, and unlisted places typed the same.

    An unknown or ambiguous name is an error unless some unlisted attempt carries it.
    """
    key = places.normalise(text)

    def typed_alike(place: Place) -> bool:
        return place.kind == "unlisted" and places.normalise(place.label) == key

    try:
        office = places.resolve(text)
    except (places.UnknownPlace, places.AmbiguousPlace):
        if any(typed_alike(r.attempt.place) for r in records):
            return PlaceFilter(text.strip(), typed_alike)
        raise

    def matches(place: Place) -> bool:
        same_office = place.department == office.department and place.office == office.office
        return typed_alike(place) or (place.kind != "unlisted" and same_office)

    return PlaceFilter(office.label, matches)


def select_attempts(
    records: Sequence[AttemptRecord], period: Period, prefecture: str | None
) -> tuple[tuple[AttemptRecord, ...], PlaceFilter | None]:
    """Attempts (voided included) within ``period`` and at the place ``-p`` names, in order
    of time, with the place filter used (``None`` without ``-p``)."""
    place = place_filter(prefecture, records) if prefecture else None
    chosen = within(
        records, since=period.start, until=period.end, place=place.matches if place else None
    )
    return chosen, place


def list_attempts(
    records: Sequence[AttemptRecord],
    period: Period,
    *,
    prefecture: str | None = None,
    outcome: Outcome | None = None,
    include_void: bool = False,
) -> list[AttemptRecord]:
    """What ``attempt list`` shows: the selection, without voided attempts unless asked."""
    chosen, _ = select_attempts(records, period, prefecture)
    if include_void and outcome is None:
        return list(chosen)
    return [
        r
        for r in chosen
        if (include_void or r.void_reason is None)
        and (outcome is None or r.attempt.outcome == outcome)
    ]
