"""The intake workspace at /admin/intake/: the queue with filters and search.

A custom admin view on documented extension points only: the project's AdminSite adds
``workspace_urls`` in its ``get_urls()`` (iopguide/admin.py), the view is wrapped in
``admin_site.admin_view()`` (the admin's sign-in, django-axes lockout and session), and
its template extends ``admin/base_site.html``. Filters are a django-filter FilterSet,
the search a plain form (programs/intake/filters.py). Every page read is in the access
log, with any search kept only as a keyed hash.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import (
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
)
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse, QueryDict
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe

from programs.core.phones import display_phone
from programs.intake import audit
from programs.intake.admin.listing import COUNT_CAP
from programs.intake.admin.shared import staff_time
from programs.intake.due_times import is_overdue
from programs.intake.filters import PAGE_PARAM, QueueFilter, SearchForm, search_q
from programs.intake.models import CallAttempt
from programs.intake.queue_order import SORTS, Sort, after
from programs.questionnaire.models import ContactRequest, ContactStatus, Response

PERMISSION = "programs.view_response"
PER_PAGE = 50
# The session's "Save and next" walk through a queue: its filters and the responses done
# in it, so one whose call moved it further down is not offered again. Reading the queue
# starts a new walk.
WALK_KEY = "intake_queue_walk"
WALK_MAX = 500
# The queue's order: unhandled crisis (see Response.queue_rank), then due soonest (see
# Response.due_at; none last), then newest; read straight off the response_queue_order
# index. The other orders staff may choose are in programs/intake/queue_order.py.
ORDERING = SORTS["queue"].order_by
CHANGE_CONTACT_PERMISSION = "programs.change_contactrequest"
# A page's count stops here (20 pages), and further on only for later pages (see
# QueuePaginator): counting 10,001 joined rows on every load cost up to 200 ms at 200,000
# responses.
QUICK_COUNT_CAP = 1_000
# Requests somebody has reached have no due time and no crisis rank, so the queue's and
# the "due soonest" orders list them after every request still due: walking those orders'
# index to find them passes tens of thousands of rows first (about 200 ms at 200,000
# responses). Filtered on one of these statuses, the database sorts the matching rows
# instead (see ``_not_walked``). A partial index per status would do better, but needs a
# migration.
REACHED_STATUSES = frozenset(
    {ContactStatus.CONTACTED, ContactStatus.SCHEDULED, ContactStatus.CLOSED}
)
# Only what a row shows: the answers, reasons and the like stay in the database.
ROW_FIELDS = (
    "id",
    "reference_code",
    "created_at",
    "crisis",
    "language",
    "queue_rank",
    "due_at",
    "crisis_acknowledged_at",
    "crisis_acknowledged_by__username",
    "crisis_acknowledged_by__first_name",
    "crisis_acknowledged_by__last_name",
    "suggested_level__short_name",
    "suggested_level__level_number",
    "contact_request__id",
    "contact_request__name",
    "contact_request__phone",
    "contact_request__email",
    "contact_request__status",
    "contact_request__best_time",
    "contact_request__voicemail_ok",
    "contact_request__text_ok",
    "contact_request__safe_times",
    "contact_request__preferred_language",
    "contact_request__assigned_to__username",
    "contact_request__assigned_to__first_name",
    "contact_request__assigned_to__last_name",
)


def has_workspace_permission(request: HttpRequest) -> bool:
    """Intake staff and superusers: whoever may see responses."""
    user = request.user
    return bool(user.is_active and user.is_staff and user.has_perm(PERMISSION))


@dataclass(frozen=True)
class Row:
    pk: int
    reference_code: str
    received: datetime
    crisis: bool
    level: str
    name: str
    phone: str
    email: str
    language: str
    teen: bool
    has_contact: bool
    status: str
    best_time: str
    voicemail_ok: bool
    text_ok: bool
    safe_times: str
    assignee: str
    attempts: int
    next_callback: datetime | None
    url: str
    due: datetime | None
    due_in: str  # "in 3 h", "overdue by 2 days"
    due_text: str  # "Thu 4 Dec 10:00"
    overdue: bool
    acknowledged_at: datetime | None
    acknowledged_by: str
    acknowledged_when: str  # "10:02" today, "Wed 3 Dec 10:02" before
    acknowledge_url: str
    # What the template shows of the moments above, written once here (one format each)
    # rather than by filters per row: ``naturaltime``, ``{{ moment }}``, ``|date:'c'``.
    received_relative: str = ""
    received_text: str = ""
    received_iso: str = ""
    due_iso: str = ""
    next_callback_text: str = ""
    next_callback_iso: str = ""
    acknowledged_iso: str = ""


def _iso(moment: datetime | None) -> str:
    return timezone.localtime(moment).isoformat() if moment else ""


def due_in(due: datetime, now: datetime) -> str:
    """How far off a due time is, in words short enough for a column: "in 3 h"."""
    gap = abs(due - now)
    if gap < timedelta(hours=1):
        amount = f"{max(gap // timedelta(minutes=1), 1)} min"
    elif gap < timedelta(days=2):
        amount = f"{gap // timedelta(hours=1)} h"
    else:
        amount = f"{gap.days} days"
    return f"overdue by {amount}" if due < now else f"in {amount}"


def short_time(moment: datetime, now: datetime) -> str:
    """A moment as staff read it: "10:02" if today, else with its day, "Wed 3 Dec 10:02"."""
    local = timezone.localtime(moment)
    if local.date() == timezone.localtime(now).date():
        return formats.date_format(local, "H:i")
    return staff_time(moment, now)


def _name(first: str | None, last: str | None, username: str | None) -> str:
    return f"{first or ''} {last or ''}".strip() or username or ""


class QueuePaginator(Paginator):
    """Pages of the queue, counted only as far as the page asked for needs.

    ``object_list`` is the ordered queue of primary keys: the count reads only what the
    filters need (no row's columns, joins or call subqueries), and stops at
    QUICK_COUNT_CAP rows for the first pages, at the next multiple of it for a later one
    (at most COUNT_CAP), so an old link to page 60 still shows page 60. Past the cap the
    page says "more than", and the last page counted links to the next.
    """

    object_list: QuerySet

    def __init__(self, object_list: QuerySet, per_page: int, number: int) -> None:
        super().__init__(object_list, per_page)
        quick = min(QUICK_COUNT_CAP, COUNT_CAP)
        wanted = number * per_page
        self.cap = min(COUNT_CAP, max(quick, -(-wanted // quick) * quick))
        self.count_is_capped = False

    @cached_property
    def count(self) -> int:
        counted = self.object_list.order_by()[: self.cap + 1].count()
        self.count_is_capped = counted > self.cap
        return min(counted, self.cap)

    def has_more_pages(self, page: Page) -> bool:
        """Whether a page after ``page`` exists beyond the count (a link to it is offered)."""
        return self.count_is_capped and page.number == self.num_pages and self.cap < COUNT_CAP


def _not_walked(filterset: QueueFilter, sort: Sort) -> tuple:
    """``order_by``, sorted by the database rather than read off an index, where walking
    the index would pass most of the table (REACHED_STATUSES). The same order: a first key
    that is 0 for every row only stops the index from matching it."""
    status = filterset.form.cleaned_data.get("status")
    if status in REACHED_STATUSES and sort in (SORTS["queue"], SORTS["due"]):
        zero = ExpressionWrapper(F("id") * 0, output_field=IntegerField())
        return (zero.asc(), *sort.order_by)
    return sort.order_by


def _rows(object_list, filters_param: str, now: datetime) -> list[Row]:
    statuses = dict(ContactRequest._meta.get_field("status").flatchoices)
    best_times = dict(ContactRequest._meta.get_field("best_time").flatchoices)
    languages = dict(Response._meta.get_field("language").flatchoices)

    def text(moment: datetime | None) -> str:
        return staff_time(moment, now) if moment else ""

    change_url = reverse("admin:programs_response_change", args=[0]).replace("/0/", "/{}/")
    acknowledge_url = reverse("admin:programs_response_acknowledge", args=[0]).replace(
        "/0/", "/{}/"
    )
    rows = []
    for values in object_list:
        has_contact = values["contact_request__id"] is not None
        assignee = _name(
            values["contact_request__assigned_to__first_name"],
            values["contact_request__assigned_to__last_name"],
            values["contact_request__assigned_to__username"],
        )
        due = values["due_at"]
        acknowledged_at = values["crisis_acknowledged_at"]
        level = (
            f"{values['suggested_level__short_name']} ({values['suggested_level__level_number']})"
            if values["suggested_level__short_name"]
            else ""
        )
        url = change_url.format(values["id"])
        received = values["created_at"]
        next_callback = values["next_callback_at"]
        rows.append(
            Row(
                pk=values["id"],
                reference_code=values["reference_code"],
                received=values["created_at"],
                crisis=values["crisis"],
                level=level,
                name=values["contact_request__name"] or "",
                phone=display_phone(values["contact_request__phone"] or ""),
                email=values["contact_request__email"] or "",
                language=str(languages.get(values["language"], values["language"])),
                teen=values["age_group"] == "adolescent",
                has_contact=has_contact,
                status=str(statuses.get(values["contact_request__status"], "")),
                best_time=str(best_times.get(values["contact_request__best_time"], "")),
                voicemail_ok=bool(values["contact_request__voicemail_ok"]),
                text_ok=bool(values["contact_request__text_ok"]),
                safe_times=values["contact_request__safe_times"] or "",
                assignee=assignee or "",
                attempts=values["call_attempt_count"],
                next_callback=values["next_callback_at"],
                url=f"{url}?{filters_param}" if filters_param else url,
                due=due,
                due_in=due_in(due, now) if due else "",
                due_text=text(due),
                overdue=is_overdue(due, now),
                acknowledged_at=acknowledged_at,
                acknowledged_by=(
                    _name(
                        values["crisis_acknowledged_by__first_name"],
                        values["crisis_acknowledged_by__last_name"],
                        values["crisis_acknowledged_by__username"],
                    )
                    or "a former staff member"
                )
                if acknowledged_at
                else "",
                acknowledged_when=short_time(acknowledged_at, now) if acknowledged_at else "",
                acknowledge_url=acknowledge_url.format(values["id"]) if values["crisis"] else "",
                received_relative=naturaltime(received),
                received_text=text(received),
                received_iso=_iso(received),
                due_iso=_iso(due),
                next_callback_text=text(next_callback),
                next_callback_iso=_iso(next_callback),
                acknowledged_iso=_iso(acknowledged_at),
            )
        )
    return rows


def _state(query: QueryDict) -> QueryDict:
    """The filter and search state of a request, without the page number."""
    state = query.copy()
    state.pop(PAGE_PARAM, None)
    return state


def _page_number(request: HttpRequest) -> int:
    try:
        number = int(request.GET.get(PAGE_PARAM, "1"))
    except ValueError:
        return 1
    return max(number, 1)


def with_call_attempts(responses: QuerySet) -> QuerySet:
    """Each response's number of call attempts and its latest call's next callback.

    Two subqueries on the (response, created_at) index, in the queue's own query.
    """
    attempts = CallAttempt.objects.filter(response=OuterRef("pk"))
    return responses.annotate(
        call_attempt_count=Coalesce(
            Subquery(
                attempts.order_by().values("response").annotate(n=Count("pk")).values("n")[:1],
                output_field=IntegerField(),
            ),
            0,
        ),
        next_callback_at=Subquery(
            attempts.order_by("-created_at", "-pk").values("next_callback_at")[:1]
        ),
    )


def _filtered(request: HttpRequest, params: QueryDict) -> tuple[SearchForm, str, QueueFilter]:
    """The search form, the search and the FilterSet of a queue's ``params``."""
    search = SearchForm(params)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    responses = Response.objects.annotate(age_group=KT("answers__age_group"))
    found = search_q(query)
    if found is not None:
        responses = responses.filter(found)
    return search, query, QueueFilter(params, queryset=responses, request=request)


def queue_queryset(request: HttpRequest, params: QueryDict) -> QuerySet:
    """The responses of the queue with these filters and search, in the order chosen."""
    filterset = _filtered(request, params)[2]
    return filterset.qs.order_by(*filterset.chosen_sort().order_by)


def next_in_queue(
    request: HttpRequest, params: QueryDict, shown: Response, done: Sequence[int] = ()
) -> int | None:
    """The id of the response after ``shown`` in the queue with these ``params``, if any.

    ``shown`` holds what the queue was ordered by when it was shown (queue_rank, due_at,
    created_at and pk: a logged call may change the first two); ``done`` are left out.
    """
    filterset = _filtered(request, params)[2]
    sort = filterset.chosen_sort()
    return (
        filterset.qs.order_by(*_not_walked(filterset, sort))
        .filter(after(sort, shown))
        .exclude(pk__in=[shown.pk, *done])
        .values_list("pk", flat=True)
        .first()
    )


def workspace_view(site: AdminSite, request: HttpRequest) -> HttpResponse:
    if not has_workspace_permission(request):
        raise PermissionDenied
    search, query, filterset = _filtered(request, request.GET)
    # A new walk for "Save and next" (a session write only if there was one).
    request.session.pop(WALK_KEY, None)
    sort = filterset.chosen_sort()
    # The page's primary keys from the filters alone; then its rows' columns, joins and
    # call subqueries for those 50 rows only (one query, the keys as a subquery).
    keys = filterset.qs.order_by(*_not_walked(filterset, sort)).values("pk")
    number = _page_number(request)
    paginator = QueuePaginator(keys, PER_PAGE, number)
    # A page past the end (or not a number) shows the nearest page that exists.
    page = paginator.get_page(number)
    state = _state(request.GET)
    filters_param = urlencode({"_changelist_filters": state.urlencode()}) if state else ""
    rows = (
        _rows(
            with_call_attempts(
                Response.objects.annotate(age_group=KT("answers__age_group"))
                .filter(pk__in=page.object_list)
                .order_by(*sort.order_by)
            ).values(*ROW_FIELDS, "age_group", "call_attempt_count", "next_callback_at"),
            filters_param,
            timezone.now(),
        )
        if paginator.count
        else []
    )
    audit.record_queue_read(
        request, [row.reference_code for row in rows], page=page.number, query=query
    )

    def page_url(number: int) -> str:
        link = state.copy()
        link[PAGE_PARAM] = str(number)
        return "?" + link.urlencode()

    def sort_url(name: str) -> str:
        link = state.copy()
        link["sort"] = name
        return "?" + link.urlencode()

    ignored = [
        f"{filterset.form.fields[name].label}: {error}"
        for name, errors in filterset.form.errors.items()
        for error in errors
    ]
    can_acknowledge = request.user.has_perm(CHANGE_CONTACT_PERMISSION)
    rows_html = render_to_string(
        "admin/intake/workspace_rows.html",
        {
            "rows": rows,
            "can_acknowledge": can_acknowledge,
            "queue_state": state.urlencode(),
            "query": query,
            "filtered": bool(state),
        },
        request=request,
        using="jinja2",
    )
    context = {
        **site.each_context(request),
        "title": "Intake workspace",
        "subtitle": None,
        "search_form": search,
        "query": query,
        "filter_form": filterset.form,
        "ignored_filters": ignored,
        "rows": rows,
        # Written by Jinja2 with autoescaping (templates/jinja2/admin/intake/).
        "rows_html": mark_safe(rows_html),  # noqa: S308
        "page": page,
        "page_urls": [
            (number, page_url(number) if isinstance(number, int) else "")
            for number in paginator.get_elided_page_range(page.number)
        ],
        "previous_url": page_url(page.previous_page_number()) if page.has_previous() else "",
        "next_url": page_url(page.number + 1)
        if page.has_next() or paginator.has_more_pages(page)
        else "",
        "count": paginator.count,
        "count_is_capped": paginator.count_is_capped,
        "count_cap": paginator.cap,
        "filtered": bool(state),
        "queue_url": reverse("admin:intake_workspace"),
        "sort_label": sort.label,
        "sort_is_queue": sort is SORTS["queue"],
        "due_sort_url": sort_url("due"),
        "received_sort_url": sort_url("oldest" if sort is SORTS["newest"] else "newest"),
        "due_hours": settings.INTAKE_DUE_BUSINESS_HOURS,
        "can_acknowledge": can_acknowledge,
        "queue_state": state.urlencode(),
    }
    request.current_app = site.name
    return TemplateResponse(request, "admin/intake/workspace.html", context)


def workspace_urls(site: AdminSite) -> list[URLPattern]:
    """The workspace's URLs, for the project AdminSite's ``get_urls()``."""

    def view(request: HttpRequest) -> HttpResponse:
        return workspace_view(site, request)

    from programs.intake.admin.workspace_exports import workspace_export_urls

    return [
        path("intake/", site.admin_view(view), name="intake_workspace"),
        *workspace_export_urls(site),
    ]
