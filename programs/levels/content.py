"""Plain-language clinical content for the levels of care.

Pure data, standard library only: the data migration imports this module, so it must
not import Django or ``programs.models``. Every fact here follows the project's
clinical content brief. The text is the site's own and is written to inform, never
to diagnose.

Criteria are ``(kind, area, text)`` tuples. ``kind`` is ``"good_fit"``,
``"not_a_fit"`` or ``"discuss"``; ``area`` is 1-6, in the order of the six areas a
clinician weighs (see ``AREAS``).
"""

from __future__ import annotations

from typing import Any

GOOD = "good_fit"
NOT = "not_a_fit"
TALK = "discuss"

# The six areas a clinician weighs, in their public order (matches models.Area).
WITHDRAWAL = 1
PHYSICAL = 2
EMOTIONAL = 3
READINESS = 4
RELAPSE = 5
ENVIRONMENT = 6

AREAS = {
    WITHDRAWAL: "Intoxication and withdrawal",
    PHYSICAL: "Physical health",
    EMOTIONAL: "Emotional and mental health",
    READINESS: "Readiness to change",
    RELAPSE: "Relapse and continued-use risk",
    ENVIRONMENT: "Recovery and living environment",
}


# ---------------------------------------------------------------------------
# Services
# ---------------------------------------------------------------------------

# Records of mixed fields, as the loader writes them to the models.
SERVICES: list[dict[str, Any]] = [
    {
        "slug": "individual-counseling",
        "name": "Individual counseling",
        "description": (
            "One-on-one time with a counselor or therapist. Together they look at what "
            "keeps substance use going and set goals that matter to the person. Many "
            "programs use talk therapies that research shows can help."
        ),
    },
    {
        "slug": "group-therapy",
        "name": "Group therapy",
        "description": (
            "A small group meets with a trained leader to talk, learn and practice new "
            "skills. Hearing from others facing the same struggles can ease shame and "
            "build hope. Groups are often the main part of a program's week."
        ),
    },
    {
        "slug": "family-psychoeducation",
        "name": "Family education and support",
        "description": (
            "Sessions that help family members understand addiction, treatment and "
            "recovery. Families learn how to support change and how to look after "
            "themselves too. Some programs also offer family counseling."
        ),
    },
    {
        "slug": "case-management",
        "name": "Case management",
        "description": (
            "A staff member helps with practical needs that can get in the way of "
            "recovery, such as housing, transport, insurance, legal issues or childcare. "
            "They also connect the person with other services."
        ),
    },
    {
        "slug": "relapse-prevention",
        "name": "Relapse-prevention skills",
        "description": (
            "Lessons and practice in spotting triggers, handling cravings and making a "
            "plan for hard moments. A return to use is treated as a reason to adjust the "
            "plan, not as a failure."
        ),
    },
    {
        "slug": "medication-for-addiction",
        "name": "Medication for opioid or alcohol use",
        "description": (
            "Approved medicines help in different ways. For opioid use, methadone and "
            "buprenorphine ease cravings and withdrawal and lower the risk of dying from "
            "an overdose. Naltrexone blocks the effects of opioids and can ease cravings. "
            "For alcohol use, naltrexone and acamprosate can ease cravings and help people "
            "stay away from drinking. Disulfiram does not ease cravings: drinking on it "
            "makes a person very sick, so it helps those who want to stop drinking "
            "completely. Some programs prescribe these medicines; others work with an "
            "outside prescriber."
        ),
    },
    {
        "slug": "psychiatric-care",
        "name": "Mental health care",
        "description": (
            "Care for conditions such as depression, anxiety, PTSD or bipolar disorder, "
            "which often happen alongside substance use. It can include an evaluation, "
            "therapy and medication. Some programs offer it on site; others arrange it "
            "by referral."
        ),
    },
    {
        "slug": "trauma-care",
        "name": "Trauma-informed care",
        "description": (
            "Many people in treatment have lived through trauma. Trauma-informed care "
            "means staff work in ways that feel safe and respectful. Some programs also "
            "offer therapy focused on trauma, or refer to it."
        ),
    },
    {
        "slug": "withdrawal-management",
        "name": "Withdrawal management (detox)",
        "description": (
            "Medical care that helps the body get through withdrawal safely and more "
            "comfortably. On its own it does little to change long-term use, so it "
            "should lead straight into treatment."
        ),
    },
    {
        "slug": "peer-support",
        "name": "Peer support",
        "description": (
            "Support from trained peer workers who have their own lived experience of "
            "recovery. They offer hope, practical tips and a link to recovery "
            "communities."
        ),
    },
    {
        "slug": "mutual-help-linkage",
        "name": "Links to mutual-help groups",
        "description": (
            "Encouragement to try free community groups, such as twelve-step meetings or "
            "other mutual-help groups. Staff can explain the choices and help the person "
            "find a group that feels right."
        ),
    },
    {
        "slug": "drug-testing",
        "name": "Drug and alcohol testing",
        "description": (
            "Urine, saliva or breath tests done on a schedule or at random. Used well, "
            "testing is a tool to guide treatment and build trust, not a punishment."
        ),
    },
    {
        "slug": "vocational-help",
        "name": "Work and school support",
        "description": (
            "Help with keeping or finding a job, going back to school, or planning "
            "around work hours. Some programs offer this themselves; others refer to "
            "job services."
        ),
    },
    {
        "slug": "medical-monitoring",
        "name": "Medical checks and lab tests",
        "description": (
            "Regular checks by nurses or doctors, such as vital signs and lab tests. "
            "This lets the team spot health problems early and adjust care."
        ),
    },
    {
        "slug": "structured-living",
        "name": "24-hour structured living",
        "description": (
            "The person lives at the program, with a daily routine of therapy, meals, "
            "rest and activities. Staff are there day and night, away from the "
            "pressures of home."
        ),
    },
    {
        "slug": "24-hour-nursing",
        "name": "24-hour nursing",
        "description": (
            "Nurses are on duty around the clock to check on health and give "
            "medicine. This is part of hospital care and of some medically monitored "
            "residential programs."
        ),
    },
    {
        "slug": "physician-care",
        "name": "Daily physician care",
        "description": (
            "A doctor sees the person every day to manage serious withdrawal, physical "
            "illness or mental health problems. This is the level of medical care found "
            "in a hospital."
        ),
    },
    {
        "slug": "aftercare-planning",
        "name": "Planning the next step",
        "description": (
            "Before the program ends, staff help plan what comes next, such as a less "
            "intensive level of care, ongoing counseling or recovery support. A good "
            "plan lowers the chance of a gap in care."
        ),
    },
]

