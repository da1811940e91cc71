from django.db import migrations


def load(apps, schema_editor):
    from programs.levels.loading import sync_content

    sync_content(
        apps.get_model("programs", "TreatmentLevel"),
        apps.get_model("programs", "Service"),
        apps.get_model("programs", "SuitabilityCriterion"),
    )


class Migration(migrations.Migration):
    dependencies = [("programs", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
