"""Statistics of a selection of attempts: counts, ISO weeks, gaps, in the report's time zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from rdvlog.history import AttemptRecord
from rdvlog.models import Channel, Outcome
from rdvlog.stats import HOUR_BANDS, WeekCount, chronological, summarize, weekly_series

from report_fixture import PARIS, UTC, make_record


def paris(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, *, fold: int = 0
) -> dt.datetime:
    """A wall time in Paris (``fold=1`` picks the second of a repeated hour)."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=PARIS, fold=fold)


def records_at(*moments: dt.datetime) -> list[AttemptRecord]:
    return [make_record(moment, seq) for seq, moment in enumerate(moments, start=2)]


def test_empty_selection_counts_nothing_and_spans_no_week() -> None:
    summary = summarize([], PARIS)
    assert summary.count == 0
    assert summary.distinct_days == 0
    assert summary.weeks == ()
    assert summary.first is None and summary.last is None
    assert summary.longest_gap is None
    assert summary.weekly == ()
    assert summary.booked is None
    assert summary.written == ()
    assert set(summary.by_outcome.values()) == {0}
    assert summary.by_weekday == (0,) * 7
    assert summary.too_few_weeks


def test_single_attempt_is_one_day_one_week_and_has_no_gap() -> None:
    moment = paris(2026, 10, 7, 9, 15)
    summary = summarize(records_at(moment), PARIS)
    assert summary.count == 1
    assert summary.distinct_days == 1
    assert summary.weeks == ((2026, 41),)
    assert summary.first == summary.last == moment
    assert summary.longest_gap is None
    assert summary.weekly == (WeekCount(2026, 41, dt.date(2026, 10, 5), 1),)
    assert summary.by_weekday == (0, 0, 1, 0, 0, 0, 0)
    assert summary.by_hour_band["morning"] == 1
    assert summary.too_few_weeks


def test_iso_weeks_follow_the_iso_year_across_new_year() -> None:
    # Sunday 28 Dec 2025 ends 2025-W52; Monday 29 Dec 2025 already starts 2026-W01.
    summary = summarize(
        records_at(paris(2025, 12, 28, 10), paris(2025, 12, 29, 10), paris(2026, 1, 12, 10)),
        PARIS,
    )
    assert summary.weeks == ((2025, 52), (2026, 1), (2026, 3))
    assert [(w.year, w.week, w.count) for w in summary.weekly] == [
        (2025, 52, 1),
        (2026, 1, 1),
        (2026, 2, 0),
        (2026, 3, 1),
    ]
    assert not summary.too_few_weeks


def test_a_53_week_year_runs_into_week_1_without_a_hole() -> None:
    # 2026 has 53 ISO weeks; Sunday 3 Jan 2027 is still 2026-W53.
    summary = summarize(records_at(paris(2026, 12, 31, 8), paris(2027, 1, 3, 8)), PARIS)
    assert summary.weeks == ((2026, 53),)
    series = weekly_series({(2026, 52): 1, (2027, 1): 2})
    assert [(w.year, w.week, w.monday, w.count) for w in series] == [
        (2026, 52, dt.date(2026, 12, 21), 1),
        (2026, 53, dt.date(2026, 12, 28), 0),
        (2027, 1, dt.date(2027, 1, 4), 2),
    ]


def test_days_weeks_and_hours_are_those_of_the_given_zone() -> None:
    # Sunday 22:30 UTC is Monday 00:30 in Paris (summer time): another day and ISO week.
    record = make_record(dt.datetime(2026, 10, 11, 22, 30, tzinfo=UTC))
    in_utc = summarize([record], ZoneInfo("UTC"))
    in_paris = summarize([record], PARIS)
    assert in_utc.weeks == ((2026, 41),)
    assert in_utc.by_hour_band["evening"] == 1
    assert in_utc.by_weekday[6] == 1
    assert in_paris.weeks == ((2026, 42),)
    assert in_paris.by_hour_band["night"] == 1
    assert in_paris.by_weekday[0] == 1
    assert in_paris.first == dt.datetime(2026, 10, 12, 0, 30, tzinfo=PARIS)


def test_gap_across_the_autumn_dst_change_is_real_elapsed_time() -> None:
    # 01:30 CEST then 02:30 CET (the second 02:30 of the night): two hours, not one.
    summary = summarize(
        records_at(paris(2026, 10, 25, 1, 30), paris(2026, 10, 25, 2, 30, fold=1)), PARIS
    )
    assert summary.longest_gap is not None
    assert summary.longest_gap.length == dt.timedelta(hours=2)
    assert summary.distinct_days == 1
    assert summary.by_hour_band["night"] == 2


def test_gap_across_the_spring_dst_change_is_real_elapsed_time() -> None:
    # 01:30 CET then 03:30 CEST: the clocks skipped 02:00-03:00, one hour passed.
    summary = summarize(records_at(paris(2026, 3, 29, 1, 30), paris(2026, 3, 29, 3, 30)), PARIS)
    assert summary.longest_gap is not None
    assert summary.longest_gap.length == dt.timedelta(hours=1)


