"""Note drafts: what a staff member was typing in a response's note boxes, kept for them.

Saved from the response page while they type (js/staff-session.js), and just before the
idle sign-out, so a note survives it; put back in its box when they open the page again.
A draft belongs to one user: every function here takes that user from the request, never
from posted data. Drafts are the staff member's own unsent typing, so saving one is not
an access-log entry; their text is never logged. Saving the note, or logging the call,
deletes its draft (services.add_note, services.log_call); the purge deletes old ones.
"""

from __future__ import annotations

import unicodedata
from datetime import timedelta
from typing import TYPE_CHECKING

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format

from programs.intake.models import NoteDraft
from programs.questionnaire.models import Response

if TYPE_CHECKING:
    from django.contrib.auth.models import User

# The same limit as the notes themselves (StaffNote.text, CallAttempt.note).
MAX_LENGTH = NoteDraft._meta.get_field("text").max_length or 2000
ALLOWED_CONTROLS = {"\n", "\t"}


class NoteDraftForm(forms.Form):
    """One box's text as typed. Empty (or only spaces) deletes the draft."""

    box = forms.ChoiceField(
        choices=NoteDraft.Box.choices,
        error_messages={
            "required": "Say which note box this draft is for.",
            "invalid_choice": "There is no such note box.",
        },
    )
    # Checked in clean_text, after newlines are made one character each.
    text = forms.CharField(required=False, strip=False)

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].replace("\r\n", "\n").replace("\r", "\n")
        if len(text) > MAX_LENGTH:
            raise forms.ValidationError(
                f"A draft can be at most {MAX_LENGTH} characters, like the note itself."
            )
        if any(unicodedata.category(ch) == "Cc" and ch not in ALLOWED_CONTROLS for ch in text):
            raise forms.ValidationError("The note has characters that cannot be saved.")
        return text

    def first_error(self) -> str:
        for errors in self.errors.values():
            return str(errors[0])
        return "The draft could not be saved."


def save(response: Response, *, user: User, box: str, text: str) -> NoteDraft | None:
    """Keep ``text`` as ``user``'s draft for this box; empty text deletes it (None)."""
    if not text.strip():
        discard(response, user=user, box=box)
        return None
    draft, _created = NoteDraft.objects.update_or_create(
        user=user,
        response=response,
        box=box,
        defaults={"text": text, "updated_at": timezone.now()},
    )
    return draft


def discard(response: Response, *, user: User, box: str) -> int:
    deleted, _ = NoteDraft.objects.filter(user=user, response=response, box=box).delete()
    return deleted


def for_page(response: Response, user: User) -> dict[str, NoteDraft]:
    """This user's drafts for this response, by box: one query."""
    return {draft.box: draft for draft in NoteDraft.objects.filter(user=user, response=response)}


def saved_at(draft: NoteDraft) -> str:
    """When the draft was last saved, for "Restored your unsaved note from 10:42"."""
    local = timezone.localtime(draft.updated_at)
    if local.date() == timezone.localdate():
        return local.strftime("%H:%M")
    return f"{date_format(local, 'j F')}, {local.strftime('%H:%M')}"


def expired(now=None) -> QuerySet[NoteDraft]:
    """Drafts not touched for NOTE_DRAFT_MAX_AGE_DAYS: nobody is coming back for them."""
    now = now or timezone.now()
    return NoteDraft.objects.filter(
        updated_at__lt=now - timedelta(days=settings.NOTE_DRAFT_MAX_AGE_DAYS)
    )


def purge(now=None) -> int:
    """Delete the drafts past NOTE_DRAFT_MAX_AGE_DAYS; how many went."""
    deleted, _ = expired(now).delete()
    return deleted
