"""Spanish text for the clinical content in ``programs.content``.

Pure data, standard library only (like ``programs.content``, a data migration may import
it). Every record is keyed so a loader can match it to the English one: services and
levels by slug, criteria by their position in the English level's ``criteria`` list,
questions, warnings, intensities and sources by position, facts by key. Only the text
fields are here; numbers, flags and slugs come from the English records.

Style: plain, warm Spanish that speaks to the reader as "usted", at about a 6th-8th grade
reading level, with the project's glossary of terms (for example "tratamiento ambulatorio
intensivo (IOP)", "nivel de atención", "profesional de la salud"). The site informs and
never diagnoses. Proper names (SAMHSA, NIDA, ASAM, Medicare, Medicaid, Hazelden Betty
Ford) and the acronyms IOP and PHP stay as they are.
"""

from __future__ import annotations

# The six areas a clinician weighs, in their public order (as ``content.AREAS``).
AREAS_ES = {
    1: "Intoxicación y síntomas de abstinencia",
    2: "Salud física",
    3: "Salud emocional y mental",
    4: "Disposición para el cambio",
    5: "Riesgo de recaída o de seguir consumiendo",
    6: "Entorno de vida y recuperación",
}


# ---------------------------------------------------------------------------
# Services (slug -> text)
# ---------------------------------------------------------------------------

