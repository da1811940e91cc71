"""Admin for content editors: correct a help-and-facts page's words in both languages."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from programs.guides.forms import GuideSectionForm
from programs.guides.models import GuidePage, GuideSection


class GuideSectionInline(admin.StackedInline):
    model = GuideSection
    form = GuideSectionForm
    extra = 0
    fields = ["order", "heading", "body", "heading_es", "body_es"]


@admin.register(GuidePage)
class GuidePageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "reviewed_on"]
    ordering = ["order"]
    search_fields = ["title", "summary", "sections__body", "sections__body_es"]
    readonly_fields = ["slug"]
    filter_horizontal = ["levels"]
    inlines = [GuideSectionInline]
    fieldsets = [
        (None, {"fields": ["slug", "title", "summary", "reviewed_on"]}),
        ("Sources and links", {"fields": ["sources", "levels", "order"]}),
        (
            "Spanish",
            {
                "description": "Shown on the Spanish pages (/es/). An empty field shows the "
                "English text there instead.",
                "fields": ["title_es", "summary_es"],
            },
        ),
    ]

    # The pages are the site's addresses (programs/urls.py): editors correct them, and
    # `load_content` puts back the shipped text; none is added or removed here.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
