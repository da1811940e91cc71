"""The programs app's forms, one module per area of the site."""

from .levels import CompareLevelsForm
from .questionnaire import ContactRequestForm, QuestionnaireForm

__all__ = ["CompareLevelsForm", "ContactRequestForm", "QuestionnaireForm"]
