"""The intake team hears of crisis responses, new contact requests and overdue requests by
email, sent by the task worker to a real SMTP server, with no health information in it."""

from __future__ import annotations

import logging
import re
import signal
import socket
from collections.abc import Iterator
from datetime import timedelta
from email import message_from_bytes
from email.message import Message
from http import HTTPStatus
from io import StringIO

import pytest
from aiosmtpd.controller import Controller
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from iopguide.settings import env_emails, env_site_url
from programs.intake import notifications, tasks
from programs.intake.notifications import Event
from programs.models import ContactRequest, ContactStatus, Response
from tests.factories.intake import intake_user, make_response, share
from tests.factories.questionnaire import answers, as_post
from tests.factories.two_factor import force_login_verified

SITE_URL = "https://iopguide.example.org"
TEAM = ["intake@example.org", "lead@example.org"]
QUESTIONNAIRE = "/questionnaire/"
# Worker tests commit for real, as the worker and the site do; the migrations' content
# (levels, groups) is put back after each.
worker_db = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class Inbox:
    """An aiosmtpd handler that keeps each message it is sent."""

    def __init__(self) -> None:
        self.received: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.received.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content)))
        return "250 Message accepted for delivery"

    @property
    def messages(self) -> list[Message]:
        return [message for _, message in self.received]


class SMTPServer:
    """A real SMTP server on a free loopback port, which a test can stop and start again."""

    def __init__(self) -> None:
        self.inbox = Inbox()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.controller: Controller | None = None

    def start(self) -> None:
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp(settings) -> Iterator[SMTPServer]:
    server = SMTPServer()
    server.start()
    # pytest-django swaps in the in-memory backend; these tests talk SMTP for real.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    settings.DEFAULT_FROM_EMAIL = "iopguide@example.org"
    settings.INTAKE_NOTIFY_EMAILS = TEAM
    settings.SITE_URL = SITE_URL
    settings.INTAKE_NOTIFY_MAX_ATTEMPTS = 3
    yield server
    server.stop()


@pytest.fixture
def logs(caplog) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog


def run_worker() -> str:
    """Run every task that is due with the real worker command, as `make run` does."""
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    out = StringIO()
    try:
        call_command(
            "db_worker", "--batch", "--no-reload", "--no-startup-delay", "--interval=0", stdout=out
        )
    finally:
        # The worker installs its own shutdown handlers; pytest keeps its own.
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    return out.getvalue()


def text_of(message: Message) -> str:
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return f"{message['Subject']}\n{payload.decode()}"


