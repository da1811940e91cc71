import contextlib
import json
from collections import Counter
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from programs.directory import importers
from programs.directory.geo import as_decimal, zip_point
from programs.directory.importers import (
    ImportFileError,
    PointFrom,
    accepts_moud_wording,
    access_value,
    clean_coordinates,
    clean_state,
    clean_website,
    clean_zip,
    guess_format,
    language_value,
    medication_value,
    parse_csv,
    parse_json,
    parse_text,
    payment_value,
    population_value,
    read_file,
    setting_level,
)
from programs.models import FeatureKind, Program, Source
from tests.factories.directory import make_program

# The same eight made-up facilities in both FindTreatment.gov formats: the JSON export
# and the spreadsheet download (one row in the JSON has the older `typeFacility`).
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE_JSON = FIXTURES / "findtreatment-export.json"
SAMPLE_CSV = FIXTURES / "findtreatment-listing.csv"
# Small files for the details people ask for: real FindTreatment.gov wordings about
# medication and access, rows with and without usable coordinates, and the optional
# spreadsheet columns staff can add (session times, intake hours, access, MOUD).
DETAILS_JSON = FIXTURES / "findtreatment-details.json"
DETAILS_CSV = FIXTURES / "findtreatment-details.csv"

# Counted by hand from the two fixture files: each facility gives one program per level
# it offers ("Outpatient" alone is only a heading when a more precise outpatient setting
# is listed; withdrawal management is not a level).
#   Willow Creek: IOP + outpatient; Beacon Street: IOP + PHP; Piñon Ridge: residential;
#   Mercy Ridge: hospital; Open Gate: outpatient; Northwoods: IOP; Sunrise: PHP;
#   Steady Path: IOP.
SAMPLE_PER_LEVEL = {"outpatient": 2, "iop": 4, "php": 2, "residential": 1, "inpatient": 1}
SAMPLE_TOTAL = 10


def service(code: str, values: str, label: str = "") -> dict:
    return {"f1": label, "f2": code, "f3": values}


def json_row(**overrides) -> dict:
    """A small inline row in the JSON export's shape (not read from the shared folder)."""
    row = {
        "frid": "f-1",
        "name1": "Pine Street Clinic",
        "name2": "",
        "street1": "1 Pine St",
        "street2": "",
        "city": "Dayton",
        "state": "OH",
        "zip": "45402",
        "phone": "937-555-0101",
        "intake1": "",
        "website": "https://example.org/pine",
        "latitude": "39.75",
        "longitude": "-84.19",
        "type_facility": "SA",
        "services": [
            service("SET", "Outpatient; Intensive outpatient treatment"),
            service("PAY", "Medicaid; Cash or self-payment"),
            service("AGE", "Adults"),
        ],
    }
    row.update(overrides)
    return row


def export(*rows: dict) -> str:
    return json.dumps({"page": 1, "totalPages": 1, "recordCount": len(rows), "rows": list(rows)})


CSV_HEADER = (
    "name1,name2,street1,street2,city,state,zip,phone,intake1,intake2,website,latitude,"
    "longitude,type_facility,oit,odt,ort,op,res,rs,rl,rd,hi,hit,hid,od,tele,md,mc,pi,sf,mi,"
    "ss,pa,adlt,chld,yad,snr,fem,male,vet,gl,pw,bu,meth,nu,sp,co"
)


def csv_row(name="Pine Street Clinic", city="Dayton", state="OH", zip_code="45402", **flags):
    columns = CSV_HEADER.split(",")
    values = {
        "name1": name,
        "street1": "1 Pine St",
        "city": city,
        "state": state,
        "zip": zip_code,
        "phone": "937-555-0101",
        "type_facility": "SA",
    }
    values.update({key: "1" for key, on in flags.items() if on})
    return ",".join(values.get(column, "") for column in columns)


def spreadsheet(*rows: str) -> str:
    return "\n".join([CSV_HEADER, *rows]) + "\n"


def run_import(path: Path, *args: str) -> str:
    out = StringIO()
    call_command("import_programs", str(path), *args, stdout=out, stderr=out)
    return out.getvalue()


def per_level() -> dict[str, int]:
    return dict(Counter(Program.objects.values_list("level__slug", flat=True)))


# --- Mapping single wordings and values (pure) -------------------------------------


@pytest.mark.parametrize(
    ("wording", "level"),
    [
        ("Intensive outpatient treatment", "iop"),
        ("INTENSIVE OUTPATIENT TREATMENT", "iop"),
        ("Outpatient day treatment or partial hospitalization", "php"),
        ("Partial hospitalization/day treatment", "php"),
        ("Regular outpatient treatment", "outpatient"),
        ("Outpatient methadone/buprenorphine or naltrexone treatment", "outpatient"),
        ("Outpatient", "umbrella"),
        ("Residential/24-hour residential", "residential"),
        ("Short-term residential (30 days or less)", "residential"),
        ("Long-term residential (more than 30 days)", "residential"),
        ("Hospital inpatient/24-hour hospital inpatient", "inpatient"),
        ("Hospital inpatient treatment", "inpatient"),
        ("Residential detoxification", "withdrawal"),
        ("Hospital inpatient detoxification", "withdrawal"),
        ("Outpatient detoxification", "withdrawal"),
        ("Telemedicine/telehealth therapy", "telehealth"),
        ("Something new", None),
    ],
)
def test_setting_wordings_map_to_levels(wording, level):
    assert setting_level(wording) == level


