"""The details people ask for: map points, session and intake times, methadone or
buprenorphine, accessibility and directions, from the model to the pages."""

import re
from decimal import Decimal
from html.parser import HTMLParser
from http import HTTPStatus
from io import StringIO
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from programs.directory.directions import destination_text, directions_links
from programs.directory.geo import as_decimal, zip_point
from programs.models import FeatureKind, Program
from tests.factories.directory import make_program

FIXTURES = Path(__file__).resolve().parent / "fixtures"
LIST = reverse("programs:program_list")
COMPARE = reverse("programs:program_compare")


def zip_centre(zip_code: str) -> tuple[Decimal, Decimal]:
    found = zip_point(zip_code)
    assert found is not None
    return (as_decimal(found.latitude), as_decimal(found.longitude))


DAYTON_POINT = zip_centre("45402")
TOLEDO_POINT = zip_centre("43604")


def point(program: Program) -> tuple:
    return (program.latitude, program.longitude)


def html_of(response) -> str:
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


class Links(HTMLParser):
    """Every link's href, as a browser reads it (entities decoded)."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def hrefs(html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    return parser.hrefs


# --- Where a program sits on the map ------------------------------------------------


@pytest.mark.django_db
def test_a_program_without_a_point_gets_its_zip_codes_centre_marked_approximate():
    program = make_program(zip_code="45402-1234")
    program.refresh_from_db()
    assert point(program) == DAYTON_POINT
    assert program.coordinates_approximate


@pytest.mark.django_db
@pytest.mark.parametrize("zip_code", ["", "00000", "99999"])
def test_an_unknown_or_missing_zip_code_leaves_no_point(zip_code):
    program = make_program(zip_code=zip_code)
    program.refresh_from_db()
    assert point(program) == (None, None)
    assert not program.coordinates_approximate


@pytest.mark.django_db
def test_a_point_given_is_exact_and_kept_when_the_zip_code_changes():
    program = make_program(latitude=Decimal("39.761"), longitude=Decimal("-84.192"))
    assert not program.coordinates_approximate
    program.zip_code = "43604"
    program.save()
    program.refresh_from_db()
    assert point(program) == (Decimal("39.761000"), Decimal("-84.192000"))
    assert not program.coordinates_approximate


@pytest.mark.django_db
def test_an_approximate_point_follows_the_zip_code():
    program = make_program()
    program = Program.objects.get(pk=program.pk)  # as the admin loads it
    program.zip_code = "43604"
    program.save()
    program.refresh_from_db()
    assert (point(program), program.coordinates_approximate) == (TOLEDO_POINT, True)
    program.zip_code = "00000"  # a ZIP code nobody knows: no point beats a wrong one
    program.save()
    program.refresh_from_db()
    assert (point(program), program.coordinates_approximate) == ((None, None), False)


@pytest.mark.django_db
def test_typing_a_point_over_the_zip_centre_makes_it_exact_and_clearing_it_goes_back():
    program = Program.objects.get(pk=make_program().pk)
    program.latitude, program.longitude = Decimal("39.7601"), Decimal("-84.1902")
    program.save()
    program.refresh_from_db()
    assert (point(program), program.coordinates_approximate) == (
        (Decimal("39.760100"), Decimal("-84.190200")),
        False,
    )
    program.latitude = program.longitude = None
    program.save()
    program.refresh_from_db()
    assert (point(program), program.coordinates_approximate) == (DAYTON_POINT, True)


@pytest.mark.django_db
def test_saving_other_columns_or_a_partial_load_leaves_the_point_alone():
    program = make_program(zip_code="00000")
    Program.objects.filter(pk=program.pk).update(zip_code="45402")  # behind save()'s back
    program.refresh_from_db()
    program.name = "Renamed"
    program.save(update_fields=["name"])
    assert Program.objects.get(pk=program.pk).latitude is None
    partial = Program.objects.only("pk", "name").get(pk=program.pk)
    partial.name = "Renamed again"
    partial.save()
    assert Program.objects.get(pk=program.pk).latitude is None
    # Saving the ZIP code itself places it, and saves the point with it.
    program.save(update_fields=["zip_code"])
    assert point(Program.objects.get(pk=program.pk)) == DAYTON_POINT


# --- Small model texts ------------------------------------------------------------


@pytest.mark.django_db
def test_accepts_moud_text_is_yes_no_or_ask():
    assert make_program(accepts_moud=True).accepts_moud_text() == "Yes"
    assert make_program(accepts_moud=False).accepts_moud_text() == "No"
    unknown = make_program()
    assert unknown.accepts_moud_text() == "Ask the program"
    with translation.override("es"):
        assert unknown.accepts_moud_text() == "Pregunte al programa"


@pytest.mark.django_db
def test_session_times_and_intake_hours_fall_back_to_english():
    program = make_program(
        session_times="Mon, Wed 6–9 pm",
        session_times_es="Lun. y miér. de 6 a 9 p. m.",
        intake_hours="Mon–Fri 9 am–5 pm",
    )
    with translation.override("es"):
        assert program.local.session_times == "Lun. y miér. de 6 a 9 p. m."
        assert program.local.intake_hours == "Mon–Fri 9 am–5 pm"
    assert program.local.session_times == "Mon, Wed 6–9 pm"


# --- Directions (pure) ------------------------------------------------------------


def links_for(**overrides):
    values = {
        "street": "250 Court St",
        "city": "Brooklyn",
        "state": "NY",
        "zip_code": "11201",
        "latitude": Decimal("40.690000"),
        "longitude": Decimal("-73.990000"),
        "exact": True,
    }
    values.update(overrides)
    return {link.site: link.url for link in directions_links(**values)}


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def test_directions_go_to_the_street_address_and_the_exact_point():
    links = links_for()
    assert links == {
        "Google Maps": "https://www.google.com/maps/dir/?api=1&destination="
        "250%20Court%20St%2C%20Brooklyn%2C%20NY%2011201",
        "Apple Maps": "https://maps.apple.com/?daddr=250%20Court%20St%2C%20Brooklyn%2C%20NY%2011201",
        "OpenStreetMap": "https://www.openstreetmap.org/directions?to=40.690000%2C-73.990000",
    }


def test_directions_without_a_street_use_an_exact_point_and_never_a_zip_centre():
    links = links_for(street=" ")
    assert query_of(links["Google Maps"])["destination"] == ["40.690000,-73.990000"]
    assert links_for(street="", exact=False) == {}
    assert links_for(street="", latitude=None, longitude=None) == {}
    # A street with only the ZIP code's centre: the address everywhere.
    approximate = links_for(exact=False)
    assert query_of(approximate["OpenStreetMap"])["to"] == ["250 Court St, Brooklyn, NY 11201"]


def test_destination_text_skips_missing_parts():
    assert destination_text("1 Main St", "Dayton", "OH", "") == "1 Main St, Dayton, OH"
    assert destination_text("", "", "OH", "45402") == "OH 45402"


HOSTILE = [
    '1 "Main" St & <script>alert(1)</script>',
    "O'Fallon Rd #5 ?x=1&y=2",
    "Calle 5 de Mayo, Nº 3 – ñ\u00e9",
    "100%25 Way / Suite 4",
]


@pytest.mark.parametrize("street", HOSTILE)
def test_directions_encode_any_address_so_it_reads_back_the_same(street):
    links = links_for(street=street, city="Dayton & Co", state="OH", zip_code="45402")
    expected = f"{street}, Dayton & Co, OH 45402"
    assert query_of(links["Google Maps"]) == {"api": ["1"], "destination": [expected]}
    assert query_of(links["Apple Maps"]) == {"daddr": [expected]}
    for url in links.values():
        assert not re.search(r"""[\s"'<>&]""", url.split("?", 1)[1].replace("&destination", ""))


