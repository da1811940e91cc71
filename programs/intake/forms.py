"""Forms the intake team uses on a response's page: status and assignment, and notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms

from programs.core.forms import field_as
from programs.intake.models import StaffNote
from programs.intake.services import queue_staff, staff_name
from programs.questionnaire.models import ContactRequest, ContactStatus

if TYPE_CHECKING:
    from django.contrib.auth.models import User


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return staff_name(obj)


class ContactUpdateForm(forms.Form):
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
