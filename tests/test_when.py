"""The one time parser: every accepted form, and the refusals."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from rdvlog.errors import BadTime, UsageError
from rdvlog.timestamps import rfc3339, utc_stamp
from rdvlog.when import accepted_forms, parse_date, parse_when, system_zone

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
        ("maintenant", "2026-11-26T10:00:30+01:00"),
        ("hier à 18h05", "2026-11-25T18:05:00+01:00"),
        ("HIER A 18H05", "2026-11-25T18:05:00+01:00"),
        ("aujourd'hui 9h", "2026-11-26T09:00:00+01:00"),
        ("aujourd’hui", "2026-11-26T00:00:00+01:00"),
        ("Aujourdhui  à  9 h", "2026-11-26T09:00:00+01:00"),
        ("20/11/26 8h30", "2026-11-20T08:30:00+01:00"),
        ("20.11.2026 08:30", "2026-11-20T08:30:00+01:00"),
        ("20-11-2026", "2026-11-20T00:00:00+01:00"),
        ("2026-11-20 8h30", "2026-11-20T08:30:00+01:00"),
        ("20/11/2026 à 8 h 30", "2026-11-20T08:30:00+01:00"),
        ("8h", "2026-11-26T08:00:00+01:00"),
        ("8 h 30", "2026-11-26T08:30:00+01:00"),
        ("09H05", "2026-11-26T09:05:00+01:00"),
        # NOW is Thursday 26 November 2026, 10:00.
        ("lundi 9h", "2026-11-23T09:00:00+01:00"),
        ("Monday 09:00", "2026-11-23T09:00:00+01:00"),
        ("monday at 9:00", "2026-11-23T09:00:00+01:00"),
        ("jeudi à 9h", "2026-11-26T09:00:00+01:00"),
        ("jeudi 11h", "2026-11-19T11:00:00+01:00"),
        ("thursday", "2026-11-26T00:00:00+01:00"),
        ("vendredi", "2026-11-20T00:00:00+01:00"),
        ("mercredi 18H05", "2026-11-25T18:05:00+01:00"),
        ("DIMANCHE à 23h59", "2026-11-22T23:59:00+01:00"),
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
        "20-11-2026 08:30 pm",
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
        parse_when("mardi gras", zone=PARIS, now=NOW)


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


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/11/2026 08:30", '--at "31/11/2026 08:30": 31 November 2026 does not exist'),
        (
            "29/02/2027 08:30",
            '--at "29/02/2027 08:30": 29 February 2027 does not exist (2027 is not a leap year)',
        ),
        (
            "2026-13-01 08:30",
            '--at "2026-13-01 08:30": there is no month 13; months go from 1 to 12',
        ),
        ("25:00", '--at "25:00": 25:00 is not a time of day (hours 0-23, minutes 0-59)'),
        ("hier 8h61", '--at "hier 8h61": 08:61 is not a time of day (hours 0-23, minutes 0-59)'),
        (
            "2026-11-20T08:30+25:00",
            '--at "2026-11-20T08:30+25:00": the UTC offset +25:00 does not exist',
        ),
    ],
)
def test_impossible_dates_are_refused_in_words(text: str, message: str) -> None:
    with pytest.raises(BadTime) as caught:
        parse_when(text, zone=PARIS, now=NOW, need_time=True)
    assert caught.value.message == message
    assert "out of range" not in caught.value.message


def test_at_before_2000_is_a_typo_not_local_mean_time() -> None:
    # Issue #11: "1026" was stored as 1026-11-20T08:30:00+00:09:21 and poisoned the journal.
    with pytest.raises(BadTime, match=r'--at "20/11/1026 08:30" is before the year 2000; check'):
        parse_when("20/11/1026 08:30", zone=PARIS, now=NOW, need_time=True)
    with pytest.raises(BadTime, match="in the future"):
        parse_when("9999-12-31 08:00", zone=ZoneInfo("America/New_York"), now=NOW)


@pytest.mark.parametrize("zone", ["America/New_York", "Asia/Tokyo", "Pacific/Kiritimati", "UTC"])
def test_since_and_until_clamp_wide_years_without_overflow(zone: str) -> None:
    here = ZoneInfo(zone)
    since = parse_when("0001-01-01", zone=here, now=NOW, option="--since")
    until = parse_when("9999-12-31", zone=here, now=NOW, option="--until", end_of_day=True)
    assert since.replace(tzinfo=None) == dt.datetime(2000, 1, 1)
    assert until.replace(tzinfo=None) == dt.datetime(2199, 12, 31, 23, 59, 59)
    for moment in (since, until):
        assert (moment.utcoffset() or dt.timedelta(0)).seconds % 60 == 0


def test_since_and_until_in_the_future_are_harmless_filters() -> None:
    assert at_filter("--since", "2027-01-01") == "2027-01-01T00:00:00+01:00"
    assert at_filter("--until", "27/11/2026 08:00") == "2026-11-27T08:00:00+01:00"
    # an explicit allow_future=False brings the refusal back, for any option name
    with pytest.raises(BadTime, match="in the future"):
        parse_when("2027-01-01", zone=PARIS, now=NOW, option="--until", allow_future=False)
    assert parse_when("2027-01-01", zone=PARIS, now=NOW, allow_future=True).year == 2027


def at_filter(option: str, text: str) -> str:
    return rfc3339(parse_when(text, zone=PARIS, now=NOW, option=option))


def test_accepted_forms_match_what_each_option_takes() -> None:
    assert "20/11/2026," not in accepted_forms("--at")
    assert "20/11/2026," in accepted_forms("--since")
    for form in accepted_forms("--at").split(", "):
        parse_when(form.replace("2026-11-20", "2026-11-20"), zone=PARIS, now=NOW, need_time=True,
                   allow_future=True)  # fmt: skip
    for form in accepted_forms("--since").split(", "):
        parse_when(form, zone=PARIS, now=NOW, option="--since")
    with pytest.raises(BadTime, match="accepted forms: " + re.escape(accepted_forms("--at"))):
        parse_when("demain", zone=PARIS, now=NOW)


def test_typed_weekday_is_never_a_future_day() -> None:
    for name in ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"):
        moment = parse_when(f"{name} 23h59", zone=PARIS, now=NOW)
        assert NOW - dt.timedelta(days=7) < moment <= NOW


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-01-31", dt.date(2027, 1, 31)),
        ("31/01/2027", dt.date(2027, 1, 31)),
        ("31.01.2027", dt.date(2027, 1, 31)),
        ("31/01/27", dt.date(2027, 1, 31)),
        ("31-01-2027", dt.date(2027, 1, 31)),
    ],
)
def test_permit_expiry_dates(text: str, expected: dt.date) -> None:
    assert parse_date(text, option="--permit-expires") == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/11/2027", "31 November 2027 does not exist"),
        ("1026-11-20", "the year 1026 is not plausible"),
        ("2250-01-01", "the year 2250 is not plausible"),
        ("demain", "is not a date; use 2027-01-31 or 31/01/2027"),
    ],
)
def test_permit_expiry_refusals_are_in_words(text: str, message: str) -> None:
    with pytest.raises(BadTime, match=re.escape(message)):
        parse_date(text, option="--permit-expires")
