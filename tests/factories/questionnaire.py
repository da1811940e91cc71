"""Questionnaire answers for tests."""

from __future__ import annotations

from typing import Any

CALM: dict[str, Any] = {
    "for_whom": "self",
    "age_group": "adult",
    "danger_now": [],
    "substances": ["cannabis"],
    "frequency": "weekly",
    "withdrawal": "none",
    "medical": "none",
    "pregnant": "not_applicable",
    "mood": "none",
    "self_harm_thoughts": "no",
    "readiness": "ready",
    "control": "can_stop",
    "past_treatment": "none",
    "home": "supportive",
    "support": "several",
    "hours_available": "9_to_19",
    "telehealth": "not_sure",
    "medication_interest": "no",
}


def answers(**overrides: Any) -> dict[str, Any]:
    return {**CALM, **overrides}


def as_post(data: dict[str, Any]) -> dict[str, Any]:
    """Answers as a browser posts them: empty multi-selects are simply absent."""
    return {k: v for k, v in data.items() if v != []}
