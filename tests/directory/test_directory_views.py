import re
from datetime import timedelta
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from programs.directory import views as directory_views
from programs.directory.forms import RADII, DirectoryFilterForm, parse_compare_ids
from programs.directory.geo import as_decimal, zip_point
from programs.levels import content
from programs.models import FEATURE_CHOICES, FeatureKind, ListingReport, Program, TreatmentLevel
from tests.factories.directory import bulk_programs, make_program, make_report
from tests.factories.two_factor import force_login_verified
from tests.pages import without_alternates

pytestmark = pytest.mark.django_db

LIST = reverse("programs:program_list")
COMPARE = reverse("programs:program_compare")
CRISIS_MARKERS = ["911", "988", "1-800-662-4357"]


def listed(response) -> list[str]:
    return [program.name for program in response.context["page"].object_list]


def report_data(**overrides) -> dict:
    data = {"kind": "wrong_phone", "details": "The number rings a bakery.", "homepage": ""}
    data.update(overrides)
    return data


# --- The directory ----------------------------------------------------------------


def test_directory_lists_programs_with_the_facts_on_each_card(client):
    make_program(
        name="Riverside Evening IOP",
        schedules=["evening"],
        formats=["in_person", "telehealth"],
        payments=["medicaid"],
        populations=["adults", "veterans"],
        days_per_week=3,
        hours_per_week=9,
        is_demo=True,
        last_verified=timezone.localdate() - timedelta(days=3),
    )
    response = client.get(LIST)
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Riverside Evening IOP" in html
    assert "IOP · Level 2.1" in html
    assert "Evening (3 days, 9 hours a week)" in html
    assert "In person, Telehealth (video)" in html
    assert "Medicaid" in html
    assert "Adults, Veterans" in html
    assert "Last verified" in html
    assert "Example listing" in html
    assert 'name="ids"' in html
    assert f'action="{COMPARE}"' in html
    for marker in CRISIS_MARKERS:
        assert marker in html


def test_directory_filter_form_uses_fieldsets_checkboxes_and_a_details_element(client):
    html = client.get(LIST).content.decode()
    assert '<details class="dir-filters" open data-collapse-on-phone>' in html
    assert html.count("<fieldset") >= 8
    for legend in ["Level of care", "In person or online", "When sessions happen", "Language"]:
        assert legend in html
    assert 'type="checkbox" name="format" value="telehealth"' in html
    assert 'method="get"' in html
    assert "style=" not in html
    assert "<script>" not in html


def test_the_questionnaire_link_parameters_work_together(client):
    wanted = make_program(
        name="Teen Telehealth IOP",
        formats=["telehealth"],
        populations=["adolescents"],
        medications=["buprenorphine"],
        co_occurring=True,
    )
    make_program(name="Adult IOP", formats=["telehealth"], co_occurring=True)
    make_program("php", name="Teen PHP", formats=["telehealth"], populations=["adolescents"])
    response = client.get(
        LIST,
        {
            "level": "iop",
            "format": "telehealth",
            "population": "adolescents",
            "medication": "buprenorphine",
            "co_occurring": "1",
        },
    )
    assert listed(response) == [wanted.name]
    assert not response.context["form"].notes


def test_filters_or_within_a_group_and_across_groups(client):
    make_program(name="A", formats=["telehealth"], payments=["medicaid"])
    make_program(name="B", formats=["in_person"], payments=["private"])
    make_program(name="C", formats=["hybrid"], payments=["medicaid"], accepting_new_clients=True)
    assert listed(client.get(LIST, {"format": ["telehealth", "hybrid"]})) == ["A", "C"]
    assert listed(client.get(LIST, {"format": "telehealth,in_person"})) == ["A", "B"]
    assert listed(
        client.get(LIST, {"format": ["in_person", "hybrid"], "payment": "medicaid"})
    ) == ["C"]
    assert listed(client.get(LIST, {"payment": "medicaid", "accepting": "1"})) == ["C"]


