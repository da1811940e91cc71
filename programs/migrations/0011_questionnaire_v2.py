"""Questionnaire version 2: more kinds of withdrawal care, crisis responses with answers
left out (blank for_whom), and each flag's text stored as the person saw it.

Responses made with version 1 get their flag texts from version 1's tables, frozen here,
so a later change of wording never rewrites what someone was shown.
"""

from django.db import migrations, models

V1_LINE_988_ES = (
    "Línea de Prevención del Suicidio y Crisis 988 (marque 988 y oprima 2 para español; "
    "o envíe AYUDA por mensaje de texto al 988)"
)
V1_FLAG_TEXT = {
    "co_occurring": (
        "Mental health concerns were mentioned. This is common. Stable mental health "
        "conditions are treated together with substance use, including in IOP. Ask each "
        "program how it provides mental health care."
    ),
    "medication": (
        "Medicine for opioid or alcohol use can help recovery. Ask each program if it "
        "offers this medicine or works with a prescriber."
    ),
    "telehealth": (
        "Online (virtual) care is an option to ask about. A large study found similar "
        "results for virtual, hybrid and in-person IOP."
    ),
    "adolescent": (
        "Teen programs are different from adult programs. Teen IOP is usually 6 or more "
        "hours a week, and families take part in care."
    ),
    "pregnancy": (
        "During pregnancy, substance use care should be closely linked with prenatal care. "
        "Opioids should not be stopped suddenly without medical advice."
    ),
    "safety_plan": (
        "Thoughts of self-harm were mentioned. A safety plan, made with a clinician, helps in "
        "hard moments. The 988 Suicide & Crisis Lifeline is open 24/7: call or text 988."
    ),
    "do_not_stop_abruptly": (
        "Stopping alcohol or benzodiazepines suddenly after regular heavy use can cause "
        "dangerous withdrawal, including seizures. Get medical advice before stopping."
    ),
}

V1_FLAG_TEXT_ES = {
    "co_occurring": (
        "Se mencionaron problemas de salud mental. Esto es común. Los problemas de salud "
        "mental que ocurren al mismo tiempo, si están estables, se tratan junto con el "
        "consumo de sustancias, incluso en el tratamiento ambulatorio intensivo (IOP). "
        "Pregunte a cada programa cómo ofrece la atención de salud mental."
    ),
    "medication": (
        "Los medicamentos para el consumo de opioides o alcohol pueden ayudar en la "
        "recuperación. Pregunte a cada programa si ofrece estos medicamentos o si trabaja "
        "con alguien que los receta."
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
    "pregnancy": (
        "Durante el embarazo, la atención del consumo de sustancias debe estar muy "
        "coordinada con la atención prenatal. Los opioides no se deben dejar de golpe sin "
        "consejo médico."
    ),
    "safety_plan": (
        "Se mencionaron pensamientos de hacerse daño. Un plan de seguridad, hecho con un "
        "profesional de la salud, ayuda en los momentos difíciles. La " + V1_LINE_988_ES + " "
        "atiende las 24 horas, los 7 días de la semana."
    ),
    "do_not_stop_abruptly": (
        "Dejar el alcohol o las benzodiacepinas de golpe después de un consumo fuerte y "
        "regular puede causar una abstinencia peligrosa, incluso convulsiones. Busque "
        "consejo médico antes de dejarlos."
    ),
}


def store_version_1_flag_texts(apps, schema_editor):
    Response = apps.get_model("programs", "Response")
    tables = {"en": V1_FLAG_TEXT, "es": V1_FLAG_TEXT_ES}
    batch = []
    rows = Response.objects.only("pk", "flags", "language", "flag_texts").order_by("pk")
    for response in rows.iterator(chunk_size=2000):
        if response.flag_texts or not response.flags:
            continue
        table = tables.get(response.language, V1_FLAG_TEXT)
        response.flag_texts = [
            {"flag": flag, "text": table.get(flag, "")} for flag in response.flags
        ]
        batch.append(response)
        if len(batch) >= 2000:
            Response.objects.bulk_update(batch, ["flag_texts"])
            batch = []
    if batch:
        Response.objects.bulk_update(batch, ["flag_texts"])



class Migration(migrations.Migration):

    dependencies = [
        ('programs', '0010_drop_old_rate_limit_cache_table'),
    ]

    operations = [
        migrations.AddField(
            model_name='response',
            name='flag_texts',
            field=models.JSONField(default=list, help_text='Each flag with the text the person saw ({flag, text}).'),
        ),
        migrations.AlterField(
            model_name='response',
            name='for_whom',
            field=models.CharField(blank=True, choices=[('self', 'Themselves'), ('someone_else', 'Someone else')], max_length=20),
        ),
        migrations.AlterField(
            model_name='response',
            name='withdrawal_care',
            field=models.CharField(choices=[('none', 'None'), ('ambulatory', 'Ambulatory (outpatient visits)'), ('monitored', 'Day-long monitoring, home at night'), ('residential', 'Residential withdrawal care'), ('medically_managed', 'Medically managed (hospital or inpatient)'), ('medication', 'Medication instead of withdrawal (opioids in pregnancy)')], max_length=20),
        ),
        migrations.RunPython(store_version_1_flag_texts, migrations.RunPython.noop),
    ]
