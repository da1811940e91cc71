import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command

from programs.intake.roles import CONTENT_EDITORS, INTAKE_STAFF, ROLE_PERMISSIONS, sync_roles
from programs.management.commands import create_staff_user

pytestmark = pytest.mark.django_db

STRONG = "a-long-and-unusual-passphrase-77"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("create_staff_user", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def group_names(user) -> set[str]:
    return set(user.groups.values_list("name", flat=True))


def test_creates_a_staff_user_in_the_intake_group():
    output = run("ines", "--group", "intake", "--password", STRONG, "--email", "i@example.org")
    user = get_user_model().objects.get(username="ines")
    assert user.is_staff
    assert not user.is_superuser
    assert user.check_password(STRONG)
    assert user.email == "i@example.org"
    assert group_names(user) == {INTAKE_STAFF}
    assert user.has_perm("programs.view_response")
    assert not user.has_perm("programs.delete_response")
    assert output.strip() == "Created staff user 'ines' in 'Intake staff'."


def test_creates_a_content_editor():
    run("carl", "--group", "content", "--password", STRONG)
    user = get_user_model().objects.get(username="carl")
    assert group_names(user) == {CONTENT_EDITORS}
    assert user.has_perm("programs.change_treatmentlevel")
    assert not user.has_perm("programs.view_response")


@pytest.mark.parametrize(
    "password", ["short", "password1234", "123456789012", "ines.marquez.bravo"]
)
def test_weak_passwords_are_refused_and_nothing_is_created(password):
    with pytest.raises(CommandError, match="Password refused"):
        run("ines.marquez.bravo", "--group", "intake", "--password", password)
    assert not get_user_model().objects.exists()


def test_prompts_for_a_password_when_none_is_given(monkeypatch):
    answers = iter(["short", "short", STRONG, "different", STRONG, STRONG])
    monkeypatch.setattr(create_staff_user.getpass, "getpass", lambda prompt: next(answers))
    monkeypatch.setattr(create_staff_user.sys.stdin, "isatty", lambda: True)
    run("ines", "--group", "intake")
    assert get_user_model().objects.get(username="ines").check_password(STRONG)


def test_gives_up_after_three_bad_prompts(monkeypatch):
    monkeypatch.setattr(create_staff_user.getpass, "getpass", lambda prompt: "short")
    monkeypatch.setattr(create_staff_user.sys.stdin, "isatty", lambda: True)
    with pytest.raises(CommandError, match="3 attempts"):
        run("ines", "--group", "intake")
    assert not get_user_model().objects.filter(username="ines").exists()


def test_without_a_terminal_a_password_option_is_required(monkeypatch):
    monkeypatch.setattr(create_staff_user.sys.stdin, "isatty", lambda: False)
    with pytest.raises(CommandError, match="pass --password"):
        run("ines", "--group", "intake")


def test_an_existing_user_is_added_to_the_group_and_keeps_the_password():
    run("ines", "--group", "content", "--password", STRONG)
    output = run("ines", "--group", "intake")
    user = get_user_model().objects.get(username="ines")
    assert group_names(user) == {INTAKE_STAFF, CONTENT_EDITORS}
    assert user.check_password(STRONG)
    assert "password unchanged" in output
    assert get_user_model().objects.filter(username="ines").count() == 1


def test_an_existing_user_gets_a_new_password_when_given():
    run("ines", "--group", "intake", "--password", STRONG)
    run("ines", "--group", "intake", "--password", STRONG + "-new")
    assert get_user_model().objects.get(username="ines").check_password(STRONG + "-new")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ines", "--group", "admin", "--password", STRONG], "invalid choice"),
        (["ines", "--password", STRONG], "--group"),
        (["   ", "--group", "intake", "--password", STRONG], "must not be empty"),
        (["ines", "--group", "intake", "--password", STRONG, "--email", "nope"], "email"),
    ],
)
def test_bad_arguments_are_clear_errors(args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert not get_user_model().objects.exists()


def test_groups_exist_after_migrating_and_never_hold_delete_permissions():
    for name in (INTAKE_STAFF, CONTENT_EDITORS):
        codenames = set(
            Group.objects.get(name=name).permissions.values_list("codename", flat=True)
        )
        assert codenames
        assert not {c for c in codenames if c.startswith("delete_")}
        assert "view_auditentry" not in codenames
    intake = set(
        Group.objects.get(name=INTAKE_STAFF).permissions.values_list("codename", flat=True)
    )
    assert {"view_response", "change_contactrequest", "add_staffnote"} <= intake
    assert "change_response" not in intake
    content = set(
        Group.objects.get(name=CONTENT_EDITORS).permissions.values_list("codename", flat=True)
    )
    assert not {c for c in content if c.endswith(("response", "contactrequest", "staffnote"))}


def test_sync_roles_is_idempotent_and_keeps_hand_granted_permissions():
    intake = Group.objects.get(name=INTAKE_STAFF)
    extra = Permission.objects.get(codename="view_group")
    intake.permissions.add(extra)
    before = intake.permissions.count()
    first = sync_roles(Group, Permission)
    second = sync_roles(Group, Permission)
    assert first == second
    assert intake.permissions.count() == before
    assert Group.objects.filter(name=INTAKE_STAFF).count() == 1
    listed = {codename for _app, codename in ROLE_PERMISSIONS[INTAKE_STAFF]}
    present = set(
        Permission.objects.filter(codename__in=listed).values_list("codename", flat=True)
    )
    assert first[INTAKE_STAFF] == len(present)
