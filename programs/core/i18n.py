"""The site in the visitor's language: translated database fields and the fixed texts.

Translated model fields are explicit `<field>_es` columns next to the English ones,
rather than django-modeltranslation. With two languages that is a handful of columns
that the migrations, the admin and `load_content` show plainly; the English attribute
keeps meaning English everywhere (admin, exports, imports, other engineers' code), and a
page reads the same row, so query counts do not change. Public templates read
`obj.local.<field>`, which falls back to English when the Spanish text is empty.
"""

from __future__ import annotations

from typing import Any

from django.utils import translation

ENGLISH = "en"
SPANISH = "es"


def current_language() -> str:
    """The active site language: "es" or "en" (anything else counts as English)."""
    return SPANISH if (translation.get_language() or "").startswith(SPANISH) else ENGLISH


def localized(obj: Any, field: str, language: str | None = None) -> Any:
    """`obj.<field>` in the language (default: the active one), falling back to English."""
    if (language or current_language()) == SPANISH:
        value = getattr(obj, f"{field}_{SPANISH}", "")
        if value:
            return value
    return getattr(obj, field)


class Localized:
    """A model's translatable fields in the active language, for templates: `level.local.name`."""

    def __init__(self, obj: Any) -> None:
        self._obj = obj

    def __getattr__(self, field: str) -> Any:
        if field.startswith("_") or field not in self._obj.TRANSLATED_FIELDS:
            raise AttributeError(field)
        return localized(self._obj, field)


class TranslatedFieldsMixin:
    """Gives a model with `<field>_es` columns for each of TRANSLATED_FIELDS a `local` view."""

    TRANSLATED_FIELDS: tuple[str, ...] = ()

    @property
    def local(self) -> Localized:
        return Localized(self)
