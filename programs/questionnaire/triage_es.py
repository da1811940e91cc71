"""Spanish text for the triage engine (``programs.triage``); pure data, no Django.

``programs.triage.suggest(answers, language="es")`` builds its reasons, notes and crisis
texts from these tables. Nothing here changes a suggestion: levels, scores, flags and
``also_consider`` are the same in every language.

Pronouns. Spanish conjugates "usted" like the third person singular, but possessives,
object pronouns and the subject differ, so each text comes as a pair keyed by ``for_whom``:

* ``"self"``: spoken to the person, with "usted" ("Usted ha tenido...", "Sus respuestas
  sugieren...").
* ``"someone_else"``: about "la persona", in the third person singular ("La persona ha
  tenido..."). The answers stay "Sus respuestas" in both: they belong to whoever answered.
  "La persona" is grammatically feminine, so any adjective agrees with it whatever the
  person's gender. Practical advice in notes and
  crisis texts speaks to the reader ("Pregunte...", "Llame al [[emergency]]...") in both.

Phone numbers are helpline tokens, as in ``programs.triage`` (``[[lifeline]]``,
``[[lifeline_es.code]]``...). In Spanish the Lifeline is reached by pressing 2 on a call
(``[[lifeline_es]]`` is the number and "y luego oprima 2") or by texting the word AYUDA
(``[[lifeline_es.code]]`` to ``[[lifeline_es.text]]``): pressing 2 works only on a call.

Texts avoid adjectives that would need a gender for "usted" (no "listo/lista", "solo/sola")
and never give a verdict ("usted necesita..."): the answers "suggest" a level of care to
discuss with a clinician. Placeholders other than pronouns keep the English names
({sedatives}, {often}, {after}, {level}, {listed}, {why}); the fragments that fill them are
below (``SUBSTANCE_NAMES_ES``, ``OFTEN_ES``, ``RELAPSE_ES``, ``COMBINED_ES``, ``WHY_ES``,
``LEVEL_NAMES_ES``, ``JOIN_WORDS_ES``).
"""

from __future__ import annotations

LINE_988_ES = (
    "[[lifeline.name]] (llame al [[lifeline_es]] para hablar en español, o envíe "
    "[[lifeline_es.code]] por mensaje de texto al [[lifeline_es.text]])"
)


def _pair(self_text: str, other_text: str) -> dict[str, str]:
    return {"self": self_text, "someone_else": other_text}


def _same(text: str) -> dict[str, str]:
    return _pair(text, text)


LEVEL_NAMES_ES: dict[str, str] = {
    "outpatient": "tratamiento ambulatorio estándar",
    "iop": "tratamiento ambulatorio intensivo (IOP)",
    "php": "hospitalización parcial (PHP)",
    "residential": "tratamiento residencial",
    "inpatient": "hospitalización (tratamiento hospitalario)",
}

AREA_NAMES_ES: dict[int, str] = {
    1: "Intoxicación y síntomas de abstinencia",
    2: "Salud física",
    3: "Salud emocional y mental",
    4: "Disposición para el cambio",
    5: "Riesgo de recaída o de seguir consumiendo",
    6: "Entorno de vida y recuperación",
}

