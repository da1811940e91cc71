"""Teens: how teen programs differ, approaches with evidence, medication, consent by state.

Facts from ../shared/CONTENT-PAGES.md §6 (teen IOP hours from CONTENT.md).
"""

from __future__ import annotations

from typing import Any

_SOURCES = [
    (
        "SAMHSA, TIP 47, Substance Abuse: Clinical Issues in Intensive Outpatient Treatment, "
        "and its 2021 advisory"
    ),
    "Hogue & Liddle, Journal of Family Therapy (2009) (PMC2989619)",
    (
        "NIDA, Principles of Adolescent Substance Use Disorder Treatment: A Research-Based "
        "Guide (2014)"
    ),
    (
        "Horigian, Anderson & Szapocznik, Child and Adolescent Psychiatric Clinics of North "
        "America (2016) (PMC6986353); Arizona State University CABHP webinar on family-based "
        "treatment"
    ),
    "Waldron & Turner, Journal of Clinical Child & Adolescent Psychology (2008)",
    (
        "American Academy of Pediatrics, policy statement on medication-assisted treatment of "
        "adolescents with opioid use disorders, Levy et al., Pediatrics 2016;138(3):e20161893; "
        "HealthyChildren.org news (2016); AAP News (2016)"
    ),
    (
        "Society for Adolescent Health and Medicine, position paper on medication for "
        "adolescents and young adults with opioid use disorder, Hadland et al., Journal of "
        "Adolescent Health (2021) (PMC7902443)"
    ),
    "Providers Clinical Support System (PCSS, SAMHSA-funded), FAQ on treating adolescents (2019)",
    "SAMHSA, 42 CFR Part 8 Final Rule, Table of Changes (2024)",
    "Robinson & Wilson, Pediatrics 2020 supplement (PMC7880138)",
    "DEA, “One Pill Can Kill” (fake pills); Partnership to End Addiction (drugfree.org)",
    (
        "AMA Journal of Ethics (Virtual Mentor), on minors’ consent to treatment (2005); "
        "Guttmacher Institute summary of state laws; a California example (JD Supra)"
    ),
    (
        "George Washington University, Health Information & the Law, “Complete Overview of "
        "42 CFR Part 2: Special Consent Circumstances”"
    ),
]

_LEVELS = ["iop", "php", "residential", "outpatient"]