@pytest.mark.parametrize(
    ("wording", "value"),
    [
        ("Medicaid", "medicaid"),
        ("Medicare", "medicare"),
        ("Private health insurance", "private"),
        ("Military insurance (e.g., TRICARE)", "military"),
        ("Federal military insurance (e.g., TRICARE)", "military"),
        ("Cash or self-payment", "self_pay"),
        ("Sliding fee scale (fee is based on income and other factors)", "sliding_fee"),
        ("Treatment at no charge or minimal payment for clients who cannot afford to pay", "free"),
        ("State-financed health insurance plan other than Medicaid", None),
        ("Payment assistance (check with facility for details)", None),
    ],
)
def test_payment_wordings(wording, value):
    assert payment_value(wording) == value


@pytest.mark.parametrize(
    ("wording", "value"),
    [
        ("Adults", "adults"),
        ("Young adults", "young_adults"),
        ("Seniors", "seniors"),
        ("Adolescents", "adolescents"),
        ("Children/Adolescents", "adolescents"),
        ("Veterans", "veterans"),
        ("Pregnant/postpartum women", "pregnant_postpartum"),
        ("Lesbian, gay, bisexual, or transgender (LGBT) clients", "lgbtq"),
        ("Women", "women"),
        ("Men", "men"),
        ("Persons with serious mental illness", None),
    ],
)
def test_population_wordings(wording, value):
    assert population_value(wording) == value


@pytest.mark.parametrize(
    ("wording", "value"),
    [
        ("Methadone used in Treatment", "methadone"),
        ("Buprenorphine used in Treatment", "buprenorphine"),
        ("Naltrexone used in Treatment", "naltrexone"),
        ("Vivitrol (extended-release naltrexone)", "naltrexone"),
        ("Lofexidine", None),
    ],
)
def test_medication_wordings(wording, value):
    assert medication_value(wording) == value


@pytest.mark.parametrize(
    ("wording", "value"),
    [
        ("Spanish", "es"),
        ("spanish", "es"),
        ("Navajo", "nv"),
        ("Hmong", "hmn"),
        ("Sign language services for the deaf and hard of hearing", "ase"),
        ("Mandarin", "zh"),
        ("Lakota", None),
    ],
)
def test_language_wordings(wording, value):
    assert language_value(wording) == value


@pytest.mark.parametrize(
    ("wording", "value"),
    [
        ("Services for the deaf and hard of hearing", "asl"),
        ("Sign language interpreters", "asl"),
        ("ASL", "asl"),
        ("Wheelchair accessible facility", "wheelchair"),
        ("Interpreter services", "interpreters"),
        ("Acupuncture", None),
        ("Spanish", None),
        ("Interpersonal therapy", None),
    ],
)
def test_access_wordings(wording, value):
    assert access_value(wording) == value


@pytest.mark.parametrize(
    ("wording", "accepts"),
    [
        ("Accepts clients on opioid medication", True),
        ("Accepts clients on opioid medication but prescribed elsewhere", True),
        ("accepts clients using medications for opioid use disorder prescribed elsewhere", True),
        ("Medications for opioid use disorder (MOUD) prescribed elsewhere", True),
        (
            "Accepts clients using medication assisted treatment for alcohol use disorder but "
            "prescribed elsewhere",
            False,
        ),
        ("Buprenorphine used in Treatment", False),
        ("Use methadone/buprenorphine for pain management or emergency dosing", False),
        ("Accepts clients who are deaf", False),
    ],
)
def test_accepts_moud_wordings(wording, accepts):
    assert accepts_moud_wording(wording) is accepts


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("45402", "45402"),
        ("4101", "04101"),
        ("4101.0", "04101"),
        ("45402-1234", "45402-1234"),
        ("454021234", "45402-1234"),
        ("", ""),
        ("abcde", ""),
    ],
)
def test_clean_zip(raw, expected):
    assert clean_zip(raw, []) == expected


def test_clean_state_accepts_codes_and_names_and_refuses_the_rest():
    assert clean_state("oh") == "OH"
    assert clean_state("New Mexico") == "NM"
    with pytest.raises(importers.RowError, match="unknown state"):
        clean_state("Atlantis")
    with pytest.raises(importers.RowError, match="no state"):
        clean_state("")


def test_clean_website_adds_https_and_drops_what_is_not_an_address():
    notes: list[str] = []
    assert clean_website("example.org/x", notes) == "https://example.org/x"
    assert clean_website("http://example.org", notes) == "http://example.org"
    assert clean_website("not a site", notes) == ""
    assert clean_website("javascript:alert(1)", notes) == ""
    assert len(notes) == 2


