"""The help-and-facts pages' short names and addresses, for every page's menu.

Fixed in code and translated with the other interface words, so the menu, shown on every
page (the questionnaire and result pages, which are never cached, too), costs no query.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from programs.guides.content import SLUGS

__all__ = ["MENU", "GuideLink", "guide_links"]

# Each page's short name; the order and the addresses are the content's (SLUGS).
NAMES = {
    "overdose": _("Overdose and naloxone"),
    "medications": _("Medicines for opioid and alcohol use"),
    "pregnancy": _("Pregnancy"),
    "families": pgettext_lazy("help page", "For families"),
    "teens": _("Teens"),
    "safety": _("Safety at home"),
    "paying-for-care": _("Paying for care"),
}
MENU = tuple((slug, NAMES[slug]) for slug in SLUGS)


@dataclass(frozen=True)
class GuideLink:
    slug: str
    name: str
    url: str


def guide_links() -> list[GuideLink]:
    """Every help-and-facts page in menu order, named and addressed in the active language."""
    return [
        GuideLink(slug=slug, name=str(name), url=reverse("programs:guide", args=[slug]))
        for slug, name in MENU
    ]
