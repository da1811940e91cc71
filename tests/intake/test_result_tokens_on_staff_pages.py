"""No staff path reveals a result token (issue #18, hole 1).

A result's token is its only key: whoever has /results/<token>/ reads the result and can
ask to be called about it. Staff read responses only through their audited admin pages,
which never print the token; the admin's "view on site" shortcut (/admin/r/<type>/<id>/)
used to redirect any staff account, content editors included, to the result page.
"""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from programs.models import AuditEntry, ContactRequest, Program, Response, TreatmentLevel
from tests.factories.directory import make_program
from tests.factories.intake import content_user, intake_user, make_response, make_user, share
from tests.factories.two_factor import force_login_verified

pytestmark = pytest.mark.django_db

ROLES = ["content editor", "intake staff", "superuser"]


def sign_in(client, role: str):
    if role == "content editor":
        user = content_user()
    elif role == "intake staff":
        user = intake_user()
    else:
        user = make_user(superuser=True)
    force_login_verified(client, user)
    return user


def shortcut(obj) -> str:
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("admin:view_on_site", args=[content_type.pk, obj.pk])


@pytest.fixture
def crisis():
    response = make_response(danger_now=["overdose_signs"])
    share(response)
    return response


@pytest.mark.parametrize("role", ROLES)
def test_view_on_site_never_leads_to_a_result(client, crisis, role):
    sign_in(client, role)
    for obj in [crisis, crisis.contact_request]:
        page = client.get(shortcut(obj))
        assert page.status_code == HTTPStatus.NOT_FOUND, (role, type(obj).__name__)
        assert crisis.public_token not in page.get("Location", "")
        assert crisis.public_token not in page.content.decode()
    # Nobody reached the result page, so nobody could plant a contact request on it.
    assert ContactRequest.objects.count() == 1


def test_view_on_site_is_refused_to_anonymous_visitors(client, crisis):
    page = client.get(shortcut(crisis))
    assert page.status_code == HTTPStatus.FOUND
    assert page["Location"].startswith(reverse("admin:login"))
    assert crisis.public_token not in page["Location"]


@pytest.mark.parametrize("role", ["content editor", "superuser"])
def test_view_on_site_still_works_for_public_content(client, role):
    sign_in(client, role)
    level = TreatmentLevel.objects.get(slug="iop")
    program = make_program(level=level)
    for obj in [level, program]:
        page = client.get(shortcut(obj))
        assert page.status_code == HTTPStatus.FOUND
        assert page["Location"].endswith(obj.get_absolute_url())


def test_view_on_site_is_refused_for_content_the_user_cannot_see(client):
    # Django's shortcut only asks for is_staff; a staff account with no permission on a
    # model learns nothing about its objects.
    force_login_verified(client, make_user())
    program = make_program()
    assert client.get(shortcut(program)).status_code == HTTPStatus.NOT_FOUND


def staff_pages(response: Response) -> list[tuple[str, str, dict | None]]:
    change = reverse("admin:programs_response_change", args=[response.pk])
    return [
        ("get", reverse("admin:index"), None),
        ("get", reverse("admin:intake_workspace"), None),
        ("get", reverse("admin:intake_workspace") + f"?q={response.reference_code}", None),
        ("get", reverse("admin:programs_response_changelist"), None),
        ("get", change, None),
        ("get", reverse("admin:programs_response_history", args=[response.pk]), None),
        ("get", reverse("admin:programs_auditentry_changelist"), None),
        ("post", reverse("admin:programs_response_export", args=[response.pk, "csv"]), {}),
        ("post", reverse("admin:programs_response_export", args=[response.pk, "fhir"]), {}),
        (
            "post",
            reverse("admin:intake_workspace_export", args=["csv"])
            + f"?q={response.reference_code}",
            {},
        ),
        (
            "post",
            reverse("admin:intake_workspace_export", args=["fhir"])
            + f"?q={response.reference_code}",
            {},
        ),
        ("get", reverse("admin:programs_response_delete", args=[response.pk]), None),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_no_staff_page_prints_the_token(client, crisis, role):
    sign_in(client, role)
    read = 0
    for method, url, data in staff_pages(crisis):
        page = client.get(url) if method == "get" else client.post(url, data)
        assert page.status_code < HTTPStatus.INTERNAL_SERVER_ERROR, url
        body = b"".join(page.streaming_content) if page.streaming else page.content
        assert crisis.public_token.encode() not in body, (role, url)
        assert crisis.public_token not in page.get("Location", ""), (role, url)
        read += page.status_code == HTTPStatus.OK
    # Intake staff and superusers really read (and so were audited) the pages checked.
    if role != "content editor":
        assert read >= 9
        assert AuditEntry.objects.exists()


def test_admin_pages_link_nowhere_near_a_result(admin_client, crisis):
    html = admin_client.get(
        reverse("admin:programs_response_change", args=[crisis.pk])
    ).content.decode()
    assert "/results/" not in html
    assert "/admin/r/" not in html


def test_program_admin_still_offers_view_on_site(client):
    client.force_login(content_user())
    program = make_program()
    html = client.get(reverse("admin:programs_program_change", args=[program.pk])).content
    assert shortcut(program).encode() in html


def test_no_admin_offers_view_on_site_for_a_model_whose_address_holds_a_token():
    from django.apps import apps
    from django.contrib import admin

    assert admin.site.get_model_admin(Response).view_on_site is False
    assert not admin.site.is_registered(ContactRequest)
    for model in apps.get_models():
        holds_token = any("token" in field.name for field in model._meta.get_fields())
        if holds_token and admin.site.is_registered(model):
            assert admin.site.get_model_admin(model).view_on_site is False, model
    assert admin.site.get_model_admin(Program).view_on_site
