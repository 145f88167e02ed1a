"""Parsing the times users type (--at, --since, --until) and the time zone in force."""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
import unicodedata
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rdvlog.errors import BadTime, InEachLanguage, Phrase, UsageError
from rdvlog.timestamps import format_offset

#: Options that select attempts rather than date one: a future bound is a harmless filter.
FILTER_OPTIONS = frozenset({"--since", "--until"})
#: No attempt is dated before this: an earlier ``--at`` is a typo (issue #11: "1026" for
#: "2026" was stored with Paris' 1911 local mean time, +00:09:21, and poisoned the journal).
EARLIEST_DAY = dt.date(2000, 1, 1)
#: Filters beyond this are clamped to it; far-future dates overflow once localised.
LATEST_DAY = dt.date(2199, 12, 31)
#: ``--permit-expires`` is a calendar date; outside these years it is a typo.
DATE_YEARS = range(1900, 2201)

_AT_FORMS = (
    "2026-11-20T08:30, 2026-11-20 08:30, 20/11/2026 08:30, 20/11/2026 8h30, 20/11/26 8h30, "
    "20.11.2026 08:30, 08:30, 8h30, now, yesterday 18:05, today 9h, monday 09:00, "
    "maintenant, hier à 18h05, aujourd'hui 9h, lundi 9h"
)
_FILTER_FORMS = (
    "2026-11-20T08:30, 2026-11-20 08:30, 2026-11-20, 20/11/2026 08:30, 20/11/2026 8h30, "
    "20/11/2026, 20/11/26, 20.11.2026, 20-11-2026, 08:30, 8h30, now, today, yesterday, "
    "yesterday 18:05, monday, maintenant, aujourd'hui, hier, hier à 18h05, lundi"
)
#: Kept for callers of 0.1; ``accepted_forms(option)`` says what one option takes.
ACCEPTED_FORMS = _FILTER_FORMS

# Patterns as text, compiled by `re` on first use: `attempt add` without --at needs none of
# them, and compiling them all at import would cost it about 1 % of its start-up.
_STAMP = (
    r"(?a)(?P<y>[0-9]{4})-(?P<mo>[0-9]{1,2})-(?P<d>[0-9]{1,2})"
    r"[t ](?P<h>[0-9]{1,2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2}))?"
    r"(?P<tz>z|[+-][0-9]{2}:[0-9]{2})?"
)
_ISO_DAY = r"(?a)(?P<y>[0-9]{4})-(?P<mo>[0-9]{1,2})-(?P<d>[0-9]{1,2})"
_FRENCH_DAY = (
    r"(?a)(?P<d>[0-9]{1,2})(?P<sep>[/.-])(?P<mo>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4}|[0-9]{2})"
)
_TIME = r"(?a)(?P<h>[0-9]{1,2}) ?(?:h ?(?P<hm>[0-9]{2})?|:(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2}))?)"
_NOW = frozenset({"now", "maintenant"})
_DAYS_AGO = {"today": 0, "aujourd'hui": 0, "yesterday": 1, "hier": 1}
_WEEKDAYS = {
    name: index
    for names in (
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    )
    for index, name in enumerate(names)
}
_CONNECTORS = frozenset({"a", "at"})  # "hier à 18h05", "monday at 9:00"
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


class _Invalid(ValueError):
    """A typed date or time the calendar or the zone does not have, said in words."""

    def __init__(self, key: str, **values: object) -> None:
        self.phrase = Phrase(key, values)
        super().__init__(self.phrase.text("en"))


def _reason(exc: ValueError) -> Phrase:
    if isinstance(exc, _Invalid):
        return exc.phrase
    return Phrase("doing.as_given", {"text": str(exc)})


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
            raise UsageError(key="error.tz_unknown", name=name) from None
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
    return "UTC" + format_offset(offset)


#: The English words among the accepted forms: a French reader is shown the French ones.
_ENGLISH_FORMS = frozenset(
    ("now", "today", "yesterday", "yesterday 18:05", "today 9h", "monday", "monday 09:00")
)


def _in_french(forms: str) -> str:
    return ", ".join(form for form in forms.split(", ") if form not in _ENGLISH_FORMS)


def accepted_forms(option: str) -> str:
    """The forms ``option`` accepts, for its error message: ``--at`` needs a time of day."""
    return _FILTER_FORMS if option in FILTER_OPTIONS else _AT_FORMS


