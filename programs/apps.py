from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "programs"
    verbose_name = "Levels of care and programs"

    def ready(self) -> None:
        from programs.core import checks  # noqa: F401 - checks registers itself
        from programs.directory import signals as directory_signals
        from programs.guides import signals as guides_signals
        from programs.helplines import signals as helplines_signals
        from programs.intake import audit, due_times, tasks
        from programs.levels import signals as levels_signals
        from programs.questionnaire import signals as questionnaire_signals

        # Each room tells the page cache (programs/core/caching.py) which of its models
        # public pages show; core itself knows no room.
        levels_signals.watch_public_content()
        directory_signals.watch_public_content()
        guides_signals.watch_public_content()
        helplines_signals.watch_public_content()
        # The questionnaire announces a person's own deletion; intake's access log records it.
        questionnaire_signals.response_deleted_by_person.connect(
            audit.record_deletion_by_person, dispatch_uid="access-log-deletion-by-person"
        )
        # A contact request just shared is due for its first call on intake's calendar;
        # set in the share's own transaction, so no request is ever without its due time.
        questionnaire_signals.contact_request_shared.connect(
            due_times.start_due_clock, dispatch_uid="intake-due-time-on-share"
        )
        # A crisis response or a new contact request: intake's worker emails the team.
        questionnaire_signals.crisis_response_recorded.connect(
            tasks.notify_crisis_response, dispatch_uid="notify-intake-crisis-response"
        )
        questionnaire_signals.contact_request_shared.connect(
            tasks.notify_contact_request, dispatch_uid="notify-intake-contact-request"
        )
