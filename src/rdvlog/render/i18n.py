"""How dates, numbers, sizes and codes read in French and English (labels: :mod:`rdvlog.labels`)."""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from rdvlog.labels import count as count
from rdvlog.labels import label_keys as label_keys
from rdvlog.labels import t as t
from rdvlog.models import Channel, Lang, Outcome
from rdvlog.timestamps import format_offset

if TYPE_CHECKING:
    from rdvlog.report import ClockBack

_WEEKDAYS_SHORT = {
    "fr": ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_WEEKDAYS = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}

#: Marks a late entry in the chronological table; the legend under the table explains it.
LATE_MARK = "†"


def plural(lang: Lang, key: str, n: int) -> str:
    """``key.one`` or ``key.other`` by the language's rule (French: 0 and 1 are singular)."""
    one = n in (0, 1) if lang == "fr" else n == 1
    return t(lang, f"{key}.{'one' if one else 'other'}", n=number(lang, n))


def number(lang: Lang, n: int) -> str:
    """An integer with thousands grouped: ``12 345`` (no-break space) or ``12,345``."""
    grouped = f"{n:,}"
    return grouped.replace(",", "\u00a0") if lang == "fr" else grouped


def outcome(lang: Lang, value: Outcome) -> str:
    return t(lang, f"outcome.{value.value}")


def channel(lang: Lang, value: Channel) -> str:
    return t(lang, f"channel.{value.value}")


def weekday(lang: Lang, index: int, *, short: bool = False) -> str:
    """Weekday name, Monday = 0."""
    return (_WEEKDAYS_SHORT if short else _WEEKDAYS)[lang][index]


def plain_date(lang: Lang, day: dt.date) -> str:
    """``05/10/2026`` or ``2026-10-05`` (what a spreadsheet in that language reads as a date)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if lang == "fr" else day.isoformat()


@functools.lru_cache(maxsize=1024)  # a report names the same few hundred days again and again
def date(lang: Lang, day: dt.date) -> str:
    """``lun. 05/10/2026`` or ``Mon 2026-10-05``."""
    return f"{weekday(lang, day.weekday(), short=True)} {plain_date(lang, day)}"


def offset(moment: dt.datetime) -> str:
    """The UTC offset of an aware datetime: ``+01:00``."""
    return format_offset(moment.utcoffset() or dt.timedelta())


#: ``00:00`` to ``23:59``, by minute of the day: written once, read for every row.
_CLOCKS = tuple(f"{hour:02d}:{minute:02d}" for hour in range(24) for minute in range(60))


def clock(moment: dt.datetime) -> str:
    """``08:02``: hours and minutes, as every spreadsheet reads them."""
    return _CLOCKS[moment.hour * 60 + moment.minute]


def time(moment: dt.datetime) -> str:
    """``08:02``; when the wall time occurs twice (the night clocks go back), the offset too."""
    text = clock(moment)
    if moment.replace(fold=1 - moment.fold).utcoffset() != moment.utcoffset():
        text += f" (UTC{offset(moment)})"
    return text


def steady_day(day: dt.date, zone: dt.tzinfo) -> bool:
    """Whether ``zone`` keeps one UTC offset through ``day``: then every time of the day occurs
    once, and :func:`time` writes it as :func:`clock` does. A clock change shows as offsets
    that differ between the day's two ends or between the two readings of either end (no
    zone changes its clock twice within a day)."""
    start = dt.datetime.combine(day, dt.time(), zone)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), zone)
    ends = (start, start.replace(fold=1), end, end.replace(fold=1))
    return len({moment.utcoffset() for moment in ends}) == 1


def date_time(lang: Lang, moment: dt.datetime) -> str:
    """``lun. 05/10/2026 08:02`` or ``Mon 2026-10-05 08:02``."""
    return f"{date(lang, moment.date())} {time(moment)}"


def clock_back(lang: Lang, back: ClockBack, zone: dt.tzinfo) -> str:
    """The sentence saying that entry ``back.line`` was recorded before the one above it
    (times to the second: a clock set back by a minute matters too)."""

    def stamp(moment: dt.datetime) -> str:
        local = moment.astimezone(zone)
        return f"{date(lang, local.date())} {local:%H:%M:%S}"

    return t(
        lang,
        "integrity.backwards_item",
        line=back.line,
        recorded=stamp(back.recorded_at),
        previous=stamp(back.previous),
    )


def size(lang: Lang, n: int) -> str:
    """The exact size in bytes: a file's size is part of its identity."""
    return plural(lang, "bytes", n)


def duration(lang: Lang, length: dt.timedelta) -> str:
    """``4 jours 3 h 12 min``; seconds are dropped."""
    minutes = int(length.total_seconds()) // 60
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [plural(lang, "days", days)] if days else []
    if hours:
        parts.append(t(lang, "hours", n=hours))
    if minutes or not parts:
        parts.append(t(lang, "minutes", n=minutes))
    return " ".join(parts)