PAGE: dict[str, Any] = {
    "slug": "teens",
    "title": "Teens and substance use treatment",
    "summary": (
        "Treatment for teens is not the same as treatment for adults. "
        "Here is what good teen care looks like, and what to ask."
    ),
    "reviewed_on": "2026-12-03",
    "levels": _LEVELS,
    "sections": [
        {
            "heading": "How teen programs differ",
            "body": """\
Teen programs are built around the whole family.

- **Family comes first.** Family-based care is the most studied kind of treatment for teens.
  Experts say parents or other caregivers should take part.
- **School, friends and mental health.** A good program works on all of these at the same time.
- **Care after the program.** It helps a teen stay on track. This can include recovery support,
  such as a recovery high school.

A teen intensive outpatient program (IOP) gives 6 or more hours of care a week.
""",
        },
        {
            "heading": "Approaches with good evidence",
            "body": """\
Some kinds of treatment have been studied well in teens.

**Working with the teen:** the Adolescent Community Reinforcement Approach (A-CRA). It helps a
teen swap the people and habits tied to drug use for healthy rewards. These come from family,
friends and school.

**Working with the family:**

- Multidimensional Family Therapy (MDFT)
- Functional Family Therapy (FFT)
- Brief Strategic Family Therapy (BSFT)
- Multisystemic Therapy (MST)
- Family Behavior Therapy

A large review found that MDFT, FFT and group CBT (cognitive behavioral therapy) are
“well-established” for teens. No one approach was clearly the best. Ask a program which approach
it uses.
""",
        },
        {
            "heading": "Group therapy needs trained leaders",
            "body": """\
Groups can help teens. But in a group, teens can steer the talk toward making drug use sound fun
or cool. That can do harm.

So groups need trained leaders. The leaders should follow a tested plan for each session. Ask who
leads the groups and how they were trained.
""",
        },
        {
            "heading": "Medicine for older teens",
            "body": """\
Older teens with a serious opioid problem can get medicine, as adults can.

- The American Academy of Pediatrics says doctors should think about offering medicine to teens
  and young adults with severe opioid use disorder. Or they should send them to someone who can.
- The Society for Adolescent Health and Medicine says medicine should be offered to teens and
  young adults.

Age limits:

- **Buprenorphine** is approved for ages 16 and up.
- **Extended-release naltrexone** (a shot once a month) is approved for ages 18 and up.
- **Methadone** clinics that take teens under 18 are rare. An old federal rule said a teen had to
  fail treatment twice before starting methadone. That rule was removed in 2024.

Read more about [medicines for opioid use](/medications/).
""",
        },
        {
            "heading": "Naloxone and fake pills",
            "body": """\
Fake pills are sold on social media. They can look like real pills but contain fentanyl, a very
strong opioid. This makes them easy for teens to get.

Teens who use opioids, and their families, should learn how to spot an overdose and how to use
naloxone. Naloxone is a medicine that can reverse an opioid overdose. Keep it at home. Learn more
on our [overdose page](/overdose/).
""",
        },
        {
            "heading": "Consent and privacy differ by state",
            "body": """\
Rules about parents’ consent and what parents are told differ by state. Ask the program how it
works where you live.

State law decides:

- if a teen can agree to treatment without a parent. Many states allow this from age 12. Some
  states need a parent to agree.
- if parents can be told about the treatment.

Federal health privacy rules (HIPAA) follow state law on this.

Many addiction programs follow a stricter federal privacy rule, called 42 CFR Part 2. Under it,
if your state lets a teen get treatment on their own, **only the teen** can agree to share their
records. That includes sharing with parents.
""",
        },
        {
            "heading": "Questions to ask a teen program",
            "body": """\
1. How are parents and family involved?
2. Which treatment approach do you use?
3. Who leads the groups, and how are they trained?
4. Do you treat mental health problems too?
5. How do you work with my teen’s school?
6. Do you offer medicine for opioid use, or refer for it?
7. What will you tell parents, and what stays private?
8. What help is there after the program ends?
""",
        },
    ],
    "sources": _SOURCES,
}

