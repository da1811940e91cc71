"""Paying for care: Medicaid, Marketplace plans, parity, Medicare IOP, no insurance,
prior approval and appeals.

Facts from ../shared/CONTENT-PAGES.md §8 and the insurance facts in ../shared/CONTENT.md.
The large-employer wording there is unverified and left out.
"""

from __future__ import annotations

from typing import Any

_SOURCES = [
    "MACPAC, “Substance Use Disorder” topic page; MACPAC June 2018 Report to Congress, Chapter 4",
    (
        "Georgetown University Center for Children and Families, brief on the Consolidated "
        "Appropriations Act, 2024 (May 2024)"
    ),
    (
        "American Society of Addiction Medicine, press release on the Consolidated "
        "Appropriations Act, 2024 (March 9, 2024)"
    ),
    (
        "HealthCare.gov, “Mental health and substance abuse coverage”; 45 CFR § 147.150 "
        "(essential health benefits)"
    ),
    "Paul Wellstone and Pete Domenici Mental Health Parity and Addiction Equity Act (2008)",
    (
        "Centers for Medicare & Medicaid Services, CY 2024 Hospital Outpatient Prospective "
        "Payment System final rule (intensive outpatient program benefit)"
    ),
    "SAMHSA National Helpline, frequently asked questions",
    "HHS, FindTreatment.gov launch statement",
    "Medicare Interactive, on HRSA-funded community health centers",
    (
        "Partnership to End Addiction and Legal Action Center, “Spotlight on Legislation "
        "Limiting the Use of Prior Authorization for SUD Services” (May 2020)"
    ),
    "HealthCare.gov, “Internal appeals” and “External review”",
]

PAGE: dict[str, Any] = {
    "slug": "paying-for-care",
    "title": "Paying for care",
    "summary": (
        "How Medicaid, Medicare and private health plans pay for addiction care. "
        "Where to turn if you have no insurance, and what to do if your plan says no."
    ),
    "reviewed_on": "2026-12-03",
    "levels": ["outpatient", "iop", "php", "residential", "inpatient"],
    "sections": [
        {
            "heading": "Medicaid",
            "body": """\
Medicaid in every state pays for some addiction treatment. How much it covers is different in each
state.

By federal law, every state’s Medicaid must cover all medicines the FDA has approved for opioid use
disorder. That includes methadone and buprenorphine, and the counseling that goes with them. This
rule is now permanent. (See [medications for opioid use](/medications/).)

Coverage of more intensive care varies a lot from state to state. Check your state’s Medicaid plan
for IOP, PHP and residential care.
""",
        },
        {
            "heading": "Marketplace and small business plans",
            "body": """\
This part is about plans you buy on HealthCare.gov or your state’s Marketplace. It is also about
most other plans you buy on your own, and most plans from small employers.

- They must cover mental health and substance use care. It is one of the “essential health
  benefits” every such plan must include.
- They cannot turn you down, or charge you more, because you had a drug or alcohol problem before
  you joined. That is a pre-existing condition.
- They cannot set a yearly or lifetime dollar limit on this care.

Having insurance does not mean every kind of care is covered. Just what is covered depends on your
state and your plan. Read your plan’s benefits, or call the number on your card.
""",
        },
        {
            "heading": "The parity law in plain words",
            "body": """\
A federal law from 2008 is called the parity law. It says that if your plan covers mental health
or substance use care, its rules for that care can be no stricter than for other medical care.

- Copays can be no higher.
- Limits on visits or days can be no tighter.
- Rules about getting approval first can be no harder.

Parity does **not** force a plan to cover addiction care, or any one level of care, such as
residential. It only says the rules must be fair if the plan does cover it.
""",
        },
        {
            "heading": "Medicare and IOP",
            "body": """\
Since January 1, 2024, Medicare Part B has covered intensive outpatient care (IOP).

- It is for 9 to 19 hours of care a week.
- A doctor must certify that you need this level of care.

Before you start, ask the program if it takes Medicare.
""",
        },
        {
            "heading": "If you have no insurance",
            "body": """\
You can still get care without insurance. Here is where to start.

- **SAMHSA National Helpline:** call [[samhsa]] (TTY [[samhsa.tty]]). It is free, confidential and
  open 24/7, in English and Spanish. It can help you find programs paid for by your state, or
  programs with a sliding fee. A sliding fee means you pay less if you earn less. The Helpline
  gives referrals, not counseling.
- **FindTreatment.gov:** the federal list of state-licensed programs. You can filter by how you
  will pay, such as a sliding fee.
- **Community health centers:** health centers funded by the federal government charge on a sliding
  fee. They cannot turn you away because you cannot pay. Some offer addiction care, so ask if they
  do.

You can also [search our program list](/programs/) for programs that take Medicaid or have a
sliding fee.
""",
        },
        {
            "heading": "Getting approval first",
            "body": """\
Many health plans want to approve some care before it starts. This is called prior approval, or
prior authorization.

- Expect your plan to ask for approval before PHP or residential care.
- The program usually handles this for you. Ask them to check with your plan before you start.
- Under the parity law, a plan cannot use prior approval for addiction care more strictly than for
  other medical care.
- Some states limit prior approval for addiction care even more.
""",
        },
        {
            "heading": "If your plan says no: how to appeal",
            "body": """\
A “no” from your plan does not have to be the last word. You have the right to appeal. These steps
are for private health plans. Medicaid and Medicare have their own steps, and your letter will
explain them.

1. **Read the letter.** When a plan says no, it must tell you in writing and say why. It must do
   this within 15 days when you asked for approval first, or within 72 hours if the care is urgent.
2. **Keep copies of everything.** Save every letter, every Explanation of Benefits, and every
   letter from your doctor.
3. **Ask for an internal appeal.** This asks your plan to look at its choice again. You must ask
   within 180 days of getting the letter that said no. Your doctor or program can send a letter
   about why you need the care.
4. **If the care is urgent, say so.** Then you can ask for an external review (step 5) at the same
   time as your internal appeal.
5. **Ask for an external review if the plan still says no.** A reviewer who does not work for the
   plan looks at the case. The plan must accept what the reviewer decides. This is for denials
   based on medical judgment.
6. **Watch the deadlines.** Deadlines for an external review can differ, so go by the date printed
   on your letter.

You do not have to do this alone. If your state has a Consumer Assistance Program, it can help you
appeal. It can even file the appeal for you.
""",
        },
    ],
    "sources": _SOURCES,
}

