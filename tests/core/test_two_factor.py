"""Two-factor sign-in for staff who can read responses, and for superusers: enrolment
with a locally drawn QR code, codes, recovery codes, the lockout, and the reset command.

Sign-in goes through the real admin form (password, django-axes) and the real second
step with codes computed from the device's secret, as an authenticator app would.
"""

from __future__ import annotations

import logging
import re
from base64 import b32encode
from datetime import timedelta
from http import HTTPStatus
from io import StringIO

import pytest
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.contrib.auth.signals import user_login_failed
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import URLPattern, URLResolver, reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from programs.core import two_factor
from programs.core.staff_session import SESSION_LAST_SEEN
from programs.management.commands.reset_2fa import Command as ResetCommand
from programs.models import Response
from tests.factories.intake import PASSWORD, content_user, intake_user, make_response, make_user
from tests.factories.two_factor import app_device, code_at, force_login_verified, next_code

pytestmark = pytest.mark.django_db

ADDRESS = "192.0.2.10"
ENROL = "/admin/two-factor/set-up/"
VERIFY = "/admin/two-factor/code/"
NEW_CODES = "/admin/two-factor/recovery-codes/"
WORKSPACE = "/admin/intake/"


def password_step(client, user, next_path: str = "/admin/", address: str = ADDRESS):
    """The admin's sign-in form, then every redirect it leads to."""
    return client.post(
        f"/admin/login/?next={next_path}",
        {"username": user.get_username(), "password": PASSWORD, "next": next_path},
        REMOTE_ADDR=address,
        follow=True,
    )


def enter(client, path: str, code: str, address: str = ADDRESS, **extra):
    return client.post(path, {"code": code, **extra}, REMOTE_ADDR=address)


def page_text(response) -> str:
    return response.content.decode()


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def unthrottle(user) -> None:
    """As if the person waited: django-otp's throttle delay (1, 2, 4… s) has passed."""
    past = timezone.now() - timedelta(hours=1)
    TOTPDevice.objects.filter(user=user).update(throttling_failure_timestamp=past)
    StaticDevice.objects.filter(user=user).update(throttling_failure_timestamp=past)


def enrolled(client, user) -> list[str]:
    """Sign in with the password, set up the app with a right code; the recovery codes."""
    password_step(client, user)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    page = enter(client, ENROL, next_code(device))
    assert page.status_code == HTTPStatus.OK
    return re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page_text(page))


def sign_out(client) -> None:
    client.post("/admin/logout/")


# --- Who needs the second step ----------------------------------------------------------


def test_intake_staff_without_a_device_are_sent_to_set_up_an_app(client):
    user = intake_user()
    page = password_step(client, user, WORKSPACE)
    assert page.redirect_chain[-1][0].startswith(ENROL)
    assert page.status_code == HTTPStatus.OK
    html = page_text(page)
    assert "Set up two-factor sign-in" in html
    # The QR code is drawn here, inline: no image, no data: URL, nothing from elsewhere.
    assert re.search(r'<svg[^>]*class="two-factor-qr"', html)
    assert "<img" not in html.split('id="content"')[1]
    assert "data:" not in html
    for marker in ('src="http', "src='http", 'href="http', "url(http"):
        assert marker not in html
    # The secret as text, for typing into an app.
    device = TOTPDevice.objects.get(user=user)
    assert not device.confirmed
    secret = b32encode(device.bin_key).decode().rstrip("=")
    assert secret in re.sub(r"\s", "", html)
    # The workspace waits.
    assert client.get(WORKSPACE).status_code == HTTPStatus.FOUND


def test_a_reload_of_the_set_up_page_shows_the_same_secret(client):
    user = intake_user()
    password_step(client, user)
    client.get(ENROL)
    client.get(ENROL)
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_superusers_need_the_second_step_too(client):
    user = make_user(superuser=True)
    page = password_step(client, user)
    assert page.redirect_chain[-1][0].startswith(ENROL)
    assert client.get("/admin/auth/user/").status_code == HTTPStatus.FOUND


