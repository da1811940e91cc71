import re
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from iopguide import middleware
from programs.intake.admin import listing, workspace
from programs.intake.admin.responses import answer_sections
from programs.intake.services import add_note, update_contact_request
from programs.models import (
    AppendOnlyError,
    AuditAction,
    AuditEntry,
    ContactRequest,
    ContactRequestChange,
    ContactStatus,
    QueueRank,
    Response,
    StaffNote,
)
from tests.factories.intake import content_user, intake_user, make_response, make_user, share
from tests.factories.questionnaire import answers
from tests.factories.two_factor import force_login_verified

pytestmark = pytest.mark.django_db

# The admin's list of responses: a redirect to the intake workspace.
CHANGELIST = reverse("admin:programs_response_changelist")
WORKSPACE = reverse("admin:intake_workspace")


def detail_url(response: Response) -> str:
    return reverse("admin:programs_response_change", args=[response.pk])


def contact_url(response: Response) -> str:
    return reverse("admin:programs_response_contact", args=[response.pk])


def note_url(response: Response) -> str:
    return reverse("admin:programs_response_note", args=[response.pk])


def contact_post(contact: ContactRequest, **overrides) -> dict:
    data = {
        "status": contact.status,
        "assigned_to": contact.assigned_to_id or "",
        "expected_status": contact.status,
        "expected_assignee": contact.assigned_to_id or "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def intake(client, monkeypatch):
    user = intake_user(first_name="Ines", last_name="Intake")
    force_login_verified(client, user)
    # The first request records the session's start (a session write); later ones do not
    # (however slow the run), so query counts below compare like with like.
    monkeypatch.setattr(middleware, "LAST_SEEN_RESOLUTION_SECONDS", 3600)
    client.get(reverse("admin:index"))
    return user


# -- Who may see responses ------------------------------------------------------------


@pytest.mark.parametrize("name", ["changelist", "detail", "workspace"])
def test_anonymous_users_are_sent_to_the_login_page(client, name):
    response = make_response()
    url = {"changelist": CHANGELIST, "detail": detail_url(response), "workspace": WORKSPACE}[name]
    page = client.get(url)
    assert page.status_code == HTTPStatus.FOUND
    assert page["Location"].startswith(reverse("admin:login"))
    assert not AuditEntry.objects.exists()


def test_logged_in_non_staff_user_is_sent_to_the_login_page(client):
    response = make_response()
    client.force_login(make_user(staff=False))
    for url in (CHANGELIST, detail_url(response)):
        page = client.get(url)
        assert page.status_code == HTTPStatus.FOUND
        assert page["Location"].startswith(reverse("admin:login"))
    assert not AuditEntry.objects.exists()


def test_content_editor_cannot_see_or_change_responses(client):
    response = make_response()
    share(response)
    client.force_login(content_user())
    for url in (CHANGELIST, detail_url(response), WORKSPACE):
        assert client.get(url).status_code == HTTPStatus.FORBIDDEN
    export = reverse("admin:programs_response_export", args=[response.pk, "csv"])
    assert client.post(export).status_code == HTTPStatus.FORBIDDEN
    post = client.post(contact_url(response), contact_post(response.contact_request))
    assert post.status_code == HTTPStatus.FORBIDDEN
    assert client.post(note_url(response), {"text": "hi"}).status_code == HTTPStatus.FORBIDDEN
    home = client.get(reverse("admin:index")).content.decode()
    assert CHANGELIST not in home
    assert WORKSPACE not in home
    assert "Intake queue today" not in home
    assert not AuditEntry.objects.exists()
    assert not StaffNote.objects.exists()


def test_content_editor_can_edit_levels(client):
    client.force_login(content_user())
    page = client.get(reverse("admin:programs_treatmentlevel_changelist"))
    assert page.status_code == HTTPStatus.OK


def test_the_admins_list_of_responses_is_the_workspace(client, intake):
    page = client.get(CHANGELIST)
    assert page.status_code == HTTPStatus.FOUND
    assert page["Location"] == WORKSPACE
    # The workspace's own filters and search go along (an old bookmark); nothing else.
    page = client.get(CHANGELIST, {"q": "ab-cd", "status": "new", "o": "1", "p": "3"})
    assert page["Location"] == f"{WORKSPACE}?q=ab-cd&status=new"
    # Control characters stay encoded (the workspace then refuses the search); a state
    # too long to carry is dropped.
    injected = client.get(CHANGELIST, {"q": "x\r\nLocation: https://evil.example"})
    assert injected["Location"].startswith(f"{WORKSPACE}?q=x%0D%0ALocation")
    assert client.get(CHANGELIST, {"q": "x" * 5000})["Location"] == WORKSPACE
    # POSTs (an old form's action) change nothing and land on the workspace too.
    response = make_response()
    contact = share(response)
    post = client.post(
        CHANGELIST,
        {"action": "mark_contacted", "_selected_action": [response.pk], "index": "0"},
    )
    assert post.status_code == HTTPStatus.FOUND
    assert post["Location"] == WORKSPACE
    contact.refresh_from_db()
    assert contact.status == ContactStatus.NEW
    assert not ContactRequestChange.objects.exists()


def test_intake_staff_see_the_queue_with_readable_columns(client, intake):
    calm = make_response()
    crisis = make_response(danger_now=["overdose_signs"])
    share(calm)
    page = client.get(CHANGELIST, follow=True)
    html = page.content.decode()
    assert page.status_code == HTTPStatus.OK
    assert page.redirect_chain == [(WORKSPACE, HTTPStatus.FOUND)]
    assert calm.reference_code in html
    assert crisis.reference_code in html
    assert "queue-badge-crisis" in html
    assert "Outpatient (1)" in html
    assert "New" in html
    # Relative time next to the absolute one ("now", or seconds ago on a slow machine).
    assert re.search(r'class="queue-relative">(now|[^<]*seconds? ago)<', html)
    assert "Intake workspace" in html
    assert "action-select" not in html


# -- The detail page ------------------------------------------------------------------


def test_detail_shows_answers_as_the_person_saw_them(client, intake):
    response = make_response(
        for_whom="someone_else",
        substances=["alcohol", "opioids"],
        frequency="daily",
        control="hard_some_days",
        mood="some",
    )
    share(response, name="Dana Caller", phone="555-0199", email="dana@example.org")
    page = client.get(detail_url(response))
    html = page.content.decode()
    assert page.status_code == HTTPStatus.OK
    # Third-person wording, as shown to someone answering for another person.
    assert "How often do they use?" in html
    assert "How often do you use?" not in html
    assert "Every day or almost every day" in html
    assert "Opioids (like heroin, fentanyl, oxycodone or pain pills)" in html
    assert "Someone else (a family member or friend)" in html
    assert "Hard on some days" in html
    assert "hard_some_days" not in html  # choice text, never the stored key
    # The suggestion, reasons by area, scores and explained flags.
    assert response.suggested_level.name in html
    assert "Intoxication and withdrawal" in html
    assert response.reasons[0]["text"].split("'")[0] in html
    assert "Get medical advice before stopping" in html
    # Contact details, status and timeline.
    assert "Dana Caller" in html
    assert "tel:555-0199" in html
    assert "dana@example.org" in html
    assert "Contact details shared" in html
    assert "Questionnaire sent" in html
    assert 'name="status"' in html
    assert 'name="text"' in html


def test_detail_of_a_crisis_response_shows_what_was_said_to_do(client, intake):
    response = make_response(danger_now=["suicide_plan"])
    html = client.get(detail_url(response)).content.decode()
    assert "Danger right now" in html
    lifeline = '<a href="tel:988">988</a>'
    assert f"<strong>{lifeline}:</strong> Please call or text {lifeline} now" in html
    assert "[[" not in html
    assert "did not share contact details" in html
    assert 'name="status"' not in html  # no contact request, no status to change


def test_detail_of_a_missing_or_malformed_id_redirects_without_error(client, intake):
    for object_id in ("999999", "not-a-number", "1%00"):
        page = client.get(f"{CHANGELIST}{object_id}/change/")
        assert page.status_code == HTTPStatus.FOUND
    assert not AuditEntry.objects.exists()


def test_nobody_can_change_answers_through_the_change_view(client, admin_client, intake):
    response = make_response()
    before = dict(response.answers)
    forged = {"answers": '{"frequency": "daily"}', "crisis": "on", "for_whom": "someone_else"}
    assert client.post(detail_url(response), forged).status_code == HTTPStatus.FORBIDDEN
    assert admin_client.post(detail_url(response), forged).status_code == HTTPStatus.FORBIDDEN
    response.refresh_from_db()
    assert response.answers == before
    assert response.crisis is False
    assert response.for_whom == "self"


def test_intake_staff_cannot_add_or_delete(client, intake):
    response = make_response()
    share(response)
    assert client.get(f"{CHANGELIST}add/").status_code == HTTPStatus.FORBIDDEN
    delete = reverse("admin:programs_response_delete", args=[response.pk])
    assert client.get(delete).status_code == HTTPStatus.FORBIDDEN
    assert client.post(delete, {"post": "yes"}).status_code == HTTPStatus.FORBIDDEN
    selected = {"action": "delete_selected", "_selected_action": [response.pk], "post": "yes"}
    assert client.post(CHANGELIST, selected).status_code == HTTPStatus.FOUND
    assert Response.objects.filter(pk=response.pk).exists()
    assert ContactRequest.objects.filter(response=response).exists()


def test_superuser_can_delete_and_the_deletion_is_logged(admin_client):
    response = make_response()
    share(response, name="Delia Confirm", phone="555-0166")
    add_note(response, by=make_user(superuser=True), text="Private note text")
    delete = reverse("admin:programs_response_delete", args=[response.pk])
    confirm = admin_client.get(delete).content.decode()
    assert f"Contact request for {response.reference_code}" in confirm
    for private in ("Delia Confirm", "555-0166", "Private note text"):
        assert private not in confirm
    assert admin_client.post(delete, {"post": "yes"}).status_code == HTTPStatus.FOUND
    assert not Response.objects.filter(pk=response.pk).exists()
    entry = AuditEntry.objects.get(action=AuditAction.DELETED)
    assert entry.reference_code_list == [response.reference_code]


# -- Status, assignment and notes -----------------------------------------------------


def test_intake_staff_change_status_and_assignee_with_history(client, intake):
    response = make_response()
    contact = share(response)
    post = client.post(
        contact_url(response),
        contact_post(contact, status=ContactStatus.CONTACTED, assigned_to=intake.pk),
    )
    assert post.status_code == HTTPStatus.FOUND
    contact.refresh_from_db()
    assert contact.status == ContactStatus.CONTACTED
    assert contact.assigned_to == intake
    assert contact.status_changed_at is not None
    kinds = sorted(contact.changes.values_list("kind", flat=True))
    assert kinds == ["assignment", "status"]
    html = client.get(detail_url(response)).content.decode()
    assert "Status changed from New to Contacted" in html
    assert "Assigned to Ines Intake" in html


def test_status_change_refuses_a_stale_form(client, intake):
    response = make_response()
    contact = share(response)
    stale = contact_post(contact, status=ContactStatus.CLOSED)
    ContactRequest.objects.filter(pk=contact.pk).update(status=ContactStatus.SCHEDULED)
    page = client.post(contact_url(response), stale, follow=True)
    contact.refresh_from_db()
    assert contact.status == ContactStatus.SCHEDULED
    assert "Someone else changed this contact request" in page.content.decode()
    assert not ContactRequestChange.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"status": "lost"},
        {"assigned_to": "999999"},
        {"assigned_to": "abc"},
        {"expected_status": ""},
        {"expected_assignee": "x"},
    ],
)
def test_status_change_with_bad_input_is_a_400_and_changes_nothing(client, intake, overrides):
    response = make_response()
    contact = share(response)
    page = client.post(contact_url(response), contact_post(contact, **overrides))
    assert page.status_code == HTTPStatus.BAD_REQUEST
    contact.refresh_from_db()
    assert contact.status == ContactStatus.NEW
    assert not ContactRequestChange.objects.exists()


