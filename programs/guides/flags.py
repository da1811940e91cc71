"""Which help-and-facts page a result-page flag links to."""

from __future__ import annotations

from programs.guides.menu import GuideLink, guide_links

__all__ = ["FLAG_GUIDES", "FAMILIES", "guides_for"]

# The triage engine's flag name → the page that says more (programs/questionnaire/triage.py).
FLAG_GUIDES: dict[str, str] = {
    "naloxone": "overdose",
    "pregnancy": "pregnancy",
    "pregnancy_moud": "pregnancy",
    "safety_resources": "safety",
    "adolescent": "teens",
    "medication": "medications",
}
# For answers given about someone else.
FAMILIES = "families"


def guides_for(
    flags: list[str], *, for_someone_else: bool
) -> tuple[dict[str, GuideLink], GuideLink | None]:
    """Each flag's page (once per page), and the families page for answers about someone else."""
    links = {link.slug: link for link in guide_links()}
    by_flag: dict[str, GuideLink] = {}
    for flag in flags:
        slug = FLAG_GUIDES.get(flag)
        # One link to a page: on the first (most urgent) flag that leads there.
        if slug in links and links[slug] not in by_flag.values():
            by_flag[flag] = links[slug]
    return by_flag, links.get(FAMILIES) if for_someone_else else None
