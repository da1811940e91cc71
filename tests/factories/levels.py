"""Small explicit helpers that build objects for tests."""

from __future__ import annotations

from typing import Any

from programs.models import Service, SuitabilityCriterion, TreatmentLevel
from tests.factories import next_number


def make_level(**overrides: Any) -> TreatmentLevel:
    n = next_number()
    values: dict[str, Any] = {
        "slug": f"test-level-{n}",
        "name": f"Test level {n}",
        "short_name": f"Test {n}",
        "level_number": "9",
        "intensity_rank": n,
        "cost_rank": n,
        "summary": "A level made for tests.",
        "description": "Made for tests.",
        "hours_adult_min": 2,
        "hours_adult_max": 4,
        "sessions_min": 1,
        "sessions_max": 2,
        "length_weeks_min": 1,
        "length_weeks_max": 4,
        "schedule_note": "Once a week",
        "setting": "An office",
        "lives_at_home": True,
        "supervision_24h": False,
        "medical_care": "by_referral",
        "keeps_work_school": "usually",
        "telehealth": "often",
        "steps_note": "Steps.",
        "typical_week": [1, 0, 0, 1, 0, 0, 0],
        "order": n,
    }
    values.update(overrides)
    return TreatmentLevel.objects.create(**values)


def make_service(**overrides: Any) -> Service:
    n = next_number()
    values = {"slug": f"service-{n}", "name": f"Service {n}", "description": "Helps."}
    values.update(overrides)
    return Service.objects.create(**values)


def make_criterion(level: TreatmentLevel, **overrides: Any) -> SuitabilityCriterion:
    values: dict[str, Any] = {"kind": "good_fit", "area": 1, "text": "Fits."}
    values.update(overrides)
    return SuitabilityCriterion.objects.create(level=level, **values)
