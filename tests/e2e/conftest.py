"""Browser fixtures: one Chromium per module, a fresh context (a new person) per test."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.e2e.helpers import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="module")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `make test` installs the Debian package `chromium`")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        # Playwright gives the browser a fresh, temporary user-data dir.
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def browser(chromium):
    """A fresh context per test: its own cookies, like a new person at a new laptop."""
    context = chromium.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    yield context
    context.close()
