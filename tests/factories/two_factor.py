"""Two-factor sign-in in tests: a real confirmed authenticator app, its codes, and signing
a test client in past both steps, as the admin's pages would."""

from __future__ import annotations

import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from programs.core.two_factor import APP_DEVICE_NAME, requires_two_factor


def app_device(user) -> TOTPDevice:
    """The user's confirmed authenticator app (made if they have none)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=True)
    return device


def code_at(key: bytes, step: int) -> str:
    """The 6 digits an app with this secret shows in time step ``step``."""
    totp = TOTP(key)
    totp.time = step * totp.step + 1
    return f"{totp.token():06d}"


def next_code(device: TOTPDevice) -> str:
    """A code the device accepts now: the current time step's, or a later one within its
    tolerance when this step's was used already (a code works once)."""
    device.refresh_from_db()
    step = max(int(time.time()) // device.step, device.last_t + 1)
    while step > int(time.time()) // device.step + device.tolerance:
        time.sleep(1)  # two sign-ins within the same minute: wait for the clock
    return code_at(device.bin_key, step)


def force_login_verified(client, user) -> None:
    """``client.force_login(user)``, and for staff who need the second step, the session
    marked verified with the user's real confirmed app, as ``django_otp.login()`` does."""
    client.force_login(user)
    if requires_two_factor(user):
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = app_device(user).persistent_id
        session.save()
