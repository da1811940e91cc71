"""The example listings: made-up programs in several states and around New York City.

Fictional names, 555-01xx phone numbers (reserved for fiction) and example.org websites.
Together they cover every level, every filter value and several states, so each filter
finds something, and New York City has enough of them close together (Brooklyn, Queens,
Manhattan) for a distance search with more than one page of results. Session and intake
times are written once as a spec (see `week`) and shown in English and Spanish.
"""

from __future__ import annotations

from typing import Any

from programs.directory.demo.week import parse_week
from programs.directory.models import FeatureKind

__all__ = ["DEMO_PROGRAMS", "SPANISH_DESCRIPTIONS", "area_code"]

_AREA_CODES = {
    "OH": "614",
    "IL": "312",
    "WA": "206",
    "TX": "512",
    "CA": "619",
    "GA": "404",
    "MN": "612",
    "NM": "505",
    "PA": "412",
    "NC": "828",
    "CO": "303",
    "MA": "617",
    "AZ": "602",
    "FL": "813",
    "MI": "734",
    "NY": "718",
    "VA": "804",
    "UT": "801",
    "OR": "503",
    "KY": "859",
    "NE": "402",
    "MT": "406",
    "WI": "414",
    "MD": "410",
    "KS": "316",
    "SC": "843",
}


def area_code(item: dict[str, Any]) -> str:
    """The example's (real) area code, for a 555-01xx number that cannot ring anyone."""
    return item["area"] or _AREA_CODES.get(item["state"], "555")


def _p(
    name: str,
    level: str,
    city: str,
    state: str,
    zip_code: str,
    street: str,
    description: str,
    *,
    formats: str = "in_person",
    schedules: str = "",
    days: int | None = None,
    hours: int | None = None,
    weeks: int | None = None,
    populations: str = "adults",
    co: bool = False,
    meds: str = "",
    languages: str = "en",
    payments: str = "",
    accepting: bool | None = True,
    wait: int | None = None,
    verified: int = 30,
    sessions: str,
    intake: str,
    moud: bool | None = None,
    access: str = "",
    area: str = "",
) -> dict[str, Any]:
    session_times, intake_hours = parse_week(sessions), parse_week(intake)
    return {
        "name": name,
        "level": level,
        "city": city,
        "state": state,
        "zip_code": zip_code,
        "street": street,
        "description": description,
        "days_per_week": days,
        "hours_per_week": hours,
        "length_weeks": weeks,
        "co_occurring": co,
        "accepting_new_clients": accepting,
        "accepts_moud": moud,
        "wait_days": wait,
        "session_times": session_times.english(),
        "session_times_es": session_times.spanish(),
        "intake_hours": intake_hours.english(),
        "intake_hours_es": intake_hours.spanish(),
        "verified_days_ago": verified,
        "sessions": session_times,
        "area": area,
        "features": {
            FeatureKind.FORMAT: formats.split(),
            FeatureKind.SCHEDULE: schedules.split(),
            FeatureKind.POPULATION: populations.split(),
            FeatureKind.MEDICATION: meds.split(),
            FeatureKind.LANGUAGE: languages.split(),
            FeatureKind.PAYMENT: payments.split(),
            FeatureKind.ACCESS: access.split(),
        },
    }


