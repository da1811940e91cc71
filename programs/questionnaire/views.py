"""The questionnaire, its result page and sharing a result with the intake team."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext, pgettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from programs.core import ratelimit
from programs.core.honeypot import honeypot_filled
from programs.core.i18n import current_language
from programs.levels.models import TreatmentLevel
from programs.questionnaire import services, triage
from programs.questionnaire.forms import (
    ContactRequestForm,
    QuestionnaireForm,
    blank_questionnaire_html,
)
from programs.questionnaire.models import BestTime, ContactRequest, Response
from programs.questionnaire.questions import QUESTIONS_FOR_CLINICIAN


def too_many_requests(request: HttpRequest, *, crisis: bool = False) -> HttpResponse:
    """The friendly 429 page; for someone in danger, the emergency steps come first."""
    return render(request, "429.html", {"crisis": crisis}, status=429)


@never_cache
@require_http_methods(["GET", "POST"])
def questionnaire(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = QuestionnaireForm(request.POST)
        if honeypot_filled(request.POST):
            # A bot filled the field people never see: store nothing, say nothing.
            return redirect("programs:home")
        if ratelimit.is_limited("questionnaire", request, *settings.RATELIMIT_QUESTIONNAIRE):
            return too_many_requests(request, crisis=bool(form.dangers()))
        # A person in danger goes straight to the crisis steps, whatever else is missing.
        answers = form.answers() if form.is_valid() else form.crisis_answers()
        if answers is not None:
            response = services.record_response(answers, language=current_language())
            return redirect(response)
        status = 400
    else:
        form = QuestionnaireForm()
        status = 200
    context = {"form": form, "retention_days": settings.RESPONSE_RETENTION_DAYS}
    if not form.is_bound:
        context["blank_form_html"] = blank_questionnaire_html()
    return render(request, "programs/questionnaire/questionnaire.html", context, status=status)


def _result_context(response: Response) -> dict:
    slugs = [*response.also_consider]
    levels = {lv.slug: lv for lv in TreatmentLevel.objects.filter(slug__in=slugs)}
    scores = response.area_score_list
    # The page's language, which is the person's unless they switched after answering.
    language = current_language()
    texts = response.texts_in(language)
    area_names = triage.AREA_NAMES_BY_LANGUAGE[language]
    reasons_by_area = [
        {
            "area": area,
            "name": area_names[area],
            "score": score,
            "reasons": [r["text"] for r in texts["reasons"] if r["area"] == area],
        }
        for area, score in scores
    ]
    return {
        "response": response,
        "level": response.suggested_level,
        "also_consider": [levels[s] for s in slugs if s in levels],
        "areas": reasons_by_area,
        "crisis_reasons": texts["crisis_reasons"],
        "notes": texts["notes"],
        "flags": _flags(response.flags, texts["flag_texts"], language),
        "withdrawal_care_text": triage.WITHDRAWAL_CARE_TEXTS[language].get(
            response.withdrawal_care, ""
        ),
        "clinician_questions": [gettext(q) for q in QUESTIONS_FOR_CLINICIAN],
        "third_person": response.for_whom == "someone_else",
        "programs_url": (
            f"{reverse('programs:program_list')}?{urlencode(response.program_filters())}"
            if response.suggested_level
            else ""
        ),
    }


def _flags(flags: list[str], stored: list[dict], language: str) -> list[tuple[str, str]]:
    """Each flag with the text the person saw; the current table only for a lost text."""
    texts = {item.get("flag"): item.get("text") for item in stored if isinstance(item, dict)}
    table = triage.FLAG_TEXTS[language]
    return [(flag, texts.get(flag) or table.get(flag, "")) for flag in flags]


@never_cache
@require_GET
def result(request: HttpRequest, token: str) -> HttpResponse:
    response = get_object_or_404(Response.objects.for_list(), public_token=token)
    context = _result_context(response)
    context["already_shared"] = ContactRequest.objects.filter(response=response).exists()
    return render(request, "programs/questionnaire/result.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def share(request: HttpRequest, token: str) -> HttpResponse:
    response = get_object_or_404(Response.objects.for_list(), public_token=token)
    if ContactRequest.objects.filter(response=response).exists():
        return redirect("programs:share_done", token=token)
    if request.method == "GET":
        form = ContactRequestForm()
        status = 200
    else:
        form = ContactRequestForm(request.POST)
        if form.is_bot():
            return redirect(response)
        if ratelimit.is_limited("share", request, *settings.RATELIMIT_SHARE):
            return too_many_requests(request)
        if form.is_valid():
            services.share_contact(response, form.save(commit=False))
            return redirect("programs:share_done", token=token)
        status = 400
    return render(
        request,
        "programs/questionnaire/share.html",
        {"response": response, "form": form},
        status=status,
    )


@never_cache
@require_GET
def share_done(request: HttpRequest, token: str) -> HttpResponse:
    response = get_object_or_404(Response, public_token=token)
    contact = ContactRequest.objects.filter(response=response).first()
    if contact is None:
        return redirect(reverse("programs:share", args=[token]))
    return render(
        request,
        "programs/questionnaire/share_done.html",
        {"response": response, "contact": contact, "when": _when(contact.best_time)},
    )


def _when(best_time: str) -> str:
    """ "in the morning" and so on, for "we will contact you …"; empty for any time."""
    times: dict[str, str] = {
        BestTime.MORNING: pgettext("contact time", "in the morning"),
        BestTime.AFTERNOON: pgettext("contact time", "in the afternoon"),
        BestTime.EVENING: pgettext("contact time", "in the evening"),
    }
    return times.get(best_time, "")
