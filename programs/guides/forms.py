"""The admin's checks on a help-and-facts section an editor writes."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

import markdown
from django import forms
from django.urls import Resolver404, resolve
from django.utils import translation

from programs.guides.models import GuideSection
from programs.guides.rendering import SITE_PATH
from programs.helplines.tokens import unknown_tokens

# Each link Markdown makes, with its address and its words.
_LINK = re.compile(r'<a\b[^>]*?href="([^"]*)"[^>]*>(.*?)</a>', re.S)


def _check_body(text: str) -> str:
    problems = []
    unknown = unknown_tokens(text)
    if unknown:
        problems.append(
            "Unknown helpline code: "
            + ", ".join(unknown)
            + ". Use a key from the Helplines table, for example [[samhsa]] or [[dv.text]]."
        )
    for href, words in _LINK.findall(markdown.markdown(text)):
        href = unescape(href)
        if "[[" in href or "[[" in words:
            problems.append(
                "A helpline code cannot be part of a link: write it outside the brackets."
            )
            continue
        if not SITE_PATH.match(href):
            problems.append(
                f"The link {href} leaves this site. Links may only go to pages of this site, "
                "written as their address, for example /medications/."
            )
            continue
        try:
            with translation.override("en"):
                resolve(urlsplit(href).path)
        except (Resolver404, ValueError):
            problems.append(
                f"The link {href} goes to no page of this site. Use the English address, "
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