def test_assign_to_me_button_form_assigns_the_current_user(client, intake):
    response = make_response()
    contact = share(response)
    html = client.get(detail_url(response)).content.decode()
    assert "Assign to me" in html
    client.post(contact_url(response), contact_post(contact, assigned_to=intake.pk))
    contact.refresh_from_db()
    assert contact.assigned_to == intake
    assert contact.status == ContactStatus.NEW


def test_a_content_editor_cannot_be_assigned(client, intake):
    response = make_response()
    contact = share(response)
    editor = content_user()
    page = client.post(contact_url(response), contact_post(contact, assigned_to=editor.pk))
    assert page.status_code == HTTPStatus.BAD_REQUEST
    contact.refresh_from_db()
    assert contact.assigned_to is None


def test_intake_staff_add_notes_that_cannot_be_edited_or_deleted(client, intake):
    response = make_response()
    post = client.post(note_url(response), {"text": "  Left a voicemail.  "})
    assert post.status_code == HTTPStatus.FOUND
    note = StaffNote.objects.get()
    assert note.text == "Left a voicemail."
    assert note.author == intake
    html = client.get(detail_url(response)).content.decode()
    assert "Left a voicemail." in html
    note.text = "Changed"
    with pytest.raises(AppendOnlyError):
        note.save()
    with pytest.raises(AppendOnlyError):
        note.delete()
    # Notes have no admin pages of their own, so nothing to edit them with.
    with pytest.raises(NoReverseMatch):
        reverse("admin:programs_staffnote_change", args=[note.pk])


