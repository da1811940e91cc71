"""Weekly times for the example listings, written once and shown in English and Spanish.

A spec such as "mon wed thu 18-21; sat 10-13 | tue 9:30-12:30" is one or more tracks
(separated by "|", a person joins one of them) of blocks (separated by ";"): days, then
hours on a 24-hour clock. "mon-fri" is a run of days, "daily" every day, and "24/7"
means any time. The same spec gives the texts people read and the facts the tests check
against each listing (days and hours a week, daytime, evening or weekend).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ALWAYS", "Block", "Week", "parse_week"]

ALWAYS = "24/7"
_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_ES = ("lun.", "mar.", "miér.", "jue.", "vie.", "sáb.", "dom.")
_WEEKEND = frozenset({5, 6})
_EVENING = 17 * 60  # a block that starts at 5 pm or later is an evening one
_TIME = re.compile(r"^(\d{1,2})(?::(\d{2}))?-(\d{1,2})(?::(\d{2}))?$")


@dataclass(frozen=True)
class Block:
    days: tuple[int, ...]  # 0 is Monday
    start: int  # minutes after midnight
    end: int

    @property
    def weekly_hours(self) -> float:
        return len(self.days) * (self.end - self.start) / 60


@dataclass(frozen=True)
class Week:
    spec: str
    tracks: tuple[tuple[Block, ...], ...]

    @property
    def always(self) -> bool:
        return self.spec == ALWAYS

    def days_per_week(self, track: int = 0) -> int:
        return len({day for block in self.tracks[track] for day in block.days})

    def hours_per_week(self, track: int = 0) -> float:
        return sum(block.weekly_hours for block in self.tracks[track])

    def schedules(self) -> set[str]:
        """The directory's schedule values these times fall in."""
        found = set()
        for track in self.tracks:
            for block in track:
                if set(block.days) & _WEEKEND:
                    found.add("weekend")
                if set(block.days) - _WEEKEND:
                    found.add("evening" if block.start >= _EVENING else "daytime")
        return found

    def english(self) -> str:
        if self.always:
            return "Any time, day or night (24/7)"
        return " or ".join("; ".join(_english(b) for b in track) for track in self.tracks)

    def spanish(self) -> str:
        if self.always:
            return "A cualquier hora, de día o de noche (24/7)"
        text = " o ".join("; ".join(_spanish(b) for b in track) for track in self.tracks)
        return text[:1].upper() + text[1:]


def parse_week(spec: str) -> Week:
    """The tracks of a spec; ValueError names the part that cannot be read."""
    if spec == ALWAYS:
        return Week(spec, ())
    tracks = []
    for track in spec.split("|"):
        blocks = []
        for part in track.split(";"):
            *day_words, time = part.split()
            match = _TIME.match(time)
            if not match or not day_words:
                raise ValueError(f"cannot read {part.strip()!r}")
            h1, m1, h2, m2 = match.groups()
            start, end = int(h1) * 60 + int(m1 or 0), int(h2) * 60 + int(m2 or 0)
            if not 0 <= start < end <= 24 * 60:
                raise ValueError(f"the times in {part.strip()!r} are out of order")
            blocks.append(Block(_days(day_words), start, end))
        tracks.append(tuple(blocks))
    return Week(spec, tuple(tracks))


def _days(words: list[str]) -> tuple[int, ...]:
    days: list[int] = []
    for word in words:
        if word == "daily":
            days.extend(range(7))
            continue
        first, _, last = word.partition("-")
        if first not in _CODES or (last and last not in _CODES):
            raise ValueError(f"unknown day {word!r}")
        days.extend(range(_CODES.index(first), _CODES.index(last or first) + 1))
    return tuple(sorted(set(days)))


def _is_run(days: tuple[int, ...]) -> bool:
    return len(days) >= 3 and days == tuple(range(days[0], days[-1] + 1))


def _clock(minutes: int) -> tuple[str, int]:
    """ "6" or "9:30" on a 12-hour clock, and 0 for morning or 1 for afternoon."""
    hour, minute = divmod(minutes, 60)
    text = str(hour % 12 or 12) + (f":{minute:02d}" if minute else "")
    return text, int(hour >= 12)


def _english(block: Block) -> str:
    days = block.days
    if len(days) == 7:
        when = "Every day"
    elif _is_run(days):
        when = f"{_EN[days[0]]}–{_EN[days[-1]]}"
    else:
        when = ", ".join(_EN[d] for d in days)
    (a, half_a), (b, half_b) = _clock(block.start), _clock(block.end)
    halves = ("am", "pm")
    hours = (
        f"{a}–{b} {halves[half_b]}"
        if half_a == half_b
        else f"{a} {halves[half_a]}–{b} {halves[half_b]}"
    )
    return f"{when} {hours}"


def _spanish(block: Block) -> str:
    days = block.days
    if len(days) == 7:
        when = "todos los días"
    elif _is_run(days):
        when = f"{_ES[days[0]]} a {_ES[days[-1]]}"
    elif len(days) == 1:
        when = _ES[days[0]]
    else:
        when = ", ".join(_ES[d] for d in days[:-1]) + f" y {_ES[days[-1]]}"
    (a, half_a), (b, half_b) = _clock(block.start), _clock(block.end)
    halves = ("a. m.", "p. m.")
    hours = (
        f"de {a} a {b} {halves[half_b]}"
        if half_a == half_b
        else f"de {a} {halves[half_a]} a {b} {halves[half_b]}"
    )
    return f"{when} {hours}"
