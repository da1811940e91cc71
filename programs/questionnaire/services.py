"""The questionnaire's own writes: recording a response, and sharing contact details.

Each write here also keeps `Response.queue_rank` right, the stored copy of `queue_rank()`
the intake queue sorts by (models.py). Models do not do it in `save()`: every path that
writes a response or its contact request calls a service, these for the public site and
programs/intake/services.py for the intake team, so the upkeep is in plain sight.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import IntegrityError, transaction

from programs.levels.ids import level_id
from programs.questionnaire import triage
from programs.questionnaire.models import ContactRequest, Response, queue_rank, suggestion_fields
from programs.questionnaire.signals import (
    contact_request_shared,
    crisis_response_recorded,
    response_deleted_by_person,
)

__all__ = [
    "AlreadyShared",
    "delete_response",
    "initial_queue_rank",
    "record_response",
    "share_contact",
]


class AlreadyShared(Exception):
    """The response has a contact request already; it is never replaced."""


def initial_queue_rank(*, crisis: bool) -> int:
    """The rank of a response just received: no contact request and no notes yet."""
    return queue_rank(crisis=crisis, contact_status=None, has_notes=False)


def record_response(answers: Mapping[str, object], language: str = "en") -> Response:
    """Run the triage engine on valid answers and store the response, with its queue rank.

    Answers are language-independent keys; the reasons and notes are stored in the
    language the person used, as they saw them. A crisis response is announced with
    ``crisis_response_recorded`` (the intake team's notification).
    """
    suggestion = triage.suggest(answers, language=language)
    clean = triage.validate_answers(answers)  # a crisis may leave some answers out
    level_pk = level_id(suggestion.level) if suggestion.level is not None else None
    # One INSERT, atomic by itself (save() retries a taken reference code in its own
    # transaction), so no outer transaction and its extra round trips.
    response = Response.objects.create(
        for_whom=str(clean.get("for_whom", "")),
        answers={k: list(v) if isinstance(v, tuple) else v for k, v in clean.items()},
        suggested_level_id=level_pk,
        language=language,
        queue_rank=initial_queue_rank(crisis=suggestion.crisis),
        **suggestion_fields(suggestion),
    )
    if response.crisis:
        crisis_response_recorded.send(sender=Response, response_id=response.pk)
    return response


def share_contact(response: Response, contact: ContactRequest) -> ContactRequest:
    """Store ``contact`` (unsaved, from the share form) as ``response``'s contact request.

    The response must be saved and have no contact request yet: a second raises
    `AlreadyShared` and changes nothing; a response deleted meanwhile (the person pressed
    "delete" in another tab) raises ``Response.DoesNotExist``. Saves the request and the
    response's new queue rank in one transaction. Staff notes do not matter here: once a
    contact request exists, its status alone decides the rank (``queue_rank``). Receivers
    of ``contact_request_shared`` run in that transaction: the intake team's due time for
    the request (set by intake, whose calendar it is) and its notification.

    Simultaneous submits (a double click, ten tabs) wait for each other on the response
    row's lock, so only the first inserts and the others find its request: no INSERT ever
    fails on the one-request-per-response constraint. That matters beyond the 500 it
    would be: PostgreSQL writes a refused statement, contact details and all, to its log.
    """
    with transaction.atomic():
        # The lock the person's own deletion (delete_response) takes too.
        locked = Response.objects.select_for_update().filter(pk=response.pk).values("pk")
        if not locked:
            raise Response.DoesNotExist
        if ContactRequest.objects.filter(response_id=response.pk).exists():
            raise AlreadyShared
        contact.response = response
        try:
            with transaction.atomic():
                contact.save()
        except IntegrityError:
            # SQLite takes no row lock: a simultaneous submit may have inserted first.
            if ContactRequest.objects.filter(response_id=response.pk).exists():
                raise AlreadyShared from None
            raise
        rank = queue_rank(crisis=response.crisis, contact_status=contact.status, has_notes=False)
        Response.objects.filter(pk=response.pk).update(queue_rank=rank)
        contact_request_shared.send(
            sender=ContactRequest, response_id=response.pk, shared_at=contact.created_at
        )
    response.queue_rank = rank
    return contact


def delete_response(token: str) -> bool:
    """Delete the response with this public token, at its person's request; False if none.

    Its contact request and staff notes go with it (the foreign keys cascade). Receivers of
    ``response_deleted_by_person`` (the intake team's access log) run in the same
    transaction, so the deletion and its record happen together or not at all.
    """
    with transaction.atomic():
        response = (
            Response.objects.select_for_update()
            .filter(public_token=token)
            .only("pk", "reference_code")
            .first()
        )
        if response is None:
            return False
        code = response.reference_code
        had_contact_request = ContactRequest.objects.filter(response=response).exists()
        response.delete()
        response_deleted_by_person.send(
            sender=Response, reference_code=code, had_contact_request=had_contact_request
        )
    return True
