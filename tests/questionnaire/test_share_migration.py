"""Migration 0012 stores the free-text phone numbers that are valid US numbers as E.164."""

import importlib

import pytest
from django.apps import apps

from programs.models import ContactRequest
from tests.factories.intake import make_response, share

pytestmark = pytest.mark.django_db

migration = importlib.import_module("programs.migrations.0012_contact_safety")


def test_numbers_that_parse_become_e164_and_the_rest_stay_as_written():
    typed = {
        "(212) 555-0199": "+12125550199",
        "1-212-555-0100": "+12125550100",
        "555-0100": "555-0100",  # no area code: kept as the person wrote it
        "212 555 0101 after 6": "212 555 0101 after 6",
        "+44 20 7946 0958": "+44 20 7946 0958",
        "": "",
    }
    contacts = {}
    for phone in typed:
        contacts[phone] = share(make_response(), phone=phone, email="x@example.org")
    migration.phones_to_e164(apps, None)
    for phone, expected in typed.items():
        assert ContactRequest.objects.get(pk=contacts[phone].pk).phone == expected
