"""Two-factor sign-in for staff: who needs it, their devices, and what a wrong code costs.

Staff sign in with their password first (django-axes counts the failures). Whoever has
any permission on what people shared or on staff accounts (PERSONAL_DATA_MODELS), and every
superuser, then also enters a code from an authenticator app (a django-otp TOTP device)
or one of ten single-use recovery codes (a django-otp static device). Content editors
sign in with their password only: what they can change is public, and they see nothing a
person shared.

The admin site asks for the second step (iopguide/admin.py, iopguide/two_factor_views.py);
``manage.py reset_2fa USERNAME`` removes someone's devices, so they enrol again.

Every code that is not accepted is a failed sign-in for django-axes (five lock the
account for that client, like wrong passwords), and django-otp's throttling makes each
next try wait longer. Log lines name the user's id and what happened, never a code or
a secret.
"""

from __future__ import annotations

import logging
import re
from base64 import b32encode
from datetime import datetime

import django_otp
import segno
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

logger = logging.getLogger(__name__)

# Any permission at all on these models (view, change, delete, add, export: the admin shows
# an object to whoever may change it) reaches what people shared, or who may: such staff
# need the second step. So does any permission on accounts and groups, with which someone
# could give themselves the others (or make themselves a superuser).
PERSONAL_DATA_MODELS = {
    "programs": {
        "response",
        "contactrequest",
        "contactrequestchange",
        "staffnote",
        "callattempt",
        "notedraft",
        "auditentry",
    },
    "auth": {"user", "group", "permission"},
}
RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"
# What people type: an app's 6 digits, or a recovery code (8 letters a-z and digits 2-7,
# as StaticToken.random_token makes them). Spaces and dashes are ignored.
APP_CODE = re.compile(r"[0-9]{6}")
RECOVERY_CODE = re.compile(r"[a-z2-7]{8}")
CODE_MAX_LENGTH = 32


