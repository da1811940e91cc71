"""Settings for IOP Guide, read from environment variables with safe defaults.

One file for every environment: see the README's table of variables.
"""

import os
import re
from datetime import date, timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import validate_email

from iopguide.json_logging import log_format

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool = False) -> bool:
    """A boolean variable; anything other than a clear yes/no is a configuration error."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}"
    )


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    """A comma-separated list; empty items are rejected rather than silently dropped."""
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    items = [item.strip() for item in raw.split(",")]
    if any(not item for item in items):
        raise ImproperlyConfigured(f"{name} has an empty item: {raw!r}")
    return items


def env_int(name: str, default: int) -> int:
    """A non-negative integer variable."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from None
    if value < 0:
        raise ImproperlyConfigured(f"{name} must not be negative; got {raw!r}")
    return value


def env_dates(name: str) -> list[date]:
    """Comma-separated dates as YYYY-MM-DD; a malformed one is a configuration error."""
    dates = []
    for item in env_list(name):
        try:
            if not (len(item) == 10 and item[4] == item[7] == "-"):
                raise ValueError(item)  # fromisoformat also takes 20261224 and 2026-W52-4
            dates.append(date.fromisoformat(item))
        except ValueError:
            raise ImproperlyConfigured(
                f"{name} must list dates as YYYY-MM-DD, separated by commas; got {item!r}"
            ) from None
    return dates


def env_phone(name: str) -> str:
    """A phone number as people write it: digits, spaces, dashes, dots, parentheses and a
    leading +, with at least 3 digits. Empty when unset."""
    value = os.environ.get(name, "").strip()
    if value and not (
        re.fullmatch(r"\+?[0-9 ().-]+", value) and len(re.sub(r"\D", "", value)) >= 3
    ):
        raise ImproperlyConfigured(
            f"{name} must be a phone number of digits, spaces, dashes, dots, parentheses and "
            f"a leading +, e.g. +1 (555) 010-0199; got {value!r}"
        )
    return value


def env_email(name: str) -> str:
    """An email address, checked with Django's validator. Empty when unset."""
    value = os.environ.get(name, "").strip()
    if value:
        try:
            validate_email(value)
        except ValidationError:
            raise ImproperlyConfigured(
                f"{name} must be an email address, e.g. intake@example.org; got {value!r}"
            ) from None
    return value


def env_emails(name: str) -> list[str]:
    """Comma-separated email addresses, each checked with Django's validator. Empty when unset."""
    if not os.environ.get(name, "").strip():
        return []
    addresses = env_list(name)
    for address in addresses:
        try:
            validate_email(address)
        except ValidationError:
            raise ImproperlyConfigured(
                f"{name} must list email addresses separated by commas, e.g. "
                f"intake@example.org,lead@example.org; {address!r} is not one"
            ) from None
    return addresses


def env_site_url(name: str) -> str:
    """An absolute http(s) address with no trailing slash. Empty when unset."""
    value = os.environ.get(name, "").strip().rstrip("/")
    if value and not re.fullmatch(r"https?://[^/\s?#]+(/[^\s?#]*)?", value):
        raise ImproperlyConfigured(
            f"{name} must be the site's address, e.g. https://iopguide.example.org; got {value!r}"
        )
    return value


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
            "string (or set DEBUG=1 for local development only)."
        )
    SECRET_KEY = "insecure-development-key-never-use-in-production"

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Django's admin, with the project's site: it adds the intake workspace.
    "iopguide.apps.IOPAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "axes",
    # Two-factor sign-in for staff who can read responses (programs/core/two_factor.py):
    # authenticator-app codes (TOTP) and single-use recovery codes, with their migrations.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Background tasks: the tasks API (Django 6's, backported) and its database backend.
    "django_tasks",
    "django_tasks_db",
    "programs",
]

