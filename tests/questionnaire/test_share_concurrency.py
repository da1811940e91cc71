"""Sharing is idempotent: simultaneous submits never fail an INSERT, never give a 500.

A failed INSERT of contact details is not harmless even when the view recovers: PostgreSQL
writes the failing statement, with the person's name, phone and email, to its server log.
So the share takes a lock on the response row first, and a second submit finds the first
request and changes nothing ("already shared"), without ever trying to insert.
"""

from __future__ import annotations

import os
import threading
from http import HTTPStatus
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from programs.models import ContactRequest, Response
from programs.questionnaire import services
from programs.questionnaire.signals import contact_request_shared
from tests.factories.intake import make_response

THREADS = 10

VALID = {
    "consent": "on",
    "name": "Sam Racer",
    "phone": "(212) 555-0199",
    "email": "sam.racer@example.org",
    "best_time": "evening",
    "preferred_language": "en",
}


class FailedStatements:
    """A database execute wrapper that records every statement the database refused."""

    def __init__(self) -> None:
        self.failures: list[tuple[str, str]] = []
        self._lock = threading.Lock()

    def __call__(self, execute, sql, params, many, context):  # noqa: ANN001 - Django's signature
        try:
            return execute(sql, params, many, context)
        except Exception as exc:
            with self._lock:
                self.failures.append((type(exc).__name__, " ".join(sql.split()[:3])))
            raise


class SignalCount:
    def __init__(self) -> None:
        self.sent: list[int] = []
        self._lock = threading.Lock()

    def __call__(self, sender: Any, *, response_id: int, **kwargs: Any) -> None:
        with self._lock:
            self.sent.append(response_id)


@pytest.fixture
def shared_signals():
    counter = SignalCount()
    contact_request_shared.connect(counter, dispatch_uid="test-count-shares")
    yield counter
    contact_request_shared.disconnect(dispatch_uid="test-count-shares")


def share_url(response: Response) -> str:
    return reverse("programs:share", args=[response.public_token])


def done_url(response: Response) -> str:
    return reverse("programs:share_done", args=[response.public_token])


def require_postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the concurrency tests run against PostgreSQL (make test-pg / make check)")


