"""Business-day arithmetic for the intake queue. Pure Python, no Django.

A business day is Monday to Friday, whole calendar days in the time zone of the datetimes
given; weekend hours never count. Public holidays are not known here and count as business
days, so a request can show as waiting a day early after a holiday, never a day late.
"""

from __future__ import annotations

from datetime import datetime, timedelta

DAY = timedelta(days=1)


def _midnight(moment: datetime) -> datetime:
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def is_business_day(moment: datetime) -> bool:
    """Whether the calendar day of ``moment`` is Monday to Friday."""
    return moment.weekday() < 5


def business_days_before(moment: datetime, days: int) -> datetime:
    """The moment ``days`` business days before ``moment``, not counting weekend time.

    Friday 16:00 is 2 business days before Tuesday 16:00; Saturday and Sunday are skipped,
    so any weekend moment behaves like the end of the Friday before it.
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
        if not is_business_day(day_start):
            current = day_start
            continue
        available = current - day_start
        if available >= remaining:
            return current - remaining
        remaining -= available
        current = day_start
    return current


def business_time_between(start: datetime, end: datetime) -> timedelta:
    """Time from ``start`` to ``end`` that falls on Monday to Friday (zero if end <= start)."""
    total = timedelta(0)
    current = start
    while current < end:
        next_midnight = _midnight(current) + DAY
        segment_end = min(next_midnight, end)
        if is_business_day(current):
            total += segment_end - current
        current = segment_end
    return total
