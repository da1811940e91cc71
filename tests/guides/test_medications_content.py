"""The medicines page states CONTENT-PAGES.md §2, §3 and §9's facts, none of their myths, in
plain words, in English and Spanish."""

from programs.guides.content.medications import PAGE, PAGE_ES
from tests.guides import readability
from tests.guides.page_checks import (
    fact_and_myth_tests,
    section,
)

TEXT = readability.main_text(PAGE)
TEXT_ES = readability.main_text(PAGE_ES)

KEY_FACTS = [
    r"methadone only at opioid treatment programs",
    r"take home from the first week",
    r"any clinician with a DEA registration can prescribe buprenorphine",
    r"ended the old special license, called the \"X-waiver",
    r"you must be off opioids first\. this is usually 6 to 10 days",
    r"after you stop or miss the shot, your tolerance is low",
    r"about 59% lower\. .* about 38% lower",
    r"76% fewer overdoses",
    r"cut the risk of dying by about half",
    r"taking the medicine for a long time is normal",
    r"\"do you accept people on methadone or buprenorphine, and keep them on it\?\"",
    r"Americans with Disabilities Act",
    r"acamprosate helps people who have already stopped drinking stay stopped",
    r"disulfiram[^.]*does not (lower|reduce) crav",
    r"not drink at all, not for cutting down",
    r"only 1\.6% of adults with alcohol use disorder",
    r"NIAAA Alcohol Treatment Navigator",
    r"contingency management\. experts call it the standard of care",
    r"no medicine is approved by the FDA for meth or cocaine",
]

# Each "Do not say" myth of §2, §3 and §9.
MYTHS = [
    (
        r"trading one addiction|(replac|swap)\w* one addiction",
        "Methadone is just trading one addiction for another.",
    ),
    ("taper off as soon as possible", "You should taper off as soon as possible."),
    ("real recovery means no medic", "Real recovery means no medication."),
    (
        "(need|must have|must see) (a|an) (special )?(x-waiver|waivered)",
        "You need a special X-waiver doctor for buprenorphine.",
    ),
    (
        "naltrexone can be started any ?time|start (naltrexone )?any ?time",
        "Naltrexone can be started any time.",
    ),
    ("detox (alone )?is enough", "Detox is enough."),
    ("all (rehabs|programs|residential programs) accept", "All rehabs accept people on MOUD."),
    ("methadone[^.]*from any (doctor|clinician)", "Methadone is available from any doctor."),
    (
        "all (of )?(these|three|the) medicines (lower|reduce|ease) crav",
        "All these medicines reduce cravings.",
    ),
    ("disulfiram[^.]*(lets|helps) you drink less", "Disulfiram lets you drink less."),
    ("only real treatment", "AA or rehab is the only real treatment for alcohol."),
    ("naltrexone is (fine|safe) with", "Naltrexone is fine with opioid pain pills."),
    ("only for severe|only in rehab", "These medicines are only for severe cases, only in rehab."),
    (
        "(pill|medicine) (that|to) treats? (meth|cocaine)",
        "There's a pill that treats meth or cocaine addiction.",
    ),
    ("bribery|paying people not to use", "Paying people not to use is bribery."),
    ("(don't|do not) need naloxone", "Stimulant users don't need naloxone."),
    ("(can't|cannot) be treated", "Meth addiction can't be treated."),
]

SPANISH_KEY_FACTS = [
    r"solo en programas de tratamiento de opioides",
    r"registro de la DEA",
    r"de 6 a 10 días",
    r"59% menor",
    r"el disulfiram no reduce las ganas de beber",
    r"dejar de beber por completo, no para beber menos",
    r"1\.6%",
    r"manejo de contingencias",
    r"no ha aprobado ningún medicamento para el trastorno por consumo de metanfetamina",
    r"\(ADA\)",
]


globals().update(fact_and_myth_tests(PAGE, PAGE_ES, KEY_FACTS, MYTHS, SPANISH_KEY_FACTS))


def test_each_alcohol_medicine_says_what_it_does_not_do():
    alcohol = section(PAGE, "Medicines for alcohol use")
    naltrexone, acamprosate, disulfiram = (item for item in alcohol.split("\n- ")[1:4])
    assert "cannot take it with opioid pain pills, methadone" in " ".join(naltrexone.split())
    assert "kidney" in acamprosate
    assert "does not lower craving" in disulfiram


def test_page_links_to_the_overdose_page_for_naltrexone_and_stimulants():
    assert "](/overdose/)" in section(PAGE, "Naltrexone shot")
    assert "](/overdose/)" in section(PAGE, "Stimulants: meth and cocaine")
