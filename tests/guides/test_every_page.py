"""What every help-and-facts page shares, checked on each of them: its shape, its Spanish,
its reading level, and helplines only by token from the table (never a typed number).
Each page's own facts and myths are in its test_<page>_content.py."""

from __future__ import annotations

import pytest

from programs.guides.content import SLUGS, pages, spanish
from tests.guides import readability
from tests.guides.page_checks import (
    assert_page_shape,
    assert_same_shape_in_spanish,
    assert_usted,
    typed_numbers,
    unknown_tokens,
)

ENGLISH = dict(zip(SLUGS, pages(), strict=True))


@pytest.mark.parametrize("slug", SLUGS)
def test_a_page_has_five_to_nine_sections_with_sources_and_a_review_date(slug):
    assert_page_shape(ENGLISH[slug], slug)


@pytest.mark.parametrize("slug", SLUGS)
def test_its_spanish_has_the_same_shape_helplines_and_links(slug):
    assert_same_shape_in_spanish(ENGLISH[slug], spanish(slug))


@pytest.mark.parametrize("slug", SLUGS)
def test_its_spanish_speaks_to_the_reader_as_usted(slug):
    assert_usted(spanish(slug))


@pytest.mark.parametrize("slug", SLUGS)
def test_it_reads_at_grade_eight_or_below(slug):
    assert readability.grade(readability.main_text(ENGLISH[slug])) <= 8.5


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("slug", SLUGS)
def test_it_types_no_helpline_number_and_names_only_known_helplines(slug, language):
    page = ENGLISH[slug] if language == "en" else spanish(slug)
    assert typed_numbers(page) == []
    assert unknown_tokens(page) == []