@pytest.mark.parametrize("text", ["", "   ", "x" * 2001])
def test_empty_or_too_long_note_is_a_400(client, intake, text):
    response = make_response()
    assert client.post(note_url(response), {"text": text}).status_code == HTTPStatus.BAD_REQUEST
    assert not StaffNote.objects.exists()


def test_get_on_the_post_only_urls_redirects_to_the_detail(client, intake):
    response = make_response()
    for url in (contact_url(response), note_url(response)):
        page = client.get(url)
        assert page.status_code == HTTPStatus.FOUND
        assert page["Location"] == detail_url(response)


def test_contact_requests_have_no_admin_of_their_own(client, admin_client, intake):
    """Their details are on the response page and in the workspace's rows."""
    response = make_response()
    contact = share(response, name="Hidden Name", phone="555-0123")
    for name, args in (("changelist", []), ("change", [contact.pk]), ("delete", [contact.pk])):
        with pytest.raises(NoReverseMatch):
            reverse(f"admin:programs_contactrequest_{name}", args=args)
    for user_client in (client, admin_client):
        assert user_client.get("/admin/programs/contactrequest/").status_code in (
            HTTPStatus.NOT_FOUND,
            HTTPStatus.FOUND,  # the admin's catch-all sends unknown admin URLs home
        )
        home = user_client.get(reverse("admin:index")).content.decode()
        assert "contactrequest" not in home
    assert ContactRequest.objects.filter(pk=contact.pk).exists()