def test_clean_coordinates_wants_both_in_range():
    assert clean_coordinates("39.7589", "-84.1916", []) == (
        Decimal("39.758900"),
        Decimal("-84.191600"),
    )
    assert clean_coordinates(39.7, -84.1, []) == (Decimal("39.700000"), Decimal("-84.100000"))
    for lat, lon in [("", "-84"), ("abc", "1"), ("95", "0"), ("NaN", "0"), ({}, [])]:
        notes: list[str] = []
        assert clean_coordinates(lat, lon, notes) == (None, None)
        assert notes
    assert clean_coordinates("", "", []) == (None, None)


# --- Parsing whole files (pure) ----------------------------------------------------


def test_guess_format_from_extension_then_content():
    assert guess_format("x.JSON", "") == "json"
    assert guess_format("x.csv", "{") == "csv"
    assert guess_format("export.txt", '  {"rows": []}') == "json"
    assert guess_format("export", "name1,city") == "csv"


def test_a_facility_with_several_levels_gives_one_record_per_level():
    settings_offered = (
        "Intensive outpatient treatment; Outpatient day treatment or partial hospitalization"
    )
    parsed = parse_json(export(json_row(services=[service("SET", settings_offered)])))
    [row] = parsed.rows
    assert [r.level for r in row.records] == ["iop", "php"]
    assert {r.frid for r in row.records} == {"f-1"}


def test_outpatient_alone_is_standard_outpatient_but_only_a_heading_beside_iop():
    alone = parse_json(export(json_row(services=[service("SET", "Outpatient")])))
    beside = parse_json(
        export(json_row(services=[service("SET", "Outpatient; Intensive outpatient treatment")]))
    )
    assert [r.level for r in alone.rows[0].records] == ["outpatient"]
    assert [r.level for r in beside.rows[0].records] == ["iop"]


def test_json_variants_are_tolerated():
    row = json_row(
        name1="  Clínica   Esperanza ",
        name2="Día",
        state="nm",
        zip=87102,
        latitude=35.08,
        longitude=-106.65,
        services=[
            service(
                "set", "PARTIAL HOSPITALIZATION/DAY TREATMENT; Telemedicine/telehealth therapy"
            ),
            service("GN", "Female"),
            service("", "Spanish; Mandarin", label="Language Services"),
            service("OM", ["Buprenorphine used in Treatment"]),
            service("TC", "Treatment for co-occurring mental health and substance use disorders"),
            service("LCA", "State substance abuse agency"),
        ],
    )
    del row["type_facility"]
    row["typeFacility"] = "SA"
    [result] = parse_json(export(row)).rows
    assert not result.error, result.error
    [record] = result.records
    assert record.name == "Clínica Esperanza – Día"
    assert record.organisation == "Clínica Esperanza"
    assert (record.level, record.state, record.zip_code) == ("php", "NM", "87102")
    assert record.formats == ("in_person", "telehealth")
    assert record.populations == ("women",)
    assert record.languages == ("en", "es", "zh")
    assert record.medications == ("buprenorphine",)
    assert record.co_occurring


def test_a_virtual_program_without_a_street_is_telehealth_only():
    row = json_row(
        street1="",
        services=[service("SET", "Intensive outpatient treatment; Telemedicine/telehealth")],
    )
    [record] = parse_json(export(row)).rows[0].records
    assert record.formats == ("telehealth",)


def test_24_hour_levels_are_in_person_even_when_the_facility_offers_telehealth():
    row = json_row(services=[service("SET", "Residential; Telemedicine/telehealth therapy")])
    [record] = parse_json(export(row)).rows[0].records
    assert (record.level, record.formats) == ("residential", ("in_person",))


def test_accepting_one_sex_only_marks_a_womens_or_mens_program():
    both = json_row(services=[service("SET", "Residential"), service("SN", "Female; Male")])
    men = json_row(frid="f-2", services=[service("SET", "Residential"), service("SN", "Male")])
    parsed = parse_json(export(both, men))
    assert parsed.rows[0].records[0].populations == ()
    assert parsed.rows[1].records[0].populations == ("men",)


BROKEN_ROWS = [
    (json_row(frid="b1", name1=""), "has no name"),
    (json_row(frid="b2", name1=None), "has no name"),
    (json_row(frid="b3", name1=42), "name1 as a number"),
    (json_row(frid="b4", services="Intensive outpatient"), "services as"),
    (json_row(frid="b5", services=[service("SET", "Residential detoxification")]), "withdrawal"),
    (json_row(frid="b6", services=[service("TC", "Substance use treatment")]), "no level"),
    (json_row(frid="b7", services=["Intensive outpatient"]), "not an object"),
    (json_row(frid="b8", state="Atlantis"), "unknown state"),
    (json_row(frid="b9", city=""), "no city"),
    (json_row(frid="b10", phone="", intake1="", website=""), "no phone number or website"),
    (json_row(frid="b11", type_facility="MH"), "mental-health-only"),
    (json_row(frid="b12", name1="x" * 300), "longer than 200"),
    ("just a string", "not an object"),
]


