"""Recording the access log: who viewed, exported or changed which responses, and where.

Entries carry reference codes, counts, statuses and page paths only. Callers must never
pass answer values, note text or contact details in ``detail``.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Iterable

from django.conf import settings
from django.http import HttpRequest

from programs.intake.models import AuditAction, AuditEntry
from programs.questionnaire.models import Response

logger = logging.getLogger(__name__)

PATH_LENGTH = AuditEntry._meta.get_field("path").max_length
DETAIL_LENGTH = AuditEntry._meta.get_field("detail").max_length


def _codes(responses: Iterable[Response | str]) -> list[str]:
    return [r if isinstance(r, str) else r.reference_code for r in responses]


def _save(entry: AuditEntry, codes: list[str]) -> AuditEntry:
    entry.reference_codes = " ".join(codes)
    entry.response_count = len(codes)
    entry.detail = entry.detail[:DETAIL_LENGTH]
    entry.save()
    # The log line says what kind of thing happened, never to whom.
    logger.info(
        "access log: %s by user %s, %d response(s)",
        entry.action,
        entry.actor_id or entry.actor_name,
        entry.response_count,
    )
    return entry


def record(
    request: HttpRequest,
    action: AuditAction,
    responses: Iterable[Response | str] = (),
    *,
    export_format: str = "",
    detail: str = "",
) -> AuditEntry:
    """Record what the signed-in staff member did, on which responses, from which page."""
    user = request.user
    entry = AuditEntry(
        actor=user if user.is_authenticated else None,
        actor_name=user.get_username() if user.is_authenticated else "anonymous",
        action=action,
        export_format=export_format,
        # The path only: a query string can hold whatever someone typed into a search box.
        path=request.path[:PATH_LENGTH],
        detail=detail,
    )
    return _save(entry, _codes(responses))


def record_command(
    command: str, action: AuditAction, codes: Iterable[str], *, detail: str = ""
) -> AuditEntry:
    """Record what a management command did, with the command as the actor."""
    entry = AuditEntry(
        actor=None,
        actor_name=f"manage.py {command}",
        action=action,
        path="",
        detail=detail,
    )
    return _save(entry, list(codes))


def record_deletion_by_person(
    sender: object, *, reference_code: str, had_contact_request: bool, **kwargs: object
) -> AuditEntry:
    """Record that someone deleted their own response from the public site.

    Receives the questionnaire's ``response_deleted_by_person`` signal (connected in
    programs/apps.py): the questionnaire may not import intake, so it announces the
    deletion and the access log, which is intake's, records it. No answers, no contact.
    """
    detail = "Deleted by the person who answered, from the result page"
    if had_contact_request:
        detail += "; their contact request went with it"
    entry = AuditEntry(
        actor=None,
        actor_name="the person who answered (public site)",
        action=AuditAction.DELETED,
        path="",
        detail=detail + ".",
    )
    return _save(entry, [reference_code])


def query_digest(query: str) -> str:
    """A search query as the access log keeps it: an HMAC-SHA256 keyed with SECRET_KEY.

    Whitespace and case are folded first, so the same search typed twice gives the same
    digest (an auditor holding the key can check "was this name searched?") while the log
    itself never holds a name, phone number or email address in clear.
    """
    folded = " ".join(query.split()).casefold()
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, folded.encode("utf-8", "replace"), hashlib.sha256).hexdigest()


def record_queue_read(
    request: HttpRequest,
    responses: Iterable[Response | str],
    *,
    page: int,
    query: str = "",
) -> AuditEntry:
    """Record one look at the intake workspace's queue: the rows shown, and any search.

    The rows carry names and phone numbers, so a page of the queue is a read of each
    response on it. A search is kept only as ``query_digest`` of what was typed.
    """
    detail = f"Intake workspace queue, page {page}"
    if query:
        detail += f"; searched (query HMAC-SHA256 {query_digest(query)})"
    return record(request, AuditAction.VIEWED, responses, detail=detail)
