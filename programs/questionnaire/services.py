"""The questionnaire's own writes: recording a response, and sharing contact details.

Each write here also keeps `Response.queue_rank` right, the stored copy of `queue_rank()`
the intake queue sorts by (models.py). Models do not do it in `save()`: every path that
writes a response or its contact request calls a service, these for the public site and
programs/intake/services.py for the intake team, so the upkeep is in plain sight.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction

from programs.levels.models import TreatmentLevel
from programs.questionnaire import triage
from programs.questionnaire.models import ContactRequest, Response, queue_rank, suggestion_fields

__all__ = ["initial_queue_rank", "record_response", "share_contact"]


def initial_queue_rank(*, crisis: bool) -> int:
    """The rank of a response just received: no contact request and no notes yet."""
    return queue_rank(crisis=crisis, contact_status=None, has_notes=False)


def record_response(answers: Mapping[str, object], language: str = "en") -> Response:
    """Run the triage engine on valid answers and store the response, with its queue rank.

    Answers are language-independent keys; the reasons and notes are stored in the
    language the person used, as they saw them.
    """
    suggestion = triage.suggest(answers, language=language)
    clean = triage.validate_answers(answers)  # a crisis may leave some answers out
    level = None
    if suggestion.level is not None:
        level = TreatmentLevel.objects.get(slug=suggestion.level)
    # One INSERT, atomic by itself (save() retries a taken reference code in its own
    # transaction), so no outer transaction and its extra round trips.
    return Response.objects.create(
        for_whom=str(clean.get("for_whom", "")),
        answers={k: list(v) if isinstance(v, tuple) else v for k, v in clean.items()},
        suggested_level=level,
        language=language,
        queue_rank=initial_queue_rank(crisis=suggestion.crisis),
        **suggestion_fields(suggestion),
    )


def share_contact(response: Response, contact: ContactRequest) -> ContactRequest:
    """Store ``contact`` (unsaved, from the share form) as ``response``'s contact request.

    The response must be saved and have no contact request yet (the one-to-one refuses a
    second). Saves the request and the response's new queue rank in one transaction.
    Staff notes do not matter here: once a contact request exists, its status alone
    decides the rank (``queue_rank``).
    """
    with transaction.atomic():
        contact.response = response
        contact.save()
        rank = queue_rank(crisis=response.crisis, contact_status=contact.status, has_notes=False)
        Response.objects.filter(pk=response.pk).update(queue_rank=rank)
        response.queue_rank = rank
    return contact
