"""Workshop 8 « Confiance et transparence »: its logic needs no model, so it runs here."""

from __future__ import annotations

import base64
import re

from atelier_ia.apps.trust import CASES, EXAMPLE_MENTION, Trust


def test_classification_game_scores_and_explains():
    app = Trust()
    for case, choice in zip(CASES, app.choices, strict=True):
        choice.value = case.answer
    assert app.check_cases() == len(CASES)
    assert f"{len(CASES)} bonne(s) réponse(s) sur {len(CASES)}" in app.score.value
    assert all("✓ Oui" in f.value for f in app.feedback)

    app.choices[1].value = "Risque minimal"  # the benefits-scoring case is high-risk
    app.choices[0].value = None
    assert app.check_cases() == len(CASES) - 2
    assert "✗ Non, c'est « Haut risque »" in app.feedback[1].value
    assert "annexe III, point 5 a" in app.feedback[1].value
    assert "Choisissez une réponse" in app.feedback[0].value


def test_every_case_cites_its_source():
    for case in CASES:
        assert re.search(r"art\.|annexe", case.why), case.text


def test_mention_is_checked_and_the_example_passes():
    app = Trust()
    app.mention.value = "Décision prise par ordinateur."
    findings = app.check_mention()
    assert any(f.severity == "erreur" for f in findings)
    assert "✗ manquant" in app.mention_result.value
    app.mention.value = EXAMPLE_MENTION
    assert all(f.passed for f in app.check_mention())
    assert "5 sur 5" in app.mention_result.value


def test_charter_keeps_the_choices_and_downloads_as_markdown():
    app = Trust()
    app.authority.value = "Commune de Nérac"
    app.allowed[0].value = False
    text = app.make_charter()
    assert text.startswith("# Charte d'usage de l'IA générative — Commune de Nérac")
    assert app.allowed[0].description not in text
    assert app.allowed[1].description in text and app.forbidden[0].description in text
    link = re.search(r"base64,([A-Za-z0-9+/=]+)'", app.charter.value).group(1)
    assert base64.b64decode(link).decode() == text
    assert "download='charte-ia.md'" in app.charter.value
