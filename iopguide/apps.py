from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


class IOPAdminConfig(AdminConfig):
    """Django's admin with the project's site (iopguide/admin.py) as ``admin.site``."""

    default_site = "iopguide.admin.IOPAdminSite"

    def ready(self) -> None:
        super().ready()  # autodiscover: every app's admin module is registered now
        from iopguide.admin_axes import register_guarded_axes_admin

        register_guarded_axes_admin(admin.site)
        # django-otp's own device admins show each app's secret key and QR code to
        # superusers: two-factor devices are managed by their owner's set-up and
        # recovery-code pages and by `manage.py reset_2fa`, never in the admin.
        from django_otp.plugins.otp_static.models import StaticDevice
        from django_otp.plugins.otp_totp.models import TOTPDevice

        for model in (TOTPDevice, StaticDevice):
            if admin.site.is_registered(model):
                admin.site.unregister(model)
        # Failed sign-in tries are forgotten once a sign-in is complete, not at the password.
        from django.contrib.auth.signals import user_logged_in

        from programs.core.two_factor import password_signed_in

        user_logged_in.connect(password_signed_in, dispatch_uid="iopguide.password_signed_in")
