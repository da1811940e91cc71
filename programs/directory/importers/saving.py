"""Saving parsed rows as programs, each row in a savepoint, and counting what happened."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from django.db import DatabaseError, transaction
from django.db.models import Value
from django.db.models.functions import Lower

from programs.core import caching
from programs.directory.importers.records import PointFrom, ProgramRecord, RowError, RowResult
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
    # Programs saved, by where their map point came from; the rows with a program left
    # without one (no usable coordinates and no known ZIP code).
    points: Counter[PointFrom] = field(default_factory=Counter)
    without_point: list[RowResult] = field(default_factory=list)

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

    def points_line(self) -> str:
        """Where the programs' map points came from: "Map points for 10 programs: 8 from…"."""
        parts = [f"{self.points[PointFrom.FILE]} from the file"]
        parts.append(f"{self.points[PointFrom.ZIP]} from the ZIP code's centre (approximate)")
        if self.points[PointFrom.KEPT]:
            parts.append(f"{self.points[PointFrom.KEPT]} kept as staff entered them")
        parts.append(f"{self.points[PointFrom.NONE]} with none")
        total = sum(self.points.values())
        programs = "program" if total == 1 else "programs"
        return f"Map points for {total} {programs}: {', '.join(parts)}."


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
        summary.created += sum(outcome.created for outcome in outcomes)
        summary.updated += sum(not outcome.created for outcome in outcomes)
        summary.points.update(outcome.point for outcome in outcomes)
        if any(outcome.point == PointFrom.NONE for outcome in outcomes):
            summary.without_point.append(row)
        summary.notes.extend(f"{row.label}: {note}" for note in row.notes)
    if summary.created or summary.updated:
        caching.content_changed()
    return summary


@dataclass(frozen=True)
class Saved:
    """What became of one record: created or updated, and where its map point came from."""

    created: bool
    point: PointFrom


def _save_record(
    levels: Mapping[str, TreatmentLevel], record: ProgramRecord, today: date
) -> Saved:
    """Create or update one program."""
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
    point = record.point_from
    # A file without the point keeps an exact one staff gave, while the ZIP code stays.
    keep_point = (
        point != PointFrom.FILE
        and not created
        and program.latitude is not None
        and not program.coordinates_approximate
        and program.zip_code == record.zip_code
    )
    if keep_point:
        point = PointFrom.KEPT
    else:
        program.latitude = record.latitude
        program.longitude = record.longitude
        program.coordinates_approximate = point == PointFrom.ZIP
    program.name = record.name
    program.organisation = record.organisation
    program.street = record.street
    program.city = record.city
    program.state = record.state
    program.zip_code = record.zip_code
    program.phone = record.phone
    program.intake_phone = record.intake_phone
    program.website = record.website
    program.co_occurring = record.co_occurring
    # What the file does not say (most exports say none of these) stays as staff set it.
    if record.accepts_moud is not None:
        program.accepts_moud = record.accepts_moud
    if record.session_times:
        program.session_times = record.session_times
    if record.intake_hours:
        program.intake_hours = record.intake_hours
    program.source = Source.IMPORTED
    program.is_demo = False
    program.last_verified = today
    if record.frid:
        program.frid = record.frid
    program.save()
    features: dict[str, Iterable[str]] = {
        FeatureKind.FORMAT: record.formats,
        FeatureKind.PAYMENT: record.payments,
        FeatureKind.POPULATION: record.populations,
        FeatureKind.MEDICATION: record.medications,
        FeatureKind.LANGUAGE: record.languages,
    }
    if record.accessibility:
        # Exports rarely mention access, so its silence removes nothing staff ticked.
        known = set(program.feature_values(FeatureKind.ACCESS)) if not created else set()
        features[FeatureKind.ACCESS] = known | set(record.accessibility)
    program.replace_features(features)
    return Saved(created=created, point=point)