SERVICES_ES = {
    "individual-counseling": {
        "name": "Consejería individual",
        "description": (
            "Tiempo a solas con un consejero o terapeuta. Juntos ven qué hace que el consumo "
            "de sustancias continúe y fijan metas que son importantes para la persona. "
            "Muchos programas usan terapias de conversación que, según las investigaciones, "
            "pueden ayudar."
        ),
    },
    "group-therapy": {
        "name": "Terapia de grupo",
        "description": (
            "Un grupo pequeño se reúne con un líder capacitado para hablar, aprender y "
            "practicar nuevas habilidades. Escuchar a otras personas que pasan por lo mismo "
            "puede aliviar la vergüenza y dar esperanza. Los grupos suelen ser la parte "
            "principal de la semana en un programa."
        ),
    },
    "family-psychoeducation": {
        "name": "Educación y apoyo para la familia",
        "description": (
            "Sesiones que ayudan a los familiares a entender la adicción, el tratamiento y "
            "la recuperación. Las familias aprenden cómo apoyar el cambio y también cómo "
            "cuidarse. Algunos programas ofrecen además consejería familiar."
        ),
    },
    "case-management": {
        "name": "Manejo de casos",
        "description": (
            "Un miembro del personal ayuda con necesidades prácticas que pueden dificultar "
            "la recuperación, como la vivienda, el transporte, el seguro médico, asuntos "
            "legales o el cuidado de los niños. También conecta a la persona con otros "
            "servicios."
        ),
    },
    "relapse-prevention": {
        "name": "Habilidades para prevenir una recaída",
        "description": (
            "Clases y práctica para reconocer lo que provoca el deseo de consumir, manejar "
            "las ansias de consumir y hacer un plan para los momentos difíciles. Volver a "
            "consumir se ve como una razón para ajustar el plan, no como un fracaso."
        ),
    },
    "medication-for-addiction": {
        "name": "Medicamentos para tratar el consumo de opioides o alcohol",
        "description": (
            "Los medicamentos aprobados ayudan de distintas maneras. Para el consumo de "
            "opioides, la metadona y la buprenorfina calman las ansias de consumir y los "
            "síntomas de abstinencia, y bajan el riesgo de morir por una sobredosis. La "
            "naltrexona bloquea los efectos de los opioides y puede calmar las ansias de "
            "consumir. Para el consumo de alcohol, la naltrexona y el acamprosato pueden "
            "calmar las ansias de beber y ayudar a mantenerse sin beber. El disulfiram no "
            "calma las ansias: beber mientras se toma hace sentir muy mal, así que ayuda a "
            "quien quiere dejar de beber por completo. Algunos programas recetan estos "
            "medicamentos; otros trabajan con un médico de fuera que los receta."
        ),
    },
    "psychiatric-care": {
        "name": "Atención de salud mental",
        "description": (
            "Atención para problemas como la depresión, la ansiedad, el trastorno de estrés "
            "postraumático (TEPT) o el trastorno bipolar, que a menudo ocurren al mismo "
            "tiempo que el consumo de sustancias. Puede incluir una evaluación, terapia y "
            "medicamentos. Algunos programas la ofrecen en el mismo lugar; otros la "
            "coordinan con otro proveedor."
        ),
    },
    "trauma-care": {
        "name": "Atención informada sobre el trauma",
        "description": (
            "Muchas personas en tratamiento han vivido un trauma. La atención informada "
            "sobre el trauma significa que el personal trabaja de maneras que se sienten "
            "seguras y respetuosas. Algunos programas también ofrecen terapia enfocada en el "
            "trauma, o envían a la persona a otro lugar para recibirla."
        ),
    },
    "withdrawal-management": {
        "name": "Manejo de la abstinencia (desintoxicación)",
        "description": (
            "Atención médica que ayuda al cuerpo a pasar los síntomas de abstinencia de forma "
            "segura y más cómoda. Por sí sola hace poco para cambiar el consumo a largo plazo, "
            "así que debe llevar directamente a un tratamiento."
        ),
    },
    "peer-support": {
        "name": "Apoyo de pares",
        "description": (
            "Apoyo de personas capacitadas que han vivido su propia recuperación (pares). "
            "Ofrecen esperanza, consejos prácticos y un enlace con comunidades de "
            "recuperación."
        ),
    },
    "mutual-help-linkage": {
        "name": "Conexión con grupos de ayuda mutua",
        "description": (
            "Se anima a la persona a probar grupos gratuitos de la comunidad, como las "
            "reuniones de doce pasos u otros grupos de ayuda mutua. El personal puede "
            "explicar las opciones y ayudar a la persona a encontrar un grupo donde se "
            "sienta bien."
        ),
    },
    "drug-testing": {
        "name": "Pruebas de drogas y alcohol",
        "description": (
            "Pruebas de orina, saliva o aliento que se hacen según un horario o al azar. "
            "Bien usadas, las pruebas son una herramienta para guiar el tratamiento y crear "
            "confianza, no un castigo."
        ),
    },
    "vocational-help": {
        "name": "Apoyo para el trabajo y los estudios",
        "description": (
            "Ayuda para mantener o encontrar un empleo, volver a estudiar o planear el "
            "tratamiento según el horario de trabajo. Algunos programas ofrecen esta ayuda; "
            "otros envían a la persona a servicios de empleo."
        ),
    },
    "medical-monitoring": {
        "name": "Controles médicos y análisis de laboratorio",
        "description": (
            "Controles regulares por parte de personal de enfermería o médicos, como los "
            "signos vitales y los análisis de laboratorio. Así el equipo puede detectar "
            "problemas de salud a tiempo y ajustar la atención."
        ),
    },
    "structured-living": {
        "name": "Vida estructurada las 24 horas",
        "description": (
            "La persona vive en el programa, con una rutina diaria de terapia, comidas, "
            "descanso y actividades. El personal está presente de día y de noche, lejos de "
            "las presiones de la casa."
        ),
    },
    "24-hour-nursing": {
        "name": "Enfermería las 24 horas",
        "description": (
            "Hay personal de enfermería de turno a toda hora para revisar la salud y dar "
            "medicamentos. Esto es parte de la hospitalización (tratamiento hospitalario) "
            "y de algunos programas de tratamiento residencial con supervisión médica."
        ),
    },
    "physician-care": {
        "name": "Atención diaria de un médico",
        "description": (
            "Un médico ve a la persona todos los días para manejar síntomas de abstinencia "
            "graves, una enfermedad física o problemas de salud mental. Este es el nivel de "
            "atención médica que se da en un hospital."
        ),
    },
    "aftercare-planning": {
        "name": "Planear el siguiente paso",
        "description": (
            "Antes de que termine el programa, el personal ayuda a planear lo que sigue, "
            "como un nivel de atención menos intensivo, consejería continua o apoyo para la "
            "recuperación. Un buen plan reduce el riesgo de quedarse sin atención entre un "
            "paso y otro."
        ),
    },
}


# ---------------------------------------------------------------------------
# Levels of care (slug -> text; "criteria" in the order of the English list)
# ---------------------------------------------------------------------------

