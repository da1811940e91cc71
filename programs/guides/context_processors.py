"""The help-and-facts pages for every page's menu."""

from __future__ import annotations

from django.http import HttpRequest

from programs.guides.menu import guide_links


def guide_menu(request: HttpRequest) -> dict:
    """``guide_links``: a callable, so pages that show no menu (the admin) read nothing."""
    return {"guide_links": guide_links}