@given(street=st.text(max_size=80), city=st.text(max_size=40))
def test_directions_round_trip_any_text(street, city):
    links = links_for(street=street, city=city, exact=False)
    if not street.strip():
        assert links == {}
        return
    expected = destination_text(street.strip(), city, "NY", "11201")
    assert query_of(links["Apple Maps"]) == {"daddr": [expected]}


# --- The pages --------------------------------------------------------------------


def detailed_program(**overrides):
    values = {
        "name": "Harbor Light",
        "street": "88 Wharf Rd",
        "website": "https://harbor.test/",
        "schedules": ["evening"],
        "session_times": "Mon, Wed, Thu 6–9 pm",
        "session_times_es": "Lun., miér. y jue. de 6 a 9 p. m.",
        "intake_hours": "Mon–Fri 8 am–5 pm",
        "intake_hours_es": "Lun. a vie. de 8 a. m. a 5 p. m.",
        "accepts_moud": True,
    }
    values.update(overrides)
    program = make_program(**values)
    program.set_features(FeatureKind.ACCESS, ["wheelchair", "asl"])
    return program


@pytest.mark.django_db
def test_cards_show_session_times_and_whether_people_on_moud_are_accepted(client):
    detailed_program()
    make_program(name="Quiet Place", accepts_moud=False)
    make_program(name="Unknown Place")
    html = html_of(client.get(LIST))
    assert "Session times</dt><dd>Mon, Wed, Thu 6–9 pm</dd>" in html
    for name, answer in [("Harbor Light", "Yes"), ("Quiet Place", "No")]:
        card = html[html.index(name) :]
        card = card[: card.index("</article>")]
        assert f"Accepts people on methadone or buprenorphine:</span> {answer}</p>" in card
    unknown = html[html.index("Unknown Place") :]
    unknown = unknown[: unknown.index("</article>")]
    assert "Session times" not in unknown  # said only when known
    assert "buprenorphine:</span> Ask the program</p>" in unknown