LEVELS_ES = {
    "outpatient": {
        "name": "Tratamiento ambulatorio estándar",
        "short_name": "Ambulatorio estándar",
        "summary": (
            "Sesiones regulares de consejería, por lo general una o dos veces por semana, "
            "mientras la persona vive en casa y sigue con su trabajo, sus estudios y su "
            "familia."
        ),
        "description": (
            "El tratamiento ambulatorio estándar es el nivel de atención menos intensivo. La "
            "persona va a un consejero, una clínica o un programa menos de 9 horas por semana "
            "(menos de 6 en el caso de adolescentes), a menudo solo una o dos sesiones.\n\n"
            "Las sesiones pueden ser individuales, en grupo o de los dos tipos. Muchas personas "
            "también toman medicamentos para tratar el consumo de opioides o alcohol, que se "
            "pueden recetar en un consultorio o una clínica.\n\n"
            "Puede ser un primer paso para alguien con riesgos bajos. También es el siguiente "
            "paso habitual después del tratamiento ambulatorio intensivo (IOP) u otro nivel más "
            "intensivo, para que la recuperación continúe.\n\n"
            "El tratamiento ambulatorio a menudo dura varios meses o más. La mayoría de las "
            "personas necesita unos tres meses de tratamiento, sumando todos los niveles, para "
            "lograr un progreso real."
        ),
        "length_note": "A menudo varios meses, a veces más",
        "schedule_note": "1–2 sesiones por semana, a menudo de una hora cada una",
        "setting": "Consultorio, clínica o por video; la persona vive en casa",
        "steps_note": (
            "Se puede empezar aquí, o bajar a este nivel después del IOP u otro nivel más "
            "intensivo. Si el consumo sigue empeorando, o si más apoyo podría ayudar, un "
            "profesional de la salud puede sugerir subir al tratamiento ambulatorio "
            "intensivo (IOP). Los cambios de nivel dependen de una nueva evaluación, no de "
            "un calendario fijo."
        ),
        "typical_week_text": (
            "Una semana típica podría tener una sesión de consejería de 1 hora el lunes y "
            "un grupo de 2 horas el jueves, unas 3 horas en total."
        ),
        "criteria": [
            "Poco o ningún riesgo de síntomas de abstinencia difíciles",
            "La salud física está estable, o un médico de cabecera atiende los problemas de salud",
            "La salud mental está estable, o un problema de salud mental ya está en "
            "tratamiento y bajo control",
            "Tiene algunas habilidades para afrontar las dificultades y, por lo general, "
            "puede manejar las ansias de consumir entre las sesiones semanales",
            "Puede vivir en casa de forma segura, con personas que apoyan su recuperación",
            "Está bajando de nivel desde el IOP o un nivel más intensivo y quiere que su "
            "recuperación continúe",
            "Síntomas de abstinencia moderados o graves, o convulsiones o confusión en el pasado "
            "al dejar el alcohol o los sedantes",
            "Síntomas de salud mental que están empeorando, o pensamientos de suicidio activos",
            "El consumo sigue empeorando a pesar de las sesiones regulares, o las ansias de "
            "consumir se sienten fuera de control casi todos los días",
            "Un hogar donde otras personas consumen mucho, o donde la persona no está segura",
            "Tomar, o pensar en empezar, medicamentos para tratar el consumo de opioides o "
            "alcohol",
            "Embarazo: la atención prenatal y la atención de la adicción funcionan mejor "
            "cuando empiezan temprano y se coordinan entre sí",
            "Tener dudas sobre el cambio es común y no es una razón para evitar la atención; "
            "las metas se pueden hablar con un profesional de la salud",
        ],
    },
    "iop": {
        "name": "Tratamiento ambulatorio intensivo (IOP)",
        # The acronym stays as it is, as in the glossary.
        "short_name": "IOP",
        "summary": (
            "Un programa estructurado de unas 9 a 19 horas por semana, a menudo 3 horas al "
            "día de 3 a 5 días, mientras la persona vive en casa y sigue con su vida diaria."
        ),
        "description": (
            "Un tratamiento ambulatorio intensivo, o IOP, ofrece más estructura y apoyo que la "
            "consejería semanal. Los adultos participan de 9 a 19 horas por semana; los "
            "adolescentes, 6 horas o más. Muchos programas funcionan unas 3 horas al día, de 3 a "
            "5 días por semana, con horarios de día o de noche.\n\n"
            "Una semana típica combina terapia de grupo, consejería individual, educación para la "
            "familia y ayuda con necesidades prácticas. Los programas también conectan a las "
            "personas con medicamentos para tratar el consumo de opioides o alcohol, atención de "
            "salud mental y grupos de ayuda mutua.\n\n"
            "Los problemas de salud mental que ocurren al mismo tiempo, como la depresión o la "
            "ansiedad, son comunes en el IOP y, si están estables, se tratan junto con el consumo "
            "de sustancias. Para las personas con bajo riesgo de síntomas de abstinencia, de "
            "problemas médicos y de salud mental, los resultados son parecidos a los del "
            "tratamiento residencial.\n\n"
            "El IOP cuesta más que el tratamiento ambulatorio estándar y menos que la "
            "hospitalización parcial (PHP), el tratamiento residencial o la hospitalización "
            "(tratamiento hospitalario). A menudo dura unas 6 a 12 semanas; después, la persona "
            "baja al tratamiento ambulatorio estándar."
        ),
        "length_note": "Unas 6–12 semanas (lo típico); después se baja de nivel",
        "schedule_note": "Unas 3 horas al día, 3–5 días por semana; horarios de día o de noche",
        "setting": "Clínica o sede del programa, o por video; la persona vive en casa",
        "steps_note": (
            "Las personas llegan al IOP de tres maneras: como su primer tratamiento, al "
            "bajar de nivel desde el tratamiento residencial, la hospitalización o el "
            "manejo de la abstinencia (desintoxicación), o al subir de nivel desde el "
            "tratamiento ambulatorio estándar. Nadie tiene que \u201cfracasar\u201d primero "
            "en el tratamiento ambulatorio. Después del IOP, el siguiente paso habitual es "
            "el tratamiento ambulatorio estándar o la atención continua, y un profesional "
            "de la salud puede sugerir la hospitalización parcial (PHP) o el tratamiento "
            "residencial si más apoyo podría ayudar."
        ),
        "typical_week_text": (
            "Una semana típica en horario de noche podría tener sesiones de grupo de 3 horas "
            "el lunes, el miércoles y el viernes, más una sesión individual de 1 hora el "
            "martes, unas 10 horas en total."
        ),
        "criteria": [
            "Bajo riesgo de síntomas de abstinencia, o el manejo de la abstinencia ya terminó",
            "Los problemas de salud física, si los hay, están estables y los pueden atender "
            "los médicos de la persona",
            "Los problemas de salud mental, si los hay, están estables; se tratan junto con "
            "el consumo de sustancias",
            "Las sesiones semanales no han dado suficiente apoyo, o la persona está bajando "
            "de nivel desde el tratamiento residencial o la hospitalización",
            "Puede vivir en casa de forma segura, con personas que apoyan su recuperación",
            "Quiere seguir trabajando, estudiando o cuidando a su familia durante el tratamiento",
            "Síntomas de abstinencia que requieren vigilancia médica de cerca, o convulsiones o "
            "confusión al dejar de consumir en el pasado",
            "Un problema de salud física que no está estable y requiere atención médica frecuente",
            "Pensamientos de suicidio activos, o síntomas de salud mental que no están estables o "
            "empeoran rápido",
            "No tiene un lugar seguro donde vivir, o vive en un hogar donde hay mucho consumo "
            "de drogas o alcohol",
            "Medicamentos para tratar el consumo de opioides o alcohol: pregunte si el programa "
            "los ofrece o trabaja con alguien que los receta",
            "Embarazo: pregunte cómo trabaja el programa con la atención prenatal",
            "Volver a consumir durante el IOP: es una razón para revisar el plan, y más apoyo "
            "puede ayudar",
            "Vivir lejos de un programa o no poder viajar: pregunte por un horario de "
            "telesalud (en línea) o mixto",
        ],
    },
    "php": {
        "name": "Hospitalización parcial (PHP)",
        # The acronym stays as it is, as in the glossary.
        "short_name": "PHP",
        "summary": (
            "Tratamiento durante la mayor parte del día, unos 5 días por semana y 20 horas o "
            "más en total, con más atención médica y de salud mental, mientras la persona "
            "duerme en casa."
        ),
        "description": (
            "La hospitalización parcial, o PHP, también se llama tratamiento de día. Las "
            "guías más recientes la llaman tratamiento ambulatorio de alta intensidad. La "
            "persona pasa 20 horas o más por semana en el programa, la mayor parte del día, "
            "unos 5 días por semana, y vuelve a casa al final del día.\n\n"
            "La PHP incluye los mismos tipos de servicios que el tratamiento ambulatorio "
            "intensivo (IOP), pero más. También da un acceso más directo a la atención "
            "psiquiátrica, los controles médicos y los análisis de laboratorio que el IOP.\n\n"
            "Puede ayudar a alguien que tiene más dificultades de las que el IOP puede "
            "atender de forma segura, pero que no requiere atención las 24 horas. También "
            "sirve para bajar de nivel después de una hospitalización o de un tratamiento "
            "residencial.\n\n"
            "La PHP por lo general dura semanas, no meses, aunque esto varía. La mayor parte "
            "de la atención es en persona; algunos programas ofrecen un horario de "
            "telesalud (en línea)."
        ),
        "length_note": "Por lo general unas pocas semanas (lo típico; varía)",
        "schedule_note": "La mayor parte del día, unos 5 días por semana",
        "setting": "Hospital o sede del programa durante el día; la persona duerme en casa",
        "steps_note": (
            "Se puede empezar en la PHP, bajar a ella después de una hospitalización o un "
            "tratamiento residencial, o subir a ella desde el IOP. Cuando las cosas están "
            "más estables, el siguiente paso habitual es el tratamiento ambulatorio "
            "intensivo (IOP). Si los riesgos aumentan, un profesional de la salud puede "
            "sugerir el tratamiento residencial o la hospitalización (tratamiento "
            "hospitalario). Los cambios de nivel dependen de una nueva evaluación."
        ),
        "typical_week_text": (
            "Una semana típica podría tener unas 6 horas de programa cada día de lunes a "
            "viernes, unas 30 horas en total, con las noches y los fines de semana en casa."
        ),
        "criteria": [
            "Bajo riesgo de síntomas de abstinencia, o síntomas de abstinencia leves a moderados "
            "que se pueden vigilar durante el día, con un hogar que apoya a la persona por la "
            "noche",
            "Problemas de salud que se benefician de controles médicos regulares, pero no de "
            "una estancia en el hospital",
            "Síntomas de salud mental que requieren apoyo diario, sin peligro actual para la "
            "persona ni para otros",
            "Ha seguido consumiendo o ha tenido ansias fuertes de consumir a pesar del IOP, o "
            "está bajando de nivel después de una hospitalización o un tratamiento "
            "residencial",
            "Tiene un lugar seguro y de apoyo donde dormir por la noche",
            "Síntomas de abstinencia graves o complicados, como convulsiones o delirium "
            "tremens (DT) en el pasado",
            "Problemas médicos que requieren personal de enfermería a toda hora o atención en "
            "un hospital",
            "Riesgo activo de suicidio, o peligro de hacerse daño o de hacer daño a otros",
            "No tiene un lugar seguro donde estar por la noche",
            "Tiempo fuera del trabajo o los estudios: pregunte por la licencia médica y cómo "
            "el programa puede ayudar con ella",
            "Llegar todos los días: pregunte qué tan lejos está el programa y si hay ayuda "
            "con el transporte",
            "Sentir presión de otros para recibir tratamiento: muchas personas empiezan así, "
            "y se puede hablar con el equipo",
        ],
    },
    "residential": {
        "name": "Tratamiento residencial",
        "short_name": "Residencial",
        "summary": (
            "La persona vive en el programa, con tratamiento y apoyo a toda hora, durante "
            "semanas o meses según su progreso."
        ),
        "description": (
            "En el tratamiento residencial, la persona vive en el programa. Los días siguen una "
            "rutina fija de terapia, grupos, comidas y actividades, con personal presente de día "
            "y de noche.\n\n"
            "Los programas van desde una atención con manejo clínico, con consejeros y personal a "
            "toda hora, hasta una atención con supervisión médica y enfermería las 24 horas. "
            "Algunos programas también ofrecen manejo de la abstinencia (desintoxicación).\n\n"
            "El tratamiento residencial puede ayudar cuando el hogar no es un lugar seguro para "
            "la recuperación, o cuando el consumo continúa a pesar de un fuerte apoyo "
            "ambulatorio. Para las personas con bajo riesgo de síntomas de abstinencia, de "
            "problemas médicos y de salud mental, y con un hogar que las apoya, el tratamiento "
            "ambulatorio intensivo (IOP) a menudo funciona casi igual de bien.\n\n"
            "La duración depende del progreso, que se revisa con nuevas evaluaciones periódicas. "
            "El siguiente paso habitual es la hospitalización parcial (PHP) o el IOP."
        ),
        "length_note": "De semanas a meses, según nuevas evaluaciones",
        "schedule_note": "Estructura diaria, 7 días por semana, viviendo en el programa",
        "setting": "Un programa de tratamiento residencial; la persona vive allí",
        "steps_note": (
            "Se puede llegar al tratamiento residencial directamente, después del manejo de "
            "la abstinencia (desintoxicación) o de una hospitalización, o al subir de nivel "
            "desde la PHP o el IOP. Cuando la vida en casa y la recuperación se sienten más "
            "estables, el siguiente paso habitual es la hospitalización parcial (PHP) o el "
            "tratamiento ambulatorio intensivo (IOP), y luego el tratamiento ambulatorio "
            "estándar. El equipo decide los cambios de nivel con nuevas evaluaciones "
            "periódicas."
        ),
        "typical_week_text": (
            "La persona vive en el programa, con atención y estructura a toda hora, todos "
            "los días de la semana."
        ),
        "criteria": [
            "El hogar no es seguro ni ayuda a la recuperación en este momento, por ejemplo "
            "porque otras personas consumen en casa o no hay una vivienda estable",
            "Vuelve a consumir una y otra vez entre sesiones, incluso con apoyo ambulatorio "
            "diario",
            "Síntomas de abstinencia moderados sin un lugar seguro en casa para pasarlos, en un "
            "programa que ofrece manejo de la abstinencia",
            "Problemas de salud mental que se benefician de una estructura las 24 horas, pero "
            "que no requieren un hospital",
            "La salud física está estable, o la puede vigilar personal de enfermería en un "
            "programa con supervisión médica",
            "Síntomas de abstinencia graves o complicados que requieren atención en un hospital",
            "Un problema médico que no está estable y requiere la atención de un médico "
            "todos los días",
            "Una emergencia de salud mental, como un riesgo activo de suicidio con un plan",
            "Tiene un hogar seguro y de apoyo, y bajo riesgo de síntomas de abstinencia, de "
            "problemas médicos y de salud mental; el IOP puede funcionar igual de bien y permite "
            "seguir con la vida diaria",
            "La motivación que siente la persona no decide por sí sola el nivel; lo decide "
            "el área de mayor riesgo",
            "Medicamentos para tratar el consumo de opioides o alcohol: pregunte si se pueden "
            "empezar o continuar durante la estancia",
            "Hijos, trabajo o cuentas en casa: pregunte por las visitas de la familia y por "
            "ayuda para planear el tiempo fuera",
        ],
    },
    "inpatient": {
        "name": "Hospitalización (tratamiento hospitalario)",
        "short_name": "Hospitalización",
        "summary": (
            "Atención en el hospital por poco tiempo, con un médico todos los días y personal de "
            "enfermería a toda hora, para síntomas de abstinencia graves, o problemas médicos o "
            "de salud mental graves."
        ),
        "description": (
            "Este es el nivel de atención más intensivo. Se da en un hospital, con atención "
            "diaria de un médico y personal de enfermería a toda hora.\n\n"
            "Es para problemas graves que no se pueden manejar de forma segura en otro lugar, "
            "como síntomas de abstinencia graves o complicados, una enfermedad que no está "
            "estable o una crisis de salud mental.\n\n"
            "Una estancia en el hospital por lo general dura días, hasta que la persona está "
            "estable. Es un punto de partida, no todo el tratamiento.\n\n"
            "Antes del alta, el equipo debe ayudar a organizar el siguiente nivel de atención, "
            "como el tratamiento residencial, la hospitalización parcial (PHP) o el tratamiento "
            "ambulatorio intensivo (IOP), para que la atención no se interrumpa."
        ),
        "length_note": "Días, hasta que la persona esté estable",
        "schedule_note": "Atención hospitalaria a toda hora, 7 días por semana",
        "setting": "Un hospital o una unidad de nivel hospitalario",
        "steps_note": (
            "Por lo general, las personas llegan por una sala de emergencias o por un "
            "ingreso directo. Una vez estables, bajan al tratamiento residencial, a la "
            "hospitalización parcial (PHP) o al tratamiento ambulatorio intensivo (IOP), "
            "según una nueva evaluación. Pasar directamente al siguiente nivel ayuda a "
            "mantener lo logrado en el hospital."
        ),
        "typical_week_text": (
            "La persona se queda en el hospital, con la atención de un médico todos los "
            "días y personal de enfermería a toda hora, por lo general durante unos pocos "
            "días."
        ),
        "criteria": [
            "Síntomas de abstinencia graves o complicados, como convulsiones o delirium "
            "tremens (DT) en el pasado",
            "Problemas graves de salud física que requieren la atención de un médico todos "
            "los días",
            "Embarazo con complicaciones relacionadas con el consumo de sustancias o los síntomas "
            "de abstinencia",
            "Problemas de salud mental que no están estables y requieren atención a nivel "
            "hospitalario",
            "Síntomas de abstinencia que no han mejorado con una atención menos intensiva",
            "Síntomas de abstinencia leves o ninguno, junto con una salud física estable",
            "La salud mental está lo bastante estable para recibir atención fuera de un hospital",
            "Solo un alto riesgo de recaída, sin peligro por síntomas de abstinencia, problemas "
            "médicos o de salud mental; el tratamiento residencial puede ser más adecuado",
            "Buscar una estancia larga para enfocarse en la recuperación; una estancia en el "
            "hospital es corta y la atención continúa en otro nivel",
            "Señales de convulsiones, confusión o alucinaciones al dejar de consumir: llame "
            "al [[emergency]] en lugar de esperar un ingreso",
            "El siguiente paso: el manejo de la abstinencia funciona mejor cuando lleva "
            "directamente a un tratamiento continuo, así que planéelo antes del alta",
            "Dudas sobre seguir con más tratamiento: el equipo del hospital puede ayudar a "
            "conectar a la persona con un programa antes del alta",
        ],
    },
}


