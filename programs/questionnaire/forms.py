"""The questionnaire and the contact-sharing form."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, TypeVar

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout
from crispy_forms.utils import render_crispy_form
from django import forms
from django.conf import settings
from django.http import QueryDict
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from programs.core.forms import field_as
from programs.core.honeypot import honeypot_filled
from programs.core.i18n import SPANISH, current_language
from programs.core.phones import PhoneError, PhoneProblem, normalise_us_phone
from programs.core.text import clean_text
from programs.helplines import table as helpline_table
from programs.helplines import tokens
from programs.questionnaire import triage
from programs.questionnaire.models import BestTime, ContactRequest, PreferredLanguage
from programs.questionnaire.questions import (
    QUESTIONS,
    QUESTIONS_BY_KEY,
    SECTIONS,
    Question,
    translated,
)


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
    # Filled from the helpline table when shown ("call or text [[lifeline]]").
    field.help_text = _with_helplines(question.help) if question.help else question.help
    field.error_messages["invalid_choice"] = gettext("That answer isn't one of the choices.")
    return field


T = TypeVar("T")


_with_helplines = lazy(tokens.render, SafeString)


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

    @classmethod
    def from_draft(cls, draft: QueryDict) -> QuestionnaireForm:
        """A bound form from a kept draft (``draft()``); anything else in it is ignored."""
        return cls(_known_answers(draft))

    def draft(self) -> dict[str, list[str]]:
        """The answers sent, to show again: known questions and choice values only."""
        return dict(_known_answers(self.data).lists())

    def for_whom(self) -> str:
        """The "who is this for" answer when it is one valid choice, else ""."""
        sent = self.data.getlist("for_whom") if hasattr(self.data, "getlist") else []
        return sent[0] if len(sent) == 1 and sent[0] in triage.CHOICES["for_whom"] else ""

    def error_items(self) -> list[tuple[str, str, str]]:
        """(field id, question, error) for the error summary, each question in one wording.

        The wording that fits the "who is this for" answer when it is valid, else the
        neutral one; the form's labels hold all three for the page to switch between.
        """
        whom = self.for_whom()
        items = []
        for field in self:
            question = translated(QUESTIONS_BY_KEY[field.name])
            text = {"self": question.self, "someone_else": question.other}.get(whom, question.both)
            items += [(str(field.auto_id), text, str(error)) for error in field.errors]
        return items

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


def _known_answers(data: object) -> QueryDict:
    """The answers in ``data`` to keep in a draft: the questions' own keys and choice values.

    Any other value becomes "" (still an error when the form is shown again, never the
    value itself), so a draft holds no free text and at most one value per choice.
    """
    known = QueryDict(mutable=True)
    if not hasattr(data, "getlist"):
        return known
    for question in QUESTIONS:
        choices = triage.CHOICES[question.key]
        sent = [v if v in choices else "" for v in data.getlist(question.key)]
        if sent:
            known.setlist(question.key, list(dict.fromkeys(sent)))
    return known


_blank_questionnaires: dict[str | None, str] = {}
_blank_generation = [0]  # of the helpline table the blank forms above were rendered with


def blank_questionnaire_html() -> SafeString:
    """The unanswered questionnaire's fields, rendered once per language per process.

    Rendering 18 questions' radios and checkboxes through crispy-forms was ~95% of the
    questionnaire page's time. The blank form is the same for every visitor and holds no
    CSRF token (the page's own <form> does), so it is rendered on first use and kept;
    a form with answers or errors is always rendered afresh. Kept until the helpline
    table changes (its help texts show numbers).
    """
    generation = helpline_table.generation()
    if generation != _blank_generation[0]:
        _blank_questionnaires.clear()
        _blank_generation[0] = generation
    return mark_safe(
        _per_language(_blank_questionnaires, lambda: render_crispy_form(QuestionnaireForm()))
    )


def phone_problem_message(problem: PhoneProblem) -> str:
    """What is wrong with a phone number, in the visitor's language, with an example."""
    messages = {
        PhoneProblem.LETTERS: gettext(
            "Please use only numbers in the phone number, like (212) 555-0199."
        ),
        PhoneProblem.CHARACTERS: gettext(
            "A phone number can only have numbers, spaces, dashes and brackets, "
            "like (212) 555-0199."
        ),
        PhoneProblem.NO_AREA_CODE: gettext(
            "Please add the 3-digit area code, like (212) 555-0199."
        ),
        PhoneProblem.TOO_SHORT: gettext(
            "This phone number is too short. Please give all 10 digits, with the area "
            "code, like (212) 555-0199."
        ),
        PhoneProblem.TOO_LONG: gettext(
            "This phone number has too many digits. A US number has 10 digits, "
            "like (212) 555-0199."
        ),
        PhoneProblem.NOT_US: gettext(
            "Please give a US phone number. If you don't have one, an email address is fine."
        ),
        PhoneProblem.INVALID: gettext(
            "This isn't a US phone number we can call. Please check the digits, or give "
            "an email address instead."
        ),
    }
    return messages[problem]


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
        fields = [
            "name",
            "phone",
            "email",
            "voicemail_ok",
            "text_ok",
            "safe_times",
            "best_time",
            "preferred_language",
            "consent",
        ]
        labels = {
            "name": _("Name (a first name is fine)"),
            "phone": _("Phone number"),
            "email": _("Email address"),
            "voicemail_ok": _("Yes, it's OK to leave a voicemail"),
            "text_ok": _("Yes, it's OK to send a text message"),
            "safe_times": _("Safe times to call, or times to avoid (optional)"),
            "best_time": _("Best time to reach you"),
            "preferred_language": _("Preferred language"),
        }
        widgets = {
            "best_time": forms.RadioSelect,
            "preferred_language": forms.RadioSelect,
            "phone": forms.TextInput(
                attrs={"autocomplete": "tel", "inputmode": "tel", "maxlength": 30}
            ),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "safe_times": forms.TextInput(attrs={"autocomplete": "off"}),
        }
        help_texts = {
            "phone": _(
                "A US number with its area code, like (212) 555-0199. Give a phone number, "
                "an email address, or both."
            ),
            "safe_times": _("For example: “weekdays after 6 p.m.” or “not at weekends”."),
        }
        error_messages = {
            "safe_times": {
                "max_length": _(
                    "Please keep this under %(limit_value)d characters (you wrote %(show_value)d)."
                ),
            },
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field_as(self.fields, "best_time", forms.ChoiceField).choices = BestTime.choices
        field_as(
            self.fields, "preferred_language", forms.ChoiceField
        ).choices = PreferredLanguage.choices
        for name in ("best_time", "preferred_language"):
            self.fields[name].error_messages["invalid_choice"] = gettext(
                "That answer isn't one of the choices."
            )
        if not self.is_bound and current_language() == SPANISH:
            # Someone reading in Spanish most likely wants a call in Spanish.
            self.initial.setdefault("preferred_language", PreferredLanguage.SPANISH)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the page's own <form> carries the token
        self.helper.layout = Layout(
            "name",
            "phone",
            "email",
            Fieldset(
                gettext("Keeping contact private (optional)"),
                HTML(
                    format_html(
                        '<p class="form-text mt-0">{}</p>',
                        gettext(
                            "If someone else might hear a voicemail or read your texts, "
                            "leave these boxes unticked: we won't leave messages unless "
                            "you say yes."
                        ),
                    )
                ),
                "voicemail_ok",
                "text_ok",
                "safe_times",
                css_class="share-safety",
            ),
            "best_time",
            "preferred_language",
            "consent",
        )

    def clean_name(self) -> str:
        name = clean_text(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(gettext("Please give a name we can ask for."))
        return name

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        if not phone:
            return ""
        try:
            return normalise_us_phone(phone)
        except PhoneError as error:
            raise forms.ValidationError(
                phone_problem_message(error.problem), code=error.problem.value
            ) from None

    def clean_safe_times(self) -> str:
        return clean_text(self.cleaned_data["safe_times"])

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        # A tampered form could send a field twice; never guess which value was meant.
        if hasattr(self.data, "getlist"):
            for name in self.fields:
                if len(self.data.getlist(name)) > 1:
                    self.add_error(name, gettext("Please fill this in once."))
        if not cleaned.get("phone") and not self.has_error("phone"):
            # Nothing to leave a message on or text: store no preference about it.
            cleaned["voicemail_ok"] = False
            cleaned["text_ok"] = False
        unreachable = not cleaned.get("phone") and not cleaned.get("email")
        if unreachable and not self.has_error("phone") and not self.has_error("email"):
            # Beside the phone field, where the person will type. A field with an error
            # is left out of the model's own check (contact_phone_or_email), so its
            # message never shows as well.
            self.add_error("phone", gettext("Give a phone number or an email address."))
        return cleaned

    def is_bot(self) -> bool:
        """True when the hidden field that people never see was filled in (a bot)."""
        return honeypot_filled(self.data)