@pytest.mark.django_db
def test_program_page_shows_times_moud_access_and_directions(client):
    program = detailed_program()
    html = html_of(client.get(program.get_absolute_url()))
    for text in [
        "Session times</dt><dd>Mon, Wed, Thu 6–9 pm</dd>",
        "Intake hours (to start the program)</dt><dd>Mon–Fri 8 am–5 pm</dd>",
        "Accepts people on methadone or buprenorphine</dt><dd>Yes</dd>",
        "Accessibility</dt><dd>Wheelchair accessible, Sign language (ASL) interpreters</dd>",
        "Get directions",
        "(opens another website)",
    ]:
        assert text in html, text
    links = [href for href in hrefs(html) if "maps" in href or "openstreetmap" in href]
    assert links == [link.url for link in program.directions]
    assert query_of(links[0])["destination"] == ["88 Wharf Rd, Dayton, OH 45402"]
    assert html.count('rel="noopener noreferrer"') >= 4  # three maps and the website
    assert "made up" not in html


@pytest.mark.django_db
def test_program_page_says_ask_when_details_are_unknown_and_no_street_means_no_directions(
    client,
):
    program = make_program(name="Sparse")
    html = html_of(client.get(program.get_absolute_url()))
    for label in [
        "Session times",
        "Intake hours (to start the program)",
        "Accepts people on methadone or buprenorphine",
        "Accessibility",
    ]:
        assert f"{label}</dt><dd>Ask the program</dd>" in html, label
    # The ZIP code's centre is no place to send anyone.
    assert program.coordinates_approximate
    assert "Get directions" not in html
    assert "google.com/maps" not in html


@pytest.mark.django_db
def test_program_page_in_spanish_uses_the_spanish_times(client):
    program = detailed_program(intake_hours_es="")
    html = html_of(client.get(f"/es{program.get_absolute_url()}"))
    assert "Lun., miér. y jue. de 6 a 9 p. m." in html
    assert "Mon–Fri 8 am–5 pm" in html  # no Spanish text: the English one
    assert "Mon, Wed, Thu 6–9 pm" not in html


@pytest.mark.django_db
def test_hostile_names_and_addresses_are_escaped_on_the_page(client):
    program = make_program(
        name='"><script>alert(1)</script>',
        street='1 "Main" St & <script>x</script>',
        city="O'Fallon",
    )
    html = html_of(client.get(program.get_absolute_url()))
    assert "<script>alert(1)</script>" not in html
    assert "<script>x</script>" not in html
    [google] = [href for href in hrefs(html) if href.startswith("https://www.google.com/")]
    assert query_of(google)["destination"] == [
        """1 "Main" St & <script>x</script>, O'Fallon, OH 45402"""
    ]


