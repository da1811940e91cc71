"""The helpline table in every template's context, read only if a template uses it."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from programs.helplines import table


def helplines(request: HttpRequest) -> dict:
    """``{{ helplines.dv.phone }}``: the cached table, key → row (no query in steady state)."""
    return {"helplines": SimpleLazyObject(table.rows)}