for _i, _service in enumerate(SERVICES, start=1):
    _service["order"] = _i * 10
del _i, _service


# ---------------------------------------------------------------------------
# Levels of care
# ---------------------------------------------------------------------------

LEVELS: list[dict[str, Any]] = [
    {
        "slug": "outpatient",
        "name": "Standard outpatient",
        "short_name": "Outpatient",
        "level_number": "1",
        "intensity_rank": 1,
        "summary": (
            "Regular counseling sessions, usually once or twice a week, while the person "
            "lives at home and keeps up with work, school and family."
        ),
        "description": (
            "Standard outpatient care is the least intensive level. The person visits a "
            "counselor, clinic or program for fewer than 9 hours a week (fewer than 6 "
            "for teens), often just one or two sessions.\n\n"
            "Sessions can be one-on-one, in a group, or both. Many people also take "
            "medication for opioid or alcohol use, which can be prescribed in an office "
            "or clinic.\n\n"
            "It can be a first step for someone whose risks are low. It is also the "
            "usual next step after IOP or another more intensive level, to keep "
            "recovery going.\n\n"
            "Outpatient care often lasts several months or longer. Most people need "
            "about three months of treatment, across all levels, to make real progress."
        ),
        "hours_adult_min": 0,
        "hours_adult_max": 8,
        "hours_adolescent_min": 0,
        "hours_adolescent_max": 5,
        "sessions_min": 1,
        "sessions_max": 2,
        "length_weeks_min": 12,
        "length_weeks_max": 52,
        "length_note": "Often several months, sometimes longer",
        "schedule_note": "1–2 sessions a week, often about an hour each",
        "setting": "Office, clinic or by video; the person lives at home",
        "lives_at_home": True,
        "supervision_24h": False,
        "medical_care": "by_referral",
        "keeps_work_school": "usually",
        "cost_rank": 1,
        "telehealth": "often",
        "steps_note": (
            "People can start here or step down here after IOP or another more "
            "intensive level. If use keeps getting worse, or more support would help, "
            "a clinician may suggest stepping up to IOP. Moves follow a fresh "
            "assessment, not a set calendar."
        ),
        "services": [
            "individual-counseling",
            "group-therapy",
            "relapse-prevention",
            "medication-for-addiction",
            "mutual-help-linkage",
            "drug-testing",
            "peer-support",
        ],
        "criteria": [
            (GOOD, WITHDRAWAL, "Little or no risk of difficult withdrawal"),
            (
                GOOD,
                PHYSICAL,
                "Physical health is stable, or health problems are cared for by a regular doctor",
            ),
            (
                GOOD,
                EMOTIONAL,
                "Mental health is stable, or a mental health condition is already being "
                "treated and is under control",
            ),
            (
                GOOD,
                RELAPSE,
                "Has some coping skills and can usually manage cravings between weekly sessions",
            ),
            (GOOD, ENVIRONMENT, "Can live at home safely, with people who support recovery"),
            (
                GOOD,
                ENVIRONMENT,
                "Is stepping down from IOP or a more intensive level and wants to keep "
                "recovery going",
            ),
            (
                NOT,
                WITHDRAWAL,
                "Moderate or severe withdrawal, or past seizures or confusion when stopping "
                "alcohol or sedatives",
            ),
            (
                NOT,
                EMOTIONAL,
                "Mental health symptoms that are getting worse, or active thoughts of suicide",
            ),
            (
                NOT,
                RELAPSE,
                "Use keeps getting worse even with regular sessions, or cravings feel out "
                "of control most days",
            ),
            (
                NOT,
                ENVIRONMENT,
                "A home where others use heavily, or where the person is not safe",
            ),
            (
                TALK,
                WITHDRAWAL,
                "Taking, or thinking about starting, medication for opioid or alcohol use",
            ),
            (
                TALK,
                PHYSICAL,
                "Pregnancy: prenatal care and addiction care work best when they start "
                "early and work together",
            ),
            (
                TALK,
                READINESS,
                "Feeling unsure about change is common and is not a reason to avoid care; "
                "goals can be talked through with a clinician",
            ),
        ],
        "typical_week": [1, 0, 0, 2, 0, 0, 0],
        "typical_week_text": (
            "A typical week might have a 1-hour counseling session on Monday and a "
            "2-hour group on Thursday, about 3 hours in all."
        ),
    },
    {
        "slug": "iop",
        "name": "Intensive outpatient program (IOP)",
        "short_name": "IOP",
        "level_number": "2.1",
        "intensity_rank": 2,
        "summary": (
            "A structured program of about 9 to 19 hours a week, often 3 hours a day on "
            "3 to 5 days, while the person lives at home and keeps up daily life."
        ),
        "description": (
            "An intensive outpatient program, or IOP, offers more structure and support "
            "than weekly counseling. Adults take part for 9 to 19 hours a week; teens "
            "for 6 or more. Many programs run about 3 hours a day, 3 to 5 days a week, "
            "with day or evening tracks.\n\n"
            "A typical week mixes group therapy, individual counseling, family "
            "education and help with practical needs. Programs also connect people with "
            "medication for opioid or alcohol use, mental health care and mutual-help "
            "groups.\n\n"
            "Stable mental health conditions, such as depression or anxiety, are common "
            "in IOP and are treated alongside substance use. For people with low "
            "withdrawal, medical and mental health risk, results are similar to "
            "residential care.\n\n"
            "IOP costs more than standard outpatient care and less than PHP, "
            "residential or hospital care. It often lasts about 6 to 12 weeks, then the "
            "person steps down to standard outpatient care."
        ),
        "hours_adult_min": 9,
        "hours_adult_max": 19,
        "hours_adolescent_min": 6,
        "hours_adolescent_max": 19,
        "sessions_min": 3,
        "sessions_max": 5,
        "length_weeks_min": 6,
        "length_weeks_max": 12,
        "length_note": "About 6–12 weeks (typical), then step down",
        "schedule_note": "About 3 hours a day, 3–5 days a week; day or evening tracks",
        "setting": "Clinic or program site, or by video; the person lives at home",
        "lives_at_home": True,
        "supervision_24h": False,
        "medical_care": "by_referral",
        "keeps_work_school": "usually",
        "cost_rank": 2,
        "telehealth": "often",
        "steps_note": (
            "People come to IOP in three ways: as their first treatment, stepping down "
            "from residential, hospital or withdrawal care, or stepping up from standard "
            "outpatient. Nobody has to \u201cfail\u201d outpatient care first. After IOP "
            "the usual next step is standard outpatient or continuing care, and a "
            "clinician may suggest PHP or residential care if more support would help."
        ),
        "services": [
            "individual-counseling",
            "group-therapy",
            "family-psychoeducation",
            "case-management",
            "relapse-prevention",
            "medication-for-addiction",
            "psychiatric-care",
            "trauma-care",
            "peer-support",
            "mutual-help-linkage",
            "drug-testing",
            "vocational-help",
            "aftercare-planning",
        ],
        "criteria": [
            (
                GOOD,
                WITHDRAWAL,
                "Low risk of withdrawal, or withdrawal care is already finished",
            ),
            (
                GOOD,
                PHYSICAL,
                "Any physical health problems are stable and can be handled by the "
                "person's own doctors",
            ),
            (
                GOOD,
                EMOTIONAL,
                "Mental health conditions, if any, are stable; they are treated alongside "
                "substance use",
            ),
            (
                GOOD,
                RELAPSE,
                "Weekly sessions have not given enough support, or the person is stepping "
                "down from residential or hospital care",
            ),
            (GOOD, ENVIRONMENT, "Can live at home safely, with people who support recovery"),
            (
                GOOD,
                ENVIRONMENT,
                "Wants to keep working, going to school or caring for family during treatment",
            ),
            (
                NOT,
                WITHDRAWAL,
                "Withdrawal that calls for close medical watching, or past withdrawal "
                "seizures or confusion",
            ),
            (
                NOT,
                PHYSICAL,
                "A physical health problem that is unstable and calls for frequent medical care",
            ),
            (
                NOT,
                EMOTIONAL,
                "Active thoughts of suicide, or mental health symptoms that are unstable "
                "or quickly getting worse",
            ),
            (
                NOT,
                ENVIRONMENT,
                "No safe place to live, or a home where heavy drug or alcohol use is going on",
            ),
            (
                TALK,
                WITHDRAWAL,
                "Medication for opioid or alcohol use: ask whether the program offers it "
                "or works with a prescriber",
            ),
            (
                TALK,
                PHYSICAL,
                "Pregnancy: ask how the program works with prenatal care",
            ),
            (
                TALK,
                RELAPSE,
                "Returning to use during IOP: this is a reason to review the plan, and "
                "more support may help",
            ),
            (
                TALK,
                ENVIRONMENT,
                "Living far from a program or unable to travel: ask about a virtual or "
                "hybrid track",
            ),
        ],
        "typical_week": [3, 1, 3, 0, 3, 0, 0],
        "typical_week_text": (
            "A typical evening-track week might have 3-hour group sessions on Monday, "
            "Wednesday and Friday plus a 1-hour individual session on Tuesday, about 10 "
            "hours in all."
        ),
    },
    {
        "slug": "php",
        "name": "Partial hospitalization program (PHP)",
        "short_name": "PHP",
        "level_number": "2.5",
        "intensity_rank": 3,
        "summary": (
            "Treatment for most of the day, about 5 days a week and 20 or more hours in "
            "all, with closer medical and mental health care, while the person sleeps "
            "at home."
        ),
        "description": (
            "A partial hospitalization program, or PHP, is also called day treatment. "
            "Newer guidelines call it high-intensity outpatient care. The person spends "
            "20 or more hours a week in the program, most of the day, about 5 days a "
            "week, and goes home in the evening.\n\n"
            "PHP includes the same kinds of services as IOP, with more of them. It also "
            "gives more direct access to psychiatric care, medical checks and lab tests "
            "than IOP does.\n\n"
            "It can help someone who has more going on than IOP can safely handle but "
            "does not call for 24-hour care. It also works as a step down from a "
            "hospital or residential stay.\n\n"
            "PHP usually lasts weeks, not months, though this varies. Most care is in "
            "person; some programs offer a virtual track."
        ),
        "hours_adult_min": 20,
        "hours_adult_max": None,
        "hours_adolescent_min": 20,
        "hours_adolescent_max": None,
        "sessions_min": 5,
        "sessions_max": 5,
        "length_weeks_min": 2,
        "length_weeks_max": 6,
        "length_note": "Usually a few weeks (typical, varies)",
        "schedule_note": "Most of the day, about 5 days a week",
        "setting": "Hospital or program site during the day; the person sleeps at home",
        "lives_at_home": True,
        "supervision_24h": False,
        "medical_care": "on_site_access",
        "keeps_work_school": "rarely",
        "cost_rank": 3,
        "telehealth": "some_programs",
        "steps_note": (
            "People may start in PHP, step down to it from a hospital or residential "
            "stay, or step up to it from IOP. When things are steadier, the usual next "
            "step is IOP. If risks grow, a clinician may suggest residential or "
            "hospital care. Moves follow a fresh assessment."
        ),
        "services": [
            "individual-counseling",
            "group-therapy",
            "family-psychoeducation",
            "case-management",
            "relapse-prevention",
            "medication-for-addiction",
            "psychiatric-care",
            "medical-monitoring",
            "withdrawal-management",
            "trauma-care",
            "peer-support",
            "mutual-help-linkage",
            "drug-testing",
            "aftercare-planning",
        ],
        "criteria": [
            (
                GOOD,
                WITHDRAWAL,
                "Low withdrawal risk, or mild to moderate withdrawal that can be watched "
                "during the day, with a supportive home at night",
            ),
            (
                GOOD,
                PHYSICAL,
                "Health problems that benefit from regular medical checks but not from a "
                "hospital stay",
            ),
            (
                GOOD,
                EMOTIONAL,
                "Mental health symptoms that call for daily support, without current "
                "danger to self or others",
            ),
            (
                GOOD,
                RELAPSE,
                "Has kept using or had strong cravings despite IOP, or is stepping down "
                "from a hospital or residential stay",
            ),
            (GOOD, ENVIRONMENT, "Has a safe, supportive place to sleep at night"),
            (
                NOT,
                WITHDRAWAL,
                "Severe or complicated withdrawal, such as past withdrawal seizures or "
                "delirium tremens (DTs)",
            ),
            (
                NOT,
                PHYSICAL,
                "Medical problems that call for nurses around the clock or hospital care",
            ),
            (
                NOT,
                EMOTIONAL,
                "Active suicide risk, or being a danger to self or others",
            ),
            (
                NOT,
                ENVIRONMENT,
                "No safe place to go in the evenings and at night",
            ),
            (
                TALK,
                ENVIRONMENT,
                "Time away from work or school: ask about medical leave and how the "
                "program can help with it",
            ),
            (
                TALK,
                ENVIRONMENT,
                "Getting there every day: ask how far the program is and whether help "
                "with transport is available",
            ),
            (
                TALK,
                READINESS,
                "Feeling pushed into treatment by others: many people start that way, and "
                "it can be talked through with the team",
            ),
        ],
        "typical_week": [6, 6, 6, 6, 6, 0, 0],
        "typical_week_text": (
            "A typical week might have about 6 hours of program each day from Monday to "
            "Friday, about 30 hours in all, with evenings and weekends at home."
        ),
    },
    {
        "slug": "residential",
        "name": "Residential treatment",
        "short_name": "Residential",
        "level_number": "3",
        "intensity_rank": 4,
        "summary": (
            "The person lives at the program, with treatment and support around the "
            "clock, for weeks to months depending on progress."
        ),
        "description": (
            "In residential treatment the person lives at the program. Days follow a "
            "set routine of therapy, groups, meals and activities, with staff there day "
            "and night.\n\n"
            "Programs range from clinically managed care, with counselors and staff "
            "around the clock, to medically monitored care with 24-hour nursing. Some "
            "programs also manage withdrawal.\n\n"
            "Residential care can help when home is not a safe place for recovery, or "
            "when use continues despite strong outpatient support. For people with low "
            "withdrawal, medical and mental health risk and a supportive home, IOP "
            "often works about as well.\n\n"
            "Length depends on progress, checked by regular reassessment. The usual "
            "next step is PHP or IOP."
        ),
        "hours_adult_min": None,
        "hours_adult_max": None,
        "hours_adolescent_min": None,
        "hours_adolescent_max": None,
        "sessions_min": 7,
        "sessions_max": 7,
        "length_weeks_min": 4,
        "length_weeks_max": 26,
        "length_note": "Weeks to months, by reassessment",
        "schedule_note": "Daily structure, 7 days a week, living at the program",
        "setting": "A residential treatment program; the person lives there",
        "lives_at_home": False,
        "supervision_24h": True,
        "medical_care": "monitored",
        "keeps_work_school": "rarely",
        "cost_rank": 4,
        "telehealth": "rarely",
        "steps_note": (
            "People may come to residential care directly, after withdrawal care or a "
            "hospital stay, or stepping up from PHP or IOP. When home life and recovery "
            "feel steadier, the usual next step is PHP or IOP, then standard "
            "outpatient. The team decides on moves through regular reassessment."
        ),
        "services": [
            "structured-living",
            "individual-counseling",
            "group-therapy",
            "family-psychoeducation",
            "case-management",
            "relapse-prevention",
            "medication-for-addiction",
            "psychiatric-care",
            "medical-monitoring",
            "withdrawal-management",
            "trauma-care",
            "peer-support",
            "mutual-help-linkage",
            "drug-testing",
            "aftercare-planning",
        ],
        "criteria": [
            (
                GOOD,
                ENVIRONMENT,
                "Home is not safe or supportive for recovery right now, such as others "
                "using at home or no stable housing",
            ),
            (
                GOOD,
                RELAPSE,
                "Keeps returning to use between sessions, even with daily outpatient support",
            ),
            (
                GOOD,
                WITHDRAWAL,
                "Moderate withdrawal with no safe place to withdraw at home, in a program "
                "that offers withdrawal care",
            ),
            (
                GOOD,
                EMOTIONAL,
                "Mental health conditions that benefit from 24-hour structure but do not "
                "call for a hospital",
            ),
            (
                GOOD,
                PHYSICAL,
                "Physical health is stable, or can be watched by nurses in a medically "
                "monitored program",
            ),
            (
                NOT,
                WITHDRAWAL,
                "Severe or complicated withdrawal that calls for hospital care",
            ),
            (
                NOT,
                PHYSICAL,
                "An unstable medical problem that calls for a doctor's care every day",
            ),
            (
                NOT,
                EMOTIONAL,
                "A mental health emergency, such as active suicide risk with a plan",
            ),
            (
                NOT,
                ENVIRONMENT,
                "Has a safe, supportive home and low withdrawal, medical and mental health "
                "risk; IOP may work as well and keeps daily life going",
            ),
            (
                TALK,
                READINESS,
                "How motivated the person feels does not by itself decide the level; the "
                "area of highest risk does",
            ),
            (
                TALK,
                WITHDRAWAL,
                "Medication for opioid or alcohol use: ask whether it can be started or "
                "continued during the stay",
            ),
            (
                TALK,
                ENVIRONMENT,
                "Children, work or bills at home: ask about family visits and help "
                "planning time away",
            ),
        ],
        "typical_week": [24, 24, 24, 24, 24, 24, 24],
        "typical_week_text": (
            "The person lives at the program, with care and structure around the clock "
            "every day of the week."
        ),
    },
    {
        "slug": "inpatient",
        "name": "Medically managed inpatient (hospital)",
        "short_name": "Hospital",
        "level_number": "4",
        "intensity_rank": 5,
        "summary": (
            "Short-term hospital care with a doctor every day and nurses around the "
            "clock, for serious withdrawal, medical or mental health problems."
        ),
        "description": (
            "This is the most intensive level of care. It takes place in a hospital, "
            "with daily care from a doctor and nursing around the clock.\n\n"
            "It is for serious problems that are not safe to handle elsewhere, such as "
            "severe or complicated withdrawal, an unstable illness, or a mental health "
            "crisis.\n\n"
            "A hospital stay usually lasts days, until the person is stable. It is a "
            "starting point, not the whole of treatment.\n\n"
            "Before leaving, the team should help arrange the next level of care, such "
            "as residential care, PHP or IOP, so there is no gap."
        ),
        "hours_adult_min": None,
        "hours_adult_max": None,
        "hours_adolescent_min": None,
        "hours_adolescent_max": None,
        "sessions_min": 7,
        "sessions_max": 7,
        "length_weeks_min": 1,
        "length_weeks_max": 2,
        "length_note": "Days, until stable",
        "schedule_note": "Around-the-clock hospital care, 7 days a week",
        "setting": "A hospital or hospital-level unit",
        "lives_at_home": False,
        "supervision_24h": True,
        "medical_care": "managed_24h",
        "keeps_work_school": "rarely",
        "cost_rank": 5,
        "telehealth": "rarely",
        "steps_note": (
            "People usually arrive through an emergency room or a direct admission. "
            "Once stable, they step down to residential care, PHP or IOP, based on a "
            "fresh assessment. Going straight into the next level helps keep the gains "
            "made in the hospital."
        ),
        "services": [
            "physician-care",
            "24-hour-nursing",
            "withdrawal-management",
            "medical-monitoring",
            "psychiatric-care",
            "medication-for-addiction",
            "individual-counseling",
            "case-management",
            "aftercare-planning",
        ],
        "criteria": [
            (
                GOOD,
                WITHDRAWAL,
                "Severe or complicated withdrawal, such as past withdrawal seizures or "
                "delirium tremens (DTs)",
            ),
            (
                GOOD,
                PHYSICAL,
                "Serious physical health problems that call for a doctor's care every day",
            ),
            (
                GOOD,
                PHYSICAL,
                "Pregnancy with complications linked to substance use or withdrawal",
            ),
            (
                GOOD,
                EMOTIONAL,
                "Mental health problems that are unstable and call for hospital-level care",
            ),
            (
                GOOD,
                WITHDRAWAL,
                "Withdrawal that has not eased with less intensive care",
            ),
            (
                NOT,
                WITHDRAWAL,
                "Mild withdrawal or none, along with stable physical health",
            ),
            (
                NOT,
                EMOTIONAL,
                "Mental health is stable enough for care outside a hospital",
            ),
            (
                NOT,
                RELAPSE,
                "High relapse risk alone, without medical, withdrawal or mental health "
                "danger; residential care may fit better",
            ),
            (
                NOT,
                ENVIRONMENT,
                "Looking for a long stay to focus on recovery; a hospital stay is short "
                "and care continues at another level",
            ),
            (
                TALK,
                WITHDRAWAL,
                "Signs of seizure, confusion or hallucinations during withdrawal: call "
                "[[emergency]] rather than waiting for an admission",
            ),
            (
                TALK,
                ENVIRONMENT,
                "The next step: withdrawal care works best when it leads straight into "
                "ongoing treatment, so plan it before leaving",
            ),
            (
                TALK,
                READINESS,
                "Unsure about more treatment: the hospital team can help connect the "
                "person to a program before discharge",
            ),
        ],
        "typical_week": [24, 24, 24, 24, 24, 24, 24],
        "typical_week_text": (
            "The person stays in the hospital, with a doctor's care every day and "
            "nurses around the clock, usually for a few days."
        ),
    },
]

