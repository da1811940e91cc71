"""Overdose and naloxone (CONTENT-PAGES.md §1, with §9's point on fentanyl in stimulants).

Pure data: the data migration imports this module. Phone numbers are helpline tokens.
"""

from __future__ import annotations

from typing import Any

PAGE: dict[str, Any] = {
    "slug": "overdose",
    "title": "Overdose and naloxone",
    "summary": (
        "How to spot an opioid overdose and what to do. "
        "Naloxone can save a life, and you can buy it without a prescription."
    ),
    "reviewed_on": "2026-12-03",
    "levels": ["inpatient", "residential", "php", "iop", "outpatient"],
    "sections": [
        {
            "heading": "Signs of an overdose",
            "body": """\
An overdose can happen with heroin, fentanyl or pain pills. Look for these signs:

- The person cannot be woken up, or does not respond to you.
- Their breathing is slow or shallow, or it has stopped.
- They make choking, gurgling or snoring sounds and will not wake up.
- Their lips or nails look blue, gray or pale.
- Their skin feels cold and clammy.
- Their pupils may be tiny, like pinpoints, and their body may be limp.

Normal-size pupils do not rule out an overdose. It can be hard to tell "very high" from an
overdose. **If you are not sure, treat it as an overdose.**
""",
        },
        {
            "heading": "What to do, step by step",
            "body": """\
1. Give naloxone if you have it, and call [[emergency]].
2. Try to keep the person awake and breathing. If they are not breathing, give rescue
   breaths if you know how.
3. Lay the person on their side so they do not choke.
4. Stay with them until help arrives. Watch how they respond.

**Give a second dose if needed.** If the person does not respond after 2 to 3 minutes,
give another dose. With fentanyl, more than one dose may be needed. Follow the directions
on the package.

When the person wakes up, they may shake, sweat, feel sick or feel angry. This is
expected. Stay with them.
""",
        },
        {
            "heading": "What not to do",
            "body": """\
- Do not slap or hurt the person.
- Do not put them in a cold bath or shower.
- Do not inject anything into them, such as salt water or milk.
- Do not try to make them throw up.

Do keep them warm. If they are breathing, put them on their side.
""",
        },
        {
            "heading": "What naloxone does and does not do",
            "body": """\
Naloxone is a medicine that reverses an opioid overdose. Narcan is one brand. It works on
heroin, fentanyl and pain pills.

- It does not work on alcohol, benzos like Xanax, cocaine, meth or xylazine.
- It will not hurt someone who has not taken opioids.
- Many drugs have fentanyl mixed in. So if you are not sure what they took, give it anyway.
- It wears off in about 30 to 90 minutes. The overdose can come back.

So **always call [[emergency]]**, even if the person wakes up. Stay with them until help
comes.
""",
        },
        {
            "heading": "How to get naloxone",
            "body": """\
Since 2023, you can buy Narcan nasal spray **without a prescription**. It was the first
naloxone sold this way. A second brand, RiVive, and a generic spray followed the same year.
Naloxone is available in all 50 states.

- Look on the shelf at a drug store. Grocery stores, gas stations and online shops may
  sell it too.
- Ask the pharmacist for other kinds of naloxone. In many states, they can give it to you
  without a visit to a doctor.
- Ask your local health department or pharmacy about free naloxone. Many places give it
  away.
- Some health plans pay for naloxone. Ask your plan.

Nalmefene is another medicine that reverses an overdose. Its sprays and shots have needed
a prescription.
""",
        },
        {
            "heading": "Risk is higher after a break",
            "body": """\
After a break from opioids, the body loses its tolerance. This can happen in days to a
week. The amount a person used before can now stop their breathing.

A break can be detox, rehab, a hospital stay or time in jail. The risk is highest right
after it:

- In the month after treatment without medicine, the risk of overdose is about 5 times
  higher than later on.
- In the month after stopping medicine for opioid use, it is about 2 times higher.
- The days right after detox are risky too.
- In the first two weeks after leaving jail or prison, the risk is 8 to 40 times the usual
  level.

If you or someone you love is leaving treatment, a hospital or jail, carry naloxone.
[Medicines for opioid use](/medications/) lower the risk of dying.
""",
        },
        {
            "heading": "Don't use alone",
            "body": """\
Using alone does not cause an overdose. But if you overdose alone, no one can give you
naloxone or call for help. That raises the chance of dying.

- If you use, have someone with you who has naloxone.
- Tell them how to use it.
- Some phone lines stay on the line while you use. If you stop answering, they send help.

Mixing opioids with alcohol or with benzos like Xanax raises the risk of overdose.
""",
        },
        {
            "heading": "Fentanyl and test strips",
            "body": """\
Fentanyl is up to 50 times stronger than heroin. It is 100 times stronger than morphine.
Many people do not know their drugs have it.

- Fentanyl is mixed into heroin, cocaine and meth.
- It is pressed into fake pills. They look like real pain pills, Xanax or Adderall.
- In 2023, DEA tests found a dose that could kill in 7 of 10 fake pills they seized.
- Xylazine, a drug for animals, is also mixed into street drugs.

People who use cocaine or meth are at risk too. They should carry naloxone. It reverses
the fentanyl, not the cocaine or meth.

**Test strips** are small paper strips. They show if fentanyl is in pills, powder or
drugs for injecting. You mix a little of the drug with water. The result shows in a few minutes.

- A negative result does not mean the drug is safe. No test is right every time.
- Strips can miss some very strong drugs related to fentanyl, such as carfentanil.
- The laws on test strips vary by state. Many states have made them legal since 2022, but
  not all. Check the law in your state.
- Since 2021, federal grant money can pay for test strips.
""",
        },
        {
            "heading": "Good Samaritan laws",
            "body": """\
Most states have "Good Samaritan" laws for overdoses. They may protect the person who
calls for help from some drug charges. Often they protect the person who overdosed too.

These laws vary by state:

- Who is covered.
- Which charges are covered. Often it is small amounts of drugs and drug gear.
- Whether an alcohol overdose counts.
- What is left out, such as warrants, probation or selling drugs.

Whatever the law in your state, **always call [[emergency]] for an overdose**. Call even
if you gave naloxone.
""",
        },
    ],
    "sources": [
        "CDC, “What to Do if You Think Someone is Overdosing” (2024)",
        "CDC, “Helping Stop Overdose” and “Facts on Fentanyl”",
        "CDC, “Preventing an Opioid Overdose” fact sheet",
        "CDC, “Fentanyl Test Strips: A Harm Reduction Strategy”",
        "Indian Health Service, “Signs of Opioid Overdose”",
        "SAMHSA, Opioid Overdose Prevention Toolkit (2016; 2018 update)",
        "SAMHSA, Overdose Prevention and Response Toolkit (2023, updated 2025)",
        "SAMHSA, “Non-prescription (OTC) Naloxone FAQs” (2023)",
        "FDA, approval of Narcan nasal spray without a prescription (2023)",
        "FDA, approval of RiVive nasal spray and the first generic OTC naloxone (2023)",
        "FDA, Narcan nasal spray Drug Facts label (openFDA)",
        "U.S. Department of Justice, Bureau of Justice Assistance, naloxone training",
        "Wisconsin Department of Health Services, “Naloxone FAQ”",
        "BringNaloxoneHome, naloxone FAQ",
        "Salem State University, naloxone FAQ",
        "Penn State Evidence-to-Impact Collaborative, “Preventing overdose deaths during "
        "high-risk transition periods”",
        "VA/DoD, Opioid Taper Decision Tool",
        "Binswanger et al., New England Journal of Medicine (2007)",
        "National Harm Reduction Coalition, “Using Alone”",
        "DEA, fake pills (2023 data)",
        "Fentanyl test strip study of 343 drug samples, Baltimore (2022)",
        "CDC and SAMHSA, test strips allowed under federal grants (2021)",
        "Business Insider (2023) and Stacker (2024), state laws on fentanyl test strips",
        "LAPPA, “Good Samaritan Fatal Overdose Prevention: Summary of State Laws” (2020)",
    ],
}