def test_language_schedule_and_location_filters(client):
    make_program(name="Spanish Evening", languages=["en", "es"], schedules=["evening"])
    make_program(name="Vermont", languages=["en"], city="Burlington", state="VT", zip_code="05401")
    assert listed(client.get(LIST, {"language": "es"})) == ["Spanish Evening"]
    assert listed(client.get(LIST, {"schedule": "evening", "language": "en"})) == [
        "Spanish Evening"
    ]
    # `location` is the old name of `near`, kept for saved links.
    assert listed(client.get(LIST, {"location": "Burlington, VT"})) == ["Vermont"]
    assert listed(client.get(LIST, {"near": "05401"})) == ["Vermont"]
    assert listed(client.get(LIST, {"location": "ohio"})) == ["Spanish Evening"]


def test_unknown_values_are_ignored_with_a_visible_note(client):
    make_program(name="A", formats=["telehealth"])
    response = client.get(
        LIST, {"format": ["telehealth", "<b>fax</b>"], "level": "detox", "accepting": "maybe"}
    )
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert listed(response) == ["A"]
    assert "so we left them out of the search" in html
    assert "&lt;b&gt;fax&lt;/b&gt;" in html
    assert "<b>fax</b>" not in html
    assert "“detox” (Level of care)" in html
    assert "“maybe” (Accepting new clients now)" in html


def test_a_too_long_location_is_ignored_with_a_note(client):
    make_program(name="A")
    response = client.get(LIST, {"location": "x" * 500})
    assert listed(response) == ["A"]
    assert "longer than 100 characters" in response.content.decode()


def test_active_filters_can_be_removed_one_at_a_time(client):
    response = client.get(LIST, {"format": ["telehealth", "hybrid"], "co_occurring": "1"})
    active = dict(response.context["active"])
    assert active["Telehealth (video)"] == "format=hybrid&co_occurring=1"
    assert active["Also treats mental health conditions"] == "format=telehealth&format=hybrid"


def test_pagination_keeps_the_filters_and_tolerates_bad_page_numbers(client):
    level = TreatmentLevel.objects.get(slug="iop")
    bulk_programs(25, level, formats=["telehealth"])
    make_program(name="Not online", formats=["in_person"])
    first = client.get(LIST, {"format": "telehealth"})
    assert len(first.context["page"].object_list) == directory_views.PER_PAGE
    html = first.content.decode()
    assert "?format=telehealth&amp;page=2" in html
    second = client.get(LIST, {"format": "telehealth", "page": "2"})
    assert len(second.context["page"].object_list) == 5
    for bad, expected in [("999", 2), ("abc", 1), ("-3", 2), ("0", 2), ("", 1), ("1e9", 1)]:
        response = client.get(LIST, {"format": "telehealth", "page": bad})
        assert response.status_code == HTTPStatus.OK
        assert response.context["page"].number == expected, bad


def test_an_empty_result_explains_how_to_widen_the_search(client):
    make_program(name="A", formats=["in_person"])
    response = client.get(LIST, {"format": "hybrid"})
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "No programs match all of your choices" in html
    assert "Remove a filter" in html
    assert "1-800-662-4357" in html
    assert "FindTreatment.gov" in html
    assert "0 programs" in html


def test_directory_query_count_does_not_grow_with_programs(client):
    level = TreatmentLevel.objects.get(slug="iop")
    features = {"formats": ["telehealth", "in_person"], "payments": ["medicaid", "private"]}
    url = f"{LIST}?format=telehealth&payment=medicaid&payment=private&level=iop"

    bulk_programs(10, level, **features)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == HTTPStatus.OK
    bulk_programs(490, level, **features)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert response.context["page"].paginator.count == 500
    assert len(large.captured_queries) == len(small.captured_queries)
    assert len(small.captured_queries) <= 5


def test_directory_rejects_post(client):
    assert client.post(LIST).status_code == HTTPStatus.METHOD_NOT_ALLOWED


query_values = st.text(max_size=30) | st.sampled_from(
    [
        *["iop", "php", "telehealth", "evening", "medicaid", "es", "women", "methadone", "1", "0"],
        *["10001", "Queens, NY", "Ohio", "New York", "25", "100", "7", "00000", "Springfeld"],
    ]
)
query_names = st.sampled_from(
    [
        "level",
        "format",
        "schedule",
        "payment",
        "language",
        "population",
        "medication",
        "co_occurring",
        "accepting",
        "location",
        "near",
        "within",
        "page",
        "other",
    ]
)


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(query_names, query_values), max_size=12))
def test_random_directory_queries_never_fail(client, params):
    response = client.get(LIST, params)
    assert response.status_code == HTTPStatus.OK


