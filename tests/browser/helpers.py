"""Steps the browser journeys share."""

from __future__ import annotations

from typing import Any

CALM_PICKS: dict[str, Any] = {
    "for_whom": "self",
    "age_group": "adult",
    "substances": ["cannabis"],
    "frequency": "weekly",
    "control": "can_stop",
    "withdrawal": "none",
    "medical": "none",
    "pregnant": "not_applicable",
    "mood": "none",
    "self_harm_thoughts": "no",
    "past_treatment": "none",
    "readiness": "ready",
    "home": "supportive",
    "support": "several",
    "hours_available": "9_to_19",
    "telehealth": "not_sure",
    "medication_interest": "no",
}


def answer_questionnaire(
    page, danger: list[str] | None = None, path: str = "/questionnaire/", **overrides: Any
) -> None:
    """Open the questionnaire (at `path`, e.g. /es/questionnaire/), tick the answers, submit."""
    page.goto(page.base + path)
    for value in danger or []:
        page.check(f'input[name="danger_now"][value="{value}"]')
    picks = {**CALM_PICKS, **overrides}
    for key, value in picks.items():
        for item in value if isinstance(value, list) else [value]:
            page.check(f'input[name="{key}"][value="{item}"]')
    with page.expect_navigation():
        page.click("button[type=submit]")


def no_horizontal_scroll(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"
    )


def second_step(page, user) -> None:
    """After the password, the admin's code page: the 6 digits the user's authenticator app
    shows now, computed from its secret (tests/factories/two_factor.py)."""
    from tests.factories.two_factor import app_device, next_code

    if "/admin/two-factor/code/" in page.url:
        page.fill("input[name=code]", next_code(app_device(user)))
        with page.expect_navigation():
            page.get_by_role("button", name="Sign in").click()