def test_broken_json_rows_are_skipped_with_a_reason_and_good_rows_kept():
    good = json_row(frid="good")
    parsed = parse_json(export(good, *(row for row, _ in BROKEN_ROWS)))
    assert parsed.rows[0].records
    assert not parsed.rows[0].error
    for result, (_, reason) in zip(parsed.rows[1:], BROKEN_ROWS, strict=True):
        assert not result.records
        assert reason in result.error, (result.number, result.error)


def test_a_repeated_facility_in_one_file_is_skipped_as_a_repeat():
    parsed = parse_json(export(json_row(), json_row(name1="Renamed")))
    assert parsed.rows[1].error == "repeats row 1 (same facility and level)"


def test_unrecognised_values_become_notes_not_errors():
    row = json_row(
        latitude="north",
        website="not a site",
        services=[
            service("SET", "Intensive outpatient treatment; Something new"),
            service("PAY", "Seashells"),
        ],
    )
    [result] = parse_json(export(row)).rows
    assert result.records
    assert len(result.notes) == 4


def test_a_multi_page_export_warns_to_import_the_other_pages():
    text = json.dumps({"page": 1, "totalPages": 3, "rows": [json_row()]})
    assert "page 1 of 3" in parse_json(text).warnings[0]


def test_a_bare_list_of_rows_is_accepted():
    assert parse_json(json.dumps([json_row()])).rows[0].records


def test_json_services_give_access_and_moud_and_ignore_the_rest_quietly():
    rows = parse_json(read_file(DETAILS_JSON)).rows
    [harbor] = rows[0].records
    assert harbor.accepts_moud is True
    assert harbor.accessibility == ("wheelchair", "asl", "interpreters")
    assert harbor.languages == ("en", "es", "ase")
    # The facility's own treatments and emergency dosing are not what it prescribes.
    assert harbor.medications == ()
    assert rows[0].notes == []  # acupuncture, case management…: nothing to report
    [ridge] = rows[2].records
    assert (ridge.accepts_moud, ridge.medications) == (True, ("methadone",))
    [plain] = rows[1].records
    assert (plain.accepts_moud, plain.accessibility) == (None, ())


def test_a_broken_scanned_only_category_is_a_note_not_a_lost_row():
    odd = parse_json(read_file(DETAILS_JSON)).rows[4]
    assert not odd.error
    [record] = odd.records
    assert record.accessibility == ("interpreters",)
    assert "has services item 2 as a number, not text; ignored" in odd.notes
    assert any("'Klingon' not recognised" in note for note in odd.notes)


def test_coordinates_come_from_the_row_else_the_zip_centre_else_nowhere():
    rows = parse_json(read_file(DETAILS_JSON)).rows
    points = [(row.records[0].point_from, row.records[0].latitude) for row in rows]
    brooklyn, toledo = zip_point("11237"), zip_point("43604")
    assert points == [
        (PointFrom.FILE, Decimal("41.653000")),
        (PointFrom.ZIP, as_decimal(brooklyn.latitude)),
        (PointFrom.ZIP, as_decimal(toledo.latitude)),  # "north" is not a latitude
        (PointFrom.NONE, None),  # 00000 is no ZIP code's centre
        (PointFrom.FILE, Decimal("39.758900")),
    ]
    assert rows[1].records[0].longitude == as_decimal(brooklyn.longitude)
    assert "latitude or longitude is not a number; left out" in rows[2].notes


def test_csv_optional_columns_give_times_access_and_moud():
    rows = parse_csv(read_file(DETAILS_CSV)).rows
    [iop] = rows[0].records
    assert (iop.session_times, iop.intake_hours) == ("Mon, Tue, Thu 6–9 pm", "Mon–Fri 9 am–7 pm")
    assert (iop.accepts_moud, iop.accessibility) == (True, ("wheelchair", "interpreters"))
    assert (iop.point_from, iop.medications) == (PointFrom.ZIP, ("buprenorphine",))
    [cedar] = rows[1].records
    assert (cedar.accepts_moud, cedar.accessibility, cedar.point_from) == (
        False,
        ("asl",),
        PointFrom.FILE,
    )
    [quiet] = rows[2].records
    assert (quiet.accepts_moud, quiet.session_times, quiet.accessibility) == (None, "", ())
    maybe = rows[3]
    assert maybe.records[0].accepts_moud is None
    assert maybe.notes == [
        "column wheelchair has 'sometimes', not 1 or blank; read as no",
        "column accepts_moud has 'perhaps', not 1, 0 or blank; read as unknown",
    ]