@given(st.lists(st.tuples(query_names, query_values), max_size=12))
def test_the_filter_form_keeps_only_known_values(params):
    levels = list(TreatmentLevel.objects.all())
    query = QueryDict(mutable=True)
    for name, value in params:
        query.appendlist(name, value)
    form = DirectoryFilterForm(query, levels=levels)
    filters = form.filters()
    assert set(filters.levels) <= {level.slug for level in levels}
    for kind, values in filters.features.items():
        assert set(values) <= set(FEATURE_CHOICES[kind].values)
    assert len(form.data.get("near", "")) <= 100
    assert filters.within_miles in RADII
    assert all(label for label, _ in form.active())


@given(st.lists(st.text(max_size=30), max_size=10))
def test_compare_ids_parse_to_at_most_four_positive_numbers(values):
    selection = parse_compare_ids(values)
    assert len(selection.ids) <= 4
    assert len(set(selection.ids)) == len(selection.ids)
    assert all(0 < pk < 10**18 for pk in selection.ids)


# --- One program ------------------------------------------------------------------


def test_program_page_shows_everything_with_the_level_and_questions(client):
    program = make_program(
        name="Harbor Light",
        organisation="Harbor Health",
        description="Evening groups for working adults.",
        street="88 Wharf Rd",
        intake_phone="207-555-0111",
        website="https://example.org/harbor",
        schedules=["evening"],
        payments=["medicaid", "sliding_fee"],
        medications=["buprenorphine"],
        languages=["en", "es"],
        co_occurring=True,
        accepting_new_clients=False,
        wait_days=14,
        length_weeks=8,
    )
    response = client.get(program.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    for text in [
        "Harbor Light",
        "Harbor Health",
        "Evening groups for working adults.",
        "88 Wharf Rd",
        'href="tel:+12075550111"',
        'href="https://example.org/harbor"',
        "Medicaid, Sliding fee (based on income)",
        "Buprenorphine",
        "English, Spanish",
        "Treats mental health conditions",
        "Not taking new clients now",
        "About 14 days",
        "About 8 weeks",
        "Last verified",
        program.level.summary,
        program.level.get_absolute_url(),
        "See other programs at this level",
        "?level=iop",
        "Questions to ask a program",
        content.QUESTIONS_TO_ASK[0],
        "Report a problem with this listing",
        "csrfmiddlewaretoken",
    ]:
        assert text in html, text
    assert "This is an example listing" not in html


def test_demo_program_page_says_it_is_an_example_and_does_not_link_its_phone(client):
    program = make_program(is_demo=True, phone="614-555-0100")
    html = client.get(program.get_absolute_url()).content.decode()
    assert "Example listing" in html
    assert "This is an example listing" in html
    assert 'href="tel:+16145550100"' not in html
    assert "614-555-0100" in html


def test_unknown_program_is_a_404(client):
    response = client.get(reverse("programs:program_detail", args=["no-such-program"]))
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_program_page_query_count_is_constant(client):
    program = make_program(payments=["medicaid", "private", "free"], languages=["en", "es"])
    with CaptureQueriesContext(connection) as ctx:
        client.get(program.get_absolute_url())
    assert len(ctx.captured_queries) <= 3


# --- Reporting a problem ------------------------------------------------------------


def test_a_report_is_stored_and_the_visitor_is_redirected_with_thanks(client):
    program = make_program()
    response = client.post(program.get_absolute_url(), report_data())
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{program.get_absolute_url()}#main"
    report = ListingReport.objects.get()
    assert (report.program, report.kind, report.status) == (program, "wrong_phone", "new")
    assert report.details == "The number rings a bakery."
    page = client.get(response["Location"])
    assert "Thank you. Staff will check this listing" in page.content.decode()


def test_a_report_without_a_kind_shows_the_form_again_with_errors(client):
    program = make_program()
    response = client.post(program.get_absolute_url(), report_data(kind=""), follow=True)
    html = response.content.decode()
    # Post/Redirect/Get: Back and Reload never ask to send the report again.
    assert response.redirect_chain == [
        (f"{program.get_absolute_url()}#report", HTTPStatus.SEE_OTHER)
    ]
    assert response.status_code == HTTPStatus.OK
    assert "Choose what is wrong with this listing." in html
    assert 'id="report" open' in html
    assert "The number rings a bakery." in html
    assert "---------" not in html
    assert not ListingReport.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "other", "details": "   "}, "Tell us what is wrong"),
        ({"kind": "fire"}, "Choose what is wrong"),
        ({"details": "x" * 1001}, "under 1,000 characters"),
    ],
)
def test_invalid_reports_are_refused_with_a_message(client, data, message):
    program = make_program()
    response = client.post(program.get_absolute_url(), report_data(**data), follow=True)
    assert response.redirect_chain[0][1] == HTTPStatus.SEE_OTHER
    assert message in response.content.decode()
    assert not ListingReport.objects.exists()


