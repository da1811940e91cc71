"""Example programs that show how the directory works, clearly marked as made up.

Fictional names, 555-01xx phone numbers (reserved for fiction) and example.org websites.
Together they cover every level, every filter value and several states, so each filter
finds something. `load_demo_programs` is idempotent: it matches on the slug and the demo
flag, and removes example programs that are no longer in this list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from programs.core import caching
from programs.directory.models import FeatureKind, ListingReport, Program
from programs.levels.models import TreatmentLevel

SLUG_PREFIX = "example-"

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
) -> dict[str, Any]:
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
        "wait_days": wait,
        "verified_days_ago": verified,
        "features": {
            FeatureKind.FORMAT: formats.split(),
            FeatureKind.SCHEDULE: schedules.split(),
            FeatureKind.POPULATION: populations.split(),
            FeatureKind.MEDICATION: meds.split(),
            FeatureKind.LANGUAGE: languages.split(),
            FeatureKind.PAYMENT: payments.split(),
        },
    }


# fmt: off
DEMO_PROGRAMS: list[dict[str, Any]] = [
    # Standard outpatient
    _p("Willow Street Counseling", "outpatient", "Columbus", "OH", "43215", "218 Willow St",
       "Weekly individual and group counseling, with evening groups for people who work days.",
       formats="in_person hybrid", schedules="daytime evening", days=1, hours=3, weeks=16,
       populations="adults young_adults", co=True, meds="naltrexone", languages="en es",
       payments="medicaid private sliding_fee", wait=5, verified=12),
    _p("Northside Family Recovery", "outpatient", "Chicago", "IL", "60640", "4710 N Broadway",
       "Counseling for adults and older adults, with family sessions once a month.",
       schedules="daytime evening", days=2, hours=4, weeks=20,
       populations="adults seniors", meds="buprenorphine", languages="en pl es",
       payments="medicaid medicare self_pay", wait=7, verified=40),
    _p("Harborview Outpatient Clinic", "outpatient", "Seattle", "WA", "98104", "900 Alder Way",
       "Evening and weekend sessions by video or in the clinic, with an LGBTQ+ affirming group.",
       formats="telehealth hybrid", schedules="evening weekend", days=1, hours=2, weeks=12,
       populations="adults lgbtq", languages="en zh vi", payments="private self_pay",
       wait=3, verified=8),
    _p("Teen Bridges Counseling", "outpatient", "Austin", "TX", "78702", "1402 E 6th St",
       "After-school counseling for teens, with a parent group every other week.",
       schedules="daytime evening", days=2, hours=3, weeks=12,
       populations="adolescents", co=True, languages="en es", payments="medicaid private",
       wait=10, verified=25),
    _p("Veterans Pathway Outpatient", "outpatient", "San Diego", "CA", "92101",
       "1200 Harbor Dr", "Counseling for veterans and their partners, in person or by video.",
       formats="in_person telehealth", schedules="daytime", days=1, hours=2, weeks=24,
       populations="adults veterans", co=True, meds="buprenorphine naltrexone",
       payments="military medicare free", wait=2, verified=15),
    _p("Sunrise Women's Counseling Center", "outpatient", "Atlanta", "GA", "30303",
       "55 Peachtree Center Ave", "Counseling for women, including during and after pregnancy.",
       schedules="daytime", days=1, hours=3, weeks=16,
       populations="women pregnant_postpartum", meds="buprenorphine",
       payments="medicaid sliding_fee", wait=4, verified=60),
    _p("Clearwater Virtual Counseling", "outpatient", "Minneapolis", "MN", "55401",
       "100 Washington Ave S", "Video counseling on weeknights and weekends, across the state.",
       formats="telehealth", schedules="evening weekend", days=1, hours=2, weeks=12,
       populations="adults young_adults", languages="en so hmn",
       payments="private self_pay sliding_fee", accepting=None, verified=90),
    _p("Mesa Community Health Recovery Services", "outpatient", "Albuquerque", "NM", "87102",
       "320 Central Ave SW", "Counseling with medication for opioid use, at a community clinic.",
       schedules="daytime", days=2, hours=4, weeks=26,
       meds="methadone buprenorphine", languages="en es nv",
       payments="medicaid free sliding_fee", wait=1, verified=20),

    # Intensive outpatient (IOP)
    _p("Riverside Evening IOP", "iop", "Pittsburgh", "PA", "15222", "600 Penn Ave",
       "Three evenings a week of group and individual sessions, so people can keep working.",
       schedules="evening", days=3, hours=9, weeks=8, co=True,
       meds="buprenorphine naltrexone", payments="medicaid medicare private", wait=3,
       verified=10),
    _p("Lakeshore Teen IOP", "iop", "Cleveland", "OH", "44113", "1800 W 25th St",
       "After-school groups for teens, in person or by video, with weekly family sessions.",
       formats="in_person telehealth", schedules="daytime evening", days=3, hours=9, weeks=10,
       populations="adolescents", co=True, meds="buprenorphine", languages="en es",
       payments="medicaid private",
       wait=6, verified=35),
    _p("Blue Ridge Virtual IOP", "iop", "Asheville", "NC", "28801", "45 Patton Ave",
       "A video IOP four evenings a week, for people far from a clinic.",
       formats="telehealth", schedules="evening", days=4, hours=12, weeks=8,
       populations="adults young_adults", meds="buprenorphine",
       payments="private self_pay", wait=2, verified=18),
    _p("Cedar Point Hybrid IOP", "iop", "Denver", "CO", "80203", "1550 Grant St",
       "Day and evening tracks; some sessions in person and some by video.",
       formats="hybrid", schedules="daytime evening", days=3, hours=10, weeks=9,
       populations="adults veterans", co=True, meds="naltrexone", languages="en es",
       payments="private military", accepting=None, verified=45),
    _p("Bayside Weekend IOP", "iop", "Boston", "MA", "02118", "725 Albany St",
       "Saturday and Sunday groups plus one weeknight, for people who work weekdays.",
       schedules="evening weekend", days=3, hours=9, weeks=10, languages="en pt ht",
       payments="private medicaid", wait=7, verified=22),
    _p("New Leaf IOP for Women", "iop", "Phoenix", "AZ", "85004", "333 N 3rd St",
       "A women's IOP with childcare during sessions and prenatal care nearby.",
       schedules="daytime", days=4, hours=12, weeks=8,
       populations="women pregnant_postpartum", co=True, meds="buprenorphine",
       languages="en es", payments="medicaid private sliding_fee", wait=2, verified=14),
    _p("Prism Recovery IOP", "iop", "San Francisco", "CA", "94103", "1100 Mission St",
       "An LGBTQ+ affirming IOP, in person and by video, three evenings a week.",
       formats="hybrid", schedules="evening", days=3, hours=9, weeks=10,
       populations="adults young_adults lgbtq", co=True, meds="buprenorphine naltrexone",
       languages="en es tl", payments="private self_pay sliding_fee", wait=5, verified=30),
    _p("Golden Years IOP", "iop", "Tampa", "FL", "33602", "501 E Kennedy Blvd",
       "Daytime IOP for older adults, with help coordinating other medical care.",
       schedules="daytime", days=3, hours=9, weeks=8, populations="seniors", co=True,
       meds="naltrexone", payments="medicare private", wait=4, verified=28),
    _p("Pine Hollow Men's IOP", "iop", "Spokane", "WA", "99201", "808 W Main Ave",
       "Evening IOP for men, with a weekly session for family members.",
       schedules="evening", days=3, hours=10, weeks=8, populations="men",
       meds="buprenorphine", languages="en uk ru", payments="medicaid private self_pay",
       wait=8, verified=55),
    _p("Harmony Bilingual IOP", "iop", "Houston", "TX", "77002", "1200 Travis St",
       "Day and evening groups in several languages, in person or by video.",
       formats="in_person telehealth", schedules="daytime evening", days=4, hours=12, weeks=8,
       co=True, meds="methadone buprenorphine", languages="en es vi ar",
       payments="medicaid free sliding_fee", wait=3, verified=9),
    _p("Campus Connect IOP", "iop", "Ann Arbor", "MI", "48104", "610 E University Ave",
       "An evening IOP for college-age young adults that works around classes.",
       formats="hybrid", schedules="evening", days=3, hours=9, weeks=8,
       populations="young_adults", co=True, meds="naltrexone", languages="en zh ko hi",
       payments="private self_pay", wait=5, verified=33),
    _p("Keystone Deaf Recovery IOP", "iop", "Philadelphia", "PA", "19107", "1001 Arch St",
       "IOP groups led in American Sign Language, in person or by video.",
       formats="in_person telehealth", schedules="daytime", days=3, hours=9, weeks=10,
       co=True, languages="en ase", payments="medicaid private", wait=10, verified=70),
    _p("Eastside IOP", "iop", "Brooklyn", "NY", "11201", "250 Court St",
       "Evening and weekend IOP with medication for opioid use on site.",
       schedules="evening weekend", days=3, hours=9, weeks=12,
       meds="methadone buprenorphine", languages="en es ru fr",
       payments="medicaid private self_pay", accepting=False, wait=21, verified=120),

    # Partial hospitalization (PHP)
    _p("Greenfield Day Treatment", "php", "Columbus", "OH", "43210", "410 W 10th Ave",
       "Five days a week of treatment, with a psychiatrist and nurse on the team.",
       schedules="daytime", days=5, hours=25, weeks=4, co=True,
       meds="buprenorphine naltrexone", payments="medicaid medicare private", wait=2,
       verified=11),
    _p("Horizon Adolescent PHP", "php", "Sacramento", "CA", "95814", "1500 Capitol Ave",
       "A day program for teens with school lessons built into the day.",
       schedules="daytime", days=5, hours=25, weeks=4, populations="adolescents", co=True,
       languages="en es hmn", payments="medicaid private", wait=5, verified=38),
    _p("Stillwater PHP", "php", "Minneapolis", "MN", "55404", "800 E 28th St",
       "Day treatment in person or partly by video, with a track for veterans.",
       formats="hybrid", schedules="daytime", days=5, hours=30, weeks=3,
       populations="adults veterans", co=True, meds="naltrexone", languages="en so",
       payments="private military", wait=4, verified=50),
    _p("Harbor Day Program", "php", "Miami", "FL", "33130", "1611 NW 12th Ave",
       "A day program with medication for opioid use and help with housing.",
       schedules="daytime", days=5, hours=20, weeks=4, meds="methadone buprenorphine",
       languages="en es ht", payments="medicaid self_pay", wait=1, verified=16),
    _p("Maple Grove PHP for Mothers", "php", "Richmond", "VA", "23219", "700 E Main St",
       "A day program for pregnant and new mothers, with childcare on site.",
       schedules="daytime", days=5, hours=25, weeks=6,
       populations="women pregnant_postpartum", co=True, meds="methadone buprenorphine",
       payments="medicaid free", wait=0, verified=21),
    _p("Summit Virtual Day Program", "php", "Salt Lake City", "UT", "84101", "175 S Main St",
       "A full-day program by video, with check-ins from a nurse.",
       formats="telehealth", schedules="daytime", days=5, hours=20, weeks=4,
       populations="adults young_adults", co=True, payments="private self_pay",
       accepting=None, verified=75),
    _p("Lone Star PHP", "php", "Dallas", "TX", "75201", "2100 Ross Ave",
       "Six days a week of day treatment, including Saturdays.",
       schedules="daytime weekend", days=6, hours=30, weeks=3,
       populations="adults seniors veterans", languages="en es",
       payments="medicare private military", wait=3, verified=26),
    _p("Evergreen PHP", "php", "Portland", "OR", "97205", "1120 SW 5th Ave",
       "An LGBTQ+ affirming day program with mental health care on site.",
       schedules="daytime", days=5, hours=25, weeks=4, populations="adults lgbtq", co=True,
       meds="buprenorphine", languages="en zh vi", payments="medicaid sliding_fee",
       wait=6, verified=44),

    # Residential
    _p("Quiet Pines Residential", "residential", "Flagstaff", "AZ", "86001", "2200 Forest Rd",
       "A residential program for men in a quiet setting, with counseling every day.",
       days=7, weeks=6, populations="adults men", co=True, meds="naltrexone",
       languages="en nv", payments="medicaid private", wait=7, verified=19),
    _p("Hilltop House for Women", "residential", "Lexington", "KY", "40507", "150 High St",
       "A residential program for women; pregnant women are welcome.",
       days=7, weeks=8, populations="women pregnant_postpartum", meds="buprenorphine",
       payments="medicaid free", wait=10, verified=52),
    _p("Cornerstone Youth Residential", "residential", "Omaha", "NE", "68102",
       "1600 Farnam St", "A residential program for teens, with school on site.",
       days=7, weeks=8, populations="adolescents", co=True, languages="en es",
       payments="medicaid private", wait=14, verified=65),
    _p("Anchor Point Veterans Residential", "residential", "Norfolk", "VA", "23510",
       "400 Granby St", "A residential program for veterans, run with veteran peer mentors.",
       days=7, weeks=6, populations="men veterans", co=True, meds="naltrexone",
       payments="military free", wait=5, verified=31),
    _p("Prairie Wind Recovery Ranch", "residential", "Bozeman", "MT", "59715",
       "3300 Ranch Rd", "A residential program on a working ranch, for adults and young adults.",
       days=7, weeks=10, populations="adults young_adults", meds="buprenorphine",
       payments="private self_pay", accepting=False, wait=30, verified=420),
    _p("Oakridge Residential Treatment", "residential", "Albany", "NY", "12207",
       "90 State St", "Residential care with 24-hour nursing and medication for opioid use.",
       days=7, weeks=4, populations="adults seniors", co=True, meds="methadone buprenorphine",
       languages="en es pl", payments="medicare medicaid private", wait=3, verified=24),
    _p("Casa Esperanza Residential", "residential", "Los Angeles", "CA", "90012",
       "820 N Spring St", "A bilingual residential program with a women's house.",
       days=7, weeks=8, populations="adults women", co=True, languages="en es ko",
       payments="medicaid sliding_fee", wait=12, verified=47),

    # Medically managed inpatient (hospital)
    _p("Mercy Valley Hospital Addiction Medicine Unit", "inpatient", "Pittsburgh", "PA",
       "15213", "3600 Forbes Ave",
       "A hospital unit for serious withdrawal or medical problems, with doctors every day.",
       days=7, populations="adults seniors", co=True,
       meds="methadone buprenorphine naltrexone", languages="en ar",
       payments="medicaid medicare private military", wait=0, verified=7),
    _p("Lakeview Medical Center Stabilization Unit", "inpatient", "Milwaukee", "WI", "53202",
       "1000 N Water St", "Short hospital stays to get through withdrawal safely, then a plan.",
       days=7, co=True, meds="methadone buprenorphine", languages="en hmn es",
       payments="medicaid medicare private", wait=0, verified=13),
    _p("St. Brendan's Hospital Behavioral Health", "inpatient", "Baltimore", "MD", "21201",
       "22 S Greene St", "Hospital care with a team for pregnant patients using opioids.",
       days=7, populations="adults pregnant_postpartum", co=True,
       meds="methadone buprenorphine", languages="en fr",
       payments="medicaid private self_pay", wait=1, verified=29),
    _p("Plains Children's Hospital Adolescent Unit", "inpatient", "Wichita", "KS", "67202",
       "550 N Hillside St", "A hospital unit for teens who need round-the-clock medical care.",
       days=7, populations="adolescents", co=True, languages="en es",
       payments="medicaid private", wait=0, verified=36),
    _p("Coastal Regional Medical Center", "inpatient", "Charleston", "SC", "29401",
       "171 Ashley Ave", "A hospital unit with a liaison who helps veterans plan next steps.",
       days=7, populations="adults veterans", co=True, meds="buprenorphine",
       payments="medicare military private", wait=0, verified=41),
]
# fmt: on

# What each example says in Spanish (`description_es`), by name. Plain words with "usted",
# in the project's glossary (README, "Languages").
SPANISH_DESCRIPTIONS: dict[str, str] = {
    "Willow Street Counseling": (
        "Consejería individual y en grupo cada semana, con grupos por la tarde para quienes "
        "trabajan de día."
    ),
    "Northside Family Recovery": (
        "Consejería para adultos y adultos mayores, con sesiones en familia una vez al mes."
    ),
    "Harborview Outpatient Clinic": (
        "Sesiones por la tarde y los fines de semana, por video o en la clínica, con un grupo "
        "que acoge a personas LGBTQ+."
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
        "Consejería por video entre semana por la tarde y los fines de semana, en todo el estado."
    ),
    "Mesa Community Health Recovery Services": (
        "Consejería con medicamentos para el consumo de opioides, en una clínica comunitaria."
    ),
    "Riverside Evening IOP": (
        "Tres tardes por semana de sesiones en grupo e individuales, para que pueda seguir "
        "trabajando."
    ),
    "Lakeshore Teen IOP": (
        "Grupos para adolescentes después de la escuela, en persona o por video, con sesiones "
        "en familia cada semana."
    ),
    "Blue Ridge Virtual IOP": (
        "Un tratamiento ambulatorio intensivo (IOP) por video cuatro tardes por semana, para "
        "quienes viven lejos de una clínica."
    ),
    "Cedar Point Hybrid IOP": (
        "Horarios de día y de tarde; algunas sesiones en persona y otras por video."
    ),
    "Bayside Weekend IOP": (
        "Grupos el sábado y el domingo y una tarde entre semana, para quienes trabajan de lunes "
        "a viernes."
    ),
    "New Leaf IOP for Women": (
        "Un IOP para mujeres, con cuidado de niños durante las sesiones y atención prenatal cerca."
    ),
    "Prism Recovery IOP": (
        "Un IOP que acoge a personas LGBTQ+, en persona y por video, tres tardes por semana."
    ),
    "Golden Years IOP": (
        "IOP de día para adultos mayores, con ayuda para coordinar su otra atención médica."
    ),
    "Pine Hollow Men's IOP": (
        "IOP por la tarde para hombres, con una sesión semanal para los familiares."
    ),
    "Harmony Bilingual IOP": (
        "Grupos de día y de tarde en varios idiomas, en persona o por video."
    ),
    "Campus Connect IOP": (
        "Un IOP por la tarde para jóvenes en edad universitaria, que se adapta a las clases."
    ),
    "Keystone Deaf Recovery IOP": (
        "Grupos de IOP en lengua de señas americana (ASL), en persona o por video."
    ),
    "Eastside IOP": (
        "IOP por la tarde y los fines de semana, con medicamentos para el consumo de opioides "
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
        "Un programa de día con medicamentos para el consumo de opioides y ayuda con la vivienda."
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
        "Atención residencial con enfermería las 24 horas y medicamentos para el consumo de "
        "opioides."
    ),
    "Casa Esperanza Residential": (
        "Un tratamiento residencial bilingüe, con una casa para mujeres."
    ),
    "Mercy Valley Hospital Addiction Medicine Unit": (
        "Una unidad de hospitalización para abstinencia grave o problemas médicos, con "
        "médicos todos los días."
    ),
    "Lakeview Medical Center Stabilization Unit": (
        "Estancias cortas en el hospital para pasar la abstinencia de forma segura, y después "
        "un plan."
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
}


@dataclass
class DemoResult:
    created: int = 0
    updated: int = 0
    removed: int = 0
    skipped: list[str] = field(default_factory=list)


def demo_slug(name: str) -> str:
    return f"{SLUG_PREFIX}{slugify(name)}"


def _contact(index: int, state: str, slug: str) -> dict[str, str]:
    area = _AREA_CODES.get(state, "555")
    number = f"{area}-555-01{index:02d}"
    return {"phone": number, "intake_phone": number, "website": f"https://example.org/{slug}"}


@transaction.atomic
def load_demo_programs(today: date | None = None) -> DemoResult:
    """Create or update every example program, and remove example programs no longer listed."""
    today = today or timezone.localdate()
    levels = {level.slug: level for level in TreatmentLevel.objects.all()}
    result = DemoResult()
    # Retired examples go first, so a renamed one cannot clash with its new entry.
    stale = Program.objects.demo().exclude(slug__in=[demo_slug(i["name"]) for i in DEMO_PROGRAMS])
    result.removed = stale.count()
    stale.delete()
    for index, item in enumerate(DEMO_PROGRAMS):
        slug = demo_slug(item["name"])
        level = levels.get(item["level"])
        if level is None:
            result.skipped.append(f"{item['name']}: the level {item['level']!r} is missing")
            continue
        existing = Program.objects.filter(slug=slug).first()
        if existing is not None and not existing.is_demo:
            result.skipped.append(f"{item['name']}: a real program already uses {slug!r}")
            continue
        values = {
            key: value
            for key, value in item.items()
            if key not in {"features", "level", "verified_days_ago"}
        }
        values.update(_contact(index, item["state"], slug))
        values["description_es"] = SPANISH_DESCRIPTIONS.get(item["name"], "")
        values.update(
            level=level,
            organisation="",
            is_demo=True,
            last_verified=today - timedelta(days=item["verified_days_ago"]),
        )
        program = existing or Program(slug=slug)
        for key, value in values.items():
            setattr(program, key, value)
        try:
            with transaction.atomic():
                program.save()
                program.replace_features(item["features"])
        except IntegrityError:
            result.skipped.append(f"{item['name']}: a real program has the same name and place")
            continue
        if existing is None:
            result.created += 1
        else:
            result.updated += 1
    caching.content_changed()
    return result


@transaction.atomic
def remove_demo_programs(*, dry_run: bool = False) -> tuple[int, int]:
    """Delete every example program and the reports about them; return both counts."""
    programs = Program.objects.demo()
    counts = (programs.count(), ListingReport.objects.filter(program__is_demo=True).count())
    if not dry_run:
        programs.delete()
        caching.content_changed()
    return counts