def test_content_editors_sign_in_with_a_password_only(client):
    # Decided: they cannot read responses, contact requests, notes or the access log.
    user = content_user()
    assert not two_factor.requires_two_factor(user)
    page = password_step(client, user)
    assert page.redirect_chain[-1][0] == "/admin/"
    assert page.status_code == HTTPStatus.OK
    assert client.get("/admin/programs/treatmentlevel/").status_code == HTTPStatus.OK
    # Nothing to make recovery codes for.
    codes = client.get(NEW_CODES)
    assert codes.status_code == HTTPStatus.FOUND
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_a_content_editor_given_response_access_is_asked_at_the_next_page(client):
    user = content_user()
    password_step(client, user)
    assert client.get("/admin/").status_code == HTTPStatus.OK
    user.groups.add(*intake_user().groups.all())
    response = client.get("/admin/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(ENROL)


# --- Enrolment ----------------------------------------------------------------------------


def test_a_wrong_confirmation_code_does_not_confirm_the_app(client):
    user = intake_user()
    password_step(client, user)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=user)
    right = next_code(device)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    page = enter(client, ENROL, wrong)
    assert page.status_code == HTTPStatus.OK
    assert "That code was not accepted" in page_text(page)
    device.refresh_from_db()
    assert not device.confirmed
    assert not StaticDevice.objects.filter(user=user).exists()
    assert client.get(WORKSPACE).status_code == HTTPStatus.FOUND


def test_the_right_code_confirms_the_app_and_shows_ten_recovery_codes_once(client):
    user = intake_user()
    codes = enrolled(client, user)
    assert len(codes) == len(set(codes)) == 10
    assert TOTPDevice.objects.get(user=user).confirmed
    stored = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert stored == set(codes)
    # Verified: the workspace opens, the set-up page sends on, and no later page shows
    # the codes again.
    assert client.get(WORKSPACE).status_code == HTTPStatus.OK
    assert client.get(ENROL).status_code == HTTPStatus.FOUND
    for path in ("/admin/", NEW_CODES, WORKSPACE):
        html = page_text(client.get(path))
        assert not any(code in html for code in codes), path


def test_the_next_sign_in_asks_for_a_code_from_the_app(client):
    user = intake_user()
    enrolled(client, user)
    sign_out(client)
    page = password_step(client, user, WORKSPACE)
    assert page.redirect_chain[-1][0].startswith(VERIFY)
    assert "Enter the 6-digit code from your authenticator app" in page_text(page)
    assert client.get(WORKSPACE).status_code == HTTPStatus.FOUND
    done = enter(client, VERIFY, next_code(app_device(user)), next=WORKSPACE)
    assert done.status_code == HTTPStatus.FOUND
    assert done["Location"] == WORKSPACE
    assert client.get(WORKSPACE).status_code == HTTPStatus.OK


def test_a_code_works_once(client):
    user = intake_user()
    enrolled(client, user)
    device = app_device(user)
    used = code_at(device.bin_key, device.last_t)
    sign_out(client)
    password_step(client, user)
    page = enter(client, VERIFY, used)
    assert page.status_code == HTTPStatus.OK
    assert "not accepted" in page_text(page)


def test_signing_out_ends_the_verification(client):
    user = intake_user()
    enrolled(client, user)
    assert client.get(WORKSPACE).status_code == HTTPStatus.OK
    sign_out(client)
    # Signed out entirely: the password comes first again.
    after = client.get(WORKSPACE)
    assert after.status_code == HTTPStatus.FOUND
    assert after["Location"].startswith("/admin/login/")
    password_step(client, user)
    assert client.get(WORKSPACE)["Location"].startswith(VERIFY)


def test_a_session_due_for_the_step_can_sign_out(client):
    user = intake_user()
    password_step(client, user)
    key = client.session.session_key
    client.post("/admin/logout/")
    assert client.session.session_key != key
    assert "_auth_user_id" not in client.session


