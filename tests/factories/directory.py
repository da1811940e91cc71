"""Small explicit helpers that build directory programs for tests."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from programs.models import FeatureKind, ListingReport, Program, ProgramFeature, TreatmentLevel
from tests.factories import next_number

FEATURE_ARGS = {
    "formats": FeatureKind.FORMAT,
    "schedules": FeatureKind.SCHEDULE,
    "payments": FeatureKind.PAYMENT,
    "populations": FeatureKind.POPULATION,
    "medications": FeatureKind.MEDICATION,
    "languages": FeatureKind.LANGUAGE,
}


def make_program(level: str | TreatmentLevel = "iop", **overrides: Any) -> Program:
    """A program at a level (slug or object); feature lists go in as `formats=[...]` etc."""
    n = next_number()
    if isinstance(level, str):
        level = TreatmentLevel.objects.get(slug=level)
    features: dict[str, list[str]] = {
        kind: overrides.pop(arg, []) for arg, kind in FEATURE_ARGS.items()
    }
    values: dict[str, Any] = {
        "name": f"Test Program {n}",
        "city": "Dayton",
        "state": "OH",
        "zip_code": "45402",
        "phone": "937-555-0100",
        "level": level,
    }
    values.update(overrides)
    program = Program.objects.create(**values)
    program.replace_features(features)
    return program


def bulk_programs(count: int, level: TreatmentLevel, **features: Iterable[str]) -> None:
    """Many programs with the same features, in a few queries (for query-count tests)."""
    start = next_number()
    programs = Program.objects.bulk_create(
        Program(
            name=f"Bulk Program {start}-{i}",
            slug=f"bulk-program-{start}-{i}",
            city="Columbus",
            state="OH",
            zip_code="43215",
            phone="614-555-0100",
            level=level,
        )
        for i in range(count)
    )
    ProgramFeature.objects.bulk_create(
        ProgramFeature(program=program, kind=FEATURE_ARGS[arg], value=value)
        for program in programs
        for arg, values in features.items()
        for value in values
    )


def make_report(program: Program, **overrides: Any) -> ListingReport:
    values: dict[str, Any] = {"kind": ListingReport.Kind.WRONG_PHONE, "details": ""}
    values.update(overrides)
    return ListingReport.objects.create(program=program, **values)