_BENZODIAZEPINE_DEPENDENCE_ES = (
    "La dependencia de las benzodiacepinas puede aparecer tras unas semanas de uso "
    "constante, incluso tomándolas como se recetaron."
)
FLAG_TEXT_ES: dict[str, str] = {
    "same_day_evaluation": (
        "Los pensamientos de suicidio con un estado de ánimo tan difícil requieren una "
        "evaluación de salud mental hoy mismo. Comuníquese ahora con la " + LINE_988_ES + ": "
        "pueden hablar con usted y ayudar a conseguir la evaluación. Si hay un plan o la "
        "intención de actuar, llame al [[emergency]]."
    ),
    "safety_resources": (
        "El hogar no es seguro en este momento. Si alguien le hace daño o le amenaza, la Línea "
        "Nacional sobre la Violencia Doméstica es gratuita y atiende las 24 horas: llame al "
        "[[dv]] (TTY [[dv.tty]]) o envíe [[dv.code]] por mensaje de texto al [[dv.text]]. Si le "
        "están haciendo daño a un niño o una niña, llame o envíe un mensaje de texto a la Línea "
        "Nacional Childhelp contra el Abuso Infantil, [[childhelp]], las 24 horas. Estas líneas "
        "no son servicios de emergencia: si hay peligro, llame al [[emergency]]. Comuníquese "
        "desde un teléfono y a una hora que sean seguros, y piense en quién puede ver sus "
        "llamadas y mensajes."
    ),
    "see_doctor": (
        "Un problema de salud que no está controlado necesita atención médica pronto. Vaya a "
        "un médico o a un centro de atención urgente en uno o dos días. Si empeora rápido, "
        "llame al [[emergency]]."
    ),
    "pregnancy_moud": (
        "Durante el embarazo, los medicamentos (buprenorfina o metadona) son el tratamiento "
        "recomendado para el consumo de opioides. Son más seguros para el embarazo que dejar "
        "los opioides pasando por los síntomas de abstinencia (desintoxicación). Comuníquese "
        "en los próximos días con un profesional de atención prenatal o de adicciones. Si "
        "empiezan los síntomas de abstinencia, vaya a una sala de emergencias."
    ),
    "naloxone": (
        "Tenga naloxona (Narcan) a mano: revierte una sobredosis de opioides. Se vende sin "
        "receta. Después de cualquier pausa en el consumo de opioides, aunque sea de pocos "
        "días (desintoxicación, tratamiento residencial, una estadía en el hospital o la "
        "cárcel), el cuerpo pierde su tolerancia, y la dosis de antes puede detener la "
        "respiración. No consuma sin compañía: otra persona puede darle naloxona y llamar "
        "al [[emergency]]."
    ),
    "withdrawal_assessment": (
        "Antes de dejar de consumir o de reducir el consumo, pida a un profesional de la "
        "salud que revise el riesgo de síntomas de abstinencia. Después de un consumo "
        "regular de alcohol o benzodiacepinas, dejarlos puede causar síntomas de abstinencia "
        "peligrosos, y los medicamentos pueden hacerlo más seguro. "
        + _BENZODIAZEPINE_DEPENDENCE_ES
    ),
    "do_not_stop_abruptly": (
        "Dejar el alcohol o las benzodiacepinas de golpe después de un consumo regular puede "
        "causar síntomas de abstinencia peligrosos, incluso convulsiones. Busque consejo "
        "médico antes de dejarlos. " + _BENZODIAZEPINE_DEPENDENCE_ES
    ),
    "pregnancy": (
        "Durante el embarazo, la atención del consumo de sustancias debe estar muy "
        "coordinada con la atención prenatal. Los opioides no se deben dejar de golpe sin "
        "consejo médico."
    ),
    "safety_plan": (
        "Se mencionaron pensamientos de suicidio o de hacerse daño. Un plan de seguridad, "
        "hecho con un profesional de la salud, ayuda en los momentos difíciles. La "
        + LINE_988_ES
        + " atiende las 24 horas, los 7 días de la semana."
    ),
    "medication": (
        "Los medicamentos para tratar el consumo de alcohol (naltrexona, acamprosato o "
        "disulfiram) pueden ayudar en la recuperación. Pregunte a cada programa si ofrece "
        "estos medicamentos o si trabaja con alguien que los receta."
    ),
    "co_occurring": (
        "Se mencionaron problemas de salud mental. Esto es común. Los problemas de salud "
        "mental que ocurren al mismo tiempo, si están estables, se tratan junto con el "
        "consumo de sustancias, incluso en el tratamiento ambulatorio intensivo (IOP). "
        "Pregunte a cada programa cómo ofrece la atención de salud mental."
    ),
    "telehealth": (
        "La atención por telesalud (en línea) es una opción para preguntar. Un estudio "
        "grande encontró resultados parecidos en el IOP en línea, mixto y en persona."
    ),
    "adolescent": (
        "Los programas para adolescentes son diferentes de los programas para adultos. El "
        "IOP para adolescentes suele ser de 6 horas o más por semana, y la familia participa "
        "en la atención."
    ),
}
MEDICATION_OPIOIDS_ES: str = (
    "Los medicamentos son el tratamiento más eficaz para el consumo de opioides: "
    "buprenorfina, metadona o naltrexona. La metadona solo se da en programas de "
    "tratamiento de opioides. El tratamiento con medicamentos puede empezar rápido, a "
    "menudo antes de que haya lugar en un programa. Pregunte a cada programa si ofrece "
    "estos medicamentos o trabaja con alguien que los receta, y si permite seguir con ellos."
)
WITHDRAWAL_CARE_TEXT_ES: dict[str, str] = {
    "none": "",
    "ambulatory": (
        "Los síntomas de abstinencia se pueden manejar con visitas de tratamiento "
        "ambulatorio, donde un profesional de la salud revisa cómo van."
    ),
    "monitored": (
        "Manejo de los síntomas de abstinencia con vigilancia durante la mayor parte del día, "
        "volviendo a casa por la noche. Durante el día, una clínica revisa los síntomas y da "
        "medicamentos."
    ),
    "residential": (
        "Manejo de los síntomas de abstinencia en un programa residencial, con personal a "
        "toda hora, porque el hogar no es un lugar seguro para pasarlos en este momento."
    ),
    "medically_managed": (
        "Manejo de los síntomas de abstinencia con médicos y personal de enfermería muy "
        "atentos, en un hospital o una unidad de internación. No pase por estos síntomas de "
        "abstinencia en casa."
    ),
    "medication": (
        "En el embarazo, los medicamentos (buprenorfina o metadona) son el tratamiento "
        "recomendado para el consumo de opioides, en lugar de pasar por los síntomas de "
        "abstinencia."
    ),
}

