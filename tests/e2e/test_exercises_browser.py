"""A learner without code does an exercise in Chromium: from the catalogue's « Exercices »
card, fetch it, answer wrongly, « Vérifier ma réponse » says what is missing, answer again,
check, submit. Screenshots in tests/artifacts/."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect

from atelier_ia.exercises.course import LEARNERS_GROUP
from tests.e2e.helpers import ARTIFACTS, open_workshop
from tests.hub_harness import atelier

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0, reason="Unix accounts need root (CI runs as root)"
)

ASSIGNMENT = "03-donnees-47"
LEARNER = "lucie"


@pytest.fixture(scope="module")
def released(platform):
    trainer = platform.login("formateur", platform.admin_password)
    platform.api(trainer, "POST", f"/users/{LEARNER}")
    added = platform.api(
        trainer, "POST", f"/groups/{LEARNERS_GROUP}/users", json={"users": [LEARNER]}
    )
    assert added.status_code == 200, added.text
    done = atelier(platform, "exercises", "release", ASSIGNMENT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_learner_fetches_checks_and_submits_without_code(browser, platform, released):
    page = open_workshop(
        browser, platform, LEARNER, "Exercices", "**/workshops/exercices/exercices.ipynb"
    )
    row = page.locator(f".atelier-assignment-{ASSIGNMENT}")
    expect(row).to_contain_text("à récupérer", timeout=60_000)
    page.screenshot(path=str(ARTIFACTS / "exercices-liste.png"), full_page=True)

    row.get_by_role("button", name="Récupérer").click()
    answer = page.locator(".atelier-answer-reponse textarea")
    expect(answer).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Quelle intercommunalité du Lot-et-Garonne")).to_be_visible()

    # The close second: « Vérifier ma réponse » names what is wrong, from the data.
    answer.fill("Val de Garonne Agglomération, avec 43 communes.")
    page.get_by_role("button", name="Vérifier ma réponse").click()
    check = page.locator(".atelier-check")
    expect(check).to_contain_text("Ce qui manque", timeout=60_000)
    expect(check).to_contain_text("n'est pas l'intercommunalité qui compte le plus de communes")
    check.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "exercices-verification.png"), full_page=True)

    answer.fill("L'Agglomération d'Agen, avec 44 communes.")
    page.get_by_role("button", name="Vérifier ma réponse").click()
    expect(check).to_contain_text("Tout est en ordre", timeout=60_000)

    page.get_by_role("button", name="Remettre").click()
    expect(page.locator(".atelier-answer").last).to_contain_text("est remis", timeout=60_000)
    expect(row.locator(".atelier-state")).to_have_text("remis")
    row.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "exercices-remis.png"), full_page=True)

    # What she handed in is in the exchange, under her name and her own account.
    inbound = platform.state_dir / "exchange" / "acculturation-ia" / "inbound"
    (submission,) = inbound.glob(f"{LEARNER}+{ASSIGNMENT}+*")
    assert submission.stat().st_uid == platform.account(LEARNER).pw_uid
    notebook = (submission / f"{ASSIGNMENT}.ipynb").read_text()
    assert "Agglomération d'Agen, avec 44 communes" in notebook
    page.close()
