"""Checks every help-and-facts page shares: its shape, its Spanish, its helpline tokens."""

import re

# The helpline table's keys and parts (tokens are replaced from programs/helplines).
KNOWN_TOKENS = {
    "emergency",
    "lifeline",
    "veterans",
    "lifeline_es",
    "samhsa",
    "poison",
    "dv",
    "loveisrespect",
    "childhelp",
    "alanon",
}
PARTS = {"phone", "tty", "text", "code", "chat", "name"}
TOKEN = re.compile(r"\[\[([a-z_]+)(?:\.([a-z]+))?\]\]")
LINK = re.compile(r"\]\((/[^)]*)\)")
TU = re.compile(r"\b(tú|tu|tus|te|ti|tienes|puedes|eres|estás|necesitas)\b", re.IGNORECASE)


def raw_texts(page):
    """Every string a visitor can see, as written (tokens and links unreplaced)."""
    yield page["title"]
    yield page["summary"]
    yield page["menu_title"]
    for section in page["sections"]:
        yield section["heading"]
        yield section["body"]


def section(page, heading):
    """The body of the section with this heading."""
    (body,) = [s["body"] for s in page["sections"] if s["heading"] == heading]
    return body


def assert_page_shape(page, slug, menu_title):
    assert page["slug"] == slug
    assert page["menu_title"] == menu_title
    assert 5 <= len(page["sections"]) <= 9
    assert all(s["heading"] and s["body"].strip() for s in page["sections"])
    assert page["sources"]
    assert page["reviewed_on"] == "2026-12-03"
    assert page["levels"]


def assert_same_shape_in_spanish(page, page_es):
    assert page_es.keys() == page.keys()
    assert page_es["slug"] == page["slug"]
    assert page_es["reviewed_on"] == page["reviewed_on"]
    assert page_es["levels"] == page["levels"]
    assert len(page_es["sections"]) == len(page["sections"])
    for en, es in zip(page["sections"], page_es["sections"], strict=True):
        assert es["heading"]
        assert es["heading"] != en["heading"]
        # The same helplines and the same links, section by section.
        assert TOKEN.findall(es["body"]) == TOKEN.findall(en["body"])
        assert LINK.findall(es["body"]) == LINK.findall(en["body"])


def assert_usted(page_es):
    assert not [text for text in raw_texts(page_es) if TU.search(text)]


def assert_no_typed_helpline_numbers(page):
    for text in raw_texts(page):
        assert not re.search(r"\b(911|988)\b", text)
        assert not re.search(r"\d{3}-\d{3}-\d{4}", text)


def assert_tokens_are_known(page):
    for text in raw_texts(page):
        tokens = TOKEN.findall(text)
        # Nothing that looks like a token but is malformed.
        assert text.count("[[") == len(tokens)
        for key, part in tokens:
            assert key in KNOWN_TOKENS
            assert not part or part in PARTS
