"""Medicines for opioid and alcohol use (CONTENT-PAGES.md §2, §3 and §9).

Pure data: the data migration imports this module. Phone numbers are helpline tokens.
"""

from __future__ import annotations

from typing import Any

PAGE: dict[str, Any] = {
    "slug": "medications",
    "title": "Medicines for opioid and alcohol use",
    "summary": (
        "Medicines can treat opioid and alcohol use, and some save lives. "
        "Here is what each one does, how to get it, and what to ask a program."
    ),
    "reviewed_on": "2026-12-03",
    "levels": ["inpatient", "residential", "php", "iop", "outpatient"],
    "sections": [
        {
            "heading": "Three medicines for opioid use",
            "body": """\
The FDA has approved three medicines for opioid use disorder:

- **Methadone.**
- **Buprenorphine.**
- **Naltrexone.** For opioids, it is a shot called Vivitrol.

Experts say medicine should be considered for everyone with opioid use disorder. You should
hear the benefits and risks of each choice. That includes treatment without medicine,
and no treatment. You should also be told where to get it.
""",
        },
        {
            "heading": "Methadone",
            "body": """\
For opioid use disorder, you can get methadone **only at opioid treatment programs**.
People often call them "methadone clinics." They are licensed by the state and checked
by the federal government. They are the only places that can offer all three medicines.

At first, you usually take your dose at the clinic. New federal rules in 2024 changed
some things:

- Clinics may give some doses to take home from the first week, with safety steps.
- You no longer need to have been addicted for a year before you can start.
- Teens under 18 no longer have to fail treatment twice first.
- You can get the medicine even if you do not go to counseling.
- The rule supports putting pregnant people first.
""",
        },
        {
            "heading": "Buprenorphine",
            "body": """\
A law passed at the end of 2022 ended the old special license, called the "X-waiver."
Since 2023, any clinician with a DEA registration can prescribe buprenorphine for opioid
use disorder, if state law allows. The limit on how many patients a clinician can treat
has ended too.

- A family doctor, nurse practitioner or physician assistant may prescribe it.
- Start by asking your own clinician.
- It also comes as a monthly shot.

To find treatment near you, use FindTreatment.gov or call the SAMHSA Helpline at [[samhsa]].
""",
        },
        {
            "heading": "Naltrexone shot",
            "body": """\
Extended-release naltrexone (Vivitrol) is a shot given in a clinic every 3 to 4 weeks.
It blocks the effects of opioids. It is not an opioid.

- **You must be off opioids first.** This is usually 6 to 10 days. It takes longer after
  methadone or buprenorphine.
- If you start too soon, the shot causes sudden, severe withdrawal.
- After you stop or miss the shot, your tolerance is low. The risk of overdose is high.
  Carry naloxone. See [overdose and naloxone](/overdose/).
""",
        },
        {
            "heading": "These medicines save lives",
            "body": """\
Methadone and buprenorphine cut the risk of dying by about half. In 2019, the National
Academies said these medicines save lives.

- **A Massachusetts study** followed 17,568 people after an overdose. While they took
  methadone, their risk of dying from opioids was about 59% lower. While they took
  buprenorphine, it was about 38% lower. Few people got naltrexone, so its effect was
  not clear.
- **A national study** followed 40,885 people with insurance. Those who took
  buprenorphine or methadone had 76% fewer overdoses after 3 months. They had 59% fewer
  after a year.
- In that study, detox, a residential stay, an IOP or a PHP without these medicines did
  not lower overdoses. Neither did naltrexone.
""",
        },
        {
            "heading": "How long to take them",
            "body": """\
There is no set end date. Taking the medicine for a long time is normal. It is linked to
better results. Some people take it for years, or for life.

- Methadone and buprenorphine do not make you high at the right dose. They keep you
  steady. They ease craving and withdrawal.
- Taking them is not a new addiction. It is treatment, like medicine for any other
  health problem.
- Counseling helps many people. But no one should be denied medicine because they do
  not get counseling.
- If you want to stop, decide with your prescriber. Stop slowly. The risk of overdose is
  higher in the weeks after you stop.
""",
        },
        {
            "heading": "Programs and your rights",
            "body": """\
Many residential programs do not offer these medicines. In 2017, 6 in 10 offered none.
About 1 in 3 offered buprenorphine. Only 2 in 100 offered methadone.

Before you or a loved one starts a residential program or an IOP, ask:

- "Do you accept people on methadone or buprenorphine, and keep them on it?"
- "Can you start the medicine here?"

**Your rights.** The Americans with Disabilities Act (ADA) usually protects
people in treatment or recovery. That includes people who take a prescribed medicine
for opioid use, as long as they do not use drugs illegally now. For example, a nursing
home usually cannot turn you away just because you take it. The same goes for other
substance use disorders.

If you think you were turned away because of your medicine, you can contact the U.S.
Department of Justice at ada.gov.

Every state's Medicaid program must pay for all of these medicines, methadone too, and
for counseling. A 2024 law made this permanent.
""",
        },
        {
            "heading": "Medicines for alcohol use",
            "body": """\
The FDA has approved three medicines for alcohol use disorder. They do different things:

- **Naltrexone** is a daily pill or a monthly shot. It blocks the "reward" you feel from
  alcohol. It can help you drink less heavily and not go back to heavy drinking.
  Cravings may go down. You cannot take it with opioid pain pills, methadone or
  buprenorphine, because it blocks them.
- **Acamprosate** helps people who have already stopped drinking stay stopped. It works
  best when you start it after you stop drinking. The main caution is serious kidney
  disease.
- **Disulfiram** makes you very sick if you drink. You may flush, feel sick, throw up and
  have a fast heartbeat. Disulfiram does not lower craving. It only makes drinking unpleasant.
  It is for people who want to not drink at all, not for cutting down. It can be risky
  with heart or liver disease.

A review of 118 studies found that naltrexone and acamprosate both help. Experts call
them first choices.

These medicines are underused. In 2019, only 1.6% of adults with alcohol use disorder
got one. They can be used in a regular clinic or a family doctor's office. You can also
take them along with counseling or an IOP.

The **NIAAA Alcohol Treatment Navigator** (alcoholtreatment.niaaa.nih.gov) explains your
choices. It has 10 questions to ask a provider and 5 signs of good care. One sign is a
program that offers these medicines.

If you have alcohol withdrawal and also use opioids, both should be treated at the same
time.
""",
        },
        {
            "heading": "Stimulants: meth and cocaine",
            "body": """\
No medicine is approved by the FDA for meth or cocaine use disorder. Doctors sometimes
try other medicines for it. Talk with an addiction specialist about this.

The treatment that works best is **contingency management**. Experts call it the
standard of care.

- You get small rewards, like vouchers or prizes, for reaching goals.
- A goal may be a drug-free urine test or showing up for a visit.
- It can be used with counseling.
- It is underused. Medicaid pays for it in only a few states.
- Ask a program: "Do you offer contingency management?"

Fentanyl is often mixed into meth and cocaine. So people who use them should carry
naloxone too. Naloxone reverses the fentanyl, not the meth or cocaine. See
[overdose and naloxone](/overdose/).
""",
        },
    ],
    "sources": [
        "SAMHSA, TIP 63, “Medications for Opioid Use Disorder” (2018, updated 2021)",
        "SAMHSA, “42 CFR Part 8 Final Rule – Table of Changes” (2024)",
        "Epstein Becker Green, summary of the 42 CFR Part 8 final rule (2024)",
        "Pew Charitable Trusts, on opioid treatment programs (2021/2022)",
        "SAMHSA, “Waiver Elimination (MAT Act)”",
        "DEA, letter to registrants on the MAT Act (2023)",
        "FDA, buprenorphine and Vivitrol labels (openFDA)",
        "ASAM, patient guide on opioid use disorder treatment (2020)",
        "SAMHSA, Advisory on extended-release injectable naltrexone (2012)",
        "Larochelle et al., Annals of Internal Medicine (2018)",
        "Wakeman et al., JAMA Network Open (2020)",
        "National Academies of Sciences, Engineering, and Medicine, “Medications for Opioid "
        "Use Disorder Save Lives” (2019)",
        "NIDA, “Medications to Treat Opioid Use Disorder” and “Principles of Drug Addiction "
        "Treatment”",
        "U.S. Surgeon General, “Facing Addiction in America” (2016)",
        "Penn State Evidence-to-Impact Collaborative, “Preventing overdose deaths during "
        "high-risk transition periods”",
        "Huhn et al., JAMA Network Open (2020)",
        "U.S. Department of Justice, “The ADA and Opioid Use Disorder: Combating "
        "Discrimination Against People in Treatment or Recovery” (2022)",
        "Georgetown Center for Children and Families, “Consolidated Appropriations Act, "
        "2024: Medicaid and CHIP MH/SUD provisions explained” (2024)",
        "NY OASAS, “Medications for the Treatment of Alcohol Use Disorder”",
        "Pew Charitable Trusts, on medicines for alcohol use disorder (2024)",
        "Jonas et al., JAMA (2014)",
        "Mutschler et al., Pharmacopsychiatry (2016)",
        "McPheeters et al., JAMA (2023)",
        "Han et al., JAMA Psychiatry (2021)",
        "NIAAA, Alcohol Treatment Navigator (2017)",
        "ASAM, Alcohol Withdrawal Management Guideline (2020)",
        "ASAM and AAAP, Clinical Practice Guideline on the Management of Stimulant Use "
        "Disorder (2023)",
        "De Crescenzo et al., PLOS Medicine (2018)",
        "Ronsley et al., PLOS ONE (2020)",
        "FDA, draft guidance on stimulant use disorder (2023)",
        "CHERISH, issue brief on contingency management (2024)",
        "CDC, “Facts on Fentanyl”",
    ],
}

