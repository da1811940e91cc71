"""Signals the questionnaire sends, for rooms above it to act on without being imported here.

Never answers or contact details: receivers get only what an access log may hold. The
intake room connects its receivers in programs/apps.py.
"""

from __future__ import annotations

from django.dispatch import Signal

# Sent by services.delete_response inside its transaction, after a person deleted their own
# response from the public site. Arguments: reference_code (str), had_contact_request (bool).
response_deleted_by_person = Signal()

# Sent by services.record_response after storing a crisis response. Argument: response_id.
crisis_response_recorded = Signal()

# Sent by services.share_contact inside its transaction, after storing a new contact
# request. Arguments: response_id, shared_at (the request's created_at).
contact_request_shared = Signal()