def test_csv_times_longer_than_the_column_are_left_out_with_a_note():
    header = CSV_HEADER + ",session_times,intake_hours"
    row = csv_row(ort=True) + "," + "x" * 201 + ",Mon 9 am–5 pm"
    [result] = parse_csv(f"{header}\n{row}\n").rows
    [record] = result.records
    assert (record.session_times, record.intake_hours) == ("", "Mon 9 am–5 pm")
    assert result.notes == ["session times is longer than 200 characters; left out"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ("", "not valid JSON"),
        ('{"rows": 5}', 'no "rows" list'),
        ('{"data": []}', 'no "rows" list'),
        ("42", "expected an object"),
        ("[" * 100_000, "cannot be read"),
    ],
)
def test_unusable_json_files_raise_a_clear_error(text, message):
    with pytest.raises(ImportFileError, match=message):
        parse_json(text)


def test_csv_rows_map_like_the_json_rows():
    text = spreadsheet(
        csv_row(oit=True, op=True, md=True, sf=True, adlt=True, fem=True, bu=True, sp=True),
        csv_row(name="Hilltop", zip_code="4101", state="maine", res=True, rd=True, co=True),
        csv_row(name="", oit=True),
        csv_row(name="Detox Only", rd=True),
    )
    rows = parse_csv(text).rows
    [iop] = rows[0].records
    assert (iop.level, iop.payments, iop.populations) == (
        "iop",
        ("medicaid", "self_pay"),
        (
            "adults",
            "women",
        ),
    )
    assert (iop.medications, iop.languages) == (("buprenorphine",), ("en", "es"))
    [residential] = rows[1].records
    assert (residential.state, residential.zip_code, residential.co_occurring) == (
        "ME",
        "04101",
        True,
    )
    assert rows[2].label == "Row 4"
    assert "no name" in rows[2].error
    assert "withdrawal" in rows[3].error


def test_csv_headers_are_read_without_regard_to_case_or_spaces():
    text = spreadsheet(csv_row(oit=True)).replace("name1,", " NAME1 ,", 1)
    assert parse_csv(text).rows[0].records


def test_csv_row_with_too_many_cells_is_skipped():
    text = spreadsheet(csv_row(oit=True) + ",1,1,1")
    assert "cells" in parse_csv(text).rows[0].error


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("\n\n", "empty"),
        ("city,state\nDayton,OH\n", "no name1 column"),
        ('{"rows": []}', "no name1 column"),
        ("name1\x00,city\n", "binary"),
    ],
)
def test_unusable_csv_files_raise_a_clear_error(text, message):
    with pytest.raises(ImportFileError, match=message):
        parse_csv(text)


def test_read_file_refuses_missing_folders_and_non_utf8(tmp_path):
    with pytest.raises(ImportFileError, match="does not exist"):
        read_file(tmp_path / "missing.json")
    with pytest.raises(ImportFileError, match="folder"):
        read_file(tmp_path)
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("name1\nClínica\n".encode("latin-1"))
    with pytest.raises(ImportFileError, match="not UTF-8"):
        read_file(latin1)
    bom = tmp_path / "bom.csv"
    bom.write_bytes("\ufeffname1\nx\n".encode())
    assert read_file(bom).startswith("name1")


def test_unknown_format_is_refused():
    with pytest.raises(ImportFileError, match="Unknown format"):
        parse_text("", "xml")


# --- Property tests: any input gives rows or ImportFileError, nothing else ------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
row_keys = st.sampled_from(
    [
        "frid",
        "name1",
        "name2",
        "street1",
        "city",
        "state",
        "zip",
        "phone",
        "intake1",
        "website",
        "latitude",
        "longitude",
        "type_facility",
        "typeFacility",
        "services",
    ]
)
service_items = st.fixed_dictionaries(
    {},
    optional={
        "f1": st.text(max_size=30) | json_values,
        "f2": st.sampled_from(["SET", "PAY", "PYAS", "AGE", "SN", "GN", "SG", "OM", "OL", "TC"])
        | json_values,
        "f3": st.text(max_size=80) | st.lists(st.text(max_size=20), max_size=3) | json_values,
    },
)
rows = st.dictionaries(
    row_keys,
    json_values | st.text(max_size=40) | st.lists(service_items, max_size=4),
    max_size=15,
)


@given(st.lists(rows | json_values, max_size=5))
def test_random_json_rows_never_raise(random_rows):
    parsed = parse_json(json.dumps({"rows": random_rows}))
    assert len(parsed.rows) == len(random_rows)
    for row in parsed.rows:
        assert bool(row.error) != bool(row.records)


@given(st.text(max_size=300))
def test_random_text_is_rows_or_an_import_file_error(text):
    for file_format in ("json", "csv"):
        with contextlib.suppress(ImportFileError):
            parse_text(text, file_format)


EXTRA_CSV_COLUMNS = (
    "session_times",
    "intake_hours",
    "accepts_moud",
    "wheelchair",
    "asl",
    "interpreters",
)


@given(
    st.lists(
        st.lists(
            st.text(max_size=12) | st.sampled_from(["1", "0", "", "yes", "x" * 250]),
            max_size=len(CSV_HEADER.split(",")) + len(EXTRA_CSV_COLUMNS),
        ),
        max_size=6,
    )
)
def test_random_spreadsheet_rows_never_raise(cells):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER.split(",") + list(EXTRA_CSV_COLUMNS))
    writer.writerows(cells)
    try:
        parsed = parse_csv(buffer.getvalue())
    except ImportFileError:
        return
    for row in parsed.rows:
        assert bool(row.error) != bool(row.records)


