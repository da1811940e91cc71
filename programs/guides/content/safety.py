"""Safety at home: abuse hotlines, recovery housing, and what "Leave this site" does.

Facts from ../shared/CONTENT-PAGES.md §7 and §10. What the quick exit does is what
base.html and static/js/site.js do (and what the privacy page says): keep them in step.
"""

from __future__ import annotations

from typing import Any

_SOURCES = [
    (
        "U.S. Department of Justice, Office for Victims of Crime, “National Domestic Violence "
        "Hotline Answers 6 Million Contacts” (January 2022)"
    ),
    "“National Domestic Violence Hotline,” Wikipedia (languages offered)",
    "The Hotline, on what the Hotline can and cannot do (as reproduced by eveshelter.com)",
    (
        "loveisrespect text line, as reported by the Post-Star (April 2020); Center for Family "
        "Services (Cumberland County, NJ) hotline list"
    ),
    (
        "Childhelp National Child Abuse Hotline, “How it works” (childhelphotline.org); "
        "Childhelp Hotline Impact Report FY2018"
    ),
    "SAMHSA, Best Practices for Recovery Housing (September 2023)",
    (
        "U.S. GAO, Substance Use Disorder: Information on Recovery Housing Prevalence, Selected "
        "States’ Oversight, and Funding, GAO-18-315 (March 2018)"
    ),
    (
        "National Alliance for Recovery Residences (NARR) levels of support, as published by "
        "state affiliates (Oklahoma, Tennessee, Ohio Recovery Housing)"
    ),
    (
        "Montana Legal Services Association, “Safe Internet Use”; NNEDV Safety Net Project; New "
        "Hampshire Coalition Against Domestic and Sexual Violence, “Internet Safety”"
    ),
    "GOV.UK Design System, “Exit this page” component",
]

PAGE: dict[str, Any] = {
    "slug": "safety",
    "title": "Safety at home",
    "summary": (
        "Where to get help if someone at home hurts you or a child. "
        "How to judge a recovery home. "
        "What our “Leave this site” button can and cannot hide."
    ),
    "reviewed_on": "2026-12-03",
    "levels": ["residential", "php", "iop", "outpatient"],
    "sections": [
        {
            "heading": "If someone at home hurts you",
            "body": """\
The National Domestic Violence Hotline is open 24/7, every day of the year.

- Call [[dv]].
- TTY: [[dv.tty]].
- Text [[dv.code]] to [[dv.text]].
- Chat at [[dv.chat]].

It is free and confidential. Help is offered in more than 200 languages.

An advocate listens and helps you plan how to stay safe. They can also help you find a shelter.
""",
        },
        {
            "heading": "What the hotlines can and cannot do",
            "body": """\
The hotlines on this page are for talking, planning and finding help. They are not emergency
services.

- They **cannot** send police or an ambulance to where you are.
- If you are in danger now, call [[emergency]].
- These hotlines are not for reporting a crime. To report one, contact the police.
""",
        },
        {
            "heading": "Help for teens and young adults",
            "body": """\
loveisrespect helps young people with dating abuse. You can talk about a partner who scares you,
checks on you all the time, or hurts you.

- Text [[loveisrespect.code]] to [[loveisrespect.text]].
- Or call [[loveisrespect]].
""",
        },
        {
            "heading": "If a child is being hurt",
            "body": """\
Childhelp runs the National Child Abuse Hotline. Trained crisis counselors answer 24/7.

- Call or text [[childhelp]].
- Or chat at [[childhelp.chat]].

Interpreters can help in more than 170 languages.

Childhelp is **not** a place to report abuse, and it is not linked to emergency services.

- To report abuse, contact your local child protective services (CPS) or the police.
- If a child is in danger now, call [[emergency]].
- If you say that a child is being harmed, the counselor may have to pass that on.
""",
        },
        {
            "heading": "Reaching out safely",
            "body": """\
Before you call, text or chat, think about who might see it.

- Use a phone or computer the person who hurts you cannot check. A friend’s phone or a library
  computer may be safer.
- Pick a time when you are alone and will not be overheard.
- Think about who can see the calls and messages on your phone.
""",
        },
        {
            "heading": "What a recovery home is",
            "body": """\
A recovery home is a home free of alcohol and drugs. People also call it sober living or a recovery
residence. The people who live there support each other and follow house rules.

People often live in one while they go to outpatient care or IOP, or after they leave residential
care.

Most recovery homes give housing and support, not treatment. If you need counseling or medicine,
you get it from a program or a clinician.

A national group, NARR, sorts recovery homes into four levels of support. A level is **not** a
rating. One level is not better than another. They just fit different needs.

- **Level I, peer-run:** the people who live there run the house together. There is no paid staff.
- **Level II, monitored:** a house manager, house rules and help from peers. This is what most
  people mean by “sober living.”
- **Level III, supervised:** paid, trained staff, a set daily schedule and help with life skills.
- **Level IV, service provider:** adds clinical care. It is usually licensed.
""",
        },
        {
            "heading": "How to judge a recovery home",
            "body": """\
Quality varies a lot from home to home. The rules for recovery homes differ by state. Not every
home is licensed or inspected. Some states have found signs of fraud by some home owners.

Signs of a good home:

- It is certified, for example by your state’s NARR group.
- It has its rules and policies in writing.
- It keeps people who live there safe.
- It does not pay or get paid for sending people to a home or program. This is called patient
  brokering. Be careful if someone seems to gain from sending you to one place.

Questions to ask a home:

1. Are you certified? By whom?
2. Do you accept people who take methadone or buprenorphine? Can they keep taking it? (See
   [medications for opioid use](/medications/).)
3. What does it cost, and what does that include?
4. What are the house rules?
""",
        },
        {
            "heading": "What “Leave this site” does and does not do",
            "body": """\
Every page of this site has a “Leave this site” button at the bottom of the screen. Press it, or
press the Esc key twice fast. A weather website opens in place of this one.

It also tries to keep the Back button from bringing you back here. And it tries to clear what
this site kept in that tab, such as questionnaire answers you had not sent yet.

It only helps if someone looks over your shoulder. What it **does not** do:

- It does not erase your browser history. Pages of this site may still be listed there.
- It does not stop someone who checks or watches your phone or computer. They may still find out
  you were here.

A phone or computer that the person who hurts you cannot get into is safer. A friend’s phone or a
library computer may be a good choice.

If someone checks your device, do not suddenly delete your whole history. A history that is
suddenly empty can make them suspicious. Removing only the pages of this site may be safer. Read
more on our [privacy page](/privacy/).
""",
        },
    ],
    "sources": _SOURCES,
}

