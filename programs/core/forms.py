"""Small helpers for the project's forms."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from django import forms
from django.forms.renderers import Jinja2

FieldT = TypeVar("FieldT", bound=forms.Field)

# The staff pages' forms have their widgets written by Django's Jinja2 form renderer (the
# same widget markup, from Django's own Jinja2 widget templates): a select of every staff
# member or six radio buttons through the Django template language cost a third of the
# intake workspace's and a response page's time. One instance: each owns its engine.
STAFF_FORM_RENDERER = Jinja2()


class StaffForm(forms.Form):
    """A form on a staff page (the intake workspace, a response's page)."""

    default_renderer = STAFF_FORM_RENDERER


def field_as(fields: Mapping[str, forms.Field], name: str, kind: type[FieldT]) -> FieldT:
    """``fields[name]`` as the kind of field it was declared as, e.g. to set its choices.

    A form's ``fields`` only promises ``Field``s; this checks the kind, so code that sets
    ``choices`` or ``queryset`` is type-checked and fails loudly if a field changes kind.
    """
    field = fields[name]
    if not isinstance(field, kind):
        raise TypeError(f"{name!r} is a {type(field).__name__}, not a {kind.__name__}")
    return field


def choices_of(fields: Mapping[str, forms.Field], name: str) -> Sequence[tuple[Any, Any]]:
    """The (value, label) pairs of the choice field ``fields[name]``.

    Django stores a choice field's choices as a list of pairs, whatever they were set from
    (only callables stay lazy, and these forms have none); the stubs only describe what
    may be assigned.
    """
    choices = field_as(fields, name, forms.ChoiceField).choices
    if not isinstance(choices, list):
        raise TypeError(f"{name!r} has lazy choices")
    return choices
