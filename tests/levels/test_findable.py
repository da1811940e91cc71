"""Issue #14: the questionnaire is easy to find, the level pages say where the person lives
once, the comparison reads on a phone, and every public page has "Leave this site"."""

from __future__ import annotations

import re
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.utils.html import strip_tags

from programs.levels.content import LEVELS
from programs.levels.content_es import LEVELS_ES
from programs.models import ContactRequest, Response
from tests.factories.directory import make_program
from tests.factories.questionnaire import answers
from tests.factories.two_factor import force_login_verified
from tests.pages import NEUTRAL_SITE

pytestmark = pytest.mark.django_db

SETTING = {level["slug"]: level["setting"] for level in LEVELS}
SETTING_ES = {slug: level["setting"] for slug, level in LEVELS_ES.items()}

LEVEL_SLUGS = ["outpatient", "iop", "php", "residential", "inpatient"]
# Pages that end with (or, for the directory, open with) the way to the questionnaire.
CTA_PAGES = [
    *[f"/levels/{slug}/" for slug in LEVEL_SLUGS],
    "/compare/",
    "/compare/?levels=iop&levels=php",
    "/withdrawal-management/",
    "/programs/",
]
LANGUAGES = [("", "/questionnaire/"), ("/es", "/es/questionnaire/")]
CTA_BUTTON = re.compile(r'<a class="btn btn-primary" href="([^"]+)">')