def test_where_the_person_was_going_is_kept_but_never_another_site(client):
    user = intake_user()
    enrolled(client, user)
    sign_out(client)
    password_step(client, user)
    device = app_device(user)
    away = enter(client, VERIFY, next_code(device), next="https://evil.example/")
    assert away["Location"] == "/admin/"


# --- Every admin page waits for the step -----------------------------------------------


def admin_urls() -> list[tuple[str, list[str]]]:
    """(name, its URL parameters) of every named admin URL, walking the admin URLconf."""
    found = []

    def walk(patterns, prefix_params):
        for pattern in patterns:
            params = [*prefix_params, *pattern.pattern.regex.groupindex]
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, params)
            elif isinstance(pattern, URLPattern) and pattern.name:
                found.append((pattern.name, params))

    walk(admin.site.get_urls(), [])
    return found


# The way in and out: the password form and sign-out, and the step's own pages.
WAY_IN = {"login", "logout", "two_factor_enrol", "two_factor_verify"}


def fill(params: list[str], response: Response) -> dict[str, str]:
    values = {
        "object_id": str(response.pk),
        "content_type_id": str(ContentType.objects.get_for_model(Response).pk),
        "app_label": "programs",
        "uidb64": "MQ",
        "token": "x",
        "id": "1",
        "pk": str(response.pk),
    }
    return {param: values.get(param, "1") for param in params}


def test_every_admin_page_sends_a_session_without_the_step_to_it(client):
    stored = make_response()
    user = intake_user()
    password_step(client, user)
    checked = []
    for name, params in admin_urls():
        if name in WAY_IN:
            continue
        url = reverse(f"admin:{name}", kwargs=fill(params, stored))
        for method in ("get", "post"):
            page = getattr(client, method)(url, REMOTE_ADDR=ADDRESS)
            assert page.status_code == HTTPStatus.FOUND, (name, method, page.status_code)
            assert page["Location"].startswith(ENROL), (name, method, page["Location"])
        checked.append(name)
    # The pages the brief names are among them: workspace, a response, exports,
    # keep-alive, the access log, the password change, Django's catch-all.
    assert {
        "intake_workspace",
        "programs_response_change",
        "session_keep_alive",
        "index",
        "password_change",
        "two_factor_recovery_codes",
    } <= set(checked)
    assert any("export" in name for name in checked)
    assert client.get("/admin/no-such-page/")["Location"].startswith(ENROL)
    # The password form itself sends on to the step, keeping where the person was going.
    login = client.get(f"/admin/login/?next={WORKSPACE}")
    assert login["Location"] == f"{ENROL}?next=%2Fadmin%2Fintake%2F"


def test_a_verified_session_reaches_the_same_pages(client):
    user = intake_user()
    force_login_verified(client, user)
    assert client.get(WORKSPACE).status_code == HTTPStatus.OK
    assert client.get("/admin/").status_code == HTTPStatus.OK
    assert client.get(NEW_CODES).status_code == HTTPStatus.OK
    assert client.get(ENROL)["Location"] == "/admin/"


def test_the_idle_sign_out_still_works_after_the_step(client):
    user = intake_user()
    enrolled(client, user)
    page = client.get("/admin/")
    assert page.context["staff_session"]["idle_seconds_left"] > 0
    session = client.session
    session[SESSION_LAST_SEEN] -= 31 * 60
    session.save()
    after = client.get(WORKSPACE)
    assert after.status_code == HTTPStatus.FOUND
    assert after["Location"].startswith("/admin/login/")


def test_the_keep_alive_works_after_the_step(client):
    user = intake_user()
    enrolled(client, user)
    assert client.post("/admin/session/keep-alive/").status_code == HTTPStatus.OK


# --- Recovery codes -----------------------------------------------------------------------


