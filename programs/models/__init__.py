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
from .responses import (
    BestTime,
    ContactRequest,
    ForWhom,
    PreferredLanguage,
    Response,
    WithdrawalCare,
)

__all__ = [
    "BestTime",
    "ContactRequest",
    "ForWhom",
    "PreferredLanguage",
    "Response",
    "WithdrawalCare",
    "Area",
    "KeepsWorkSchool",
    "MedicalCare",
    "Service",
    "SuitabilityCriterion",
    "TreatmentLevel",
    "validate_typical_week",
]
