from http import HTTPStatus

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programs.models import TreatmentLevel
from tests.factories.levels import make_criterion, make_level, make_service
from tests.pages import without_alternates, without_quick_exit

pytestmark = pytest.mark.django_db

CRISIS_MARKERS = ["911", "988", "1-800-662-4357"]


def assert_crisis_help(html: str) -> None:
    for marker in CRISIS_MARKERS:
        assert marker in html


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return len(ctx.captured_queries)


def grow_content() -> None:
    """Extra levels, criteria and services, to prove query counts do not grow."""
    for _ in range(3):
        level = make_level()
        for kind in ["good_fit", "not_a_fit", "discuss"]:
            make_criterion(level, kind=kind)
        level.services.add(make_service())
    iop = TreatmentLevel.objects.get(slug="iop")
    for _ in range(5):
        make_criterion(iop, kind="good_fit")
    iop.services.add(make_service(), make_service())


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/levels/",
        "/levels/iop/",
        "/levels/inpatient/",
        "/compare/",
        "/compare/?levels=iop&levels=php",
        "/about/",
        "/withdrawal-management/",
    ],
)
def test_every_public_page_renders_with_crisis_help(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert_crisis_help(response.content.decode())


def test_home_explains_the_site_and_links_to_levels_and_compare(client):
    html = client.get(reverse("programs:home")).content.decode()
    assert "discuss with a clinician" in html
    assert reverse("programs:compare") in html
    for slug in ["outpatient", "iop", "php", "residential", "inpatient"]:
        assert reverse("programs:level_detail", args=[slug]) in html


def test_level_list_shows_all_five_levels_in_order(client):
    html = client.get(reverse("programs:level_list")).content.decode()
    names = [lv.name for lv in TreatmentLevel.objects.order_by("intensity_rank")]
    positions = [html.index(name) for name in names]
    assert positions == sorted(positions)


def test_iop_page_shows_hours_week_fit_services_steps_and_questions(client):
    iop = TreatmentLevel.objects.get(slug="iop")
    html = client.get(reverse("programs:level_detail", args=["iop"])).content.decode()
    assert "9–19" in html
    assert "6–19" in html
    assert 'role="img"' in html
    assert "A typical week in" in html
    assert iop.good_fit()[0].text in html
    assert iop.not_a_fit()[0].text in html
    assert iop.services.first().name in html
    assert "Stepping up or down" in html
    assert "/levels/outpatient/" in html
    assert "/levels/php/" in html
    assert "Questions to ask a program" in html
    assert "/compare/?levels=outpatient&amp;levels=iop&amp;levels=php" in html


def test_unknown_level_is_a_404_in_the_site_layout(client):
    response = client.get("/levels/detox-now/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    html = response.content.decode()
    assert "find that page" in html
    assert_crisis_help(html)


def test_level_page_without_a_typical_week_still_renders(client):
    level = make_level(typical_week=[])
    response = client.get(level.get_absolute_url())
    assert response.status_code == HTTPStatus.OK
    assert "A typical week in" not in response.content.decode()


def test_compare_shows_all_levels_with_every_row(client):
    response = client.get(reverse("programs:compare"))
    html = response.content.decode()
    assert len(response.context["levels"]) == 5
    for row in [
        "Hours of care a week",
        "Sessions or days a week",
        "Where the person lives",
        "24-hour supervision",
        "Medical care",
        "Keep working or going to school",
        "Typical length",
        "Relative cost",
        "Online (telehealth)",
    ]:
        assert f'<th scope="row">{row}' in html
    assert "<caption>" in html
    assert 'aria-labelledby="hours-chart-svg-title hours-chart-desc"' in html
    assert "compare-print.css" in html


def test_compare_narrows_to_the_chosen_levels(client):
    response = client.get(reverse("programs:compare"), {"levels": ["php", "iop"]})
    assert response.status_code == HTTPStatus.OK
    assert [lv.slug for lv in response.context["levels"]] == ["iop", "php"]
    assert "(2 chosen)" in response.content.decode()


def test_compare_ignores_unknown_slugs_with_a_clear_message(client):
    response = client.get(
        reverse("programs:compare"), {"levels": ["iop", "php", "<script>", "detox"]}
    )
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert [lv.slug for lv in response.context["levels"]] == ["iop", "php"]
    assert "We don't know these levels" in html
    assert "&lt;script&gt;" in html
    assert "<script>," not in html


def test_compare_with_only_unknown_slugs_shows_all_levels(client):
    response = client.get(reverse("programs:compare"), {"levels": ["nope", "zzz"]})
    assert response.status_code == HTTPStatus.OK
    assert len(response.context["levels"]) == 5
    assert "Showing all levels instead" in response.content.decode()


def test_compare_with_one_level_asks_for_two(client):
    response = client.get(reverse("programs:compare"), {"levels": ["iop"]})
    assert response.status_code == HTTPStatus.OK
    assert len(response.context["levels"]) == 5
    assert "Choose at least two levels" in response.content.decode()


def test_compare_rejects_post(client):
    assert client.post(reverse("programs:compare")).status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_about_page_says_informational_non_commercial_and_names_sources(client):
    html = client.get(reverse("programs:about")).content.decode()
    assert "does not diagnose" in html
    assert "not affiliated with ASAM" in html
    assert "No ads" in html or "no ads" in html
    assert "SAMHSA" in html
    assert "NIDA" in html


def test_withdrawal_page_says_it_is_not_treatment_on_its_own(client):
    html = client.get(reverse("programs:withdrawal")).content.decode()
    assert "not treatment on its own" in html.lower() or "not a treatment on its own" in html
    assert "benzodiazepine" in html.lower()


@pytest.mark.parametrize(
    "url", ["/", "/levels/", "/levels/iop/", "/compare/", "/compare/?levels=iop&levels=php"]
)
def test_query_count_does_not_grow_with_content(client, url):
    before = count_queries(client, url)
    grow_content()
    after = count_queries(client, url)
    assert after == before
    # A level page: the level, its services, criteria, neighbours and help-and-facts pages.
    assert before <= 5


def test_healthz_says_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == HTTPStatus.OK
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_fails(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE


def test_server_error_page_uses_the_site_layout_with_crisis_help(client, settings):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong" in html
    assert_crisis_help(html)


def test_pages_load_nothing_from_other_hosts(client):
    for url in ["/", "/levels/iop/", "/compare/", "/about/"]:
        html = without_quick_exit(without_alternates(client.get(url).content.decode()))
        assert 'src="http' not in html
        assert 'href="http' not in html