# --- The command against the database --------------------------------------------


@pytest.mark.django_db
def test_importing_the_sample_json_gives_the_programs_per_level():
    output = run_import(SAMPLE_JSON)
    assert per_level() == SAMPLE_PER_LEVEL
    assert f"JSON file: created {SAMPLE_TOTAL}, updated 0, skipped 0 of 8 rows." in output
    program = Program.objects.get(frid__startswith="9bea55b1", level__slug="php")
    assert program.name == "Beacon Street Behavioral Health"
    assert (program.source, program.is_demo) == (Source.IMPORTED, False)
    assert program.last_verified == timezone.localdate()
    assert program.co_occurring
    assert program.feature_values(FeatureKind.PAYMENT) == [
        "medicaid",
        "medicare",
        "private",
        "military",
    ]
    assert program.feature_values(FeatureKind.POPULATION) == ["adults", "seniors", "veterans"]
    northwoods = Program.objects.get(name__startswith="Northwoods")
    assert northwoods.name == "Northwoods Youth Services – Teen Intensive Outpatient"
    assert northwoods.feature_values(FeatureKind.LANGUAGE) == ["en", "es", "hmn"]
    steady_path = Program.objects.get(name="Steady Path Virtual IOP")
    assert steady_path.feature_values(FeatureKind.FORMAT) == ["telehealth"]
    # The row has no coordinates: the centre of its ZIP code (80302), marked approximate.
    boulder = zip_point("80302")
    assert (steady_path.latitude, steady_path.longitude, steady_path.coordinates_approximate) == (
        as_decimal(boulder.latitude),
        as_decimal(boulder.longitude),
        True,
    )
    beacon = Program.objects.get(frid__startswith="9bea55b1", level__slug="iop")
    assert (beacon.latitude, beacon.longitude) == (Decimal("44.801200"), Decimal("-68.777800"))
    assert not beacon.coordinates_approximate
    assert (
        "Map points for 10 programs: 9 from the file, 1 from the ZIP code's centre "
        "(approximate), 0 with none." in output
    )
    assert Program.objects.get(name__startswith="Piñon").level.slug == "residential"


@pytest.mark.django_db
def test_importing_the_sample_csv_gives_the_same_programs_per_level():
    output = run_import(SAMPLE_CSV)
    assert per_level() == SAMPLE_PER_LEVEL
    assert f"CSV file: created {SAMPLE_TOTAL}, updated 0, skipped 0 of 8 rows." in output
    assert not Program.objects.exclude(frid="").exists()


@pytest.mark.django_db
def test_importing_twice_and_both_formats_gives_no_duplicates():
    run_import(SAMPLE_JSON)
    again = run_import(SAMPLE_JSON)
    assert f"created 0, updated {SAMPLE_TOTAL}" in again
    csv_output = run_import(SAMPLE_CSV)
    assert f"created 0, updated {SAMPLE_TOTAL}" in csv_output
    assert per_level() == SAMPLE_PER_LEVEL
    assert Program.objects.filter(frid="").count() == 0  # the CSV matched by name and ZIP


@pytest.mark.django_db
def test_json_after_csv_adopts_the_frid_instead_of_duplicating():
    run_import(SAMPLE_CSV, "--format", "csv")
    output = run_import(SAMPLE_JSON, "--format", "json")
    assert f"created 0, updated {SAMPLE_TOTAL}" in output
    assert Program.objects.count() == SAMPLE_TOTAL
    assert Program.objects.filter(frid="").count() == 0


