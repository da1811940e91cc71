"""The questionnaire and the contact-sharing form."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any, TypeVar

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from crispy_forms.utils import render_crispy_form
from django import forms
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from programs.core.forms import field_as
from programs.core.honeypot import honeypot_filled
from programs.core.i18n import SPANISH, current_language
from programs.questionnaire import triage
from programs.questionnaire.models import BestTime, ContactRequest, PreferredLanguage
from programs.questionnaire.questions import QUESTIONS, SECTIONS, Question, translated


def question_label(question: Question) -> str:
    """The question in its neutral wording, with "you" and "they" wordings for the page to pick."""
    return format_html(
        '<span class="w-both">{}</span><span class="w-self">{}</span>'
        '<span class="w-other">{}</span>',
        question.both,
        question.self,
        question.other,
    )


def _question_field(question: Question) -> forms.Field:
    field: forms.ChoiceField
    if question.multiple:
        field = forms.MultipleChoiceField(
            choices=question.choices,
            widget=forms.CheckboxSelectMultiple,
            required=question.key != "danger_now",
            error_messages={"required": gettext("Tick at least one.")},
        )
    else:
        field = forms.ChoiceField(
            choices=question.choices,
            widget=forms.RadioSelect,
            error_messages={"required": gettext("Choose one answer.")},
        )
    field.label = question_label(question)
    field.help_text = question.help
    field.error_messages["invalid_choice"] = gettext("That answer isn't one of the choices.")
    return field


T = TypeVar("T")


def _per_language(cache: dict[str | None, T], build: Callable[[], T]) -> T:
    """``build()`` for the active language, made once per language per process.

    Under DEBUG it is made every time: in development, translations reload without a restart.
    """
    language = get_language()
    if language not in cache or settings.DEBUG:
        cache[language] = build()
    return cache[language]


_fields_by_language: dict[str | None, dict[str, forms.Field]] = {}


def _question_fields() -> dict[str, forms.Field]:
    """The questions as form fields in the active language, built once per language.

    Same field names and values in every language; only the wording is translated.
    Building them (translating ~100 strings) cost three times as much as the deep copy
    each form takes of them, as Django's own declared fields are copied.
    """
    return _per_language(
        _fields_by_language,
        lambda: {q.key: _question_field(q) for q in map(translated, QUESTIONS)},
    )


class QuestionnaireForm(forms.Form):
    """Eighteen short questions; field names and values are the triage engine's."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(copy.deepcopy(_question_fields()))
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the page's own <form> carries the token
        self.helper.form_show_errors = True
        self.helper.layout = Layout(
            *(
                Fieldset(
                    gettext(section.legend),
                    *(q.key for q in QUESTIONS if q.section == section.key),
                    css_class=f"q-section q-section-{section.key}",
                )
                for section in SECTIONS
            )
        )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        # A tampered form could send one question twice; never guess which answer was meant.
        if hasattr(self.data, "getlist"):
            for question in QUESTIONS:
                if not question.multiple and len(self.data.getlist(question.key)) > 1:
                    self.add_error(question.key, gettext("Choose only one answer."))
        return cleaned

    def answers(self) -> dict[str, object]:
        """The cleaned answers in the triage engine's shape."""
        return {
            q.key: list(self.cleaned_data[q.key]) if q.multiple else self.cleaned_data[q.key]
            for q in QUESTIONS
        }

    def dangers(self) -> list[str]:
        """The valid danger answers ticked, whatever else the form holds."""
        sent = self.data.getlist("danger_now") if hasattr(self.data, "getlist") else []
        return [value for value in triage.CHOICES["danger_now"] if value in sent]

    def crisis_answers(self) -> dict[str, object] | None:
        """For a person in danger: the dangers and every other answer that is valid.

        None when no valid danger was ticked. Call after ``is_valid()``; missing or invalid
        answers are left out, never guessed.
        """
        dangers = self.dangers()
        if not dangers:
            return None
        answers: dict[str, object] = {"danger_now": dangers}
        for q in QUESTIONS:
            if q.key == "danger_now" or q.key not in self.cleaned_data:
                continue
            value = self.cleaned_data[q.key]
            answers[q.key] = list(value) if q.multiple else value
        return answers


_blank_questionnaires: dict[str | None, str] = {}


def blank_questionnaire_html() -> SafeString:
    """The unanswered questionnaire's fields, rendered once per language per process.

    Rendering 18 questions' radios and checkboxes through crispy-forms was ~95% of the
    questionnaire page's time. The blank form is the same for every visitor and holds no
    CSRF token (the page's own <form> does), so it is rendered on first use and kept;
    a form with answers or errors is always rendered afresh.
    """
    return mark_safe(
        _per_language(_blank_questionnaires, lambda: render_crispy_form(QuestionnaireForm()))
    )


PHONE_RE = re.compile(r"^\+?[\d\s().\-]{7,25}$")


class ContactRequestForm(forms.ModelForm):
    """Contact details for the intake team; stored only with explicit consent."""

    consent = forms.BooleanField(
        label=_(
            "I agree that the intake team may store these details with my answers and "
            "contact me about them."
        ),
        error_messages={"required": _("Please tick this box to share your details.")},
    )

    class Meta:
        model = ContactRequest
        fields = ["name", "phone", "email", "best_time", "preferred_language", "consent"]
        labels = {
            "name": _("Name (a first name is fine)"),
            "phone": _("Phone number"),
            "email": _("Email address"),
            "best_time": _("Best time to reach you"),
            "preferred_language": _("Preferred language"),
        }
        widgets = {
            "best_time": forms.RadioSelect,
            "preferred_language": forms.RadioSelect,
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "name": forms.TextInput(attrs={"autocomplete": "given-name"}),
        }
        help_texts = {"phone": _("Give a phone number, an email address, or both.")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field_as(self.fields, "best_time", forms.ChoiceField).choices = BestTime.choices
        field_as(
            self.fields, "preferred_language", forms.ChoiceField
        ).choices = PreferredLanguage.choices
        if not self.is_bound and current_language() == SPANISH:
            # Someone reading in Spanish most likely wants a call in Spanish.
            self.initial.setdefault("preferred_language", PreferredLanguage.SPANISH)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the page's own <form> carries the token

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(gettext("Please give a name we can ask for."))
        return name

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        if phone and (not PHONE_RE.match(phone) or sum(c.isdigit() for c in phone) < 7):
            raise forms.ValidationError(gettext("Enter a phone number with at least 7 digits."))
        return phone

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        reachable = cleaned.get("phone") or cleaned.get("email")
        if not reachable and not self.has_error("phone") and not self.has_error("email"):
            raise forms.ValidationError(gettext("Give a phone number or an email address."))
        return cleaned

    def is_bot(self) -> bool:
        """True when the hidden field that people never see was filled in (a bot)."""
        return honeypot_filled(self.data)