# ---------------------------------------------------------------------------
# Questions to ask a program (same order as QUESTIONS_TO_ASK)
# ---------------------------------------------------------------------------

QUESTIONS_TO_ASK_ES = [
    "¿Cuántas horas por semana dura el programa, y qué días y a qué horas?",
    "¿Cuánto tiempo suelen participar las personas?",
    "¿Hay un horario de noche, o se pueden hacer algunas sesiones por video?",
    "¿Ofrecen medicamentos para tratar el consumo de opioides o alcohol, o trabajan con "
    "alguien que los receta?",
    "¿Aceptan a personas que toman metadona o buprenorfina, y les dejan seguir tomándola?",
    "¿Ofrecen manejo de contingencias (para el consumo de estimulantes)?",
    "¿Pueden tratar aquí problemas de salud mental, como la depresión o la ansiedad?",
    "¿El programa tiene licencia del estado o está acreditado?",
    "¿Aceptan mi seguro y están dentro de la red? ¿Tienen una tarifa según los ingresos?",
    "¿Qué tan pronto puedo empezar, y qué ayuda hay mientras espero? (Recibir atención en "
    "unos dos días es una buena señal.)",
    "¿Qué pasa si alguien vuelve a consumir?",
    "¿Cómo deciden cuándo alguien debe pasar a una atención más intensiva o menos intensiva?",
    "¿Cómo participan los familiares?",
    "¿Qué pasa cuando termina el programa, y quién ayuda a planear el siguiente paso?",
]