# -- The queue's order, filters, search and bounded queries ---------------------------


def queue_codes(client, query: str = "") -> list[str]:
    page = client.get(WORKSPACE + query)
    assert page.status_code == HTTPStatus.OK
    return [row.reference_code for row in page.context["rows"]]


def test_queue_puts_unhandled_crisis_then_new_requests_first(client, intake):
    now = timezone.now()
    old_crisis = make_response(danger_now=["harm_others"], created_at=now - timedelta(days=9))
    handled_crisis = make_response(danger_now=["harm_others"], created_at=now - timedelta(days=1))
    new_request = make_response(created_at=now - timedelta(days=5))
    newest_plain = make_response(created_at=now)
    contacted = make_response(created_at=now - timedelta(hours=1))
    share(new_request)
    share(contacted, status=ContactStatus.CONTACTED)
    add_note(handled_crisis, by=intake, text="Reviewed: anonymous, nothing to follow up.")
    assert queue_codes(client) == [
        old_crisis.reference_code,
        new_request.reference_code,
        newest_plain.reference_code,
        contacted.reference_code,
        handled_crisis.reference_code,
    ]


def test_queue_rank_follows_the_contact_request(intake):
    crisis = make_response(danger_now=["overdose_signs"])
    assert crisis.queue_rank == QueueRank.CRISIS
    contact = share(crisis)
    assert crisis.queue_rank == QueueRank.CRISIS
    update_contact_request(contact.pk, by=intake, status=ContactStatus.CONTACTED)
    crisis.refresh_from_db()
    assert crisis.queue_rank == QueueRank.ROUTINE
    calm = make_response()
    assert calm.queue_rank == QueueRank.ROUTINE
    share(calm)
    assert calm.queue_rank == QueueRank.NEW_REQUEST


def test_sharing_from_the_public_site_puts_the_response_in_the_new_tier(client):
    response = make_response()
    client.post(
        reverse("programs:share", args=[response.public_token]),
        {
            "consent": "on",
            "name": "Sam",
            "phone": "(212) 555-0100",
            "best_time": "any",
            "preferred_language": "en",
        },
    )
    response.refresh_from_db()
    assert ContactRequest.objects.filter(response=response).exists()
    assert response.queue_rank == QueueRank.NEW_REQUEST