MIDDLEWARE = [
    # First: a request id for every answer and log record, and one log line per request.
    "iopguide.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # English at unprefixed URLs, Spanish under /es/ (see iopguide/urls.py).
    "django.middleware.locale.LocaleMiddleware",
    # Before any view (and so before the page cache): a first visit to / in a Spanish
    # browser goes to /es/.
    "iopguide.middleware.PreferredLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session passed the two-factor step.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "iopguide.middleware.PermissionsPolicyMiddleware",
    # What no page sends (NUL in admin filters, numbers out of range, files or large
    # multipart bodies to public URLs) is a 400, never a 500; after the header middleware.
    "iopguide.hostile_requests.RefuseHostileRequestsMiddleware",
    "iopguide.middleware.StaffSessionTimeoutMiddleware",
    # Last, as django-axes requires.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "iopguide.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "programs.core.context_processors.language_switch",
                "programs.core.context_processors.intake_contact",
                "programs.guides.context_processors.guide_menu",
                "programs.helplines.context_processors.helplines",
            ],
        },
    },
    # Jinja2, for the staff pages' long repeated parts only (the workspace queue's rows, the
    # intake forms' widgets): the same markup written several times faster. Autoescaped.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "NAME": "jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"autoescape": True},
    },
]

WSGI_APPLICATION = "iopguide.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# PostgreSQL: give up connecting after this many seconds (libpq's minimum is 2), so while
# the database is unreachable a visitor gets the "trouble right now" page quickly, not
# after the operating system's TCP timeout. A connect_timeout in DATABASE_URL wins.
DB_CONNECT_TIMEOUT = env_int("DB_CONNECT_TIMEOUT", 3)
if not 2 <= DB_CONNECT_TIMEOUT <= 60:
    raise ImproperlyConfigured(
        f"DB_CONNECT_TIMEOUT must be from 2 to 60 seconds; got {DB_CONNECT_TIMEOUT}"
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", DB_CONNECT_TIMEOUT
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Tests and `runserver` serve straight from the finders; production serves the
# collected, hashed files.
WHITENOISE_USE_FINDERS = DEBUG

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Rendered public pages, in each process's memory: a hit costs no query. Pages are
    # 10–50 kB, so this holds at most ~50 MB per process.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "iopguide_pages",
        "OPTIONS": {"MAX_ENTRIES": env_int("PAGE_CACHE_MAX_ENTRIES", 1000)},
    },
    # Rendered result pages, personal: few, for a short time (programs/questionnaire/
    # result_cache.py), apart from the public pages so they never push those out.
    "results": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "iopguide_results",
        "OPTIONS": {"MAX_ENTRIES": env_int("RESULT_CACHE_MAX_ENTRIES", 300)},
    },
    # The content version every process checks, so an edit on one app server clears
    # the cached pages on all of them (programs/caching.py).
    "shared": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "iopguide_shared",
    },
}
# Public pages cached per language and invalidated on content changes (programs/caching.py).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", not DEBUG)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# How long a rendered result page stays in a process's memory (a deleted one is never
# served again, but another process's copy lasts until then).
RESULT_CACHE_SECONDS = env_int("RESULT_CACHE_SECONDS", 120)
# How stale another process's pages may be after an edit; 0 reads the version every time.
PAGE_CACHE_VERSION_CHECK_SECONDS = env_int("PAGE_CACHE_VERSION_CHECK_SECONDS", 2)
# Routes /bench/baseline, the constant answer `make bench` compares every page with.
BENCHMARK_BASELINE = env_bool("BENCHMARK_BASELINE", False)
RATELIMIT_ENABLED = env_bool("RATELIMIT_ENABLED", True)
# (requests, seconds) per client for each public form.
RATELIMIT_QUESTIONNAIRE = (env_int("RATELIMIT_QUESTIONNAIRE_PER_HOUR", 30), 3600)
RATELIMIT_SHARE = (env_int("RATELIMIT_SHARE_PER_HOUR", 10), 3600)
RATELIMIT_DELETE = (env_int("RATELIMIT_DELETE_PER_HOUR", 10), 3600)
RATELIMIT_REPORT = (env_int("RATELIMIT_REPORT_PER_HOUR", 10), 3600)
# How many proxies of ours stand in front of the app (iopguide/client_address.py): 0, the
# client is REMOTE_ADDR; N, the N-th X-Forwarded-For entry from the right. The rate limits
# and the sign-in lockout (AXES_CLIENT_IP_CALLABLE below) both read it.
CLIENT_IP_PROXY_COUNT = env_int("CLIENT_IP_PROXY_COUNT", 0)
if CLIENT_IP_PROXY_COUNT > 5:
    raise ImproperlyConfigured(
        "CLIENT_IP_PROXY_COUNT must be from 0 (no proxy) to 5; behind one nginx it is 1. "
        f"Got {CLIENT_IP_PROXY_COUNT}"
    )
