from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "programs"
    verbose_name = "Levels of care and programs"

    def ready(self) -> None:
        from programs.core import caching, checks  # noqa: F401 - checks registers itself

        caching.connect_signals()