# Words the engine joins into lists ("alcohol o benzodiacepinas"; "a, b y c"). No listed
# fragment starts with an "i"/"hi" or "o"/"ho" sound, so "y" and "o" never change form.
JOIN_WORDS_ES: dict[str, str] = {"and": "y", "or": "o"}
SUBSTANCE_NAMES_ES: dict[str, str] = {
    "alcohol": "alcohol",
    "benzodiazepines": "benzodiacepinas",
}
OFTEN_ES: dict[str, str] = {"daily": "todos los días", "weekly": "todas las semanas"}

# past_treatment -> ({after}, {level}) for the "relapse" text.
RELAPSE_ES: dict[str, tuple[str, str]] = {
    "relapse_after_outpatient": (
        "después del tratamiento ambulatorio estándar",
        "subir al menos a un tratamiento ambulatorio intensivo (IOP)",
    ),
    "relapse_after_intensive": (
        "después de un tratamiento ambulatorio intensivo (IOP) o un programa de día",
        "al menos hospitalización parcial (PHP)",
    ),
    "relapse_after_residential": (
        "después del tratamiento residencial",
        "volver al tratamiento residencial",
    ),
}

# The serious concerns listed in the "combined" text ({listed}), by for_whom.
COMBINED_ES: dict[str, dict[str, str]] = {
    "unstable": _same("un problema de salud que no está estable"),
    "mood": _same("un estado de ánimo que le impide cuidarse"),
    "cannot_go_a_day": _same("no poder pasar un día sin consumir"),
    "relapse_after_residential": _same(
        "haber vuelto a consumir después del tratamiento residencial"
    ),
    "suicidal_thoughts": _same("pensamientos de suicidio"),
}

# Why a neighbouring level is also worth discussing ({why} in "note_also").
WHY_ES: dict[str, str] = {
    "several": "porque más de un área apunta a este nivel",
    "self_harm": "por los pensamientos de hacerse daño que se mencionaron",
    "daily_or_mood": "por el consumo diario o las preocupaciones sobre el estado de ánimo "
    "que se mencionaron",
    "monitored_withdrawal": "porque el manejo de la abstinencia con vigilancia durante todo "
    "el día puede ayudar",
    "day_program": "porque un programa de día significa volver a casa cada noche",
    "risks": "por los riesgos de síntomas de abstinencia o de salud que se mencionaron",
    "hours_fit": "{mild}, y las horas disponibles encajan con ese nivel",
}