# fmt: off
DEMO_PROGRAMS: list[dict[str, Any]] = [
    # Standard outpatient
    _p("Willow Street Counseling", "outpatient", "Columbus", "OH", "43215", "218 Willow St",
       "Weekly individual and group counseling, with evening groups for people who work days.",
       formats="in_person hybrid", schedules="daytime evening", days=1, hours=3, weeks=16,
       populations="adults young_adults", co=True, meds="naltrexone", languages="en es",
       payments="medicaid private sliding_fee", wait=5, verified=12,
       sessions="tue 10-13 | thu 18-21", intake="mon-fri 9-17",
       moud=True, access="wheelchair interpreters"),
    _p("Northside Family Recovery", "outpatient", "Chicago", "IL", "60640", "4710 N Broadway",
       "Counseling for adults and older adults, with family sessions once a month.",
       schedules="daytime evening", days=2, hours=4, weeks=20,
       populations="adults seniors", meds="buprenorphine", languages="en pl es",
       payments="medicaid medicare self_pay", wait=7, verified=40,
       sessions="mon wed 10-12 | tue thu 18-20", intake="mon-fri 8-16",
       moud=True, access="wheelchair interpreters"),
    _p("Harborview Outpatient Clinic", "outpatient", "Seattle", "WA", "98104", "900 Alder Way",
       "Evening and weekend sessions by video or in the clinic, with an LGBTQ+ affirming group.",
       formats="telehealth hybrid", schedules="evening weekend", days=1, hours=2, weeks=12,
       populations="adults lgbtq", languages="en zh vi", payments="private self_pay",
       wait=3, verified=8,
       sessions="wed 18-20 | sat 10-12", intake="mon-fri 10-18", access="wheelchair interpreters"),
    _p("Teen Bridges Counseling", "outpatient", "Austin", "TX", "78702", "1402 E 6th St",
       "After-school counseling for teens, with a parent group every other week.",
       schedules="daytime evening", days=2, hours=3, weeks=12,
       populations="adolescents", co=True, languages="en es", payments="medicaid private",
       wait=10, verified=25,
       sessions="mon wed 15:30-17 | tue thu 17-18:30", intake="mon-fri 9-17", access="wheelchair"),
    _p("Veterans Pathway Outpatient", "outpatient", "San Diego", "CA", "92101",
       "1200 Harbor Dr", "Counseling for veterans and their partners, in person or by video.",
       formats="in_person telehealth", schedules="daytime", days=1, hours=2, weeks=24,
       populations="adults veterans", co=True, meds="buprenorphine naltrexone",
       payments="military medicare free", wait=2, verified=15,
       sessions="tue 9-11", intake="mon-fri 7:30-16", moud=True, access="wheelchair"),
    _p("Sunrise Women's Counseling Center", "outpatient", "Atlanta", "GA", "30303",
       "55 Peachtree Center Ave", "Counseling for women, including during and after pregnancy.",
       schedules="daytime", days=1, hours=3, weeks=16,
       populations="women pregnant_postpartum", meds="buprenorphine",
       payments="medicaid sliding_fee", wait=4, verified=60,
       sessions="thu 10-13", intake="mon-fri 8:30-16:30", moud=True, access="wheelchair"),
    _p("Clearwater Virtual Counseling", "outpatient", "Minneapolis", "MN", "55401",
       "100 Washington Ave S", "Video counseling on weeknights and weekends, across the state.",
       formats="telehealth", schedules="evening weekend", days=1, hours=2, weeks=12,
       populations="adults young_adults", languages="en so hmn",
       payments="private self_pay sliding_fee", accepting=None, verified=90,
       sessions="mon 19-21 | sun 14-16", intake="mon-fri 9-19", access="interpreters"),
    _p("Mesa Community Health Recovery Services", "outpatient", "Albuquerque", "NM", "87102",
       "320 Central Ave SW", "Counseling with medication for opioid use, at a community clinic.",
       schedules="daytime", days=2, hours=4, weeks=26,
       meds="methadone buprenorphine", languages="en es nv",
       payments="medicaid free sliding_fee", wait=1, verified=20,
       sessions="tue thu 9-11", intake="mon-fri 7-15",
       moud=True, access="wheelchair interpreters"),

    # Intensive outpatient (IOP)
    _p("Riverside Evening IOP", "iop", "Pittsburgh", "PA", "15222", "600 Penn Ave",
       "Three evenings a week of group and individual sessions, so people can keep working.",
       schedules="evening", days=3, hours=9, weeks=8, co=True,
       meds="buprenorphine naltrexone", payments="medicaid medicare private", wait=3,
       verified=10,
       sessions="mon wed thu 18-21", intake="mon-fri 9-17", moud=True, access="wheelchair"),
    _p("Lakeshore Teen IOP", "iop", "Cleveland", "OH", "44113", "1800 W 25th St",
       "After-school groups for teens, in person or by video, with weekly family sessions.",
       formats="in_person telehealth", schedules="daytime evening", days=3, hours=9, weeks=10,
       populations="adolescents", co=True, meds="buprenorphine", languages="en es",
       payments="medicaid private",
       wait=6, verified=35,
       sessions="mon tue thu 15:30-18:30 | mon wed thu 17-20", intake="mon-fri 9-17",
       moud=True, access="wheelchair interpreters"),
    _p("Blue Ridge Virtual IOP", "iop", "Asheville", "NC", "28801", "45 Patton Ave",
       "A video IOP four evenings a week, for people far from a clinic.",
       formats="telehealth", schedules="evening", days=4, hours=12, weeks=8,
       populations="adults young_adults", meds="buprenorphine",
       payments="private self_pay", wait=2, verified=18,
       sessions="mon tue wed thu 18-21", intake="mon-fri 10-19", moud=True),
    _p("Cedar Point Hybrid IOP", "iop", "Denver", "CO", "80203", "1550 Grant St",
       "Day and evening tracks; some sessions in person and some by video.",
       formats="hybrid", schedules="daytime evening", days=3, hours=9, weeks=9,
       populations="adults veterans", co=True, meds="naltrexone", languages="en es",
       payments="private military", accepting=None, verified=45,
       sessions="mon wed fri 9-12 | mon wed fri 18-21", intake="mon-fri 8-18",
       moud=False, access="wheelchair"),
    _p("Bayside Weekend IOP", "iop", "Boston", "MA", "02118", "725 Albany St",
       "Saturday and Sunday groups plus one weeknight, for people who work weekdays.",
       schedules="evening weekend", days=3, hours=9, weeks=10, languages="en pt ht",
       payments="private medicaid", wait=7, verified=22,
       sessions="wed 18-21; sat sun 10-13", intake="mon-fri 10-19; sat 9-12",
       access="wheelchair interpreters"),
    _p("New Leaf IOP for Women", "iop", "Phoenix", "AZ", "85004", "333 N 3rd St",
       "A women's IOP with childcare during sessions and prenatal care nearby.",
       schedules="daytime", days=4, hours=12, weeks=8,
       populations="women pregnant_postpartum", co=True, meds="buprenorphine",
       languages="en es", payments="medicaid private sliding_fee", wait=2, verified=14,
       sessions="mon tue wed thu 9-12", intake="mon-fri 8-16", moud=True, access="wheelchair"),
    _p("Prism Recovery IOP", "iop", "San Francisco", "CA", "94103", "1100 Mission St",
       "An LGBTQ+ affirming IOP, in person and by video, three evenings a week.",
       formats="hybrid", schedules="evening", days=3, hours=9, weeks=10,
       populations="adults young_adults lgbtq", co=True, meds="buprenorphine naltrexone",
       languages="en es tl", payments="private self_pay sliding_fee", wait=5, verified=30,
       sessions="mon wed thu 18-21", intake="mon-fri 11-19",
       moud=True, access="wheelchair interpreters"),
    _p("Golden Years IOP", "iop", "Tampa", "FL", "33602", "501 E Kennedy Blvd",
       "Daytime IOP for older adults, with help coordinating other medical care.",
       schedules="daytime", days=3, hours=9, weeks=8, populations="seniors", co=True,
       meds="naltrexone", payments="medicare private", wait=4, verified=28,
       sessions="mon wed fri 10-13", intake="mon-fri 8-16:30", access="wheelchair"),
    _p("Pine Hollow Men's IOP", "iop", "Spokane", "WA", "99201", "808 W Main Ave",
       "Evening IOP for men, with a weekly session for family members.",
       schedules="evening", days=3, hours=9, weeks=8, populations="men",
       meds="buprenorphine", languages="en uk ru", payments="medicaid private self_pay",
       wait=8, verified=55,
       sessions="mon tue thu 18-21", intake="mon-fri 9-17", moud=True),
    _p("Harmony Bilingual IOP", "iop", "Houston", "TX", "77002", "1200 Travis St",
       "Day and evening groups in several languages, in person or by video.",
       formats="in_person telehealth", schedules="daytime evening", days=4, hours=12, weeks=8,
       co=True, meds="methadone buprenorphine", languages="en es vi ar",
       payments="medicaid free sliding_fee", wait=3, verified=9,
       sessions="mon tue wed thu 9-12 | mon tue wed thu 18-21", intake="mon-fri 8-20",
       moud=True, access="wheelchair interpreters"),
    _p("Campus Connect IOP", "iop", "Ann Arbor", "MI", "48104", "610 E University Ave",
       "An evening IOP for college-age young adults that works around classes.",
       formats="hybrid", schedules="evening", days=3, hours=9, weeks=8,
       populations="young_adults", co=True, meds="naltrexone", languages="en zh ko hi",
       payments="private self_pay", wait=5, verified=33,
       sessions="mon tue thu 19-22", intake="mon-fri 12-20", moud=False, access="wheelchair"),
    _p("Keystone Deaf Recovery IOP", "iop", "Philadelphia", "PA", "19107", "1001 Arch St",
       "IOP groups led in American Sign Language, in person or by video.",
       formats="in_person telehealth", schedules="daytime", days=3, hours=9, weeks=10,
       co=True, languages="en ase", payments="medicaid private", wait=10, verified=70,
       sessions="tue wed thu 10-13", intake="mon-fri 9-17", access="wheelchair asl"),
    _p("Eastside IOP", "iop", "Brooklyn", "NY", "11201", "250 Court St",
       "Evening and weekend IOP with medication for opioid use on site.",
       schedules="evening weekend", days=3, hours=9, weeks=12,
       meds="methadone buprenorphine", languages="en es ru fr",
       payments="medicaid private self_pay", accepting=False, wait=21, verified=120,
       sessions="tue thu 18-21; sat 10-13", intake="mon-fri 8-19",
       moud=True, access="wheelchair interpreters"),

    # Partial hospitalization (PHP)
    _p("Greenfield Day Treatment", "php", "Columbus", "OH", "43210", "410 W 10th Ave",
       "Five days a week of treatment, with a psychiatrist and nurse on the team.",
       schedules="daytime", days=5, hours=25, weeks=4, co=True,
       meds="buprenorphine naltrexone", payments="medicaid medicare private", wait=2,
       verified=11,
       sessions="mon-fri 9-14", intake="mon-fri 8-17", moud=True, access="wheelchair"),
    _p("Horizon Adolescent PHP", "php", "Sacramento", "CA", "95814", "1500 Capitol Ave",
       "A day program for teens with school lessons built into the day.",
       schedules="daytime", days=5, hours=25, weeks=4, populations="adolescents", co=True,
       languages="en es hmn", payments="medicaid private", wait=5, verified=38,
       sessions="mon-fri 8:30-13:30", intake="mon-fri 8-17", access="wheelchair interpreters"),
    _p("Stillwater PHP", "php", "Minneapolis", "MN", "55404", "800 E 28th St",
       "Day treatment in person or partly by video, with a track for veterans.",
       formats="hybrid", schedules="daytime", days=5, hours=30, weeks=3,
       populations="adults veterans", co=True, meds="naltrexone", languages="en so",
       payments="private military", wait=4, verified=50,
       sessions="mon-fri 9-15", intake="mon-fri 8-17", moud=False, access="wheelchair"),
    _p("Harbor Day Program", "php", "Miami", "FL", "33130", "1611 NW 12th Ave",
       "A day program with medication for opioid use and help with housing.",
       schedules="daytime", days=5, hours=20, weeks=4, meds="methadone buprenorphine",
       languages="en es ht", payments="medicaid self_pay", wait=1, verified=16,
       sessions="mon-fri 9-13", intake="mon-fri 7-15", moud=True, access="interpreters"),
    _p("Maple Grove PHP for Mothers", "php", "Richmond", "VA", "23219", "700 E Main St",
       "A day program for pregnant and new mothers, with childcare on site.",
       schedules="daytime", days=5, hours=25, weeks=6,
       populations="women pregnant_postpartum", co=True, meds="methadone buprenorphine",
       payments="medicaid free", wait=0, verified=21,
       sessions="mon-fri 9-14", intake="mon-fri 8-17", moud=True, access="wheelchair"),
    _p("Summit Virtual Day Program", "php", "Salt Lake City", "UT", "84101", "175 S Main St",
       "A full-day program by video, with check-ins from a nurse.",
       formats="telehealth", schedules="daytime", days=5, hours=20, weeks=4,
       populations="adults young_adults", co=True, payments="private self_pay",
       accepting=None, verified=75,
       sessions="mon-fri 10-14", intake="mon-fri 9-17"),
    _p("Lone Star PHP", "php", "Dallas", "TX", "75201", "2100 Ross Ave",
       "Six days a week of day treatment, including Saturdays.",
       schedules="daytime weekend", days=6, hours=30, weeks=3,
       populations="adults seniors veterans", languages="en es",
       payments="medicare private military", wait=3, verified=26,
       sessions="mon-sat 9-14", intake="mon-fri 8-17",
       moud=False, access="wheelchair interpreters"),
    _p("Evergreen PHP", "php", "Portland", "OR", "97205", "1120 SW 5th Ave",
       "An LGBTQ+ affirming day program with mental health care on site.",
       schedules="daytime", days=5, hours=25, weeks=4, populations="adults lgbtq", co=True,
       meds="buprenorphine", languages="en zh vi", payments="medicaid sliding_fee",
       wait=6, verified=44,
       sessions="mon-fri 9-14", intake="mon-fri 8:30-17", moud=True, access="wheelchair"),

    # Residential
    _p("Quiet Pines Residential", "residential", "Flagstaff", "AZ", "86001", "2200 Forest Rd",
       "A residential program for men in a quiet setting, with counseling every day.",
       days=7, weeks=6, populations="adults men", co=True, meds="naltrexone",
       languages="en nv", payments="medicaid private", wait=7, verified=19,
       sessions="daily 9-16", intake="mon-fri 8-17", moud=False),
    _p("Hilltop House for Women", "residential", "Lexington", "KY", "40507", "150 High St",
       "A residential program for women; pregnant women are welcome.",
       days=7, weeks=8, populations="women pregnant_postpartum", meds="buprenorphine",
       payments="medicaid free", wait=10, verified=52,
       sessions="daily 9-15", intake="mon-fri 9-17", moud=True, access="wheelchair"),
    _p("Cornerstone Youth Residential", "residential", "Omaha", "NE", "68102",
       "1600 Farnam St", "A residential program for teens, with school on site.",
       days=7, weeks=8, populations="adolescents", co=True, languages="en es",
       payments="medicaid private", wait=14, verified=65,
       sessions="mon-fri 8-15; sat sun 10-14", intake="mon-fri 8-16",
       access="wheelchair interpreters"),
    _p("Anchor Point Veterans Residential", "residential", "Norfolk", "VA", "23510",
       "400 Granby St", "A residential program for veterans, run with veteran peer mentors.",
       days=7, weeks=6, populations="men veterans", co=True, meds="naltrexone",
       payments="military free", wait=5, verified=31,
       sessions="daily 8-16", intake="mon-fri 8-17", moud=False, access="wheelchair"),
    _p("Prairie Wind Recovery Ranch", "residential", "Bozeman", "MT", "59715",
       "3300 Ranch Rd", "A residential program on a working ranch, for adults and young adults.",
       days=7, weeks=10, populations="adults young_adults", meds="buprenorphine",
       payments="private self_pay", accepting=False, wait=30, verified=420,
       sessions="daily 7-15", intake="mon-fri 9-16", moud=True),
    _p("Oakridge Residential Treatment", "residential", "Albany", "NY", "12207",
       "90 State St", "Residential care with 24-hour nursing and medication for opioid use.",
       days=7, weeks=4, populations="adults seniors", co=True, meds="methadone buprenorphine",
       languages="en es pl", payments="medicare medicaid private", wait=3, verified=24,
       sessions="daily 9-16", intake="24/7", moud=True, access="wheelchair interpreters"),
    _p("Casa Esperanza Residential", "residential", "Los Angeles", "CA", "90012",
       "820 N Spring St", "A bilingual residential program with a women's house.",
       days=7, weeks=8, populations="adults women", co=True, languages="en es ko",
       payments="medicaid sliding_fee", wait=12, verified=47,
       sessions="daily 9-15", intake="mon-sat 8-18", access="wheelchair interpreters"),

    # Medically managed inpatient (hospital)
    _p("Mercy Valley Hospital Addiction Medicine Unit", "inpatient", "Pittsburgh", "PA",
       "15213", "3600 Forbes Ave",
       "A hospital unit for serious withdrawal or medical problems, with doctors every day.",
       days=7, populations="adults seniors", co=True,
       meds="methadone buprenorphine naltrexone", languages="en ar",
       payments="medicaid medicare private military", wait=0, verified=7,
       sessions="daily 10-15", intake="24/7", moud=True, access="wheelchair asl interpreters"),
    _p("Lakeview Medical Center Stabilization Unit", "inpatient", "Milwaukee", "WI", "53202",
       "1000 N Water St", "Short hospital stays to get through withdrawal safely, then a plan.",
       days=7, co=True, meds="methadone buprenorphine", languages="en hmn es",
       payments="medicaid medicare private", wait=0, verified=13,
       sessions="daily 10-14", intake="24/7", moud=True, access="wheelchair interpreters"),
    _p("St. Brendan's Hospital Behavioral Health", "inpatient", "Baltimore", "MD", "21201",
       "22 S Greene St", "Hospital care with a team for pregnant patients using opioids.",
       days=7, populations="adults pregnant_postpartum", co=True,
       meds="methadone buprenorphine", languages="en fr",
       payments="medicaid private self_pay", wait=1, verified=29,
       sessions="daily 10-14", intake="24/7", moud=True, access="wheelchair"),
    _p("Plains Children's Hospital Adolescent Unit", "inpatient", "Wichita", "KS", "67202",
       "550 N Hillside St", "A hospital unit for teens who need round-the-clock medical care.",
       days=7, populations="adolescents", co=True, languages="en es",
       payments="medicaid private", wait=0, verified=36,
       sessions="daily 9-15", intake="24/7", access="wheelchair"),
    _p("Coastal Regional Medical Center", "inpatient", "Charleston", "SC", "29401",
       "171 Ashley Ave", "A hospital unit with a liaison who helps veterans plan next steps.",
       days=7, populations="adults veterans", co=True, meds="buprenorphine",
       payments="medicare military private", wait=0, verified=41,
       sessions="daily 10-15", intake="24/7", moud=True, access="wheelchair asl"),

    # New York City: enough examples near one another to show a distance search with more
    # than one page of results (Brooklyn, Queens and Manhattan, all within about 10 miles
    # of central Queens).
    _p("Knickerbocker Evening IOP", "iop", "Brooklyn", "NY", "11237", "1344 Myrtle Ave",
       "Three evenings a week of groups, with buprenorphine on site. People who take "
       "methadone or buprenorphine from another clinic are welcome.",
       schedules="evening", days=3, hours=9, weeks=10, populations="adults young_adults",
       co=True, meds="buprenorphine", languages="en es", payments="medicaid private sliding_fee",
       wait=2, verified=6, sessions="mon tue thu 18-21", intake="mon-fri 9-19", moud=True,
       access="wheelchair interpreters"),
    _p("Greenpoint Harbor Counseling", "outpatient", "Brooklyn", "NY", "11222",
       "180 Franklin St", "Weekly counseling in a morning or an evening group, with an LGBTQ+ "
       "affirming group.",
       schedules="daytime evening", days=1, hours=2, weeks=16, populations="adults lgbtq",
       languages="en pl", payments="medicaid private", wait=5, verified=19,
       sessions="wed 10-12 | wed 18-20", intake="mon-fri 9-17", moud=True, access="wheelchair"),
    _p("Williamsburg Bridge IOP", "iop", "Brooklyn", "NY", "11211", "310 Grand St",
       "A morning IOP three days a week, with medication for opioid use on site.",
       schedules="daytime", days=3, hours=9, weeks=8, co=True, meds="buprenorphine naltrexone",
       languages="en es", payments="medicaid medicare private", wait=4, verified=27,
       sessions="mon wed fri 9:30-12:30", intake="mon-fri 8-16", moud=True,
       access="wheelchair"),
    _p("Bed-Stuy Family Recovery Center", "outpatient", "Brooklyn", "NY", "11221",
       "850 Gates Ave", "Counseling on a weeknight and on Saturdays, with a family group once "
       "a month.",
       schedules="evening weekend", days=2, hours=4, weeks=20, populations="adults seniors",
       meds="methadone buprenorphine", payments="medicaid free sliding_fee", wait=3,
       verified=40, sessions="tue 18-20; sat 11-13", intake="mon-fri 9-18; sat 10-13",
       moud=True, access="wheelchair"),
    _p("East New York Day Program", "php", "Brooklyn", "NY", "11207", "2800 Atlantic Ave",
       "A day program five mornings a week, with medication for opioid use and help with "
       "housing.",
       schedules="daytime", days=5, hours=20, weeks=4, co=True, meds="methadone buprenorphine",
       languages="en es ht", payments="medicaid free", wait=1, verified=15,
       sessions="mon-fri 9-13", intake="mon-fri 8-16", moud=True,
       access="wheelchair interpreters"),
    _p("Bushwick Women's IOP", "iop", "Brooklyn", "NY", "11206", "45 Graham Ave",
       "An evening IOP for women, with childcare during groups.",
       schedules="evening", days=3, hours=9, weeks=10, populations="women pregnant_postpartum",
       co=True, meds="buprenorphine", languages="en es", payments="medicaid private",
       wait=6, verified=33, sessions="mon wed thu 17:30-20:30", intake="mon-fri 9-18",
       moud=True, access="wheelchair"),
    _p("Astoria Evening IOP", "iop", "Astoria", "NY", "11103", "31-10 Steinway St",
       "Evening groups three nights a week for people who work during the day.",
       schedules="evening", days=3, hours=9, weeks=8, meds="buprenorphine",
       languages="en es ar", payments="medicaid private self_pay", wait=3, verified=12,
       sessions="mon wed thu 18-21", intake="mon-fri 10-19", moud=True,
       access="wheelchair interpreters"),
    _p("Long Island City Recovery Services", "outpatient", "Long Island City", "NY", "11101",
       "27-15 Jackson Ave", "Weekly counseling in person or by video, one morning a week.",
       formats="in_person hybrid", schedules="daytime", days=1, hours=3, weeks=12,
       populations="adults young_adults", payments="private self_pay sliding_fee", wait=7,
       verified=58, sessions="thu 9-12", intake="mon-fri 9-17", access="wheelchair"),
    _p("Sunnyside Counseling Collective", "outpatient", "Sunnyside", "NY", "11104",
       "46-02 Queens Blvd", "Evening counseling twice a week in several languages.",
       schedules="evening", days=2, hours=4, weeks=16, languages="en es ko tl",
       payments="medicaid sliding_fee", wait=10, verified=80, sessions="mon thu 18-20",
       intake="mon-fri 12-20", moud=False, access="interpreters"),
    _p("Jackson Heights Bilingual IOP", "iop", "Jackson Heights", "NY", "11372",
       "37-50 82nd St", "Morning and evening IOP groups in English and Spanish.",
       schedules="daytime evening", days=3, hours=9, weeks=8, co=True,
       meds="methadone buprenorphine", languages="en es hi", payments="medicaid private",
       wait=4, verified=21, sessions="mon wed fri 10-13 | mon wed fri 18-21",
       intake="mon-fri 9-20", moud=True, access="wheelchair interpreters"),
    _p("Corona Community Recovery", "outpatient", "Corona", "NY", "11368",
       "104-12 Roosevelt Ave", "Saturday morning counseling in Spanish and English.",
       schedules="weekend", days=1, hours=3, weeks=12, languages="es en",
       payments="medicaid free sliding_fee", accepting=None, verified=95,
       sessions="sat 10-13", intake="mon-fri 10-18; sat 9-13"),
    _p("Elm Grove Medical Center Addiction Unit", "inpatient", "Elmhurst", "NY", "11373",
       "79-01 Broadway", "A hospital unit for serious withdrawal, with doctors and nurses "
       "around the clock.",
       days=7, populations="adults seniors", co=True, meds="methadone buprenorphine naltrexone",
       languages="en es zh", payments="medicaid medicare private", wait=0, verified=9,
       sessions="daily 10-15", intake="24/7", moud=True,
       access="wheelchair asl interpreters"),
    _p("Flushing Main Street IOP", "iop", "Flushing", "NY", "11354", "136-20 38th Ave",
       "Day and evening IOP groups in English, Chinese and Korean.",
       schedules="daytime evening", days=3, hours=9, weeks=10, meds="buprenorphine",
       languages="en zh ko", payments="medicaid private self_pay", wait=5, verified=17,
       sessions="mon tue thu 10-13 | mon tue thu 18-21", intake="mon-fri 9-19",
       moud=True, access="wheelchair interpreters"),
    _p("Flushing Meadows Day Treatment", "php", "Flushing", "NY", "11355", "42-31 Main St",
       "Day treatment five days a week, with a psychiatrist on the team.",
       schedules="daytime", days=5, hours=25, weeks=4, co=True, meds="naltrexone",
       languages="en zh", payments="medicaid medicare private", wait=3, verified=23,
       sessions="mon-fri 9-14", intake="mon-fri 8-17", moud=False, access="wheelchair"),
    _p("Forest Hills Teen Counseling", "outpatient", "Forest Hills", "NY", "11375",
       "108-18 Queens Blvd", "After-school counseling for teens, with a parent group every "
       "other week.",
       schedules="daytime evening", days=2, hours=3, weeks=12, populations="adolescents",
       co=True, languages="en es ru", payments="medicaid private", wait=8, verified=44,
       sessions="tue thu 15:30-17 | tue thu 17-18:30", intake="mon-fri 9-17",
       access="wheelchair"),
    _p("Rego Park Evening IOP", "iop", "Rego Park", "NY", "11374", "95-25 Queens Blvd",
       "A four-evening IOP with a group for veterans.",
       schedules="evening", days=4, hours=12, weeks=8, populations="adults veterans",
       meds="buprenorphine naltrexone", languages="en ru", payments="private military self_pay",
       wait=4, verified=31, sessions="mon tue wed thu 18-21", intake="mon-fri 10-19",
       moud=True, access="wheelchair"),
    _p("Jamaica Avenue Recovery Center", "iop", "Jamaica", "NY", "11432", "89-50 164th St",
       "Evening and Saturday IOP groups, with methadone and buprenorphine on site.",
       schedules="evening weekend", days=3, hours=9, weeks=10, co=True,
       meds="methadone buprenorphine", languages="en es ht", payments="medicaid medicare free",
       wait=2, verified=11, sessions="tue thu 18-21; sat 9-12", intake="mon-fri 8-19; sat 9-12",
       moud=True, access="wheelchair interpreters"),
    _p("Jamaica Bay Residential", "residential", "Jamaica", "NY", "11434",
       "150-20 Rockaway Blvd", "A residential program for men, with counseling every day.",
       days=7, weeks=4, populations="adults men", co=True, meds="buprenorphine",
       languages="en es", payments="medicaid private", wait=9, verified=38,
       sessions="daily 8-16", intake="mon-sat 8-20", moud=True, access="wheelchair"),
    _p("Ridgewood Men's IOP", "iop", "Ridgewood", "NY", "11385", "60-12 Myrtle Ave",
       "An evening IOP for men three nights a week.",
       schedules="evening", days=3, hours=9, weeks=8, populations="men",
       languages="en pl es", payments="medicaid private", wait=6, verified=66,
       sessions="mon wed thu 18:30-21:30", intake="mon-fri 9-18", moud=False),
    _p("Woodside Veterans Outpatient", "outpatient", "Woodside", "NY", "11377",
       "61-15 Roosevelt Ave", "Weekly counseling for veterans, in person or by video.",
       formats="in_person telehealth", schedules="daytime", days=1, hours=2, weeks=24,
       populations="adults veterans", meds="buprenorphine naltrexone",
       payments="military medicare free", wait=2, verified=26, sessions="wed 10-12",
       intake="mon-fri 8-16", moud=True, access="wheelchair"),
    _p("Kew Gardens Women's PHP", "php", "Kew Gardens", "NY", "11415",
       "80-02 Kew Gardens Rd", "A day program for women, with childcare on site.",
       schedules="daytime", days=5, hours=25, weeks=4, populations="women", co=True,
       meds="buprenorphine", languages="en es", payments="medicaid private", wait=3,
       verified=29, sessions="mon-fri 9:30-14:30", intake="mon-fri 8-17", moud=True,
       access="wheelchair"),
    _p("East Harlem Recovery Collective", "outpatient", "New York", "NY", "10029",
       "1870 Lexington Ave", "Counseling two evenings a week, with medication for opioid use.",
       schedules="evening", days=2, hours=4, weeks=16, meds="methadone buprenorphine",
       languages="en es", payments="medicaid free sliding_fee", wait=2, verified=14,
       sessions="mon wed 18-20", intake="mon-fri 9-19", moud=True,
       access="wheelchair interpreters", area="212"),
    _p("Murray Hill Evening IOP", "iop", "New York", "NY", "10016", "215 E 34th St",
       "An evening IOP that is LGBTQ+ affirming, three nights a week.",
       schedules="evening", days=3, hours=9, weeks=8, populations="adults lgbtq", co=True,
       meds="buprenorphine", payments="medicaid private self_pay", wait=5, verified=20,
       sessions="tue wed thu 18-21", intake="mon-fri 11-20", moud=True, access="wheelchair",
       area="212"),
    _p("Yorkville Day Program", "php", "New York", "NY", "10128", "1590 York Ave",
       "A day program for older adults, with help coordinating other medical care.",
       schedules="daytime", days=5, hours=20, weeks=4, populations="adults seniors", co=True,
       meds="naltrexone", payments="medicare private", wait=7, verified=48,
       sessions="mon-fri 10-14", intake="mon-fri 9-17", access="wheelchair", area="212"),
    _p("Oakland Gardens Counseling", "outpatient", "Oakland Gardens", "NY", "11364",
       "61-40 Springfield Blvd", "Weekly counseling for adults and older adults, by day or "
       "by video.",
       formats="in_person telehealth", schedules="daytime", days=1, hours=2, weeks=16,
       populations="adults seniors", co=True, languages="en ko zh",
       payments="medicare private self_pay", wait=6, verified=52, sessions="tue 10-12",
       intake="mon-fri 9-17", moud=False, access="wheelchair interpreters"),
    _p("Hollis Evening IOP", "iop", "Hollis", "NY", "11423", "190-15 Jamaica Ave",
       "An evening IOP three nights a week, with buprenorphine on site.",
       schedules="evening", days=3, hours=9, weeks=10, co=True, meds="buprenorphine",
       languages="en es ht", payments="medicaid medicare sliding_fee", wait=3, verified=18,
       sessions="mon wed thu 18-21", intake="mon-fri 9-19", moud=True, access="wheelchair"),
    _p("Fresh Meadows Day Program", "php", "Fresh Meadows", "NY", "11365", "61-20 188th St",
       "A day program four hours a day, with a nurse and a psychiatrist on the team.",
       schedules="daytime", days=5, hours=20, weeks=4, co=True, meds="naltrexone",
       languages="en zh", payments="medicaid private", accepting=None, verified=70,
       sessions="mon-fri 9-13", intake="mon-fri 8-16"),
]
# fmt: on