# ---------------------------------------------------------------------------
# Withdrawal management (same shape as WITHDRAWAL_MANAGEMENT)
# ---------------------------------------------------------------------------

WITHDRAWAL_MANAGEMENT_ES = {
    "title": "Manejo de la abstinencia (desintoxicación)",
    "intro": (
        "El manejo de la abstinencia, que a menudo se llama desintoxicación, no es un tratamiento "
        "por sí solo. Ayuda al cuerpo a pasar los síntomas de abstinencia de forma segura y más "
        "cómoda, pero por sí solo hace poco para cambiar el consumo a largo plazo. Funciona mejor "
        "cuando lleva directamente a un tratamiento, en un nivel de atención adecuado para la "
        "persona. El manejo de la abstinencia se ofrece con distintas intensidades, según lo "
        "fuertes que puedan ser los síntomas de abstinencia."
    ),
    "intensities": [
        {
            "name": "Manejo ambulatorio de la abstinencia",
            "who": "Síntomas de abstinencia leves",
            "where": "Visitas a una clínica o al consultorio de un médico; la persona vive en "
            "casa",
        },
        {
            "name": "Manejo ambulatorio de la abstinencia con vigilancia durante todo el día",
            "who": (
                "Síntomas de abstinencia moderados, con un hogar que apoya a la persona "
                "por la noche"
            ),
            "where": "Un programa de día o una clínica que vigila a la persona durante el día",
        },
        {
            "name": "Manejo residencial de la abstinencia",
            "who": "Síntomas de abstinencia moderados, sin un lugar seguro en casa para pasarlos",
            "where": "Un programa residencial, con personal a toda hora",
        },
        {
            "name": "Manejo hospitalario de la abstinencia (con vigilancia o manejo médico)",
            "who": "Síntomas de abstinencia graves o complicados",
            "where": "Una unidad de hospitalización o un hospital, con personal de enfermería "
            "y médicos disponibles",
        },
    ],
    "warnings": [
        "Nunca deje de consumir alcohol o benzodiacepinas (como Xanax o Valium) de golpe después "
        "de un consumo fuerte y diario sin consejo médico. Los síntomas de abstinencia pueden "
        "incluir convulsiones, que ponen en peligro la vida.",
        "Mezclar opioides con benzodiacepinas o alcohol aumenta el riesgo de sobredosis.",
        "¿Está embarazada y consume opioides? Busque pronto atención prenatal y atención "
        "para la adicción, y no deje los opioides de golpe.",
        "Llame al [[emergency]] si hay convulsiones, confusión, alucinaciones o temblores fuertes "
        "durante los síntomas de abstinencia.",
        "Con el alcohol, las convulsiones pueden aparecer en los 2 días después del último "
        "trago, más o menos, y la confusión grave (delirium tremens) alrededor de 2 a 3 "
        "días después.",
    ],
}