def post_in_threads(response: Response, recorder: FailedStatements) -> list[Any]:
    """Ten people (ten clients, ten addresses: the rate limiter stays on) submit at once."""
    answers: list[Any] = [None] * THREADS
    start = threading.Barrier(THREADS, timeout=30)

    def submit(index: int) -> None:
        try:
            client = Client(REMOTE_ADDR=f"192.0.2.{index + 1}")
            with connection.execute_wrapper(recorder):
                start.wait()
                answers[index] = client.post(
                    share_url(response), {**VALID, "name": f"Sam {index}"}
                )
        except Exception as exc:  # noqa: BLE001 - asserted on below
            answers[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return answers


def assert_one_request_and_no_failed_statement(
    response: Response, answers: list[Any], recorder: FailedStatements, signals: SignalCount
) -> None:
    statuses = [getattr(answer, "status_code", answer) for answer in answers]
    assert statuses == [HTTPStatus.FOUND] * THREADS
    locations = sorted(answer["Location"] for answer in answers)
    # One person's submit stored the request; the nine others were told it is shared.
    assert locations == [done_url(response)] + [f"{done_url(response)}?already=1"] * 9
    assert ContactRequest.objects.filter(response=response).count() == 1
    assert signals.sent == [response.pk]
    assert recorder.failures == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ten_simultaneous_shares_store_one_request_without_a_failed_statement(shared_signals):
    require_postgresql()
    response = make_response()
    recorder = FailedStatements()
    answers = post_in_threads(response, recorder)
    assert_one_request_and_no_failed_statement(response, answers, recorder, shared_signals)
    # The one request is whole: its due time and the response's queue rank were set with it.
    assert ContactRequest.objects.get().due_at is not None
    assert Response.objects.get(pk=response.pk).due_at is not None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_forced_race_past_the_already_shared_check_never_inserts_twice(shared_signals):
    """All ten requests pass the view's "already shared?" check before any of them saves."""
    require_postgresql()
    response = make_response()
    recorder = FailedStatements()
    past_the_check = threading.Barrier(THREADS, timeout=30)
    real_share = services.share_contact

    def share_after_everyone_checked(*args: Any, **kwargs: Any) -> ContactRequest:
        past_the_check.wait()
        return real_share(*args, **kwargs)

    with mock.patch.object(services, "share_contact", share_after_everyone_checked):
        answers = post_in_threads(response, recorder)
    assert_one_request_and_no_failed_statement(response, answers, recorder, shared_signals)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_postgresql_server_log_holds_no_contact_details(shared_signals):
    """scripts/with-postgres names its server's log: no refused INSERT was written to it."""
    require_postgresql()
    log_path = os.environ.get("PG_SERVER_LOG", "")
    if not log_path or not Path(log_path).is_file():
        pytest.skip("PG_SERVER_LOG is set by scripts/with-postgres")
    log = Path(log_path)
    start = log.stat().st_size
    response = make_response()
    past_the_check = threading.Barrier(THREADS, timeout=30)
    real_share = services.share_contact

    def share_after_everyone_checked(*args: Any, **kwargs: Any) -> ContactRequest:
        past_the_check.wait()
        return real_share(*args, **kwargs)

    with mock.patch.object(services, "share_contact", share_after_everyone_checked):
        answers = post_in_threads(response, FailedStatements())
    assert [answer.status_code for answer in answers] == [HTTPStatus.FOUND] * THREADS
    with log.open("rb") as file:
        file.seek(start)
        written = file.read().decode(errors="replace")
    assert "duplicate key" not in written
    assert "sam.racer@example.org" not in written
    assert "Sam " not in written
    assert "+12125550199" not in written


# --- One at a time (SQLite too) -------------------------------------------------------


@pytest.mark.django_db
def test_a_second_submit_after_the_first_sends_no_failing_insert(client, shared_signals, settings):
    settings.RATELIMIT_ENABLED = False
    response = make_response()
    recorder = FailedStatements()
    with connection.execute_wrapper(recorder):
        first = client.post(share_url(response), VALID)
        # The view's own "already shared?" check is passed, as in a double click's race.
        second = services_share_twice(response)
    assert first.status_code == HTTPStatus.FOUND
    assert first["Location"] == done_url(response)
    assert second == "already shared"
    assert recorder.failures == []
    assert ContactRequest.objects.get().name == "Sam Racer"
    assert shared_signals.sent == [response.pk]


def services_share_twice(response: Response) -> str:
    try:
        services.share_contact(
            response, ContactRequest(consent=True, name="Twin", phone="+12125550100")
        )
    except services.AlreadyShared:
        return "already shared"
    return "stored again"


@pytest.mark.django_db
def test_a_second_submit_through_the_view_is_already_shared(client, shared_signals, settings):
    settings.RATELIMIT_ENABLED = False
    response = make_response()
    recorder = FailedStatements()
    with connection.execute_wrapper(recorder):
        client.post(share_url(response), VALID)
        again = client.post(share_url(response), {**VALID, "name": "Twin"}, follow=True)
    assert again.status_code == HTTPStatus.OK
    assert "You have already shared your details" in again.content.decode()
    assert ContactRequest.objects.get().name == "Sam Racer"
    assert recorder.failures == []
    assert shared_signals.sent == [response.pk]


@pytest.mark.django_db
def test_a_share_for_a_response_deleted_meanwhile_is_gone_not_a_500(client, settings):
    """The person deleted their answers in another tab between the check and the save."""
    settings.RATELIMIT_ENABLED = False
    response = make_response()
    real_share = services.share_contact

    def deleted_in_between(stored: Response, contact: ContactRequest) -> ContactRequest:
        services.delete_response(stored.public_token)
        return real_share(stored, contact)

    recorder = FailedStatements()
    with (
        mock.patch.object(services, "share_contact", deleted_in_between),
        connection.execute_wrapper(recorder),
    ):
        answer = client.post(share_url(response), VALID)
    assert answer.status_code == HTTPStatus.NOT_FOUND
    assert not ContactRequest.objects.exists()
    assert recorder.failures == []


@pytest.mark.django_db
def test_a_database_without_row_locks_still_says_already_shared(client, shared_signals, settings):
    # SQLite takes no row lock, so two submits can both pass the check before either
    # inserts: the second INSERT is refused by the one-request constraint, and the person
    # still sees "already shared", never a 500. Forced here by hiding the first request
    # from the check.
    settings.RATELIMIT_ENABLED = False
    response = make_response()
    assert client.post(share_url(response), VALID).status_code == HTTPStatus.FOUND
    real_filter = ContactRequest.objects.filter
    hidden_once = []

    def filter_hiding_the_first_request(*args, **kwargs):
        found = real_filter(*args, **kwargs)
        if not hidden_once and kwargs == {"response_id": response.pk}:
            hidden_once.append(True)
            return found.none()
        return found

    with mock.patch.object(ContactRequest.objects, "filter", filter_hiding_the_first_request):
        assert services_share_twice(response) == "already shared"
    assert ContactRequest.objects.get().name == "Sam Racer"
    assert shared_signals.sent == [response.pk]
