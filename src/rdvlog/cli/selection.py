"""Choosing attempts by period and place, shared by list, report, status and bundle."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

from rdvlog.cli.context import State
from rdvlog.errors import UsageError
from rdvlog.history import AttemptRecord, History
from rdvlog.journal import Verification
from rdvlog.models import Place
from rdvlog.when import parse_when


def select(
    st: State,
    *,
    since: str | None,
    until: str | None,
    prefecture: str | None,
    history: History | None = None,
) -> list[AttemptRecord]:
    """Attempts (voided included) within the period and at the place, in order of time."""
    from rdvlog.report import select as within

    start, end = period(st, since=since, until=until)
    if history is None:
        history = st.journal().history()
    place = place_filter(prefecture, history.attempts).matches if prefecture else None
    return list(within(history.attempts, since=start, until=end, place=place))


def period(
    st: State, *, since: str | None, until: str | None
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """``--since`` and ``--until`` as instants; a bare ``--until`` date means its whole day."""
    now = st.now()
    start = parse_when(since, zone=st.zone, now=now, option="--since") if since else None
    end = (
        parse_when(until, zone=st.zone, now=now, option="--until", end_of_day=True)
        if until
        else None
    )
    if start is not None and end is not None and start > end:
        raise UsageError(f'--since "{since}" is after --until "{until}"')
    return start, end


class PlaceFilter(NamedTuple):
    """What ``-p`` selects, and the label a report shows for it."""

    label: str
    matches: Callable[[Place], bool]


def place_filter(text: str, records: list[AttemptRecord]) -> PlaceFilter:
    """What ``-p`` selects: the directory office it names, and unlisted places typed the same.

    An unknown or ambiguous name is an error unless some unlisted attempt carries it.
    """
    from rdvlog import places

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


def checked_history(st: State, data: bytes | None = None) -> tuple[History, Verification]:
    """The history and its verification from one pass over the journal.

    A broken chain still yields the history (the report must show both); a journal whose
    lines cannot all be read is refused, naming the first bad line. ``data`` is a snapshot
    of the journal's bytes, when the caller also needs them.
    """
    from rdvlog.errors import JournalDamaged
    from rdvlog.history import fold

    journal = st.journal()
    verification, entries = journal.audit(data)
    if entries is None:
        brk = verification.first_break
        where = brk.describe() if brk else "unreadable"
        hint = "run `rdvlog repair`" if brk and brk.kind == "torn-tail" else "restore a backup"
        raise JournalDamaged(f"{journal.path} cannot be read ({where}); {hint}")
    return fold(entries), verification
