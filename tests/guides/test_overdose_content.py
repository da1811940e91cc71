"""The overdose and naloxone page states CONTENT-PAGES.md §1's facts, none of its myths, in
plain words, in English and Spanish."""

from programs.guides.content.overdose import PAGE, PAGE_ES
from tests.guides import readability
from tests.guides.page_checks import (
    fact_and_myth_tests,
    section,
)

TEXT = readability.main_text(PAGE)
TEXT_ES = readability.main_text(PAGE_ES)

KEY_FACTS = [
    r"cannot be woken",
    r"breathing is slow or shallow, or it has stopped",
    r"lips or nails look blue, gray or pale",
    r"if you are not sure, treat it as an overdose",
    r"after 2 to 3 minutes, give another dose",
    r"30 to 90 minutes",
    r"does not work on alcohol, benzos like xanax, cocaine, meth or xylazine",
    r"will not hurt someone who has not taken opioids",
    r"since 2023, you can buy narcan nasal spray without a prescription",
    r"ask the pharmacist",
    r"local health department",
    r"loses its tolerance",
    r"detox, rehab, a hospital stay or time in jail",
    r"about 5 times\s+higher",
    r"8 to 40 times",
    r"don't use alone",
    r"fentanyl is mixed into heroin, cocaine and meth",
    r"fake pills",
    r"a negative result does not mean the drug is safe",
    r"laws on test strips vary by state",
    r"good samaritan[^.]*\. .*these laws vary by state",
]

# Each "Do not say" myth of §1 (and §9's "stimulant users don't need naloxone").
MYTHS = [
    (
        "need a prescription (for|to (buy|get)) (narcan|naloxone)",
        "You need a prescription for Narcan.",
    ),
    (
        "naloxone (is|can be) (dangerous|harmful)",
        "Naloxone is dangerous if it wasn't an opioid overdose.",
    ),
    ("sleep it off", "If they wake up after naloxone, they can sleep it off."),
    ("(they are|they're) fine", "If they wake up after naloxone, they're fine."),
    (
        "(can|may) go back to (your|their) old (amount|dose)",
        "After detox or rehab you can go back to your old amount.",
    ),
    (
        r"negative[^.]*\bmeans\b[^.]*safe",
        "A negative fentanyl test strip means the drug is safe.",
    ),
    (
        "protect you from (everything|all charges)|same in every state",
        "Good Samaritan laws protect you from everything everywhere.",
    ),
    ("only in heroin", "Fentanyl is only in heroin."),
    ("(don't|do not) need naloxone", "Stimulant users don't need naloxone."),
]

SPANISH_KEY_FACTS = [
    r"sin receta",
    r"2 a 3\s+minutos",
    r"30 a 90 minutos",
    r"acuéstela de lado",
    r"pierde la tolerancia",
    r"un resultado negativo no quiere decir que la droga sea segura",
    r"buen samaritano",
    r"varían según el estado",
]


globals().update(fact_and_myth_tests(PAGE, PAGE_ES, KEY_FACTS, MYTHS, SPANISH_KEY_FACTS))


def test_steps_come_in_the_cdc_order_with_the_emergency_number_first():
    steps = section(PAGE, "What to do, step by step")
    order = ["1. Give naloxone", "[[emergency]]", "2. Try to keep", "3. Lay", "4. Stay"]
    positions = [steps.index(step) for step in order]
    assert positions == sorted(positions)
    assert "rescue" in steps
    assert "Watch how they respond" in steps


def test_spanish_steps_keep_the_same_order():
    steps = section(PAGE_ES, "Qué hacer, paso a paso")
    order = ["1. Dele naloxona", "[[emergency]]", "2. Trate", "3. Acuéstela", "4. Quédese"]
    positions = [steps.index(step) for step in order]
    assert positions == sorted(positions)


def test_page_links_to_the_medicines_page():
    assert "](/medications/)" in section(PAGE, "Risk is higher after a break")


def test_page_sends_readers_to_emergency_help():
    assert "[[emergency]]" in section(PAGE, "Good Samaritan laws")
    assert "[[emergency]]" in section(PAGE, "What naloxone does and does not do")
