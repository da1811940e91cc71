"""Admin list helpers for big tables: a capped count and the intake queue's filters."""

from __future__ import annotations

from django.contrib import admin
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import cached_property

from programs.intake.services import crisis_since, queue_staff, staff_name
from programs.questionnaire.models import NOT_REACHED_STATUSES, OPEN_STATUSES, ContactStatus

COUNT_CAP = 10_000


class CappedCountPaginator(Paginator):
    """Counts at most COUNT_CAP + 1 rows, so a page load never counts the whole table.

    ``SELECT COUNT(*) FROM (… LIMIT 10001)`` stops early on a big table and is exact on a
    small one or a narrow filter. Past the cap the list says "more than 10,000" and offers
    the first 10,000 rows' pages; nobody pages that deep, they filter or search.
    """

    object_list: QuerySet  # the admin only ever pages querysets
    count_is_capped = False

    @cached_property
    def count(self) -> int:
        # Unordered: which 10,001 rows are counted does not matter, so no sort or index walk.
        counted = self.object_list.order_by()[: COUNT_CAP + 1].count()
        self.count_is_capped = counted > COUNT_CAP
        return min(counted, COUNT_CAP)


class QueueFilter(admin.SimpleListFilter):
    """The admin home page's three counts, as filters that list exactly what they count."""

    title = "needs attention"
    parameter_name = "queue"

    def lookups(self, request: HttpRequest, model_admin) -> list[tuple[str, str]]:
        return [
            ("crisis_recent", "Crisis, last 7 days"),
            ("new", "New contact requests"),
            ("waiting", "Overdue (nobody reached them by their due time)"),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        now = timezone.now()
        prefix = self.contact_prefix(queryset)
        value = self.value()
        if value == "crisis_recent":
            # From a contact request the crisis flag is on its response.
            response = "" if prefix else "response__"
            return queryset.filter(
                **{f"{response}crisis": True, f"{response}created_at__gte": crisis_since(now)}
            )
        if value == "new":
            return queryset.filter(**{f"{prefix}status": ContactStatus.NEW})
        if value == "waiting":
            return queryset.filter(
                **{
                    f"{prefix}status__in": NOT_REACHED_STATUSES,
                    f"{prefix}due_at__lt": now,
                }
            )
        return queryset

    @staticmethod
    def contact_prefix(queryset: QuerySet) -> str:
        """Lookups to the contact request: through the relation from a response, else none."""
        return "contact_request__" if queryset.model._meta.model_name == "response" else ""


class ContactStatusFilter(admin.SimpleListFilter):
    title = "contact request status"
    parameter_name = "contact_status"

    def lookups(self, request: HttpRequest, model_admin) -> list[tuple[str, str]]:
        choices = [("open", "Open (not closed or referred)")] + list(ContactStatus.choices)
        if model_admin.model._meta.model_name == "response":
            choices.append(("none", "No contact request"))
        return choices

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        prefix = QueueFilter.contact_prefix(queryset)
        value = self.value()
        if value == "open":
            return queryset.filter(**{f"{prefix}status__in": OPEN_STATUSES})
        if value == "none" and prefix:
            return queryset.filter(contact_request__isnull=True)
        if value in ContactStatus.values:
            return queryset.filter(**{f"{prefix}status": value})
        return queryset


class AssigneeFilter(admin.SimpleListFilter):
    title = "assigned to"
    parameter_name = "assignee"

    def lookups(self, request: HttpRequest, model_admin) -> list[tuple[str, str]]:
        staff = [(str(user.pk), staff_name(user)) for user in queue_staff()]
        return [("me", "Me"), ("nobody", "Nobody (open requests)"), *staff]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        prefix = QueueFilter.contact_prefix(queryset)
        value = self.value()
        if value == "me":
            return queryset.filter(**{f"{prefix}assigned_to": request.user.pk})
        if value == "nobody":
            return queryset.filter(
                **{f"{prefix}assigned_to__isnull": True, f"{prefix}status__in": OPEN_STATUSES}
            )
        if value and value.isascii() and value.isdigit() and len(value) < 19:
            return queryset.filter(**{f"{prefix}assigned_to": int(value)})
        return queryset
