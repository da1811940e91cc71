"""Business-day arithmetic for the intake queue. Pure Python, no Django.

A business day is Monday to Friday, whole calendar days in the time zone of the datetimes
given, except the days in ``closed`` (by default none; the queue passes the intake team's
holidays, see ``ClosedDays``). Weekend and holiday hours never count.
"""

from __future__ import annotations

import functools
from collections.abc import Container, Iterable
from datetime import date, datetime, timedelta

DAY = timedelta(days=1)
NO_DAYS: frozenset[date] = frozenset()


def _midnight(moment: datetime) -> datetime:
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (0 = Monday) of the month; ``n = -1`` for the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - DAY
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _observed(day: date) -> date:
    """A fixed-date holiday on a Saturday is observed on Friday; on a Sunday, on Monday."""
    if day.weekday() == 5:
        return day - DAY
    if day.weekday() == 6:
        return day + DAY
    return day


@functools.lru_cache(maxsize=64)
def us_federal_holidays(year: int) -> frozenset[date]:
    """The eleven US federal holidays as observed in ``year`` (5 U.S.C. 6103).

    New Year's Day of the next year is observed on 31 December when it falls on a Saturday.
    """
    observed = set()
    for y in (year, year + 1):
        observed |= {
            _observed(date(y, 1, 1)),  # New Year's Day
            _nth_weekday(y, 1, 0, 3),  # Birthday of Martin Luther King, Jr.
            _nth_weekday(y, 2, 0, 3),  # Washington's Birthday
            _nth_weekday(y, 5, 0, -1),  # Memorial Day
            _observed(date(y, 7, 4)),  # Independence Day
            _nth_weekday(y, 9, 0, 1),  # Labor Day
            _nth_weekday(y, 10, 0, 2),  # Columbus Day
            _observed(date(y, 11, 11)),  # Veterans Day
            _nth_weekday(y, 11, 3, 4),  # Thanksgiving Day
            _observed(date(y, 12, 25)),  # Christmas Day
        }
        if y >= 2021:
            observed.add(_observed(date(y, 6, 19)))  # Juneteenth National Independence Day
    return frozenset(day for day in observed if day.year == year)


class ClosedDays(Container[date]):
    """Days the intake team does not work: US federal holidays if ``federal``, plus ``extra``."""

    def __init__(self, extra: Iterable[date] = (), *, federal: bool = True) -> None:
        self.extra = frozenset(extra)
        self.federal = federal

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, date):
            return False
        if isinstance(day, datetime):
            day = day.date()
        return day in self.extra or (self.federal and day in us_federal_holidays(day.year))


def is_business_day(moment: date, closed: Container[date] = NO_DAYS) -> bool:
    """Whether the calendar day of ``moment`` is Monday to Friday and not in ``closed``."""
    day = moment.date() if isinstance(moment, datetime) else moment
    return day.weekday() < 5 and day not in closed


def business_days_before(
    moment: datetime, days: int, closed: Container[date] = NO_DAYS
) -> datetime:
    """The moment ``days`` business days before ``moment``, not counting days off.

    Friday 16:00 is 2 business days before Tuesday 16:00; Saturday and Sunday (and any
    closed day) are skipped, so a moment on a day off behaves like the end of the last
    business day before it.
    """
    if days < 0:
        raise ValueError(f"days must not be negative; got {days}")
    remaining = DAY * days
    current = moment
    while remaining:
        day_start = _midnight(current)
        if day_start == current:
            # Exactly midnight: the time before it belongs to the previous day.
            day_start -= DAY
        if not is_business_day(day_start, closed):
            current = day_start
            continue
        available = current - day_start
        if available >= remaining:
            return current - remaining
        remaining -= available
        current = day_start
    return current


def business_time_between(
    start: datetime, end: datetime, closed: Container[date] = NO_DAYS
) -> timedelta:
    """Time from ``start`` to ``end`` on business days (zero if end <= start)."""
    total = timedelta(0)
    current = start
    while current < end:
        next_midnight = _midnight(current) + DAY
        segment_end = min(next_midnight, end)
        if is_business_day(current, closed):
            total += segment_end - current
        current = segment_end
    return total


def business_time_after(
    start: datetime, duration: timedelta, closed: Container[date] = NO_DAYS
) -> datetime:
    """The first moment ``duration`` of business time after ``start``.

    The mirror of ``business_days_before``: Friday 10:00 plus two business days is Tuesday
    10:00. A ``start`` on a day off starts the clock at the next business day's midnight;
    a duration that ends exactly at a business day's end gives the midnight after it.
    """
    if duration < timedelta(0):
        raise ValueError(f"duration must not be negative; got {duration}")
    remaining = duration
    current = start
    while remaining:
        next_midnight = _midnight(current) + DAY
        if not is_business_day(current, closed):
            current = next_midnight
            continue
        available = next_midnight - current
        if available >= remaining:
            return current + remaining
        remaining -= available
        current = next_midnight
    return current
