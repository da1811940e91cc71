from django.contrib.auth.management import create_permissions
from django.db import migrations


def load(apps, schema_editor):
    from programs.guides.loading import sync_pages
    from programs.intake.roles import sync_roles

    sync_pages(
        apps.get_model("programs", "GuidePage"),
        apps.get_model("programs", "GuideSection"),
        apps.get_model("programs", "TreatmentLevel"),
    )
    # Content editors may correct the pages from now on, on databases made before them too
    # (permissions are otherwise created only after all migrations).
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0019_guides"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
