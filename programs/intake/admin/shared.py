"""What the intake team's two lists share: the response queue and the contact requests.

Their list settings, permissions and actions (QueueActionsMixin), the cells both show,
the reference-code search, the date filters and the CSV and FHIR downloads.
"""

from __future__ import annotations

import functools
import json
from datetime import datetime
from typing import TYPE_CHECKING, cast

from django.contrib import admin, messages
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import get_language

from programs.intake import audit, exports
from programs.intake import services as queue
from programs.intake.admin.listing import CappedCountPaginator
from programs.intake.admin.rows import FastChangeListRows
from programs.intake.due_times import is_overdue
from programs.intake.fhir_views import FHIR_JSON, fhir_base_url
from programs.intake.models import AuditAction, ExportFormat
from programs.questionnaire.models import (
    ContactRequest,
    Response,
    ResponseQuerySet,
    normalise_reference_code,
    queue_due_at,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import User

SEARCH_HELP = "Search by the 8-character reference code the person was given, e.g. ABCD2346."


def staff_user(request: HttpRequest) -> User:
    """The staff member making an admin request (the admin lets nobody else this far)."""
    if not request.user.is_authenticated:
        raise PermissionDenied
    return request.user


def search_by_code(queryset: QuerySet, term: str, field: str) -> QuerySet:
    """Exact match on the (unique, indexed) reference code; nothing else is searchable."""
    code = normalise_reference_code(term)
    if not code:
        return queryset
    return queryset.filter(**{field: code})


@functools.lru_cache(maxsize=4096)
def _date_and_time(local: datetime, language: str | None) -> str:
    """``local`` in the active language's DATETIME_FORMAT: the same rows come back on
    every reload of a list, and formatting one costs more than the rest of its row."""
    return formats.date_format(local, "DATETIME_FORMAT")


def received_html(moment: datetime) -> str:
    return format_html(
        '<span class="queue-relative">{}</span><br>'
        '<time class="queue-absolute" datetime="{}">{}</time>',
        naturaltime(moment),
        moment.isoformat(),
        _date_and_time(timezone.localtime(moment), get_language()),
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


def assignee_html(contact: ContactRequest) -> str:
    name = queue.staff_name(contact.assigned_to)
    if name:
        return format_html('<span class="queue-assignee">{}</span>', name)
    return format_html('<span class="queue-muted">{}</span>', "Unassigned")


def reference_html(response: Response, url: str = "") -> str:
    """The reference code, linked when ``url`` is given, with a crisis badge."""
    code = (
        format_html('<a class="queue-code" href="{}">{}</a>', url, response.reference_code)
        if url
        else format_html('<span class="queue-code">{}</span>', response.reference_code)
    )
    if not response.crisis:
        return code
    return format_html(
        '{}<br><span class="queue-badge queue-badge-crisis">{}</span>', code, "Crisis"
    )


class ReceivedFilter(admin.DateFieldListFilter):
    title_text = "received"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.title = self.title_text


class SharedFilter(ReceivedFilter):
    title_text = "shared"


class QueueActionsMixin(FastChangeListRows):
    """List settings, permissions and actions shared by the queue and the contact requests.

    Listed before admin.ModelAdmin, so these settings replace Django's defaults; each
    admin's own class attributes still come first.
    """

    search_help_text = SEARCH_HELP
    list_per_page = 50
    paginator = CappedCountPaginator
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    view_on_site = False
    actions = ["mark_contacted", "assign_to_me", "export_csv", "export_fhir"]

    class Media:
        css = {"all": ["css/intake-admin.css"]}

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        # Answers are never edited; status and assignment change on the response page's
        # own forms or through the actions.
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_change_contact_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("programs.change_contactrequest")

    def has_export_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("programs.export_response")

    def responses_of(self, queryset: QuerySet) -> ResponseQuerySet:
        # The queue's own rows, from ResponseAdmin.get_queryset; the contact requests'
        # admin overrides this.
        return cast(ResponseQuerySet, queryset)

    def _report(self, request: HttpRequest, result: queue.BulkResult, done: str) -> None:
        for code, changes in result.changed:
            audit.record(
                request,
                AuditAction.CONTACT_CHANGED,
                [code],
                detail=queue.describe_changes(changes),
            )
        if result.changed:
            self.message_user(request, f"{done}: {len(result.changed)}.", messages.SUCCESS)
        if result.skipped:
            self.message_user(
                request,
                f"Left alone: {result.skipped} (no contact request, or nothing to change).",
                messages.WARNING,
            )

    @admin.action(description="Mark contacted", permissions=["change_contact"])
    def mark_contacted(self, request: HttpRequest, queryset: QuerySet) -> None:
        result = queue.mark_contacted(self.responses_of(queryset), by=staff_user(request))
        self._report(request, result, "Marked contacted")

    @admin.action(description="Assign to me", permissions=["change_contact"])
    def assign_to_me(self, request: HttpRequest, queryset: QuerySet) -> None:
        user = staff_user(request)
        result = queue.assign(self.responses_of(queryset), to=user, by=user)
        self._report(request, result, "Assigned to you")

    @admin.action(description="Export selected as CSV", permissions=["export"])
    def export_csv(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        responses = self.responses_of(queryset)
        count = responses.count()
        if count > exports.MAX_EXPORT:
            self.message_user(
                request,
                f"{count:,} responses selected; export at most {exports.MAX_EXPORT:,} at a "
                "time. Narrow the list with the filters or dates first.",
                messages.ERROR,
            )
            return None
        return csv_download(request, responses.for_queue().order_by("-created_at", "-pk"))

    @admin.action(description="Export as FHIR QuestionnaireResponse (one)", permissions=["export"])
    def export_fhir(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        responses = list(self.responses_of(queryset).for_queue()[:2])
        if len(responses) != 1:
            self.message_user(
                request,
                "Select exactly one response to export as FHIR; each is its own document.",
                messages.WARNING,
            )
            return None
        return fhir_download(request, responses[0])


def csv_download(request: HttpRequest, responses: QuerySet) -> HttpResponse:
    codes = list(responses.values_list("reference_code", flat=True))
    audit.record(request, AuditAction.EXPORTED, codes, export_format=ExportFormat.CSV)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    download = HttpResponse(content_type="text/csv; charset=utf-8")
    download["Content-Disposition"] = f'attachment; filename="iop-guide-responses-{stamp}.csv"'
    # A byte-order mark so spreadsheet programs read accented names correctly.
    download.write("\ufeff")
    exports.write_csv(responses.iterator(chunk_size=500), download)
    return download


def fhir_download(request: HttpRequest, response: Response) -> HttpResponse:
    audit.record(request, AuditAction.EXPORTED, [response], export_format=ExportFormat.FHIR)
    document = exports.questionnaire_response(response, fhir_base_url(request))
    download = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2), content_type=FHIR_JSON
    )
    filename = f"iop-guide-{response.reference_code}-questionnaire-response.json"
    download["Content-Disposition"] = f'attachment; filename="{filename}"'
    return download
