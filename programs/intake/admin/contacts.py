"""Admin for the intake team's contact requests: the list of who to call back."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from programs.core.text import shorten
from programs.intake import audit, exports
from programs.intake import services as queue
from programs.intake.admin.listing import AssigneeFilter, ContactStatusFilter, QueueFilter
from programs.intake.admin.shared import (
    QueueActionsMixin,
    SharedFilter,
    assignee_html,
    received_html,
    reference_html,
    search_by_code,
    status_badge,
)
from programs.intake.models import AuditAction
from programs.questionnaire.models import ContactRequest, Response, ResponseQuerySet


@admin.register(ContactRequest)
class ContactRequestAdmin(QueueActionsMixin, admin.ModelAdmin):
    """The callback list. Contact details only appear on the (logged) response page."""

    # Safe contact first: it decides how a call back may go (voicemail, texts, times).
    list_display = [
        "reference",
        "safe_to_contact",
        "shared",
        "contact_status",
        "assignee",
        "when_and_language",
    ]
    list_display_links = None
    list_select_related = ["response", "assigned_to"]
    change_list_template = "admin/programs/fast_change_list.html"
    list_filter = [
        QueueFilter,
        ContactStatusFilter,
        AssigneeFilter,
        ("created_at", SharedFilter),
    ]
    ordering = ["-created_at", "-id"]
    search_fields = ["response__reference_code"]

    def responses_of(self, queryset: QuerySet) -> ResponseQuerySet:
        return Response.objects.filter(contact_request__in=queryset)

    def changelist_view(self, request: HttpRequest, extra_context=None):
        return super().changelist_view(
            request, {"title": "Contact requests: who to call back", **(extra_context or {})}
        )

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str):
        return search_by_code(queryset, search_term, "response__reference_code"), False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        contact = self.get_object(request, unquote(object_id))
        if contact is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied
        return HttpResponseRedirect(
            reverse("admin:programs_response_change", args=[contact.response_id])
        )

    def delete_model(self, request: HttpRequest, obj: ContactRequest) -> None:
        audit.record(
            request, AuditAction.DELETED, [obj.response.reference_code], detail="contact request"
        )
        queue.delete_contact_request(obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        # One by one, so each response's queue rank is recomputed.
        for contact in queryset.select_related("response"):
            self.delete_model(request, contact)

    @admin.display(description="Reference")
    def reference(self, obj: ContactRequest) -> str:
        url = reverse("admin:programs_response_change", args=[obj.response_id])
        return reference_html(obj.response, url)

    @admin.display(description="Safe contact")
    def safe_to_contact(self, obj: ContactRequest) -> str:
        lines = exports.safe_contact(obj)
        if not lines:
            return format_html('<span class="queue-muted">{}</span>', "Email only")
        return format_html_join(
            mark_safe("<br>"),
            '<span class="{}">{}</span>',
            (("safe-ok" if line.allowed else "safe-no", shorten(line.text, 60)) for line in lines),
        )

    @admin.display(description="Shared", ordering="created_at")
    def shared(self, obj: ContactRequest) -> str:
        return received_html(obj.created_at)

    @admin.display(description="Status", ordering="status")
    def contact_status(self, obj: ContactRequest) -> str:
        return status_badge(obj)

    @admin.display(description="Assigned to")
    def assignee(self, obj: ContactRequest) -> str:
        return assignee_html(obj)

    @admin.display(description="Best time and language")
    def when_and_language(self, obj: ContactRequest) -> str:
        return format_html(
            "{}<br>{}", obj.get_best_time_display(), obj.get_preferred_language_display()
        )
