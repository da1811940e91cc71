"""Signals the questionnaire sends, for rooms above it to act on without being imported here."""

from __future__ import annotations

from django.dispatch import Signal

# Sent by services.delete_response inside its transaction, after a person deleted their own
# response from the public site. Arguments: reference_code (str), had_contact_request (bool).
# Never answers or contact details: receivers get only what an access log may hold.
response_deleted_by_person = Signal()