for _level in LEVELS:
    _level["order"] = _level["intensity_rank"]
del _level


# ---------------------------------------------------------------------------
# Questions to ask a program
# ---------------------------------------------------------------------------

QUESTIONS_TO_ASK = [
    "How many hours a week is the program, and on which days and at what times?",
    "How long do people usually take part?",
    "Is there an evening track, or can some sessions be done by video?",
    "Do you offer medication for opioid or alcohol use, or work with someone who prescribes it?",
    "Do you accept people on methadone or buprenorphine, and keep them on it?",
    "Do you offer contingency management (for stimulants)?",
    "Can you treat mental health conditions, like depression or anxiety, here?",
    "Is the program licensed by the state, or accredited?",
    "Do you take my insurance, and are you in-network? Is there a sliding fee?",
    "How soon can I start, and what help is there while I wait? (Being seen within about "
    "two days is a good sign.)",
    "What happens if someone returns to use?",
    "How do you decide when someone should move to more or less intensive care?",
    "How are family members involved?",
    "What happens when the program ends, and who helps plan the next step?",
]


# ---------------------------------------------------------------------------
# Withdrawal management
# ---------------------------------------------------------------------------

WITHDRAWAL_MANAGEMENT = {
    "title": "Withdrawal management (detox)",
    "intro": (
        "Withdrawal management, often called detox, is not treatment on its own. It helps "
        "the body get through withdrawal safely and more comfortably, but by itself it "
        "does little to change long-term use. It works best when it leads straight into "
        "treatment at a level of care that fits the person. Withdrawal care comes in "
        "different intensities, matched to how hard the withdrawal is likely to be."
    ),
    "intensities": [
        {
            "name": "Outpatient withdrawal care",
            "who": "Mild withdrawal",
            "where": "Visits to a clinic or doctor's office; the person lives at home",
        },
        {
            "name": "Outpatient withdrawal care with all-day monitoring",
            "who": "Moderate withdrawal, with a supportive home to go to at night",
            "where": "A day program or clinic that watches the person through the day",
        },
        {
            "name": "Residential withdrawal care",
            "who": "Moderate withdrawal, with no safe place to withdraw at home",
            "where": "A residential program, with staff around the clock",
        },
        {
            "name": "Inpatient withdrawal care (medically monitored or managed)",
            "who": "Severe or complicated withdrawal",
            "where": "An inpatient unit or hospital, with nurses and doctors on hand",
        },
    ],
    "warnings": [
        "Never stop alcohol or benzodiazepines (such as Xanax or Valium) suddenly after "
        "heavy daily use without medical advice. Withdrawal seizures can be "
        "life-threatening.",
        "Mixing opioids with benzodiazepines or alcohol raises the risk of overdose.",
        "Pregnant and using opioids? Get prenatal care and addiction care promptly, and "
        "do not stop opioids suddenly.",
        "Call [[emergency]] for a seizure, confusion, hallucinations or severe shaking "
        "during withdrawal.",
        "With alcohol, seizures can come within about 2 days of the last drink, and "
        "severe confusion (delirium tremens) at about 2 to 3 days.",
    ],
}


