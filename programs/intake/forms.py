"""Forms the intake team uses on a response's page: status and assignment, notes, calls."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django import forms
from django.utils import timezone

from programs.core.forms import STAFF_FORM_RENDERER, StaffForm, field_as
from programs.intake.filters import queue_state
from programs.intake.models import CallAttempt, CallOutcome, StaffNote
from programs.intake.services import queue_staff, staff_name
from programs.questionnaire.models import ContactRequest, ContactStatus, Response

if TYPE_CHECKING:
    from django.contrib.auth.models import User


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return staff_name(obj)


class ContactUpdateForm(StaffForm):
    """Status and assignee, with what the page showed, so a colleague's change is not lost."""

    status = forms.ChoiceField(choices=ContactStatus.choices)
    assigned_to = StaffChoiceField(
        queryset=None, required=False, empty_label="Nobody", label="Assigned to"
    )
    expected_status = forms.ChoiceField(choices=ContactStatus.choices, widget=forms.HiddenInput)
    expected_assignee = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user: User, contact: ContactRequest, **kwargs) -> None:
        kwargs.setdefault(
            "initial",
            {
                "status": contact.status,
                "assigned_to": contact.assigned_to_id,
                "expected_status": contact.status,
                "expected_assignee": contact.assigned_to_id,
            },
        )
        super().__init__(*args, **kwargs)
        # The current assignee stays selectable even if they left the intake group.
        field_as(self.fields, "assigned_to", forms.ModelChoiceField).queryset = queue_staff(
            also=[user.pk, contact.assigned_to_id]
        )
        self.auto_id = "contact_%s"


class StaffNoteForm(forms.ModelForm):
    default_renderer = STAFF_FORM_RENDERER

    class Meta:
        model = StaffNote
        fields = ["text"]
        labels = {"text": "Add a note"}
        help_texts = {
            "text": "What happened or what comes next, e.g. a call made or a message left. "
            "Notes cannot be edited or deleted once added."
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 3, "cols": 60})}
        error_messages = {
            "text": {
                "required": "Write something in the note.",
                "max_length": (
                    "Keep a note to %(limit_value)d characters or fewer; add another for the rest."
                ),
            }
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.auto_id = "note_%s"

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError("Write something in the note.")
        return text


class DateInput(forms.DateInput):
    input_type = "date"


class TimeInput(forms.TimeInput):
    input_type = "time"


class CallbackWidget(forms.SplitDateTimeWidget):
    """A browser date picker and time picker, side by side."""

    def __init__(self, attrs=None) -> None:
        # The fieldset's legend names the pair; each box needs its own accessible name.
        date_attrs = {**(attrs or {}), "aria-label": "Callback date"}
        time_attrs = {**(attrs or {}), "aria-label": "Callback time"}
        forms.MultiWidget.__init__(
            self,
            (DateInput(date_attrs, format="%Y-%m-%d"), TimeInput(time_attrs, format="%H:%M")),
        )


CALLBACK_MAX_DAYS = 366


class CallLogForm(StaffForm):
    """One call in one save: outcome, note, next callback and the contact request's status.

    Carries what the page showed (status, response, the queue's filters) and a one-time
    token, so a colleague's change, a form from another page or a double submit is
    refused rather than saved.
    """

    outcome = forms.ChoiceField(
        choices=CallOutcome.choices,
        widget=forms.RadioSelect,
        label="How did the call go?",
        error_messages={
            "required": "Choose how the call went.",
            "invalid_choice": "Choose one of the outcomes listed.",
        },
    )
    note = forms.CharField(
        label="Note",
        required=False,
        max_length=CallAttempt._meta.get_field("note").max_length,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Optional. Notes cannot be edited or deleted once saved.",
        error_messages={
            "max_length": (
                "Keep a note to %(limit_value)d characters or fewer; add another for the rest."
            )
        },
    )
    next_callback = forms.SplitDateTimeField(
        label="Next callback",
        required=False,
        widget=CallbackWidget,
        help_text="Optional: date and time of the next call, in the intake team's time zone.",
        error_messages={
            "invalid_date": "Enter the callback date as a date, e.g. 2026-12-31.",
            "invalid_time": "Enter the callback time as a time, e.g. 10:00.",
        },
    )
    status = forms.ChoiceField(choices=ContactStatus.choices, label="Status")
    expected_status = forms.ChoiceField(choices=ContactStatus.choices, widget=forms.HiddenInput)
    response = forms.IntegerField(widget=forms.HiddenInput)
    form_token = forms.UUIDField(widget=forms.HiddenInput)
    changelist_filters = forms.CharField(required=False, strip=False, widget=forms.HiddenInput)

    def __init__(
        self,
        *args,
        response: Response,
        contact: ContactRequest,
        changelist_filters: str = "",
        **kwargs,
    ) -> None:
        kwargs.setdefault(
            "initial",
            {
                "status": contact.status,
                "expected_status": contact.status,
                "response": response.pk,
                "form_token": uuid.uuid4(),
                "changelist_filters": changelist_filters,
            },
        )
        super().__init__(*args, **kwargs)
        self.response_pk = response.pk
        self.auto_id = "call_%s"

    def clean_note(self) -> str:
        return self.cleaned_data["note"].strip()

    def clean_next_callback(self) -> datetime | None:
        when: datetime | None = self.cleaned_data["next_callback"]
        if when is None:
            return None
        now = timezone.now()
        if when <= now:
            raise forms.ValidationError(
                "The next callback must be in the future; check the date and time."
            )
        if when > now + timedelta(days=CALLBACK_MAX_DAYS):
            raise forms.ValidationError("The next callback must be within a year.")
        return when

    def clean_response(self) -> int:
        pk: int = self.cleaned_data["response"]
        if pk != self.response_pk:
            raise forms.ValidationError(
                "This form belongs to another response. Reload this page and try again."
            )
        return pk

    def clean_changelist_filters(self) -> str:
        state = queue_state(self.cleaned_data["changelist_filters"])
        if state is None:
            raise forms.ValidationError(
                "The link back to the queue was not valid. Open this response from the "
                "workspace again."
            )
        return state

    def non_field_messages(self) -> list[str]:
        """Errors of the hidden fields, which the page cannot show beside a field."""
        return [
            str(error)
            for name in ("expected_status", "response", "form_token", "changelist_filters")
            for error in self.errors.get(name, [])
        ] + [str(error) for error in self.non_field_errors()]
