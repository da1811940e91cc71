"""Reset someone's two-factor sign-in: a lost or replaced phone."""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from programs.core import two_factor

logger = logging.getLogger("programs.core.two_factor")


class Command(BaseCommand):
    help = (
        "Remove a staff member's two-factor devices (authenticator app and recovery codes). "
        "Their next sign-in asks them to set up an app again. Run it only once you are sure "
        "who is asking."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        User = get_user_model()
        user = User.objects.filter(**{User.USERNAME_FIELD: username.strip()}).first()
        if user is None:
            raise CommandError(f"No user is called {username!r}; nothing was changed.")
        removed = two_factor.reset(user)
        logger.info(
            "two-factor: reset for user %s by manage.py reset_2fa (%d device(s) removed)",
            user.pk,
            sum(removed.values()),
        )
        if not removed:
            self.stdout.write(
                f"{user.get_username()!r} had no two-factor devices; nothing to remove (they "
                "were signed out everywhere). Their next sign-in asks them to set up an "
                "authenticator app."
            )
            return
        what = ", ".join(f"{label}: {count}" for label, count in sorted(removed.items()))
        self.stdout.write(
            self.style.SUCCESS(
                f"Removed the two-factor devices of {user.get_username()!r} ({what}) and "
                "signed them out everywhere. Their next sign-in asks them to set up an "
                "authenticator app again and gives new recovery codes."
            )
        )
        self.stdout.write(
            "If the phone may be in someone else's hands, change the password too, before "
            f"they sign in again: manage.py changepassword {user.get_username()}"
        )
