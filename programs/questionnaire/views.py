"""The questionnaire, its result page and sharing a result with the intake team."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from programs.core import caching, postback, ratelimit
from programs.core.honeypot import honeypot_filled
from programs.core.i18n import current_language
from programs.core.postback import keep_submission, take_submission
from programs.guides.flags import guides_for
from programs.levels.models import TreatmentLevel
from programs.questionnaire import result_cache, services, triage
from programs.questionnaire.forms import (
    ContactRequestForm,
    QuestionnaireForm,
    blank_questionnaire_html,
)
from programs.questionnaire.models import BestTime, ContactRequest, Response
from programs.questionnaire.questions import (
    QUESTIONNAIRE_VERSIONS,
    QUESTIONS_FOR_CLINICIAN,
    readable_answers,
)


def too_many_requests(request: HttpRequest, *, crisis: bool = False) -> HttpResponse:
    """The friendly 429 page; for someone in danger, the emergency steps come first."""
    return render(request, "429.html", {"crisis": crisis}, status=429)


# A failed submit's answers wait in the session for one redirect (programs/core/postback.py):
# only known questions and choice values, taken out by the GET that shows them.
DRAFT_SESSION_KEY = "questionnaire_draft"


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
        # Show the errors from a GET, so Back and reload never ask to send the form again.
        # Not keep_submission(): that keeps whatever was typed; a draft keeps known choices.
        if not request.session.keys():
            request.session.set_expiry(postback.KEPT_SECONDS)
        request.session[DRAFT_SESSION_KEY] = form.draft()
        return HttpResponseRedirect(reverse("programs:questionnaire"), status=303)
    if caching.may_use_cache(request):
        # No session, so no draft: the blank page, the same for everyone but its CSRF token.
        return _blank_questionnaire(request)
    draft = postback.take_submission(request, DRAFT_SESSION_KEY)
    if draft is None:
        return _blank_questionnaire(request)
    # Bound to the draft, the form shows its errors again, and the answers ticked.
    form = QuestionnaireForm.from_draft(draft)
    return render(
        request,
        "programs/questionnaire/questionnaire.html",
        {
            "form": form,
            "retention_days": settings.RESPONSE_RETENTION_DAYS,
            "for_whom": form.for_whom(),
        },
    )


@caching.cache_public_page
def _blank_questionnaire(request: HttpRequest) -> HttpResponse:
    """The questionnaire with nothing ticked, stored per language by the page cache, which
    gives each visitor their own CSRF token (programs/core/caching.py)."""
    return render(
        request,
        "programs/questionnaire/questionnaire.html",
        {
            "form": QuestionnaireForm(),
            "retention_days": settings.RESPONSE_RETENTION_DAYS,
            "for_whom": "",
            "blank_form_html": blank_questionnaire_html(),
        },
    )


# "What … involves" for each level: its short name as a common noun mid-sentence.
LEVEL_LINK_TEXTS = {
    "outpatient": _("What standard outpatient care involves"),
    "iop": _("What an IOP involves"),
    "php": _("What a PHP involves"),
    "residential": _("What residential treatment involves"),
    "inpatient": _("What hospital care involves"),
}
# Optional directory filters a result may suggest (Response.suggested_program_filters).
FILTER_SUGGESTION_TEXTS = {
    "telehealth": _("Offers online sessions"),
    "adolescent": _("Works with teenagers"),
    "pregnancy": _("Cares for pregnant and postpartum people"),
    "medication": _("Offers medicine for opioid or alcohol use"),
    "co_occurring": _("Treats mental health concerns too"),
}


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
    flag_guides, families_guide = guides_for(
        response.flags, for_someone_else=response.for_whom == "someone_else"
    )
    return {
        "response": response,
        "level": response.suggested_level,
        "also_consider": [levels[s] for s in slugs if s in levels],
        "areas": reasons_by_area,
        "crisis_reasons": texts["crisis_reasons"],
        "notes": texts["notes"],
        "flags": [
            (flag, text, flag_guides.get(flag))
            for flag, text in _flags(response.flags, texts["flag_texts"], language)
        ],
        "families_guide": families_guide,
        "withdrawal_care_text": triage.WITHDRAWAL_CARE_TEXTS[language].get(
            response.withdrawal_care, ""
        ),
        "clinician_questions": [gettext(q) for q in QUESTIONS_FOR_CLINICIAN],
        "third_person": response.for_whom == "someone_else",
        "level_link_text": _level_link_text(response.suggested_level),
        "programs_url": _programs_url(response.program_filters()),
        "filter_suggestions": [
            (str(FILTER_SUGGESTION_TEXTS[name]), _programs_url(response.program_filters() + extra))
            for name, extra in response.suggested_program_filters()
            if name in FILTER_SUGGESTION_TEXTS
        ],
        "readable_answers": readable_answers(
            response.answers, response.for_whom, version=_known_version(response)
        ),
        "retention_days": settings.RESPONSE_RETENTION_DAYS,
    }


def _programs_url(params: list[tuple[str, str]]) -> str:
    return f"{reverse('programs:program_list')}?{urlencode(params)}" if params else ""


def _level_link_text(level: TreatmentLevel | None) -> str:
    if level is None:
        return ""
    text = LEVEL_LINK_TEXTS.get(level.slug)
    return str(text) if text else gettext("What %(name)s involves") % {"name": level.local.name}


def _known_version(response: Response) -> str | None:
    """The response's questionnaire version when this code still has its wording."""
    version = response.questionnaire_version
    return version if version in QUESTIONNAIRE_VERSIONS else None


