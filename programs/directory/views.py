"""The program directory: search with filters, one program's page, a side-by-side comparison."""

from __future__ import annotations

from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Window
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from programs.core.postback import keep_submission, take_submission
from programs.core.ratelimit import is_limited
from programs.directory.forms import (
    MAX_COMPARE,
    RADII,
    DirectoryFilterForm,
    ListingReportForm,
    parse_compare_ids,
)
from programs.directory.geo import STATE_NAMES, PlaceChoice
from programs.directory.models import Program, ProgramFilters, video_formats
from programs.levels.models import TreatmentLevel
from programs.levels.texts import site_text

PER_PAGE = 20
# Far past the last page of any directory; larger numbers are not tried as an OFFSET.
MAX_PAGE_NUMBER = 100_000
# Programs shown in the "online programs for <state>" group under a distance search.
ONLINE_SHOWN = 10


@require_GET
def program_list(request: HttpRequest) -> HttpResponse:
    levels = list(TreatmentLevel.objects.order_by("intensity_rank"))
    form = DirectoryFilterForm(request.GET, levels=levels)
    filters = form.filters()
    programs = Program.objects.for_listing().matching(filters)
    page = _results_page(programs, request.GET.get("page"))
    page_range = page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    context = {
        "form": form,
        "page": page,
        "page_range": list(page_range),
        "active": form.active(),
        "search_query": form.querystring(),
        **_place_context(form, filters, page.number, page.paginator.count),
    }
    return render(request, "programs/directory/list.html", context)


def _results_page(programs: QuerySet[Program], number: str | None) -> Page:
    """One page of the results, and how many there are, in one query when it can.

    The page's rows carry the total (a window count), so a page that has rows needs no
    separate COUNT, which would find every match again. Otherwise (no number or a bad
    one, a page past the end, no results) Paginator.get_page() decides as always: a bad
    number shows the first page, one out of range the last.
    """
    paginator = Paginator(programs, PER_PAGE)
    try:
        wanted = int(number) if number is not None else 1
    except ValueError:
        wanted = 0
    # A page number past any real page goes to Paginator.get_page() too: a huge one made
    # an OFFSET no database takes (a 500).
    if 1 <= wanted <= MAX_PAGE_NUMBER:
        start = (wanted - 1) * PER_PAGE
        rows = list(programs.annotate(search_total=Window(Count("*")))[start : start + PER_PAGE])
        if rows:
            paginator.count = rows[0].search_total
            return Page(rows, wanted, paginator)
    return paginator.get_page(number)


def _place_context(
    form: DirectoryFilterForm, filters: ProgramFilters, page_number: int, total: int
) -> dict[str, Any]:
    """What the results say about the place searched: notes, links and online programs.

    Links keep the other filters. The place itself is never logged: it is only in the URL.
    """
    place = form.place
    if place is None:
        return {"place": None, "by_distance": False}
    url = reverse("programs:program_list")

    def link(choice: PlaceChoice, **values: str | Sequence[str] | None) -> tuple[str, str]:
        return choice.label, f"{url}?{form.query_with(near=choice.query, **values)}"

    context: dict[str, Any] = {
        "place": place,
        "by_distance": form.by_distance,
        "within": form.within_miles,
        "place_links": [link(choice) for choice in place.suggestions],
        "alternative_link": link(place.alternative) if place.alternative else None,
    }
    state = place.state if place.state in STATE_NAMES else ""
    if not form.by_distance or not state:
        return context
    state_choice = PlaceChoice(STATE_NAMES[state], state)
    context["state_name"] = STATE_NAMES[state]
    if total == 0:
        context["state_link"] = link(state_choice, within=None)
        wider = [miles for miles in RADII if miles > form.within_miles]
        if wider:
            context["wider_miles"] = wider[0]
            context["wider_url"] = f"{url}?{form.query_with(within=str(wider[0]))}"
    if page_number == 1:
        # One more than shown tells whether to offer the whole list, without a COUNT.
        online = list(
            Program.objects.for_listing().online_elsewhere(filters, state)[: ONLINE_SHOWN + 1]
        )
        context["online_programs"] = online[:ONLINE_SHOWN]
        if len(online) > ONLINE_SHOWN:
            _, context["online_all_url"] = link(
                state_choice, within=None, format=video_formats(filters)
            )
    return context


