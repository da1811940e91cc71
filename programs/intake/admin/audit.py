"""The access log, for superusers only, and read-only even for them.

Documented ModelAdmin options only, with Django's own list templates: the capped
paginator keeps a page from counting the whole table, and there is no date drill-down
(``date_hierarchy`` lists every distinct date): the date filter narrows instead.
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html

from programs.intake.admin.listing import CappedCountPaginator
from programs.intake.admin.shared import received_html
from programs.intake.models import AuditEntry
from programs.questionnaire.models import normalise_reference_code

CODES_SHOWN = 5
ADMIN_PREFIX = "/admin/programs/"


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["when", "actor_name", "what", "responses", "page", "detail"]
    list_display_links = ["when"]
    list_filter = ["action", "export_format", ("at", admin.DateFieldListFilter)]
    search_fields = ["actor_name", "reference_codes"]
    search_help_text = "Search by staff username (exact) or a reference code."
    ordering = ["-at", "-id"]
    list_per_page = 100
    paginator = CappedCountPaginator
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    view_on_site = False
    actions = None
    # One tuple for both: their stubs declare lists of different item types.
    fields = (
        "at",
        "actor_name",
        "actor",
        "action",
        "export_format",
        "response_count",
        "reference_codes",
        "path",
        "detail",
    )
    readonly_fields = fields

    class Media:
        css = {"all": ["css/intake-admin.css"]}

    def _superuser(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._superuser(request)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._superuser(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str):
        term = search_term.strip()
        if not term:
            return queryset, False
        code = normalise_reference_code(term)
        return queryset.filter(actor_name=term) | queryset.filter(
            reference_codes__contains=code
        ), False

    @admin.display(description="When", ordering="at")
    def when(self, obj: AuditEntry) -> str:
        return received_html(obj.at)

    def changelist_view(self, request: HttpRequest, extra_context=None):
        return super().changelist_view(
            request,
            {"title": "Response access log: who saw or changed what", **(extra_context or {})},
        )

    @admin.display(description="What", ordering="action")
    def what(self, obj: AuditEntry) -> str:
        if obj.export_format:
            return f"{obj.get_action_display()} ({obj.get_export_format_display()})"
        return obj.get_action_display()

    @admin.display(description="Admin page", ordering="path")
    def page(self, obj: AuditEntry) -> str:
        # The admin prefix is the same on every row; the rest says which page.
        return obj.path.removeprefix(ADMIN_PREFIX) or "—"

    @admin.display(description="Responses", ordering="response_count")
    def responses(self, obj: AuditEntry) -> str:
        codes = obj.reference_code_list
        shown = " ".join(codes[:CODES_SHOWN])
        more = len(codes) - CODES_SHOWN
        if more > 0:
            return format_html('{} <span class="queue-muted">and {} more</span>', shown, more)
        return shown
