"""Admin for the program directory and the listing reports visitors send."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Case, Count, Q, QuerySet, Value, When
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html

from programs.core import caching
from programs.core.forms import field_as
from programs.directory.models import (
    FEATURE_CHOICES,
    FeatureKind,
    ListingReport,
    ListingReportQuerySet,
    Program,
    ProgramFeature,
)

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

# Form field name for each multi-valued attribute, stored as ProgramFeature rows.
FEATURE_FIELDS = {
    "formats": FeatureKind.FORMAT,
    "schedules": FeatureKind.SCHEDULE,
    "payments": FeatureKind.PAYMENT,
    "populations": FeatureKind.POPULATION,
    "medications": FeatureKind.MEDICATION,
    "languages": FeatureKind.LANGUAGE,
    "accessibility": FeatureKind.ACCESS,
}


class _NewReports(TypedDict):
    new_reports: int  # ProgramAdmin.get_queryset's count of each program's new reports


class ProgramAdminForm(forms.ModelForm):
    """The program's columns plus a group of checkboxes for each multi-valued attribute."""

    formats = forms.MultipleChoiceField(
        label="Formats", required=False, widget=forms.CheckboxSelectMultiple
    )
    schedules = forms.MultipleChoiceField(
        label="Schedule", required=False, widget=forms.CheckboxSelectMultiple
    )
    payments = forms.MultipleChoiceField(
        label="Payment accepted", required=False, widget=forms.CheckboxSelectMultiple
    )
    populations = forms.MultipleChoiceField(
        label="Groups served",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text='Tick "Women" or "Men" only for programs only or especially for them.',
    )
    medications = forms.MultipleChoiceField(
        label="Medication for opioid use", required=False, widget=forms.CheckboxSelectMultiple
    )
    languages = forms.MultipleChoiceField(
        label="Languages", required=False, widget=forms.CheckboxSelectMultiple
    )
    accessibility = forms.MultipleChoiceField(
        label="Accessibility", required=False, widget=forms.CheckboxSelectMultiple
    )
    website = forms.URLField(
        required=False, max_length=300, assume_scheme="https", help_text="Starts with https://"
    )

    class Meta:
        model = Program
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3, "maxlength": 600}),
            "description_es": forms.Textarea(attrs={"rows": 3, "maxlength": 800}),
        }
        fields = [
            "name",
            "slug",
            "organisation",
            "level",
            "description",
            "description_es",
            "is_demo",
            "street",
            "city",
            "state",
            "zip_code",
            "latitude",
            "longitude",
            "phone",
            "intake_phone",
            "website",
            "days_per_week",
            "hours_per_week",
            "length_weeks",
            "co_occurring",
            "session_times",
            "session_times_es",
            "accepting_new_clients",
            "accepts_moud",
            "intake_hours",
            "intake_hours_es",
            "wait_days",
            "last_verified",
        ]
        # In Meta, not set in __init__: a user who may only view programs gets a form
        # without these fields (the admin shows them read-only), and that was a 500.
        help_texts = {
            "latitude": (
                "Leave both empty to use the centre of the ZIP code, which then follows the "
                "ZIP code. A point you type in is kept as exact: if the address changes, "
                "change or clear it too."
            ),
            "accepts_moud": (
                "Many programs turn away people on these medicines; people need to know "
                "before they call. Leave it unknown unless the program has told you."
            ),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, kind in FEATURE_FIELDS.items():
            field_as(self.fields, name, forms.ChoiceField).choices = FEATURE_CHOICES[kind].choices
            if self.instance.pk:
                self.fields[name].initial = self.instance.feature_values(kind)

    def save_features(self, program: Program) -> None:
        """Store the ticked features; ``program`` is saved, in this request's transaction."""
        program.replace_features(
            {kind: self.cleaned_data.get(name, []) for name, kind in FEATURE_FIELDS.items()}
        )


class FeatureFilter(admin.SimpleListFilter):
    """Filters programs by one kind of feature (subclasses set `kind`)."""

    kind: str = ""

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return FEATURE_CHOICES[self.kind].choices

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() is None:
            return queryset
        chosen = ProgramFeature.objects.filter(kind=self.kind, value=self.value())
        return queryset.filter(pk__in=chosen.values("program_id"))


class FormatFilter(FeatureFilter):
    title = "format"
    parameter_name = "format"
    kind = FeatureKind.FORMAT


class PaymentFilter(FeatureFilter):
    title = "payment accepted"
    parameter_name = "payment"
    kind = FeatureKind.PAYMENT


class AccessibilityFilter(FeatureFilter):
    title = "accessibility"
    parameter_name = "access"
    kind = FeatureKind.ACCESS


class ListingReportInline(admin.TabularInline):
    """The program's reports, read-only here: staff resolve them in the report queue."""

    model = ListingReport
    extra = 0
    # One tuple for both: their stubs declare lists of different item types.
    fields = ("created_at", "kind", "details", "status")
    readonly_fields = fields
    ordering = ["-created_at"]
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Program | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Program | None = None) -> bool:
        return False


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    form = ProgramAdminForm
    list_display = [
        "name",
        "level_name",
        "place",
        "accepting_new_clients",
        "is_demo",
        "source",
        "last_verified",
        "open_reports",
    ]
    list_filter = [
        "level",
        FormatFilter,
        PaymentFilter,
        AccessibilityFilter,
        "is_demo",
        "accepting_new_clients",
        "accepts_moud",
        "coordinates_approximate",
        "source",
        "state",
    ]
    list_select_related = ["level"]
    search_fields = ["name", "organisation", "city", "zip_code"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["coordinates_approximate", "source", "frid", "created_at", "updated_at"]
    date_hierarchy = "last_verified"
    actions = ["mark_verified_today"]
    inlines = [ListingReportInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "organisation",
                    "level",
                    "description",
                    "description_es",
                    "is_demo",
                ]
            },
        ),
        (
            "Address and contact",
            {
                "fields": [
                    "street",
                    ("city", "state", "zip_code"),
                    ("latitude", "longitude", "coordinates_approximate"),
                    ("phone", "intake_phone"),
                    "website",
                ]
            },
        ),
        (
            "Schedule and format",
            {
                "fields": [
                    "formats",
                    "schedules",
                    ("session_times", "session_times_es"),
                    ("days_per_week", "hours_per_week", "length_weeks"),
                ]
            },
        ),
        (
            "Who it serves and how",
            {
                "fields": [
                    "populations",
                    "co_occurring",
                    "medications",
                    "accepts_moud",
                    "languages",
                    "accessibility",
                    "payments",
                ]
            },
        ),
        (
            "Intake",
            {
                "fields": [
                    "accepting_new_clients",
                    ("intake_hours", "intake_hours_es"),
                    "wait_days",
                ]
            },
        ),
        ("Source", {"fields": ["last_verified", "source", "frid", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .annotate(
                new_reports=Count("reports", filter=Q(reports__status=ListingReport.Status.NEW))
            )
        )

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        form.save_features(form.instance)

    @admin.display(description="Level", ordering="level__intensity_rank")
    def level_name(self, obj: Program) -> str:
        return obj.level.short_name

    @admin.display(description="Place", ordering="city")
    def place(self, obj: Program) -> str:
        return obj.place

    @admin.display(description="Open reports", ordering="new_reports")
    def open_reports(self, obj: WithAnnotations[Program, _NewReports]) -> str:
        if not obj.new_reports:
            return "–"
        return format_html("<strong>{}</strong>", obj.new_reports)

    # Changes public listings: for editors who may change programs (view-only intake staff
    # are neither offered it nor can post it), one admin log entry per program changed.
    @admin.action(
        description="Mark the selected programs as verified today", permissions=["change"]
    )
    def mark_verified_today(self, request: HttpRequest, queryset: QuerySet) -> None:
        today = timezone.localdate()
        with transaction.atomic():
            changed = list(
                Program.objects.select_for_update(of=("self",))
                .filter(pk__in=queryset.values("pk"))
                .exclude(last_verified=today)
                .select_related("level")
                .order_by("pk")
            )
            Program.objects.filter(pk__in=[program.pk for program in changed]).update(
                last_verified=today
            )
            for program in changed:
                self.log_change(request, program, f"Marked as verified on {today.isoformat()}.")
            caching.content_changed()  # update() sends no signals
        message = f"Marked {len(changed)} program(s) as verified today."
        already = queryset.count() - len(changed)
        if already:
            message += f" {already} had been verified today already."
        self.message_user(request, message, messages.SUCCESS)


@admin.register(ListingReport)
class ListingReportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "program", "program_level", "kind", "short_details", "status"]
    list_display_links = ["created_at"]
    list_filter = ["status", "kind", "program__is_demo"]
    list_select_related = ["program", "program__level"]
    search_fields = ["program__name", "details"]
    readonly_fields = ["program", "kind", "details", "created_at", "resolved_at"]
    fields = ["program", "kind", "details", "created_at", "status", "resolved_at"]
    actions = ["mark_resolved", "mark_new"]
    date_hierarchy = "created_at"

    def get_ordering(self, request: HttpRequest) -> list:
        # New reports first, newest first within each: the queue staff work through.
        new_first = Case(When(status=ListingReport.Status.NEW, then=Value(0)), default=Value(1))
        return [new_first.asc(), "-created_at", "-pk"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # reports come from visitors

    def save_model(self, request, obj: ListingReport, form, change) -> None:
        if obj.status == ListingReport.Status.RESOLVED and obj.resolved_at is None:
            obj.resolved_at = timezone.now()
        elif obj.status == ListingReport.Status.NEW:
            obj.resolved_at = None
        super().save_model(request, obj, form, change)

    @admin.display(description="Level", ordering="program__level__intensity_rank")
    def program_level(self, obj: ListingReport) -> str:
        return obj.program.level.short_name

    @admin.display(description="Details")
    def short_details(self, obj: ListingReport) -> str:
        return obj.details if len(obj.details) <= 80 else obj.details[:79] + "…"

    @admin.action(description="Mark the selected reports as resolved", permissions=["change"])
    def mark_resolved(self, request: HttpRequest, queryset: ListingReportQuerySet) -> None:
        count = self._change_status(request, queryset.unresolved(), "Marked as resolved.")
        self.message_user(request, f"Marked {count} report(s) as resolved.", messages.SUCCESS)

    @admin.action(description="Mark the selected reports as new again", permissions=["change"])
    def mark_new(self, request: HttpRequest, queryset: ListingReportQuerySet) -> None:
        count = self._change_status(
            request,
            queryset.filter(status=ListingReport.Status.RESOLVED),
            "Marked as new again.",
            reopen=True,
        )
        self.message_user(request, f"Marked {count} report(s) as new.", messages.SUCCESS)

    def _change_status(
        self,
        request: HttpRequest,
        queryset: ListingReportQuerySet,
        change_message: str,
        *,
        reopen: bool = False,
    ) -> int:
        """Resolve (or reopen) these reports, with one admin log entry per report changed."""
        with transaction.atomic():
            changed = list(
                ListingReport.objects.select_for_update(of=("self",))
                .filter(pk__in=queryset.values("pk"))
                .select_related("program")
                .order_by("pk")
            )
            reports = ListingReport.objects.filter(pk__in=[report.pk for report in changed])
            count = reports.reopen() if reopen else reports.resolve()
            for report in changed:
                self.log_change(request, report, change_message)
        return count
