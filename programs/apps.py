from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "programs"
    verbose_name = "Levels of care and programs"

    def ready(self) -> None:
        from programs.core import checks  # noqa: F401 - checks registers itself
        from programs.directory import signals as directory_signals
        from programs.levels import signals as levels_signals

        # Each room tells the page cache (programs/core/caching.py) which of its models
        # public pages show; core itself knows no room.
        levels_signals.watch_public_content()
        directory_signals.watch_public_content()
