"""Change-list rows rendered in one pass, with the same markup as Django's.

Django renders each cell of a change list through ``items_for_result``: ``lookup_field``,
``display_for_value``, two ``format_html`` calls and, for the linked column, a ``reverse``
and ``add_preserved_filters`` per row. On the intake queue's 50-row page that was 40% of
the page's CPU time (see the README, "Performance"). Here every column is a method of the
model admin returning HTML or text, so a row is those values, escaped, joined into one
string; the change URL is reversed once per page. tests/test_admin_rows.py renders both
ways and compares them byte for byte.
"""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.contrib.admin.templatetags.admin_list import ResultList, results
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import display_for_value
from django.core.exceptions import ObjectDoesNotExist
from django.urls import NoReverseMatch, reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from programs.intake.admin.checkboxes import PlainActionCheckbox

# Stands in for the primary key while the change URL is reversed once for the whole page.
PK_PLACEHOLDER = "pk0placeholder0pk"

if TYPE_CHECKING:
    # The mixins here always come before admin.ModelAdmin in an admin's bases, and call
    # its methods: check them as the ModelAdmin they end up in.
    _ModelAdmin = admin.ModelAdmin[Any]
else:
    _ModelAdmin = object


class FastChangeListRows(PlainActionCheckbox, _ModelAdmin):
    """Renders change-list rows for admins whose columns are all admin methods.

    Anything else (model fields, booleans, list_editable) falls back to Django's own rows,
    so the fast path can never show something different: it only skips work.
    """

    def fast_rows_supported(self, cl) -> bool:
        if cl.formset is not None:
            return False
        model_fields = {f.name for f in cl.lookup_opts.get_fields()}
        for name in cl.list_display:
            if name == "action_checkbox":
                continue
            if not isinstance(name, str) or name == "__str__" or name in model_fields:
                return False  # Django looks these up on the model, not the admin
            attr = getattr(self, name, None)
            if not callable(attr) or getattr(attr, "boolean", False):
                return False
        return True

    def change_list_rows(self, cl) -> list[ResultList]:
        """The rows of ``cl.result_list``, each a one-item ResultList of the row's cells."""
        if not self.fast_rows_supported(cl):
            return list(results(cl))
        url_for = self._row_url_function(cl)
        opener = self._popup_opener(cl)
        checkbox = (
            self.checkbox_renderer()
            if type(self).action_checkbox is PlainActionCheckbox.action_checkbox
            else self.action_checkbox
        )
        # (name, the cell's attributes, (tag, empty value) or None for the checkbox, linked)
        columns: list[tuple[str, str, tuple[str, SafeString] | None, bool]] = []
        first_link = True
        for name in cl.list_display:
            if name == "action_checkbox":
                columns.append(("action_checkbox", ' class="action-checkbox"', None, False))
                continue
            attr = getattr(self, name)
            linked = self._links_column(cl, name, first=first_link)
            tag = "th" if linked and first_link else "td"
            first_link = first_link and not linked
            empty = conditional_escape(
                getattr(attr, "empty_value_display", self.get_empty_value_display())
            )
            columns.append((name, f' class="field-{name}"', (tag, empty), linked))
        rows = []
        for obj in cl.result_list:
            cells = []
            for name, attrs, spec, linked in columns:
                if spec is None:
                    cells.append(f"<td{attrs}>{checkbox(obj)}</td>")
                    continue
                tag, empty = spec
                try:
                    value = getattr(self, name)(obj)
                except ObjectDoesNotExist:
                    value = None  # a missing related object shows as empty, as in Django
                if isinstance(value, str):
                    shown: str = conditional_escape(value) if value.strip() else empty
                else:
                    # Numbers, dates, lists: as Django shows them, and dates do not wrap.
                    shown = conditional_escape(display_for_value(value, empty))
                    if isinstance(value, (date, time)):
                        attrs = attrs[:-1] + ' nowrap"'
                if linked:
                    url = url_for(obj)
                    if url is not None:
                        shown = f'<a href="{conditional_escape(url)}"{opener(obj)}>{shown}</a>'
                    cells.append(f"<{tag}{attrs}>{shown}</{tag}>")
                else:
                    cells.append(f"<td{attrs}>{shown}</td>")
            rows.append(ResultList(None, [mark_safe("".join(cells))]))
        return rows

    @staticmethod
    def _links_column(cl, name: str, *, first: bool) -> bool:
        if cl.list_display_links is None:
            return False
        if first and not cl.list_display_links:
            return True
        return name in cl.list_display_links

    @staticmethod
    def _popup_opener(cl):
        """obj -> the data-popup-opener attribute a popup list puts on each link, or ""."""
        if not cl.is_popup:
            return lambda obj: ""
        field = str(cl.to_field) if cl.to_field else cl.lookup_opts.pk.attname
        return lambda obj: format_html(' data-popup-opener="{}"', obj.serializable_value(field))

    @staticmethod
    def _row_url_function(cl):
        """obj -> its change URL with the list's filters preserved, or None if none exists."""
        context = {"preserved_filters": cl.preserved_filters, "opts": cl.opts}
        name = f"admin:{cl.opts.app_label}_{cl.opts.model_name}_change"
        try:
            template = add_preserved_filters(
                context,
                reverse(name, args=(PK_PLACEHOLDER,), current_app=cl.model_admin.admin_site.name),
            )
        except NoReverseMatch:
            return lambda obj: None
        before, _, after = template.partition(PK_PLACEHOLDER)

        def url_for(obj):
            pk = getattr(obj, cl.pk_attname)
            # Integer keys need no quoting; anything else goes through Django's own path.
            if type(pk) is int and template.count(PK_PLACEHOLDER) == 1:
                return f"{before}{pk}{after}"
            try:
                return add_preserved_filters(context, cl.url_for_result(obj))
            except NoReverseMatch:
                return None

        return url_for
