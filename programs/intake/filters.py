"""The intake workspace's queue filters and search, with django-filter and a plain form.

A value nobody offered (a tampered link, an old bookmark) is left out of the filtering
and named on the page: the queue never fails over a filter.
"""

from __future__ import annotations

import contextlib
import unicodedata

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import QueryDict
from django.utils import timezone

from programs.core.forms import StaffForm
from programs.core.phones import PhoneError, normalise_us_phone
from programs.intake.due_times import end_of_today, overdue_q
from programs.intake.queue_order import DEFAULT_SORT, SORT_CHOICES, SORTS, Sort
from programs.intake.services import crisis_since, queue_staff
from programs.levels.models import TreatmentLevel
from programs.questionnaire.models import (
    ContactRequest,
    ContactStatus,
    Response,
    SiteLanguage,
    normalise_reference_code,
)

SEARCH_MAX_LENGTH = 200
QUEUE_STATE_MAX_LENGTH = 1000
PAGE_PARAM = "page"
NO_REQUEST = "none"
YES_NO = [("yes", "Yes"), ("no", "No")]


class SearchForm(StaffForm):
    """``?q=``: a reference code, a name, a phone number in any format, or an email."""

    q = forms.CharField(
        label="Search",
        required=False,
        strip=True,
        # Checked in clean_q, to say so in words rather than cut the text silently.
        max_length=None,
        help_text=(
            "Reference code (any case, spaces or dashes), name, phone number in any "
            "format, or email address."
        ),
    )

    def clean_q(self) -> str:
        query: str = self.cleaned_data["q"]
        if len(query) > SEARCH_MAX_LENGTH:
            raise forms.ValidationError(f"Search for at most {SEARCH_MAX_LENGTH} characters.")
        if any(unicodedata.category(c) == "Cc" for c in query):
            raise forms.ValidationError(
                "The search contains control characters (e.g. a tab or a pasted line "
                "break); type it again."
            )
        return query


def search_q(query: str) -> Q | None:
    """Which responses ``query`` finds, or None when there is nothing to search for.

    The ids of the matching contact requests' responses, with the response of a matching
    reference code: one OR across the two tables would make the database join and test
    every response (seconds at 200,000 responses, against milliseconds this way).
    """
    query = query.strip()
    if not query:
        return None
    contact = Q(name__icontains=query)
    # Stored phone numbers are E.164 (programs/core/phones.py); so is what was typed.
    with contextlib.suppress(PhoneError):
        contact |= Q(phone=normalise_us_phone(query))
    if "@" in query:
        contact |= Q(email__iexact=query)
    found = ContactRequest.objects.filter(contact).order_by().values("response_id")
    code = normalise_reference_code(query)
    if code:
        by_code = Response.objects.filter(reference_code=code).order_by().values("pk")
        found = found.union(by_code)
    return Q(pk__in=found)


def _yes_no(queryset: QuerySet, field: str, value: str) -> QuerySet:
    if value == "yes":
        return queryset.filter(**{field: True})
    if value == "no":
        return queryset.filter(**{field: False})
    return queryset


class QueueFilter(django_filters.FilterSet):
    """Needs attention, status, assignee, "mine", level, crisis, language, due; and the order."""

    class Meta:
        form = StaffForm

    # The admin home page's counts (services.queue_summary), listed exactly.
    queue = django_filters.ChoiceFilter(
        label="Needs attention",
        choices=[
            ("crisis_recent", "Crisis, last 7 days"),
        ],
        method="filter_queue",
        empty_label="Everything",
    )
    status = django_filters.ChoiceFilter(
        label="Contact request",
        choices=[(NO_REQUEST, "No contact request"), *ContactStatus.choices],
        method="filter_status",
        empty_label="Any",
    )
    assignee = django_filters.ModelChoiceFilter(
        label="Assignee",
        field_name="contact_request__assigned_to",
        queryset=queue_staff(),
        empty_label="Anyone",
    )
    mine = django_filters.ChoiceFilter(
        label="Assigned to me",
        choices=[("yes", "Only mine")],
        method="filter_mine",
        empty_label="Everyone's",
    )
    level = django_filters.ModelChoiceFilter(
        label="Suggested level",
        field_name="suggested_level",
        queryset=TreatmentLevel.objects.order_by("intensity_rank"),
        empty_label="Any",
        null_label="None: crisis",
    )
    crisis = django_filters.ChoiceFilter(
        label="Crisis", choices=YES_NO, method="filter_crisis", empty_label="Any"
    )
    language = django_filters.ChoiceFilter(
        label="Language", field_name="language", choices=SiteLanguage.choices, empty_label="Any"
    )
    due = django_filters.ChoiceFilter(
        label="Due",
        choices=[("today", "By the end of today (overdue too)"), ("overdue", "Overdue")],
        method="filter_due",
        empty_label="Any time",
    )
    # Not a filter: the order, kept with the filters so every page and "Save and next"
    # follow it (``chosen_sort``).
    sort = django_filters.ChoiceFilter(
        label="Sort", choices=SORT_CHOICES, method="keep_order", empty_label=None
    )

    def filter_queue(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        now = timezone.now()
        if value == "crisis_recent":
            return queryset.filter(crisis=True, created_at__gte=crisis_since(now))
        return queryset

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == NO_REQUEST:
            # NOT EXISTS, not a LEFT JOIN ... IS NULL, which PostgreSQL misestimates
            # (seconds at 200,000 responses).
            requests = ContactRequest.objects.filter(response=OuterRef("pk"))
            return queryset.filter(~Exists(requests))
        return queryset.filter(contact_request__status=value)

    def filter_mine(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        user = getattr(self.request, "user", None)
        if value != "yes" or user is None or not user.is_authenticated:
            return queryset
        return queryset.filter(contact_request__assigned_to=user)

    def filter_crisis(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return _yes_no(queryset, "crisis", value)

    def filter_due(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # The one meaning of overdue (due_times.overdue_q); a due time is set only while
        # nobody has reached the person.
        now = timezone.now()
        if value == "overdue":
            return queryset.filter(overdue_q(now))
        if value == "today":
            return queryset.filter(due_at__lt=end_of_today(now))
        return queryset

    def keep_order(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset

    def chosen_sort(self) -> Sort:
        """The order asked for; the queue's own when none (or one nobody offered) was."""
        self.form.is_valid()  # a value nobody offered stays out of cleaned_data
        return SORTS[self.form.cleaned_data.get("sort") or DEFAULT_SORT]


def queue_state(raw: str) -> str | None:
    """A workspace queue's query string, as carried in ``_changelist_filters``, re-encoded.

    None when it is anything but the workspace's own filters, search and page number: a
    URL, a host, a ``javascript:`` link, control characters (CR, LF) or an unknown key.
    """
    if len(raw) > QUEUE_STATE_MAX_LENGTH or any(
        unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in raw
    ):
        return None
    state = QueryDict(raw)
    allowed = {"q", PAGE_PARAM, *QueueFilter.base_filters}
    if any(key not in allowed for key in state):
        return None
    return state.urlencode()