def requires_two_factor(user) -> bool:
    """Whether this account must pass the second step: superusers, and active staff with
    any permission on what people shared or on accounts (PERSONAL_DATA_MODELS)."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    return user.is_superuser or any(
        _reaches_personal_data(perm) for perm in user.get_all_permissions()
    )


def _reaches_personal_data(perm: str) -> bool:
    """``"app_label.codename"``: a permission on a model in PERSONAL_DATA_MODELS."""
    app_label, _, codename = perm.partition(".")
    model = codename.partition("_")[2]
    return model in PERSONAL_DATA_MODELS.get(app_label, ())


def is_verified(user) -> bool:
    """Whether this session passed the second step (django-otp's OTPMiddleware)."""
    check = getattr(user, "is_verified", None)
    return bool(check is not None and check())


def pending(request: HttpRequest) -> bool:
    """Signed in with a password, but the second step is still to come."""
    user = getattr(request, "user", None)
    return user is not None and requires_two_factor(user) and not is_verified(user)


# --- Devices --------------------------------------------------------------------------


def app_device(user) -> TOTPDevice | None:
    """The user's confirmed authenticator app, if any."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def enrolment_device(user) -> TOTPDevice:
    """The app being set up: unconfirmed until the person enters one of its codes. Made on
    the first visit to the enrolment page and kept, so a reload shows the same secret."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The secret as people type it into an app: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The app's set-up address as an inline SVG QR code, drawn here: no image is fetched
    from anywhere, and CSP needs no data: URL."""
    return segno.make_qr(device.config_url, error="m").svg_inline(
        scale=4,
        border=4,
        dark="#000",
        light="#fff",
        svgclass="two-factor-qr",
        omitsize=True,  # a viewBox instead of a fixed size: the stylesheet sizes it
        title="QR code for your authenticator app",
    )


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with RECOVERY_CODE_COUNT new ones; the old stop
    working. Shown once: only django-otp's table keeps them. The device itself is kept, so
    a session that signed in with a recovery code stays signed in."""
    with transaction.atomic():
        device = StaticDevice.objects.filter(user=user).order_by("pk").first()
        if device is None:
            device = StaticDevice.objects.create(
                user=user, name=RECOVERY_DEVICE_NAME, confirmed=True
            )
        StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        StaticToken.objects.filter(device=device).delete()
        codes: set[str] = set()
        while len(codes) < RECOVERY_CODE_COUNT:
            codes.add(StaticToken.random_token())
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return sorted(codes)


def replace_recovery_codes(user) -> list[str]:
    """New recovery codes asked for by a signed-in person (after a code from their app)."""
    codes = new_recovery_codes(user)
    logger.info("two-factor: user %s made new recovery codes", user.pk)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def confirm_enrolment(device: TOTPDevice) -> list[str]:
    """The person entered a right code: the app counts from now on, any other app of
    theirs is removed, and they get new recovery codes (returned, to show once)."""
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()
        codes = new_recovery_codes(device.user)
    logger.info("two-factor: user %s enrolled an authenticator app", device.user_id)
    return codes


def reset(user) -> dict[str, int]:
    """Remove every two-factor device of the user (apps, recovery codes); their next
    sign-in asks them to enrol again. How many of each kind were removed."""
    removed: dict[str, int] = {}
    with transaction.atomic():
        for device in list(django_otp.devices_for_user(user, confirmed=None)):
            if isinstance(device, TOTPDevice):
                label = "authenticator apps"
            elif isinstance(device, StaticDevice):
                label = "sets of recovery codes"
            else:
                label = str(device._meta.verbose_name_plural)
            removed[label] = removed.get(label, 0) + 1
            device.delete()
        end_sessions(user)
    return removed


def end_sessions(user) -> int:
    """Sign the user out everywhere: a session that passed the password step must not set
    up a new app after a reset (a lost phone may come with a known password). Returns how
    many sessions were ended."""
    from django.contrib.auth import SESSION_KEY
    from django.contrib.sessions.models import Session

    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            session.delete()
            ended += 1
    return ended


# --- Codes ----------------------------------------------------------------------------


def normalise(code: str) -> str:
    return re.sub(r"[\s-]", "", code).lower()


def code_kind(code: str) -> str:
    """ "app", "recovery", or "" for something that is neither."""
    if APP_CODE.fullmatch(code):
        return "app"
    if RECOVERY_CODE.fullmatch(code):
        return "recovery"
    return ""


def wait_until(devices: list[Device]) -> datetime | None:
    """When django-otp's throttling lets the next code be tried, if it is holding back."""
    until = None
    for device in devices:
        allowed, data = device.verify_is_allowed()
        if not allowed and data and data.get("locked_until"):
            until = max(until, data["locked_until"]) if until else data["locked_until"]
    return until


def seconds_to_wait(devices: list[Device]) -> int:
    until = wait_until(devices)
    if until is None:
        return 0
    return max(1, int((until - timezone.now()).total_seconds() + 0.999))


def verify(user, code: str, *, recovery_allowed: bool = True) -> Device | None:
    """The user's device that accepts this (normalised) code, if any. Each device is
    checked by django-otp in a transaction with its row locked, so a code (a TOTP time
    step, a recovery code) is accepted once only, and throttling counts every miss."""
    kind = code_kind(code)
    if kind == "app":
        devices: list[Device] = list(TOTPDevice.objects.devices_for_user(user, confirmed=True))
    elif kind == "recovery" and recovery_allowed:
        devices = list(StaticDevice.objects.devices_for_user(user, confirmed=True))
    else:
        return None
    for device in devices:
        accepted = django_otp.verify_token(user, device.persistent_id, code)
        if accepted is not None:
            if isinstance(accepted, StaticDevice):
                logger.info(
                    "two-factor: user %s signed in with a recovery code (%d left)",
                    user.pk,
                    recovery_codes_left(user),
                )
            return accepted
    return None


def confirm_code(device: TOTPDevice, code: str) -> bool:
    """Whether the app being set up shows this code (django-otp checks and throttles)."""
    if not APP_CODE.fullmatch(code):
        return False
    with transaction.atomic():
        locked = TOTPDevice.objects.select_for_update().filter(pk=device.pk).first()
        return locked is not None and locked.verify_token(code)


def clear_failures(request: HttpRequest, user) -> int:
    """The sign-in is complete: forget this client's failed tries for this username (wrong
    passwords and wrong codes), as django-axes would after a password with
    AXES_RESET_ON_SUCCESS, which is off so that a right password alone clears nothing.
    Returns how many counts were removed."""
    from axes.handlers.proxy import AxesProxyHandler
    from axes.helpers import get_credentials

    AxesProxyHandler.update_request(request)
    handler = AxesProxyHandler.get_implementation()
    return handler.reset_user_attempts(request, get_credentials(user.get_username()))


def password_signed_in(sender, request: HttpRequest | None, user, **kwargs) -> None:
    """``user_logged_in``: a password-only account is signed in now; one that needs the
    second step is not yet (its failures are cleared after the code)."""
    if request is not None and not requires_two_factor(user):
        clear_failures(request, user)


def record_failure(request: HttpRequest, user, page: str) -> bool:
    """A code that was not accepted is a failed sign-in: told to django-axes as it
    documents (``user_login_failed`` with the username and the request), so it counts
    toward the lockout for that username from that client. Whether this locked it."""
    logger.warning("two-factor: a code was not accepted for user %s (%s page)", user.pk, page)
    user_login_failed.send(
        sender=__name__, credentials={"username": user.get_username()}, request=request
    )
    return bool(getattr(request, "axes_locked_out", False))


def locked_out(request: HttpRequest, user) -> bool:
    """Whether django-axes holds this username locked for this client right now."""
    from axes.handlers.proxy import AxesProxyHandler

    return AxesProxyHandler.is_locked(request, credentials={"username": user.get_username()})
