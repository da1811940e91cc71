"""The programs app's forms, one module per area of the site."""

from .levels import CompareLevelsForm

__all__ = ["CompareLevelsForm"]
