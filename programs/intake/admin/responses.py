"""Admin for each response's read-only detail page; the queue is the intake workspace.

The admin's list of responses sends everyone who may see it to the workspace
(/admin/intake/, programs/intake/admin/workspace.py): only documented ModelAdmin hooks
here (``changelist_view``, ``change_view``, ``get_urls``, ``get_queryset``).
Answers are never editable, by anyone: the change view is a read-only detail page, and
status, assignment and notes have their own small forms posting to their own URLs.
Every detail view, export, status change and note is written to the access log.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import NotRequired, TypedDict, cast

from django import http
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    QueryDict,
)
from django.template.defaultfilters import linebreaksbr
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import override

from programs.core.staff_session import session_time_left
from programs.intake import audit, drafts, exports, fhir
from programs.intake import services as queue
from programs.intake.admin.shared import (
    ResponsePermissionsMixin,
    csv_download,
    fhir_download,
    received_html,
    staff_time,
    staff_user,
    status_badge,
)
from programs.intake.admin.workspace import (
    WALK_KEY,
    WALK_MAX,
    due_in,
    next_in_queue,
    short_time,
)
from programs.intake.due_times import is_overdue
from programs.intake.filters import PAGE_PARAM, QueueFilter, queue_state
from programs.intake.forms import CallLogForm, ContactUpdateForm, StaffNoteForm
from programs.intake.models import AuditAction, CallAttempt, ContactRequestChange, ExportFormat
from programs.levels.models import TreatmentLevel
from programs.questionnaire import triage
from programs.questionnaire.models import ContactRequest, Response, ResponseQuerySet
from programs.questionnaire.questions import SECTIONS, answer_labels, questions_for


@override("en")
def answer_sections(response: Response) -> tuple[list[dict], list[tuple[str, str]]]:
    """Questions and answers as the person saw them, by section; and any unknown keys.

    Worded as in the response's own questionnaire version, and only the questions that
    were answered (a crisis response may be stored before the rest of the form). In
    English, whatever language the person used: the staff read them in English.
    """
    answers = response.answers if isinstance(response.answers, dict) else {}
    version = exports.wording_version(response)
    questions = questions_for(version)
    wording = {"self": "self", "someone_else": "other"}.get(response.for_whom, "both")
    sections = []
    for section in SECTIONS:
        rows = []
        for question in questions:
            if question.section != section.key or question.key not in answers:
                continue
            labels = answer_labels(question.key, answers[question.key], version)
            rows.append((getattr(question, wording), labels or ["None of these"]))
        if rows:
            sections.append({"legend": section.legend, "rows": rows})
    known = {q.key for q in questions}
    others = [(key, json.dumps(value)) for key, value in answers.items() if key not in known]
    return sections, others


def _flags(response: Response, texts: dict[str, list]) -> list[tuple[str, str]]:
    """Each flag's label, with the text the person was shown for it."""
    # The stored text is what that version said (wording changes between versions); the
    # current table only stands in for a row stored without one.
    stored = {
        item.get("flag"): item.get("text")
        for item in texts.get("flag_texts", [])
        if isinstance(item, dict)
    }
    return [
        (exports.FLAG_LABELS.get(flag, flag), stored.get(flag) or triage.FLAG_TEXT.get(flag, ""))
        for flag in response.flags
    ]


class TimelineEvent(TypedDict):
    at: datetime
    kind: str
    by: str
    text: str
    iso: NotRequired[str]  # the moment, for <time datetime>
    when: NotRequired[str]  # as staff read it, in the team's time zone
    html: NotRequired[SafeString]  # the text, escaped, with its line breaks


def _call_text(attempt: CallAttempt) -> str:
    lines = [f"Call: {attempt.get_outcome_display()}"]
    if attempt.next_callback_at is not None:
        lines.append(f"Next callback: {staff_time(attempt.next_callback_at)}")
    if attempt.note:
        lines.append(attempt.note)
    return "\n".join(lines)