def _flags(flags: list[str], stored: list[dict], language: str) -> list[tuple[str, str]]:
    """Each flag with the text the person saw; the current table only for a lost text."""
    texts = {item.get("flag"): item.get("text") for item in stored if isinstance(item, dict)}
    table = triage.FLAG_TEXTS[language]
    return [(flag, texts.get(flag) or table.get(flag, "")) for flag in flags]


def answers_gone(request: HttpRequest) -> HttpResponse:
    """The 404 page for a result link with nothing behind it: deleted, expired or mistyped."""
    return render(
        request,
        "programs/questionnaire/gone.html",
        {"retention_days": settings.RESPONSE_RETENTION_DAYS},
        status=404,
    )


@never_cache
@require_GET
def result(request: HttpRequest, token: str) -> HttpResponse:
    # The page is rendered once per language and kept (result_cache.py): a visit costs one
    # query, which also makes sure the answers have not been deleted since.
    cached = caching.may_use_cache(request)
    if cached:
        shared = result_cache.lookup(token)
        if shared is None:
            return answers_gone(request)
        stored = result_cache.page(request, token, shared)
        if stored is not None:
            return HttpResponse(stored)
    response = Response.objects.for_list().filter(public_token=token).first()
    if response is None:
        return answers_gone(request)
    context = _result_context(response)
    context["already_shared"] = ContactRequest.objects.filter(response=response).exists()
    context["result_url"] = request.build_absolute_uri(response.get_absolute_url())
    page = render(request, "programs/questionnaire/result.html", context)
    if cached:
        result_cache.remember(request, token, context["already_shared"], page)
    return page


@never_cache
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks "are you sure?"; POST deletes the response and everything with it."""
    # Every POST counts, found or not, so guessing at links is limited too.
    if request.method == "POST" and ratelimit.is_limited(
        "delete", request, *settings.RATELIMIT_DELETE
    ):
        return too_many_requests(request)
    response = Response.objects.filter(public_token=token).first()
    if response is None:
        # Deleted already (a second press, Back then submit again) or never there.
        return answers_gone(request)
    if request.method == "POST":
        services.delete_response(token)
        result_cache.forget(token)
        return HttpResponseRedirect(reverse("programs:answers_deleted"), status=303)
    return render(
        request,
        "programs/questionnaire/delete.html",
        {
            "response": response,
            "already_shared": ContactRequest.objects.filter(response=response).exists(),
        },
    )


@never_cache
@require_GET
def answers_deleted(request: HttpRequest) -> HttpResponse:
    return render(request, "programs/questionnaire/deleted.html")


def _share_key(token: str) -> str:
    return f"share-form:{token}"


def _already_shared(token: str) -> HttpResponse:
    return redirect(f"{reverse('programs:share_done', args=[token])}?already=1")


@never_cache
@require_http_methods(["GET", "POST"])
def share(request: HttpRequest, token: str) -> HttpResponse:
    response = get_object_or_404(Response.objects.for_list(), public_token=token)
    if ContactRequest.objects.filter(response=response).exists():
        # Back, Reload or a second click after sharing: the first request stands.
        take_submission(request, _share_key(token))
        return _already_shared(token)
    if request.method == "GET":
        # After a failed submit (Post/Redirect/Get), the values and their errors, once.
        kept = take_submission(request, _share_key(token))
        form = ContactRequestForm(kept) if kept is not None else ContactRequestForm()
        if form.is_bound:
            form.is_valid()
        return render(
            request, "programs/questionnaire/share.html", {"response": response, "form": form}
        )
    form = ContactRequestForm(request.POST)
    if form.is_bot():
        return redirect(response)
    if ratelimit.is_limited("share", request, *settings.RATELIMIT_SHARE):
        return too_many_requests(request)
    if not form.is_valid():
        keep_submission(request, _share_key(token), form.fields)
        return HttpResponseRedirect(reverse("programs:share", args=[token]), status=303)
    try:
        services.share_contact(response, form.save(commit=False))
    except services.AlreadyShared:
        return _already_shared(token)
    except Response.DoesNotExist:
        # Deleted in another tab between the page's check and this save.
        return answers_gone(request)
    return redirect("programs:share_done", token=token)


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
        {
            "response": response,
            "contact": contact,
            "when": _when(contact.best_time),
            "already": request.GET.get("already") == "1",
        },
    )


def _when(best_time: str) -> str:
    """ "in the morning" and so on, for "we will contact you …"; empty for any time."""
    times: dict[str, str] = {
        BestTime.MORNING: pgettext("contact time", "in the morning"),
        BestTime.AFTERNOON: pgettext("contact time", "in the afternoon"),
        BestTime.EVENING: pgettext("contact time", "in the evening"),
    }
    return times.get(best_time, "")
