"""What browser tests share: Debian's Chromium, logging in, opening a workshop."""

from __future__ import annotations

from tests.hub_harness import ROOT

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def log_in(page, platform, username, password):
    page.goto(f"{platform.url}/hub/login")
    page.get_by_label("Votre identifiant").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()


def open_workshop(browser, platform, username: str, title: str, url_pattern: str):
    """A participant logs in, lands on the catalogue and opens a workshop from its card."""
    page = browser.new_page()
    log_in(page, platform, username, platform.workshop_password)
    page.wait_for_url("**/user/*/catalogue", timeout=120_000)
    page.get_by_role("link", name=f"Ouvrir l'atelier « {title} »").click()
    page.wait_for_url(url_pattern, timeout=60_000)
    return page