PAGE_ES: dict[str, Any] = {
    "slug": "medications",
    "title": "Medicamentos para tratar el consumo de opioides y de alcohol",
    "summary": (
        "Hay medicamentos que tratan el consumo de opioides y de alcohol, y algunos salvan "
        "vidas. Aquí verá qué hace cada uno, cómo conseguirlo y qué preguntar a un programa."
    ),
    "reviewed_on": "2026-12-03",
    "levels": list(PAGE["levels"]),
    "sections": [
        {
            "heading": "Tres medicamentos para el consumo de opioides",
            "body": """\
La FDA ha aprobado tres medicamentos para el trastorno por consumo de opioides:

- **Metadona.**
- **Buprenorfina.**
- **Naltrexona.** Para los opioides, es una inyección llamada Vivitrol.

Los expertos dicen que se debe considerar un medicamento para toda persona con trastorno
por consumo de opioides. Deben explicarle los beneficios y riesgos de cada opción. Eso
incluye el tratamiento sin medicamentos y no tratarse. También deben decirle dónde
conseguirlo.
""",
        },
        {
            "heading": "Metadona",
            "body": """\
Para el trastorno por consumo de opioides, la metadona se da **solo en programas de
tratamiento de opioides**. Muchas personas los llaman "clínicas de metadona". Tienen
licencia del estado y los supervisa el gobierno federal. Son los únicos lugares que
pueden ofrecer los tres medicamentos.

Al principio, por lo general se toma la dosis en la clínica. Las nuevas reglas federales
de 2024 cambiaron algunas cosas:

- Las clínicas pueden dar algunas dosis para llevar a casa desde la primera semana, con
  medidas de seguridad.
- Ya no hace falta haber tenido una adicción durante un año para empezar.
- Los menores de 18 años ya no tienen que fracasar dos veces en un tratamiento antes.
- Puede recibir el medicamento aunque no vaya a consejería.
- La regla apoya dar prioridad a las personas embarazadas.
""",
        },
        {
            "heading": "Buprenorfina",
            "body": """\
Una ley aprobada a fines de 2022 eliminó el antiguo permiso especial, llamado "X-waiver".
Desde 2023, cualquier profesional de la salud con registro de la DEA puede recetar
buprenorfina para el trastorno por consumo de opioides, si la ley del estado lo permite.
También se eliminó el límite de pacientes que puede atender cada profesional.

- Un médico de familia, un enfermero practicante o un asistente médico pueden recetarla.
- Empiece por preguntarle a su propio médico.
- También existe en forma de inyección mensual.

Para encontrar tratamiento cerca de usted, use FindTreatment.gov o llame a la Línea de
Ayuda de SAMHSA al [[samhsa]].
""",
        },
        {
            "heading": "Inyección de naltrexona",
            "body": """\
La naltrexona de liberación prolongada (Vivitrol) es una inyección que se pone en una
clínica cada 3 a 4 semanas. Bloquea los efectos de los opioides. No es un opioide.

- **Primero tiene que dejar los opioides.** Por lo general, de 6 a 10 días. Tarda más
  después de la metadona o la buprenorfina.
- Si empieza demasiado pronto, la inyección causa síntomas de abstinencia fuertes y
  repentinos.
- Si deja la inyección o se salta una dosis, su tolerancia es baja. El riesgo de
  sobredosis es alto. Lleve naloxona. Vea [sobredosis y naloxona](/overdose/).
""",
        },
        {
            "heading": "Estos medicamentos salvan vidas",
            "body": """\
La metadona y la buprenorfina reducen el riesgo de morir a cerca de la mitad. En 2019,
las Academias Nacionales dijeron que estos medicamentos salvan vidas.

- **Un estudio en Massachusetts** siguió a 17,568 personas después de una sobredosis.
  Mientras tomaban metadona, su riesgo de morir por opioides fue cerca de un 59% menor.
  Mientras tomaban buprenorfina, fue cerca de un 38% menor. Pocas personas recibieron
  naltrexona, así que su efecto no quedó claro.
- **Un estudio nacional** siguió a 40,885 personas con seguro médico. Quienes tomaron
  buprenorfina o metadona tuvieron un 76% menos de sobredosis a los 3 meses, y un 59%
  menos al año.
- En ese estudio, la desintoxicación, un programa residencial, un IOP o un PHP sin estos
  medicamentos no redujeron las sobredosis. Tampoco la naltrexona.
""",
        },
        {
            "heading": "Cuánto tiempo tomarlos",
            "body": """\
No hay una fecha fija para terminar. Tomar el medicamento por mucho tiempo es normal, y
se asocia con mejores resultados. Algunas personas lo toman por años, o de por vida.

- En la dosis correcta, la metadona y la buprenorfina no producen euforia. Le ayudan a
  mantenerse estable. Alivian las ganas intensas de consumir y los síntomas de abstinencia.
- Tomarlos no es una nueva adicción. Es un tratamiento, como el medicamento para
  cualquier otro problema de salud.
- La consejería ayuda a muchas personas. Pero a nadie se le debe negar el medicamento
  porque no recibe consejería.
- Si quiere dejarlo, decídalo con quien se lo receta. Déjelo poco a poco. El riesgo de
  sobredosis es mayor en las semanas después de dejarlo.
""",
        },
        {
            "heading": "Los programas y sus derechos",
            "body": """\
Muchos programas residenciales no ofrecen estos medicamentos. En 2017, 6 de cada 10 no
ofrecían ninguno. Cerca de 1 de cada 3 ofrecía buprenorfina. Solo 2 de cada 100
ofrecían metadona.

Antes de que usted o un ser querido empiece un programa residencial o un IOP, pregunte:

- "¿Aceptan a personas que toman metadona o buprenorfina, y las mantienen con ese
  medicamento?"
- "¿Pueden empezar el medicamento aquí?"

**Sus derechos.** La Ley de Estadounidenses con Discapacidades (ADA) por lo general
protege a las personas en tratamiento o en recuperación. Eso incluye a quienes toman un
medicamento recetado para el consumo de opioides, siempre que no consuman drogas
ilegalmente ahora. Por ejemplo, un centro de cuidados de enfermería por lo general no
puede rechazarlo solo porque usted lo toma. Lo mismo vale para otros trastornos por
consumo de sustancias.

Si cree que lo rechazaron por su medicamento, puede comunicarse con el Departamento de
Justicia de EE. UU. en ada.gov.

El programa de Medicaid de cada estado debe pagar todos estos medicamentos, también la
metadona, y la consejería. Una ley de 2024 lo hizo permanente.
""",
        },
        {
            "heading": "Medicamentos para el consumo de alcohol",
            "body": """\
La FDA ha aprobado tres medicamentos para el trastorno por consumo de alcohol. Cada uno
hace algo distinto:

- **La naltrexona** es una pastilla diaria o una inyección mensual. Bloquea la
  "recompensa" que se siente con el alcohol. Puede ayudarle a reducir el consumo excesivo
  y a no volver a él. Las ganas de beber pueden bajar. No se puede tomar con
  pastillas de opioides para el dolor, metadona ni buprenorfina, porque las bloquea.
- **El acamprosato** ayuda a quienes ya dejaron de beber a no volver a hacerlo. Funciona
  mejor si se empieza después de dejar de beber. La precaución principal es una
  enfermedad grave de los riñones.
- **El disulfiram** le hace sentir muy mal si bebe. Puede sentir la cara caliente y
  roja, tener náuseas, vomitar y sentir el corazón acelerado. El disulfiram no reduce
  las ganas de beber. Solo hace que beber sea desagradable. Es para quien quiere dejar
  de beber por completo, no para beber menos. Puede ser riesgoso si tiene una
  enfermedad del corazón o del hígado.

Una revisión de 118 estudios halló que la naltrexona y el acamprosato ayudan. Los
expertos los consideran la primera opción.

Estos medicamentos se usan poco. En 2019, solo el 1.6% de los adultos con trastorno por
consumo de alcohol recibió uno. Se pueden usar en una clínica común o en el consultorio
de un médico de familia. También se pueden tomar junto con consejería o un IOP.

El **Navegador de Tratamiento del Alcohol del NIAAA** (alcoholtreatment.niaaa.nih.gov)
explica sus opciones. Tiene 10 preguntas para hacerle a un proveedor y 5 señales de una
buena atención. Una de ellas es un programa que ofrece estos medicamentos.

Si tiene síntomas de abstinencia del alcohol y también consume opioides, ambos problemas
deben tratarse al mismo tiempo.
""",
        },
        {
            "heading": "Estimulantes: metanfetamina y cocaína",
            "body": """\
La FDA no ha aprobado ningún medicamento para el trastorno por consumo de metanfetamina
o de cocaína. A veces los médicos prueban otros medicamentos. Hable de esto con un
especialista en adicciones.

El tratamiento que mejor funciona es el **manejo de contingencias**. Los expertos dicen
que es el tratamiento de referencia.

- Usted recibe pequeños premios, como vales o regalos, cuando alcanza metas.
- Una meta puede ser una prueba de orina sin drogas o ir a una cita.
- Se puede combinar con consejería.
- Se usa poco. Medicaid lo paga solo en unos pocos estados.
- Pregunte a un programa: "¿Ofrecen manejo de contingencias?"

El fentanilo a menudo viene mezclado con la metanfetamina y la cocaína. Por eso, quienes
las consumen también deben llevar naloxona. La naloxona revierte el fentanilo, no la
metanfetamina ni la cocaína. Vea [sobredosis y naloxona](/overdose/).
""",
        },
    ],
    "sources": list(PAGE["sources"]),
}
