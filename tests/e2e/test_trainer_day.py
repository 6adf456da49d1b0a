"""The trainer's live view and the participant's « Emporter mes travaux », in Chromium."""

from __future__ import annotations

import re
import zipfile

from playwright.sync_api import expect

from tests.e2e.helpers import ARTIFACTS, log_in, open_workshop

LIVE_VIEW = "/services/suivi/"


def generate_in_playground(page, prompt: str) -> str:
    page.get_by_label("Votre demande").fill(prompt)
    page.get_by_role("button", name="Générer").click()
    expect(page.locator(".atelier-stats")).to_contain_text("Jetons :", timeout=120_000)
    return page.locator(".atelier-answer").inner_text()


def test_live_view_shows_the_room_to_trainers_only(browser, platform):
    # A participant works in the playground…
    participant = open_workshop(
        browser, platform, "yvette", "Bac à sable", "**/00-bac-a-sable/bac-a-sable.ipynb"
    )
    generate_in_playground(participant, "Donne trois idées de jeux pour la fête du village.")

    # …and may not open the live view: the hub's 403 page, in French.
    response = participant.goto(f"{platform.url}{LIVE_VIEW}")
    assert response.status == 403
    expect(participant.get_by_role("heading", name="Accès refusé")).to_be_visible()
    expect(participant.get_by_text("réservées aux formateurs")).to_be_visible()
    participant.screenshot(path=str(ARTIFACTS / "suivi-refuse.png"))

    # A trainer opens it in another browser.
    trainer_context = browser.browser.new_context(
        locale="fr-FR", viewport={"width": 1280, "height": 1100}
    )
    try:
        trainer = trainer_context.new_page()
        log_in(trainer, platform, "formateur", platform.admin_password)
        trainer.wait_for_url("**/user/formateur/lab**", timeout=120_000)
        trainer.goto(f"{platform.url}{LIVE_VIEW}")
        trainer.wait_for_url("**/services/suivi/voila/render/suivi-de-salle.ipynb")
        expect(trainer.get_by_role("heading", name="Suivi de la salle")).to_be_visible(
            timeout=60_000
        )
        people = trainer.locator("table.atelier-live-table").first
        row = people.locator("tr", has_text="yvette")
        expect(row).to_contain_text("bac-a-sable", timeout=30_000)
        expect(row).to_contain_text("connecté")
        expect(trainer.locator(".atelier-live-bars").first).to_contain_text("demande(s)")
        expect(trainer.get_by_text("Jetons par modèle")).to_be_visible()

        # The page refreshes itself: a quiz answered now appears without a reload.
        trainer.evaluate("window.notReloaded = true")
        before = trainer.get_by_text(re.compile(r"^Avant : \d+ réponse"))
        expect(before).to_be_visible()
        # Other tests may have answered the quiz on this shared platform: count from here.
        answered = int(re.search(r"(\d+) réponse", before.inner_text()).group(1))
        answer_quiz(participant, platform)
        expect(trainer.get_by_text(f"Avant : {answered + 1} réponse(s)")).to_be_visible(
            timeout=30_000
        )
        expect(trainer.locator("tr", has_text="yvette")).to_contain_text("quiz", timeout=30_000)
        assert trainer.evaluate("window.notReloaded") is True
        trainer.screenshot(path=str(ARTIFACTS / "suivi-de-salle.png"), full_page=True)
    finally:
        trainer_context.close()
    participant.close()


def answer_quiz(page, platform) -> None:
    page.goto(f"{platform.url}/user/yvette/voila/render/workshops/quiz/quiz.ipynb")
    groups = page.locator(".widget-radio-box")
    expect(groups.first).to_be_visible(timeout=60_000)
    for index in range(groups.count()):
        groups.nth(index).locator("input").first.check()
    page.get_by_role("button", name="Valider mes réponses").click()
    expect(page.locator(".atelier-score")).to_contain_text("enregistrées", timeout=30_000)


def test_participant_takes_their_work_away(browser, platform, tmp_path):
    page = open_workshop(
        browser, platform, "gaston", "Bac à sable", "**/00-bac-a-sable/bac-a-sable.ipynb"
    )
    answer = generate_in_playground(page, "Écris une phrase d'accueil pour la mairie.")
    page.goto(f"{platform.url}/user/gaston/catalogue")
    link = page.get_by_role("link", name="Emporter mes travaux (1 fichier, mes-travaux.zip)")
    expect(link).to_be_visible(timeout=30_000)
    with page.expect_download() as info:
        link.click()
    saved = tmp_path / "mes-travaux.zip"
    info.value.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        (name,) = archive.namelist()
        assert name.startswith("mes-travaux/bac-a-sable/") and name.endswith(".md")
        text = archive.read(name).decode("utf-8")
    assert "Écris une phrase d'accueil pour la mairie." in text
    assert answer.strip() in text
    page.close()
