"""Level slugs are read-only in the admin (issue #18, hole 7).

The triage engine names levels by slug ("iop", "php", …) and stored responses list the
levels they also suggest by slug: a content editor renaming a slug made every
questionnaire that suggests that level fail with a 500.
"""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.urls import reverse

from programs.models import Response, TreatmentLevel
from programs.questionnaire import triage
from tests.factories.admin import form_data
from tests.factories.intake import content_user, make_response
from tests.factories.questionnaire import answers, as_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(content_user())
    return client


def test_the_slug_is_shown_but_not_editable(editor):
    level = TreatmentLevel.objects.get(slug="iop")
    page = editor.get(reverse("admin:programs_treatmentlevel_change", args=[level.pk]))
    assert page.status_code == HTTPStatus.OK
    assert "slug" not in page.context["adminform"].form.fields
    html = page.content.decode()
    assert 'name="slug"' not in html
    assert ">iop<" in html  # shown, read-only


def test_a_tampered_slug_is_ignored_and_results_still_render(editor, client):
    stored = make_response()
    level = stored.suggested_level
    assert level is not None
    assert level.slug in triage.LEVELS
    change = reverse("admin:programs_treatmentlevel_change", args=[level.pk])
    data = form_data(editor.get(change))
    data["slug"] = "renamed-by-hand"
    data["summary"] = "A summary edited at the same time."
    saved = editor.post(change, data)
    assert saved.status_code == HTTPStatus.FOUND, saved.context["adminform"].form.errors
    level.refresh_from_db()
    assert level.slug in triage.LEVELS
    assert level.summary == "A summary edited at the same time."  # the rest did save
    # The stored result, and a new questionnaire suggesting the same level, still work.
    assert client.get(stored.get_absolute_url()).status_code == HTTPStatus.OK
    submitted = client.post(reverse("programs:questionnaire"), as_post(answers()))
    assert submitted.status_code == HTTPStatus.FOUND
    assert Response.objects.count() == 2
    assert client.get(submitted["Location"]).status_code == HTTPStatus.OK


def test_a_new_level_still_gets_a_slug(editor):
    page = editor.get(reverse("admin:programs_treatmentlevel_add"))
    assert page.status_code == HTTPStatus.OK
    assert "slug" in page.context["adminform"].form.fields