@require_http_methods(["GET", "POST"])
def program_detail(request: HttpRequest, slug: str) -> HttpResponse:
    program = get_object_or_404(Program.objects.for_listing(), slug=slug)
    if request.method == "GET":
        # After a failed report (Post/Redirect/Get), its values and errors, once. Such a
        # visitor has a session cookie, so the page cache neither serves nor keeps this.
        kept = take_submission(request, _report_key(program))
        form = ListingReportForm(kept) if kept is not None else ListingReportForm()
        if form.is_bound:
            form.is_valid()
        return _detail(request, program, form)

    # Reports are rare and human-read: RATELIMIT_REPORT (settings, from the
    # RATELIMIT_REPORT_PER_HOUR environment variable) is the only limit.
    if is_limited("listing_report", request, *settings.RATELIMIT_REPORT):
        return render(
            request,
            "programs/directory/report_limited.html",
            {"program": program},
            status=HTTPStatus.TOO_MANY_REQUESTS,
        )
    form = ListingReportForm(request.POST)
    thanks = gettext("Thank you. Staff will check this listing and correct it.")
    # The thank-you shows at the top of the page, so land there, not on the form.
    done = f"{program.get_absolute_url()}#main"
    if form.is_spam():
        # Bots that fill the hidden field are told it worked, and nothing is stored.
        messages.success(request, thanks)
        return redirect(done)
    if not form.is_valid():
        keep_submission(request, _report_key(program), ListingReportForm.Meta.fields)
        return HttpResponseRedirect(f"{program.get_absolute_url()}#report", status=303)
    report = form.save(commit=False)
    report.program = program
    report.save()
    messages.success(request, thanks)
    return redirect(done)


def _report_key(program: Program) -> str:
    return f"listing-report:{program.pk}"


def _detail(
    request: HttpRequest,
    program: Program,
    form: ListingReportForm,
    status: HTTPStatus = HTTPStatus.OK,
) -> HttpResponse:
    return render(
        request,
        "programs/directory/detail.html",
        {
            "program": program,
            "level": program.level,
            "report_form": form,
            "questions": site_text("QUESTIONS_TO_ASK"),
            "level_programs_url": _level_search_url(program.level),
        },
        status=status,
    )


def _level_search_url(level: TreatmentLevel) -> str:
    return f"{reverse('programs:program_list')}?{urlencode({'level': level.slug})}"


@require_GET
def program_compare(request: HttpRequest) -> HttpResponse:
    selection = parse_compare_ids(request.GET.getlist("ids"))
    notes = list(selection.notes)
    found = Program.objects.for_listing().in_bulk(selection.ids)
    programs = [found[pk] for pk in selection.ids if pk in found]
    missing = len(selection.ids) - len(programs)
    if missing:
        notes.append(
            ngettext(
                "%(count)s of the programs you chose is no longer listed, so we left it out.",
                "%(count)s of the programs you chose are no longer listed, so we left them out.",
                missing,
            )
            % {"count": missing}
        )
    back = _back_to_search(request.GET.get("from", ""))
    context = {"programs": programs, "notes": notes, "back_url": back, "max": MAX_COMPARE}
    if len(programs) < 2:
        context["problem"] = gettext(
            "Choose at least two programs to compare. Tick “Compare” on two to four "
            "programs in the search results, then press “Compare selected”."
        )
        return render(
            request,
            "programs/directory/compare.html",
            context,
            status=HTTPStatus.BAD_REQUEST,
        )
    return render(request, "programs/directory/compare.html", context)


def _back_to_search(query: str) -> str:
    """The directory with the visitor's filters again (always our own page, never elsewhere)."""
    given = QueryDict(query[:2000])
    kept = QueryDict(mutable=True)
    for name in DirectoryFilterForm.PARAMS:
        if values := given.getlist(name):
            kept.setlist(name, values)
    # The result page the visitor was on (the list turns a bad number into the first page).
    number = given.get("page", "")
    if number.isascii() and number.isdecimal() and len(number) <= 6:
        kept["page"] = number
    url = reverse("programs:program_list")
    return f"{url}?{kept.urlencode()}" if kept else url
