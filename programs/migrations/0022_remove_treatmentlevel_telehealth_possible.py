from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("programs", "0021_treatmentlevel_telehealth")]

    operations = [
        # A default first, so that going back can add the column again to existing rows
        # (0021's reverse then fills it in).
        migrations.AlterField(
            model_name="treatmentlevel",
            name="telehealth_possible",
            field=models.BooleanField(default=False),
        ),
        migrations.RemoveField(model_name="treatmentlevel", name="telehealth_possible"),
    ]
