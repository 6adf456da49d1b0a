"""What a participant does, in a real browser: Debian's Chromium driven by Playwright.

Screenshots go to tests/artifacts/ (git-ignored) for a person to review.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from atelier_ia.data import meeting_recording
from tests.e2e.helpers import ARTIFACTS, log_in, open_workshop


def test_participant_opens_playground_and_sees_text_stream(browser, platform):
    page = browser.new_page()
    log_in(page, platform, "bernard", platform.workshop_password)

    # Lands on the catalogue, a plain page of their server, without JupyterLab.
    page.wait_for_url("**/user/bernard/catalogue", timeout=120_000)
    expect(page.get_by_role("heading", name="Atelier IA")).to_be_visible(timeout=60_000)
    expect(page.locator(".atelier-card")).to_have_count(11)
    expect(page.locator(".atelier-soon")).to_have_count(0)
    page.screenshot(path=str(ARTIFACTS / "catalogue.png"), full_page=True)

    page.get_by_role("link", name="Ouvrir l'atelier « Bac à sable »").click()
    page.wait_for_url("**/workshops/00-bac-a-sable/bac-a-sable.ipynb", timeout=60_000)
    prompt = page.get_by_label("Votre demande")
    expect(prompt).to_be_visible(timeout=60_000)
    expect(page.locator(".atelier-banner")).to_contain_text("Modèle de démonstration")
    prompt.fill("Écris une liste de dix idées pour animer la fête du village de Nérac.")
    # Record every text the answer box shows, as the browser renders it.
    page.evaluate(
        """() => {
            window.seenAnswers = [];
            new MutationObserver(() => {
                const box = document.querySelector('.atelier-answer');
                if (box) window.seenAnswers.push(box.innerText);
            }).observe(document.body, {subtree: true, childList: true, characterData: true});
        }"""
    )
    page.get_by_role("button", name="Générer").click()

    stats = page.locator(".atelier-stats")
    expect(stats).to_contain_text("Jetons :", timeout=120_000)
    expect(stats).to_contain_text("en sortie")
    final = page.locator(".atelier-answer").inner_text()
    assert final.strip()
    seen = [text for text in page.evaluate("window.seenAnswers") if text.strip()]
    # The text arrived in pieces: the box showed several growing prefixes of the final answer.
    prefixes = {text for text in seen if final.startswith(text)}
    assert len(prefixes) >= 3, seen
    page.screenshot(path=str(ARTIFACTS / "bac-a-sable.png"), full_page=True)
    page.close()


def test_trainer_sees_jupyterlab_in_french(browser, platform):
    page = browser.new_page()
    log_in(page, platform, "formateur", platform.admin_password)
    page.wait_for_url("**/user/formateur/lab**", timeout=120_000)
    # JupyterLab's own menu bar, translated by the French language pack.
    expect(page.get_by_role("menuitem", name="Fichier")).to_be_visible(timeout=120_000)
    page.screenshot(path=str(ARTIFACTS / "jupyterlab-formateur.png"))
    page.close()


def test_personal_data_workshop(browser, platform):
    page = open_workshop(
        browser,
        platform,
        "chantal",
        "Données personnelles",
        "**/06-donnees-personnelles/donnees-personnelles.ipynb",
    )
    letter = page.get_by_label("Le courrier")
    expect(letter).to_be_visible(timeout=60_000)
    assert "Rose Martin" in letter.input_value()

    page.get_by_role("button", name="1. Repérer").click()
    marks = page.locator("mark.atelier-pii")
    expect(marks.first).to_be_visible(timeout=60_000)
    assert marks.count() >= 10
    expect(page.locator("table.atelier-findings")).to_contain_text("numéro de téléphone")
    page.locator(".atelier-highlighted").screenshot(
        path=str(ARTIFACTS / "donnees-personnelles-reperage.png")
    )

    page.get_by_role("button", name="2. Pseudonymiser").click()
    expect(page.locator(".atelier-check")).to_contain_text(
        "plus aucune donnée personnelle", timeout=30_000
    )
    page.get_by_role("button", name="3. Envoyer au modèle").click()
    expect(page.get_by_role("button", name="4. Rétablir les noms")).to_be_enabled(timeout=120_000)
    page.get_by_role("button", name="4. Rétablir les noms").click()
    expect(page.get_by_text("La réponse avec les vrais noms")).to_be_visible(timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "donnees-personnelles.png"), full_page=True)
    page.close()


def test_structured_prompt_workshop(browser, platform):
    page = open_workshop(
        browser,
        platform,
        "didier",
        "Structurer une demande",
        "**/02-structurer-une-demande/structurer-une-demande.ipynb",
    )
    expect(page.get_by_label("Rôle")).to_be_visible(timeout=60_000)
    page.get_by_role("button", name="Essayer la demande structurée").click()
    checklist = page.locator(".atelier-checklist")
    expect(checklist).to_contain_text("Vérification par le programme", timeout=120_000)
    expect(checklist).to_contain_text("sur 5")
    page.screenshot(path=str(ARTIFACTS / "structurer-une-demande.png"), full_page=True)
    page.close()


def test_trust_workshop(browser, platform):
    page = open_workshop(
        browser,
        platform,
        "emile",
        "Confiance et transparence",
        "**/08-confiance-transparence/confiance-transparence.ipynb",
    )
    expect(page.get_by_text("Cas 1.")).to_be_visible(timeout=60_000)
    # Answer the first case only, with the keyboard-reachable radio button, and check.
    page.get_by_role("radio", name="Obligation de transparence").first.check()
    page.get_by_role("button", name="Vérifier mes réponses").click()
    expect(page.locator(".atelier-score")).to_contain_text("1 bonne(s) réponse(s) sur 6")
    page.get_by_role("button", name="Voir un exemple").click()
    page.get_by_role("button", name="Vérifier ma mention").click()
    expect(page.locator(".atelier-checklist")).to_contain_text("5 sur 5")
    page.get_by_label("Collectivité").fill("Commune de Nérac")
    page.get_by_role("button", name="Créer la charte").click()
    download_link = page.locator("a.atelier-download")
    expect(download_link).to_be_visible()
    with page.expect_download() as download:
        download_link.click()
    saved = ARTIFACTS / "charte-ia.md"
    download.value.save_as(saved)
    assert "Commune de Nérac" in saved.read_text(encoding="utf-8")
    page.screenshot(path=str(ARTIFACTS / "confiance-transparence.png"), full_page=True)
    page.close()


def test_deliberation_workshop(browser, platform):
    page = open_workshop(
        browser,
        platform,
        "fabienne",
        "Rédiger une délibération",
        "**/03-rediger-une-deliberation/rediger-une-deliberation.ipynb",
    )
    expect(page.get_by_label("Objet")).to_be_visible(timeout=60_000)
    page.get_by_role("button", name="Rédiger le projet").click()
    expect(page.get_by_text("Projet rédigé")).to_be_visible(timeout=180_000)
    assert page.get_by_label("Projet (modifiable)").input_value().strip()
    page.get_by_role("button", name="Vérifier").click()
    result = page.locator(".atelier-checklist")
    expect(result).to_contain_text("Vérification par le programme", timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "rediger-une-deliberation.png"), full_page=True)
    page.close()


def test_minutes_workshop(browser, platform):
    page = open_workshop(
        browser,
        platform,
        "henri",
        "De la réunion au procès-verbal",
        "**/04-reunion-proces-verbal/reunion-proces-verbal.ipynb",
    )
    expect(page.get_by_label("Transcription")).to_be_visible(timeout=60_000)
    # From the recording: the shipped sample, uploaded as a person would their own.
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name=re.compile("Choisir un enregistrement")).click()
    chooser.value.set_files(str(meeting_recording()))
    page.get_by_role("button", name="Transcrire mon enregistrement").click()
    expect(page.locator(".atelier-segment").first).to_contain_text("[00:00 →", timeout=120_000)
    page.screenshot(path=str(ARTIFACTS / "reunion-enregistrement-en-cours.png"), full_page=True)
    expect(page.get_by_text("Transcription terminée")).to_be_visible(timeout=180_000)
    transcript = page.get_by_label("Transcription")
    expect(transcript).to_have_value(re.compile(r"^\[Transcription automatique"))
    assert "subvention" in transcript.input_value().lower()
    page.screenshot(path=str(ARTIFACTS / "reunion-enregistrement.png"), full_page=True)
    page.get_by_role("button", name="Rédiger le PV et la liste").click()
    expect(page.get_by_text("Projet rédigé")).to_be_visible(timeout=240_000)
    page.get_by_role("button", name="Vérifier").click()
    expect(page.locator(".atelier-checklist")).to_contain_text(
        "Vérification par le programme", timeout=60_000
    )
    expect(page.get_by_text("a peut-être été")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "reunion-proces-verbal.png"), full_page=True)
    page.close()


def test_arena_workshop(browser, platform):
    page = open_workshop(
        browser,
        platform,
        "irene",
        "Comparer les modèles",
        "**/07-comparer-les-modeles/comparer-les-modeles.ipynb",
    )
    page.get_by_role("button", name="Lancer le duel").click()
    vote = page.get_by_role("button", name="A est meilleure")
    expect(vote).to_be_enabled(timeout=180_000)
    vote.click()
    reveal = page.locator(".atelier-reveal")
    expect(reveal).to_contain_text("Votre vote est enregistré", timeout=30_000)
    expect(reveal).to_contain_text("SmolLM2")
    page.screenshot(path=str(ARTIFACTS / "comparer-les-modeles.png"), full_page=True)
    page.close()


def test_quiz(browser, platform):
    page = open_workshop(browser, platform, "jules", "Quiz : avant et après", "**/quiz/quiz.ipynb")
    expect(page.get_by_text("1. Pour écrire")).to_be_visible(timeout=60_000)
    for choice in (
        "en tirant au sort parmi les mots les plus probables",
        "peut être inventée et doit être vérifiée",
        "règle la part de hasard dans le choix des mots",
        "transmet des données personnelles à un tiers",
        "restent des données personnelles",
        "depuis le 2 février 2025",
        "porter une mention explicite",
        "a été remplacé par le procès-verbal et la liste des délibérations",
        "un rôle, le contexte, la tâche et le format",
    ):
        page.get_by_role("radio", name=choice).check()
    page.get_by_role("button", name="Valider mes réponses").click()
    expect(page.locator(".atelier-score")).to_contain_text(
        "9 bonne(s) réponse(s) sur 9", timeout=30_000
    )
    expect(page.locator(".atelier-score")).to_contain_text("Vos réponses sont enregistrées")
    page.screenshot(path=str(ARTIFACTS / "quiz.png"), full_page=True)
    page.close()


def test_how_a_model_writes_workshop(browser, platform):
    page = open_workshop(
        browser,
        platform,
        "laure",
        "Comment un modèle écrit",
        "**/01-comment-un-modele-ecrit/comment-un-modele-ecrit.ipynb",
    )
    page.get_by_role("button", name="Voir les jetons").click()
    expect(page.locator(".atelier-token").first).to_be_visible(timeout=60_000)
    page.get_by_role("button", name="Tirer 12 fois le mot suivant").click()
    expect(page.locator("table.atelier-draws")).to_contain_text("sur 12", timeout=120_000)
    page.get_by_role("button", name="Demander au modèle").click()
    expect(page.get_by_text("La vérité")).to_be_visible(timeout=120_000)
    page.screenshot(path=str(ARTIFACTS / "comment-un-modele-ecrit.png"), full_page=True)
    page.close()


def test_territory_workshop(browser, platform):
    page = open_workshop(
        browser,
        platform,
        "martine",
        "Données territoriales",
        "**/05-donnees-territoriales/donnees-territoriales.ipynb",
    )
    expect(page.locator("table.atelier-communes")).to_contain_text("Agen", timeout=60_000)
    expect(page.get_by_role("img", name="Carte des départements")).to_be_visible()
    # The plotly chart is drawn by the browser (the JupyterLab plotly extension).
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=60_000)
    page.get_by_label("Chercher une commune").fill("Nérac")
    expect(page.locator("table.atelier-communes")).to_contain_text("1 communes")
    page.get_by_role("button", name="Demander un commentaire au modèle").click()
    checked = page.get_by_text(re.compile("Vérification par le programme|ne cite aucun chiffre"))
    expect(checked).to_be_visible(timeout=180_000)
    page.screenshot(path=str(ARTIFACTS / "donnees-territoriales.png"), full_page=True)
    page.close()
