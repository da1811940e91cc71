"""What the intake team's admin pages share: the response page's permissions, the cells
it and the access log show, and the CSV and FHIR downloads (from a response's page and
from the workspace, programs/intake/admin/workspace_exports.py).
"""

from __future__ import annotations

import functools
import json
from datetime import datetime
from typing import TYPE_CHECKING

from django.contrib.humanize.templatetags.humanize import naturaltime
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import dateformat, timezone
from django.utils.html import format_html
from django.utils.translation import get_language

from programs.intake import audit, exports
from programs.intake.due_times import is_overdue
from programs.intake.fhir_views import FHIR_JSON, fhir_base_url
from programs.intake.models import AuditAction, ExportFormat
from programs.questionnaire.models import (
    ContactRequest,
    Response,
    queue_due_at,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def staff_user(request: HttpRequest) -> User:
    """The staff member making an admin request (the admin lets nobody else this far)."""
    if not request.user.is_authenticated:
        raise PermissionDenied
    return request.user


# Every staff page writes a moment one way, in the team's time zone (TIME_ZONE): the
# weekday, day, month and 24-hour time, "Wed 2 Dec 15:57", with the year when it is not
# this year's, "Tue 2 Dec 2025 15:57".
STAFF_TIME = "D j M H:i"
STAFF_TIME_WITH_YEAR = "D j M Y H:i"


def staff_time(moment: datetime, now: datetime | None = None) -> str:
    """``moment`` as every staff page writes it (received, due, shared, calls, timeline)."""
    local = timezone.localtime(moment)
    this_year = timezone.localtime(now or timezone.now()).year
    return _staff_time(local, local.year == this_year, get_language())


@functools.lru_cache(maxsize=4096)
def _staff_time(local: datetime, this_year: bool, language: str | None) -> str:
    """The same rows come back on every reload of a list, and formatting a moment costs
    more than the rest of its row: remembered per moment (and language, for the names)."""
    return dateformat.format(local, STAFF_TIME if this_year else STAFF_TIME_WITH_YEAR)


def received_html(moment: datetime) -> str:
    return format_html(
        '<span class="queue-relative">{}</span><br>'
        '<time class="queue-absolute" datetime="{}">{}</time>',
        naturaltime(moment),
        moment.isoformat(),
        staff_time(moment),
    )


def status_badge(contact: ContactRequest | None, now: datetime | None = None) -> str:
    if contact is None:
        return format_html('<span class="queue-muted">{}</span>', "None")
    waiting = ""
    due = queue_due_at(contact_status=contact.status, due_at=contact.due_at)
    if is_overdue(due, now or timezone.now()):
        waiting = format_html(
            ' <span class="queue-badge queue-badge-waiting" title="{}">{}</span>',
            "Nobody has reached them by the time they were due for a first call",
            "Overdue",
        )
    return format_html(
        '<span class="queue-badge queue-status-{}">{}</span>{}',
        contact.status,
        contact.get_status_display(),
        waiting,
    )


class ResponsePermissionsMixin:
    """Who may do what on a response's page, beyond seeing it.

    Listed before admin.ModelAdmin, so these replace Django's defaults.
    """

    view_on_site = False

    class Media:
        css = {"all": ["css/intake-admin.css"]}

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        # Answers are never edited; status and assignment change on the response page's
        # own forms.
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_change_contact_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("programs.change_contactrequest")

    def has_export_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("programs.export_response")


def csv_download(request: HttpRequest, responses: QuerySet, *, detail: str = "") -> HttpResponse:
    codes = list(responses.values_list("reference_code", flat=True))
    audit.record(
        request, AuditAction.EXPORTED, codes, export_format=ExportFormat.CSV, detail=detail
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    download = HttpResponse(content_type="text/csv; charset=utf-8")
    download["Content-Disposition"] = f'attachment; filename="iop-guide-responses-{stamp}.csv"'
    # A byte-order mark so spreadsheet programs read accented names correctly.
    download.write("\ufeff")
    exports.write_csv(responses.iterator(chunk_size=500), download)
    return download


def fhir_download(request: HttpRequest, response: Response, *, detail: str = "") -> HttpResponse:
    audit.record(
        request, AuditAction.EXPORTED, [response], export_format=ExportFormat.FHIR, detail=detail
    )
    document = exports.questionnaire_response(response, fhir_base_url(request))
    download = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2), content_type=FHIR_JSON
    )
    filename = f"iop-guide-{response.reference_code}-questionnaire-response.json"
    download["Content-Disposition"] = f'attachment; filename="{filename}"'
    return download
