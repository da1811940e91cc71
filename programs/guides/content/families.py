"""For families: support groups, CRAFT, talking and words, self-care, and confidentiality.

Facts from ../shared/CONTENT-PAGES.md §5 (the Lifeline for family members, from CONTENT.md).
"""

from __future__ import annotations

from typing import Any

_SOURCES = [
    (
        "Al-Anon district pages (lanclebalanon.org; alanonrichmond.org); Granby Drummer (2020), "
        "citing Al-Anon, for the meeting line"
    ),
    "Nar-Anon Family Groups, “United States” page (nar-anon.org); “Nar-Anon,” Wikipedia",
    (
        "SMART Recovery, “How to Help a Loved One Find Addiction Recovery” (blog); SMART "
        "Recovery UK, Family & Friends page"
    ),
    "Rutgers Center of Alcohol & Substance Use Studies, “Families of Persons in Recovery”",
    "Meyers & Smith, Journal of Substance Abuse Treatment (1997)",
    (
        "Miller, Meyers & Tonigan, Journal of Consulting and Clinical Psychology "
        "1999;67:688-697 (PubMed 10535235)"
    ),
    "Meyers et al., Journal of Substance Abuse 1999;10:291-308",
    "SAMHSA “How to help” guidance, as reproduced by CDAC; Seneca Health Services",
    (
        "NIDA, “Words Matter: Terms to Use and Avoid When Talking About Addiction”; ONDCP "
        "terms, via Shatterproof"
    ),
    "Suicide & Crisis Lifeline, official website",
    (
        "42 CFR Part 2 patient notice (Native Health Phoenix); 42 CFR § 2.13; SAMHSA, COVID-19 "
        "guidance on 42 CFR Part 2 (2020)"
    ),
    "SAMHSA, “Substance Use Confidentiality Regulations” FAQs; LegalClarity, on consent forms",
    (
        "HHS HIPAA rules on sharing with family, as summarized by Holland & Hart (2016) and "
        "TeachPrivacy"
    ),
    "Caregiver guides on HIPAA (hipaaforcaregivers.org)",
    (
        "Federal Register, 89 FR 12472 (February 16, 2024), 42 CFR Part 2 final rule; Shipman & "
        "Goodwin (2024); Hancock Estabrook (2024)"
    ),
]

_LEVELS = ["inpatient", "residential", "php", "iop", "outpatient"]

