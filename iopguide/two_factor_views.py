"""The admin's second sign-in step: set up an authenticator app, enter a code, and make
new recovery codes. Who needs it and how codes are checked: programs/core/two_factor.py.

The project's admin site (iopguide/admin.py) adds these pages in ``get_urls()`` and
sends every other admin page to them until the session has passed the step
(``has_permission``, ``admin_view``, ``login``). The set-up and code pages are not
wrapped in ``admin_view`` (they are the way in); they check the session themselves.
"""

from __future__ import annotations

from urllib.parse import urlencode

import django_otp
from axes.helpers import get_lockout_response
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin import AdminSite
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from programs.core import two_factor

NEXT = "next"


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=two_factor.CODE_MAX_LENGTH,
        error_messages={
            "required": "Enter the 6-digit code from your app.",
            "max_length": "That is too long for a code: the app shows 6 digits.",
        },
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
                "size": 12,
            }
        ),
    )
    # Which codes this page takes: "app" only, or "app or recovery".
    accepts_recovery = False

    def clean_code(self) -> str:
        code = two_factor.normalise(self.cleaned_data["code"])
        kind = two_factor.code_kind(code)
        if kind == "app" or (kind == "recovery" and self.accepts_recovery):
            return code
        if self.accepts_recovery:
            raise forms.ValidationError(
                "Enter the 6 digits your app shows, or one of your 8-character recovery codes."
            )
        raise forms.ValidationError("Enter the 6 digits your app shows.")


class AppCodeForm(CodeForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs["inputmode"] = "numeric"


class SignInCodeForm(CodeForm):
    accepts_recovery = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].error_messages["max_length"] = (
            "That is too long for a code: the app shows 6 digits, a recovery code has 8 "
            "characters."
        )


# --- Where to go ----------------------------------------------------------------------