def _timeline(
    response: Response, contact: ContactRequest | None, attempts: list[CallAttempt]
) -> list[TimelineEvent]:
    """Notes, calls and contact-request changes, newest first, ending with the response."""
    events: list[TimelineEvent] = [
        {
            "at": note.created_at,
            "kind": "note",
            "by": queue.staff_name(note.author) or "A former staff member",
            "text": note.text,
        }
        for note in response.staff_notes.select_related("author")
    ]
    events += [
        {
            "at": attempt.created_at,
            "kind": "call",
            "by": queue.staff_name(attempt.caller) or "A former staff member",
            "text": _call_text(attempt),
        }
        for attempt in attempts
    ]
    if contact is not None:
        for change in contact.changes.select_related("changed_by", "assignee"):
            if change.kind == ContactRequestChange.Kind.STATUS:
                text = (
                    f"Status changed from {change.get_old_status_display() or 'none'} "
                    f"to {change.get_new_status_display()}"
                )
            elif change.assignee is None:
                text = "Unassigned"
            else:
                text = f"Assigned to {queue.staff_name(change.assignee)}"
            events.append(
                {
                    "at": change.changed_at,
                    "kind": change.kind,
                    "by": queue.staff_name(change.changed_by) or "A former staff member",
                    "text": text,
                }
            )
        events.append(
            {
                "at": contact.created_at,
                "kind": "shared",
                "by": "",
                "text": "Contact details shared",
            }
        )
    events.sort(key=lambda event: event["at"], reverse=True)
    events.append(
        {"at": response.created_at, "kind": "received", "by": "", "text": "Questionnaire sent"}
    )
    # What the template shows of each, written here rather than by a filter per event (a
    # long case has hundreds): as ``{{ at|date:'c' }}``, ``{{ at|staff_time }}`` and
    # ``{{ text|linebreaksbr }}`` would.
    now = timezone.now()
    for event in events:
        local = localtime(event["at"])
        event["iso"] = local.isoformat()
        event["when"] = staff_time(local, now)
        event["html"] = linebreaksbr(event["text"], autoescape=True)
    return events