@pytest.mark.django_db
def test_inline_json_file_imports_and_reimports(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(export(json_row(), json_row(frid="f-2", name1="Elm House", zip="45403")))
    assert "created 2, updated 0, skipped 0 of 2 rows" in run_import(path)
    assert "created 0, updated 2, skipped 0 of 2 rows" in run_import(path)
    assert Program.objects.count() == 2


@pytest.mark.django_db
def test_matching_without_frid_is_by_name_any_case_zip_and_level(tmp_path):
    staff = make_program("iop", name="PINE STREET CLINIC", zip_code="45402", city="Old City")
    path = tmp_path / "listing.csv"
    path.write_text(spreadsheet(csv_row(oit=True, md=True)))
    assert "created 0, updated 1" in run_import(path)
    staff.refresh_from_db()
    assert (staff.name, staff.city, staff.source) == ("Pine Street Clinic", "Dayton", "imported")
    assert staff.feature_values(FeatureKind.PAYMENT) == ["medicaid"]


@pytest.mark.django_db
def test_reimport_keeps_what_staff_added_that_the_export_does_not_know(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(export(json_row(services=[service("SET", "Intensive outpatient")])))
    run_import(path)
    program = Program.objects.get()
    program.description = "Evening groups."
    program.accepting_new_clients = True
    program.save()
    program.replace_features({FeatureKind.SCHEDULE: ["evening"]})
    run_import(path)
    program.refresh_from_db()
    assert program.description == "Evening groups."
    assert program.accepting_new_clients is True
    assert program.feature_values(FeatureKind.SCHEDULE) == ["evening"]


@pytest.mark.django_db
def test_broken_rows_are_reported_by_row_and_reason_and_the_rest_imported(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(export(json_row(), json_row(frid="x", name1=""), json_row(frid="y", city="")))
    output = run_import(path)
    assert "Row 2: skipped: it has no name (name1)." in output
    assert "Row 3 (Pine Street Clinic): skipped: it has no city." in output
    assert "created 1, updated 0, skipped 2 of 3 rows" in output
    assert Program.objects.count() == 1


@pytest.mark.django_db
def test_notes_are_counted_and_listed_with_verbosity_2(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(
        export(json_row(website="nope", services=[service("SET", "Intensive outpatient")]))
    )
    assert "1 value could not be used" in run_import(path)
    assert "website 'nope' is not a web address" in run_import(path, "-v", "2")


@pytest.mark.django_db
def test_dry_run_saves_nothing(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(export(json_row()))
    output = run_import(path, "--dry-run")
    assert "dry run (nothing saved): would create 1" in output
    assert not Program.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{broken", "not valid JSON"),
        (b'{"rows": {}}', 'no "rows" list'),
        ("name1\nCl\u00ednica\n".encode("latin-1"), "not UTF-8"),
    ],
)
def test_an_unusable_file_fails_clearly_and_changes_nothing(tmp_path, content, message):
    make_program(name="Existing")
    path = tmp_path / "export.json"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message) as error:
        run_import(path)
    assert "Nothing was imported" in str(error.value)
    assert list(Program.objects.values_list("name", flat=True)) == ["Existing"]


@pytest.mark.django_db
def test_a_missing_file_fails_clearly(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        run_import(tmp_path / "nope.csv")


@pytest.mark.django_db
def test_the_whole_file_is_one_transaction(tmp_path, monkeypatch):
    path = tmp_path / "export.json"
    path.write_text(export(json_row(), json_row(frid="f-2", zip="45403")))
    calls = []
    real = importers.saving._save_record

    def fail_on_second_row(levels, record, today):
        calls.append(record)
        if record.frid == "f-2":
            raise RuntimeError("power cut")
        return real(levels, record, today)

    monkeypatch.setattr(importers.saving, "_save_record", fail_on_second_row)
    with pytest.raises(RuntimeError):
        run_import(path)
    assert calls
    assert not Program.objects.exists()


@pytest.mark.django_db
def test_a_row_the_database_refuses_is_skipped_whole(tmp_path, monkeypatch):
    from django.db import DatabaseError

    path = tmp_path / "export.json"
    path.write_text(export(json_row(), json_row(frid="f-2", zip="45403")))
    real = importers.saving._save_record

    def refuse_second_level(levels, record, today):
        if record.frid == "f-2" and record.level == "iop":
            raise DatabaseError("value too long")
        return real(levels, record, today)

    monkeypatch.setattr(importers.saving, "_save_record", refuse_second_level)
    output = run_import(path)
    assert "Row 2 (Pine Street Clinic): skipped: it could not be saved (value too long)." in output
    assert set(Program.objects.values_list("frid", flat=True)) == {"f-1"}


@pytest.mark.django_db
def test_progress_lines_for_large_files(tmp_path, monkeypatch):
    from programs.management.commands import import_programs

    monkeypatch.setattr(import_programs, "PROGRESS_EVERY", 2)
    path = tmp_path / "export.json"
    path.write_text(export(*(json_row(frid=f"f-{i}", zip=f"4540{i}") for i in range(5))))
    output = run_import(path)
    assert "… 2 of 5 rows" in output
    assert "… 4 of 5 rows" in output


@pytest.mark.django_db
def test_a_level_missing_from_the_database_skips_the_row(tmp_path):
    from programs.models import TreatmentLevel

    Program.objects.all().delete()
    TreatmentLevel.objects.filter(slug="outpatient").delete()
    path = tmp_path / "export.json"
    path.write_text(export(json_row(services=[service("SET", "Regular outpatient treatment")])))
    assert "needs the level 'outpatient'" in run_import(path)


plausible_rows = st.fixed_dictionaries(
    {
        "frid": st.text(max_size=10),
        "name1": st.text(min_size=1, max_size=60),
        "city": st.text(max_size=30),
        "state": st.sampled_from(["OH", "oh", "Ohio", "XX", "", "Puerto Rico"]),
        "zip": st.text(alphabet="0123456789-. ", max_size=11),
        "phone": st.text(max_size=40),
        "website": st.text(max_size=40),
        "latitude": st.text(max_size=12) | st.floats(),
        "longitude": st.text(max_size=12) | st.floats(),
        "services": st.lists(
            st.fixed_dictionaries(
                {
                    "f2": st.sampled_from(["SET", "PAY", "AGE", "SN", "SG", "OM", "OL", "TC"]),
                    "f3": st.text(max_size=60)
                    | st.sampled_from(
                        [
                            "Intensive outpatient treatment",
                            "Outpatient; Regular outpatient treatment",
                            "Residential; Telemedicine/telehealth therapy",
                            "Medicaid; Cash or self-payment",
                            "Female",
                        ]
                    ),
                }
            ),
            max_size=5,
        ),
    }
)


@pytest.mark.django_db
@hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(plausible_rows | rows, min_size=1, max_size=4))
def test_random_rows_save_or_are_skipped_whole(random_rows):
    parsed = parse_json(json.dumps({"rows": random_rows}))
    summary = importers.save_rows(parsed.rows, today=timezone.localdate())
    saved = [row for row in parsed.rows if not row.error]
    assert len(saved) + len(summary.skipped) == len(random_rows)
    assert summary.created + summary.updated == sum(len(row.records) for row in saved)


# --- Coordinates and the details people ask for, against the database ----------------


@pytest.mark.django_db
def test_the_import_reports_where_map_points_came_from_and_lists_rows_without(tmp_path):
    output = run_import(DETAILS_JSON)
    assert (
        "Map points for 5 programs: 2 from the file, 2 from the ZIP code's centre "
        "(approximate), 1 with none." in output
    )
    assert "Row 4 (Nowhere Counseling): no map point" in output
    assert "Row 2 (Maple Court Clinic): no map point" not in output
    nowhere = Program.objects.get(name="Nowhere Counseling")
    assert (nowhere.latitude, nowhere.coordinates_approximate) == (None, False)
    maple = Program.objects.get(name="Maple Court Clinic")
    assert maple.coordinates_approximate
    harbor = Program.objects.get(name="Harbor Point Recovery")
    assert (harbor.latitude, harbor.coordinates_approximate) == (Decimal("41.653000"), False)
    assert harbor.accepts_moud is True
    assert harbor.feature_values(FeatureKind.ACCESS) == ["wheelchair", "asl", "interpreters"]
    dry = run_import(DETAILS_JSON, "--dry-run")
    assert "Map points for 5 programs" in dry


@pytest.mark.django_db
def test_the_spreadsheet_columns_reach_the_program(tmp_path):
    run_import(DETAILS_CSV)
    iop = Program.objects.get(name="Knickerbocker Test IOP")
    assert (iop.session_times, iop.intake_hours, iop.accepts_moud) == (
        "Mon, Tue, Thu 6–9 pm",
        "Mon–Fri 9 am–7 pm",
        True,
    )
    assert iop.feature_values(FeatureKind.ACCESS) == ["wheelchair", "interpreters"]
    assert Program.objects.get(name="Cedar Lane Counseling").accepts_moud is False
    assert Program.objects.get(name="Quiet Hours Program").accepts_moud is None


@pytest.mark.django_db
def test_reimport_keeps_what_staff_set_when_the_file_is_silent(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(export(json_row(latitude="", longitude="")))
    run_import(path)
    program = Program.objects.get()
    assert program.coordinates_approximate
    # Staff place it exactly, say what it accepts, when it meets and who it suits.
    program.latitude, program.longitude = Decimal("39.761111"), Decimal("-84.192222")
    program.accepts_moud = False
    program.session_times = "Mon, Wed 6–9 pm"
    program.intake_hours = "Mon–Fri 9 am–5 pm"
    program.save()
    program.set_features(FeatureKind.ACCESS, ["asl"])
    assert not program.coordinates_approximate
    output = run_import(path)
    program.refresh_from_db()
    assert (program.latitude, program.longitude) == (Decimal("39.761111"), Decimal("-84.192222"))
    assert not program.coordinates_approximate
    assert "1 kept as staff entered them" in output
    assert (program.accepts_moud, program.session_times, program.intake_hours) == (
        False,
        "Mon, Wed 6–9 pm",
        "Mon–Fri 9 am–5 pm",
    )
    assert program.feature_values(FeatureKind.ACCESS) == ["asl"]
    # A file that does say overrides; access it names is added, none is taken away.
    path.write_text(
        export(
            json_row(
                latitude="39.75",
                longitude="-84.19",
                services=[
                    service("SET", "Intensive outpatient treatment"),
                    service("OT", "Accepts clients on opioid medication"),
                    service("AS", "Wheelchair accessible"),
                ],
            )
        )
    )
    run_import(path)
    program.refresh_from_db()
    assert (program.latitude, program.accepts_moud) == (Decimal("39.750000"), True)
    assert program.feature_values(FeatureKind.ACCESS) == ["wheelchair", "asl"]


@pytest.mark.django_db
def test_a_new_zip_code_in_the_file_replaces_an_exact_point_it_no_longer_fits(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(export(json_row()))
    run_import(path)
    path.write_text(export(json_row(zip="43604", latitude=None, longitude=None)))
    run_import(path)
    program = Program.objects.get()
    toledo = zip_point("43604")
    assert (program.latitude, program.coordinates_approximate) == (
        as_decimal(toledo.latitude),
        True,
    )