# ---------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------

SOURCES = [
    {
        "name": "The ASAM Criteria continuum of care (public description)",
        "note": (
            "The level numbers (1, 2.1, 2.5, 3, 4) and the six areas follow the public "
            "description of the ASAM Criteria, from the American Society of Addiction "
            "Medicine (asam.org). This site is not affiliated with ASAM, and its "
            "questionnaire is not an ASAM assessment."
        ),
    },
    {
        "name": "SAMHSA TIP 47: Substance Abuse: Clinical Issues in Intensive Outpatient "
        "Treatment",
        "note": (
            "Federal treatment guide describing the core services and hours of IOP (samhsa.gov)."
        ),
    },
    {
        "name": "SAMHSA Advisory on intensive outpatient treatment (2021)",
        "note": (
            "Update to TIP 47. Reports that for people with low withdrawal, medical and "
            "mental health risk, IOP results are similar to residential care."
        ),
    },
    {
        "name": "NIDA, Principles of Drug Addiction Treatment",
        "note": (
            "National Institute on Drug Abuse (nida.nih.gov). Most people need about "
            "3 months of treatment to make significant progress."
        ),
    },
    {
        "name": "Hazelden Betty Ford telehealth IOP study (2020–21 cohort)",
        "note": (
            "A study of 3,642 people that found no significant difference in outcomes "
            "between in-person, hybrid and virtual IOP."
        ),
    },
    {
        "name": "Mental Health Parity and Addiction Equity Act (2008)",
        "note": (
            "Federal law: if a plan covers mental health or substance use care, its "
            "rules can be no stricter than for medical care. It does not require plans "
            "to cover this care."
        ),
    },
    {
        "name": "Medicare Part B coverage of intensive outpatient services",
        "note": (
            "Since 1 January 2024, Medicare Part B covers IOP of 9–19 hours a week when "
            "a physician certifies it (medicare.gov)."
        ),
    },
    {
        "name": "FDA safety communication on benzodiazepines (2020)",
        "note": (
            "Boxed warning on abuse, dependence and withdrawal, including the risk of "
            "life-threatening withdrawal when these medicines are stopped suddenly "
            "(fda.gov)."
        ),
    },
]


