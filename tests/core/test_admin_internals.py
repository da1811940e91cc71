"""The admin is extended through documented hooks only: no module reaches into Django's
change-list internals, and no template copies them (issue 16, "Remove the admin
internals"). They change between Django releases without notice; ModelAdmin options,
``get_urls()``, ``admin_view()`` and templates extending ``admin/base_site.html`` do not.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CODE = [
    path
    for folder in ("programs", "iopguide")
    for path in sorted((ROOT / folder).rglob("*.py"))
    if "migrations" not in path.parts
]
TEMPLATES = sorted((ROOT / "templates" / "admin").rglob("*.html"))

# Modules that are Django's change-list machinery, not an extension point.
INTERNAL_MODULES = (
    "django.contrib.admin.templatetags.admin_list",
    "django.contrib.admin.templatetags.base",
    "django.contrib.admin.views.main",
    "django.contrib.admin.helpers",
)
# Change-list internals by name, and the ModelAdmin hooks that swap them for a copy.
INTERNAL_NAMES = {"ChangeList", "ResultList", "InclusionAdminNode", "items_for_result"}
INTERNAL_HOOKS = {"get_changelist", "get_changelist_instance", "change_list_template"}
# In a template: the change list's tags and context, or extending/including its templates.
TEMPLATE_PATTERNS = [
    r"{%\s*load\b[^%]*\badmin_list\b",
    r"{%\s*(fast_result_list|result_list|admin_actions|paginator_number|pagination|"
    r"search_form|date_hierarchy|result_headers)\b",
    r"\bcl\.",
    r"admin/change_list(_results)?\.html",
    r"admin/(actions|pagination|search_form|date_hierarchy)\.html",
]


def internal_uses(source: str) -> list[str]:
    """What in this Python source reaches into the admin's change-list internals."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith(INTERNAL_MODULES):
                found.append(f"from {node.module} import …")
            elif node.module == "django.contrib.admin":
                found += [
                    f"from django.contrib.admin import {alias.name}"
                    for alias in node.names
                    if alias.name in {"helpers", "views", "templatetags"}
                ]
        elif isinstance(node, ast.Import):
            found += [
                f"import {alias.name}"
                for alias in node.names
                if alias.name.startswith(INTERNAL_MODULES)
            ]
        elif isinstance(node, ast.Name) and node.id in INTERNAL_NAMES:
            found.append(node.id)
        elif isinstance(node, ast.Attribute) and node.attr in INTERNAL_NAMES:
            found.append(node.attr)
        elif isinstance(node, ast.FunctionDef) and node.name in INTERNAL_HOOKS:
            found.append(f"def {node.name}")
        elif isinstance(node, ast.Assign):
            found += [
                target.id
                for target in node.targets
                if isinstance(target, ast.Name) and target.id in INTERNAL_HOOKS
            ]
    return found


def template_uses(text: str) -> list[str]:
    return [
        match.group(0) for pattern in TEMPLATE_PATTERNS for match in re.finditer(pattern, text)
    ]


def test_there_is_code_and_templates_to_check():
    assert ROOT / "programs" / "intake" / "admin" / "workspace.py" in CODE
    assert ROOT / "templates" / "admin" / "intake" / "workspace.html" in TEMPLATES


@pytest.mark.parametrize(
    "source",
    [
        "from django.contrib.admin.templatetags.admin_list import results",
        "from django.contrib.admin.views.main import ChangeList",
        "import django.contrib.admin.views.main",
        "from django.contrib.admin import helpers",
        "class Rows(admin.views.main.ChangeList): pass",
        "class A:\n    def get_changelist(self, request): return Mine",
        "class A:\n    change_list_template = 'admin/x.html'",
    ],
)
def test_the_check_finds_internals(source):
    assert internal_uses(source)


@pytest.mark.parametrize(
    "text",
    [
        "{% load admin_list intake_admin %}",
        "{% result_list cl %}",
        "{% fast_result_list cl %}",
        '{% extends "admin/change_list.html" %}',
        "{{ cl.result_count }}",
        '{% include "admin/pagination.html" %}',
    ],
)
def test_the_check_finds_copied_templates(text):
    assert template_uses(text)


def test_documented_hooks_pass_the_check():
    source = (
        "from django.contrib import admin\n"
        "class A(admin.ModelAdmin):\n"
        "    list_display = ['a']\n"
        "    def get_urls(self): return super().get_urls()\n"
        "    def changelist_view(self, request, extra_context=None): pass\n"
    )
    assert internal_uses(source) == []
    assert template_uses('{% extends "admin/base_site.html" %}<table id="result_list">') == []


@pytest.mark.parametrize("path", CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_uses_the_admins_change_list_internals(path):
    assert internal_uses(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_admin_template_copies_the_change_list(path):
    assert template_uses(path.read_text(encoding="utf-8")) == []


def test_the_forked_files_are_gone():
    for gone in (
        "programs/intake/admin/rows.py",
        "programs/intake/admin/checkboxes.py",
        "programs/intake/admin/contacts.py",
        "templates/admin/programs/capped",
        "templates/admin/programs/contactrequest",
        "templates/admin/programs/auditentry",
        "templates/admin/programs/fast_change_list.html",
        "templates/admin/programs/response/change_list.html",
    ):
        assert not (ROOT / gone).exists(), gone
