"""Pregnancy: medicine rather than withdrawal for opioids, alcohol, the newborn, getting in faster.

Facts from ../shared/CONTENT-PAGES.md §4 (and the SAMHSA Helpline from CONTENT.md).
"""

from __future__ import annotations

from typing import Any

_SOURCES = [
    (
        "ACOG Committee Opinion 711 with ASAM, “Opioid Use and Opioid Use Disorder in "
        "Pregnancy” (August 2017, reaffirmed 2021)"
    ),
    "ACOG statement on Committee Opinion 711, as reported by HealthDay and MedicalXpress (2017)",
    "Addiction Medicine Updates, on ACOG Committee Opinion 711 (2017)",
    (
        "New York State Department of Health AIDS Institute, guideline on substance use in "
        "pregnancy and neonatal opioid withdrawal syndrome (NCBI Bookshelf NBK572854)"
    ),
    (
        "American Academy of Pediatrics, HealthyChildren.org, “Neonatal Opioid Withdrawal "
        "Syndrome: What Families Need to Know”"
    ),
    (
        "SAMHSA National Center on Substance Abuse and Child Welfare, “Neonatal Abstinence "
        "Syndrome” (ncsacw.samhsa.gov)"
    ),
    "CDC guidance on fetal alcohol spectrum disorders, as reproduced by NYC DOHMH",
    "NIAAA Director’s blog on fetal alcohol spectrum disorders",
    (
        "ASAM, Clinical Practice Guideline on Alcohol Withdrawal Management (2020), "
        "recommendations VII.27, VII.32 and VII.37 (Guideline Central)"
    ),
    (
        "CRISM/BCCSU, “Pregnancy: Inpatient and Outpatient Withdrawal Management” "
        "(helpwithdrinking.ca)"
    ),
    "42 U.S.C. § 300x-27, priority admission of pregnant women (substance use block grant)",
    "SAMHSA, 42 CFR Part 8 Final Rule, Table of Changes (2024)",
    (
        "NIAAA Alcohol Policy Information System, “Pregnancy and Alcohol: Priority Treatment”; "
        "Maryland Health-General § 8-403.1"
    ),
    "SAMHSA National Helpline FAQ",
]

_LEVELS = ["inpatient", "residential", "php", "iop", "outpatient"]

