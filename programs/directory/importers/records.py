"""What an import reports: the errors it raises, one record per program, one result per row."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

__all__ = ["ImportFileError", "ParsedFile", "PointFrom", "ProgramRecord", "RowError", "RowResult"]


class ImportFileError(Exception):
    """The file as a whole cannot be imported; the message says why in plain words."""


class RowError(ValueError):
    """One row cannot be used; the message is the reason, shown in the import report."""


class PointFrom(StrEnum):
    """Where a program's map point comes from."""

    FILE = "file"  # the row's latitude and longitude
    ZIP = "zip"  # the centre of its ZIP code: approximate
    NONE = "none"  # neither: no usable coordinates and no known ZIP code
    KEPT = "kept"  # (saving only) the exact point staff gave, which the file lacks


@dataclass(frozen=True)
class ProgramRecord:
    """One program to create or update: a facility at one level of care."""

    level: str
    name: str
    organisation: str
    street: str
    city: str
    state: str
    zip_code: str
    phone: str
    intake_phone: str
    website: str
    latitude: Decimal | None
    longitude: Decimal | None
    frid: str
    co_occurring: bool
    formats: tuple[str, ...]
    payments: tuple[str, ...]
    populations: tuple[str, ...]
    medications: tuple[str, ...]
    languages: tuple[str, ...]
    point_from: PointFrom = PointFrom.NONE
    accessibility: tuple[str, ...] = ()
    # None, "" or () mean the file does not say: a re-import keeps what staff entered.
    accepts_moud: bool | None = None
    session_times: str = ""
    intake_hours: str = ""

    def match_key(self) -> tuple[str, ...]:
        """What makes two records the same program: the FindTreatment.gov ID, else name and ZIP."""
        if self.frid:
            return ("frid", self.frid, self.level)
        return ("name", self.name.casefold(), self.zip_code, self.level)


@dataclass
class RowResult:
    """What became of one row of the file."""

    number: int
    name: str = ""
    records: list[ProgramRecord] = field(default_factory=list)
    error: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"Row {self.number}" + (f" ({self.name})" if self.name else "")


@dataclass
class ParsedFile:
    format: str
    rows: list[RowResult]
    warnings: list[str] = field(default_factory=list)