@admin.register(Response)
class ResponseAdmin(ResponsePermissionsMixin, admin.ModelAdmin):
    # Nothing is ever listed or selected here: the list is the workspace.
    actions = None

    def changelist_view(self, request: HttpRequest, extra_context=None):
        """The admin's list of responses is the intake workspace: go there.

        The workspace's own filters and search (an old bookmark's ``?q=``) go along; any
        other parameter, and any POST, is dropped.
        """
        if not self.has_view_permission(request):
            raise PermissionDenied
        allowed = {"q", PAGE_PARAM, *QueueFilter.base_filters}
        kept = QueryDict(mutable=True)
        for key in request.GET:
            if key in allowed:
                kept.setlist(key, request.GET.getlist(key))
        state = queue_state(kept.urlencode())
        workspace = reverse("admin:intake_workspace", current_app=self.admin_site.name)
        return HttpResponseRedirect(f"{workspace}?{state}" if state else workspace)

    # -- URLs and views ---------------------------------------------------------------

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/contact/",
                view(self.contact_view),
                name=f"{prefix}_contact",
            ),
            path("<path:object_id>/notes/", view(self.note_view), name=f"{prefix}_note"),
            path("<path:object_id>/call/", view(self.call_view), name=f"{prefix}_call"),
            path("<path:object_id>/draft/", view(self.draft_view), name=f"{prefix}_draft"),
            path(
                "<path:object_id>/acknowledge/",
                view(self.acknowledge_view),
                name=f"{prefix}_acknowledge",
            ),
            path(
                "<path:object_id>/export/<str:export_format>/",
                view(self.export_view),
                name=f"{prefix}_export",
            ),
            *super().get_urls(),
        ]

    def _get_response(self, request: HttpRequest, object_id: str) -> Response:
        response = self.get_object(request, unquote(object_id))
        if response is None:
            raise Http404("No response with that id.")
        if not self.has_view_permission(request, response):
            raise PermissionDenied
        return response

    def get_queryset(self, request: HttpRequest) -> ResponseQuerySet:
        # Response's default manager makes ResponseQuerySets; ModelAdmin's stubs only say
        # QuerySet.
        return cast(ResponseQuerySet, super().get_queryset(request)).for_queue()

    def detail_url(self, response: Response) -> str:
        return reverse("admin:programs_response_change", args=[response.pk])

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Answers are read-only for everyone: nothing is ever posted to this page.
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied
        response = self.get_object(request, unquote(object_id))
        if response is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_permission(request, response):
            raise PermissionDenied
        return self.detail_view(request, response)

    def detail_view(
        self,
        request: HttpRequest,
        response: Response,
        *,
        contact_form: ContactUpdateForm | None = None,
        note_form: StaffNoteForm | None = None,
        call_form: CallLogForm | None = None,
        status: int = 200,
    ) -> HttpResponse:
        """The read-only page: answers as the person saw them, suggestion, contact, timeline."""
        contact = exports.contact_of(response)
        audit.record(request, AuditAction.VIEWED, [response])
        can_change_contact = contact is not None and self.has_change_contact_permission(request)
        can_add_note = request.user.has_perm("programs.add_staffnote")
        if contact is not None and can_change_contact and contact_form is None:
            contact_form = ContactUpdateForm(user=staff_user(request), contact=contact)
        # The workspace queue this page was opened from, for "Save and next".
        filters = queue_state(request.GET.get("_changelist_filters", "")) or ""
        # Calls need a number to call: an email-only request has no call form.
        can_log_call = can_change_contact and contact is not None and bool(contact.phone)
        if contact is not None and can_log_call and call_form is None:
            call_form = CallLogForm(response=response, contact=contact, changelist_filters=filters)
        attempts = list(response.call_attempts.select_related("caller"))
        if can_add_note and note_form is None:
            note_form = StaffNoteForm()
        restored = self._restore_drafts(
            request,
            response,
            note_form if can_add_note else None,
            call_form if can_log_call else None,
        )
        also = dict(
            TreatmentLevel.objects.filter(slug__in=response.also_consider).values_list(
                "slug", "name"
            )
        )
        sections, other_answers = answer_sections(response)
        version = exports.wording_version(response)
        answers = response.answers if isinstance(response.answers, dict) else {}
        # Staff read everything in English; what a Spanish speaker read is kept beside it.
        english = response.texts_in("en")
        areas = [
            {
                "number": area,
                "name": triage.AREA_NAMES.get(area, f"Area {area}"),
                "score": score,
                "reasons": [r["text"] for r in english["reasons"] if r.get("area") == area],
                "original": [r["text"] for r in response.reasons if r.get("area") == area]
                if response.language != "en"
                else [],
            }
            for area, score in response.area_score_list
        ]
        now = timezone.now()
        acknowledged_at = response.crisis_acknowledged_at
        context = {
            **self.admin_site.each_context(request),
            # Due while nobody has reached the person (Response.due_at, as in the queue);
            # the request's own due time stays on show after.
            "due_at": contact.due_at if contact else None,
            "due_text": staff_time(contact.due_at, now) if contact and contact.due_at else "",
            "due_in": due_in(response.due_at, now) if response.due_at else "",
            "overdue": is_overdue(response.due_at, now),
            "acknowledge_url": reverse("admin:programs_response_acknowledge", args=[response.pk]),
            "can_acknowledge": response.crisis and self.has_change_contact_permission(request),
            "acknowledged_by": (
                queue.staff_name(response.crisis_acknowledged_by) or "a former staff member"
            )
            if acknowledged_at
            else "",
            "acknowledged_when": short_time(acknowledged_at, now) if acknowledged_at else "",
            "changelist_filters": filters,
            "opts": self.opts,
            "app_label": self.opts.app_label,
            "original": response,
            "response": response,
            "title": f"Response {response.reference_code}",
            "subtitle": None,
            "media": self.media,
            "contact": contact,
            "safe_contact": exports.safe_contact(contact) if contact else [],
            "contact_badge": status_badge(contact),
            "received": received_html(response.created_at),
            "also_consider": [also.get(slug, slug) for slug in response.also_consider],
            "areas": areas,
            "english": english,
            "flags": _flags(response, english),
            "sections": sections,
            "other_answers": other_answers,
            "current_version": triage.QUESTIONNAIRE_VERSION,
            # Labels and withdrawal care are named as in the response's own version.
            "wording_version": version,
            "withdrawal_care": exports.withdrawal_care_label(response),
            "unfinished": not fhir.is_complete(answers, version),
            "timeline": _timeline(response, contact, attempts),
            "attempt_count": len(attempts),
            "last_attempt": attempts[0] if attempts else None,
            "call_form": call_form if can_log_call else None,
            "call_url": reverse("admin:programs_response_call", args=[response.pk]),
            "contact_form": contact_form if can_change_contact else None,
            "note_form": note_form if can_add_note else None,
            "can_export": self.has_export_permission(request),
            "can_delete": self.has_delete_permission(request, response),
            "contact_url": reverse("admin:programs_response_contact", args=[response.pk]),
            "note_url": reverse("admin:programs_response_note", args=[response.pk]),
            "export_csv_url": reverse(
                "admin:programs_response_export", args=[response.pk, ExportFormat.CSV]
            ),
            "export_fhir_url": reverse(
                "admin:programs_response_export", args=[response.pk, ExportFormat.FHIR]
            ),
            "delete_url": reverse("admin:programs_response_delete", args=[response.pk]),
            # Back to the workspace queue this page was opened from, filters and all.
            "changelist_url": reverse("admin:intake_workspace")
            + (f"?{filters}" if filters else ""),
            "is_me_assigned": contact is not None and contact.assigned_to_id == request.user.pk,
            **restored,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(
            request, "admin/programs/response/detail.html", context, status=status
        )

    def contact_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseRedirect(
                reverse("admin:programs_response_change", args=[object_id])
            )
        response = self._get_response(request, object_id)
        contact = exports.contact_of(response)
        if contact is None or not self.has_change_contact_permission(request):
            raise PermissionDenied
        form = ContactUpdateForm(request.POST, user=staff_user(request), contact=contact)
        if not form.is_valid():
            return self.detail_view(request, response, contact_form=form, status=400)
        data = form.cleaned_data
        try:
            changes = queue.update_contact_request(
                contact.pk,
                by=staff_user(request),
                status=data["status"],
                assigned_to=data["assigned_to"],
                expected_status=data["expected_status"],
                expected_assignee_id=data["expected_assignee"],
            )
        except queue.StaleContactRequest:
            return self._stale(
                request, self.detail_url(response), "make your change again if it still applies"
            )
        if changes:
            audit.record(
                request,
                AuditAction.CONTACT_CHANGED,
                [response],
                detail=queue.describe_changes(changes),
            )
            self.message_user(request, capfirst(queue.describe_changes(changes)) + ".")
        else:
            self.message_user(request, "Nothing changed.", messages.INFO)
        return HttpResponseRedirect(self.detail_url(response))

    def _stale(self, request: HttpRequest, back_to: str, what_now: str) -> HttpResponse:
        """A colleague changed the contact request first: nothing was saved; show its state."""
        self.message_user(
            request,
            "Someone else changed this contact request while you had it open, so nothing was "
            f"saved. This is its current state: {what_now}.",
            messages.ERROR,
        )
        return HttpResponseRedirect(back_to)

    def note_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseRedirect(
                reverse("admin:programs_response_change", args=[object_id])
            )
        response = self._get_response(request, object_id)
        if not request.user.has_perm("programs.add_staffnote"):
            raise PermissionDenied
        form = StaffNoteForm(request.POST)
        if not form.is_valid():
            return self.detail_view(request, response, note_form=form, status=400)
        queue.add_note(response, by=staff_user(request), text=form.cleaned_data["text"])
        audit.record(request, AuditAction.NOTE_ADDED, [response])
        self.message_user(request, "Note added.")
        return HttpResponseRedirect(self.detail_url(response) + "#timeline")

    def call_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Log a call: the attempt, its note and a status change in one save.

        "Save" comes back to this page; "Save and next" goes on to the next response of
        the workspace queue the page was opened from (``_changelist_filters``).
        """
        if request.method != "POST":
            return HttpResponseRedirect(
                reverse("admin:programs_response_change", args=[object_id])
            )
        response = self._get_response(request, object_id)
        contact = exports.contact_of(response)
        if contact is None or not self.has_change_contact_permission(request):
            raise PermissionDenied
        if not contact.phone:
            self.message_user(
                request,
                "This person shared no phone number, so there is no call to log.",
                messages.ERROR,
            )
            return HttpResponseRedirect(self.detail_url(response))
        form = CallLogForm(request.POST, response=response, contact=contact)
        if not form.is_valid():
            for text in form.non_field_messages():
                self.message_user(request, text, messages.ERROR)
            return self.detail_view(request, response, call_form=form, status=400)
        data = form.cleaned_data
        filters = data["changelist_filters"]
        # Where the response stood in the queue as shown, before this save moves it.
        shown = Response(
            pk=response.pk,
            queue_rank=response.queue_rank,
            due_at=response.due_at,
            created_at=response.created_at,
        )
        try:
            attempt, changes = queue.log_call(
                response,
                by=staff_user(request),
                outcome=data["outcome"],
                note=data["note"],
                next_callback_at=data["next_callback"],
                status=data["status"],
                expected_status=data["expected_status"],
                form_token=data["form_token"],
            )
        except queue.StaleContactRequest:
            return self._stale(
                request,
                self._detail_url_in_queue(response.pk, filters),
                "log the call again",
            )
        except queue.DuplicateCallAttempt:
            self.message_user(
                request,
                "This call was already saved (the form was sent twice); it was not saved again.",
                messages.WARNING,
            )
            return HttpResponseRedirect(self._detail_url_in_queue(response.pk, filters))
        audit.record(
            request,
            AuditAction.CALL_LOGGED,
            [response],
            detail=queue.describe_call(attempt, changes)[:300],
        )
        self.message_user(request, capfirst(queue.describe_call(attempt, changes)) + ".")
        if "_save_next" not in request.POST:
            return HttpResponseRedirect(self._detail_url_in_queue(response.pk, filters))
        # The queue as it was shown: ordered by the rank the response had before this save.
        walk = request.session.get(WALK_KEY)
        done = (
            walk.get("done", [])
            if isinstance(walk, dict) and walk.get("filters") == filters
            else []
        )
        done = [pk for pk in done if isinstance(pk, int)][-WALK_MAX:] + [response.pk]
        request.session[WALK_KEY] = {"filters": filters, "done": done}
        next_pk = next_in_queue(request, QueryDict(filters), shown, done)
        if next_pk is None:
            self.message_user(request, "That was the last one in this list.", messages.INFO)
            workspace = reverse("admin:intake_workspace")
            return HttpResponseRedirect(f"{workspace}?{filters}" if filters else workspace)
        return HttpResponseRedirect(self._detail_url_in_queue(next_pk, filters))

    # -- Note drafts (programs/intake/drafts.py, js/staff-session.js) ---------------------

    def _restore_drafts(
        self,
        request: HttpRequest,
        response: Response,
        note_form: StaffNoteForm | None,
        call_form: CallLogForm | None,
    ) -> dict:
        """Put this user's drafts back in the page's empty note boxes (one query).

        A form sent back with errors keeps what was posted, and its draft stays stored.
        """
        boxes: dict[str, tuple[StaffNoteForm | CallLogForm | None, str]] = {
            drafts.NoteDraft.Box.NOTE: (note_form, "text"),
            drafts.NoteDraft.Box.CALL: (call_form, "note"),
        }
        restored: dict = {
            "draft_url": reverse("admin:programs_response_draft", args=[response.pk]),
            "note_draft": None,
            "call_draft": None,
        }
        if note_form is None and call_form is None:
            return restored
        for box, draft in drafts.for_page(response, staff_user(request)).items():
            form, field = boxes.get(box, (None, ""))
            if form is None or form.is_bound:
                continue
            form.initial[field] = draft.text
            restored[f"{box}_draft"] = {"saved_at": drafts.saved_at(draft)}
        return restored

    def draft_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Save (or, with empty text, delete) the signed-in user's draft of one note box.

        Answers JSON for the page's script; the "Discard draft" button (a plain form)
        comes back to the page. Only ever the requesting user's own draft.
        """
        if request.method != "POST":
            return http.HttpResponseNotAllowed(["POST"])
        response = self._get_response(request, object_id)
        form = drafts.NoteDraftForm(request.POST)
        discarding = "discard" in request.POST
        if not form.is_valid():
            if discarding:
                self.message_user(request, form.first_error(), messages.ERROR)
                return HttpResponseRedirect(self.detail_url(response))
            return http.JsonResponse({"error": form.first_error()}, status=400)
        box = form.cleaned_data["box"]
        user = staff_user(request)
        if discarding:
            drafts.discard(response, user=user, box=box)
            self.message_user(request, "Draft discarded.")
            anchor = "#calls" if box == drafts.NoteDraft.Box.CALL else "#timeline"
            return HttpResponseRedirect(self.detail_url(response) + anchor)
        draft = drafts.save(response, user=user, box=box, text=form.cleaned_data["text"])
        return http.JsonResponse(
            {
                "box": box,
                "saved": draft is not None,
                "saved_at": drafts.saved_at(draft) if draft else "",
                # For the page's countdown (a draft save does not count as activity).
                "session": session_time_left(request),
            }
        )

    def acknowledge_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """The one-click "Acknowledged" on a crisis response: who saw it first, and when.

        Posted from the response page or a crisis row of the workspace queue, and back
        there after, with the queue's filters (checked as ``call_view`` checks them).
        """
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        response = self._get_response(request, object_id)
        if not self.has_change_contact_permission(request):
            raise PermissionDenied
        filters = queue_state(request.POST.get("_changelist_filters", "")) or ""
        if request.POST.get("return_to") == "queue":
            workspace = reverse("admin:intake_workspace")
            back = f"{workspace}?{filters}" if filters else workspace
        else:
            back = self._detail_url_in_queue(response.pk, filters)
        code = response.reference_code
        try:
            acknowledgement = queue.acknowledge_crisis(response, by=staff_user(request))
        except queue.NotACrisis:
            self.message_user(
                request,
                f"Response {code} is not a crisis response, so there is nothing to "
                "acknowledge. Nothing was changed.",
                messages.ERROR,
            )
            return HttpResponseRedirect(back)
        when = short_time(acknowledgement.at, timezone.now())
        if acknowledgement.now:
            audit.record(request, AuditAction.CRISIS_ACKNOWLEDGED, [response])
            self.message_user(
                request,
                f"Crisis response {code} acknowledged at {when}. It stays first in the "
                "queue until the person is reached.",
            )
        else:
            self.message_user(
                request,
                f"Already acknowledged by {acknowledgement.by or 'a former staff member'} "
                f"at {when}. Nothing was changed.",
                messages.WARNING,
            )
        return HttpResponseRedirect(back)

    def _detail_url_in_queue(self, pk: int, filters: str) -> str:
        url = reverse("admin:programs_response_change", args=[pk])
        return f"{url}?{urlencode({'_changelist_filters': filters})}" if filters else url

    def export_view(
        self, request: HttpRequest, object_id: str, export_format: str
    ) -> HttpResponse:
        if export_format not in ExportFormat.values:
            raise Http404("No such export format.")
        if request.method != "POST":
            return HttpResponseRedirect(
                reverse("admin:programs_response_change", args=[object_id])
            )
        response = self._get_response(request, object_id)
        if not self.has_export_permission(request):
            raise PermissionDenied
        if export_format == ExportFormat.FHIR:
            return fhir_download(request, response)
        return csv_download(request, Response.objects.for_queue().filter(pk=response.pk))

    # -- Deleting (superusers only) leaves a trace in the access log -------------------

    def delete_model(self, request: HttpRequest, obj: Response) -> None:
        audit.record(request, AuditAction.DELETED, [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        audit.record(
            request, AuditAction.DELETED, queryset.values_list("reference_code", flat=True)
        )
        super().delete_queryset(request, queryset)
