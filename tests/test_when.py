"""The one time parser: every accepted form, and the refusals."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from rdvlog.errors import BadTime, UsageError
from rdvlog.when import parse_when, rfc3339, system_zone, utc_stamp

PARIS = ZoneInfo("Europe/Paris")
NOW = dt.datetime(2026, 11, 26, 10, 0, 30, tzinfo=PARIS)


def at(text: str, **kwargs: bool) -> str:
    return rfc3339(parse_when(text, zone=PARIS, now=NOW, **kwargs))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20T08:30", "2026-11-20T08:30:00+01:00"),
        ("2026-11-20t08:30", "2026-11-20T08:30:00+01:00"),
        ("2026-11-20 08:30", "2026-11-20T08:30:00+01:00"),
        ("2026-11-20 08:30:15", "2026-11-20T08:30:15+01:00"),
        ("2026-11-20T07:30Z", "2026-11-20T08:30:00+01:00"),
        ("2026-11-20T08:30+01:00", "2026-11-20T08:30:00+01:00"),
        ("2026-07-14T08:30", "2026-07-14T08:30:00+02:00"),
        ("2026-11-20", "2026-11-20T00:00:00+01:00"),
        ("20/11/2026 08:30", "2026-11-20T08:30:00+01:00"),
        ("20/11/2026 8h30", "2026-11-20T08:30:00+01:00"),
        ("20/11/2026 8h", "2026-11-20T08:00:00+01:00"),
        ("5/1/2026 14:05", "2026-01-05T14:05:00+01:00"),
        ("20/11/2026", "2026-11-20T00:00:00+01:00"),
        ("08:30", "2026-11-26T08:30:00+01:00"),
        ("8h30", "2026-11-26T08:30:00+01:00"),
        ("today", "2026-11-26T00:00:00+01:00"),
        ("yesterday", "2026-11-25T00:00:00+01:00"),
        ("yesterday 18:05", "2026-11-25T18:05:00+01:00"),
        ("hier 18h05", "2026-11-25T18:05:00+01:00"),
        ("now", "2026-11-26T10:00:30+01:00"),
        ("  NOW ", "2026-11-26T10:00:30+01:00"),
    ],
)
def test_accepted_forms(text: str, expected: str) -> None:
    assert at(text) == expected


def test_until_a_date_means_its_last_second_even_today() -> None:
    assert at("2026-11-20", end_of_day=True) == "2026-11-20T23:59:59+01:00"
    assert at("today", end_of_day=True) == "2026-11-26T23:59:59+01:00"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "tomorrow",
        "2026-13-01",
        "2026-02-30",
        "31/04/2026",
        "2026/11/20",
        "11/20/2026 08:30 PM",
        "25:00",
        "08:61",
        "20-11-2026",
        "1700000000",
        "2026-11-20T08:30:00.5",
        "last week",
    ],
)
def test_wrong_inputs_are_refused_with_the_accepted_forms(text: str) -> None:
    with pytest.raises(BadTime) as caught:
        parse_when(text, zone=PARIS, now=NOW)
    assert caught.value.exit_code == 2
    assert text.strip() in caught.value.message or "accepted forms" in caught.value.message


def test_unknown_text_lists_the_accepted_forms() -> None:
    with pytest.raises(BadTime, match="accepted forms: 2026-11-20T08:30"):
        parse_when("mardi", zone=PARIS, now=NOW)


@pytest.mark.parametrize("text", ["10:01", "2026-11-27", "27/11/2026 08:00", "2027-01-01T00:00Z"])
def test_future_times_are_refused(text: str) -> None:
    with pytest.raises(BadTime, match="in the future"):
        parse_when(text, zone=PARIS, now=NOW)


def test_at_refuses_a_date_without_time_instead_of_guessing_midnight() -> None:
    with pytest.raises(BadTime, match="no time of day"):
        parse_when("2026-11-20", zone=PARIS, now=NOW, need_time=True)
    with pytest.raises(BadTime, match="no time of day"):
        parse_when("yesterday", zone=PARIS, now=NOW, need_time=True)
    assert parse_when("yesterday 9h", zone=PARIS, now=NOW, need_time=True).hour == 9


def test_a_wall_time_skipped_by_dst_is_refused() -> None:
    with pytest.raises(BadTime, match="does not exist"):
        parse_when("2026-03-29 02:30", zone=PARIS, now=NOW)


def test_a_wall_time_repeated_by_dst_asks_for_the_offset() -> None:
    with pytest.raises(BadTime, match=r"happens twice.*2026-10-25T02:30\+02:00"):
        parse_when("2026-10-25 02:30", zone=PARIS, now=NOW)
    assert at("2026-10-25T02:30+01:00") == "2026-10-25T02:30:00+01:00"


def test_rdvlog_tz_overrides_the_system_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RDVLOG_TZ", "America/Cayenne")
    assert str(system_zone()) == "America/Cayenne"
    monkeypatch.setenv("RDVLOG_TZ", "Mars/Olympus")
    with pytest.raises(UsageError, match="Mars/Olympus"):
        system_zone()


def test_utc_stamp_has_milliseconds_and_z() -> None:
    moment = dt.datetime(2026, 11, 26, 10, 52, 25, 104_999, tzinfo=PARIS)
    assert utc_stamp(moment) == "2026-11-26T09:52:25.104Z"
