"""The shipped table of helplines: every phone number, text code and chat address the site shows.

Loaded into the database by migration 0018 and by ``load_content``; content editors correct
a row in the admin afterwards. This file is also the table's fallback: a key missing from
the database, or a database that cannot be read, gets its row from here, so a page never
loses a crisis number. The only other place numbers may appear is the migrations.

Facts from ../shared/CONTENT.md ("Crisis resources") and ../shared/CONTENT-PAGES.md §10;
nothing marked **unverified** there is listed (the Childhelp TDD line, Nar-Anon, Never Use
Alone, the SAMHSA text line, loveisrespect's hours). Texts refer to a row by its key, as
``[[key]]`` or ``[[key.part]]`` (programs/helplines/tokens.py).
"""

from __future__ import annotations

import datetime
from typing import Any

VERIFIED = datetime.date(2026, 12, 3)
_LIFELINE_SOURCE = "988lifeline.org; CONTENT.md"

HELPLINES: list[dict[str, Any]] = [
    {
        "key": "emergency",
        "name": "Emergency services",
        "name_es": "Servicios de emergencia",
        "phone": "911",
        "hours": "24/7",
        "hours_es": "Las 24 horas, todos los días",
        "notes": "Overdose signs, a seizure, someone not breathing or not waking up, "
        "confusion or hallucinations during withdrawal, or any immediate danger.",
        "notes_es": "Señales de sobredosis, una convulsión, alguien que no respira o no "
        "despierta, confusión o alucinaciones durante la abstinencia, o cualquier peligro "
        "inmediato.",
        "source": "CONTENT.md",
    },
    {
        "key": "lifeline",
        "name": "988 Suicide & Crisis Lifeline",
        "name_es": "Línea de Prevención del Suicidio y Crisis 988",
        "phone": "988",
        "text_number": "988",
        "chat": "988lifeline.org",
        "hours": "24/7",
        "hours_es": "Las 24 horas, todos los días",
        "languages": "English and Spanish",
        "languages_es": "Inglés y español",
        "notes": "Call, text or chat; free and confidential.",
        "notes_es": "Llamada, mensaje de texto o chat; gratis y confidencial.",
        "source": _LIFELINE_SOURCE,
    },
    {
        "key": "veterans",
        "name": "Veterans Crisis Line",
        "name_es": "Línea de Crisis para Veteranos",
        "phone": "988",
        "phone_option": "then press 1",
        "phone_option_es": "y luego oprima 1",
        "text_number": "838255",
        "notes": "The 988 Lifeline's line for veterans: on a call press 1, or text.",
        "notes_es": "La línea de la 988 para veteranos: en una llamada oprima 1, o envíe un "
        "mensaje de texto.",
        "source": _LIFELINE_SOURCE,
    },
    {
        "key": "lifeline_es",
        "name": "988 Lifeline in Spanish",
        "name_es": "Línea 988 en español",
        "phone": "988",
        "phone_option": "then press 2",
        "phone_option_es": "y luego oprima 2",
        "text_number": "988",
        "text_code": "AYUDA",
        "languages": "Spanish",
        "languages_es": "Español",
        "notes": "Pressing 2 works only on a call; by text, send AYUDA.",
        "notes_es": "Oprimir 2 solo funciona en una llamada; por mensaje de texto, envíe AYUDA.",
        "source": _LIFELINE_SOURCE,
    },
    {
        "key": "samhsa",
        "name": "SAMHSA National Helpline",
        "name_es": "Línea Nacional de Ayuda de SAMHSA",
        "phone": "1-800-662-4357",
        "phone_words": "1-800-662-HELP",
        "tty": "1-800-487-4889",
        "hours": "24/7",
        "hours_es": "Las 24 horas, todos los días",
        "languages": "English and Spanish",
        "languages_es": "Inglés y español",
        "notes": "Free and confidential referrals to treatment, not counseling. Helps "
        "uninsured callers find state-funded or sliding-fee programs.",
        "notes_es": "Referencias a tratamiento, gratis y confidenciales; no da consejería. "
        "Ayuda a quienes no tienen seguro a encontrar programas pagados por el estado o con "
        "tarifa según ingresos.",
        "source": "SAMHSA National Helpline FAQ; CONTENT.md",
    },
    {
        "key": "poison",
        "name": "Poison Help",
        "name_es": "Línea de ayuda para envenenamientos (Poison Help)",
        "phone": "1-800-222-1222",
        "source": "CONTENT.md",
    },
    {
        "key": "dv",
        "name": "National Domestic Violence Hotline",
        "name_es": "Línea Nacional sobre la Violencia Doméstica",
        "phone": "1-800-799-7233",
        "phone_words": "1-800-799-SAFE",
        "tty": "1-800-787-3224",
        "text_number": "88788",
        "text_code": "START",
        "chat": "thehotline.org",
        "hours": "24/7/365",
        "hours_es": "Las 24 horas, todos los días del año",
        "languages": "200+ languages",
        "languages_es": "Más de 200 idiomas",
        "notes": "Talk with an advocate, plan for safety, find shelters. Free and "
        "confidential. It cannot send help to your location: it is not an emergency service.",
        "notes_es": "Hable con una persona de apoyo, haga un plan de seguridad, encuentre "
        "refugios. Gratis y confidencial. No puede enviar ayuda a donde usted está: no es un "
        "servicio de emergencia.",
        "source": "U.S. DOJ Office for Victims of Crime (Jan 2022); Wikipedia (languages, "
        "secondary)",
    },
    {
        "key": "loveisrespect",
        "name": "loveisrespect",
        "name_es": "loveisrespect",
        "phone": "1-866-331-9474",
        "text_number": "22522",
        "text_code": "LOVEIS",
        "notes": "For teens and young adults facing dating abuse. Its hours are not "
        "confirmed: never state them.",
        "notes_es": "Para adolescentes y adultos jóvenes que sufren abuso en sus relaciones "
        "de pareja. Su horario no está confirmado: nunca lo indique.",
        "source": "Post-Star (Apr 2020); Center for Family Services hotline list (secondary)",
    },
    {
        "key": "childhelp",
        "name": "Childhelp National Child Abuse Hotline",
        "name_es": "Línea Nacional Childhelp contra el Abuso Infantil",
        "phone": "1-800-422-4453",
        "phone_words": "1-800-4-A-CHILD",
        "text_number": "1-800-422-4453",
        "chat": "childhelphotline.org",
        "hours": "24/7",
        "hours_es": "Las 24 horas, todos los días",
        "languages": "Interpreters in 170+ languages",
        "languages_es": "Intérpretes en más de 170 idiomas",
        "notes": "Crisis counseling about child abuse, by call, text or chat. Not a "
        "reporting line and not connected to emergency services; counselors may have to pass "
        "on information if a child is being harmed.",
        "notes_es": "Consejería en crisis sobre el abuso infantil, por llamada, mensaje de "
        "texto o chat. No es una línea para hacer denuncias y no está conectada con los "
        "servicios de emergencia; quienes atienden pueden tener que dar aviso si se está "
        "haciendo daño a un niño o una niña.",
        "source": "Childhelp Hotline Impact Report FY2018; childhelphotline.org, How it works",
    },
    {
        "key": "alanon",
        "name": "Al-Anon meeting information line",
        "name_es": "Línea de información sobre reuniones de Al-Anon",
        "phone": "1-888-425-2666",
        "phone_words": "1-888-4AL-ANON",
        "notes": "Find Al-Anon and Alateen meetings. Hours not confirmed.",
        "notes_es": "Encuentre reuniones de Al-Anon y Alateen. Horario no confirmado.",
        "source": "Granby Drummer (2020), citing Al-Anon (secondary); confirm at al-anon.org",
    },
]

for _order, _row in enumerate(HELPLINES, start=1):
    _row.setdefault("order", _order * 10)
    _row.setdefault("last_verified", VERIFIED)