# ---------------------------------------------------------------------------
# Key facts for the home and compare pages
# ---------------------------------------------------------------------------

FACTS = {
    "three_months": (
        "Most people need about three months of treatment, across all levels, to make "
        "real progress (NIDA)."
    ),
    "iop_vs_residential": (
        "For people with low withdrawal, medical and mental health risk, IOP results are "
        "similar to residential care (SAMHSA, 2021)."
    ),
    "telehealth": (
        "In a large study of 3,642 people, IOP results were about the same whether care "
        "was in person, by video, or a mix of both (Hazelden Betty Ford, 2020–21)."
    ),
    "parity": (
        "If a health plan covers mental health or substance use care, federal law (2008) "
        "says its copays, visit limits and approval rules can be no stricter than for "
        "medical care. It does not force a plan to cover this care."
    ),
    "medicare_iop": (
        "Since 1 January 2024, Medicare Part B covers IOP of 9 to 19 hours a week when a "
        "physician certifies it."
    ),
    "medicaid": (
        "Medicaid coverage of PHP and residential care varies a lot from state to state."
    ),
    "cost_order": (
        "From least to most costly: standard outpatient, IOP, PHP, residential, then "
        "hospital care. This is only a rough order; real charges vary widely by program "
        "and payer."
    ),
    "steps": (
        "Moving between levels follows a fresh assessment, not a fixed program length. "
        "Nobody has to \u201cfail\u201d outpatient care before trying a more intensive level."
    ),
    "highest_need": (
        "A clinician looks at six areas of a person's life. The level suggested matches "
        "the area of highest need, not an average, and is the least intensive setting "
        "that can keep the person safe."
    ),
    "detox_not_treatment": (
        "Withdrawal care (detox) helps the body through withdrawal safely, but it is not "
        "treatment on its own. It should lead straight into treatment."
    ),
}
