"""The queue's US federal holidays against an independent calendar, the `holidays` package.

`us_federal_holidays` claims the eleven holidays of 5 U.S.C. 6103 as federal offices
observe them (Saturday -> Friday, Sunday -> Monday; Juneteenth from 2021). The oracle is
`holidays.US` in its default, public, category with observed days: exactly those
statutory holidays. Its "government" category also has one-off closures by executive
order (Christmas Eve in some years, national days of mourning); those are not statutory
and belong in INTAKE_CLOSED_DAYS, so they are not compared. Inauguration Day is a holiday
only in and around Washington, D.C., and is left out by both.

`holidays.US` lists a holiday on its calendar date as well as on the day it is observed;
a calendar date on a weekend is never a business day either way, so only weekdays are
compared.
"""

from datetime import date, timedelta

import holidays

from programs.intake.business_days import ClosedDays, is_business_day, us_federal_holidays

YEARS = range(1990, 2101)
STATUTORY = {
    "New Year's Day",
    "Martin Luther King Jr. Day",
    "Washington's Birthday",
    "Memorial Day",
    "Juneteenth National Independence Day",
    "Independence Day",
    "Labor Day",
    "Columbus Day",
    "Veterans Day",
    "Thanksgiving Day",
    "Christmas Day",
}
OBSERVED = " (observed)"


def oracle(years: range) -> holidays.HolidayBase:
    return holidays.US(years=years, observed=True, language="en_US")


def observed_weekdays(calendar: holidays.HolidayBase, year: int) -> set[date]:
    return {day for day in calendar if day.year == year and day.weekday() < 5}


def test_the_oracle_is_the_statutory_calendar():
    calendar = oracle(YEARS)
    names = {name.removesuffix(OBSERVED) for name in calendar.values()}
    assert names == STATUTORY
    for year in YEARS:
        in_year = {
            name.removesuffix(OBSERVED) for day, name in calendar.items() if day.year == year
        }
        # New Year's Day of the next year may be observed on 31 December: same name.
        assert len(in_year) == (11 if year >= 2021 else 10), year


def test_us_federal_holidays_match_the_oracle_every_year_1990_to_2100():
    calendar = oracle(range(YEARS.start, YEARS.stop + 1))
    wrong = {
        year: {
            "missing": sorted(expected - actual),
            "extra": sorted(actual - expected),
        }
        for year in YEARS
        if (expected := observed_weekdays(calendar, year)) != (actual := us_federal_holidays(year))
    }
    assert wrong == {}


def test_closed_days_and_business_days_agree_with_the_oracle_day_by_day():
    calendar = oracle(range(YEARS.start, YEARS.stop + 1))
    closed = ClosedDays()
    day, last = date(YEARS.start, 1, 1), date(YEARS.stop - 1, 12, 31)
    wrong = []
    while day <= last:
        is_holiday = day.weekday() < 5 and day in calendar
        if (day in closed) != is_holiday or is_business_day(day, closed) != (
            day.weekday() < 5 and not is_holiday
        ):
            wrong.append(day)
        day += timedelta(days=1)
    assert wrong == []


def test_federal_false_leaves_only_the_extra_days_closed():
    thanksgiving = date(2026, 11, 26)
    assert thanksgiving in oracle(range(2026, 2027))
    assert thanksgiving not in ClosedDays(federal=False)
    assert thanksgiving in ClosedDays()