PAGE_ES: dict[str, Any] = {
    "slug": "paying-for-care",
    "title": "Cómo pagar el tratamiento",
    "summary": (
        "Cómo pagan Medicaid, Medicare y los planes de salud privados el tratamiento de "
        "adicciones. A dónde acudir si no tiene seguro y qué hacer si su plan dice que no."
    ),
    "reviewed_on": "2026-12-03",
    "levels": ["outpatient", "iop", "php", "residential", "inpatient"],
    "sections": [
        {
            "heading": "Medicaid",
            "body": """\
Medicaid paga parte del tratamiento de adicciones en todos los estados. Cuánto cubre cambia de un
estado a otro.

Por ley federal, Medicaid en cada estado debe cubrir todos los medicamentos aprobados por la FDA
para tratar el consumo de opioides. Eso incluye la metadona y la buprenorfina, y la terapia que los
acompaña. Esta regla ya es permanente. (Vea [medicamentos para tratar el consumo de
opioides](/medications/).)

La cobertura de la atención más intensiva cambia mucho de un estado a otro. Revise el plan de
Medicaid de su estado para saber si cubre IOP, PHP y atención residencial.
""",
        },
        {
            "heading": "Planes del Mercado y de pequeñas empresas",
            "body": """\
Esta parte trata de los planes que compra en CuidadoDeSalud.gov (HealthCare.gov) o en el Mercado de
Seguros Médicos de su estado. También trata de la mayoría de los demás planes que compra por su
cuenta y de la mayoría de los planes de empleadores pequeños.

- Deben cubrir la atención de salud mental y del consumo de sustancias. Es uno de los “beneficios
  de salud esenciales” que todos estos planes deben incluir.
- No pueden rechazarle ni cobrarle más porque tenía un problema con el alcohol o las drogas antes
  de inscribirse. Eso es una condición preexistente.
- No pueden poner un límite de dinero anual ni de por vida a esta atención.

Tener seguro no significa que cubra todo tipo de atención. Lo que cubre exactamente depende de su
estado y de su plan. Lea los beneficios de su plan o llame al número de su tarjeta.
""",
        },
        {
            "heading": "La ley de paridad en palabras sencillas",
            "body": """\
Una ley federal de 2008, la ley de paridad, dice lo siguiente: si su plan cubre la atención de
salud mental o del consumo de sustancias, sus reglas para esa atención no pueden ser más estrictas
que para el resto de la atención médica.

- Los copagos no pueden ser más altos.
- Los límites de visitas o de días no pueden ser más cortos.
- Las reglas para pedir aprobación previa no pueden ser más difíciles.

La paridad **no** obliga a un plan a cubrir el tratamiento de adicciones ni ningún nivel de
atención en particular, como el residencial. Solo dice que, si el plan lo cubre, las reglas deben
ser justas.
""",
        },
        {
            "heading": "Medicare e IOP",
            "body": """\
Desde el 1 de enero de 2024, la Parte B de Medicare cubre el tratamiento ambulatorio intensivo
(IOP).

- Es para 9 a 19 horas de atención por semana.
- Un médico debe certificar que usted necesita este nivel de atención.

Antes de empezar, pregunte al programa si acepta Medicare.
""",
        },
        {
            "heading": "Si no tiene seguro",
            "body": """\
Puede recibir tratamiento aunque no tenga seguro. Aquí le decimos por dónde empezar.

- **Línea Nacional de Ayuda de SAMHSA:** llame al [[samhsa]] (TTY [[samhsa.tty]]). Es gratis,
  confidencial y atiende las 24 horas, en inglés y en español. Le ayuda a encontrar programas
  pagados por su estado o programas con tarifa según sus ingresos (escala móvil). Con esa tarifa,
  usted paga menos si gana menos. La Línea da referencias, no terapia.
- **FindTreatment.gov:** la lista federal de programas con licencia del estado. Puede filtrar por
  forma de pago, por ejemplo, tarifa según ingresos.
- **Centros de salud comunitarios:** los centros de salud con fondos federales cobran según sus
  ingresos. No pueden negarle la atención porque usted no pueda pagar. Algunos ofrecen tratamiento
  de adicciones, así que pregunte si lo tienen.

También puede [buscar en nuestra lista de programas](/programs/) los que aceptan Medicaid o cobran
según los ingresos.
""",
        },
        {
            "heading": "Aprobación previa",
            "body": """\
Muchos planes de salud quieren aprobar cierta atención antes de que empiece. Esto se llama
aprobación previa o autorización previa.

- Es común que su plan pida aprobación antes de PHP o de atención residencial.
- Por lo general, el programa se encarga de esto. Pídale que lo consulte con su plan antes de
  empezar.
- Según la ley de paridad, un plan no puede usar la aprobación previa de forma más estricta para el
  tratamiento de adicciones que para el resto de la atención médica.
- Algunos estados ponen aún más límites a la aprobación previa para el tratamiento de adicciones.
""",
        },
        {
            "heading": "Si su plan dice que no: cómo apelar",
            "body": """\
Un “no” de su plan no tiene por qué ser la última palabra. Usted tiene derecho a apelar. Estos
pasos son para planes de salud privados. Medicaid y Medicare tienen sus propios pasos, y su carta
se los explicará.

1. **Lea la carta.** Cuando un plan dice que no, debe decírselo por escrito y explicar por qué.
   Debe hacerlo en un plazo de 15 días si usted pidió aprobación previa, o de 72 horas si la
   atención es urgente.
2. **Guarde copias de todo.** Guarde cada carta, cada Explicación de Beneficios y cada carta de su
   médico.
3. **Pida una apelación interna.** Así le pide a su plan que revise su decisión. Debe pedirla
   dentro de los 180 días después de recibir la carta que dijo que no. Su médico o el programa
   pueden enviar una carta que explique por qué necesita la atención.
4. **Si la atención es urgente, dígalo.** Entonces puede pedir una revisión externa (paso 5) al
   mismo tiempo que la apelación interna.
5. **Pida una revisión externa si el plan sigue diciendo que no.** Una persona que no trabaja para
   el plan revisa el caso. El plan debe aceptar lo que esa persona decida. Esto es para
   denegaciones basadas en criterios médicos.
6. **Fíjese en los plazos.** Los plazos para la revisión externa pueden variar, así que guíese por
   la fecha impresa en su carta.

No tiene que hacerlo sin ayuda. Si su estado tiene un Programa de Asistencia al Consumidor, este
puede ayudarle a apelar. Incluso puede presentar la apelación por usted.
""",
        },
    ],
    "sources": _SOURCES,
}
