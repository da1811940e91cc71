from tests.guides.page_checks import tokens, typed_numbers, unknown_tokens


def page(body: str) -> dict:
    return {
        "title": "T",
        "summary": "S",
        "sections": [{"heading": "H", "body": body}],
        "sources": [],
    }


def test_known_tokens_pass():
    body = "Call [[dv]] (TTY [[dv.tty]]), text [[dv.code]] to [[dv.text]] or [[emergency]]."
    assert unknown_tokens(page(body)) == []
    assert tokens(page(body)) == {
        "[[dv]]",
        "[[dv.tty]]",
        "[[dv.code]]",
        "[[dv.text]]",
        "[[emergency]]",
    }


def test_unknown_helpline_part_or_malformed_token_is_caught():
    assert unknown_tokens(page("Call [[hotline]].")) == ["[[hotline]]"]
    assert unknown_tokens(page("TTY [[emergency.tty]].")) == ["[[emergency.tty]]"]
    assert unknown_tokens(page("Call [[DV]].")) == ["malformed token in: Call [[DV]]."]


def test_typed_numbers_and_codes_are_caught():
    body = "Call 911 or 1-800-799-7233, or text START to 88788."
    assert typed_numbers(page(body)) == ["911", "800-799-7233", "1-800-", "88788", "START"]
    assert typed_numbers(page("Call [[dv]] in 2024, within 180 days.")) == []