def test_a_recovery_code_signs_in_once(client):
    user = intake_user()
    codes = enrolled(client, user)
    sign_out(client)
    password_step(client, user)
    page = enter(client, VERIFY, codes[0].upper()[:4] + " " + codes[0][4:], next=WORKSPACE)
    assert page.status_code == HTTPStatus.FOUND
    assert page["Location"] == WORKSPACE
    assert "9 recovery codes left" in " ".join(messages_of(page))
    assert client.get(WORKSPACE).status_code == HTTPStatus.OK
    assert two_factor.recovery_codes_left(user) == 9
    sign_out(client)
    password_step(client, user)
    again = enter(client, VERIFY, codes[0])
    assert again.status_code == HTTPStatus.OK
    assert "not accepted" in page_text(again)
    assert client.get(WORKSPACE).status_code == HTTPStatus.FOUND
    unthrottle(user)
    assert enter(client, VERIFY, codes[1]).status_code == HTTPStatus.FOUND


def test_new_recovery_codes_need_a_current_code_and_replace_the_old(client):
    user = intake_user()
    old = enrolled(client, user)
    form = client.get(NEW_CODES)
    assert "You have 10 unused recovery codes" in page_text(form)
    device = app_device(user)
    right = next_code(device)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    refused = enter(client, NEW_CODES, wrong)
    assert refused.status_code == HTTPStatus.OK
    assert "not accepted" in page_text(refused)
    # A recovery code is not enough to make new ones.
    by_recovery = enter(client, NEW_CODES, old[0])
    assert "Enter the 6 digits your app shows" in page_text(by_recovery)
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(old)
    unthrottle(user)
    made = enter(client, NEW_CODES, next_code(device))
    new = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page_text(made))
    assert len(new) == 10
    assert not set(new) & set(old)
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new)


def test_new_recovery_codes_keep_a_session_that_signed_in_with_one(client):
    user = intake_user()
    codes = enrolled(client, user)
    sign_out(client)
    password_step(client, user)
    enter(client, VERIFY, codes[0])
    made = enter(client, NEW_CODES, next_code(app_device(user)))
    assert made.status_code == HTTPStatus.OK
    assert client.get(WORKSPACE).status_code == HTTPStatus.OK


def test_the_recovery_codes_link_is_on_admin_pages_after_the_step(client):
    user = intake_user()
    enrolled(client, user)
    assert f'href="{NEW_CODES}"' in page_text(client.get("/admin/"))


# --- Failures, throttling and the lockout ---------------------------------------------


def test_five_wrong_codes_lock_the_account_for_that_client(client):
    user = intake_user()
    enrolled(client, user)
    sign_out(client)
    password_step(client, user)
    device = app_device(user)
    wrong = f"{(int(next_code(device)) + 1) % 1_000_000:06d}"
    for _ in range(4):
        assert enter(client, VERIFY, wrong).status_code == HTTPStatus.OK
    locked = enter(client, VERIFY, wrong)
    assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "locked for 15 minutes" in page_text(locked)
    # Signed out, and the password no longer lets them in from this client...
    assert "_auth_user_id" not in client.session
    again = password_step(client, user)
    assert again.status_code == HTTPStatus.TOO_MANY_REQUESTS
    # ...while the same person from another connection is not locked out.
    other = password_step(client, user, address="192.0.2.20")
    assert other.redirect_chain[-1][0].startswith(VERIFY)
    # The administrator's unlock lets them in again.
    call_command("axes_reset_username", user.get_username(), verbosity=0)
    assert password_step(client, user).redirect_chain[-1][0].startswith(VERIFY)


def test_a_wrong_code_is_a_failed_sign_in_for_django_axes(client):
    user = intake_user()
    password_step(client, user)
    client.get(ENROL)
    heard = []

    def listener(sender, credentials, request=None, **kwargs):
        heard.append((credentials, request))

    user_login_failed.connect(listener)
    try:
        right = next_code(TOTPDevice.objects.get(user=user))
        enter(client, ENROL, f"{(int(right) + 1) % 1_000_000:06d}")
    finally:
        user_login_failed.disconnect(listener)
    assert len(heard) == 1
    credentials, request = heard[0]
    assert credentials == {"username": user.get_username()}
    assert request is not None