PAGE: dict[str, Any] = {
    "slug": "families",
    "title": "For families and friends",
    "summary": (
        "When someone you love drinks or uses drugs, you can help, even before they are ready. "
        "You also deserve support for yourself."
    ),
    "reviewed_on": "2026-12-03",
    "levels": _LEVELS,
    "sections": [
        {
            "heading": "Support groups for you",
            "body": """\
These groups are free. They are for you, the family member or friend. They help you whether or
not your loved one gets help.

- **Al-Anon** is for family and friends of someone with a drinking problem. It has helped people
  since 1951. **Alateen** is for young people. Meetings are in person, online and by phone. To
  find a meeting, call [[alanon]] or visit al-anon.org.
- **Nar-Anon** is for people hurt by someone else’s drug use. **Narateen** is for teens. Find
  meetings at nar-anon.org.
- **SMART Recovery Family & Friends** uses tools based on science, not the 12 steps. It teaches
  CRAFT skills (see below). It has weekly online meetings and a message board.

Al-Anon and Nar-Anon follow 12 steps. They support you. To help a loved one start treatment,
CRAFT has the strongest evidence.

If your loved one is a teen, read our page for [teens](/teens/).
""",
        },
        {
            "heading": "CRAFT: help when they say no",
            "body": """\
You do not have to wait until your loved one is ready. CRAFT stands for Community Reinforcement
and Family Training. It is counseling for you, when someone you love refuses treatment. It
usually takes about 12 sessions.

CRAFT has three goals:

1. Help your loved one start treatment.
2. Help them use less.
3. Help you feel better and live a fuller life.

In CRAFT, you learn to:

- talk in a kind, positive way, instead of nagging or threatening;
- reward the times they are sober;
- stop shielding them from the natural results of their use;
- keep yourself safe;
- suggest treatment at the right moment.

Ask a counselor if they are trained in CRAFT.
""",
        },
        {
            "heading": "What the research shows",
            "body": """\
One study followed 130 family members of people with a drinking problem. Each family member got
one of three kinds of help. Here is how many loved ones started treatment:

- **64%** with CRAFT;
- 30% with a surprise confrontation, a style of “intervention”;
- 13% with help to go to Al-Anon.

So CRAFT helped about twice as many people start treatment as confrontation did. Most often,
the loved one started after 4 to 6 sessions. In the confrontation group, 70% of families chose
not to go through with it. Family members felt better in all three groups.

In another study, with people who used drugs, **74%** of CRAFT families got their loved one into
treatment within 6 months. The family members also felt less sad, worried and angry.
""",
        },
        {
            "heading": "How to talk with your loved one",
            "body": """\
- Pick a private, calm time, when they are sober. Do not try during a fight.
- Say clearly why you are worried. Use “I” words, such as “I’ve been worried about you.”
- Listen without judging.
- Tell them treatment works, and offer to help find it.
- Be patient, and keep offering.

Medicine helps many people with an opioid or alcohol problem. Read about
[medicines](/medications/). The SAMHSA National Helpline, [[samhsa]], can help you find a
program. It is free and confidential.
""",
        },
        {
            "heading": "Words that help",
            "body": """\
The words we use matter. Hurtful labels make people less likely to seek help.

Put the person first. Say “a person with a substance use disorder.” Do not say “addict” or
“abuser.” Do not call a person or a test “clean” or “dirty.”
""",
        },
        {
            "heading": "Take care of yourself",
            "body": """\
Loving someone who drinks or uses drugs is hard. Stress, sadness and worry are common. Getting
support helps you, whether or not your loved one changes. A group or a counselor can help.

If you are in crisis yourself, call or text [[lifeline]], or chat at [[lifeline.chat]]. In
Spanish, call [[lifeline_es]] or text [[lifeline_es.code]] to [[lifeline_es.text]]. The Lifeline
is for family members too, any time, day or night.

If your loved one uses opioids, learn the signs of an overdose and keep naloxone at home. See our
[overdose page](/overdose/).
""",
        },
        {
            "heading": "What a program can and cannot tell you",
            "body": """\
Most addiction treatment programs follow a federal privacy rule called **42 CFR Part 2**. It is
stricter than the usual rules for medical care.

Without your loved one’s **written consent**, the program usually cannot tell you anything about
them. It cannot even say whether they are a patient there.

There are a few exceptions, such as:

- a real medical emergency (the program can tell medical staff);
- a special court order;
- reports of suspected child abuse;
- a crime at the program;
- audits and research.

Your loved one can sign a consent form that names you. They can also take it back at any time.

**A 2024 update, in plain words.** Programs must follow the new rule by February 16, 2026.

- A patient can now sign **one** consent for all future sharing for treatment, for payment and
  for the everyday running of health care.
- Treatment records still cannot be used against the patient in a court case or an agency
  hearing. That needs the patient’s consent or a court order.
""",
        },
        {
            "heading": "Other clinicians, and what you can tell them",
            "body": """\
Doctors and hospitals outside these programs follow the usual medical privacy rule, HIPAA. It
lets a clinician share what matters with family who help with care, unless the patient says no.
If the patient cannot decide, for example if they are unconscious, the clinician may share what
is best for the patient.

You can always **give** information. Privacy rules limit what clinicians share. They do not
limit what you tell them. If you have seen something that worries you, tell your loved one’s
clinician.
""",
        },
    ],
    "sources": _SOURCES,
}