PAGE: dict[str, Any] = {
    "slug": "pregnancy",
    "title": "Pregnancy and substance use",
    "summary": (
        "If you are pregnant and use opioids, alcohol or other drugs, help is here. "
        "Good care keeps you and your baby safer, and you can get in faster."
    ),
    "reviewed_on": "2026-12-03",
    "levels": _LEVELS,
    "sections": [
        {
            "heading": "Get care early",
            "body": """\
Tell a prenatal clinician about any use of alcohol or drugs, as early as you can. Experts say
everyone who is pregnant should be asked about it. Care works best when your team works together
to help you and your family, not to punish you.

You may worry about what happens if you tell. Rules about reporting differ by state; a prenatal or
addiction clinician can explain them.
""",
        },
        {
            "heading": "Opioids: medicine, not withdrawal",
            "body": """\
If you are pregnant and have an opioid use problem, the advised care is medicine: buprenorphine
or methadone. Experts say this is better than going through withdrawal (“detox”).

Medicine helps in many ways:

- You are more likely to get to your prenatal visits.
- There are fewer problems in the pregnancy.
- Babies do better.

Withdrawal is right for only a few people. If you choose it, it should be your own informed
choice. It should be led by a doctor who knows addiction care in pregnancy, with care for a long
time after.

Read more about [medicines for opioid use](/medications/).
""",
        },
        {
            "heading": "Do not stop suddenly",
            "body": """\
Do not stop opioids suddenly while you are pregnant. This includes buprenorphine and methadone.
Talk with your clinician before you change anything.

If you stop and then use again, your body may not handle the amount it used to. That raises the
risk of overdose. Learn the signs and how to use naloxone on our
[overdose page](/overdose/).
""",
        },
        {
            "heading": "If your baby has withdrawal",
            "body": """\
A baby who was exposed to opioids before birth may have withdrawal after birth. This is called
neonatal opioid withdrawal syndrome (NOWS). You may also hear NAS.

- NOWS is **expected**, and it is **treatable**.
- Studies have not found that it does much harm to how a child learns and thinks.
- Treating the parent with methadone or buprenorphine helps these babies do better.

NOWS is **not** a reason to stop your medicine.
""",
        },
        {
            "heading": "What helps your baby",
            "body": """\
Simple care does a lot for a baby with NOWS:

- Rooming-in: your baby stays in the room with you.
- Breastfeeding.
- Skin-to-skin contact: holding your baby on your bare chest.
- Swaddling: wrapping your baby snugly in a blanket.
- A quiet room with soft light.
- Medicine for the baby when it is needed.

Clinicians should offer rooming-in, breastfeeding and skin-to-skin contact. Ask your care team
about each of them before the birth.
""",
        },
        {
            "heading": "Alcohol: no known safe amount",
            "body": """\
There is **no known safe amount** of alcohol while you are pregnant. There is also no safe time
and no safe kind. Wine and beer are not safer than other drinks.

Alcohol can cause fetal alcohol spectrum disorders (FASDs). These last for the child’s whole life.
""",
        },
        {
            "heading": "Alcohol withdrawal needs a hospital",
            "body": """\
If you drink every day or drink a lot, do not stop on your own. Stopping suddenly can cause
withdrawal, and it can be very dangerous in pregnancy.

When you are pregnant, withdrawal care should be in a **hospital or inpatient setting**. It should
never be done at home. There, staff can watch you and your baby closely.

The risks of alcohol withdrawal in pregnancy include:

- falls and seizures;
- stress on the baby;
- the placenta pulling away from the womb;
- labor that starts too early;
- losing the baby.

No studies show that withdrawal at home is safe in pregnancy. Doctors may give medicine for the
withdrawal. Its small risks are much lower than the risks of bad withdrawal or more drinking.
""",
        },
        {
            "heading": "Getting in faster",
            "body": """\
Many programs get federal grant money. By law, these programs must give **priority** to
pregnant women who ask for care. That means they get in ahead of others.

- When you call, say that you are pregnant.
- If a program has no room, it must send you to the state.
- The state must then find a program with room, or give you other help within 48 hours while you
  wait.

A 2024 federal rule also asks methadone clinics to give pregnant people priority. Many states have
their own laws as well.

To find a program, call the SAMHSA National Helpline at [[samhsa]]. It is free and confidential.
""",
        },
    ],
    "sources": _SOURCES,
}

