from django.db import migrations


def load(apps, schema_editor):
    from programs.levels.loading import fill_spanish

    fill_spanish(
        apps.get_model("programs", "TreatmentLevel"),
        apps.get_model("programs", "Service"),
        apps.get_model("programs", "SuitabilityCriterion"),
    )


class Migration(migrations.Migration):
    dependencies = [("programs", "0007_spanish_content")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
