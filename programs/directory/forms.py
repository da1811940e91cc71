"""Forms for the program directory: the filters, the listing report and the compare choice."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from programs.core.forms import choices_of, field_as
from programs.core.honeypot import honeypot_filled
from programs.core.i18n import localized
from programs.core.text import clean_text, shorten
from programs.directory.models import (
    FeatureKind,
    Format,
    Language,
    ListingReport,
    Medication,
    Payment,
    Population,
    ProgramFilters,
    Schedule,
)
from programs.levels.models import TreatmentLevel

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

LOCATION_MAX = 100
MAX_NOTES = 6
_TRUE = {"1", "true", "on", "yes"}
_FALSE = {"", "0", "false", "off", "no"}


CHECKBOXES = forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"})


def _checkbox_group(
    label: StrOrPromise,
    choices: Sequence[tuple[str, StrOrPromise]] = (),
    help_text: StrOrPromise = "",
) -> forms.MultipleChoiceField:
    """An optional filter shown as one checkbox per choice."""
    return forms.MultipleChoiceField(
        label=label, required=False, choices=choices, widget=CHECKBOXES, help_text=help_text
    )


class DirectoryFilterForm(forms.Form):
    """The directory's GET filters. Unknown values are dropped with a note, never an error."""

    location = forms.CharField(
        label=_("City, state or ZIP code"),
        required=False,
        max_length=LOCATION_MAX,
        widget=forms.TextInput(attrs={"class": "form-control", "enterkeyhint": "search"}),
        help_text=_(
            'For example "Dayton, OH", "Ohio" or "45402". The first 3 digits of a ZIP '
            "code find the area around it."
        ),
    )
    level = _checkbox_group(_("Level of care"))  # choices from the database, in __init__
    format = _checkbox_group(_("In person or online"), Format.choices)
    schedule = _checkbox_group(_("When sessions happen"), Schedule.choices)
    payment = _checkbox_group(_("Payment accepted"), Payment.choices)
    population = _checkbox_group(
        _("Groups served"),
        Population.choices,
        help_text=_('"Women" and "Men" find programs only or especially for them.'),
    )
    medication = _checkbox_group(_("Medication for opioid use"), Medication.choices)
    language = _checkbox_group(_("Language"), Language.choices)
    co_occurring = forms.BooleanField(
        label=_("Also treats mental health conditions (like depression or anxiety)"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )
    accepting = forms.BooleanField(
        label=_("Accepting new clients now"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    FEATURE_FIELDS = {
        "format": FeatureKind.FORMAT,
        "schedule": FeatureKind.SCHEDULE,
        "payment": FeatureKind.PAYMENT,
        "population": FeatureKind.POPULATION,
        "medication": FeatureKind.MEDICATION,
        "language": FeatureKind.LANGUAGE,
    }
    MULTI_FIELDS = ("level", *FEATURE_FIELDS)
    BOOLEAN_FIELDS = ("co_occurring", "accepting")
    PARAMS = (*MULTI_FIELDS, *BOOLEAN_FIELDS, "location")

    data: QueryDict  # the tidy copy that __init__ makes

    def __init__(self, data: QueryDict | None = None, *, levels: Sequence[TreatmentLevel]) -> None:
        self.notes: list[str] = []
        self.levels = list(levels)
        tidy = self._tidy(data if data is not None else QueryDict())
        super().__init__(tidy)
        field_as(self.fields, "level", forms.ChoiceField).choices = [
            (lv.slug, localized(lv, "name")) for lv in self.levels
        ]

    def _tidy(self, data: QueryDict) -> QueryDict:
        """A copy of the query with unknown values removed and a note for each."""
        known_levels = {lv.slug for lv in self.levels}
        tidy = QueryDict(mutable=True)
        unknown: list[str] = []
        for name in self.MULTI_FIELDS:
            if name == "level":
                known = known_levels
            else:
                known = {value for value, _ in choices_of(self.base_fields, name)}
            label = str(self.base_fields[name].label)
            kept: list[str] = []
            for raw in data.getlist(name):
                for part in raw.split(","):
                    value = part.strip().lower()
                    if not value or value in kept:
                        continue
                    if value in known:
                        kept.append(value)
                    else:
                        unknown.append(_quoted(part.strip(), label))
            if kept:
                tidy.setlist(name, kept)
        for name in self.BOOLEAN_FIELDS:
            raw = data.get(name, "").strip().lower()
            if raw in _TRUE:
                tidy[name] = "1"
            elif raw not in _FALSE:
                label = _short_label(self.base_fields[name].label)
                unknown.append(_quoted(raw, label))
        location = clean_text(data.get("location", ""))
        if len(location) > LOCATION_MAX:
            self.notes.append(
                gettext(
                    "The place you typed is longer than %(max)s characters, so we searched "
                    "everywhere. Try a city, a state or a ZIP code."
                )
                % {"max": LOCATION_MAX}
            )
        elif location:
            tidy["location"] = location
        if unknown:
            if len(unknown) > MAX_NOTES:
                more = len(unknown) - MAX_NOTES
                shown = gettext("%(list)s and %(count)s more") % {
                    "list": ", ".join(unknown[:MAX_NOTES]),
                    "count": more,
                }
            else:
                shown = _and_list(unknown)
            self.notes.append(
                ngettext(
                    "We don't recognise %(values)s, so we left it out of the search.",
                    "We don't recognise %(values)s, so we left them out of the search.",
                    len(unknown),
                )
                % {"values": shown}
            )
        return tidy

    def groups(self) -> list[forms.BoundField]:
        """The checkbox groups, in the order the page shows them."""
        return [self[name] for name in self.MULTI_FIELDS]

    def filters(self) -> ProgramFilters:
        """The search the visitor asked for (fields that still fail are left out)."""
        self.is_valid()
        data = self.cleaned_data
        return ProgramFilters(
            levels=tuple(data.get("level") or ()),
            features={
                kind: tuple(data.get(name) or ()) for name, kind in self.FEATURE_FIELDS.items()
            },
            co_occurring=bool(data.get("co_occurring")),
            accepting=bool(data.get("accepting")),
            location=data.get("location") or "",
        )

    def active(self) -> list[tuple[str, str]]:
        """(label, query without it) for each chosen value, to show and remove one at a time."""
        self.is_valid()
        chips = []
        choices = {name: dict(choices_of(self.fields, name)) for name in self.MULTI_FIELDS}
        for name in self.MULTI_FIELDS:
            for value in self.cleaned_data.get(name) or ():
                chips.append((choices[name][value], self._without(name, value)))
        for name in self.BOOLEAN_FIELDS:
            if self.cleaned_data.get(name):
                chips.append((_short_label(self.fields[name].label), self._without(name, "1")))
        if self.cleaned_data.get("location"):
            near = gettext("Near “%(place)s”") % {"place": self.cleaned_data["location"]}
            chips.append((near, self._without("location")))
        return chips

    def _without(self, name: str, value: str | None = None) -> str:
        query = self.data.copy()
        if value is None:
            query.pop(name, None)
        else:
            query.setlist(name, [v for v in query.getlist(name) if v != value])
        return query.urlencode()

    def querystring(self) -> str:
        """The tidy search as a query string, e.g. to come back to it from the comparison."""
        return self.data.urlencode()


def _and_list(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return gettext("%(first)s and %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def _short_label(label: object) -> str:
    """A label without its explanation in brackets, e.g. for a filter chip."""
    return str(label).split(" (")[0]


def _quoted(value: str, label: str) -> str:
    return gettext("“%(value)s” (%(field)s)") % {"value": shorten(value), "field": label}


class ListingReportForm(forms.ModelForm):
    """Tell staff that a listing is wrong. `homepage` is a honeypot that people never see."""

    # Not `website`, the other forms' honeypot: a program's page shows a website already.
    HONEYPOT = "homepage"
    homepage = forms.CharField(label=_("Leave this empty"), required=False)

    class Meta:
        model = ListingReport
        fields = ["kind", "details"]
        widgets = {
            "kind": forms.RadioSelect,
            "details": forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        }
        labels = {"kind": _("What is wrong?"), "details": _("Details")}
        help_texts = {
            "details": _(
                "Needed for “Something else”, welcome for the others: for example the "
                "right phone number. Please don't write names or health information."
            ),
        }
        error_messages = {
            "kind": {
                "required": _("Choose what is wrong with this listing."),
                "invalid_choice": _("Choose what is wrong with this listing."),
            },
            "details": {
                "max_length": _(
                    "Please keep the details under 1,000 characters (you wrote %(show_value)d)."
                ),
            },
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # No empty "---------" choice.
        field_as(self.fields, "kind", forms.ChoiceField).choices = ListingReport.Kind.choices

    def is_spam(self) -> bool:
        """True when the hidden field that people never see was filled in (a bot)."""
        return honeypot_filled(self.data, self.HONEYPOT)

    def clean_details(self) -> str:
        return clean_text(self.cleaned_data.get("details", ""))

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("kind") == ListingReport.Kind.OTHER and not data.get("details"):
            self.add_error("details", gettext("Tell us what is wrong, so staff can fix it."))
        return data


MAX_COMPARE = 4
_MAX_ID_TOKENS = 50
_ID = re.compile(r"^[1-9]\d{0,17}$")


@dataclass
class CompareSelection:
    """Program IDs to compare, in the order chosen, and notes about what was left out."""

    ids: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def parse_compare_ids(values: Sequence[str]) -> CompareSelection:
    """IDs from repeated `ids` parameters or comma-separated lists; bad ones become notes."""
    tokens = [t for value in values for t in re.split(r"[\s,]+", value) if t]
    selection = CompareSelection()
    if len(tokens) > _MAX_ID_TOKENS:
        tokens = tokens[:_MAX_ID_TOKENS]
    bad: list[str] = []
    repeated = False
    for token in tokens:
        if not _ID.match(token):
            bad.append(shorten(token, 20))
        elif int(token) in selection.ids:
            repeated = True
        else:
            selection.ids.append(int(token))
    if bad:
        shown = ", ".join(f"“{b}”" for b in bad[:MAX_NOTES])
        selection.notes.append(
            ngettext(
                "%(values)s is not a program number, so we left it out.",
                "%(values)s are not program numbers, so we left them out.",
                len(bad),
            )
            % {"values": shown}
        )
    if repeated:
        selection.notes.append(
            gettext("You chose the same program more than once; it is shown once.")
        )
    if len(selection.ids) > MAX_COMPARE:
        selection.notes.append(
            gettext(
                "You can compare up to %(max)s programs at a time. You chose %(count)s, so we "
                "show the first %(max)s."
            )
            % {"max": MAX_COMPARE, "count": len(selection.ids)}
        )
        selection.ids = selection.ids[:MAX_COMPARE]
    return selection