PAGE_ES: dict[str, Any] = {
    "slug": "teens",
    "title": "Adolescentes y el tratamiento del consumo de sustancias",
    "summary": (
        "El tratamiento para adolescentes no es igual al de los adultos. "
        "Aquí verá cómo es una buena atención para adolescentes y qué preguntar."
    ),
    "reviewed_on": "2026-12-03",
    "levels": _LEVELS,
    "sections": [
        {
            "heading": "En qué se diferencian los programas para adolescentes",
            "body": """\
Los programas para adolescentes giran en torno a toda la familia.

- **La familia es lo primero.** La atención basada en la familia es el tipo de tratamiento más
  estudiado en adolescentes. Los expertos dicen que los padres u otras personas a cargo deben
  participar.
- **Escuela, amistades y salud mental.** Un buen programa trabaja en todo esto a la vez.
- **Atención después del programa.** Ayuda al adolescente a seguir por buen camino. Puede incluir
  apoyo para la recuperación, como una escuela secundaria de recuperación.

Un programa intensivo ambulatorio (IOP) para adolescentes ofrece 6 horas o más de atención por
semana.
""",
        },
        {
            "heading": "Enfoques con buena evidencia",
            "body": """\
Algunos tipos de tratamiento se han estudiado bien en adolescentes.

**Con el adolescente:** el Enfoque de Reforzamiento Comunitario para Adolescentes (A-CRA, por sus
siglas en inglés). Ayuda al adolescente a cambiar las personas y los hábitos ligados al consumo
por recompensas sanas. Estas vienen de la familia, las amistades y la escuela.

**Con la familia:**

- Terapia Familiar Multidimensional (MDFT)
- Terapia Familiar Funcional (FFT)
- Terapia Familiar Breve Estratégica (BSFT)
- Terapia Multisistémica (MST)
- Terapia Conductual Familiar

Una gran revisión encontró que la MDFT, la FFT y la terapia cognitivo-conductual (TCC) en grupo
están “bien establecidas” para adolescentes. Ningún enfoque fue claramente el mejor. Pregunte al
programa qué enfoque usa.
""",
        },
        {
            "heading": "La terapia de grupo necesita líderes capacitados",
            "body": """\
Los grupos pueden ayudar a los adolescentes. Pero en un grupo, los adolescentes pueden llevar la
conversación a hacer que el consumo parezca divertido o atractivo. Eso puede hacer daño.

Por eso los grupos necesitan líderes capacitados. Deben seguir un plan probado en cada sesión.
Pregunte quién dirige los grupos y qué capacitación tiene.
""",
        },
        {
            "heading": "Medicamentos para adolescentes mayores",
            "body": """\
Los adolescentes mayores con un problema grave con los opioides pueden recibir medicamentos, igual
que los adultos.

- La Academia Estadounidense de Pediatría dice que los médicos deben considerar ofrecer
  medicamentos a adolescentes y adultos jóvenes con un trastorno grave por consumo de opioides. O
  deben remitirlos a alguien que pueda hacerlo.
- La Sociedad de Salud y Medicina del Adolescente dice que se deben ofrecer medicamentos a
  adolescentes y adultos jóvenes.

Límites de edad:

- La **buprenorfina** está aprobada desde los 16 años.
- La **naltrexona de liberación prolongada** (una inyección al mes) está aprobada desde los 18
  años.
- Las clínicas de **metadona** que aceptan a menores de 18 años son pocas. Una antigua regla
  federal exigía que un adolescente fallara dos veces en tratamiento antes de empezar con
  metadona. Esa regla se eliminó en 2024.

Lea más sobre los [medicamentos para tratar el consumo de opioides](/medications/).
""",
        },
        {
            "heading": "Naloxona y pastillas falsas",
            "body": """\
En las redes sociales se venden pastillas falsas. Pueden parecer reales, pero contienen fentanilo,
un opioide muy fuerte. Por eso a los adolescentes les resulta fácil conseguirlas.

Los adolescentes que consumen opioides, y sus familias, deben aprender a reconocer una sobredosis y
a usar la naloxona. La naloxona es un medicamento que puede revertir una sobredosis de opioides.
Tenga naloxona en casa. Lea más en nuestra [página sobre sobredosis](/overdose/).
""",
        },
        {
            "heading": "El consentimiento y la privacidad cambian según el estado",
            "body": """\
Las reglas sobre el consentimiento de los padres y lo que se les informa cambian según el estado.
Pregunte al programa cómo funciona donde usted vive.

La ley del estado decide:

- si un adolescente puede aceptar el tratamiento sin uno de sus padres. Muchos estados lo permiten
  desde los 12 años. Otros exigen que uno de los padres esté de acuerdo.
- si se puede informar a los padres sobre el tratamiento.

Las reglas federales de privacidad de la salud (HIPAA) siguen la ley del estado en esto.

Muchos programas de adicciones siguen una regla federal de privacidad más estricta, llamada
42 CFR Parte 2. Según esta regla, si su estado permite que un adolescente reciba tratamiento por
su cuenta, **solo el adolescente** puede aceptar que se compartan sus registros. Esto incluye
compartirlos con los padres.
""",
        },
        {
            "heading": "Preguntas para un programa para adolescentes",
            "body": """\
1. ¿Cómo participan los padres y la familia?
2. ¿Qué enfoque de tratamiento usan?
3. ¿Quién dirige los grupos y qué capacitación tiene?
4. ¿También tratan problemas de salud mental?
5. ¿Cómo trabajan con la escuela de mi hijo o hija?
6. ¿Ofrecen medicamentos para tratar el consumo de opioides, o remiten a quien los ofrezca?
7. ¿Qué les dirán a los padres y qué se mantendrá en privado?
8. ¿Qué ayuda hay cuando termina el programa?
""",
        },
    ],
    "sources": _SOURCES,
}
