"""The queue's fast row checkbox renders exactly what Django's own does."""

import pytest
from django.contrib import admin

from programs.intake.admin.checkboxes import PlainActionCheckbox
from programs.models import ContactRequest, Response
from tests.factories.intake import make_response, share

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [Response, ContactRequest])
def test_the_row_checkbox_is_the_same_markup_as_djangos(model):
    response = make_response()
    contact = share(response)
    obj = response if model is Response else contact
    model_admin = admin.site._registry[model]
    assert isinstance(model_admin, PlainActionCheckbox)
    django_markup = admin.ModelAdmin.action_checkbox(model_admin, obj)
    assert model_admin.action_checkbox(obj) == django_markup
    assert f'value="{obj.pk}"' in django_markup
