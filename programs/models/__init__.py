"""The programs app's models, one module per area of the site."""

from .levels import (
    Area,
    KeepsWorkSchool,
    MedicalCare,
    Service,
    SuitabilityCriterion,
    TreatmentLevel,
    validate_typical_week,
)

__all__ = [
    "Area",
    "KeepsWorkSchool",
    "MedicalCare",
    "Service",
    "SuitabilityCriterion",
    "TreatmentLevel",
    "validate_typical_week",
]
