import pytest


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # Production serves hashed files from `collectstatic`; tests render templates
    # without collecting, so use the plain storage.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # The test client speaks plain HTTP; production redirects to HTTPS (tested separately).
    settings.SECURE_SSL_REDIRECT = False
    # Tests count queries, read response.context and change data behind the signals'
    # back (bulk_create), so pages are rendered every time; tests/core/test_caching.py turns
    # the page cache on and checks it.
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture(autouse=True)
def _english_between_tests():
    # Django leaves the last request's language active in the thread; a test that ends on
    # a Spanish page must not make the next test's fixtures and requests start in Spanish.
    from django.conf import settings
    from django.utils import translation

    if not settings.configured:  # the pure-Python engine tests run without Django too
        yield
        return
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def admin_client(db, admin_user):
    """pytest-django's admin client, past the second sign-in step too: superusers need it
    (tests/factories/two_factor.py)."""
    from django.test import Client

    from tests.factories.two_factor import force_login_verified

    client = Client()
    force_login_verified(client, admin_user)
    return client
