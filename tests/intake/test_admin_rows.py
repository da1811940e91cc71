"""The intake lists' one-pass rows are Django's own rows, byte for byte, in every state."""

from datetime import date
from http import HTTPStatus

import pytest
from django.contrib import admin
from django.contrib.admin.templatetags.admin_list import results
from django.test import RequestFactory
from django.urls import reverse
from django.utils.html import format_html

from programs.intake.admin.responses import ResponseAdmin
from programs.intake.exports import contact_of
from programs.models import ContactRequest, ContactStatus, Response
from tests.factories.intake import intake_user, make_response, make_user, share

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:programs_response_changelist")
CONTACTS = reverse("admin:programs_contactrequest_changelist")


@pytest.fixture
def queue(client):
    """A crisis with nobody to call, requests assigned and not, a name that needs escaping."""
    user = intake_user(first_name="Ines", last_name="Intake")
    client.force_login(user)
    make_response(danger_now=["harm_others"])
    share(make_response(), status=ContactStatus.IN_PROGRESS, assigned_to=user)
    share(make_response(for_whom="someone_else"), preferred_language="es")
    awkward = make_user(first_name='<b>"Al" & Co</b>', last_name="")
    share(make_response(), assigned_to=awkward)
    make_response()
    return user


def django_rows(cl) -> list[str]:
    return ["".join(str(cell) for cell in row) for row in results(cl)]


def fast_rows(cl) -> list[str]:
    return ["".join(str(cell) for cell in row) for row in cl.model_admin.change_list_rows(cl)]


@pytest.mark.parametrize(
    ("url", "query"),
    [
        (CHANGELIST, ""),
        (CHANGELIST, "?queue=new&o=2.-1"),
        (CHANGELIST, "?contact_status=open&q=&crisis__exact=0"),
        (CHANGELIST, "?_popup=1"),
        (CONTACTS, ""),
        (CONTACTS, "?assignee=nobody&o=-2"),
        (CONTACTS, "?_popup=1"),
    ],
)
def test_rows_are_djangos_markup_and_the_page_shows_them(client, queue, url, query):
    page = client.get(url + query)
    assert page.status_code == HTTPStatus.OK
    cl = page.context["cl"]
    assert cl.model_admin.fast_rows_supported(cl)
    expected = django_rows(cl)
    assert expected, "the list should not be empty"
    assert fast_rows(cl) == expected
    html = page.content.decode()
    for row in expected:
        assert f"<tr>{row}</tr>" in html


def test_links_keep_the_lists_filters_and_popups_name_their_object(client, queue):
    cl = client.get(CHANGELIST + "?queue=new&_popup=1").context["cl"]
    response = cl.result_list[0]
    row = fast_rows(cl)[0]
    change = reverse("admin:programs_response_change", args=[response.pk])
    assert f'href="{change}?_changelist_filters=queue%3Dnew%26_popup%3D1"' in row
    assert f'data-popup-opener="{response.pk}"' in row


def test_names_are_escaped(client, queue):
    html = client.get(CONTACTS).content.decode()
    assert "&lt;b&gt;&quot;Al&quot; &amp; Co&lt;/b&gt;" in html
    assert '<b>"Al"' not in html


def test_the_listed_rows_leave_answers_and_contact_details_unloaded(client, queue):
    cl = client.get(CHANGELIST).context["cl"]
    row = next(r for r in cl.result_list if contact_of(r) is not None)
    assert {"answers", "reasons", "flags"} <= row.get_deferred_fields()
    assert {"name", "phone", "email"} <= contact_of(row).get_deferred_fields()


def admin_changelist(admin_class, user, query: str = ""):
    request = RequestFactory().get(CHANGELIST + query)
    request.user = user
    cl = admin_class(Response, admin.site).get_changelist_instance(request)
    cl.formset = None
    return cl


class ModelFieldColumns(ResponseAdmin):
    list_display = ["reference_code", "crisis", "received"]


def test_a_model_field_column_falls_back_to_djangos_rows(queue):
    cl = admin_changelist(ModelFieldColumns, queue)
    assert not cl.model_admin.fast_rows_supported(cl)
    assert fast_rows(cl) == django_rows(cl)
    assert 'class="field-crisis"' in fast_rows(cl)[0]


class OddValues(ResponseAdmin):
    list_display = ["reference", "number", "nothing", "blank", "day", "dashes", "flag"]

    @admin.display(description="Number")
    def number(self, obj):
        return 1234567

    @admin.display(description="Nothing")
    def nothing(self, obj):
        return None

    @admin.display(description="Blank")
    def blank(self, obj):
        return "   "

    @admin.display(description="Day")
    def day(self, obj):
        return date(2026, 11, 27)

    @admin.display(description="Dashes", empty_value="— none —")
    def dashes(self, obj):
        return format_html("<em>{}</em>", "") if obj.crisis else None

    @admin.display(description="Flag", boolean=True)
    def flag(self, obj):
        return obj.crisis


class OddValuesNoBoolean(OddValues):
    list_display = ["reference", "number", "nothing", "blank", "day", "dashes"]


def test_numbers_dates_and_empty_values_show_as_django_shows_them(queue):
    cl = admin_changelist(OddValuesNoBoolean, queue, "?o=2")
    assert cl.model_admin.fast_rows_supported(cl)
    rows = fast_rows(cl)
    assert rows == django_rows(cl)
    assert 'class="field-day nowrap"' in rows[0]
    assert "— none —" in "".join(rows)


def test_a_boolean_column_falls_back_to_djangos_icons(queue):
    cl = admin_changelist(OddValues, queue)
    assert not cl.model_admin.fast_rows_supported(cl)
    assert fast_rows(cl) == django_rows(cl)


def test_a_contact_request_row_links_to_its_response(client, queue):
    cl = client.get(CONTACTS).context["cl"]
    contact = cl.result_list[0]
    assert isinstance(contact, ContactRequest)
    response_url = reverse("admin:programs_response_change", args=[contact.response_id])
    assert f'href="{response_url}"' in fast_rows(cl)[0]
    assert "<th" not in "".join(fast_rows(cl))  # no linked column: no row header cell


class StrAndMissing(ResponseAdmin):
    list_display = ["reference", "__str__", "missing"]

    @admin.display(description="Missing")
    def missing(self, obj):
        raise Response.DoesNotExist


class MissingOnly(ResponseAdmin):
    list_display = ["reference", "missing"]
    missing = StrAndMissing.missing


def test_str_columns_fall_back_and_a_missing_object_shows_as_empty(queue):
    cl = admin_changelist(StrAndMissing, queue)
    assert not cl.model_admin.fast_rows_supported(cl)
    assert fast_rows(cl) == django_rows(cl)
    cl = admin_changelist(MissingOnly, queue)
    assert cl.model_admin.fast_rows_supported(cl)
    rows = fast_rows(cl)
    assert rows == django_rows(cl)
    assert '<td class="field-missing">-</td>' in rows[0]


class ShadowsAField(ResponseAdmin):
    list_display = ["reference", "crisis"]

    def crisis(self, obj):
        return "from the admin"


def test_a_method_named_like_a_model_field_is_left_to_django(queue):
    cl = admin_changelist(ShadowsAField, queue)
    assert not cl.model_admin.fast_rows_supported(cl)
    assert fast_rows(cl) == django_rows(cl)
