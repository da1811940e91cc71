from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from programs.business_days import business_days_before, business_time_between

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