# One pair per key of programs.triage._TEXT: {"self": usted, "someone_else": la persona}.
TEXT_ES: dict[str, dict[str, str]] = {
    "severe_sedative": _pair(
        "Usted ha tenido convulsiones, alucinaciones o delirium tremens (DT) al dejar de "
        "consumir, y consume {sedatives} {often}. Sus respuestas sugieren la hospitalización "
        "(tratamiento hospitalario), donde los médicos manejan los síntomas de abstinencia de "
        "forma segura.",
        "La persona ha tenido convulsiones, alucinaciones o delirium tremens (DT) al dejar de "
        "consumir, y consume {sedatives} {often}. Sus respuestas sugieren la hospitalización "
        "(tratamiento hospitalario), donde los médicos manejan los síntomas de abstinencia de "
        "forma segura.",
    ),
    "severe_other": _pair(
        "Usted ha tenido convulsiones, alucinaciones o delirium tremens (DT) al dejar de "
        "consumir. Sus respuestas sugieren atención las 24 horas, con manejo médico de la "
        "abstinencia.",
        "La persona ha tenido convulsiones, alucinaciones o delirium tremens (DT) al dejar de "
        "consumir. Sus respuestas sugieren atención las 24 horas, con manejo médico de la "
        "abstinencia.",
    ),
    "moderate": _pair(
        "Sus síntomas de abstinencia han sido moderados. Sus respuestas sugieren manejo de "
        "los síntomas de abstinencia con vigilancia durante la mayor parte del día, volviendo "
        "a casa por la noche, y al menos un tratamiento ambulatorio intensivo (IOP).",
        "Los síntomas de abstinencia de la persona han sido moderados. Sus respuestas "
        "sugieren manejo de los síntomas de abstinencia con vigilancia durante la mayor parte "
        "del día, volviendo a casa por la noche, y al menos un tratamiento ambulatorio "
        "intensivo (IOP).",
    ),
    "moderate_unsafe": _pair(
        "Sus síntomas de abstinencia han sido moderados, y su hogar no es un lugar seguro "
        "para pasarlos. Entonces, el manejo de los síntomas de abstinencia por lo general se "
        "da en un programa residencial.",
        "Los síntomas de abstinencia de la persona han sido moderados, y su hogar no es un "
        "lugar seguro para pasarlos. Entonces, el manejo de los síntomas de abstinencia por "
        "lo general se da en un programa residencial.",
    ),
    "moderate_pregnant_opioids": _pair(
        "Sus síntomas de abstinencia han sido moderados. En el embarazo se recomiendan los "
        "medicamentos (buprenorfina o metadona) en lugar de dejar los opioides y pasar por los "
        "síntomas de abstinencia. Sus respuestas sugieren al menos un tratamiento ambulatorio "
        "intensivo (IOP), con medicamentos y atención prenatal.",
        "Los síntomas de abstinencia de la persona han sido moderados. En el embarazo se "
        "recomiendan los medicamentos (buprenorfina o metadona) en lugar de dejar los opioides y "
        "pasar por los síntomas de abstinencia. Sus respuestas sugieren al menos un tratamiento "
        "ambulatorio intensivo (IOP), con medicamentos y atención prenatal.",
    ),
    "mild_pregnant_opioids": _pair(
        "Sus síntomas de abstinencia han sido leves. En el embarazo se recomiendan los "
        "medicamentos (buprenorfina o metadona) en lugar de dejar los opioides y pasar por los "
        "síntomas de abstinencia.",
        "Los síntomas de abstinencia de la persona han sido leves. En el embarazo se recomiendan "
        "los medicamentos (buprenorfina o metadona) en lugar de dejar los opioides y pasar por "
        "los síntomas de abstinencia.",
    ),
    "severe_pregnant_opioids": _pair(
        "Usted ha tenido convulsiones, alucinaciones o delirium tremens (DT) al dejar de "
        "consumir. En el embarazo, pasar por los síntomas de abstinencia no es el plan para el "
        "consumo de opioides: sus respuestas sugieren atención las 24 horas, donde se pueden "
        "empezar medicamentos (buprenorfina o metadona) de forma segura.",
        "La persona ha tenido convulsiones, alucinaciones o delirium tremens (DT) al dejar de "
        "consumir. En el embarazo, pasar por los síntomas de abstinencia no es el plan para el "
        "consumo de opioides: sus respuestas sugieren atención las 24 horas, donde se pueden "
        "empezar medicamentos (buprenorfina o metadona) de forma segura.",
    ),
    "never_stopped": _pair(
        "Usted nunca ha dejado ni reducido el consumo, y consume {sedatives} {often}. Antes "
        "de dejarlo, un profesional de la salud debe revisar el riesgo de síntomas de "
        "abstinencia.",
        "La persona nunca ha dejado ni reducido el consumo, y consume {sedatives} {often}. "
        "Antes de dejarlo, un profesional de la salud debe revisar el riesgo de síntomas de "
        "abstinencia.",
    ),
    "sedatives_together": _pair(
        "Usted consume alcohol y benzodiacepinas, y sus síntomas de abstinencia han sido "
        "moderados o más fuertes. Los síntomas de abstinencia de los dos juntos pueden ser "
        "peligrosos. Sus respuestas sugieren manejo de los síntomas de abstinencia con médicos y "
        "personal de enfermería, y al menos tratamiento residencial.",
        "La persona consume alcohol y benzodiacepinas, y sus síntomas de abstinencia han sido "
        "moderados o más fuertes. Los síntomas de abstinencia de los dos juntos pueden ser "
        "peligrosos. Sus respuestas sugieren manejo de los síntomas de abstinencia con médicos y "
        "personal de enfermería, y al menos tratamiento residencial.",
    ),
    "mild": _pair(
        "Sus síntomas de abstinencia han sido leves. Por lo general se pueden revisar en las "
        "visitas de tratamiento ambulatorio.",
        "Los síntomas de abstinencia de la persona han sido leves. Por lo general se pueden "
        "revisar en las visitas de tratamiento ambulatorio.",
    ),
    "no_sudden_stop": _pair(
        "Usted no debe dejar de consumir {sedatives} de golpe sin consejo médico. Después de un "
        "consumo regular, los síntomas de abstinencia pueden incluir convulsiones que ponen en "
        "peligro la vida.",
        "La persona no debe dejar de consumir {sedatives} de golpe sin consejo médico. Después de "
        "un consumo regular, los síntomas de abstinencia pueden incluir convulsiones que ponen en "
        "peligro la vida.",
    ),
    "mixing": _pair(
        "Consumir opioides junto con {sedatives} aumenta su riesgo de sobredosis. Tenga "
        "naloxona (Narcan) a mano.",
        "Consumir opioides junto con {sedatives} aumenta el riesgo de sobredosis de la "
        "persona. Tenga naloxona (Narcan) a mano.",
    ),
    "unstable_severe": _pair(
        "Usted tiene un problema de salud que no está estable y ha tenido síntomas de abstinencia "
        "graves antes. Sus respuestas sugieren la hospitalización (tratamiento hospitalario).",
        "La persona tiene un problema de salud que no está estable y ha tenido síntomas de "
        "abstinencia graves antes. Sus respuestas sugieren la hospitalización (tratamiento "
        "hospitalario).",
    ),
    "unstable": _pair(
        "Usted tiene un problema de salud que no está estable en este momento. El tratamiento "
        "ambulatorio intensivo (IOP) y los programas de día no pueden atenderlo. Sus "
        "respuestas sugieren tratamiento residencial con personal de enfermería.",
        "La persona tiene un problema de salud que no está estable en este momento. El "
        "tratamiento ambulatorio intensivo (IOP) y los programas de día no pueden atenderlo. "
        "Sus respuestas sugieren tratamiento residencial con personal de enfermería.",
    ),
    "stable": _pair(
        "Usted tiene un problema de salud estable. Avise a cada programa para que la "
        "atención se adapte a ese problema.",
        "La persona tiene un problema de salud estable. Avise a cada programa para que la "
        "atención se adapte a ese problema.",
    ),
    "pregnant": _pair(
        "Usted está embarazada. Sus respuestas sugieren al menos un tratamiento ambulatorio "
        "intensivo (IOP), muy coordinado con su atención prenatal.",
        "La persona está embarazada. Sus respuestas sugieren al menos un tratamiento "
        "ambulatorio intensivo (IOP), muy coordinado con su atención prenatal.",
    ),
    "pregnant_opioids": _pair(
        "Como usted consume opioides durante el embarazo, los medicamentos (buprenorfina o "
        "metadona) son el tratamiento recomendado, en lugar de dejarlos y pasar por los síntomas "
        "de abstinencia. Hable en pocos días con un profesional de atención prenatal o de "
        "adicciones, por su seguridad y la del bebé.",
        "Como la persona consume opioides durante el embarazo, los medicamentos (buprenorfina o "
        "metadona) son el tratamiento recomendado, en lugar de dejarlos y pasar por los síntomas "
        "de abstinencia. La persona debe hablar en pocos días con un profesional de atención "
        "prenatal o de adicciones, por su seguridad y la del bebé.",
    ),
    "pregnant_withdrawal": _pair(
        "Usted está embarazada, y sus síntomas de abstinencia de {sedatives} han sido moderados o "
        "más fuertes. En el embarazo, es más seguro pasar estos síntomas de abstinencia en un "
        "hospital o una unidad de internación, nunca en casa. Sus respuestas sugieren al menos "
        "tratamiento residencial.",
        "La persona está embarazada, y sus síntomas de abstinencia de {sedatives} han sido "
        "moderados o más fuertes. En el embarazo, es más seguro pasar estos síntomas de "
        "abstinencia en un hospital o una unidad de internación, nunca en casa. Sus respuestas "
        "sugieren al menos tratamiento residencial.",
    ),
    "mood_severe": _pair(
        "A veces su estado de ánimo le impide cuidarse o mantenerse a salvo. Sus respuestas "
        "sugieren al menos hospitalización parcial (PHP), que tiene más atención de salud "
        "mental disponible.",
        "A veces el estado de ánimo de la persona le impide cuidarse o mantenerse a salvo. "
        "Sus respuestas sugieren al menos hospitalización parcial (PHP), que tiene más "
        "atención de salud mental disponible.",
    ),
    "mood_some": _pair(
        "Usted tiene algunas preocupaciones sobre su estado de ánimo o su salud mental. Eso "
        "es común, y los problemas estables se tratan junto con el consumo de sustancias, "
        "incluso en el tratamiento ambulatorio intensivo (IOP).",
        "La persona tiene algunas preocupaciones sobre su estado de ánimo o su salud mental. "
        "Eso es común, y los problemas estables se tratan junto con el consumo de "
        "sustancias, incluso en el tratamiento ambulatorio intensivo (IOP).",
    ),
    "harm_active": _pair(
        "Usted ha tenido pensamientos de suicidio en el último mes. Sus respuestas "
        "sugieren al menos hospitalización parcial (PHP) y un plan de seguridad. Puede "
        "comunicarse en cualquier momento con la " + LINE_988_ES + ".",
        "La persona ha tenido pensamientos de suicidio en el último mes. Sus respuestas "
        "sugieren al menos hospitalización parcial (PHP) y un plan de seguridad. La persona "
        "puede comunicarse en cualquier momento con la " + LINE_988_ES + ".",
    ),
    "harm_passive": _pair(
        "Usted ha tenido algunos pensamientos de hacerse daño o de no querer vivir. Un "
        "profesional de la salud puede ayudarle a hacer un plan de seguridad. Puede "
        "comunicarse en cualquier momento con la " + LINE_988_ES + ".",
        "La persona ha tenido algunos pensamientos de hacerse daño o de no querer vivir. Un "
        "profesional de la salud puede ayudarle a hacer un plan de seguridad. La persona "
        "puede comunicarse en cualquier momento con la " + LINE_988_ES + ".",
    ),
    "ready": _pair(
        "Usted siente que es el momento de hacer un cambio. Es un muy buen comienzo.",
        "La persona siente que es el momento de hacer un cambio. Es un muy buen comienzo.",
    ),
    "unsure": _pair(
        "Usted tiene dudas sobre cambiar. Eso es común, y un profesional de la salud puede "
        "conversarlo con usted. Las dudas no cambian el nivel de atención que se sugiere.",
        "La persona tiene dudas sobre cambiar. Eso es común, y un profesional de la salud "
        "puede conversarlo con ella. Las dudas no cambian el nivel de atención que se "
        "sugiere.",
    ),
    "not_ready": _pair(
        "Usted siente que todavía no es el momento de cambiar. Muchas personas empiezan así. "
        "Esto no cambia el nivel de atención que se sugiere, y un profesional de la salud "
        "puede ir a su ritmo.",
        "La persona siente que todavía no es el momento de cambiar. Muchas personas empiezan "
        "así. Esto no cambia el nivel de atención que se sugiere, y un profesional de la "
        "salud puede ir a su ritmo.",
    ),
    "hard_some_days": _pair(
        "Algunos días a usted le cuesta no consumir. Sus respuestas sugieren al menos un "
        "tratamiento ambulatorio intensivo (IOP), con apoyo varios días por semana.",
        "Algunos días a la persona le cuesta no consumir. Sus respuestas sugieren al menos un "
        "tratamiento ambulatorio intensivo (IOP), con apoyo varios días por semana.",
    ),
    "cannot_go_a_day": _pair(
        "A usted le cuesta mucho pasar un día sin consumir. Sus respuestas sugieren al menos "
        "hospitalización parcial (PHP), con atención durante la mayor parte del día.",
        "A la persona le cuesta mucho pasar un día sin consumir. Sus respuestas sugieren al "
        "menos hospitalización parcial (PHP), con atención durante la mayor parte del día.",
    ),
    "stepping_down": _pair(
        "Usted está terminando, o acaba de terminar, un programa de tratamiento más "
        "intensivo. Sus respuestas sugieren bajar a un tratamiento ambulatorio intensivo "
        "(IOP), para mantener el apoyo mientras vuelve a su vida diaria.",
        "La persona está terminando, o acaba de terminar, un programa de tratamiento más "
        "intensivo. Sus respuestas sugieren bajar a un tratamiento ambulatorio intensivo "
        "(IOP), para mantener el apoyo mientras vuelve a su vida diaria.",
    ),
    "relapse": _pair(
        "Usted volvió a consumir {after}. Una recaída es común y no es un fracaso. Sus "
        "respuestas sugieren {level}.",
        "La persona volvió a consumir {after}. Una recaída es común y no es un fracaso. Sus "
        "respuestas sugieren {level}.",
    ),
    "home_unsafe": _pair(
        "Su hogar no es un lugar seguro para la recuperación en este momento. Sus respuestas "
        "sugieren tratamiento residencial, donde usted vive en el programa durante el "
        "tratamiento.",
        "El hogar de la persona no es un lugar seguro para la recuperación en este momento. "
        "Sus respuestas sugieren tratamiento residencial, donde la persona vive en el "
        "programa durante el tratamiento.",
    ),
    "home_mixed": _pair(
        "Su hogar apoya su recuperación solo en parte. Sus respuestas sugieren al menos un "
        "tratamiento ambulatorio intensivo (IOP), para tener más apoyo durante la semana.",
        "El hogar de la persona apoya su recuperación solo en parte. Sus respuestas sugieren "
        "al menos un tratamiento ambulatorio intensivo (IOP), para tener más apoyo durante "
        "la semana.",
    ),
    "no_support": _pair(
        "En este momento nadie a su alrededor apoya su recuperación. Sus respuestas sugieren "
        "al menos un tratamiento ambulatorio intensivo (IOP), donde el apoyo del grupo y de "
        "pares es parte de la atención.",
        "En este momento nadie alrededor de la persona apoya su recuperación. Sus respuestas "
        "sugieren al menos un tratamiento ambulatorio intensivo (IOP), donde el apoyo del "
        "grupo y de pares es parte de la atención.",
    ),
    "combined": _pair(
        "Usted tiene varias preocupaciones serias a la vez: {listed}. En conjunto, sus "
        "respuestas sugieren tratamiento residencial, con apoyo a toda hora.",
        "La persona tiene varias preocupaciones serias a la vez: {listed}. En conjunto, sus "
        "respuestas sugieren tratamiento residencial, con apoyo a toda hora.",
    ),
    "outpatient": _pair(
        "Sus respuestas sugieren que el tratamiento ambulatorio estándar puede ser suficiente "
        "para empezar: usted puede dejar de consumir cuando así lo decide, su hogar apoya su "
        "recuperación, y sus respuestas no mencionan síntomas de abstinencia graves, un problema "
        "de salud que no está estable ni una crisis de salud mental.",
        "Sus respuestas sugieren que el tratamiento ambulatorio estándar puede ser suficiente "
        "para empezar: la persona puede dejar de consumir cuando así lo decide, su hogar apoya su "
        "recuperación, y sus respuestas no mencionan síntomas de abstinencia graves, un problema "
        "de salud que no está estable ni una crisis de salud mental.",
    ),
    # Notes give practical advice to the reader, so most read the same for both.
    "note_also": _same(
        "Otro nivel de atención para hablar con un profesional de la salud: {level}, {why}."
    ),
    "note_step_down": _same(
        "Otro nivel de atención para hablar con un profesional de la salud: tratamiento "
        "ambulatorio estándar, como el siguiente paso después del IOP, o si un profesional "
        "de la salud considera que basta con menos apoyo."
    ),
    "note_iop_hours": _same(
        "Las horas disponibles son menos de las que suele pedir un tratamiento ambulatorio "
        "intensivo (IOP): 9 horas o más por semana, a menudo unas 3 horas al día, de 3 a 5 "
        "días por semana. Pregunte por horarios de noche. Puede ayudar preguntar por un "
        "permiso en el trabajo o planear el cuidado de los niños."
    ),
    "note_teen_iop_hours": _same(
        "Los IOP para adolescentes suelen empezar con 6 horas por semana, que pueden ser más "
        "de las horas disponibles. Pregunte por horarios después de la escuela y por cómo "
        "encajan las sesiones en familia."
    ),
    "note_iop_fits": _same("Las horas disponibles encajan con el horario típico de un IOP."),
    "note_php_hours": _same(
        "Las horas disponibles son menos de las que suele pedir un programa de día "
        "(hospitalización parcial, PHP): la mayor parte del día, unos 5 días por semana (20 "
        "horas o más). Pregunte por la licencia médica en el trabajo y por ayuda con el "
        "cuidado de los niños."
    ),
    "note_teen_php_hours": _same(
        "Un programa de día (hospitalización parcial, PHP) para adolescentes suele durar la "
        "mayor parte del día escolar, unos 5 días por semana, más de las horas disponibles. "
        "Pregunte si el programa incluye clases, cómo trabaja con la escuela y cómo encajan "
        "las sesiones en familia."
    ),
    "note_live_in": _same(
        "Este nivel de atención significa quedarse en el programa o en el hospital, de día y "
        "de noche, por un tiempo. Planee el tiempo fuera del trabajo o la escuela, y pregunte "
        "cómo puede seguir participando la familia."
    ),
    "note_teen_live_in": _same(
        "Este nivel de atención significa quedarse en el programa o en el hospital, de día y "
        "de noche, por un tiempo. Pregunte cómo sigue allí el trabajo de la escuela y cómo "
        "puede participar la familia, por ejemplo en sesiones en familia."
    ),
    "note_virtual_maybe": _same(
        "Las sesiones por telesalud (en línea) pueden ayudar cuando es difícil viajar. Un "
        "estudio grande encontró que el IOP en línea funcionó casi igual de bien que el IOP "
        "en persona."
    ),
    "note_virtual_later": _same(
        "En este nivel, la atención es sobre todo en persona. La telesalud (en línea) puede "
        "ayudar más adelante, al bajar de nivel."
    ),
    "note_keep_medicine": _pair(
        "Siga tomando su medicamento tal como se lo recetaron, y avise a cada programa.",
        "La persona debe seguir tomando su medicamento tal como se lo recetaron, y avisar a "
        "cada programa.",
    ),
}