def test_order_is_by_instant_even_when_wall_times_repeat() -> None:
    # 02:45 CEST (00:45 UTC) came before 02:15 CET (01:15 UTC).
    early, late = paris(2026, 10, 25, 2, 45), paris(2026, 10, 25, 2, 15, fold=1)
    ordered = chronological(records_at(late, early))
    utc = dt.timezone.utc
    # PEP 495: an ambiguous wall time never compares equal across zones, so compare in UTC.
    assert [r.attempt.at.astimezone(utc) for r in ordered] == [
        early.astimezone(utc),
        late.astimezone(utc),
    ]
    first = summarize(records_at(late, early), PARIS).first
    assert first is not None and first.astimezone(utc) == early.astimezone(utc)


def test_voided_attempts_are_left_out_of_every_count() -> None:
    kept = make_record(paris(2026, 10, 5, 9), 2)
    voided = [
        make_record(paris(2026, 10, 20, 9), 3, outcome=Outcome.BOOKED, void="wrong date"),
        make_record(paris(2026, 11, 2, 9), 4, channel=Channel.LETTER, void="duplicate"),
    ]
    summary = summarize([kept, *voided], PARIS)
    assert summary.count == 1
    assert summary.voided == 2
    assert summary.distinct_days == 1
    assert summary.weeks == ((2026, 41),)
    assert summary.last == kept.attempt.at
    assert summary.booked is None
    assert summary.written == ()
    assert summary.by_outcome[Outcome.BOOKED] == 0
    assert summary.by_channel[Channel.LETTER] == 0


def test_hour_bands_split_at_six_noon_and_six_pm() -> None:
    hours = [(0, 0), (5, 59), (6, 0), (11, 59), (12, 0), (17, 59), (18, 0), (23, 59)]
    summary = summarize(records_at(*(paris(2026, 10, 5, h, m) for h, m in hours)), PARIS)
    assert list(summary.by_hour_band) == list(HOUR_BANDS)
    assert dict(summary.by_hour_band) == {"night": 2, "morning": 2, "afternoon": 2, "evening": 2}


def test_counts_by_outcome_channel_and_weekday_list_every_key() -> None:
    records = [
        make_record(paris(2026, 10, 5, 9), 2),
        make_record(paris(2026, 10, 6, 9), 3, outcome=Outcome.SITE_ERROR),
        make_record(paris(2026, 10, 11, 9), 4, channel=Channel.PHONE, outcome=Outcome.NO_ANSWER),
    ]
    summary = summarize(records, PARIS)
    assert list(summary.by_outcome) == list(Outcome)
    assert list(summary.by_channel) == list(Channel)
    assert summary.by_outcome[Outcome.NO_SLOT] == 1
    assert summary.by_outcome[Outcome.SITE_ERROR] == 1
    assert summary.by_outcome[Outcome.NO_ANSWER] == 1
    assert summary.by_channel[Channel.WEB] == 2
    assert summary.by_channel[Channel.PHONE] == 1
    assert summary.by_weekday == (1, 1, 0, 0, 0, 0, 1)


def test_longest_gap_names_both_ends_and_keeps_the_first_of_equal_gaps() -> None:
    moments = [paris(2026, 10, 5, 9), paris(2026, 10, 8, 9), paris(2026, 10, 11, 9)]
    gap = summarize(records_at(*moments), PARIS).longest_gap
    assert gap is not None
    assert (gap.length, gap.start, gap.end) == (dt.timedelta(days=3), moments[0], moments[1])


def test_booked_is_the_first_booking_and_written_steps_are_emails_and_letters() -> None:
    records = [
        make_record(paris(2026, 11, 20, 9), 6, outcome=Outcome.BOOKED),
        make_record(paris(2026, 11, 2, 9), 5, channel=Channel.LETTER, outcome=Outcome.SENT),
        make_record(paris(2026, 10, 12, 9), 4, channel=Channel.EMAIL, outcome=Outcome.SENT),
        make_record(paris(2026, 10, 9, 9), 3, channel=Channel.PHONE, outcome=Outcome.NO_ANSWER),
        make_record(paris(2026, 11, 18, 9), 2, outcome=Outcome.BOOKED),
    ]
    summary = summarize(records, PARIS)
    assert summary.booked is not None and summary.booked.seq == 2
    assert [r.seq for r in summary.written] == [4, 5]


def test_fewer_than_three_distinct_weeks_is_flagged() -> None:
    two_weeks = records_at(paris(2026, 10, 5, 9), paris(2026, 10, 9, 9), paris(2026, 10, 12, 9))
    three_weeks = [*two_weeks, make_record(paris(2026, 10, 19, 9), 9)]
    assert summarize(two_weeks, PARIS).too_few_weeks
    assert summarize(two_weeks, PARIS).distinct_weeks == 2
    assert not summarize(three_weeks, PARIS).too_few_weeks


def test_places_are_listed_once_in_order_of_first_attempt() -> None:
    summary = summarize(records_at(paris(2026, 10, 5, 9), paris(2026, 10, 6, 9)), PARIS)
    assert summary.places == ("Préfecture de la Seine-Saint-Denis",)


def test_a_hundred_thousand_attempts_are_summarized() -> None:
    # Timing is for benchmarks/ (DESIGN.md §6); this pins correctness at that size.
    start = dt.datetime(2020, 1, 6, 8, tzinfo=UTC)
    records = [make_record(start + dt.timedelta(minutes=37 * i), i + 2) for i in range(100_000)]
    summary = summarize(records, PARIS)
    assert summary.count == 100_000
    assert sum(summary.by_weekday) == 100_000
    assert sum(w.count for w in summary.weekly) == 100_000
    assert summary.longest_gap is not None
    assert summary.longest_gap.length == dt.timedelta(minutes=37)
