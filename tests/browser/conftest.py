"""End-to-end tests in Debian's Chromium, driven by Playwright against the live server.

Playwright's own browser download is never used: the tests launch /usr/bin/chromium.
`make test-browser` installs Chromium when it is missing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-results" / "screenshots"
AXE = Path(__file__).parent / "vendor" / "axe-4.14.1.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
# As root in a container Chromium needs --no-sandbox; the rest keep it from calling out
# to Google's services, which this machine's closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        message = f"Chromium not found at {CHROMIUM}: run `make test-browser`, which installs it"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in the test thread, which makes
    # Django's ORM refuse to run there; the tests only touch the database between steps.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def _open(browser, live_server, **options):
    context = browser.new_context(**options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base = live_server.url
    page.csp_errors = []
    page.on(
        "console",
        lambda message: (
            page.csp_errors.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return context, page


@pytest.fixture
def page(browser, live_server, settings):
    # Every journey comes from 127.0.0.1; per-client limits are tested elsewhere.
    settings.RATELIMIT_ENABLED = False
    context, page = _open(browser, live_server, viewport=DESKTOP)
    yield page
    assert page.csp_errors == [], "the page broke its own Content-Security-Policy"
    context.close()


@pytest.fixture
def phone_page(browser, live_server, settings):
    settings.RATELIMIT_ENABLED = False
    context, page = _open(browser, live_server, viewport=PHONE, is_mobile=True, has_touch=True)
    yield page
    assert page.csp_errors == [], "the page broke its own Content-Security-Policy"
    context.close()


@pytest.fixture
def axe_page(browser, live_server, settings):
    """A page that may inject axe-core (the site's CSP would block it otherwise)."""
    settings.RATELIMIT_ENABLED = False
    context, page = _open(browser, live_server, viewport=DESKTOP, bypass_csp=True)
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def run_axe(page) -> list[dict]:
    """WCAG 2.1 A and AA violations on the current page, via axe-core."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {
                runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
            });
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
            }));
        }"""
    )
    return result