def test_a_locked_account_gets_the_lockout_page_on_the_step_too(client):
    user = intake_user()
    password_step(client, user)
    client.get(ENROL)
    # Five wrong passwords from this client in another tab.
    other = type(client)()
    for _ in range(5):
        other.post(
            "/admin/login/",
            {"username": user.get_username(), "password": "wrong"},
            REMOTE_ADDR=ADDRESS,
        )
    page = client.get(ENROL, REMOTE_ADDR=ADDRESS)
    assert page.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "_auth_user_id" not in client.session


def test_throttling_stays_on(client, settings):
    assert settings.OTP_TOTP_THROTTLE_FACTOR >= 1
    user = intake_user()
    enrolled(client, user)
    sign_out(client)
    password_step(client, user)
    device = app_device(user)
    right = next_code(device)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    enter(client, VERIFY, wrong)
    # Right away, even the right code waits for the throttle.
    page = enter(client, VERIFY, right)
    assert page.status_code == HTTPStatus.OK
    assert "wait 1 second" in page_text(page)
    unthrottle(user)
    assert enter(client, VERIFY, right).status_code == HTTPStatus.FOUND


def test_a_new_password_sign_in_does_not_reset_the_throttle(client):
    # django-otp's delay is reset only by a right code, so guessing stays exponentially
    # slow (1, 2, 4, 8… seconds) whatever the password step does.
    user = intake_user()
    enrolled(client, user)
    sign_out(client)
    password_step(client, user)
    device = app_device(user)
    right = next_code(device)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    for attempt in range(3):
        if attempt:
            unthrottle(user)  # each after the delay the last one asked for
        enter(client, VERIFY, wrong)
    sign_out(client)
    password_step(client, user)
    device.refresh_from_db()
    assert device.throttling_failure_count == 3
    page = enter(client, VERIFY, right)
    assert "wait" in page_text(page)
    assert client.get(WORKSPACE).status_code == HTTPStatus.FOUND


def wrong_code(user) -> str:
    return f"{(int(next_code(app_device(user))) + 1) % 1_000_000:06d}"


def test_a_right_password_does_not_wipe_out_wrong_codes(client):
    # Someone who knows the password cannot start over after every four wrong codes: the
    # fifth wrong code in all, across password sign-ins, locks the account for the client.
    user = intake_user()
    enrolled(client, user)
    sign_out(client)
    password_step(client, user)
    wrong = wrong_code(user)
    for _ in range(4):
        assert enter(client, VERIFY, wrong).status_code == HTTPStatus.OK
    sign_out(client)
    assert password_step(client, user).redirect_chain[-1][0].startswith(VERIFY)
    locked = enter(client, VERIFY, wrong)
    assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "_auth_user_id" not in client.session


def test_a_complete_sign_in_forgets_the_failed_tries(client):
    user = intake_user()
    enrolled(client, user)
    sign_out(client)
    password_step(client, user)
    wrong = wrong_code(user)
    for _ in range(4):
        enter(client, VERIFY, wrong)
    unthrottle(user)
    assert enter(client, VERIFY, next_code(app_device(user))).status_code == HTTPStatus.FOUND
    assert not AccessAttempt.objects.filter(username=user.get_username()).exists()
    sign_out(client)
    password_step(client, user)
    for _ in range(4):
        assert enter(client, VERIFY, wrong_code(user)).status_code == HTTPStatus.OK


def test_wrong_passwords_are_forgotten_after_a_password_only_sign_in(client):
    # Content editors sign in with a password only: that sign-in is complete at once.
    editor = content_user()
    for _ in range(4):
        client.post(
            "/admin/login/",
            {"username": editor.get_username(), "password": "wrong"},
            REMOTE_ADDR=ADDRESS,
        )
    assert AccessAttempt.objects.filter(username=editor.get_username()).exists()
    assert password_step(client, editor).status_code == HTTPStatus.OK
    assert not AccessAttempt.objects.filter(username=editor.get_username()).exists()


