# Content corrections from the clinical review (#19): the medication card (disulfiram does
# not ease cravings; the overdose benefit is methadone's and buprenorphine's) and the
# Spanish wording ("síntomas de abstinencia", "medicamentos para tratar el consumo",
# "pensamientos de suicidio", "noche"), and the one criterion that typed 911, which now
# takes it from the helpline table. Fields that still hold the text shipped before get
# today's text; fields an editor changed in the admin are left alone. A fresh database
# already got today's text from 0002 and 0008, so nothing here matches there.

from django.db import migrations

PREVIOUS = {
    'service|medication-for-addiction|name_es': 'Medicamentos para el consumo de opioides o alcohol',
    'service|medication-for-addiction|description': 'Approved medicines can lower cravings and cut the risk of overdose and relapse. For opioid use these include buprenorphine, methadone and naltrexone; for alcohol use, naltrexone, acamprosate and disulfiram. Some programs prescribe them; others work with an outside prescriber.',
    'service|medication-for-addiction|description_es': 'Hay medicamentos aprobados que pueden reducir las ansias de consumir y bajar el riesgo de sobredosis y de recaída. Para el consumo de opioides incluyen la buprenorfina, la metadona y la naltrexona; para el consumo de alcohol, la naltrexona, el acamprosato y el disulfiram. Algunos programas los recetan; otros trabajan con un médico de fuera que los receta.',
    'service|withdrawal-management|description_es': 'Atención médica que ayuda al cuerpo a pasar la abstinencia de forma segura y más cómoda. Por sí sola hace poco para cambiar el consumo a largo plazo, así que debe llevar directamente a un tratamiento.',
    'service|physician-care|description_es': 'Un médico ve a la persona todos los días para manejar una abstinencia grave, una enfermedad física o problemas de salud mental. Este es el nivel de atención médica que se da en un hospital.',
    'level|outpatient|description_es': 'El tratamiento ambulatorio estándar es el nivel de atención menos intensivo. La persona va a un consejero, una clínica o un programa menos de 9 horas por semana (menos de 6 en el caso de adolescentes), a menudo solo una o dos sesiones.\n\nLas sesiones pueden ser individuales, en grupo o de los dos tipos. Muchas personas también toman medicamentos para el consumo de opioides o alcohol, que se pueden recetar en un consultorio o una clínica.\n\nPuede ser un primer paso para alguien con riesgos bajos. También es el siguiente paso habitual después del tratamiento ambulatorio intensivo (IOP) u otro nivel más intensivo, para que la recuperación continúe.\n\nEl tratamiento ambulatorio a menudo dura varios meses o más. La mayoría de las personas necesita unos tres meses de tratamiento, sumando todos los niveles, para lograr un progreso real.',
    'criterion|outpatient|1|text_es': 'Poco o ningún riesgo de una abstinencia difícil',
    'criterion|outpatient|7|text_es': 'Abstinencia moderada o grave, o convulsiones o confusión en el pasado al dejar el alcohol o los sedantes',
    'criterion|outpatient|8|text_es': 'Síntomas de salud mental que están empeorando, o pensamientos activos de suicidio',
    'criterion|outpatient|11|text_es': 'Tomar, o pensar en empezar, medicamentos para el consumo de opioides o alcohol',
    'level|iop|description_es': 'Un tratamiento ambulatorio intensivo, o IOP, ofrece más estructura y apoyo que la consejería semanal. Los adultos participan de 9 a 19 horas por semana; los adolescentes, 6 horas o más. Muchos programas funcionan unas 3 horas al día, de 3 a 5 días por semana, con horarios de día o de noche.\n\nUna semana típica combina terapia de grupo, consejería individual, educación para la familia y ayuda con necesidades prácticas. Los programas también conectan a las personas con medicamentos para el consumo de opioides o alcohol, atención de salud mental y grupos de ayuda mutua.\n\nLos problemas de salud mental que ocurren al mismo tiempo, como la depresión o la ansiedad, son comunes en el IOP y, si están estables, se tratan junto con el consumo de sustancias. Para las personas con bajo riesgo de abstinencia, de problemas médicos y de salud mental, los resultados son parecidos a los del tratamiento residencial.\n\nEl IOP cuesta más que el tratamiento ambulatorio estándar y menos que la hospitalización parcial (PHP), el tratamiento residencial o la hospitalización (tratamiento hospitalario). A menudo dura unas 6 a 12 semanas; después, la persona baja al tratamiento ambulatorio estándar.',
    'criterion|iop|1|text_es': 'Bajo riesgo de abstinencia, o el manejo de la abstinencia ya terminó',
    'criterion|iop|7|text_es': 'Abstinencia que requiere vigilancia médica de cerca, o convulsiones o confusión por abstinencia en el pasado',
    'criterion|iop|9|text_es': 'Pensamientos activos de suicidio, o síntomas de salud mental que no están estables o empeoran rápido',
    'criterion|iop|11|text_es': 'Medicamentos para el consumo de opioides o alcohol: pregunte si el programa los ofrece o trabaja con alguien que los receta',
    'criterion|php|1|text_es': 'Bajo riesgo de abstinencia, o una abstinencia leve a moderada que se puede vigilar durante el día, con un hogar que apoya a la persona por la noche',
    'criterion|php|6|text_es': 'Abstinencia grave o complicada, como convulsiones por abstinencia o delirium tremens (DT) en el pasado',
    'criterion|php|9|text_es': 'No tiene un lugar seguro adonde ir por las tardes y las noches',
    'level|residential|description_es': 'En el tratamiento residencial, la persona vive en el programa. Los días siguen una rutina fija de terapia, grupos, comidas y actividades, con personal presente de día y de noche.\n\nLos programas van desde una atención con manejo clínico, con consejeros y personal a toda hora, hasta una atención con supervisión médica y enfermería las 24 horas. Algunos programas también ofrecen manejo de la abstinencia (desintoxicación).\n\nEl tratamiento residencial puede ayudar cuando el hogar no es un lugar seguro para la recuperación, o cuando el consumo continúa a pesar de un fuerte apoyo ambulatorio. Para las personas con bajo riesgo de abstinencia, de problemas médicos y de salud mental, y con un hogar que las apoya, el tratamiento ambulatorio intensivo (IOP) a menudo funciona casi igual de bien.\n\nLa duración depende del progreso, que se revisa con nuevas evaluaciones periódicas. El siguiente paso habitual es la hospitalización parcial (PHP) o el IOP.',
    'criterion|residential|3|text_es': 'Abstinencia moderada sin un lugar seguro en casa para pasarla, en un programa que ofrece manejo de la abstinencia',
    'criterion|residential|6|text_es': 'Abstinencia grave o complicada que requiere atención en un hospital',
    'criterion|residential|9|text_es': 'Tiene un hogar seguro y de apoyo, y bajo riesgo de abstinencia, médico y de salud mental; el IOP puede funcionar igual de bien y permite seguir con la vida diaria',
    'criterion|residential|11|text_es': 'Medicamentos para el consumo de opioides o alcohol: pregunte si se pueden empezar o continuar durante la estancia',
    'level|inpatient|summary_es': 'Atención en el hospital por poco tiempo, con un médico todos los días y personal de enfermería a toda hora, para problemas graves de abstinencia, médicos o de salud mental.',
    'level|inpatient|description_es': 'Este es el nivel de atención más intensivo. Se da en un hospital, con atención diaria de un médico y personal de enfermería a toda hora.\n\nEs para problemas graves que no se pueden manejar de forma segura en otro lugar, como una abstinencia grave o complicada, una enfermedad que no está estable o una crisis de salud mental.\n\nUna estancia en el hospital por lo general dura días, hasta que la persona está estable. Es un punto de partida, no todo el tratamiento.\n\nAntes del alta, el equipo debe ayudar a organizar el siguiente nivel de atención, como el tratamiento residencial, la hospitalización parcial (PHP) o el tratamiento ambulatorio intensivo (IOP), para que la atención no se interrumpa.',
    'criterion|inpatient|1|text_es': 'Abstinencia grave o complicada, como convulsiones por abstinencia o delirium tremens (DT) en el pasado',
    'criterion|inpatient|3|text_es': 'Embarazo con complicaciones relacionadas con el consumo de sustancias o la abstinencia',
    'criterion|inpatient|5|text_es': 'Abstinencia que no ha mejorado con una atención menos intensiva',
    'criterion|inpatient|6|text_es': 'Abstinencia leve o ninguna, junto con una salud física estable',
    'criterion|inpatient|8|text_es': 'Solo un alto riesgo de recaída, sin peligro médico, de abstinencia o de salud mental; el tratamiento residencial puede ser más adecuado',
    'criterion|inpatient|10|text': 'Signs of seizure, confusion or hallucinations during withdrawal: call 911 rather than waiting for an admission',
    'criterion|inpatient|10|text_es': 'Señales de convulsiones, confusión o alucinaciones durante la abstinencia: llame al 911 en lugar de esperar un ingreso',
}


def refresh(apps, schema_editor):
    from programs.levels.loading import refresh_unedited

    refresh_unedited(
        apps.get_model("programs", "TreatmentLevel"),
        apps.get_model("programs", "Service"),
        apps.get_model("programs", "SuitabilityCriterion"),
        PREVIOUS,
    )


class Migration(migrations.Migration):
    dependencies = [("programs", "0022_remove_treatmentlevel_telehealth_possible")]

    operations = [migrations.RunPython(refresh, migrations.RunPython.noop)]
