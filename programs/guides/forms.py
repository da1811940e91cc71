"""The admin's checks on a help-and-facts section an editor writes."""

from __future__ import annotations

import re

from django import forms
from django.urls import Resolver404, resolve
from django.utils import translation

from programs.guides.models import GuideSection
from programs.helplines.tokens import unknown_tokens

# Markdown links to a page of this site: [words](/path/)
_SITE_LINK = re.compile(r"\]\((/[^)\s]*)\)")


def _check_body(text: str) -> str:
    problems = []
    unknown = unknown_tokens(text)
    if unknown:
        problems.append(
            "Unknown helpline code: "
            + ", ".join(unknown)
            + ". Use a key from the Helplines table, for example [[samhsa]] or [[dv.text]]."
        )
    for path in _SITE_LINK.findall(text):
        try:
            with translation.override("en"):
                resolve(path.split("#")[0].split("?")[0])
        except Resolver404:
            problems.append(
                f"The link {path} goes to no page of this site. Use the English address, "
                "for example /medications/: Spanish pages show it in Spanish."
            )
    if problems:
        raise forms.ValidationError(problems)
    return text


class GuideSectionForm(forms.ModelForm):
    class Meta:
        model = GuideSection
        fields = ["heading", "body", "heading_es", "body_es", "order"]

    def clean_body(self) -> str:
        return _check_body(self.cleaned_data["body"])

    def clean_body_es(self) -> str:
        return _check_body(self.cleaned_data["body_es"])