PAGE_ES: dict[str, Any] = {
    "slug": "safety",
    "title": "Seguridad en el hogar",
    "summary": (
        "Dónde pedir ayuda si alguien en su casa le hace daño a usted o a un niño. "
        "Cómo evaluar una vivienda de recuperación. "
        "Lo que nuestro botón “Salir de este sitio” puede ocultar y lo que no."
    ),
    "reviewed_on": "2026-12-03",
    "levels": ["residential", "php", "iop", "outpatient"],
    "sections": [
        {
            "heading": "Si alguien en su casa le hace daño",
            "body": """\
La Línea Nacional contra la Violencia Doméstica atiende las 24 horas, todos los días del año.

- Llame al [[dv]].
- TTY: [[dv.tty]].
- Envíe la palabra [[dv.code]] por mensaje de texto al [[dv.text]].
- Chatee en [[dv.chat]].

Es gratis y confidencial. Ofrece ayuda en más de 200 idiomas, incluido el español.

Una persona capacitada le escucha y le ayuda a planear cómo estar a salvo. También puede ayudarle a
encontrar un refugio.
""",
        },
        {
            "heading": "Lo que las líneas de ayuda pueden hacer y lo que no",
            "body": """\
Las líneas de esta página sirven para hablar, hacer un plan y encontrar ayuda. No son servicios de
emergencia.

- **No pueden** enviar a la policía ni una ambulancia a donde usted está.
- Si está en peligro ahora, llame al [[emergency]].
- Estas líneas no sirven para denunciar un delito. Para denunciarlo, comuníquese con la policía.
""",
        },
        {
            "heading": "Ayuda para adolescentes y adultos jóvenes",
            "body": """\
loveisrespect ayuda a las personas jóvenes que sufren abuso en el noviazgo. Puede hablar de una
pareja que le da miedo, que le vigila todo el tiempo o que le hace daño.

- Envíe la palabra [[loveisrespect.code]] por mensaje de texto al [[loveisrespect.text]].
- O llame al [[loveisrespect]].
""",
        },
        {
            "heading": "Si le están haciendo daño a un niño",
            "body": """\
Childhelp atiende la Línea Nacional contra el Abuso Infantil. Consejeros de crisis capacitados
responden las 24 horas, todos los días.

- Llame o envíe un mensaje de texto al [[childhelp]].
- O chatee en [[childhelp.chat]].

Hay intérpretes para más de 170 idiomas.

Childhelp **no** es un lugar para denunciar el abuso y no está conectado con los servicios de
emergencia.

- Para denunciar el abuso, comuníquese con los servicios locales de protección infantil (CPS) o con
  la policía.
- Si un niño está en peligro ahora, llame al [[emergency]].
- Si usted cuenta que le están haciendo daño a un niño, es posible que el consejero tenga que
  informarlo.
""",
        },
        {
            "heading": "Pedir ayuda de forma segura",
            "body": """\
Antes de llamar, escribir o chatear, piense en quién podría verlo.

- Use un teléfono o una computadora que la persona que le hace daño no pueda revisar. El teléfono
  de una amistad o una computadora de la biblioteca pueden ser más seguros.
- Elija un momento en que esté a solas y nadie le pueda oír.
- Piense en quién puede ver las llamadas y los mensajes de su teléfono.
""",
        },
        {
            "heading": "Qué es una vivienda de recuperación",
            "body": """\
Una vivienda de recuperación es un hogar libre de alcohol y drogas. También se le llama vivienda
sobria o residencia de recuperación. Las personas que viven allí se apoyan entre sí y siguen las
reglas de la casa.

Muchas personas viven en una mientras van a un programa ambulatorio o IOP, o después de salir de un
programa residencial.

La mayoría de estas viviendas dan alojamiento y apoyo, no tratamiento. Si necesita terapia o
medicamentos, los recibe de un programa o de un profesional de la salud.

Un grupo nacional, NARR, clasifica las viviendas de recuperación en cuatro niveles de apoyo. Un
nivel **no** es una calificación. Ningún nivel es mejor que otro; cada uno sirve para necesidades
distintas.

- **Nivel I, a cargo de los residentes:** las personas que viven allí dirigen la casa juntas. No
  hay personal pagado.
- **Nivel II, supervisión básica:** un encargado de la casa, reglas y apoyo entre compañeros. Es lo
  que la mayoría llama “vivienda sobria”.
- **Nivel III, supervisado:** personal pagado y capacitado, un horario diario fijo y ayuda con
  habilidades para la vida diaria.
- **Nivel IV, proveedor de servicios:** además ofrece atención clínica. Por lo general tiene
  licencia.
""",
        },
        {
            "heading": "Cómo evaluar una vivienda de recuperación",
            "body": """\
La calidad cambia mucho de una casa a otra. Las reglas para estas viviendas son distintas en cada
estado. No todas tienen licencia ni reciben inspecciones. Algunos estados han encontrado señales de
fraude por parte de algunos dueños.

Señales de una buena vivienda:

- Está certificada, por ejemplo por el grupo de NARR de su estado.
- Tiene sus reglas y normas por escrito.
- Protege la seguridad de quienes viven allí.
- No paga ni cobra por enviar personas a una casa o a un programa. Eso se llama intermediación de
  pacientes (“patient brokering”). Tenga cuidado si alguien parece ganar algo por enviarle a un
  lugar en particular.

Preguntas para hacerle a una vivienda:

1. ¿Están certificados? ¿Por quién?
2. ¿Aceptan a personas que toman metadona o buprenorfina? ¿Pueden seguir tomándola? (Vea
   [medicamentos para tratar el consumo de opioides](/medications/).)
3. ¿Cuánto cuesta y qué incluye?
4. ¿Cuáles son las reglas de la casa?
""",
        },
        {
            "heading": "Lo que hace “Salir de este sitio” y lo que no",
            "body": """\
Cada página de este sitio tiene un botón “Salir de este sitio” en la parte de abajo de la pantalla.
Púlselo, o pulse la tecla Esc dos veces seguidas, y se abrirá un sitio web del clima en lugar de
este.

Además, intenta que el botón Atrás no le devuelva aquí y borrar lo que este sitio guardó en esa
pestaña, como las respuestas del cuestionario que usted todavía no había enviado.

Solo sirve si alguien mira por encima de su hombro. Lo que **no** hace:

- No borra el historial de su navegador. Las páginas de este sitio pueden seguir apareciendo allí.
- No impide que alguien que revisa o vigila su teléfono o computadora se entere de que usted estuvo
  aquí.

Es más seguro usar un teléfono o una computadora a los que no pueda entrar la persona que le hace
daño, por ejemplo el teléfono de una amistad o una computadora de la biblioteca.

Si alguien revisa su dispositivo, no borre de repente todo el historial. Un historial que de pronto
está vacío puede despertar sospechas. Borrar solo las páginas de este sitio puede ser más seguro.
Lea más en nuestra [página de privacidad](/privacy/).
""",
        },
    ],
    "sources": _SOURCES,
}
