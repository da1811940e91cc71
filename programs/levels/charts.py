"""Geometry for the small inline SVG pictures; templates only draw what this returns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext

from programs.levels.models import TreatmentLevel

# Monday to Sunday, translated by Django's own catalogue ("Mon", "lun").
DAYS = tuple(WEEKDAYS_ABBR[day] for day in range(7))
DAY_NAMES = tuple(WEEKDAYS[day] for day in range(7))

WEEK_BAR_MAX = 100  # pixel height of a full 24-hour day
HOURS_CHART_MAX = 40  # hours per week at the right edge of the comparison chart
HOURS_CHART_WIDTH = 400


@dataclass(frozen=True)
class DayBar:
    label: str
    name: str
    hours: int
    x: int
    y: int
    height: int
    label_y: int


@dataclass(frozen=True)
class HoursBar:
    level: TreatmentLevel
    y: int
    x: int
    width: int
    open_ended: bool
    text: str


def typical_week(level: TreatmentLevel) -> list[DayBar]:
    """One bar per day of the level's typical week, scaled so 24 hours fills the bar."""
    hours = level.typical_week or []
    if len(hours) != 7:
        return []
    bars = []
    for index, (label, name, value) in enumerate(zip(DAYS, DAY_NAMES, hours, strict=True)):
        height = round(value / 24 * WEEK_BAR_MAX)
        if value and height < 4:
            height = 4  # keep a one-hour day visible
        y = 10 + WEEK_BAR_MAX - height
        bars.append(
            DayBar(label, name, value, x=10 + index * 44, y=y, height=height, label_y=y - 3)
        )
    return bars


@dataclass(frozen=True)
class Tick:
    hours: int
    x: int


@dataclass(frozen=True)
class HoursChart:
    rows: list[HoursBar]
    height: int
    ticks: list[Tick]


def hours_chart(levels: Sequence[TreatmentLevel]) -> HoursChart:
    """Horizontal bars of adult program hours per week; 24-hour care runs off the scale."""
    rows = []
    scale = HOURS_CHART_WIDTH / HOURS_CHART_MAX
    for index, level in enumerate(levels):
        low = level.hours_adult_min or 0
        high = level.hours_adult_max
        open_ended = high is None
        if level.is_24_hour:
            low, width = 0, HOURS_CHART_WIDTH
            text = gettext("24-hour care")
        else:
            end = HOURS_CHART_MAX if high is None else min(high, HOURS_CHART_MAX)
            width = max(round((end - low) * scale), 4)
            text = gettext("%(hours)s hours a week") % {"hours": level.adult_hours_text}
        rows.append(
            HoursBar(
                level=level,
                y=index * 40,
                x=round(low * scale),
                width=width,
                open_ended=open_ended,
                text=text,
            )
        )
    ticks = [Tick(hours, round(hours * scale)) for hours in range(0, HOURS_CHART_MAX + 1, 10)]
    return HoursChart(rows=rows, height=len(rows) * 40 + 20, ticks=ticks)
