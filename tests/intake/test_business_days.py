from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from programs.intake.business_days import (
    ClosedDays,
    business_days_before,
    business_time_between,
    is_business_day,
    us_federal_holidays,
)

NY = ZoneInfo("America/New_York")
DAY = timedelta(days=1)


def at(text: str) -> datetime:
    """A naive datetime; 2026-11-23 is a Monday."""
    return datetime.fromisoformat(text)


@pytest.mark.parametrize(
    ("moment", "days", "expected"),
    [
        ("2026-11-25 10:00", 2, "2026-11-23 10:00"),  # Wednesday -> Monday
        ("2026-11-24 16:00", 2, "2026-11-20 16:00"),  # Tuesday -> Friday: weekend skipped
        ("2026-11-23 09:00", 1, "2026-11-20 09:00"),  # Monday -> Friday
        ("2026-11-23 00:00", 1, "2026-11-20 00:00"),  # Monday midnight -> Friday midnight
        ("2026-11-28 12:00", 2, "2026-11-26 00:00"),  # Saturday counts as the end of Friday
        ("2026-11-29 23:59", 2, "2026-11-26 00:00"),  # so does Sunday night
        ("2026-11-28 12:00", 1, "2026-11-27 00:00"),
        ("2026-11-30 08:00", 2, "2026-11-26 08:00"),  # Monday morning -> Thursday morning
        ("2026-11-25 10:00", 0, "2026-11-25 10:00"),
        ("2026-11-28 10:00", 0, "2026-11-28 10:00"),
        ("2026-12-04 17:00", 5, "2026-11-27 17:00"),  # a whole working week
    ],
)
def test_business_days_before_skips_weekends(moment, days, expected):
    assert business_days_before(at(moment), days) == at(expected)


def test_negative_days_are_refused():
    with pytest.raises(ValueError, match="negative"):
        business_days_before(at("2026-11-25 10:00"), -1)


def test_a_request_from_friday_afternoon_waits_past_two_days_on_tuesday_afternoon():
    shared = at("2026-11-20 16:00")  # Friday
    assert shared >= business_days_before(at("2026-11-24 15:59"), 2)
    assert shared < business_days_before(at("2026-11-24 16:01"), 2)


def test_business_time_between_ignores_weekends():
    assert business_time_between(at("2026-11-27 12:00"), at("2026-11-30 12:00")) == DAY
    assert business_time_between(at("2026-11-28 00:00"), at("2026-11-30 00:00")) == timedelta(0)
    assert business_time_between(at("2026-11-30 00:00"), at("2026-11-28 00:00")) == timedelta(0)


def test_daylight_saving_change_does_not_shift_the_cutoff():
    # US clocks went back on Sunday 2026-11-01.
    monday = datetime(2026, 11, 2, 9, 0, tzinfo=NY)
    assert business_days_before(monday, 1) == datetime(2026, 10, 30, 9, 0, tzinfo=NY)


moments = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31))


@given(moments, st.integers(min_value=0, max_value=30))
def test_cutoff_is_exactly_that_many_business_days_back(moment, days):
    cutoff = business_days_before(moment, days)
    assert cutoff <= moment
    assert business_time_between(cutoff, moment) == DAY * days
    if days:
        assert cutoff.weekday() < 5  # never inside a weekend


@given(moments, st.integers(min_value=0, max_value=10))
def test_more_days_means_an_earlier_cutoff(moment, days):
    assert business_days_before(moment, days + 1) < business_days_before(moment, days)


# -- Holidays ---------------------------------------------------------------------------

HOLIDAYS = ClosedDays()


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (
            2026,
            [
                "01-01",
                "01-19",
                "02-16",
                "05-25",
                "06-19",
                "07-03",
                "09-07",
                "10-12",
                "11-11",
                "11-26",
                "12-25",
            ],
        ),
        (
            # Christmas and the next New Year's Day fall on Saturdays: observed on Fridays.
            2027,
            [
                "01-01",
                "01-18",
                "02-15",
                "05-31",
                "06-18",
                "07-05",
                "09-06",
                "10-11",
                "11-11",
                "11-25",
                "12-24",
                "12-31",
            ],
        ),
        (
            # New Year's Day 2022 was observed on 31 December 2021; Juneteenth from 2021.
            2022,
            [
                "01-17",
                "02-21",
                "05-30",
                "06-20",
                "07-04",
                "09-05",
                "10-10",
                "11-11",
                "11-24",
                "12-26",
            ],
        ),
        (
            2019,
            [
                "01-01",
                "01-21",
                "02-18",
                "05-27",
                "07-04",
                "09-02",
                "10-14",
                "11-11",
                "11-28",
                "12-25",
            ],
        ),
    ],
)
def test_us_federal_holidays_as_observed(year, expected):
    assert sorted(day.strftime("%m-%d") for day in us_federal_holidays(year)) == expected


def test_thanksgiving_does_not_count_towards_waiting():
    # Thanksgiving 2026 is Thursday 26 November.
    friday = at("2026-11-27 10:00")
    assert business_days_before(friday, 2) == at("2026-11-25 10:00")
    assert business_days_before(friday, 2, HOLIDAYS) == at("2026-11-24 10:00")
    # Wednesday 10:00 to midnight, then Friday to 10:00: one business day in all.
    assert business_time_between(at("2026-11-25 10:00"), friday, HOLIDAYS) == DAY


def test_a_moment_on_a_holiday_behaves_like_the_end_of_the_day_before():
    assert business_days_before(at("2026-12-25 15:00"), 1, HOLIDAYS) == at("2026-12-24 00:00")


def test_extra_closed_days_and_federal_holidays_can_be_chosen():
    retreat = date(2026, 11, 25)
    closed = ClosedDays([retreat], federal=False)
    assert retreat in closed
    assert date(2026, 11, 26) not in closed
    assert datetime(2026, 11, 25, 9, 0) in closed
    assert "2026-11-25" not in closed
    assert business_days_before(at("2026-11-27 10:00"), 2, closed) == at("2026-11-24 10:00")


@given(moments, st.integers(min_value=0, max_value=30))
def test_with_holidays_the_cutoff_is_still_exactly_that_many_business_days_back(moment, days):
    cutoff = business_days_before(moment, days, HOLIDAYS)
    assert cutoff <= moment
    assert business_time_between(cutoff, moment, HOLIDAYS) == DAY * days
    if days:
        assert is_business_day(cutoff, HOLIDAYS)
