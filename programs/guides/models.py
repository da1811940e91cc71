"""The help-and-facts pages: overdose, medicines, pregnancy, families, teens, safety, paying."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse

from programs.core.i18n import TranslatedFieldsMixin
from programs.guides.content import SLUGS
from programs.levels.models import spanish_char, spanish_text

# The pages the site has (programs.guides.content.SLUGS): each has its own address
# (programs/urls.py), so editors correct a page's words but never add or rename one.
SLUG_PATTERN = "|".join(SLUGS)
BODY_HELP = (
    "Markdown: a blank line between paragraphs, lines starting with “- ” or “1. ” for lists, "
    "**bold**, [words](/medications/) for a link to another page of this site. Phone numbers "
    "come from the helpline table: write [[dv]], [[dv.tty]], [[dv.code]], [[dv.text]] or "
    "[[dv.chat]] (see Helplines), never the digits."
)


class GuidePageQuerySet(models.QuerySet):
    def with_sections(self) -> GuidePageQuerySet:
        return self.prefetch_related("sections")


class GuidePage(TranslatedFieldsMixin, models.Model):
    TRANSLATED_FIELDS = ("title", "summary")

    slug = models.SlugField(max_length=40, unique=True, choices=[(s, s) for s in SLUGS])
    title = models.CharField(max_length=120)
    summary = models.CharField(max_length=400, help_text="One or two sentences under the title.")
    reviewed_on = models.DateField(
        "facts last reviewed on",
        help_text="Shown on the page. Change it when you have checked the facts again.",
    )
    sources = models.TextField(help_text="One source a line, as the page lists them.")
    levels = models.ManyToManyField(
        "programs.TreatmentLevel",
        related_name="guides",
        blank=True,
        help_text="The level pages that link to this page.",
    )
    order = models.PositiveSmallIntegerField(default=0)
    title_es = spanish_char(160, "title (Spanish)")
    summary_es = spanish_char(500, "summary (Spanish)")

    objects = GuidePageQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "help-and-facts page"
        constraints = [
            models.CheckConstraint(condition=Q(slug__in=SLUGS), name="guidepage_known_slug"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programs:guide", args=[self.slug])

    def source_list(self) -> list[str]:
        return [line.strip() for line in self.sources.splitlines() if line.strip()]


class GuideSection(TranslatedFieldsMixin, models.Model):
    TRANSLATED_FIELDS = ("heading", "body")

    page = models.ForeignKey(GuidePage, on_delete=models.CASCADE, related_name="sections")
    heading = models.CharField(max_length=150)
    body = models.TextField(help_text=BODY_HELP)
    order = models.PositiveSmallIntegerField(default=0)
    heading_es = spanish_char(200, "heading (Spanish)")
    body_es = spanish_text("body (Spanish)")

    class Meta:
        ordering = ["page", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.page.title}: {self.heading}"
