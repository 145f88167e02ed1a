"""Properties of the time parser over any text, any zone and every accepted form."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from rdvlog.errors import UsageError
from rdvlog.when import parse_when

PARIS = ZoneInfo("Europe/Paris")
NOW = dt.datetime(2026, 11, 26, 10, 0, 30, tzinfo=PARIS)
ZONES = sorted(zoneinfo.available_timezones())
SETTINGS = settings(derandomize=True, max_examples=300, deadline=None)

pieces = st.sampled_from(
    ["20", "/", ".", "-", "11", "2026", "26", "1026", "9999", "0001", " ", "h", ":", "30", "8",
     "T", "Z", "+01:00", "hier", "à", "lundi", "today", "aujourd\u2019hui", "maintenant", "31",
     "29", "02", "25", "\u200b", "é", "at", "monday"]
)  # fmt: skip
texts = st.one_of(st.text(max_size=30), st.lists(pieces, max_size=8).map("".join))


def whole_minutes(moment: dt.datetime) -> bool:
    offset = moment.utcoffset()
    return offset is not None and offset.seconds % 60 == 0 and offset.microseconds == 0


@SETTINGS
@given(
    text=texts, zone=st.sampled_from(ZONES), option=st.sampled_from(["--at", "--since", "--until"])
)
def test_any_text_is_a_sound_time_or_a_usage_error(text: str, zone: str, option: str) -> None:
    try:
        moment = parse_when(
            text, zone=ZoneInfo(zone), now=NOW, option=option, end_of_day=option == "--until"
        )
    except UsageError:
        return
    assert moment.tzinfo is not None and whole_minutes(moment)
    assert 2000 <= moment.year <= 2199
    if option == "--at":
        assert moment <= NOW


def forms(moment: dt.datetime) -> list[str]:
    d, m, y, h, mi = moment.day, moment.month, moment.year, moment.hour, moment.minute
    # A two-digit year means 20xx, so that form reads back only this century.
    short = [f"{d}/{m}/{y % 100:02d} {h}h{mi:02d}"] if y < 2100 else []
    return [
        *short,
        f"{y}-{m:02d}-{d:02d}T{h:02d}:{mi:02d}",
        f"{y}-{m:02d}-{d:02d} {h:02d}:{mi:02d}",
        f"{d:02d}/{m:02d}/{y} {h:02d}:{mi:02d}",
        f"{d}/{m}/{y} {h}h{mi:02d}",
        f"{d:02d}.{m:02d}.{y} {h:02d}:{mi:02d}",
        f"{d:02d}-{m:02d}-{y} à {h} h {mi:02d}",
        f"{d}/{m}/{y} at {h:02d}H{mi:02d}",
    ]


@SETTINGS
@given(
    zone=st.sampled_from(ZONES),
    naive=st.datetimes(min_value=dt.datetime(2000, 1, 2), max_value=dt.datetime(2199, 12, 30)),
)
def test_every_form_reads_back_the_same_instant_or_refuses_a_dst_time(
    zone: str, naive: dt.datetime
) -> None:
    here = ZoneInfo(zone)
    wall = naive.replace(second=0, microsecond=0)
    for text in forms(wall):
        try:
            moment = parse_when(text, zone=here, now=NOW, allow_future=True, need_time=True)
        except UsageError as refused:
            assert "DST change" in refused.message or "offset then" in refused.message, text
            continue
        assert moment.replace(tzinfo=None) == wall, text
        assert whole_minutes(moment)


@SETTINGS
@given(
    zone=st.sampled_from(ZONES),
    now=st.datetimes(
        min_value=dt.datetime(2001, 1, 1),
        max_value=dt.datetime(2190, 1, 1),
        timezones=st.just(dt.timezone.utc),
    ),
    text=st.sampled_from(
        [
            "now",
            "maintenant",
            "8h",
            "23:59",
            "hier 23h59",
            "aujourd'hui 0h",
            "lundi 9h",
            "dimanche à 23h59",
            "friday 12:00",
            "jeudi",
            "today",
            "2030-01-01 08:00",
            "31/12/99 8h",
        ]
    ),
)
def test_at_is_never_in_the_future_of_the_injected_clock(
    zone: str, now: dt.datetime, text: str
) -> None:
    try:
        moment = parse_when(text, zone=ZoneInfo(zone), now=now)
    except UsageError:
        return
    assert moment <= now
    assert whole_minutes(moment)