# What each example says in Spanish (`description_es`), by name. Plain words with "usted",
# in the project's glossary (README, "Languages").
SPANISH_DESCRIPTIONS: dict[str, str] = {
    "Willow Street Counseling": (
        "Consejería individual y en grupo cada semana, con grupos de noche para quienes "
        "trabajan de día."
    ),
    "Northside Family Recovery": (
        "Consejería para adultos y adultos mayores, con sesiones en familia una vez al mes."
    ),
    "Harborview Outpatient Clinic": (
        "Sesiones de noche y en fines de semana, por video o en la clínica, con un grupo que "
        "acoge a personas LGBTQ+."
    ),
    "Teen Bridges Counseling": (
        "Consejería para adolescentes después de la escuela, con un grupo para padres cada dos "
        "semanas."
    ),
    "Veterans Pathway Outpatient": (
        "Consejería para veteranos y sus parejas, en persona o por video."
    ),
    "Sunrise Women's Counseling Center": (
        "Consejería para mujeres, también durante el embarazo y después del parto."
    ),
    "Clearwater Virtual Counseling": (
        "Consejería por video entre semana por la noche y los fines de semana, en todo el estado."
    ),
    "Mesa Community Health Recovery Services": (
        "Consejería con medicamentos para tratar el consumo de opioides, en una clínica "
        "comunitaria."
    ),
    "Riverside Evening IOP": (
        "Tres noches por semana de sesiones en grupo e individuales, para que pueda seguir "
        "trabajando."
    ),
    "Lakeshore Teen IOP": (
        "Grupos para adolescentes después de la escuela, en persona o por video, con sesiones "
        "en familia cada semana."
    ),
    "Blue Ridge Virtual IOP": (
        "Un tratamiento ambulatorio intensivo (IOP) por video cuatro noches por semana, para "
        "quienes viven lejos de una clínica."
    ),
    "Cedar Point Hybrid IOP": (
        "Horarios de día y de noche; algunas sesiones en persona y otras por video."
    ),
    "Bayside Weekend IOP": (
        "Grupos el sábado y el domingo y una noche entre semana, para quienes trabajan de lunes "
        "a viernes."
    ),
    "New Leaf IOP for Women": (
        "Un IOP para mujeres, con cuidado de niños durante las sesiones y atención prenatal cerca."
    ),
    "Prism Recovery IOP": (
        "Un IOP que acoge a personas LGBTQ+, en persona y por video, tres noches por semana."
    ),
    "Golden Years IOP": (
        "IOP de día para adultos mayores, con ayuda para coordinar su otra atención médica."
    ),
    "Pine Hollow Men's IOP": (
        "IOP de noche para hombres, con una sesión semanal para los familiares."
    ),
    "Harmony Bilingual IOP": (
        "Grupos de día y de noche en varios idiomas, en persona o por video."
    ),
    "Campus Connect IOP": (
        "Un IOP de noche para jóvenes en edad universitaria, que se adapta a las clases."
    ),
    "Keystone Deaf Recovery IOP": (
        "Grupos de IOP en lengua de señas americana (ASL), en persona o por video."
    ),
    "Eastside IOP": (
        "IOP de noche y en fines de semana, con medicamentos para tratar el consumo de opioides "
        "en el mismo lugar."
    ),
    "Greenfield Day Treatment": (
        "Tratamiento cinco días por semana, con un psiquiatra y una enfermera en el equipo."
    ),
    "Horizon Adolescent PHP": (
        "Un programa de día para adolescentes, con clases escolares dentro del horario."
    ),
    "Stillwater PHP": (
        "Tratamiento de día en persona o en parte por video, con un grupo para veteranos."
    ),
    "Harbor Day Program": (
        "Un programa de día con medicamentos para tratar el consumo de opioides y ayuda con la "
        "vivienda."
    ),
    "Maple Grove PHP for Mothers": (
        "Un programa de día para mujeres embarazadas y madres recientes, con cuidado de niños "
        "en el lugar."
    ),
    "Summit Virtual Day Program": (
        "Un programa de día completo por video, con seguimiento de una enfermera."
    ),
    "Lone Star PHP": ("Seis días por semana de tratamiento de día, también los sábados."),
    "Evergreen PHP": (
        "Un programa de día que acoge a personas LGBTQ+, con atención de salud mental en el lugar."
    ),
    "Quiet Pines Residential": (
        "Un tratamiento residencial para hombres en un lugar tranquilo, con consejería todos "
        "los días."
    ),
    "Hilltop House for Women": (
        "Un tratamiento residencial para mujeres; las mujeres embarazadas son bienvenidas."
    ),
    "Cornerstone Youth Residential": (
        "Un tratamiento residencial para adolescentes, con escuela en el lugar."
    ),
    "Anchor Point Veterans Residential": (
        "Un tratamiento residencial para veteranos, con mentores que también son veteranos."
    ),
    "Prairie Wind Recovery Ranch": (
        "Un tratamiento residencial en un rancho de trabajo, para adultos y adultos jóvenes."
    ),
    "Oakridge Residential Treatment": (
        "Atención residencial con enfermería las 24 horas y medicamentos para tratar el consumo "
        "de opioides."
    ),
    "Casa Esperanza Residential": (
        "Un tratamiento residencial bilingüe, con una casa para mujeres."
    ),
    "Mercy Valley Hospital Addiction Medicine Unit": (
        "Una unidad de hospitalización para síntomas de abstinencia graves o problemas médicos, "
        "con médicos todos los días."
    ),
    "Lakeview Medical Center Stabilization Unit": (
        "Estancias cortas en el hospital para pasar los síntomas de abstinencia de forma segura, "
        "y después un plan."
    ),
    "St. Brendan's Hospital Behavioral Health": (
        "Hospitalización con un equipo para pacientes embarazadas que consumen opioides."
    ),
    "Plains Children's Hospital Adolescent Unit": (
        "Una unidad de hospitalización para adolescentes que necesitan atención médica las 24 "
        "horas."
    ),
    "Coastal Regional Medical Center": (
        "Una unidad de hospitalización con una persona de enlace que ayuda a los veteranos a "
        "planear los siguientes pasos."
    ),
    "Knickerbocker Evening IOP": (
        "Tres noches por semana de grupos, con buprenorfina en el mismo lugar. Las personas que "
        "toman metadona o buprenorfina de otra clínica son bienvenidas."
    ),
    "Greenpoint Harbor Counseling": (
        "Consejería cada semana en un grupo por la mañana o por la noche, con un grupo que "
        "acoge a personas LGBTQ+."
    ),
    "Williamsburg Bridge IOP": (
        "Un IOP por la mañana tres días por semana, con medicamentos para tratar el consumo de "
        "opioides en el mismo lugar."
    ),
    "Bed-Stuy Family Recovery Center": (
        "Consejería una noche entre semana y los sábados, con un grupo para familias una vez "
        "al mes."
    ),
    "East New York Day Program": (
        "Un programa de día cinco mañanas por semana, con medicamentos para tratar el consumo de "
        "opioides y ayuda con la vivienda."
    ),
    "Bushwick Women's IOP": (
        "Un IOP de noche para mujeres, con cuidado de niños durante los grupos."
    ),
    "Astoria Evening IOP": ("Grupos de noche tres días por semana, para quienes trabajan de día."),
    "Long Island City Recovery Services": (
        "Consejería cada semana, en persona o por video, una mañana por semana."
    ),
    "Sunnyside Counseling Collective": (
        "Consejería de noche dos veces por semana, en varios idiomas."
    ),
    "Jackson Heights Bilingual IOP": (
        "Grupos de IOP por la mañana y de noche, en inglés y en español."
    ),
    "Corona Community Recovery": ("Consejería los sábados por la mañana, en español y en inglés."),
    "Elm Grove Medical Center Addiction Unit": (
        "Una unidad de hospitalización para síntomas de abstinencia graves, con médicos y "
        "enfermeras las 24 horas."
    ),
    "Flushing Main Street IOP": ("Grupos de IOP de día y de noche, en inglés, chino y coreano."),
    "Flushing Meadows Day Treatment": (
        "Tratamiento de día cinco días por semana, con un psiquiatra en el equipo."
    ),
    "Forest Hills Teen Counseling": (
        "Consejería para adolescentes después de la escuela, con un grupo para padres cada dos "
        "semanas."
    ),
    "Rego Park Evening IOP": ("Un IOP cuatro noches por semana, con un grupo para veteranos."),
    "Jamaica Avenue Recovery Center": (
        "Grupos de IOP de noche y los sábados, con metadona y buprenorfina en el mismo lugar."
    ),
    "Jamaica Bay Residential": (
        "Un tratamiento residencial para hombres, con consejería todos los días."
    ),
    "Ridgewood Men's IOP": ("Un IOP de noche para hombres, tres noches por semana."),
    "Woodside Veterans Outpatient": (
        "Consejería cada semana para veteranos, en persona o por video."
    ),
    "Kew Gardens Women's PHP": (
        "Un programa de día para mujeres, con cuidado de niños en el lugar."
    ),
    "East Harlem Recovery Collective": (
        "Consejería dos noches por semana, con medicamentos para tratar el consumo de opioides."
    ),
    "Murray Hill Evening IOP": (
        "Un IOP de noche que acoge a personas LGBTQ+, tres noches por semana."
    ),
    "Oakland Gardens Counseling": (
        "Consejería cada semana para adultos y adultos mayores, de día o por video."
    ),
    "Hollis Evening IOP": (
        "Un IOP de noche tres noches por semana, con buprenorfina en el mismo lugar."
    ),
    "Fresh Meadows Day Program": (
        "Un programa de día de cuatro horas al día, con una enfermera y un psiquiatra en el "
        "equipo."
    ),
    "Yorkville Day Program": (
        "Un programa de día para adultos mayores, con ayuda para coordinar su otra atención "
        "médica."
    ),
}