def get(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return response.content.decode()


def cta(html: str) -> str:
    """The questionnaire call to action (includes/questionnaire_cta.html); exactly one."""
    found = re.findall(r'<section class="questionnaire-cta.*?</section>', html, re.S)
    assert len(found) == 1, found
    return found[0]


def main_menu(html: str) -> str:
    menu = re.search(r'<ul class="navbar-nav ms-auto">(.*?)</ul>', html, re.S)
    assert menu, "no main menu"
    return menu.group(1)


# -- The questionnaire in the menu and at the end of the pages ----------------------------


@pytest.mark.parametrize(("prefix", "questionnaire"), LANGUAGES)
@pytest.mark.parametrize(
    "path", ["/", "/levels/", "/levels/iop/", "/compare/", "/about/", "/privacy/", "/programs/"]
)
def test_main_menu_links_to_the_questionnaire(client, prefix, questionnaire, path):
    menu = main_menu(get(client, prefix + path))
    assert f'<a class="nav-link" href="{questionnaire}">' in menu


def test_menu_link_reads_which_level_fits(client):
    menu = main_menu(get(client, "/levels/"))
    assert '<a class="nav-link" href="/questionnaire/">Which level fits?</a>' in menu
    # Between "Compare" and "Find programs".
    assert menu.index("Compare") < menu.index("Which level fits?") < menu.index("Find programs")


@pytest.mark.parametrize(("prefix", "questionnaire"), LANGUAGES)
@pytest.mark.parametrize("path", CTA_PAGES)
def test_pages_invite_to_the_questionnaire(client, prefix, questionnaire, path):
    if path == "/programs/":
        make_program()
    box = cta(get(client, prefix + path))
    assert CTA_BUTTON.findall(box) == [questionnaire]
    assert 'aria-labelledby="questionnaire-cta-title"' in box


def test_the_invitation_says_what_the_questionnaire_does(client):
    box = strip_tags(cta(get(client, "/levels/iop/")))
    assert "Not sure which level fits?" in box
    assert "discuss with a clinician" in box
    assert "Start the questions" in box


@pytest.mark.parametrize("path", ["/levels/iop/", "/compare/", "/withdrawal-management/"])
def test_the_invitation_ends_the_page(client, path):
    html = get(client, path)
    main = html[html.index('<main id="main"') : html.index("</main>")]
    assert main.rstrip().endswith("</section>")
    after = main[main.index('<section class="questionnaire-cta') :]
    assert after.count("<section") == 1, "nothing else follows the invitation"


def test_directory_invitation_follows_its_intro_before_the_filters(client):
    make_program()
    html = get(client, "/programs/")
    assert html.index("dir-intro") < html.index("questionnaire-cta") < html.index("dir-filters")


def test_the_questionnaire_itself_has_no_invitation(client):
    assert "questionnaire-cta" not in get(client, "/questionnaire/")


# -- Where the person lives, said once -----------------------------------------------------


def where(html: str) -> str:
    """The "Where" answer in the level page's "At a glance" box."""
    glance = html[html.index('id="at-a-glance"') :]
    glance = glance[: glance.index("</dl>")]
    answers = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", glance, re.S)
    return answers[3][1]


@pytest.mark.parametrize("slug", ["outpatient", "iop"])
def test_level_page_says_lives_at_home_once(client, slug):
    answer = where(get(client, f"/levels/{slug}/"))
    assert answer == SETTING[slug]
    assert answer.count("lives at home") == 1


@pytest.mark.parametrize("slug", ["outpatient", "iop"])
def test_spanish_level_page_says_vive_en_casa_once(client, slug):
    answer = where(get(client, f"/es/levels/{slug}/"))
    assert answer == SETTING_ES[slug]
    assert answer.count("vive en casa") == 1


@pytest.mark.parametrize(("prefix", "texts"), [("", SETTING), ("/es", SETTING_ES)])
@pytest.mark.parametrize("slug", LEVEL_SLUGS)
def test_where_is_the_setting_alone(client, prefix, texts, slug):
    # Every setting already says where the person lives or sleeps; nothing is added to it.
    answer = where(get(client, f"{prefix}/levels/{slug}/"))
    assert answer == texts[slug]
    assert answer.count(";") <= 1
    assert "home; " not in answer
    assert "casa; " not in answer


# -- The comparison on a phone: the same facts as cards ------------------------------------


def table_rows(html: str) -> dict[str, list[str]]:
    table = html[html.index("<tbody>") : html.index("</tbody>")]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        header = re.search(r'<th scope="row">(.*?)</th>', row, re.S)
        assert header, row
        label = strip_tags(header.group(1))
        rows[label.strip()] = [
            strip_tags(cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)
        ]
    return rows


def card_facts(html: str) -> dict[str, list[str]]:
    cards = html[html.index('<div class="compare-cards">') :]
    facts: dict[str, list[str]] = {}
    for card in re.findall(r'<dl class="compare-card-facts mb-0">(.*?)</dl>', cards, re.S):
        for label, value in re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", card, re.S):
            facts.setdefault(strip_tags(label).strip(), []).append(strip_tags(value).strip())
    return facts


@pytest.mark.parametrize("prefix", ["", "/es"])
@pytest.mark.parametrize("query", ["", "?levels=iop&levels=php&levels=residential"])
def test_compare_cards_carry_the_same_facts_as_the_table(client, prefix, query):
    html = get(client, f"{prefix}/compare/{query}")
    rows = table_rows(html)
    assert len(rows) == 9
    assert card_facts(html) == rows
    levels = 3 if query else 5
    assert html.count('<article class="card compare-card') == levels
    assert all(len(values) == levels for values in rows.values())


def test_compare_chart_draws_its_text_in_css_pixels(client):
    html = get(client, "/compare/")
    chart = html[html.index('<svg class="chart chart-hours"') :]
    chart = chart[: chart.index("</svg>\n  </svg>")]
    # No viewBox: nothing scales the text down on a narrow screen.
    assert "viewBox" not in chart.split(">", 1)[0]
    assert 'aria-labelledby="hours-chart-svg-title hours-chart-desc"' in chart
    assert chart.count('<text class="chart-label"') == 5
    # 24-hour levels run the full width; ticks from 0 to 40 hours.
    assert chart.count('width="100%" height="16"') == 2
    assert re.findall(r'x="(\d+)%"[^>]*class="tick">(\d+)h', chart) == [
        ("0", "0"),
        ("25", "10"),
        ("50", "20"),
        ("75", "30"),
        ("100", "40"),
    ]


# -- "Leave this site" ---------------------------------------------------------------------

QUICK_EXIT_LINK = re.compile(
    r'<a class="quick-exit-link" href="([^"]+)" rel="noreferrer" data-quick-exit '
    r'data-neutral-url="([^"]+)"><span class="visually-hidden">([^<]+)</span>([^<]+)</a>'
)


def quick_exit(html: str) -> tuple[str, ...]:
    found = QUICK_EXIT_LINK.findall(html)
    assert len(found) == 1, found
    return found[0]


def shared_pages() -> list[str]:
    normal = Response.objects.record(answers())
    shared = Response.objects.record(answers(for_whom="someone_else"))
    ContactRequest.objects.create(response=shared, consent=True, name="Ana", phone="5550101")
    program = make_program()
    return [
        normal.get_absolute_url(),
        f"/results/{normal.public_token}/share/",
        f"/results/{shared.public_token}/shared/",
        program.get_absolute_url(),
    ]


def test_every_public_page_has_leave_this_site(client):
    pages = [
        "/",
        "/levels/",
        "/levels/iop/",
        "/compare/",
        "/withdrawal-management/",
        "/about/",
        "/privacy/",
        "/questionnaire/",
        "/programs/",
        *shared_pages(),
    ]
    for path in pages:
        href, neutral, hidden, label = quick_exit(get(client, path))
        assert href == NEUTRAL_SITE, path
        assert neutral == "/", path
        assert (hidden, label) == ("Emergency exit: ", "Leave this site"), path


def test_not_found_page_has_leave_this_site(client):
    response = client.get("/no-such-page/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert quick_exit(response.content.decode())[0] == NEUTRAL_SITE


def test_spanish_pages_leave_for_the_spanish_home_page(client):
    href, neutral, _hidden, _label = quick_exit(get(client, "/es/compare/"))
    assert (href, neutral) == (NEUTRAL_SITE, "/es/")


def test_leave_this_site_comes_right_after_the_skip_link(client):
    html = get(client, "/levels/iop/")
    body = html[html.index("<body>") :]
    focusable = re.findall(r"<(?:a|button|input|select|textarea)\b[^>]*>", body)
    assert "skip-link" in focusable[0]
    assert "quick-exit-link" in focusable[1]
    assert body.index("quick-exit-link") < body.index('class="crisis-bar"')


@pytest.mark.parametrize("path", ["/admin/login/", "/admin/"])
def test_staff_admin_has_no_leave_this_site(client, path):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "x" * 16)
    if path == "/admin/":
        force_login_verified(client, user)
    response = client.get(path)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "quick-exit" not in html
    assert NEUTRAL_SITE not in html


def test_privacy_page_explains_what_leaving_quickly_does_and_does_not_do(client):
    html = get(client, "/privacy/")
    section = html[html.index('aria-labelledby="leaving-quickly"') :]
    section = strip_tags(section[: section.index("</section>")])
    assert "Leave this site" in section
    assert "Esc key twice" in section
    assert "does not erase your browser history" in section
    assert "does not stop someone" in section
    assert "device they cannot get into" in section
    assert "raise suspicion" in section