PAGE_ES: dict[str, Any] = {
    "slug": "pregnancy",
    "title": "Embarazo y consumo de sustancias",
    "summary": (
        "Si está embarazada y consume opioides, alcohol u otras drogas, hay ayuda. "
        "Una buena atención protege su salud y la de su bebé, y usted puede entrar más rápido."
    ),
    "reviewed_on": "2026-12-03",
    "levels": _LEVELS,
    "sections": [
        {
            "heading": "Busque atención pronto",
            "body": """\
Cuéntele a su médico o partera del embarazo si consume alcohol o drogas, lo antes posible. Los
expertos dicen que a toda persona embarazada se le debe preguntar. La atención funciona mejor
cuando su equipo trabaja unido para ayudarle a usted y a su familia, no para castigarla.

Quizás le preocupe lo que pase si lo cuenta. Las reglas sobre los reportes cambian según el
estado; un profesional de atención prenatal o de adicciones puede explicárselas.
""",
        },
        {
            "heading": "Opioides: medicamento, no desintoxicación",
            "body": """\
Si está embarazada y tiene un problema con los opioides, la atención recomendada es un
medicamento: buprenorfina o metadona. Los expertos dicen que es mejor que pasar por los síntomas
de abstinencia para dejarlos (la “desintoxicación”).

El medicamento ayuda de muchas maneras:

- Es más probable que usted vaya a sus citas prenatales.
- Hay menos problemas en el embarazo.
- A los bebés les va mejor.

La desintoxicación es adecuada solo para pocas personas. Si usted la elige, debe ser una decisión
informada y suya. Debe dirigirla un médico con experiencia en adicciones durante el embarazo, con
seguimiento por mucho tiempo después.

Lea más sobre los [medicamentos para tratar el consumo de opioides](/medications/).
""",
        },
        {
            "heading": "No deje los opioides de golpe",
            "body": """\
No deje los opioides de golpe durante el embarazo. Esto incluye la buprenorfina y la metadona.
Hable con su médico antes de cambiar algo.

Si los deja y luego vuelve a consumir, su cuerpo quizás ya no tolere la cantidad de antes. Eso
aumenta el riesgo de una sobredosis. Conozca las señales y cómo usar la naloxona en nuestra
[página sobre sobredosis](/overdose/).
""",
        },
        {
            "heading": "Si su bebé tiene síntomas de abstinencia",
            "body": """\
Un bebé expuesto a opioides antes de nacer puede tener síntomas de abstinencia después del parto.
Esto se llama síndrome de abstinencia neonatal por opioides (NOWS, por sus siglas en inglés).
También se le dice NAS.

- El NOWS es **esperable** y **tiene tratamiento**.
- Los estudios no han encontrado que cause mucho daño a cómo el niño aprende y piensa.
- Tratar a la madre con metadona o buprenorfina ayuda a que a estos bebés les vaya mejor.

El NOWS **no** es una razón para dejar su medicamento.
""",
        },
        {
            "heading": "Lo que ayuda a su bebé",
            "body": """\
Cuidados sencillos ayudan mucho a un bebé con NOWS:

- Alojamiento conjunto: su bebé se queda en la habitación con usted.
- Darle el pecho.
- Contacto piel con piel: tener a su bebé sobre su pecho desnudo.
- Envolver a su bebé bien en una mantita.
- Un cuarto tranquilo con poca luz.
- Medicamento para el bebé cuando haga falta.

Los médicos deben ofrecerle el alojamiento conjunto, la lactancia y el contacto piel con piel.
Pregunte a su equipo de salud por cada uno antes del parto.
""",
        },
        {
            "heading": "Alcohol: no se conoce una cantidad segura",
            "body": """\
**No se conoce ninguna cantidad segura** de alcohol durante el embarazo. Tampoco hay un momento
seguro ni un tipo de bebida seguro. El vino y la cerveza no son más seguros que otras bebidas.

El alcohol puede causar trastornos del espectro alcohólico fetal (TEAF). Duran toda la vida del
niño.
""",
        },
        {
            "heading": "Los síntomas de abstinencia del alcohol se tratan en el hospital",
            "body": """\
Si toma alcohol todos los días o toma mucho, no lo deje por su cuenta. Dejarlo de golpe puede
causar síntomas de abstinencia, y en el embarazo pueden ser muy peligrosos.

Durante el embarazo, los síntomas de abstinencia se deben tratar **en un hospital o con
internación**. Nunca en casa. Allí el personal puede vigilar de cerca su salud y la de su bebé.

Los riesgos de los síntomas de abstinencia del alcohol en el embarazo incluyen:

- caídas y convulsiones;
- sufrimiento del bebé;
- que la placenta se despegue del útero;
- un parto que empieza antes de tiempo;
- la pérdida del bebé.

Ningún estudio muestra que tratarlos en casa sea seguro durante el embarazo. Los médicos pueden
darle medicamentos para los síntomas de abstinencia. Sus pequeños riesgos son mucho menores que los
de unos síntomas graves o de seguir tomando.
""",
        },
        {
            "heading": "Cómo entrar más rápido",
            "body": """\
Muchos programas reciben dinero de una subvención federal. Por ley, estos programas deben dar
**prioridad** a las mujeres embarazadas que piden tratamiento. Es decir, entran antes que otras
personas.

- Cuando llame, diga que está embarazada.
- Si un programa no tiene lugar, debe remitirla al estado.
- El estado debe entonces encontrarle un programa con lugar, o darle otra ayuda en un plazo de
  48 horas mientras espera.

Una regla federal de 2024 también pide a las clínicas de metadona que den prioridad a las personas
embarazadas. Muchos estados tienen además sus propias leyes.

Para encontrar un programa, llame a la Línea Nacional de Ayuda de SAMHSA al [[samhsa]]. Es
gratis y confidencial, y atiende en español.
""",
        },
    ],
    "sources": _SOURCES,
}
