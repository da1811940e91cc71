"""Onboard a staff member without the Django shell."""

from __future__ import annotations

import getpass
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from programs.intake.roles import ROLE_CHOICES, sync_roles

PASSWORD_ATTEMPTS = 3


class Command(BaseCommand):
    help = (
        "Create a staff user in the intake or content group, or add an existing one to it "
        "(its password is then left alone unless --password is given)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--group", required=True, choices=sorted(ROLE_CHOICES), help="The staff role."
        )
        parser.add_argument("--email", default="", help="Email address (optional).")
        parser.add_argument(
            "--password",
            help="Password; prompted for when left out. Beware: it stays in shell history.",
        )

    def handle(self, *args, username: str, group: str, email: str, password: str | None, **opts):
        User = get_user_model()
        username = username.strip()
        if not username:
            raise CommandError("The username must not be empty.")
        user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
        creating = user is None
        if user is None:
            user = User(**{User.USERNAME_FIELD: username})
        if email:
            try:
                User._meta.get_field("email").clean(email, user)
            except ValidationError as error:
                raise CommandError(f"Invalid email: {' '.join(error.messages)}") from None
            user.email = email
        if password is not None:
            self._validate(password, user)
        elif creating:
            password = self._prompt(user)

        with transaction.atomic():
            # Makes sure the group exists with every permission its role lists.
            sync_roles(Group, Permission)
            role = Group.objects.get(name=ROLE_CHOICES[group])
            user.is_staff = True
            user.is_active = True
            if password is not None:
                user.set_password(password)
            user.save()
            user.groups.add(role)

        if creating:
            summary = f"Created staff user {username!r} in {role.name!r}."
        else:
            kept = "password changed" if password is not None else "password unchanged"
            summary = f"Updated staff user {username!r}: in {role.name!r}, {kept}."
        self.stdout.write(self.style.SUCCESS(summary))

    def _validate(self, password: str, user) -> None:
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("Password refused: " + " ".join(error.messages)) from None

    def _prompt(self, user) -> str:
        if not sys.stdin.isatty():
            raise CommandError(
                "No password given and no terminal to ask for one: pass --password, or run "
                "the command in an interactive terminal."
            )
        for _attempt in range(PASSWORD_ATTEMPTS):
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                self.stderr.write("The two passwords differ. Try again.")
                continue
            try:
                validate_password(password, user)
            except ValidationError as error:
                self.stderr.write("Password refused: " + " ".join(error.messages))
                continue
            return password
        raise CommandError("No acceptable password after 3 attempts; nothing was changed.")
