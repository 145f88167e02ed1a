"""Choosing attempts by period and place, shared by list, report, status and bundle."""

from __future__ import annotations

from rdvlog.cli.context import State
from rdvlog.history import AttemptRecord, History
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
    now = st.now()
    start = parse_when(since, zone=st.zone, now=now, option="--since") if since else None
    end = (
        parse_when(until, zone=st.zone, now=now, option="--until", end_of_day=True)
        if until
        else None
    )
    if history is None:
        history = st.journal().history()
    records = history.attempts
    if prefecture:
        wanted = place_filter(prefecture, records)
        records = [r for r in records if same_place(r.attempt.place, wanted)]
    if start is not None:
        records = [r for r in records if r.attempt.at >= start]
    if end is not None:
        records = [r for r in records if r.attempt.at <= end]
    return sorted(records, key=lambda r: (r.attempt.at, r.seq))


def place_filter(text: str, records: list[AttemptRecord]) -> Place:
    """The place ``-p`` names: a directory office, else an unlisted place already recorded."""
    from rdvlog import places

    try:
        return places.resolve(text).to_place()
    except places.UnknownPlace:
        key = places.normalise(text)
        for record in records:
            place = record.attempt.place
            if place.kind == "unlisted" and places.normalise(place.label) == key:
                return place
        raise


def same_place(place: Place, wanted: Place) -> bool:
    if wanted.kind == "unlisted" or place.kind == "unlisted":
        return place.kind == wanted.kind and place.label.casefold() == wanted.label.casefold()
    return place.department == wanted.department and place.office == wanted.office