if "RATELIMIT_TRUST_X_FORWARDED_FOR" in os.environ:
    # It trusted the left-most X-Forwarded-For entry, which the client writes.
    raise ImproperlyConfigured(
        "RATELIMIT_TRUST_X_FORWARDED_FOR is no longer read: remove it. Behind one proxy "
        "such as nginx, set CLIENT_IP_PROXY_COUNT=1 instead (see the README)."
    )

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Headers that cost nothing and protect every page.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "programs.core.errors.csrf_failure"

# HTTPS. Behind a TLS-terminating proxy, set SECURE_PROXY_SSL_HEADER=1 so Django trusts
# its X-Forwarded-Proto header (only when the proxy always sets or strips it).
if env_bool("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]  # probes use plain HTTP
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
# Preload lists are hard to leave: opt in deliberately (see the README).
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Without preload, `check --deploy` warns (W021); not preloading is our deliberate default.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Content-Security-Policy (django-csp 4): everything from this site, nothing inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Bootstrap draws checkboxes and the menu icon with small data: SVGs.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

# Staff sessions: 30 minutes idle, 12 hours at most; logout deletes them server-side.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
STAFF_SESSION_IDLE_SECONDS = env_int("STAFF_SESSION_IDLE_SECONDS", 30 * 60)
STAFF_SESSION_MAX_SECONDS = env_int("STAFF_SESSION_MAX_SECONDS", 12 * 60 * 60)
SESSION_COOKIE_AGE = STAFF_SESSION_MAX_SECONDS

# Admin login lockout (django-axes): 5 failures for a username from one address locks
# that pair out for 15 minutes. `manage.py axes_reset_username NAME` unlocks early.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# A right password alone does not clear the count: the failures are forgotten once the
# whole sign-in is done (the code too, for those who need one), so someone who knows a
# password cannot start over after every four wrong codes (programs/core/two_factor.py).
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_VERBOSE = False
# The same client address as the rate limits, behind CLIENT_IP_PROXY_COUNT proxies.
AXES_CLIENT_IP_CALLABLE = "iopguide.client_address.client_network"

# A wrong two-factor code counts as a failed sign-in too (programs/core/two_factor.py);
# axes keeps each failure's form fields, so the codes typed are masked like passwords.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code"]

# Two-factor sign-in (django-otp). Each wrong code makes the next try wait longer
# (1, 2, 4, 8… seconds); the name apps show next to the codes.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
OTP_TOTP_ISSUER = "IOP Guide"

# Request size limits: the largest real form is far below these.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 256 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = env_int("DATA_UPLOAD_MAX_NUMBER_FIELDS", 500)
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE

# Days the intake team is closed, which do not count towards a request's due time:
# US federal holidays as observed, unless turned off, and any dates listed.
INTAKE_FEDERAL_HOLIDAYS = env_bool("INTAKE_FEDERAL_HOLIDAYS", True)
INTAKE_CLOSED_DAYS = env_dates("INTAKE_CLOSED_DAYS")
# A contact request is due for its first call this many business hours after it was shared
# (hours of Monday-to-Friday days, closed days left out). 48 is the "usually within 2
# business days" the public "details shared" page promises.
INTAKE_DUE_BUSINESS_HOURS = env_int("INTAKE_DUE_BUSINESS_HOURS", 48)
if not 1 <= INTAKE_DUE_BUSINESS_HOURS <= 24 * 260:
    raise ImproperlyConfigured(
        "INTAKE_DUE_BUSINESS_HOURS must be from 1 to 6240 (a year of business days); "
        f"got {INTAKE_DUE_BUSINESS_HOURS}"
    )
# Questionnaire responses older than this are purged (`manage.py purge_responses`).
RESPONSE_RETENTION_DAYS = env_int("RESPONSE_RETENTION_DAYS", 180)
# Unsent note drafts (kept over an idle sign-out) untouched this long are purged too.
NOTE_DRAFT_MAX_AGE_DAYS = env_int("NOTE_DRAFT_MAX_AGE_DAYS", 7)
# The public FHIR base URL (e.g. https://iopguide.example.org/fhir) that exported
# QuestionnaireResponses name as their Questionnaire's home. Empty: taken from the request.
FHIR_BASE_URL = os.environ.get("FHIR_BASE_URL", "").strip().rstrip("/")
if FHIR_BASE_URL and not FHIR_BASE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(f"FHIR_BASE_URL must start with https://; got {FHIR_BASE_URL!r}")

SITE_NAME = "IOP Guide"
SITE_OPERATOR = os.environ.get("SITE_OPERATOR", "the IOP Guide intake team")
# How people reach the intake team, shown on the about, privacy and "details shared" pages
# and in the footer. Empty: the sentence is left out, so no page promises a way to call.
INTAKE_PHONE = env_phone("INTAKE_PHONE")
INTAKE_EMAIL = env_email("INTAKE_EMAIL")
INTAKE_HOURS = os.environ.get("INTAKE_HOURS", "").strip()

# Email, sent only by the task worker (`manage.py db_worker`), never during a request.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost").strip()
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set EMAIL_USE_TLS (STARTTLS) or EMAIL_USE_SSL, not both.")
# Django waits forever by default; a stuck mail server must not hold the worker.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_email("DEFAULT_FROM_EMAIL") or "webmaster@localhost"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks live in the database and are run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Who hears of a crisis response or a new contact request, and gets the overdue digest
# (programs/intake/notifications.py). Empty: nobody is notified.
INTAKE_NOTIFY_EMAILS = env_emails("INTAKE_NOTIFY_EMAILS")
# The address staff open the site at; notification links start with it.
SITE_URL = env_site_url("SITE_URL")
if INTAKE_NOTIFY_EMAILS and not SITE_URL:
    raise ImproperlyConfigured(
        "INTAKE_NOTIFY_EMAILS is set but SITE_URL is not: notifications link to the intake "
        "workspace, so set SITE_URL to the site's address, e.g. https://iopguide.example.org"
    )
# Sending a notification is tried this many times in all, waiting 1, 5, 25, 125… minutes
# between tries (programs/intake/tasks.py).
INTAKE_NOTIFY_MAX_ATTEMPTS = env_int("INTAKE_NOTIFY_MAX_ATTEMPTS", 5)
if INTAKE_NOTIFY_MAX_ATTEMPTS < 1:
    raise ImproperlyConfigured("INTAKE_NOTIFY_MAX_ATTEMPTS must be at least 1.")

# JSON lines (one object a line) in production, plain text for a terminal with DEBUG.
try:
    LOG_FORMAT = log_format(os.environ.get("LOG_FORMAT"), debug=DEBUG)
except ValueError as error:
    raise ImproperlyConfigured(str(error)) from None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A result page's path is its secret key: every handler redacts it (iopguide/log_redaction.py).
    "filters": {
        "redact_tokens": {"()": "iopguide.log_redaction.RedactResultTokens"},
        # ...and emails and phone numbers in error text (iopguide/personal_data.py).
        "mask_contact": {"()": "iopguide.personal_data.MaskContactDetails"},
        "request_id": {"()": "iopguide.json_logging.RequestIdFilter"},
    },
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        },
        "json": {"()": "iopguide.json_logging.JsonFormatter"},
        "text": {"()": "iopguide.json_logging.TextFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["redact_tokens", "mask_contact", "request_id"],
        },
        # runserver's request lines, as Django's own handler writes them, redacted.
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["redact_tokens"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's default handlers for "django" (a console in DEBUG, mail to ADMINS with
        # the request) do not redact: its records go to the root handler only.
        "django": {"handlers": [], "level": "INFO"},
        # Request bodies may hold health information: never log them.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
    },
}

# Error reports to Sentry, off unless SENTRY_DSN is set; nothing personal is sent
# (iopguide/error_reporting.py). Traces are off unless given a sample rate.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "").strip()
if SENTRY_DSN:
    from iopguide.error_reporting import init_sentry

    _traces = os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "").strip() or "0"
    try:
        SENTRY_TRACES_SAMPLE_RATE = float(_traces)
    except ValueError:
        SENTRY_TRACES_SAMPLE_RATE = -1.0
    if not 0 <= SENTRY_TRACES_SAMPLE_RATE <= 1:
        raise ImproperlyConfigured(
            f"SENTRY_TRACES_SAMPLE_RATE must be a number from 0 to 1; got {_traces!r}"
        )
    init_sentry(
        SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "").strip() or "production",
        traces_sample_rate=SENTRY_TRACES_SAMPLE_RATE,
    )
