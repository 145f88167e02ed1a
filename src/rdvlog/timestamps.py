"""The time forms the store writes and reads: ``recorded_at``, RFC 3339, UTC offsets, the clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

#: What tells the time; tests inject a fixed one.
Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    """Now, as an aware datetime."""
    return dt.datetime.now(dt.timezone.utc)


def utc_stamp(moment: dt.datetime) -> str:
    """``2026-11-26T09:52:25.104Z``: the journal's ``recorded_at`` form."""
    utc = moment.astimezone(dt.timezone.utc)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def parse_utc_stamp(text: str) -> dt.datetime:
    """The instant of a ``recorded_at`` stamp (``ValueError`` when it is not one)."""
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def rfc3339(moment: dt.datetime) -> str:
    """``2026-11-26T10:52:00+01:00``: seconds precision, with the offset in force."""
    return moment.isoformat(timespec="seconds")


def format_offset(delta: dt.timedelta) -> str:
    """A UTC offset as ``+01:00`` (whole minutes)."""
    minutes = int(delta.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"
