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
    # The helpline table (on every page) is read again when the content version changes;
    # reading the version every 2 seconds would make query counts depend on how long a
    # test takes. Tests of the version's timing set their own interval.
    settings.PAGE_CACHE_VERSION_CHECK_SECONDS = 3600


@pytest.fixture(autouse=True)
def _fresh_helpline_table(request):
    # Each test reads the helplines of its own database (a test that edits one rolls
    # back), before it starts: pages then cost what they cost in steady state, without
    # the one query that loads the table after a change.
    from django.conf import settings

    if not settings.configured:
        yield
        return
    from programs.helplines import table

    table.forget()
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("databases") != []:
        request.getfixturevalue("transactional_db" if marker.kwargs.get("transaction") else "db")
        table.rows()
    yield
    table.forget()


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
