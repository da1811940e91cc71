"""django-axes's sign-in attempts in the admin, without its unchecked bulk action.

axes's own admin offers "Clean up expired attempts" to anyone who may view the attempts:
the action declares no permission, deletes rows and writes no admin log entry. Every
admin action in this project checks a permission and logs (tests/core/test_admin_actions.py),
so the project registers axes's admin again without it. Nothing is lost: axes deletes
expired attempts itself before it records each failed sign-in, and Django's "Delete
selected" stays (delete permission, superusers only here, one log entry per row).
"""

from __future__ import annotations

from django.contrib.admin import AdminSite


def register_guarded_axes_admin(site: AdminSite) -> None:
    """Replace axes's AccessAttempt admin on ``site`` (after autodiscover), if registered."""
    from axes.admin import AccessAttemptAdmin  # type: ignore[import-untyped]
    from axes.models import AccessAttempt  # type: ignore[import-untyped]

    if not site.is_registered(AccessAttempt):
        return  # AXES_ENABLE_ADMIN is off

    class GuardedAccessAttemptAdmin(AccessAttemptAdmin):
        actions: list[str] = []  # Django's "Delete selected" only

    site.unregister(AccessAttempt)
    site.register(AccessAttempt, GuardedAccessAttemptAdmin)
