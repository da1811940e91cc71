"""Every admin action on every registered model declares a permission, and holds to it.

Walks the admin site's registry (the project's models, Django's auth, axes, the task
results): for each action a superuser is offered, a staff member who may view the model
but lacks the action's permission is not offered it, and a tampered POST naming it
changes nothing and gets one of Django's own refusals — never a 500.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.test import Client, RequestFactory
from django.urls import reverse

from tests.factories.directory import make_program, make_report
from tests.factories.intake import make_response, make_user, share
from tests.factories.two_factor import force_login_verified

pytestmark = pytest.mark.django_db

# The actions this project offers, so the walk below cannot pass by finding none.
EXPECTED = {
    ("programs", "program"): {"delete_selected", "mark_verified_today"},
    ("programs", "listingreport"): {"delete_selected", "mark_resolved", "mark_new"},
    ("auth", "user"): {"delete_selected"},
}


def registered_actions() -> list[tuple[type[Model], admin.ModelAdmin, str, Any]]:
    request = RequestFactory().get("/admin/")
    request.user = make_user(superuser=True)
    found = []
    for model, model_admin in admin.site._registry.items():
        for name, entry in model_admin.get_actions(request).items():
            assert entry is not None
            found.append((model, model_admin, name, entry[0]))
    return found


def view_only_user(model: type[Model]):
    """A staff member who may view ``model`` in the admin and do nothing else with it."""
    user = make_user()
    content_type = ContentType.objects.get_for_model(model)
    user.user_permissions.add(
        Permission.objects.get(
            content_type=content_type, codename=f"view_{model._meta.model_name}"
        )
    )
    return user


def test_every_action_declares_a_permission_other_than_view():
    actions = registered_actions()
    offered: dict[tuple[str, str], set[str]] = {}
    for model, _model_admin, name, func in actions:
        offered.setdefault((model._meta.app_label, model._meta.model_name), set()).add(name)
        permissions = set(getattr(func, "allowed_permissions", ()))
        # "view" alone would let anyone who can read the list change it.
        assert permissions - {"view"}, f"{model._meta.label}: {name} declares no permission"
    for key, names in EXPECTED.items():
        assert names <= offered.get(key, set()), key


def test_no_action_is_offered_to_or_runnable_by_a_user_without_its_permission():
    make_report(make_program())
    share(make_response())
    actions = registered_actions()
    assert actions
    for model, model_admin, name, _func in actions:
        user = view_only_user(model)
        request = RequestFactory().get("/admin/")
        request.user = user
        assert name not in model_admin.get_actions(request), (model._meta.label, name)

        client = Client()
        force_login_verified(client, user)
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        rows = list(model._default_manager.values())
        logged = LogEntry.objects.count()
        pks = [str(pk) for pk in model._default_manager.values_list("pk", flat=True)[:5]]
        answer = client.post(
            url,
            {"action": name, "select_across": "1", "index": "0", "_selected_action": pks},
        )
        label = f"{model._meta.label}: {name}"
        # Django's own refusals: "No action selected." when the user has other actions;
        # with none at all, the POST is ignored and the list shown; 403 without the list.
        assert answer.status_code in (
            HTTPStatus.FOUND,
            HTTPStatus.OK,
            HTTPStatus.FORBIDDEN,
        ), label
        if answer.status_code == HTTPStatus.FOUND:
            assert answer["Location"] == url, label
            page = client.get(answer["Location"])
            assert "No action selected." in page.content.decode(), label
        assert list(model._default_manager.values()) == rows, label
        assert LogEntry.objects.count() == logged, label


def test_axes_sign_in_attempts_keep_their_admin_without_the_unchecked_cleanup():
    """axes's "Clean up expired attempts" declared no permission and logged nothing."""
    from axes.models import AccessAttempt  # type: ignore[import-untyped]

    superuser = make_user(superuser=True)
    client = Client()
    force_login_verified(client, superuser)
    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == HTTPStatus.OK
    request = RequestFactory().get("/admin/")
    request.user = superuser
    assert set(admin.site._registry[AccessAttempt].get_actions(request)) == {"delete_selected"}