def test_a_filled_honeypot_pretends_success_and_stores_nothing(client):
    program = make_program()
    response = client.post(program.get_absolute_url(), report_data(homepage="http://spam"))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{program.get_absolute_url()}#main"
    assert not ListingReport.objects.exists()


def test_reports_are_rate_limited_with_a_friendly_page(client, settings):
    settings.RATELIMIT_REPORT = (3, 3600)
    program = make_program()
    for _ in range(3):
        response = client.post(program.get_absolute_url(), report_data())
        assert response.status_code == HTTPStatus.FOUND
    response = client.post(program.get_absolute_url(), report_data())
    html = response.content.decode()
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Please wait before sending another report" in html
    for marker in CRISIS_MARKERS:
        assert marker in html
    assert ListingReport.objects.count() == 3


def test_reports_need_the_csrf_token():
    program = make_program()
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(program.get_absolute_url(), report_data())
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not ListingReport.objects.exists()


def test_a_report_for_an_unknown_program_is_a_404(client):
    url = reverse("programs:program_detail", args=["gone"])
    assert client.post(url, report_data()).status_code == HTTPStatus.NOT_FOUND


@hypothesis_settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kind=st.text(max_size=15) | st.sampled_from(["wrong_phone", "closed", "other"]),
    details=st.text(max_size=1100),
    homepage=st.sampled_from(["", "", "x"]),
)
def test_random_reports_are_stored_or_refused_never_a_server_error(
    client, settings, kind, details, homepage
):
    settings.RATELIMIT_ENABLED = False
    program = Program.objects.first() or make_program()
    before = ListingReport.objects.count()
    response = client.post(
        program.get_absolute_url(), {"kind": kind, "details": details, "homepage": homepage}
    )
    assert response.status_code in {HTTPStatus.FOUND, HTTPStatus.SEE_OTHER}
    stored = ListingReport.objects.count() - before
    assert stored == (1 if response.status_code == HTTPStatus.FOUND and not homepage else 0)


# --- Comparing programs -----------------------------------------------------------


def test_compare_shows_two_to_four_programs_side_by_side(client):
    a = make_program(name="Alpha", payments=["medicaid"])
    b = make_program("php", name="Bravo", payments=["private"])
    response = client.get(COMPARE, {"ids": [b.pk, a.pk]})
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert response.context["programs"] == [b, a]
    assert "<caption>" in html
    assert '<th scope="col">' in html
    assert '<th scope="row">Payment accepted</th>' in html
    assert html.index("Bravo") < html.index("Alpha")


def test_compare_accepts_comma_separated_ids_and_drops_repeats_with_a_note(client):
    a, b, c = make_program(), make_program(), make_program()
    response = client.get(f"{COMPARE}?ids={a.pk},{b.pk}&ids={c.pk},{a.pk}")
    assert response.status_code == HTTPStatus.OK
    assert response.context["programs"] == [a, b, c]
    assert "more than once" in response.content.decode()


def test_compare_shows_the_first_four_when_given_more(client):
    programs = [make_program() for _ in range(6)]
    response = client.get(COMPARE, {"ids": [p.pk for p in programs]})
    assert response.status_code == HTTPStatus.OK
    assert response.context["programs"] == programs[:4]
    assert "up to 4 programs" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?ids=",
        "?ids=abc",
        "?ids=1",
        "?ids=999999,888888",
        "?ids=-1,0",
        "?ids=99999999999999999999999999",
        "?ids=" + ",".join(["x"] * 500),
        "?other=1",
    ],
)
def test_compare_with_unusable_ids_says_what_to_do(client, query):
    response = client.get(COMPARE + query)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    html = response.content.decode()
    assert "Choose at least two programs to compare" in html
    assert LIST in html