def test_filters_list_exactly_what_the_home_page_counts(client, intake):
    now = timezone.now()
    crisis = make_response(danger_now=["harm_others"], created_at=now - timedelta(days=2))
    make_response(danger_now=["harm_others"], created_at=now - timedelta(days=8))
    fresh = make_response()
    share(fresh)
    waiting = make_response(created_at=now - timedelta(days=10))
    share(waiting, created_at=now - timedelta(days=10))
    home = client.get(reverse("admin:index")).content.decode()
    assert "Intake queue today" in home
    links = re.findall(r'<li class="intake-card[^"]*">\s*<a href="([^"]+)"', home)
    assert links == [
        f"{WORKSPACE}?status=new",
        f"{WORKSPACE}?queue=crisis_recent",
        f"{WORKSPACE}?due=overdue",
    ]
    new, recent_crisis, waiting_link = (link.replace(WORKSPACE, "") for link in links)
    assert queue_codes(client, recent_crisis) == [crisis.reference_code]
    assert sorted(queue_codes(client, new)) == sorted(
        [fresh.reference_code, waiting.reference_code]
    )
    assert queue_codes(client, waiting_link) == [waiting.reference_code]
    for label in (
        "new contact requests",
        "crisis responses in the last 7 days",
        "requests overdue (nobody reached by their due time)",
    ):
        assert label in home


def test_home_page_numbers(client, intake):
    now = timezone.now()
    make_response(danger_now=["harm_others"])
    waiting = make_response(created_at=now - timedelta(days=10))
    share(waiting, created_at=now - timedelta(days=10))
    share(make_response())
    html = client.get(reverse("admin:index")).content.decode()
    numbers = [
        int(chunk.split("</span>")[0]) for chunk in html.split('class="intake-card-count">')[1:]
    ]
    assert numbers == [2, 1, 1]


@pytest.mark.parametrize(
    "query",
    [
        "?assignee=abc",
        "?assignee=99999999999999999999999",
        "?assignee=me",
        "?assignee=nobody",
        "?queue=nonsense",
        "?queue=crisis_recent&queue=waiting",
        "?contact_status=nonsense",
        "?contact_status=none",
        "?contact_status=open",
        "?crisis__exact=1",
        "?created_at__gte=not-a-date",
        "?q=%00",
        "?o=99",
        "?p=999",
        "?created_at__year=2026&created_at__month=13",
    ],
)
def test_odd_list_parameters_never_error(client, intake, query):
    """Old bookmarks of the admin's list, and odd values in the workspace's filters."""
    share(make_response())
    page = client.get(CHANGELIST + query, follow=True)
    assert page.status_code == HTTPStatus.OK
    assert client.get(WORKSPACE + query).status_code == HTTPStatus.OK


def test_search_by_reference_code_forgives_case_spaces_and_dashes(client, intake):
    response = make_response()
    make_response()
    code = response.reference_code.lower()
    assert queue_codes(client, f"?q={code[:4]}-{code[4:]}") == [response.reference_code]
    assert queue_codes(client, f"?q=+{code[:4]}+{code[4:]}+") == [response.reference_code]
    assert queue_codes(client, "?q=Robin") == []  # no contact shared, so no name


def build_queue(count: int) -> None:
    for n in range(count):
        response = make_response(danger_now=["harm_others"] if n % 5 == 0 else [])
        if n % 2:
            contact = share(response, status=ContactStatus.IN_PROGRESS if n % 3 else "new")
            if n % 4 == 1:
                ContactRequest.objects.filter(pk=contact.pk).update(assigned_to=None)


def workspace_queries(client, query: str = "") -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        page = client.get(WORKSPACE + query)
    assert page.status_code == HTTPStatus.OK
    return len(captured), len(page.context["rows"])


@pytest.mark.parametrize(
    "query", ["", "?status=new&mine=yes", "?status=in_progress&crisis=no", "?q=Robin"]
)
def test_workspace_query_count_does_not_grow_with_the_data(client, intake, query):
    build_queue(5)
    if "mine" in query:
        ContactRequest.objects.update(assigned_to=intake)
    small, shown_small = workspace_queries(client, query)
    build_queue(55)
    if "mine" in query:
        ContactRequest.objects.update(assigned_to=intake)
    large, shown_large = workspace_queries(client, query)
    assert shown_large > shown_small  # the bigger table really shows more rows
    assert small == large