def parse_date(text: str, *, option: str) -> dt.date:
    """A calendar date (``2027-01-31``, ``31/01/2027``, ``31.01.27``), future allowed (an expiry).

    A year outside 1900–2200 is refused as a typo.
    """
    value = _plain(text)
    match = re.fullmatch(_ISO_DAY, value) or re.fullmatch(_FRENCH_DAY, value)
    if match is None:
        raise BadTime(key="error.when.not_a_date", option=option, shown=_shown(text))
    year = _year(match["y"])
    if year not in DATE_YEARS:
        raise BadTime(key="error.when.year", option=option, shown=_shown(text), year=year)
    try:
        return _calendar_day(year, int(match["mo"]), int(match["d"]))
    except ValueError as exc:
        raise BadTime(
            key="error.when.invalid", option=option, shown=_shown(text), reason=_reason(exc)
        ) from None


class _Typed(NamedTuple):  # not a dataclass: see errors.Phrase
    """What the user wrote, before it is checked against the calendar and the zone."""

    year: int
    month: int
    day: int
    clock: dt.time | None = None
    offset: dt.tzinfo | None = None


def parse_when(
    text: str,
    *,
    zone: dt.tzinfo,
    now: dt.datetime,
    option: str = "--at",
    end_of_day: bool = False,
    need_time: bool = False,
    allow_future: bool | None = None,
) -> dt.datetime:
    """Read one of the accepted forms as an aware datetime in ``zone``.

    A date alone means its start (or its last second with ``end_of_day``, for ``--until``);
    with ``need_time`` (``--at``) it is refused rather than guessed. With ``allow_future``
    (by default for ``--since`` and ``--until``) the time is a filter: the future is accepted
    and years beyond 2000–2199 are clamped to those bounds; otherwise the future and years
    before 2000 are refused. The offset of the result is always whole minutes.
    """
    is_filter = option in FILTER_OPTIONS if allow_future is None else allow_future
    local_now = now.astimezone(zone)
    shown = _shown(text)
    value = _plain(text)
    if value in _NOW:
        return local_now.replace(microsecond=0)
    try:
        typed = _read(value, local_now)
        if typed is None:
            raise BadTime(
                key="error.when.unknown_form",
                option=option,
                shown=shown,
                forms=InEachLanguage(
                    fr=_in_french(accepted_forms(option)), en=accepted_forms(option)
                ),
            )
        if need_time and typed.clock is None:
            raise BadTime(key="error.when.no_time", option=option, shown=shown)
        moment = _moment(typed, zone, end_of_day, is_filter, _what(option, shown), local_now)
    except ValueError as exc:
        raise BadTime(
            key="error.when.invalid", option=option, shown=shown, reason=_reason(exc)
        ) from None
    if (
        not is_filter
        and moment > local_now
        and not (end_of_day and moment.date() <= local_now.date())
    ):
        raise BadTime(key="error.when.future", what=_what(option, shown), now=_show(local_now))
    return moment


def _what(option: str, shown: str) -> InEachLanguage:
    """The option and what was typed, quoted as each language quotes."""
    return InEachLanguage(fr=f"{option} « {shown} »", en=f'{option} "{shown}"')


def _moment(
    typed: _Typed,
    zone: dt.tzinfo,
    end_of_day: bool,
    is_filter: bool,
    what: InEachLanguage,
    now: dt.datetime,
) -> dt.datetime:
    """The instant ``typed`` names in ``zone``, after the calendar and plausibility checks."""
    _check_day(typed)
    key = (typed.year, typed.month, typed.day)
    if key < (EARLIEST_DAY.year, EARLIEST_DAY.month, EARLIEST_DAY.day):
        if not is_filter:
            raise BadTime(key="error.when.before_2000", what=what)
        return _localise(dt.datetime.combine(EARLIEST_DAY, dt.time(0, 0)), zone)
    if key > (LATEST_DAY.year, LATEST_DAY.month, LATEST_DAY.day):
        if not is_filter:
            raise BadTime(key="error.when.future", what=what, now=_show(now))
        return _localise(dt.datetime.combine(LATEST_DAY, dt.time(23, 59, 59)), zone)
    day = dt.date(typed.year, typed.month, typed.day)
    if typed.clock is None:
        clock = dt.time(23, 59, 59) if end_of_day else dt.time(0, 0)
        return _localise(dt.datetime.combine(day, clock), zone)
    if typed.offset is not None:
        given = dt.datetime.combine(day, typed.clock, tzinfo=typed.offset)
        return _whole_minutes(given.astimezone(zone))
    return _localise(dt.datetime.combine(day, typed.clock), zone)