def strings_in(value: object) -> list[str]:
    """Every string in a stored JSON value (reasons, flags with their texts)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [text for item in value for text in strings_in(item)]
    return []


def assert_logs_hold_none_of(logs: pytest.LogCaptureFixture, *secrets: str) -> None:
    """The app's log lines (not the test SMTP server's) name no code or address."""
    for record in logs.records:
        if record.name.startswith("mail.log"):
            continue
        line = f"{record.getMessage()}\n{record.exc_text or ''}"
        for secret in secrets:
            assert secret not in line, (secret, line)


def crisis_post() -> dict:
    return as_post(answers(danger_now=["suicide_plan"], substances=["opioids"]))


@worker_db
def test_a_crisis_response_sends_one_mail_with_only_the_code_and_link(client, smtp, logs):
    page = client.post(QUESTIONNAIRE, crisis_post())
    stored = Response.objects.get()
    assert page.status_code == HTTPStatus.FOUND
    assert page.url == stored.get_absolute_url()
    assert smtp.inbox.received == []  # nothing is sent in the request

    run_worker()

    [(rcpt_tos, message)] = smtp.inbox.received
    assert rcpt_tos == TEAM
    assert message["From"] == "iopguide@example.org"
    assert message["Subject"] == "[IOP Guide] A crisis response arrived"
    text = text_of(message)
    assert "A crisis response arrived." in text
    assert f"Reference code: {stored.reference_code}" in text
    link = f"{SITE_URL}{reverse('admin:programs_response_change', args=[stored.pk])}"
    assert link in text
    assert stored.reference_code not in message["Subject"]
    health = [
        *strings_in([stored.crisis_reasons, stored.reasons, stored.flag_texts, stored.notes]),
        "suicide",
        "opioid",
    ]
    assert len(health) > 2  # the crisis has reasons to leak, and none of them does
    for secret in health:
        assert secret.lower() not in text.lower(), secret
    assert_logs_hold_none_of(logs, stored.reference_code, *TEAM)


@worker_db
def test_a_shared_contact_request_sends_one_mail_without_the_contact_details(client, smtp, logs):
    client.post(QUESTIONNAIRE, as_post(answers()))
    stored = Response.objects.get()
    page = client.post(
        reverse("programs:share", args=[stored.public_token]),
        {
            "consent": "on",
            "name": "Maria Quintero",
            "phone": "(212) 555-0199",
            "email": "maria.q@example.net",
            "best_time": "evening",
            "preferred_language": "es",
        },
    )
    assert page.status_code == HTTPStatus.FOUND
    assert ContactRequest.objects.filter(response=stored).exists()

    run_worker()

    [(_, message)] = smtp.inbox.received
    assert message["Subject"] == "[IOP Guide] A new contact request arrived"
    text = text_of(message)
    assert stored.reference_code in text
    link = f"{SITE_URL}/admin/programs/response/{stored.pk}/change/"
    assert link in text
    # What the mail may hold (the code and the link, whose digits are the response's id and
    # may happen to contain "555") taken out, nothing of the contact details is left.
    rest = text.replace(link, "").replace(stored.reference_code, "")
    for secret in ["Maria", "Quintero", "555", "0199", "maria.q@example.net", "evening"]:
        assert secret not in rest, secret
    assert_logs_hold_none_of(logs, stored.reference_code, "maria.q@example.net", *TEAM)


@worker_db
def test_a_calm_response_without_contact_details_sends_nothing(client, smtp):
    client.post(QUESTIONNAIRE, as_post(answers()))
    assert Response.objects.count() == 1
    assert not DBTaskResult.objects.exists()
    run_worker()
    assert smtp.inbox.received == []


@worker_db
def test_with_the_mail_server_down_the_submission_succeeds_and_the_mail_is_retried(
    client, smtp, logs
):
    smtp.stop()
    page = client.post(QUESTIONNAIRE, crisis_post())
    stored = Response.objects.get()
    assert page.status_code == HTTPStatus.FOUND
    assert page.url == stored.get_absolute_url()
    assert client.get(page.url).status_code == HTTPStatus.OK

    before = timezone.now()
    run_worker()

    first = DBTaskResult.objects.get(status=TaskResultStatus.SUCCESSFUL)
    assert first.return_value == tasks.Outcome.RETRYING
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert retry.task_path == "programs.intake.tasks.send_event_notification"
    assert retry.args_kwargs == {
        "args": [Event.CRISIS.value, stored.pk],
        "kwargs": {"attempt": 2},
    }
    assert retry.run_after >= before + timedelta(minutes=1)
    [warning] = [r for r in logs.records if r.name == tasks.logger.name]
    assert warning.levelno == logging.WARNING
    assert "attempt 1 of 3" in warning.getMessage()
    assert "next try in 1 minutes" in warning.getMessage()

    # Not due yet: the worker leaves it alone.
    run_worker()
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1

    # A minute later the server is back.
    smtp.start()
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    retry.refresh_from_db()
    assert retry.status == TaskResultStatus.SUCCESSFUL
    assert retry.return_value == tasks.Outcome.SENT
    [message] = smtp.inbox.messages
    assert stored.reference_code in text_of(message)
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()
    assert_logs_hold_none_of(logs, stored.reference_code, *TEAM)


@worker_db
def test_the_overdue_digest_lists_only_counts_and_codes(smtp, logs):
    long_ago = timezone.now() - timedelta(days=10)
    old = [make_response(created_at=long_ago) for _ in range(2)]
    for response in old:
        share(response, created_at=long_ago, name="Pat Overdue", email="pat@example.net")
    recent = make_response()
    share(recent, name="Lee Recent")
    reached = make_response(created_at=long_ago)
    share(reached, created_at=long_ago, status=ContactStatus.CONTACTED)
    DBTaskResult.objects.all().delete()  # the new-request notifications
    out = StringIO()

    call_command("send_overdue_digest", stdout=out)
    run_worker()

    assert "Queued the overdue digest (2 overdue contact requests)" in out.getvalue()
    [message] = smtp.inbox.messages
    assert message["Subject"] == "[IOP Guide] Overdue contact requests: 2"
    text = text_of(message)
    assert "2 contact requests overdue" in text
    assert "within 48 business hours" in text
    codes_shown = [line for line in text.splitlines() if re.fullmatch(r"[A-Z2-9]{8}", line)]
    assert codes_shown == [r.reference_code for r in old]
    assert f"{SITE_URL}/admin/intake/?due=overdue" in text
    # Reference codes may hold "555" by chance (digits 2-9): the rest of the mail may not.
    rest = "\n".join(line for line in text.splitlines() if line not in codes_shown)
    for secret in ["Pat", "Overdue,", "pat@example.net", "555", "Lee", "cannabis"]:
        assert secret not in rest, secret
    assert_logs_hold_none_of(logs, *(r.reference_code for r in old), *TEAM)


@pytest.mark.django_db
def test_the_digest_command_queues_nothing_when_nothing_is_overdue(smtp):
    share(make_response())
    DBTaskResult.objects.all().delete()
    out = StringIO()
    call_command("send_overdue_digest", stdout=out)
    assert out.getvalue() == "No overdue contact requests: no digest queued.\n"
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_nothing_is_queued_when_no_addresses_are_configured(
    smtp, settings, django_capture_on_commit_callbacks
):
    settings.INTAKE_NOTIFY_EMAILS = []
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = make_response(danger_now=["suicide_plan"])
        share(response)
    assert callbacks == []
    assert not DBTaskResult.objects.exists()
    out = StringIO()
    call_command("send_overdue_digest", stdout=out)
    assert "no digest queued" in out.getvalue()


@pytest.mark.django_db
def test_notifications_are_queued_only_after_the_submission_commits(
    smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = make_response(danger_now=["suicide_plan"])
        assert not DBTaskResult.objects.exists()
    assert len(callbacks) == 1
    callbacks[0]()
    task = DBTaskResult.objects.get()
    assert task.args_kwargs == {"args": ["crisis", response.pk], "kwargs": {}}


@pytest.mark.django_db
def test_retries_stop_after_the_configured_attempts(smtp, logs):
    response = make_response(danger_now=["suicide_plan"])
    smtp.stop()
    assert tasks.send_event_notification.call("crisis", response.pk, attempt=3) == "gave up"
    assert not DBTaskResult.objects.exists()
    [record] = [r for r in logs.records if r.name == tasks.logger.name]
    assert record.levelno == logging.ERROR
    assert "gave up after 3 attempts (ConnectionRefusedError)" in record.getMessage()
    assert_logs_hold_none_of(logs, response.reference_code, *TEAM)


@pytest.mark.django_db
def test_a_deleted_response_sends_nothing(smtp):
    response = make_response(danger_now=["suicide_plan"])
    pk = response.pk
    response.delete()
    assert tasks.send_event_notification.call("crisis", pk) == "nothing to send"
    assert smtp.inbox.received == []


def test_retries_wait_longer_each_time_up_to_a_cap():
    delays = [tasks.retry_delay(attempt) for attempt in range(1, 6)]
    assert delays == [timedelta(minutes=m) for m in (1, 5, 25, 125, 625)]
    assert tasks.retry_delay(20) == tasks.MAX_RETRY_DELAY


@pytest.mark.django_db
def test_the_link_in_the_mail_opens_the_response_for_intake_staff(client, settings):
    settings.SITE_URL = SITE_URL
    response = make_response()
    link = notifications.workspace_link(response.pk)
    assert link.startswith(f"{SITE_URL}/")
    force_login_verified(client, intake_user())
    assert client.get(link.removeprefix(SITE_URL)).status_code == HTTPStatus.OK


def test_notify_addresses_are_checked_at_start(monkeypatch):
    monkeypatch.setenv("INTAKE_NOTIFY_EMAILS", "intake@example.org, lead@example.org")
    assert env_emails("INTAKE_NOTIFY_EMAILS") == TEAM
    monkeypatch.setenv("INTAKE_NOTIFY_EMAILS", "intake@example.org,lead at example")
    with pytest.raises(ImproperlyConfigured, match="'lead at example' is not one"):
        env_emails("INTAKE_NOTIFY_EMAILS")
    monkeypatch.setenv("INTAKE_NOTIFY_EMAILS", "")
    assert env_emails("INTAKE_NOTIFY_EMAILS") == []


@pytest.mark.parametrize("bad", ["iopguide.example.org", "ftp://x.org", "https://"])
def test_site_url_must_be_an_http_address(monkeypatch, bad):
    monkeypatch.setenv("SITE_URL", bad)
    with pytest.raises(ImproperlyConfigured, match="SITE_URL must be"):
        env_site_url("SITE_URL")


def test_site_url_loses_its_trailing_slash(monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://iopguide.example.org/")
    assert env_site_url("SITE_URL") == SITE_URL