def test_the_workspace_never_counts_the_whole_table(client, intake, monkeypatch):
    monkeypatch.setattr(listing, "COUNT_CAP", 3)
    monkeypatch.setattr(workspace, "COUNT_CAP", 3)
    build_queue(5)
    with CaptureQueriesContext(connection) as captured:
        html = client.get(WORKSPACE).content.decode()
    # The page's count (not the attempts' count in each row's subquery).
    counts = [q["sql"] for q in captured if q["sql"].upper().startswith("SELECT COUNT(")]
    assert counts
    assert all("LIMIT 4" in sql.upper() for sql in counts)
    assert "More than 3 responses" in html


def test_detail_query_count_does_not_grow_with_notes(client, intake):
    response = make_response()
    contact = share(response)
    add_note(response, by=intake, text="One")

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(detail_url(response)).status_code == HTTPStatus.OK
        return len(captured)

    few = count()
    for n in range(10):
        add_note(response, by=intake, text=f"Note {n}")
    ContactRequest.objects.filter(pk=contact.pk).update(status=ContactStatus.IN_PROGRESS)
    assert count() == few


# -- The access log in the admin ------------------------------------------------------


def test_access_log_is_for_superusers_only_and_read_only(client, admin_client, intake):
    make_response()
    client.get(detail_url(Response.objects.get()))
    entry = AuditEntry.objects.get()
    log = reverse("admin:programs_auditentry_changelist")
    change = reverse("admin:programs_auditentry_change", args=[entry.pk])
    assert client.get(log).status_code == HTTPStatus.FORBIDDEN
    assert "access log" not in client.get(reverse("admin:index")).content.decode().lower()
    assert admin_client.get(log).status_code == HTTPStatus.OK
    assert admin_client.get(change).status_code == HTTPStatus.OK
    assert admin_client.post(change, {"detail": "edited"}).status_code == HTTPStatus.FORBIDDEN
    add = reverse("admin:programs_auditentry_add")
    assert admin_client.get(add).status_code == HTTPStatus.FORBIDDEN
    delete = reverse("admin:programs_auditentry_delete", args=[entry.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == HTTPStatus.FORBIDDEN
    entry.refresh_from_db()
    assert entry.detail == ""
    assert AuditEntry.objects.count() == 1


def test_access_log_list_uses_djangos_templates_and_never_counts_or_scans_the_table(
    admin_client, monkeypatch
):
    monkeypatch.setattr(listing, "COUNT_CAP", 3)
    responses = [make_response() for _ in range(5)]
    for response in responses:
        admin_client.get(detail_url(response))
    log = reverse("admin:programs_auditentry_changelist")
    with CaptureQueriesContext(connection) as captured:
        page = admin_client.get(log)
    assert page.status_code == HTTPStatus.OK
    assert [t.name for t in page.templates][0] == "admin/change_list.html"
    assert not [q for q in captured if "DISTINCT" in q["sql"].upper()]
    counts = [q["sql"] for q in captured if q["sql"].upper().startswith("SELECT COUNT(")]
    assert counts
    assert all("LIMIT 4" in sql.upper() for sql in counts)
    code = responses[0].reference_code
    found = admin_client.get(log, {"q": code.lower()})
    assert [entry.reference_code_list for entry in found.context["cl"].result_list] == [[code]]


def test_staff_read_answers_in_english_whatever_language_is_active(client, intake):
    response = Response.objects.record(
        answers(frequency="daily", control="hard_some_days"), language="es"
    )
    with translation.override("es"):
        sections, _others = answer_sections(response)
    rows = dict(row for section in sections for row in section["rows"])
    assert rows["How often do you use?"] == ["Every day or almost every day"]
    assert rows["How hard is it for you to stop or cut down?"] == ["Hard on some days"]
    html = client.get(detail_url(response)).content.decode()
    assert "Every day or almost every day" in html


def test_the_level_filter_names_crisis_responses_in_words(client, intake):
    crisis = make_response(danger_now=["harm_others"])
    make_response()
    html = client.get(WORKSPACE).content.decode()
    assert re.search(r'<option value="null">None: crisis</option>', html)
    assert queue_codes(client, "?level=null") == [crisis.reference_code]
