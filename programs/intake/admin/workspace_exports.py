"""The workspace's exports: the current filtered and searched queue as CSV or FHIR.

Exactly the rows the workspace's filters and search select, every page of them, in the
queue's order, through the same downloads as a response's own export buttons
(programs/intake/admin/shared.py): the same CSV, the same FHIR QuestionnaireResponse
(several of them in one FHIR Bundle of type "collection"), the same access-log entry and
the same cap. A POST with the admin's CSRF check, like every export; the filters and
search ride in the query string, as on the queue's own links.

A filter value nobody offered or a search that could not be read would widen the export
beyond what the person meant, so such an export is refused and the queue shown again,
naming what was wrong; nothing is exported or logged.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import cast

from django.contrib import messages
from django.contrib.admin import AdminSite
from django.core.exceptions import PermissionDenied
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    QueryDict,
    StreamingHttpResponse,
)
from django.urls import URLPattern, path, reverse
from django.utils import timezone

from programs.core.text import shorten
from programs.intake import audit, exports
from programs.intake.admin.shared import csv_download, fhir_download
from programs.intake.admin.workspace import has_workspace_permission, queue_queryset
from programs.intake.fhir_views import FHIR_JSON, fhir_base_url
from programs.intake.filters import PAGE_PARAM, QueueFilter, SearchForm, queue_state
from programs.intake.models import AuditAction, ExportFormat
from programs.questionnaire.models import Response, ResponseQuerySet

EXPORT_PERMISSION = "programs.export_response"


def has_export_permission(request: HttpRequest) -> bool:
    """Intake staff with the export permission, and superusers."""
    return has_workspace_permission(request) and request.user.has_perm(EXPORT_PERMISSION)


def _back_to_queue(request: HttpRequest) -> HttpResponseRedirect:
    """The workspace with the filters and search the export was asked for, if readable."""
    workspace = reverse("admin:intake_workspace")
    state = queue_state(request.GET.urlencode())
    return HttpResponseRedirect(f"{workspace}?{state}" if state else workspace)


def _read(request: HttpRequest, params: QueryDict) -> tuple[list[str], str]:
    """What the workspace would ignore in these filters and search, in words; the search."""
    search = SearchForm(params)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    problems = [str(error) for error in search.errors.get("q", [])]
    form = QueueFilter(params, queryset=Response.objects.none(), request=request).form
    problems += [
        f"{form.fields[name].label}: {error}"
        for name, errors in form.errors.items()
        for error in errors
    ]
    return problems, query


def _bundle_chunks(responses: ResponseQuerySet, base_url: str) -> Iterator[str]:
    """A FHIR R4 Bundle of type "collection" holding each response's QuestionnaireResponse,
    written one entry at a time so a big export is never built whole in memory."""
    identifier_system = f"{base_url}/identifier/reference-code"
    head = {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": timezone.now().replace(microsecond=0).isoformat(),
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "entry": ['
    for n, response in enumerate(responses.iterator(chunk_size=200)):
        entry = {
            # Stable for a response: the same reference code gives the same fullUrl.
            "fullUrl": "urn:uuid:"
            + str(
                uuid.uuid5(uuid.NAMESPACE_URL, f"{identifier_system}|{response.reference_code}")
            ),
            "resource": exports.questionnaire_response(response, base_url),
        }
        yield ("," if n else "") + json.dumps(entry, ensure_ascii=False)
    yield "]}"


def fhir_bundle_download(
    request: HttpRequest, responses: ResponseQuerySet, *, detail: str = ""
) -> StreamingHttpResponse:
    codes = list(responses.values_list("reference_code", flat=True))
    audit.record(
        request, AuditAction.EXPORTED, codes, export_format=ExportFormat.FHIR, detail=detail
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    download = StreamingHttpResponse(
        _bundle_chunks(responses, fhir_base_url(request)), content_type=FHIR_JSON
    )
    download["Content-Disposition"] = (
        f'attachment; filename="iop-guide-questionnaire-responses-{stamp}.json"'
    )
    return download


def export_view(request: HttpRequest, export_format: str) -> HttpResponse | StreamingHttpResponse:
    if export_format not in ExportFormat.values:
        raise Http404("No such export format.")
    if not has_export_permission(request):
        raise PermissionDenied
    if request.method != "POST":
        # An export is a POST from the workspace's buttons (CSRF-checked); a link to this
        # address just shows the queue it would export.
        return _back_to_queue(request)
    params = request.GET.copy()
    params.pop(PAGE_PARAM, None)  # every page, not the one on screen
    problems, query = _read(request, params)
    if problems:
        messages.error(
            request,
            "Nothing was exported: this list's filters or search could not all be read ("
            + "; ".join(shorten(problem, 200) for problem in problems)
            + "). Check them and export again.",
        )
        return _back_to_queue(request)
    responses = cast(ResponseQuerySet, queue_queryset(request, params)).for_queue()
    # Counting stops past the cap: a big table is never counted whole.
    count = responses.order_by()[: exports.MAX_EXPORT + 1].count()
    if count > exports.MAX_EXPORT:
        messages.error(
            request,
            f"More than {exports.MAX_EXPORT:,} responses in this list; export at most "
            f"{exports.MAX_EXPORT:,} at a time. Narrow the list with the filters or a "
            "search first.",
        )
        return _back_to_queue(request)
    if count == 0:
        messages.warning(request, "Nothing to export: this list is empty.")
        return _back_to_queue(request)
    # As on the queue's pages: a search is in the log only as a keyed hash.
    detail = "Intake workspace list"
    if query:
        detail += f"; searched (query HMAC-SHA256 {audit.query_digest(query)})"
    if export_format == ExportFormat.CSV:
        return csv_download(request, responses, detail=detail)
    if count == 1:
        # One response: the same document as its own page's FHIR download.
        only = list(responses[:1])
        if not only:  # deleted in the meantime
            messages.warning(request, "Nothing to export: this list is empty.")
            return _back_to_queue(request)
        return fhir_download(request, only[0], detail=detail)
    return fhir_bundle_download(request, responses, detail=detail)


def workspace_export_urls(site: AdminSite) -> list[URLPattern]:
    """The export URLs, added to the workspace's (``workspace_urls``)."""

    def view(request: HttpRequest, export_format: str) -> HttpResponse | StreamingHttpResponse:
        request.current_app = site.name
        return export_view(request, export_format)

    return [
        path(
            "intake/export/<str:export_format>/",
            site.admin_view(view),
            name="intake_workspace_export",
        )
    ]
