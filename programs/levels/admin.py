"""Admin for content editors and intake staff."""

from django.contrib import admin
from django.http import HttpRequest

from programs.helplines.forms import TokenCheckedModelForm
from programs.levels.models import Service, SuitabilityCriterion, TreatmentLevel


class SuitabilityCriterionInline(admin.TabularInline):
    model = SuitabilityCriterion
    form = TokenCheckedModelForm
    extra = 0
    fields = ["kind", "area", "text", "text_es", "order"]


@admin.register(TreatmentLevel)
class TreatmentLevelAdmin(admin.ModelAdmin):
    # Texts may name a helpline as [[key]]; an unknown one is refused.
    form = TokenCheckedModelForm
    list_display = ["name", "level_number", "intensity_rank", "hours_display", "cost_rank"]
    list_display_links = ["name"]
    ordering = ["intensity_rank"]
    search_fields = ["name", "short_name", "summary", "name_es"]
    prepopulated_fields = {"slug": ["short_name"]}
    filter_horizontal = ["services"]
    inlines = [SuitabilityCriterionInline]
    fieldsets = [
        (
            None,
            {"fields": ["name", "short_name", "slug", "level_number", "summary", "description"]},
        ),
        (
            "Hours and schedule",
            {
                "fields": [
                    ("hours_adult_min", "hours_adult_max"),
                    ("hours_adolescent_min", "hours_adolescent_max"),
                    ("sessions_min", "sessions_max"),
                    "schedule_note",
                    ("length_weeks_min", "length_weeks_max"),
                    "length_note",
                    "typical_week",
                    "typical_week_text",
                ]
            },
        ),
        (
            "Setting and care",
            {
                "fields": [
                    "setting",
                    "lives_at_home",
                    "supervision_24h",
                    "medical_care",
                    "keeps_work_school",
                    "telehealth",
                    "services",
                    "steps_note",
                ]
            },
        ),
        ("Ordering", {"fields": ["intensity_rank", "cost_rank", "order"]}),
        (
            "Spanish",
            {
                "description": "Shown on the Spanish pages (/es/). An empty field shows "
                "the English text there instead.",
                "fields": [
                    ("name_es", "short_name_es"),
                    "summary_es",
                    "description_es",
                    "schedule_note_es",
                    "length_note_es",
                    "typical_week_text_es",
                    "setting_es",
                    "steps_note_es",
                ],
            },
        ),
    ]

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        # The triage engine names levels by slug and stored responses list the levels
        # they also suggest by slug: renaming one made every questionnaire suggesting it
        # fail. Set once, when a level is added; a POST carrying a new slug changes nothing.
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "slug"] if obj is not None else readonly

    def get_prepopulated_fields(self, request: HttpRequest, obj=None):
        return {} if obj is not None else super().get_prepopulated_fields(request, obj)

    @admin.display(description="Adult hours a week")
    def hours_display(self, obj: TreatmentLevel) -> str:
        return obj.adult_hours_text


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    form = TokenCheckedModelForm
    list_display = ["name", "name_es", "slug", "order"]
    search_fields = ["name", "description", "name_es"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(SuitabilityCriterion)
class SuitabilityCriterionAdmin(admin.ModelAdmin):
    form = TokenCheckedModelForm
    list_display = ["text", "level", "kind", "area", "order"]
    list_filter = ["level", "kind", "area"]
    list_select_related = ["level"]
    search_fields = ["text", "text_es"]
