# A level's telehealth was a yes/no, so the compare table said "Often available" for PHP
# while the PHP text said most care is in person. Three answers now; PHP gets the middle
# one, every other level keeps what its yes/no said.

from django.db import migrations, models


def from_yes_no(apps, schema_editor):
    TreatmentLevel = apps.get_model("programs", "TreatmentLevel")
    TreatmentLevel.objects.filter(telehealth_possible=True).update(telehealth="often")
    TreatmentLevel.objects.filter(slug="php", telehealth_possible=True).update(
        telehealth="some_programs"
    )


def to_yes_no(apps, schema_editor):
    TreatmentLevel = apps.get_model("programs", "TreatmentLevel")
    TreatmentLevel.objects.update(telehealth_possible=False)
    TreatmentLevel.objects.exclude(telehealth="rarely").update(telehealth_possible=True)


class Migration(migrations.Migration):
    dependencies = [("programs", "0020_load_guides")]

    operations = [
        migrations.AddField(
            model_name="treatmentlevel",
            name="telehealth",
            field=models.CharField(
                choices=[
                    ("often", "Often available"),
                    ("some_programs", "In some programs; most care is in person"),
                    ("rarely", "Usually not"),
                ],
                default="rarely",
                help_text="How often programs at this level offer sessions by video. The "
                "level's description should say the same.",
                max_length=20,
                verbose_name="online (telehealth)",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(from_yes_no, to_yes_no),
    ]