# ---------------------------------------------------------------------------
# Sources (same order as SOURCES)
# ---------------------------------------------------------------------------

SOURCES_ES = [
    {
        "name": "El continuo de atención de los Criterios de ASAM (descripción pública)",
        "note": (
            "Los números de nivel (1, 2.1, 2.5, 3, 4) y las seis áreas siguen la "
            "descripción pública de los Criterios de ASAM, de la Sociedad Estadounidense de "
            "Medicina de la Adicción (American Society of Addiction Medicine, asam.org). "
            "Este sitio no está afiliado a ASAM, y su cuestionario no es una evaluación de "
            "ASAM."
        ),
    },
    {
        "name": "SAMHSA TIP 47: temas clínicos del tratamiento ambulatorio intensivo (en "
        "inglés: Substance Abuse: Clinical Issues in Intensive Outpatient Treatment)",
        "note": (
            "Guía federal de tratamiento que describe los servicios básicos y las horas del "
            "IOP (samhsa.gov)."
        ),
    },
    {
        "name": "Aviso de SAMHSA sobre el tratamiento ambulatorio intensivo (2021)",
        "note": (
            "Actualización de la TIP 47. Informa que, para las personas con bajo riesgo de "
            "síntomas de abstinencia, de problemas médicos y de salud mental, los resultados del "
            "IOP son parecidos a los del tratamiento residencial."
        ),
    },
    {
        "name": "NIDA, Principios del tratamiento de la drogadicción (en inglés: "
        "Principles of Drug Addiction Treatment)",
        "note": (
            "Instituto Nacional sobre el Abuso de Drogas (nida.nih.gov). La mayoría de las "
            "personas necesita unos 3 meses de tratamiento para lograr un progreso "
            "importante."
        ),
    },
    {
        "name": "Estudio de Hazelden Betty Ford sobre el IOP por telesalud (grupo de 2020–21)",
        "note": (
            "Un estudio de 3642 personas que no encontró una diferencia importante en los "
            "resultados entre el IOP en persona, mixto y por telesalud (en línea)."
        ),
    },
    {
        "name": "Ley de Paridad de Salud Mental y Equidad en la Adicción (Mental Health "
        "Parity and Addiction Equity Act, 2008)",
        "note": (
            "Ley federal: si un plan cubre la atención de salud mental o del consumo de "
            "sustancias, sus reglas no pueden ser más estrictas que para la atención "
            "médica. No obliga a los planes a cubrir esta atención."
        ),
    },
    {
        "name": "Cobertura de Medicare Parte B para los servicios ambulatorios intensivos",
        "note": (
            "Desde el 1 de enero de 2024, Medicare Parte B cubre el IOP de 9–19 horas por "
            "semana cuando un médico lo certifica (medicare.gov)."
        ),
    },
    {
        "name": "Comunicado de seguridad de la FDA sobre las benzodiacepinas (2020)",
        "note": (
            "Advertencia en recuadro sobre el abuso, la dependencia y los síntomas de "
            "abstinencia, incluido el riesgo de síntomas de abstinencia que ponen en peligro la "
            "vida cuando estos medicamentos se dejan de golpe (fda.gov)."
        ),
    },
]