PAGE_ES: dict[str, Any] = {
    "slug": "families",
    "title": "Para familiares y amigos",
    "summary": (
        "Cuando alguien a quien usted quiere bebe alcohol o consume drogas, usted puede ayudar, "
        "incluso antes de que esa persona esté lista. Usted también merece apoyo."
    ),
    "reviewed_on": "2026-12-03",
    "levels": _LEVELS,
    "sections": [
        {
            "heading": "Grupos de apoyo para usted",
            "body": """\
Estos grupos son gratuitos. Son para usted, el familiar o amigo. Le ayudan tanto si su ser querido
busca ayuda como si no.

- **Al-Anon** es para familiares y amigos de alguien con un problema con el alcohol. Ayuda a las
  personas desde 1951. **Alateen** es para jóvenes. Hay reuniones en persona, en línea y por
  teléfono. Para encontrar una reunión, llame al [[alanon]] o visite al-anon.org.
- **Nar-Anon** es para personas afectadas por el consumo de drogas de otra persona. **Narateen**
  es para adolescentes. Encuentre reuniones en nar-anon.org.
- **SMART Recovery Family & Friends** usa herramientas basadas en la ciencia, no en los 12 pasos.
  Enseña las técnicas de CRAFT (vea más abajo). Tiene reuniones semanales en línea y un foro de
  mensajes.

Al-Anon y Nar-Anon siguen los 12 pasos. Son un apoyo para usted. Para ayudar a un ser querido a
empezar un tratamiento, CRAFT es lo que tiene más evidencia.

Si su ser querido es adolescente, lea nuestra página para [adolescentes](/teens/).
""",
        },
        {
            "heading": "CRAFT: ayuda cuando dice que no",
            "body": """\
No tiene que esperar a que su ser querido esté listo. CRAFT significa, en inglés, Refuerzo
Comunitario y Entrenamiento Familiar. Es orientación para usted cuando alguien a quien quiere
rechaza el tratamiento. Suele durar unas 12 sesiones.

CRAFT tiene tres metas:

1. Ayudar a su ser querido a empezar un tratamiento.
2. Ayudarle a consumir menos.
3. Ayudarle a usted a sentirse mejor y a vivir una vida más plena.

En CRAFT usted aprende a:

- hablar de forma amable y positiva, en lugar de regañar o amenazar;
- premiar los momentos en que no consume;
- dejar de evitarle las consecuencias naturales de su consumo;
- mantenerse a salvo;
- sugerir el tratamiento en el momento adecuado.

Pregunte a un consejero si tiene capacitación en CRAFT.
""",
        },
        {
            "heading": "Lo que muestran los estudios",
            "body": """\
Un estudio siguió a 130 familiares de personas con un problema con el alcohol. Cada familiar
recibió uno de tres tipos de ayuda. Esta es la cantidad de seres queridos que empezaron un
tratamiento:

- **64 %** con CRAFT;
- 30 % con una confrontación por sorpresa, un tipo de “intervención”;
- 13 % con ayuda para ir a Al-Anon.

Es decir, CRAFT ayudó a empezar un tratamiento a casi el doble de personas que la confrontación.
Casi siempre, el ser querido empezó después de 4 a 6 sesiones. En el grupo de confrontación, el
70 % de las familias decidió no llevarla a cabo. Los familiares se sintieron mejor en los tres
grupos.

En otro estudio, con personas que consumían drogas, el **74 %** de las familias en CRAFT logró que
su ser querido empezara un tratamiento en un plazo de 6 meses. Los familiares también sintieron
menos tristeza, preocupación y enojo.
""",
        },
        {
            "heading": "Cómo hablar con su ser querido",
            "body": """\
- Elija un momento privado y tranquilo, cuando no haya consumido. No lo intente durante una pelea.
- Diga con claridad qué le preocupa. Hable desde el “yo”, por ejemplo: “Me preocupa lo que
  veo”.
- Escuche sin juzgar.
- Dígale que el tratamiento funciona y ofrézcase a ayudar a buscarlo.
- Tenga paciencia y siga ofreciendo su ayuda.

Los medicamentos ayudan a muchas personas con un problema con los opioides o el alcohol. Lea sobre
los [medicamentos para tratar el consumo de opioides y de alcohol](/medications/). La Línea
Nacional de Ayuda de SAMHSA, [[samhsa]], puede ayudarle a encontrar un programa. Es gratis y
confidencial, y atiende en español.
""",
        },
        {
            "heading": "Palabras que ayudan",
            "body": """\
Las palabras importan. Las etiquetas que hieren hacen que las personas busquen ayuda con menos
frecuencia.

Ponga primero a la persona. Diga “una persona con un trastorno por consumo de sustancias”. No diga
“adicto” ni “abusador”. No diga que una persona o una prueba está “limpia” o “sucia”.
""",
        },
        {
            "heading": "Cuídese usted también",
            "body": """\
Querer a alguien que bebe o consume drogas es difícil. El estrés, la tristeza y la preocupación son
comunes. Recibir apoyo le ayuda, cambie o no su ser querido. Un grupo o un consejero pueden
ayudarle.

Si usted está en crisis, llame o envíe un mensaje de texto al [[lifeline]], o chatee en
[[lifeline.chat]]. Para hablar en español, llame al [[lifeline_es]] o envíe la palabra
[[lifeline_es.code]] por mensaje de texto al [[lifeline_es.text]]. La Línea también es para
familiares, a cualquier hora del día o de la noche.

Si su ser querido consume opioides, aprenda las señales de una sobredosis y tenga naloxona en casa.
Vea nuestra [página sobre sobredosis](/overdose/).
""",
        },
        {
            "heading": "Lo que un programa puede decirle y lo que no",
            "body": """\
La mayoría de los programas de tratamiento de adicciones siguen una regla federal de privacidad
llamada **42 CFR Parte 2**. Es más estricta que las reglas habituales de la atención médica.

Sin el **consentimiento por escrito** de su ser querido, por lo general el programa no puede
decirle nada sobre esa persona. Ni siquiera puede decir si es paciente allí.

Hay algunas excepciones, como:

- una verdadera emergencia médica (el programa puede informar al personal médico);
- una orden judicial especial;
- los reportes de sospecha de abuso infantil;
- un delito en el programa;
- auditorías e investigaciones.

Su ser querido puede firmar un formulario de consentimiento que incluya el nombre de usted.
También puede retirarlo en cualquier momento.

**Una actualización de 2024, en palabras sencillas.** Los programas deben cumplir la nueva regla a
más tardar el 16 de febrero de 2026.

- Ahora un paciente puede firmar **un solo** consentimiento para todo lo que se comparta en el
  futuro para el tratamiento, para el pago y para el funcionamiento diario de la atención de
  salud.
- Los registros de tratamiento siguen sin poder usarse en contra del paciente en un juicio o en una
  audiencia ante una agencia del gobierno. Para eso hace falta el consentimiento del paciente o una
  orden judicial.
""",
        },
        {
            "heading": "Otros profesionales de la salud, y lo que usted puede contarles",
            "body": """\
Los médicos y hospitales fuera de estos programas siguen la regla habitual de privacidad médica,
HIPAA. Permite que un profesional de la salud comparta lo importante con los familiares que
ayudan en la atención, a menos que el paciente diga que no. Si el paciente no puede decidir,
por ejemplo si está inconsciente, el profesional puede compartir lo que sea mejor para el paciente.

Usted siempre puede **dar** información. Las reglas de privacidad limitan lo que comparten los
profesionales de la salud. No limitan lo que usted les cuenta. Si ha visto algo que le preocupa,
cuénteselo al médico de su ser querido.
""",
        },
    ],
    "sources": _SOURCES,
}