# danger -> (number to call, text for "self", for "someone_else", for an unknown reader),
# as triage._CRISIS.
CRISIS_ES: dict[str, tuple[str, str, str, str]] = {
    "suicide_plan": (
        "[[lifeline]]",
        "Por favor, comuníquese ahora con la " + LINE_988_ES + ". Es gratuita y atiende las "
        "24 horas, los 7 días de la semana. Si está en peligro inmediato, llame al [[emergency]]. "
        "Si es veterano o veterana, marque el [[veterans]].",
        "Comuníquese ahora con la " + LINE_988_ES + ". Es gratuita y atiende las 24 horas, "
        "los 7 días de la semana. Si la persona está en peligro inmediato, llame al "
        "[[emergency]]. Quédese con ella si es seguro hacerlo.",
        "Comuníquese ahora con la " + LINE_988_ES + ". Es gratuita y atiende las 24 horas, "
        "los 7 días de la semana. Si alguien está en peligro inmediato, llame al [[emergency]]. "
        "Si está con la persona, quédese con ella si es seguro hacerlo.",
    ),
    "overdose_signs": (
        "[[emergency]]",
        "Llame al [[emergency]] ahora, o pídale a alguien cerca que llame. Si hay naloxona "
        "(Narcan), pida que alguien se la dé. No se quede sin compañía.",
        "Llame al [[emergency]] ahora. Dele naloxona (Narcan) si la tiene. Quédese con la persona "
        "hasta que llegue la ayuda. Las señales incluyen no despertar, una respiración lenta "
        "o que se detiene, y labios azules o grises.",
        "Llame al [[emergency]] ahora. Dele naloxona (Narcan) a la persona si la tiene. Quédese "
        "con ella hasta que llegue la ayuda, y no deje sin compañía a nadie que pueda estar "
        "teniendo una sobredosis.",
    ),
    "withdrawal_emergency": (
        "[[emergency]]",
        "Las convulsiones, la confusión, las alucinaciones o los temblores fuertes al dejar "
        "de consumir son una emergencia. Llame al [[emergency]] ahora, o pídale a alguien "
        "cerca que llame.",
        "Las convulsiones, la confusión, las alucinaciones o los temblores fuertes al dejar "
        "de consumir son una emergencia. Llame al [[emergency]] ahora y quédese con la persona "
        "hasta que llegue la ayuda.",
        "Las convulsiones, la confusión, las alucinaciones o los temblores fuertes al dejar "
        "de consumir son una emergencia. Llame al [[emergency]] ahora y quédese con la persona "
        "hasta que llegue la ayuda.",
    ),
    "harm_others": (
        "[[emergency]]",
        "Si alguien podría salir gravemente herido, llame al [[emergency]] ahora. Aléjese de "
        "cualquier cosa que pudiera usar para hacerle daño a alguien, y de la persona si puede.",
        "Si alguien podría salir gravemente herido, llame al [[emergency]] ahora. Aléjese del "
        "peligro, y aleje a los demás, hasta que llegue la ayuda.",
        "Si alguien podría salir gravemente herido, llame al [[emergency]] ahora. Mantenga a "
        "todos lejos del peligro hasta que llegue la ayuda.",
    ),
}
