"""Saving parsed rows as programs, each row in a savepoint, and counting what happened."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from django.db import DatabaseError, transaction
from django.db.models import Value
from django.db.models.functions import Lower

from programs.core import caching
from programs.directory.importers.records import ProgramRecord, RowError, RowResult
from programs.directory.models import FeatureKind, Program, Source
from programs.levels.models import TreatmentLevel

__all__ = ["PROGRESS_EVERY", "ImportSummary", "save_rows"]

PROGRESS_EVERY = 500


@dataclass
class ImportSummary:
    rows: int = 0
    created: int = 0
    updated: int = 0
    skipped: list[RowResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def line(self, file_format: str, *, dry_run: bool = False) -> str:
        """The one-line summary, e.g. "JSON file: created 10, updated 0, skipped 1 of 9 rows."."""
        rows = "row" if self.rows == 1 else "rows"
        if dry_run:
            return (
                f"{file_format.upper()} file, dry run (nothing saved): would create "
                f"{self.created}, update {self.updated} and skip {len(self.skipped)} "
                f"of {self.rows} {rows}."
            )
        return (
            f"{file_format.upper()} file: created {self.created}, updated {self.updated}, "
            f"skipped {len(self.skipped)} of {self.rows} {rows}."
        )


def save_rows(
    rows: list[RowResult],
    *,
    today: date,
    progress: Callable[[int, int], None] | None = None,
    progress_every: int = PROGRESS_EVERY,
) -> ImportSummary:
    """Create or update the programs of every usable row; call inside a transaction.

    Each row is saved in a savepoint, so a row that fails in the database is skipped
    whole and never half-saved. Tells the page cache once, when the transaction commits
    (`caching.content_changed`); a dry run that rolls back tells it nothing.
    """
    levels = {level.slug: level for level in TreatmentLevel.objects.all()}
    summary = ImportSummary(rows=len(rows))
    for index, row in enumerate(rows, start=1):
        if progress and index % progress_every == 0:
            progress(index, len(rows))
        if row.error:
            summary.skipped.append(row)
            continue
        try:
            with transaction.atomic():
                outcomes = [_save_record(levels, record, today) for record in row.records]
        except RowError as exc:
            row.error = str(exc)
        except DatabaseError as exc:
            row.error = f"could not be saved ({str(exc).splitlines()[0][:120]})"
        if row.error:
            summary.skipped.append(row)
            continue
        summary.created += outcomes.count(True)
        summary.updated += outcomes.count(False)
        summary.notes.extend(f"{row.label}: {note}" for note in row.notes)
    if summary.created or summary.updated:
        caching.content_changed()
    return summary


def _save_record(levels: Mapping[str, TreatmentLevel], record: ProgramRecord, today: date) -> bool:
    """Create or update one program; True when it was created."""
    level = levels.get(record.level)
    if level is None:
        raise RowError(f"needs the level {record.level!r}, which is not in the database")
    program = None
    if record.frid:
        program = Program.objects.filter(frid=record.frid, level=level).first()
    if program is None:
        # Same name (any case) and ZIP at the same level: a facility listed without its
        # FindTreatment.gov ID, e.g. by the spreadsheet, or a program entered by hand.
        same = Program.objects.alias(lower_name=Lower("name")).filter(
            lower_name=Lower(Value(record.name)), zip_code=record.zip_code, level=level
        )
        if record.frid:
            same = same.filter(frid="")
        candidates = sorted(same[:5], key=lambda p: (p.frid != "", p.pk))
        if len(candidates) > 1 and candidates[0].frid:
            raise RowError(
                f"matches {len(candidates)} listed programs with the same name, ZIP code and "
                "level; add its frid to tell them apart"
            )
        program = candidates[0] if candidates else None
    created = program is None
    if program is None:
        program = Program(level=level)
    program.name = record.name
    program.organisation = record.organisation
    program.street = record.street
    program.city = record.city
    program.state = record.state
    program.zip_code = record.zip_code
    program.phone = record.phone
    program.intake_phone = record.intake_phone
    program.website = record.website
    program.latitude = record.latitude
    program.longitude = record.longitude
    program.co_occurring = record.co_occurring
    program.source = Source.IMPORTED
    program.is_demo = False
    program.last_verified = today
    if record.frid:
        program.frid = record.frid
    program.save()
    program.replace_features(
        {
            FeatureKind.FORMAT: record.formats,
            FeatureKind.PAYMENT: record.payments,
            FeatureKind.POPULATION: record.populations,
            FeatureKind.MEDICATION: record.medications,
            FeatureKind.LANGUAGE: record.languages,
        }
    )
    return created
