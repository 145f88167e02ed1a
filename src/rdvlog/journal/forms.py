"""The two written forms the fast path reads without the model: ``recorded_at`` and ``at``.

Each function never says yes to a value the model (:mod:`rdvlog.models`) refuses, and gives
what the model gives; a no only sends the line the exact way. ``tests/test_codec_fast.py``
compares them with the model. They live here, loaded with the fast path only, because their
patterns cost ``attempt add`` start-up time to compile.
"""

from __future__ import annotations

import datetime as dt
import re

from rdvlog.models import MAX_YEAR, MIN_YEAR, zone_of
from rdvlog.timestamps import parse_utc_stamp


def is_utc_stamp(value: str) -> bool:
    """Whether ``value`` is a valid ``recorded_at`` (the model's ``UtcStamp`` rules, without
    pydantic's call overhead: reading a whole journal asks it for every line).

    Its time fields are checked by their digits and its day by the standard library once
    per distinct day (a journal has a few thousand): what the model's ``_utc_stamp`` checks. It
    never says yes to a stamp the model refuses (the fast path's gate: a no only means the
    line is read the exact way)."""
    if _CHECKED_STAMP_FORM.fullmatch(value) is None:
        return False
    day = value[:10]
    real = _REAL_DAYS.get(day)
    if real is None:
        try:
            parse_utc_stamp(day + "T00:00:00.000Z")
        except ValueError:
            real = False
        else:
            real = True
        if len(_REAL_DAYS) < 100_000:
            _REAL_DAYS[day] = real
    return real


#: :data:`~rdvlog.models.UtcStamp`'s form with hours, minutes and seconds in range.
_CHECKED_STAMP_FORM = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]\.[0-9]{3}Z"
)
#: Whether each day seen is a real one (``2026-02-30`` is not).
_REAL_DAYS: dict[str, bool] = {}


#: The one form rdvlog writes ``at`` in (``Attempt``'s serialiser: seconds, an offset in whole
#: minutes), every field in a range both pydantic and the standard library accept.
_WRITTEN_AT = re.compile(
    r"[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
    r"T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9][+-](?:[01][0-9]|2[0-3]):[0-5][0-9]"
)


def written_at(text: str, *, shared: bool = True) -> dt.datetime | None:
    """``Attempt.at`` read from the form rdvlog writes, equal to what the model validates
    (same instant, offset and type); ``None`` for any other form: validate with the model.

    Reading a whole journal does this 100,000 times; the model's own path (pydantic's
    parser, then the model's ``_aware``, which is the identity here) costs ten
    times more. ``tests/test_codec_fast.py`` compares the two.
    """
    if _WRITTEN_AT.fullmatch(text) is None:
        return None
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:  # a day the month does not have
        return None
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        return None
    if not shared:  # only checked: its own ``dt.timezone`` will do
        return value
    # The instant in the one ``dt.timezone`` of its offset: the same wall time and offset.
    zone = _WRITTEN_ZONES.get(text[19:])
    if zone is None:
        offset = value.utcoffset()
        assert offset is not None  # the form has one
        zone = _WRITTEN_ZONES[text[19:]] = zone_of(offset)
    return value.astimezone(zone)


#: ``zone_of`` by the offset as written (``+01:00``): at most 48 × 60 × 2 of them.
_WRITTEN_ZONES: dict[str, dt.timezone] = {}