PAGE_ES: dict[str, Any] = {
    "slug": "overdose",
    "title": "Sobredosis y naloxona",
    "summary": (
        "Cómo reconocer una sobredosis de opioides y qué hacer. "
        "La naloxona puede salvar una vida, y usted puede comprarla sin receta."
    ),
    "reviewed_on": "2026-12-03",
    "levels": list(PAGE["levels"]),
    "sections": [
        {
            "heading": "Señales de una sobredosis",
            "body": """\
Una sobredosis puede ocurrir con heroína, fentanilo o pastillas para el dolor. Fíjese en
estas señales:

- La persona no se despierta o no le responde.
- Respira despacio o muy poco, o ha dejado de respirar.
- Hace ruidos como si se ahogara, gorgoteos o ronquidos, y no se despierta.
- Tiene los labios o las uñas azules, grises o pálidos.
- Tiene la piel fría y húmeda.
- Sus pupilas pueden ser muy pequeñas, como la punta de un alfiler, y su cuerpo puede
  estar flojo.

Unas pupilas de tamaño normal no descartan una sobredosis. Puede ser difícil distinguir
a alguien "muy drogado" de una sobredosis. **Si no está seguro, actúe como si fuera una
sobredosis.**
""",
        },
        {
            "heading": "Qué hacer, paso a paso",
            "body": """\
1. Dele naloxona si la tiene, y llame al [[emergency]].
2. Trate de mantener a la persona despierta y respirando. Si no respira, dele
   respiración de rescate si sabe cómo hacerlo.
3. Acuéstela de lado para que no se ahogue.
4. Quédese con ella hasta que llegue la ayuda. Observe cómo responde.

**Dele una segunda dosis si hace falta.** Si la persona no responde después de 2 a 3
minutos, dele otra dosis. Con el fentanilo, puede hacer falta más de una dosis. Siga las
instrucciones del paquete.

Al despertar, la persona puede temblar, sudar, sentirse mal o enojarse. Es normal.
Quédese con ella.
""",
        },
        {
            "heading": "Qué no hacer",
            "body": """\
- No le pegue ni le haga daño a la persona.
- No la meta en un baño o una ducha de agua fría.
- No le inyecte nada, como agua con sal o leche.
- No trate de hacerla vomitar.

Sí manténgala abrigada. Si respira, acuéstela de lado.
""",
        },
        {
            "heading": "Lo que la naloxona hace y no hace",
            "body": """\
La naloxona es un medicamento que revierte una sobredosis de opioides. Narcan es una
marca. Funciona con la heroína, el fentanilo y las pastillas para el dolor.

- No funciona con el alcohol, las benzodiacepinas como Xanax, la cocaína, la
  metanfetamina ni la xilacina.
- No le hace daño a alguien que no ha tomado opioides.
- Muchas drogas vienen mezcladas con fentanilo. Si no sabe qué tomó la persona, désela de
  todos modos.
- Su efecto dura unos 30 a 90 minutos. La sobredosis puede volver.

Por eso, **llame siempre al [[emergency]]**, aunque la persona se despierte. Quédese con
ella hasta que llegue la ayuda.
""",
        },
        {
            "heading": "Cómo conseguir naloxona",
            "body": """\
Desde 2023, usted puede comprar el aerosol nasal Narcan **sin receta**. Fue la primera
naloxona que se vendió así. Ese mismo año se sumaron otra marca, RiVive, y un aerosol
genérico. La naloxona se consigue en los 50 estados.

- Búsquela en los estantes de la farmacia. También pueden venderla en supermercados,
  gasolineras y tiendas en línea.
- Pida al farmacéutico otros tipos de naloxona. En muchos estados, se la pueden dar sin
  ir al médico.
- Pregunte en el departamento de salud de su zona o en la farmacia por naloxona gratis.
  En muchos lugares la regalan.
- Algunos seguros médicos pagan la naloxona. Pregunte a su plan.

El nalmefeno es otro medicamento que revierte una sobredosis. Sus aerosoles e
inyecciones han necesitado receta.
""",
        },
        {
            "heading": "Más riesgo después de una pausa",
            "body": """\
Después de una pausa sin opioides, el cuerpo pierde la tolerancia. Esto puede pasar en
días o en una semana. La cantidad que la persona usaba antes ahora puede detener su
respiración.

Una pausa puede ser una desintoxicación, un tratamiento, una estancia en el hospital o
un tiempo en la cárcel. El riesgo es mayor justo después:

- En el mes después de un tratamiento sin medicamentos, el riesgo de sobredosis es unas
  5 veces mayor que más adelante.
- En el mes después de dejar un medicamento para el consumo de opioides, es unas 2 veces
  mayor.
- Los días justo después de una desintoxicación también son de riesgo.
- En las dos primeras semanas después de salir de la cárcel o la prisión, el riesgo es
  de 8 a 40 veces el normal.

Si usted o un ser querido sale de un tratamiento, un hospital o la cárcel, lleve
naloxona. Los [medicamentos para tratar el consumo de opioides](/medications/) bajan el
riesgo de morir.
""",
        },
        {
            "heading": "No consuma a solas",
            "body": """\
Consumir a solas no causa una sobredosis. Pero si tiene una sobredosis a solas, nadie
puede darle naloxona ni pedir ayuda. Eso aumenta el riesgo de morir.

- Si consume, tenga cerca a alguien que tenga naloxona.
- Explíquele cómo usarla.
- Algunas líneas telefónicas se quedan en la llamada mientras usted consume. Si deja de
  contestar, envían ayuda.

Mezclar opioides con alcohol o con benzodiacepinas como Xanax aumenta el riesgo de
sobredosis.
""",
        },
        {
            "heading": "Fentanilo y tiras de prueba",
            "body": """\
El fentanilo es hasta 50 veces más fuerte que la heroína y 100 veces más fuerte que la
morfina. Muchas personas no saben que sus drogas lo tienen.

- El fentanilo se mezcla con la heroína, la cocaína y la metanfetamina.
- Se usa para hacer pastillas falsas. Se parecen a pastillas para el dolor, Xanax o
  Adderall de verdad.
- En 2023, las pruebas de la DEA hallaron una dosis que podía matar en 7 de cada 10
  pastillas falsas incautadas.
- La xilacina, un sedante para animales, también se mezcla con drogas de la calle.

Las personas que consumen cocaína o metanfetamina también corren riesgo. Deben llevar
naloxona. La naloxona revierte el fentanilo, no la cocaína ni la metanfetamina.

**Las tiras de prueba** son tiras pequeñas de papel. Muestran si hay fentanilo en
pastillas, polvos o drogas para inyectarse. Se mezcla un poco de la droga con agua. El
resultado aparece en unos minutos.

- Un resultado negativo no quiere decir que la droga sea segura. Ninguna prueba acierta
  siempre.
- Las tiras pueden no detectar algunas drogas muy fuertes parecidas al fentanilo, como
  el carfentanilo.
- Las leyes sobre las tiras de prueba varían según el estado. Muchos estados las han
  legalizado desde 2022, pero no todos. Averigüe la ley de su estado.
- Desde 2021, los fondos de subvenciones federales pueden pagar tiras de prueba.
""",
        },
        {
            "heading": "Leyes del Buen Samaritano",
            "body": """\
La mayoría de los estados tienen leyes del "Buen Samaritano" para las sobredosis.
Pueden proteger de algunos cargos por drogas a quien llama para pedir ayuda. A menudo
también protegen a la persona que tuvo la sobredosis.

Estas leyes varían según el estado:

- A quién protegen.
- Qué cargos cubren. A menudo son cantidades pequeñas de droga y objetos para consumir.
- Si cuenta una sobredosis de alcohol.
- Qué queda fuera, como órdenes de arresto, libertad condicional o venta de drogas.

Sea cual sea la ley de su estado, **llame siempre al [[emergency]] si hay una
sobredosis**. Llame aunque ya haya dado naloxona.
""",
        },
    ],
    "sources": list(PAGE["sources"]),
}