def test_compare_leaves_out_bad_and_missing_ids_with_notes(client):
    a, b = make_program(), make_program()
    response = client.get(COMPARE, {"ids": [a.pk, "abc", b.pk, 987654]})
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert response.context["programs"] == [a, b]
    assert "“abc” is not a program number" in html
    assert "1 of the programs you chose is no longer listed" in html


def test_compare_links_back_to_the_same_search_and_never_elsewhere(client):
    a, b = make_program(), make_program()
    response = client.get(
        COMPARE, {"ids": [a.pk, b.pk], "from": "format=telehealth&next=//evil.example"}
    )
    assert response.context["back_url"] == f"{LIST}?format=telehealth"
    response = client.get(COMPARE, {"ids": [a.pk, b.pk], "from": "https://evil.example/"})
    assert response.context["back_url"] == LIST


def test_compare_query_count_is_constant(client):
    programs = [make_program(payments=["medicaid", "private"]) for _ in range(4)]
    with CaptureQueriesContext(connection) as ctx:
        client.get(COMPARE, {"ids": [p.pk for p in programs]})
    assert len(ctx.captured_queries) <= 2


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.text(max_size=25) | st.integers().map(str), max_size=8))
def test_random_compare_ids_never_fail(client, ids):
    response = client.get(COMPARE, {"ids": ids})
    assert response.status_code in {HTTPStatus.OK, HTTPStatus.BAD_REQUEST}


# --- Links from the rest of the site -------------------------------------------------


def test_nav_home_and_level_pages_link_to_the_directory(client):
    assert LIST in client.get(reverse("programs:home")).content.decode()
    level_page = client.get(reverse("programs:level_detail", args=["iop"])).content.decode()
    assert f"{LIST}?level=iop" in level_page
    assert "See example programs at this level" in level_page


def test_directory_pages_load_nothing_from_other_hosts(client):
    a, b = make_program(website="https://example.org/a"), make_program()
    for url in [LIST, a.get_absolute_url(), f"{COMPARE}?ids={a.pk},{b.pk}"]:
        html = without_alternates(client.get(url).content.decode())
        assert not re.search(r'<(script|link|img)[^>]+(src|href)="https?://', html)
        assert "style=" not in html


# --- Admin --------------------------------------------------------------------------


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "x" * 16)
    force_login_verified(client, user)
    return client


def test_admin_program_list_filters_and_searches(staff_client):
    make_program(name="Telehealth One", formats=["telehealth"], payments=["medicaid"])
    make_program(name="In Person One", formats=["in_person"], city="Burlington")
    url = reverse("admin:programs_program_changelist")
    for params in [
        {},
        {"format": "telehealth"},
        {"payment": "medicaid"},
        {"is_demo__exact": "1"},
        {"state": "OH"},
        {"level__id__exact": TreatmentLevel.objects.get(slug="iop").pk},
        {"accepting_new_clients__exact": "1"},
        {"q": "Burlington"},
    ]:
        response = staff_client.get(url, params)
        assert response.status_code == HTTPStatus.OK, params
    html = staff_client.get(url, {"format": "telehealth"}).content.decode()
    assert "Telehealth One" in html
    assert "In Person One" not in html