# ---------------------------------------------------------------------------
# Key facts for the home and compare pages (same keys as FACTS)
# ---------------------------------------------------------------------------

FACTS_ES = {
    "three_months": (
        "La mayoría de las personas necesita unos tres meses de tratamiento, sumando todos "
        "los niveles, para lograr un progreso real (NIDA)."
    ),
    "iop_vs_residential": (
        "Para las personas con bajo riesgo de síntomas de abstinencia, de problemas médicos y de "
        "salud mental, los resultados del tratamiento ambulatorio intensivo (IOP) son parecidos a "
        "los del tratamiento residencial (SAMHSA, 2021)."
    ),
    "telehealth": (
        "En un estudio grande de 3642 personas, los resultados del IOP fueron casi iguales "
        "con atención en persona, por video o una mezcla de las dos (Hazelden Betty Ford, "
        "2020–21)."
    ),
    "parity": (
        "Si un plan de salud cubre la atención de salud mental o del consumo de sustancias, "
        "una ley federal (2008) dice que sus copagos, límites de visitas y reglas de "
        "aprobación no pueden ser más estrictos que para la atención médica. La ley no "
        "obliga a un plan a cubrir esta atención."
    ),
    "medicare_iop": (
        "Desde el 1 de enero de 2024, Medicare Parte B cubre el IOP de 9 a 19 horas por "
        "semana cuando un médico lo certifica."
    ),
    "medicaid": (
        "La cobertura de Medicaid para la hospitalización parcial (PHP) y el tratamiento "
        "residencial varía mucho de un estado a otro."
    ),
    "cost_order": (
        "De menor a mayor costo: tratamiento ambulatorio estándar, IOP, PHP, tratamiento "
        "residencial y, por último, hospitalización. Es solo un orden aproximado; los cobros "
        "reales varían mucho según el programa y quién paga."
    ),
    "steps": (
        "Pasar de un nivel a otro depende de una nueva evaluación, no de una duración fija "
        "del programa. Nadie tiene que \u201cfracasar\u201d en el tratamiento ambulatorio "
        "antes de probar un nivel más intensivo."
    ),
    "highest_need": (
        "Un profesional de la salud revisa seis áreas de la vida de una persona. El nivel "
        "sugerido corresponde al área de mayor necesidad, no a un promedio, y es el lugar de "
        "atención menos intensivo que puede mantener a la persona segura."
    ),
    "detox_not_treatment": (
        "El manejo de la abstinencia (desintoxicación) ayuda al cuerpo a pasar los síntomas de "
        "abstinencia de forma segura, pero no es un tratamiento por sí solo. Debe llevar "
        "directamente a un tratamiento."
    ),
}