def test_wrong_passwords_stay_counted_until_the_code(client):
    user = intake_user()
    enrolled(client, user)
    sign_out(client)
    for _ in range(4):
        client.post(
            "/admin/login/",
            {"username": user.get_username(), "password": "wrong"},
            REMOTE_ADDR=ADDRESS,
        )
    password_step(client, user)
    assert AccessAttempt.objects.filter(username=user.get_username()).exists()
    locked = enter(client, VERIFY, wrong_code(user))
    assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS


# --- Tampered posts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "Enter the 6-digit code from your app."),
        ("   ", "Enter the 6-digit code from your app."),
        ("1" * 10_000, "That is too long for a code"),
        ("12\x0034", "Null characters are not allowed."),
        ("12345", "Enter the 6 digits your app shows, or one of your 8-character"),
        ("<script>", "Enter the 6 digits your app shows, or one of your 8-character"),
    ],
)
def test_malformed_codes_get_a_clear_message(client, code, message):
    user = intake_user()
    enrolled(client, user)
    sign_out(client)
    password_step(client, user)
    page = enter(client, VERIFY, code)
    assert page.status_code == HTTPStatus.OK
    assert message in page_text(page)
    assert client.get(WORKSPACE).status_code == HTTPStatus.FOUND


@pytest.mark.parametrize("path", [ENROL, NEW_CODES])
def test_malformed_codes_on_the_other_pages(client, path):
    user = intake_user()
    if path == ENROL:
        password_step(client, user)
        client.get(ENROL)
    else:
        force_login_verified(client, user)
    for code in ("", "9" * 5000, "1\x0023456", "abcdefgh"):
        page = enter(client, path, code)
        assert page.status_code == HTTPStatus.OK
        assert 'class="errorlist"' in page_text(page)


def test_another_users_device_and_code_do_not_sign_in(client):
    other = intake_user()
    other_device = app_device(other)
    user = intake_user()
    enrolled(client, user)
    sign_out(client)
    password_step(client, user)
    page = enter(
        client,
        VERIFY,
        next_code(other_device),
        device=other_device.persistent_id,
        otp_device=other_device.persistent_id,
    )
    assert page.status_code == HTTPStatus.OK
    assert "not accepted" in page_text(page)
    assert client.get(WORKSPACE).status_code == HTTPStatus.FOUND
    assert client.session.get("otp_device_id") is None


def test_another_users_code_does_not_confirm_an_app(client):
    other_device = app_device(intake_user())
    user = intake_user()
    password_step(client, user)
    client.get(ENROL)
    page = enter(client, ENROL, next_code(other_device), device=other_device.persistent_id)
    assert page.status_code == HTTPStatus.OK
    assert not TOTPDevice.objects.get(user=user).confirmed


def test_a_session_pointing_at_another_users_device_is_not_verified(client):
    other_device = app_device(intake_user())
    user = intake_user()
    password_step(client, user)
    session = client.session
    session["otp_device_id"] = other_device.persistent_id
    session.save()
    assert client.get(WORKSPACE).status_code == HTTPStatus.FOUND


def test_the_step_pages_turn_away_anonymous_and_send_on_others(client):
    assert client.get(ENROL)["Location"].startswith("/admin/login/")
    assert client.post(VERIFY, {"code": "123456"})["Location"].startswith("/admin/login/")
    client.force_login(make_user(staff=False))
    assert client.get(VERIFY)["Location"].startswith("/admin/login/")
    client.force_login(content_user())
    assert client.get(ENROL)["Location"] == "/admin/"


def test_a_user_with_an_app_is_sent_from_set_up_to_the_code_page(client):
    user = intake_user()
    app_device(user)
    password_step(client, user)
    assert client.get(ENROL)["Location"].startswith(VERIFY)
    fresh = intake_user()
    password_step(client, fresh)
    assert client.get(VERIFY)["Location"].startswith(ENROL)


# --- Reset ------------------------------------------------------------------------------------