@pytest.mark.django_db
def test_example_listings_say_their_directions_lead_to_a_made_up_address(client):
    program = make_program(is_demo=True, street="250 Court St")
    html = html_of(client.get(program.get_absolute_url()))
    assert "Get directions" in html
    assert "This example's address is made up" in html


@pytest.mark.django_db
def test_compare_has_rows_for_times_moud_and_access(client):
    a = detailed_program()
    b = make_program(name="Bravo", accepts_moud=False)
    html = html_of(client.get(COMPARE, {"ids": [a.pk, b.pk]}))
    rows = {
        "Session times": ["Mon, Wed, Thu 6–9 pm", "Ask the program"],
        "Intake hours (to start the program)": ["Mon–Fri 8 am–5 pm", "Ask the program"],
        "Accepts people on methadone or buprenorphine": ["Yes", "No"],
        "Accessibility": [
            "Wheelchair accessible, Sign language (ASL) interpreters",
            "Ask the program",
        ],
    }
    for label, cells in rows.items():
        expected = f'<th scope="row">{label}</th>' + "".join(f"<td>{c}</td>" for c in cells)
        assert expected in html, label


@pytest.mark.django_db
def test_new_details_add_no_queries(client, django_assert_num_queries):
    for n in range(3):
        detailed_program(name=f"Program {n}")
    ids = list(Program.objects.values_list("pk", flat=True))
    with django_assert_num_queries(2):  # the programs with their levels, their features
        client.get(COMPARE, {"ids": ids})


# --- Example wording only with example listings ------------------------------------


def example_words(html: str) -> list[str]:
    """Where a page says "example" (or "ejemplo"), leaving out "for example" in help texts."""
    text = re.sub(r"(?i)\b(for example|por ejemplo)\b", "", html)
    text = re.sub(r"https?://[^\s\"'<>]+", "", text)  # addresses, not words
    return re.findall(r"(?i).{0,40}\b(?:examples?|ejemplos?)\b.{0,40}", text)


@pytest.mark.django_db
def test_no_page_says_example_when_only_real_listings_are_shown(client):
    a = detailed_program(website="https://harbor.test/")
    b = make_program(name="Bravo", website="https://bravo.test/", street="2 Elm St")
    pages = [LIST, a.get_absolute_url(), b.get_absolute_url(), f"{COMPARE}?ids={a.pk},{b.pk}"]
    for url in pages:
        assert example_words(html_of(client.get(url))) == [], url
        assert example_words(html_of(client.get(f"/es{url}"))) == [], url
    # The same pages with an example listing do say so, so the check above can fail.
    demo = make_program(name="Made Up", is_demo=True, street="3 Elm St")
    translation.activate("en")  # the Spanish pages above left Spanish on
    for url in [demo.get_absolute_url(), LIST, f"{COMPARE}?ids={a.pk},{demo.pk}"]:
        assert example_words(html_of(client.get(url))), url
        assert example_words(html_of(client.get(f"/es{url}"))), url


# --- Through the importer to the page, the comparison and the filters ---------------


@pytest.mark.django_db
def test_imported_details_reach_the_page_compare_and_filters(client):
    call_command("import_programs", str(FIXTURES / "findtreatment-details.csv"), stdout=StringIO())
    imported = Program.objects.get(name="Knickerbocker Test IOP")
    other = Program.objects.get(name="Cedar Lane Counseling")
    page = html_of(client.get(imported.get_absolute_url()))
    assert "Session times</dt><dd>Mon, Tue, Thu 6–9 pm</dd>" in page
    assert "Accepts people on methadone or buprenorphine</dt><dd>Yes</dd>" in page
    assert "Wheelchair accessible, Interpreters for other languages" in page
    compare = html_of(client.get(COMPARE, {"ids": [imported.pk, other.pk]}))
    assert "<td>Yes</td><td>No</td>" in compare
    found = client.get(LIST, {"accepts_moud": "1", "access": "wheelchair"})
    assert [p.name for p in found.context["page"].object_list] == ["Knickerbocker Test IOP"]
    found = client.get(LIST, {"access": "asl"})
    assert [p.name for p in found.context["page"].object_list] == ["Cedar Lane Counseling"]