def _read(value: str, now: dt.datetime) -> _Typed | None:
    """The parts of one accepted form, or ``None`` when ``value`` is none of them."""
    if stamp := re.fullmatch(_STAMP, value):
        return _Typed(
            _year(stamp["y"]),
            int(stamp["mo"]),
            int(stamp["d"]),
            _clock_of(stamp["h"], stamp["mi"], stamp["s"]),
            _fixed(stamp["tz"]) if stamp["tz"] else None,
        )
    if time := re.fullmatch(_TIME, value):
        return _on(now.date(), _clock(time))
    first, _, rest = value.partition(" ")
    words = rest.split(" ", 1)
    if words[0] in _CONNECTORS and len(words) > 1:
        rest = words[1]
    clock = None
    if rest:
        time = re.fullmatch(_TIME, rest)
        if time is None:
            return None
        clock = _clock(time)
    if first in _DAYS_AGO:
        return _on(now.date() - dt.timedelta(days=_DAYS_AGO[first]), clock)
    if first in _WEEKDAYS:
        return _on(_last_weekday(_WEEKDAYS[first], clock, now), clock)
    day = re.fullmatch(_ISO_DAY, first) or re.fullmatch(_FRENCH_DAY, first)
    if day is None:
        return None
    return _Typed(_year(day["y"]), int(day["mo"]), int(day["d"]), clock)


def _on(day: dt.date, clock: dt.time | None) -> _Typed:
    return _Typed(day.year, day.month, day.day, clock)


def _last_weekday(weekday: int, clock: dt.time | None, now: dt.datetime) -> dt.date:
    """The most recent such day: today when the time is not yet to come, never a future day."""
    back = (now.weekday() - weekday) % 7
    if back == 0 and clock is not None and clock > now.time().replace(tzinfo=None):
        back = 7
    return now.date() - dt.timedelta(days=back)


def _year(digits: str) -> int:
    # "26" is 2026: nobody records an attempt of 1926.
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _clock(match: re.Match[str]) -> dt.time:
    return _clock_of(match["h"], match["hm"] or match["mi"], match["s"])


def _clock_of(hours: str, minutes: str | None, seconds: str | None) -> dt.time:
    h, m, s = int(hours), int(minutes or 0), int(seconds or 0)
    if h > 23 or m > 59 or s > 59:
        raise _Invalid("error.when.not_a_clock", clock=f"{h:02d}:{m:02d}")
    return dt.time(h, m, s)


def _check_day(typed: _Typed) -> None:
    """Refuse, in words, a day the calendar does not have (not Python's "out of range")."""
    _calendar_day(min(max(typed.year, 1), 9999), typed.month, typed.day)


def _calendar_day(year: int, month: int, day: int) -> dt.date:
    if not 1 <= month <= 12:
        raise _Invalid("error.when.no_month", month=month)
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        key = "error.when.no_leap_day" if (month, day) == (2, 29) else "error.when.no_such_day"
        raise _Invalid(key, day=day, month=Phrase(f"when.month.{month}"), year=year)
    return dt.date(year, month, day)


def _fixed(offset: str) -> dt.tzinfo:
    if offset == "z":
        return dt.timezone.utc
    sign = -1 if offset[0] == "-" else 1
    hours, minutes = int(offset[1:3]), int(offset[4:6])
    if hours > 14 or minutes > 59:
        raise _Invalid("error.when.no_offset", offset=offset)
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _localise(naive: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """Attach ``zone``; a wall time skipped by a DST change is refused, not shifted."""
    aware = naive.replace(tzinfo=zone)
    round_trip = aware.astimezone(dt.timezone.utc).astimezone(zone)
    if round_trip.replace(tzinfo=None) != naive:
        raise _Invalid("error.when.dst_gap", wall=f"{naive:%Y-%m-%d %H:%M}")
    first = aware.utcoffset() or dt.timedelta(0)
    if first != naive.replace(tzinfo=zone, fold=1).utcoffset():
        raise _Invalid(
            "error.when.dst_fold",
            wall=f"{naive:%Y-%m-%d %H:%M}",
            example=f"{naive:%Y-%m-%dT%H:%M}{format_offset(first)}",
        )
    return _whole_minutes(aware)


def _whole_minutes(moment: dt.datetime) -> dt.datetime:
    # The journal stores offsets as ±hh:mm; a zone's local mean time (+00:09:21) cannot be.
    offset = moment.utcoffset() or dt.timedelta(0)
    if offset.seconds % 60 or offset.microseconds:
        raise _Invalid("error.when.odd_offset", offset=offset)
    return moment


def _plain(text: str) -> str:
    """Lower case, no accents, one apostrophe, single spaces: "Hier  À 9H" → "hier a 9h"."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_APOSTROPHES))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    plain = plain.replace(",", " ")
    if "aujourd" in plain:
        plain = re.sub(r"aujourd ?'? ?hui", "aujourd'hui", plain)
    return " ".join(plain.split())


def _shown(text: str) -> str:
    """The user's text on one line, for an error message."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def _show(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")
