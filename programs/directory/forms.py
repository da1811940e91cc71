"""Forms for the program directory: the filters, the listing report and the compare choice."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django import forms
from django.http import QueryDict
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from programs.core.forms import choices_of, field_as
from programs.core.honeypot import honeypot_filled
from programs.core.i18n import localized
from programs.core.text import clean_text, shorten
from programs.directory.geo import PlaceKind, PlaceResult, resolve_place
from programs.directory.models import (
    DEFAULT_RADIUS_MILES,
    Accessibility,
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
# The distances a search can use, in miles; anything else is the default, with a note.
RADII = (5, 10, 25, 50, 100)
MAX_NOTES = 6
_TRUE = {"1", "true", "on", "yes"}
_FALSE = {"", "0", "false", "off", "no"}


class _Checkboxes(forms.CheckboxSelectMultiple):
    """Checkbox groups whose boxes (`{{ choice.tag }}`) skip the template engine.

    The directory's filter form has about sixty boxes, and rendering each through
    Django's three nested widget templates took a fifth of a search's time. This writes
    the same HTML as `django/forms/widgets/checkbox_option.html` (tests compare them);
    anything else (a label-wrapped box, the whole group) still goes through templates.
    """

    def _render(self, template_name, context, renderer=None):
        widget = context["widget"]
        if template_name != self.option_template_name or widget.get("wrap_label"):
            return super()._render(template_name, context, renderer)
        html = [f'<input type="{escape(widget["type"])}" name="{escape(widget["name"])}"']
        if widget["value"] is not None:
            html.append(f' value="{escape(str(widget["value"]))}"')
        for name, value in widget["attrs"].items():
            if value is True:
                html.append(f" {escape(name)}")
            elif value is not False:
                html.append(f' {escape(name)}="{escape(str(value))}"')
        html.append(">")
        return mark_safe("".join(html))


CHECKBOXES = _Checkboxes(attrs={"class": "form-check-input"})


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

    near = forms.CharField(
        label=_("City, state or ZIP code"),
        required=False,
        max_length=LOCATION_MAX,
        widget=forms.TextInput(attrs={"class": "form-control", "enterkeyhint": "search"}),
        help_text=_('For example "45402", "Queens, NY" or "Ohio". A state shows all of it.'),
    )
    within = forms.TypedChoiceField(
        label=_("Distance"),
        required=False,
        coerce=int,
        choices=[
            (
                str(miles),
                ngettext_lazy("Within %(n)s mile", "Within %(n)s miles", "n") % {"n": miles},
            )
            for miles in RADII
        ],
        widget=forms.Select(attrs={"class": "form-select"}),
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
    access = _checkbox_group(_("Accessibility"), Accessibility.choices)
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
    accepts_moud = forms.BooleanField(
        label=_("Accepts people who take methadone or buprenorphine"),
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
        "access": FeatureKind.ACCESS,
    }
    MULTI_FIELDS = ("level", *FEATURE_FIELDS)
    BOOLEAN_FIELDS = ("co_occurring", "accepting", "accepts_moud")
    PLACE_FIELDS = ("near", "within")
    PARAMS = (*MULTI_FIELDS, *BOOLEAN_FIELDS, *PLACE_FIELDS)

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
        self._tidy_place(data, tidy)
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

    def _tidy_place(self, data: QueryDict, tidy: QueryDict) -> None:
        """`near` (or `location`, its old name in saved links) and `within` (miles)."""
        # Only the first 1,000 characters are cleaned: a longer value gets the note anyway.
        near = clean_text((data.get("near", "") or data.get("location", ""))[:1000])
        if len(near) > LOCATION_MAX:
            self.notes.append(
                gettext(
                    "The place you typed is longer than %(max)s characters, so we searched "
                    "everywhere. Try a city, a state or a ZIP code."
                )
                % {"max": LOCATION_MAX}
            )
            return
        if not any(ch.isalnum() for ch in near):
            return  # nothing to search for; `within` alone means nothing either
        tidy["near"] = near
        raw = clean_text(data.get("within", "")[:50]).lower()
        miles = re.fullmatch(r"(\d{1,3})(?:\.0+)?\s*(?:mi|miles?)?", raw)
        if miles and int(miles.group(1)) in RADII:
            tidy["within"] = str(int(miles.group(1)))
        elif raw:
            self.notes.append(
                gettext(
                    "We can search within 5, 10, 25, 50 or 100 miles, so we used %(miles)s miles."
                )
                % {"miles": DEFAULT_RADIUS_MILES}
            )

    @cached_property
    def place(self) -> PlaceResult | None:
        """Where the visitor searched, looked up once, or None when they did not say."""
        near = self.data.get("near", "")
        return resolve_place(near) if near else None

    @property
    def within_miles(self) -> int:
        return int(self.data.get("within") or DEFAULT_RADIUS_MILES)

    @property
    def within_value(self) -> str:
        """The distance to show as chosen: the one asked for, else the default."""
        return str(self.within_miles)

    @property
    def by_distance(self) -> bool:
        """True when results are filtered by distance and sorted nearest first."""
        return self.place is not None and self.place.point is not None

    def groups(self) -> list[forms.BoundField]:
        """The checkbox groups, in the order the page shows them."""
        return [self[name] for name in self.MULTI_FIELDS]

    def filters(self) -> ProgramFilters:
        """The search the visitor asked for (fields that still fail are left out)."""
        self.is_valid()
        data = self.cleaned_data
        place = self.place
        return ProgramFilters(
            levels=tuple(data.get("level") or ()),
            features={
                kind: tuple(data.get(name) or ()) for name, kind in self.FEATURE_FIELDS.items()
            },
            co_occurring=bool(data.get("co_occurring")),
            accepting=bool(data.get("accepting")),
            accepts_moud=bool(data.get("accepts_moud")),
            state=place.state if place and place.kind == PlaceKind.STATE else "",
            near=place.point if place else None,
            within_miles=self.within_miles,
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
        place = self.place
        if place is not None and place.point is not None:
            label = gettext("Within %(miles)s miles of %(place)s") % {
                "miles": self.within_miles,
                "place": place.label,
            }
            chips.append((label, self.query_with(near=None, within=None)))
        elif place is not None and place.kind == PlaceKind.STATE:
            label = gettext("In %(state)s") % {"state": place.label}
            chips.append((label, self.query_with(near=None, within=None)))
        return chips

    def _without(self, name: str, value: str) -> str:
        query = self.data.copy()
        query.setlist(name, [v for v in query.getlist(name) if v != value])
        return query.urlencode()

    def query_with(self, **values: str | Sequence[str] | None) -> str:
        """The search as a query string with some parameters changed (None removes one)."""
        query = self.data.copy()
        for name, value in values.items():
            if value is None:
                query.pop(name, None)
            elif isinstance(value, str):
                query[name] = value
            else:
                query.setlist(name, list(value))
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