def test_admin_program_form_saves_features(staff_client):
    level = TreatmentLevel.objects.get(slug="iop")
    response = staff_client.post(
        reverse("admin:programs_program_add"),
        {
            "name": "Staff Entered IOP",
            "slug": "",
            "level": level.pk,
            "city": "Dayton",
            "state": "OH",
            "zip_code": "45402",
            "phone": "937-555-0199",
            "formats": ["telehealth", "hybrid"],
            "schedules": ["evening"],
            "payments": ["medicaid"],
            "populations": [],
            "medications": [],
            "languages": ["en"],
            "accepting_new_clients": "unknown",
            "last_verified": timezone.localdate().isoformat(),
            "reports-TOTAL_FORMS": "0",
            "reports-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:3000]
    program = Program.objects.get(name="Staff Entered IOP")
    assert program.source == "staff"
    assert program.slug == "staff-entered-iop-dayton-iop"
    assert program.feature_values(FeatureKind.FORMAT) == ["telehealth", "hybrid"]
    assert program.feature_values(FeatureKind.SCHEDULE) == ["evening"]


def test_admin_report_queue_puts_new_reports_first_and_resolves_them(staff_client):
    program = make_program()
    old_new = make_report(program, details="old")
    resolved = make_report(program, details="done")
    ListingReport.objects.filter(pk=resolved.pk).resolve()
    newest = make_report(program, details="newest")
    url = reverse("admin:programs_listingreport_changelist")
    response = staff_client.get(url)
    assert response.status_code == HTTPStatus.OK
    order = list(response.context["cl"].result_list)
    assert order[-1] == resolved
    assert set(order[:2]) == {old_new, newest}
    staff_client.post(
        url, {"action": "mark_resolved", "_selected_action": [old_new.pk, newest.pk]}
    )
    assert not ListingReport.objects.unresolved().exists()


def test_admin_report_change_page_sets_the_resolved_time(staff_client):
    report = make_report(make_program())
    url = reverse("admin:programs_listingreport_change", args=[report.pk])
    assert staff_client.get(url).status_code == HTTPStatus.OK
    response = staff_client.post(url, {"status": "resolved"})
    assert response.status_code == HTTPStatus.FOUND
    report.refresh_from_db()
    assert report.status == "resolved"
    assert report.resolved_at is not None


def test_admin_needs_a_login(client):
    response = client.get(reverse("admin:programs_listingreport_changelist"))
    assert response.status_code == HTTPStatus.FOUND


# --- The directory flow: compare across pages, back to the search (issue 15) ----------


def test_compare_back_link_keeps_the_place_the_filters_and_the_result_page(client):
    a, b = make_program(), make_program()
    search = "near=Queens%2C+NY&within=10&schedule=evening&payment=medicaid&accepts_moud=1&page=2"
    response = client.get(COMPARE, {"ids": [a.pk, b.pk], "from": search + "&next=//evil.example"})
    back = response.context["back_url"]
    path, _, query = back.partition("?")
    assert path == LIST
    assert QueryDict(query) == QueryDict(search)
    assert f'href="{back.replace("&", "&amp;")}"' in response.content.decode()


@pytest.mark.parametrize("page", ["0x2", "-1", "²", "١٢", "9999999", "", "2 "])
def test_compare_back_link_drops_a_page_that_is_not_a_plain_number(client, page):
    a, b = make_program(), make_program()
    response = client.get(COMPARE, {"ids": [a.pk, b.pk], "from": f"schedule=evening&page={page}"})
    assert response.context["back_url"] == f"{LIST}?schedule=evening"


def test_compare_back_link_survives_hostile_from_values(client):
    a, b = make_program(), make_program()
    for hostile in ("\x00", "near=%00&page=%00", "page=1&" * 2000, "javascript:alert(1)"):
        response = client.get(COMPARE, {"ids": [a.pk, b.pk], "from": hostile})
        assert response.status_code == HTTPStatus.OK
        assert response.context["back_url"].startswith(f"{LIST}")
        assert "//" not in response.context["back_url"]


def compare_form(html: str) -> str:
    match = re.search(r"<form[^>]*data-compare[^>]*>", html)
    assert match, "the results have no comparison form"
    return match.group(0)


def test_the_compare_form_sends_the_search_and_its_page_back(client):
    for number in range(25):
        make_program(name=f"Paged {number:02d}", schedules=["evening"])
    html = client.get(LIST, {"schedule": "evening", "page": "2"}).content.decode()
    assert '<input type="hidden" name="from" value="schedule=evening&amp;page=2">' in html
    html = client.get(LIST, {"page": "2"}).content.decode()
    assert '<input type="hidden" name="from" value="page=2">' in html
    html = client.get(LIST, {"schedule": "evening"}).content.decode()
    assert '<input type="hidden" name="from" value="schedule=evening">' in html


def test_the_compare_bar_wording_comes_from_the_page(client):
    make_program(name="Alpha")
    html = client.get(LIST).content.decode()
    bar = re.search(r'<div class="dir-compare-bar"[^>]*>', html, re.S).group(0)
    assert 'data-text-count="Compare ({count})"' in bar
    assert 'data-text-too-many="You can compare up to {max} programs.' in bar
    assert 'role="region"' in bar
    # The extras that need JavaScript start hidden; the button works without it.
    assert re.search(r"<button[^>]*data-compare-toggle[^>]*hidden", html)
    assert re.search(r"<button[^>]*data-compare-clear[^>]*hidden", html)
    assert re.search(r'<button type="submit"[^>]*data-compare-submit', html)


def test_a_distance_search_gives_the_place_and_its_point_to_the_page(client):
    make_program(
        name="Court Street Program",
        city="Brooklyn",
        state="NY",
        zip_code="11201",
        latitude="40.694000",
        longitude="-73.990300",
    )
    form = compare_form(client.get(LIST, {"near": "Queens, NY", "within": "10"}).content.decode())
    assert 'data-near-label="Queens, NY"' in form
    lat = float(re.search(r'data-near-lat="([^"]+)"', form).group(1))
    lon = float(re.search(r'data-near-lon="([^"]+)"', form).group(1))
    assert 40.6 < lat < 40.8
    assert -73.9 < lon < -73.7
    # In Spanish too the numbers keep their decimal point (JavaScript reads them).
    form = compare_form(
        client.get("/es" + LIST, {"near": "Queens, NY", "within": "10"}).content.decode()
    )
    assert re.search(r'data-near-lat="40\.\d+"', form)
    # A search without a place, or with a whole state, has no point to measure from.
    make_program(name="Albany Program", city="Albany", state="NY", zip_code="12207")
    for params in ({}, {"near": "NY"}, {"level": "iop"}):
        response = client.get(LIST, params)
        assert len(response.context["page"].object_list) == 2
        assert "data-near-lat" not in compare_form(response.content.decode())


def test_the_program_page_offers_its_point_for_the_distance_line(client):
    program = make_program(
        city="Brooklyn",
        state="NY",
        zip_code="11201",
        latitude="40.694000",
        longitude="-73.990300",
        coordinates_approximate=True,
    )
    for prefix in ("", "/es"):
        html = client.get(prefix + program.get_absolute_url()).content.decode()
        assert re.search(r"<a href=\"[^\"]*/programs/\" data-directory-back>", html)
        line = re.search(r"<p class=\"dir-from-place\" data-program-distance hidden[^>]*>", html)
        assert line, "no distance line"
        assert 'data-lat="40.694000"' in line.group(0)
        assert 'data-lon="-73.990300"' in line.group(0)
        assert 'data-approximate="true"' in line.group(0)
        assert "{miles}" in line.group(0)
        assert "{place}" in line.group(0)
    nowhere = make_program(latitude=None, longitude=None, zip_code="")
    html = client.get(nowhere.get_absolute_url()).content.decode()
    assert "data-program-distance" not in html


# --- The details people ask for: report reasons and the admin ------------------------


def test_the_report_form_offers_every_reason_as_a_radio_button(client):
    html = client.get(make_program().get_absolute_url()).content.decode()
    for kind in ListingReport.Kind:
        assert f'type="radio" name="kind" value="{kind.value}"' in html, kind
        assert str(kind.label) in html
    assert html.count('type="radio" name="kind"') == len(ListingReport.Kind)


@pytest.mark.parametrize("kind", ListingReport.Kind.values)
def test_each_report_reason_is_stored(client, kind):
    program = make_program()
    response = client.post(
        program.get_absolute_url(), report_data(kind=kind, details="Checked today.")
    )
    assert response.status_code == HTTPStatus.FOUND
    assert ListingReport.objects.get().kind == kind


def test_something_else_still_needs_details_the_other_reasons_do_not(client):
    program = make_program()
    client.post(program.get_absolute_url(), report_data(kind="other", details=""))
    assert not ListingReport.objects.exists()
    client.post(program.get_absolute_url(), report_data(kind="wrong_hours", details=""))
    assert ListingReport.objects.get().kind == "wrong_hours"


def admin_program_data(level: TreatmentLevel, **overrides) -> dict:
    data = {
        "name": "Staff Entered IOP",
        "slug": "",
        "level": level.pk,
        "city": "Dayton",
        "state": "OH",
        "zip_code": "45402",
        "latitude": "",
        "longitude": "",
        "phone": "937-555-0199",
        "formats": ["in_person"],
        "languages": ["en"],
        "accepting_new_clients": "unknown",
        "accepts_moud": "unknown",
        "last_verified": timezone.localdate().isoformat(),
        "reports-TOTAL_FORMS": "0",
        "reports-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_admin_program_form_saves_times_moud_and_accessibility(staff_client):
    level = TreatmentLevel.objects.get(slug="iop")
    response = staff_client.post(
        reverse("admin:programs_program_add"),
        admin_program_data(
            level,
            session_times="Mon, Wed, Thu 6–9 pm",
            session_times_es="Lun., miér. y jue. de 6 a 9 p. m.",
            intake_hours="Mon–Fri 9 am–5 pm",
            intake_hours_es="Lun. a vie. de 9 a. m. a 5 p. m.",
            accepts_moud="true",
            accessibility=["wheelchair", "asl"],
        ),
    )
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:3000]
    program = Program.objects.get(name="Staff Entered IOP")
    assert program.session_times_es == "Lun., miér. y jue. de 6 a 9 p. m."
    assert program.intake_hours == "Mon–Fri 9 am–5 pm"
    assert program.accepts_moud is True
    assert program.feature_values(FeatureKind.ACCESS) == ["wheelchair", "asl"]
    # No point typed in: the ZIP code's centre, shown read-only as approximate.
    assert program.coordinates_approximate
    change = reverse("admin:programs_program_change", args=[program.pk])
    html = staff_client.get(change).content.decode()
    assert "coordinates are the zip code" in html.lower()
    assert 'name="coordinates_approximate"' not in html  # read-only
    assert 'name="accessibility" value="asl"' in html


def test_admin_typing_a_point_clears_the_approximate_mark_and_a_new_zip_moves_it(staff_client):
    level = TreatmentLevel.objects.get(slug="iop")
    add = reverse("admin:programs_program_add")
    staff_client.post(add, admin_program_data(level))
    program = Program.objects.get(name="Staff Entered IOP")
    change = reverse("admin:programs_program_change", args=[program.pk])
    old_point = (str(program.latitude), str(program.longitude))
    # Staff change only the ZIP code: the centre follows it.
    staff_client.post(
        change,
        admin_program_data(level, zip_code="43604", latitude=old_point[0], longitude=old_point[1]),
    )
    program.refresh_from_db()
    toledo = zip_point("43604")
    assert (program.latitude, program.longitude, program.coordinates_approximate) == (
        as_decimal(toledo.latitude),
        as_decimal(toledo.longitude),
        True,
    )
    # Staff type the program's own point: kept as exact.
    response = staff_client.post(
        change,
        admin_program_data(level, zip_code="43604", latitude="41.654321", longitude="-83.5321"),
    )
    assert response.status_code == HTTPStatus.FOUND
    program.refresh_from_db()
    assert (program.latitude, program.longitude) == (Decimal("41.654321"), Decimal("-83.532100"))
    assert not program.coordinates_approximate
    # Half a point is refused with the constraint's message, nothing saved.
    response = staff_client.post(
        change, admin_program_data(level, zip_code="43604", latitude="41.6", longitude="")
    )
    assert response.status_code == HTTPStatus.OK
    assert "Give both latitude and longitude, or neither." in response.content.decode()


def test_admin_program_list_filters_by_moud_and_accessibility(staff_client):
    make_program(name="Takes MOUD", accepts_moud=True)
    ramp = make_program(name="Has A Ramp")
    ramp.set_features(FeatureKind.ACCESS, ["wheelchair"])
    url = reverse("admin:programs_program_changelist")
    html = staff_client.get(url, {"accepts_moud__exact": "1"}).content.decode()
    assert "Takes MOUD" in html
    assert "Has A Ramp" not in html
    html = staff_client.get(url, {"access": "wheelchair"}).content.decode()
    assert "Has A Ramp" in html
    assert "Takes MOUD" not in html
    assert staff_client.get(url, {"coordinates_approximate__exact": "1"}).status_code == 200


def test_admin_report_queue_shows_and_filters_the_new_reasons(staff_client):
    program = make_program()
    make_report(program, kind="wrong_hours", details="Groups moved to Tuesday.")
    make_report(program, kind="wrong_level", details="")
    url = reverse("admin:programs_listingreport_changelist")
    html = staff_client.get(url).content.decode()
    assert "The hours or session times are wrong" in html
    assert "The level of care is wrong" in html
    filtered = staff_client.get(url, {"kind__exact": "wrong_hours"})
    assert [r.kind for r in filtered.context["cl"].result_list] == ["wrong_hours"]