def test_reset_removes_the_devices_and_the_next_sign_in_enrols_again(client):
    user = intake_user()
    codes = enrolled(client, user)
    device = app_device(user)
    secret = b32encode(device.bin_key).decode()
    out = StringIO()
    call_command("reset_2fa", user.get_username(), stdout=out)
    printed = out.getvalue()
    assert user.get_username() in printed
    assert "authenticator apps: 1" in printed
    assert "sets of recovery codes: 1" in printed
    assert device.key not in printed
    assert secret not in printed
    assert not any(code in printed for code in codes)
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticToken.objects.filter(device__user=user).exists()
    assert "changepassword" in printed
    # Signed out everywhere: an open session (maybe the lost phone's) cannot set up a new
    # app; the next sign-in, password first, sets up an app again.
    page = client.get(ENROL)
    assert page.status_code == HTTPStatus.FOUND
    assert page["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session
    assert password_step(client, user).redirect_chain[-1][0].startswith(ENROL)


def test_reset_ends_a_session_waiting_for_the_code_and_leaves_others(client):
    user, colleague = intake_user(), intake_user()
    enrolled(client, user)
    sign_out(client)
    password_step(client, user)  # someone with the password, at the code page
    other = type(client)()
    force_login_verified(other, colleague)
    call_command("reset_2fa", user.get_username(), stdout=StringIO())
    assert client.get(ENROL)["Location"].startswith("/admin/login/")
    assert other.get(WORKSPACE).status_code == HTTPStatus.OK


@pytest.mark.parametrize(
    "codename",
    ["change_response", "delete_response", "change_staffnote", "view_callattempt", "change_user"],
)
def test_any_permission_on_personal_data_or_accounts_needs_the_second_step(client, codename):
    # A hand-made group with "change response" alone still opens the response page (the
    # admin shows an object to whoever may change it); "change user" could make a superuser.
    user = make_user(staff=True)
    user.user_permissions.add(Permission.objects.get(codename=codename))
    assert two_factor.requires_two_factor(user)
    client.force_login(user)
    page = client.get(reverse("admin:programs_response_change", args=[make_response().pk]))
    assert page.status_code == HTTPStatus.FOUND
    assert "/two-factor/" in page["Location"]


def test_content_editors_permissions_need_no_second_step():
    assert not two_factor.requires_two_factor(content_user())


def test_reset_of_a_user_without_devices_says_so():
    user = intake_user()
    out = StringIO()
    call_command("reset_2fa", user.get_username(), stdout=out)
    assert "no two-factor devices" in out.getvalue()


def test_reset_of_an_unknown_user_is_a_clear_error_and_a_failing_exit():
    with pytest.raises(CommandError, match="No user is called 'nobody'"):
        call_command("reset_2fa", "nobody")
    with pytest.raises(SystemExit) as exit_info:
        ResetCommand(stdout=StringIO(), stderr=StringIO()).run_from_argv(
            ["manage.py", "reset_2fa", "nobody"]
        )
    assert exit_info.value.code != 0


# --- The log -------------------------------------------------------------------------------


def test_the_log_says_what_happened_and_never_a_code_or_secret(client, caplog):
    caplog.set_level(logging.INFO, logger="programs.core.two_factor")
    user = intake_user()
    codes = enrolled(client, user)
    device = app_device(user)
    sign_out(client)
    password_step(client, user)
    wrong = f"{(int(next_code(device)) + 1) % 1_000_000:06d}"
    enter(client, VERIFY, wrong)
    unthrottle(user)
    enter(client, VERIFY, codes[0])
    call_command("reset_2fa", user.get_username(), stdout=StringIO())
    lines = [r.getMessage() for r in caplog.records if r.name == "programs.core.two_factor"]
    text = "\n".join(lines)
    assert f"user {user.pk} enrolled an authenticator app" in text
    assert f"a code was not accepted for user {user.pk}" in text
    assert f"user {user.pk} signed in with a recovery code (9 left)" in text
    assert f"reset for user {user.pk} by manage.py reset_2fa" in text
    secret = b32encode(device.bin_key).decode()
    for line in lines:
        assert device.key not in line
        assert secret[:16] not in line
        assert wrong not in line
        assert not any(code in line for code in codes)
