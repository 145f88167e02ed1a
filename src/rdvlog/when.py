"""Parsing the times users type (--at, --since, --until) and the time zone in force."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rdvlog.errors import BadTime, UsageError

Clock = Callable[[], dt.datetime]

ACCEPTED_FORMS = (
    "2026-11-20T08:30, 2026-11-20 08:30, 2026-11-20, 20/11/2026 08:30, 20/11/2026 8h30, "
    "20/11/2026, 08:30, 8h30, today, yesterday 18:05, now"
)

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"
    r"(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?"
    r"(?P<tz>Z|[+-]\d{2}:\d{2})?)?",
    re.IGNORECASE,
)
_FRENCH = re.compile(
    r"(?P<d>\d{1,2})/(?P<mo>\d{1,2})/(?P<y>\d{4})"
    r"(?:\s+(?P<h>\d{1,2})(?::|h)(?P<mi>\d{2})?)?"
)
_TIME = re.compile(r"(?P<h>\d{1,2})(?::|h)(?P<mi>\d{2})?")
_RELATIVE_DAYS = {"today": 0, "yesterday": 1, "aujourd'hui": 0, "hier": 1}


def system_zone() -> dt.tzinfo:
    """The zone in force: ``RDVLOG_TZ`` (an IANA name) when set, else the system's.

    A named zone is preferred to the current offset, so that attempts made before a DST
    change keep their own offset.
    """
    name = os.environ.get("RDVLOG_TZ")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise UsageError(f'RDVLOG_TZ="{name}" is not a known time zone name') from None
    for candidate in _system_zone_names():
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    local = dt.datetime.now().astimezone().tzinfo
    assert local is not None
    return local


def _system_zone_names() -> list[str]:
    names = []
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz:
        names.append(tz)
    try:
        target = os.readlink("/etc/localtime")
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        names.append(target.split("zoneinfo/", 1)[1])
    try:
        with open("/etc/timezone", encoding="utf-8") as handle:
            names.append(handle.read().strip())
    except OSError:
        pass
    return names


def zone_name(zone: dt.tzinfo) -> str:
    """A name for the zone fit for a report header (``Europe/Paris``, else ``UTC+01:00``)."""
    key = getattr(zone, "key", None)
    if isinstance(key, str):
        return key
    offset = dt.datetime.now(zone).utcoffset() or dt.timedelta(0)
    return "UTC" + _offset(offset)


def _offset(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def parse_date(text: str, *, option: str) -> dt.date:
    """A calendar date (``2027-01-31`` or ``31/01/2027``), future allowed (an expiry date)."""
    value = text.strip()
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    parts = (match[1], match[2], match[3]) if match else None
    if parts is None and (french := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)):
        parts = (french[3], french[2], french[1])
    if parts is None:
        raise BadTime(f'{option} "{text}" is not a date; use 2027-01-31 or 31/01/2027')
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError as exc:
        raise BadTime(f'{option} "{text}": {exc}') from None


def system_clock() -> dt.datetime:
    """Now, as an aware datetime."""
    return dt.datetime.now(dt.timezone.utc)


def parse_when(
    text: str,
    *,
    zone: dt.tzinfo,
    now: dt.datetime,
    option: str = "--at",
    end_of_day: bool = False,
    need_time: bool = False,
) -> dt.datetime:
    """Read one of the accepted forms as an aware datetime in ``zone``.

    A date alone means its start (or its last second with ``end_of_day``, for ``--until``);
    with ``need_time`` (``--at``) it is refused rather than guessed. Future times are refused.
    """
    value = text.strip()
    local_now = now.astimezone(zone)
    try:
        moment = _parse(value.lower(), zone, local_now, end_of_day)
    except ValueError as exc:
        raise BadTime(f'{option} "{text}": {exc}') from None
    if moment is None:
        raise BadTime(f'{option} "{text}" is not a date or time; accepted forms: {ACCEPTED_FORMS}')
    if need_time and not _has_time(value.lower()):
        raise BadTime(f'{option} "{text}" has no time of day; add one, e.g. "{text} 08:30"')
    if moment > local_now and not (end_of_day and moment.date() <= local_now.date()):
        raise BadTime(f'{option} "{text}" is in the future (now is {_show(local_now)})')
    return moment


def _parse(value: str, zone: dt.tzinfo, now: dt.datetime, end_of_day: bool) -> dt.datetime | None:
    if value == "now":
        return now.replace(microsecond=0)
    word, _, rest = value.partition(" ")
    if word in _RELATIVE_DAYS:
        day = now.date() - dt.timedelta(days=_RELATIVE_DAYS[word])
        if not rest:
            return _day(day, zone, end_of_day)
        if match := _TIME.fullmatch(rest.strip()):
            return _localise(dt.datetime.combine(day, _clock(match)), zone)
        return None
    if match := _ISO.fullmatch(value):
        return _from_parts(match, zone, end_of_day)
    if match := _FRENCH.fullmatch(value):
        return _from_parts(match, zone, end_of_day)
    if match := _TIME.fullmatch(value):
        return _localise(dt.datetime.combine(now.date(), _clock(match)), zone)
    return None


def _clock(match: re.Match[str]) -> dt.time:
    return dt.time(int(match["h"]), int(match["mi"] or 0))


def _has_time(value: str) -> bool:
    word, _, rest = value.partition(" ")
    if value == "now" or _TIME.fullmatch(value) or (word in _RELATIVE_DAYS and rest):
        return True
    match = _ISO.fullmatch(value) or _FRENCH.fullmatch(value)
    return match is not None and match["h"] is not None


def _from_parts(match: re.Match[str], zone: dt.tzinfo, end_of_day: bool) -> dt.datetime:
    day = dt.date(int(match["y"]), int(match["mo"]), int(match["d"]))
    if match["h"] is None:
        return _day(day, zone, end_of_day)
    seconds = match.groupdict().get("s")
    clock = dt.time(int(match["h"]), int(match["mi"] or 0), int(seconds or 0))
    offset = match.groupdict().get("tz")
    if offset:
        given = dt.datetime.fromisoformat(f"{day.isoformat()}T{clock.isoformat()}")
        fixed = dt.timezone.utc if offset == "z" else _fixed(offset)
        return given.replace(tzinfo=fixed).astimezone(zone)
    return _localise(dt.datetime.combine(day, clock), zone)


def _fixed(offset: str) -> dt.timezone:
    sign = -1 if offset[0] == "-" else 1
    hours, minutes = int(offset[1:3]), int(offset[4:6])
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _day(day: dt.date, zone: dt.tzinfo, end_of_day: bool) -> dt.datetime:
    clock = dt.time(23, 59, 59) if end_of_day else dt.time(0, 0)
    return _localise(dt.datetime.combine(day, clock), zone)


def _localise(naive: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """Attach ``zone``; a wall time skipped by a DST change is refused, not shifted."""
    aware = naive.replace(tzinfo=zone)
    round_trip = aware.astimezone(dt.timezone.utc).astimezone(zone)
    if round_trip.replace(tzinfo=None) != naive:
        raise ValueError(f"{naive:%Y-%m-%d %H:%M} does not exist in this time zone (DST change)")
    first = aware.utcoffset() or dt.timedelta(0)
    if first != naive.replace(tzinfo=zone, fold=1).utcoffset():
        raise ValueError(
            f"{naive:%Y-%m-%d %H:%M} happens twice (DST change); "
            f"give the offset, e.g. {naive:%Y-%m-%dT%H:%M}{_offset(first)}"
        )
    return aware


def _show(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def rfc3339(moment: dt.datetime) -> str:
    """``2026-11-26T10:52:00+01:00``: seconds precision, with the offset in force."""
    return moment.isoformat(timespec="seconds")


def utc_stamp(moment: dt.datetime) -> str:
    """``2026-11-26T09:52:25.104Z``: the journal's ``recorded_at`` form."""
    utc = moment.astimezone(dt.timezone.utc)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"
