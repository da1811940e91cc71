"""Forms for the public pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from programs.core.forms import field_as
from programs.core.i18n import localized
from programs.levels.models import TreatmentLevel


class CompareLevelsForm(forms.Form):
    """Narrows the comparison table to two to five chosen levels."""

    levels = forms.MultipleChoiceField(
        label=_("Levels to compare"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Choose two or more."),
    )

    data: MultiValueDict[str, Any]  # the query, or an empty one when none was given

    def __init__(self, data: QueryDict | None = None, *, levels: Sequence[TreatmentLevel]) -> None:
        super().__init__(data)
        self.all_levels = list(levels)
        field_as(self.fields, "levels", forms.ChoiceField).choices = [
            (lv.slug, localized(lv, "name")) for lv in self.all_levels
        ]
        self.unknown: list[str] = []
        if data is not None:
            known = {lv.slug for lv in self.all_levels}
            requested = data.getlist("levels") if hasattr(data, "getlist") else []
            self.unknown = sorted({slug for slug in requested if slug not in known})

    def clean_levels(self) -> list[str]:
        chosen = self.cleaned_data["levels"]
        if len(chosen) == 1:
            raise forms.ValidationError(gettext("Choose at least two levels to compare them."))
        return chosen

    def full_clean(self) -> None:
        # Unknown slugs (an old bookmark, a typo) are dropped with a note instead of
        # failing the whole form, so the known ones still narrow the table.
        if self.data and self.unknown:
            self.data = self.data.copy()
            self.data.setlist(
                "levels", [s for s in self.data.getlist("levels") if s not in self.unknown]
            )
        super().full_clean()

    def chosen_levels(self) -> list[TreatmentLevel]:
        """The levels to show: the valid choice, or all levels when there is none."""
        if not self.is_bound or not self.is_valid() or not self.cleaned_data["levels"]:
            return self.all_levels
        chosen = set(self.cleaned_data["levels"])
        return [lv for lv in self.all_levels if lv.slug in chosen]