def next_url(request: HttpRequest, site: AdminSite) -> str:
    """Where the person was going (a path on this site), else the admin home."""
    target = request.POST.get(NEXT) or request.GET.get(NEXT) or ""
    if (
        target
        and "\x00" not in target
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return reverse("admin:index", current_app=site.name)


def step_url(request: HttpRequest, site: AdminSite, target: str | None = None) -> str:
    """The second step this person is due: set up an app, or enter a code."""
    name = "two_factor_verify" if two_factor.app_device(request.user) else "two_factor_enrol"
    url = reverse(f"admin:{name}", current_app=site.name)
    return f"{url}?{urlencode({NEXT: target})}" if target else url


def redirect_to_step(request: HttpRequest, site: AdminSite) -> HttpResponse:
    """An admin page asked for before the second step: go to it, then come back."""
    target = request.get_full_path() if request.method in ("GET", "HEAD") else None
    return HttpResponseRedirect(step_url(request, site, target))


def _gate(request: HttpRequest, site: AdminSite) -> HttpResponse | None:
    """Who may be on the set-up and code pages: signed-in staff with the step still due."""
    user = request.user
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return redirect_to_login(
            request.get_full_path(), reverse("admin:login", current_app=site.name)
        )
    if not two_factor.pending(request):
        return HttpResponseRedirect(next_url(request, site))
    if two_factor.locked_out(request, user):
        return _locked(request, user)
    return None


def _locked(request: HttpRequest, user) -> HttpResponse:
    """Too many wrong codes (or passwords) for this username from this client: signed
    out, and django-axes' lockout page, as after wrong passwords."""
    credentials = {"username": user.get_username()}
    logout(request)
    return get_lockout_response(request, None, credentials)


def _not_accepted(
    request: HttpRequest, form: CodeForm, devices: list, page: str
) -> HttpResponse | None:
    """A code that was not accepted: counted by django-axes; the lockout page once that
    locks the account, else the form says what to do."""
    user = request.user
    if two_factor.record_failure(request, user, page):
        return _locked(request, user)
    wait = two_factor.seconds_to_wait(devices)
    if wait:
        form.add_error(
            "code",
            f"That code was not accepted, and several were wrong in a row: wait {wait} "
            f"second{'s' if wait != 1 else ''}, then try the code your app shows then.",
        )
    else:
        form.add_error("code", "That code was not accepted. Check it and try again.")
    return None


def _signed_in(request: HttpRequest, device) -> None:
    django_otp.login(request, device)
    # Both steps done: this client's failed tries for this username are forgotten.
    two_factor.clear_failures(request, request.user)
    # A new session key now that the session can do more (as at the password step).
    request.session.cycle_key()


def _page(request: HttpRequest, site: AdminSite, template: str, title: str, **context):
    return TemplateResponse(
        request,
        f"admin/two_factor/{template}",
        {**site.each_context(request), "title": title, "next": next_url(request, site), **context},
    )


# --- The pages ------------------------------------------------------------------------


@never_cache
@csrf_protect
def enrol(request: HttpRequest, admin_site: AdminSite) -> HttpResponse:
    """Set up an authenticator app: a QR code and the secret as text; one right code
    confirms it, and the recovery codes are shown, once."""
    if (refused := _gate(request, admin_site)) is not None:
        return refused
    user = request.user
    if two_factor.app_device(user) is not None:
        return HttpResponseRedirect(step_url(request, admin_site, next_url(request, admin_site)))
    device = two_factor.enrolment_device(user)
    form = AppCodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        if two_factor.confirm_code(device, form.cleaned_data["code"]):
            codes = two_factor.confirm_enrolment(device)
            _signed_in(request, device)
            return _page(
                request,
                admin_site,
                "recovery_codes.html",
                "Your recovery codes",
                codes=codes,
                enrolled=True,
            )
        device.refresh_from_db()
        if (locked := _not_accepted(request, form, [device], "set-up")) is not None:
            return locked
    return _page(
        request,
        admin_site,
        "enrol.html",
        "Set up two-factor sign-in",
        form=form,
        qr_svg=two_factor.qr_svg(device),
        secret=two_factor.secret_text(device),
        issuer=settings.OTP_TOTP_ISSUER,
    )


@never_cache
@csrf_protect
def verify(request: HttpRequest, admin_site: AdminSite) -> HttpResponse:
    """Enter the 6-digit code from the app, or a recovery code."""
    if (refused := _gate(request, admin_site)) is not None:
        return refused
    user = request.user
    if two_factor.app_device(user) is None:
        return HttpResponseRedirect(step_url(request, admin_site, next_url(request, admin_site)))
    form = SignInCodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        code = form.cleaned_data["code"]
        device = two_factor.verify(user, code)
        if device is not None:
            _signed_in(request, device)
            if isinstance(device, StaticDevice):
                left = two_factor.recovery_codes_left(user)
                messages.warning(
                    request,
                    f"You signed in with a recovery code; it will not work again. "
                    f"{left} recovery code{'s' if left != 1 else ''} left: make new ones "
                    f'under "Recovery codes" at the top of the page.',
                )
            return HttpResponseRedirect(next_url(request, admin_site))
        kind = two_factor.code_kind(code)
        devices = list(
            (StaticDevice if kind == "recovery" else TOTPDevice).objects.devices_for_user(
                user, confirmed=True
            )
        )
        if (locked := _not_accepted(request, form, devices, "code")) is not None:
            return locked
    return _page(
        request,
        admin_site,
        "verify.html",
        "Enter your code",
        form=form,
    )


def recovery_codes(request: HttpRequest, admin_site: AdminSite) -> HttpResponse:
    """Make new recovery codes (the old ones stop working), after a current code from
    the app. Wrapped in ``admin_view``: only for sessions that passed the step."""
    user = request.user
    if two_factor.app_device(user) is None:
        messages.info(request, "Your account signs in with a password only.")
        return HttpResponseRedirect(reverse("admin:index", current_app=admin_site.name))
    form = AppCodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        device = two_factor.verify(user, form.cleaned_data["code"], recovery_allowed=False)
        if device is not None:
            codes = two_factor.replace_recovery_codes(user)
            return _page(
                request,
                admin_site,
                "recovery_codes.html",
                "Your new recovery codes",
                codes=codes,
                enrolled=False,
            )
        devices = list(TOTPDevice.objects.devices_for_user(user, confirmed=True))
        if (locked := _not_accepted(request, form, devices, "recovery codes")) is not None:
            return locked
    return _page(
        request,
        admin_site,
        "new_recovery_codes.html",
        "Make new recovery codes",
        form=form,
        left=two_factor.recovery_codes_left(user),
    )
