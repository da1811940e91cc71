"""Public pages: levels of care, the comparison, about, and the health check."""

from __future__ import annotations

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from programs.levels import charts
from programs.levels.forms import CompareLevelsForm
from programs.levels.models import TreatmentLevel
from programs.levels.texts import site_text


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    levels = TreatmentLevel.objects.all()
    return render(
        request, "programs/levels/home.html", {"levels": levels, "facts": site_text("FACTS")}
    )


@require_GET
def level_list(request: HttpRequest) -> HttpResponse:
    levels = TreatmentLevel.objects.all()
    return render(request, "programs/levels/level_list.html", {"levels": levels})


@require_GET
def level_detail(request: HttpRequest, slug: str) -> HttpResponse:
    # Its help-and-facts pages too: the links at the end.
    level = get_object_or_404(
        TreatmentLevel.objects.with_details().prefetch_related("guides"), slug=slug
    )
    step_down, step_up = level.neighbours()
    return render(
        request,
        "programs/levels/level_detail.html",
        {
            "level": level,
            "step_down": step_down,
            "step_up": step_up,
            "week": charts.typical_week(level),
            "questions": site_text("QUESTIONS_TO_ASK"),
        },
    )


@require_GET
def compare(request: HttpRequest) -> HttpResponse:
    all_levels = list(TreatmentLevel.objects.order_by("intensity_rank"))
    form = CompareLevelsForm(request.GET or None, levels=all_levels)
    levels = form.chosen_levels()
    return render(
        request,
        "programs/levels/compare.html",
        {
            "form": form,
            "levels": levels,
            "narrowed": len(levels) < len(all_levels),
            "chart": charts.hours_chart(levels),
            "facts": site_text("FACTS"),
        },
    )


@require_GET
def withdrawal(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "programs/levels/withdrawal.html",
        {"withdrawal": site_text("WITHDRAWAL_MANAGEMENT")},
    )


@require_GET
def about(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "programs/levels/about.html",
        # The default operator is our own English phrase, which the catalogue translates;
        # a real operator's name is not in it and stays as it is.
        {"sources": site_text("SOURCES"), "site_operator": gettext(settings.SITE_OPERATOR)},
    )


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "programs/levels/privacy.html",
        {"retention_days": settings.RESPONSE_RETENTION_DAYS},
    )


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 otherwise (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
