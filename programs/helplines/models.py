"""The one table of helplines: name, numbers, text code, chat address, hours, languages, source."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from programs.core.i18n import TranslatedFieldsMixin
from programs.core.phones import PhoneError, normalise_us_phone

SPANISH_HELP = "Spanish. Leave empty to show the English text on Spanish pages."
# A US short code: 3 digits for the N11 services, 5 or 6 for text lines.
SHORT_CODE = re.compile(r"^\d{3,6}$", re.ASCII)
TEXT_CODE = re.compile(r"^[A-Z0-9]{2,20}$")
# As the token grammar names a line (programs/helplines/tokens.py).
KEY = re.compile(r"^[a-z][a-z0-9_]*$")
# An address shown as text, without its scheme ("thehotline.org", "example.org/chat").
CHAT_ADDRESS = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(/[A-Za-z0-9._~/-]*)?$")
PHONE_WORDS = re.compile(r"^1-\d{3}-[0-9A-Z-]{4,12}$", re.ASCII)


def dial_target(number: str) -> str:
    """What a ``tel:`` or ``sms:`` link dials: a short code's digits or the E.164 form."""
    number = number.strip()
    if SHORT_CODE.match(number):
        return number
    return normalise_us_phone(number)


def number_problem(number: str) -> str | None:
    """Why ``number`` is neither a valid US number nor a US short code (None if it is one)."""
    try:
        dial_target(number)
    except PhoneError:
        return "Enter a US phone number such as 1-800-555-0199, or a short code of 3 to 6 digits."
    return None


def spanish_char(max_length: int, verbose_name: str) -> models.CharField:
    return models.CharField(
        verbose_name, max_length=max_length, blank=True, help_text=SPANISH_HELP
    )


class Helpline(TranslatedFieldsMixin, models.Model):
    """A crisis or help line. Texts name it by ``key`` as ``[[key]]`` or ``[[key.part]]``."""

    TRANSLATED_FIELDS = ("name", "phone_option", "hours", "languages", "notes")

    key = models.SlugField(
        max_length=40,
        unique=True,
        help_text="How texts name this line, as [[key]] or [[key.text]]. Changing it "
        "breaks every text that uses it.",
    )
    name = models.CharField(max_length=150)
    name_es = spanish_char(200, "name (Spanish)")
    phone = models.CharField(
        max_length=20,
        help_text="As shown, such as 1-800-555-0199, or a short code of 3 to 6 digits.",
    )
    phone_words = models.CharField(
        "phone in words", max_length=20, blank=True, help_text="For example 1-800-555-HELP."
    )
    phone_option = models.CharField(
        max_length=60, blank=True, help_text='What to do once connected, e.g. "then press 1".'
    )
    phone_option_es = spanish_char(80, "phone option (Spanish)")
    tty = models.CharField("TTY", max_length=20, blank=True)
    text_number = models.CharField(
        "number to text", max_length=20, blank=True, help_text="A US number or a short code."
    )
    text_code = models.CharField(
        "word to text", max_length=20, blank=True, help_text="In capitals, e.g. START."
    )
    chat = models.CharField(
        "chat address",
        max_length=100,
        blank=True,
        help_text="Shown as text, without https://, e.g. thehotline.org.",
    )
    hours = models.CharField(max_length=100, blank=True, help_text="Leave empty if unverified.")
    hours_es = spanish_char(130, "hours (Spanish)")
    languages = models.CharField(max_length=100, blank=True)
    languages_es = spanish_char(130, "languages (Spanish)")
    notes = models.TextField(blank=True, help_text="What it is, and what it is not.")
    notes_es = models.TextField("notes (Spanish)", blank=True, help_text=SPANISH_HELP)
    source = models.CharField(max_length=300)
    last_verified = models.DateField()
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "key"]
        constraints = [
            models.CheckConstraint(condition=~Q(key=""), name="helpline_has_key"),
            models.CheckConstraint(condition=~Q(phone=""), name="helpline_has_phone"),
            models.CheckConstraint(condition=~Q(source=""), name="helpline_has_source"),
            # A word to text means nothing without a number to text it to.
            models.CheckConstraint(
                condition=Q(text_code="") | ~Q(text_number=""),
                name="helpline_text_code_has_number",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if not KEY.match(self.key):
            errors["key"] = "Small letters, digits and _ only, starting with a letter: dv_text."
        for field in ("phone", "tty", "text_number"):
            value = getattr(self, field).strip()
            setattr(self, field, value)
            if value and (problem := number_problem(value)):
                errors[field] = problem
        if self.text_code and not TEXT_CODE.match(self.text_code):
            errors["text_code"] = "Capital letters and digits only, e.g. START."
        if self.text_code and not self.text_number:
            errors["text_number"] = "Give the number to text the word to."
        if self.phone_words and not PHONE_WORDS.match(self.phone_words):
            errors["phone_words"] = "Write it as dialled, in capitals: 1-800-555-HELP."
        if self.chat and not CHAT_ADDRESS.match(self.chat):
            errors["chat"] = "An address such as thehotline.org, without https://."
        if errors:
            raise ValidationError(errors)
