"""Workshop 1 « Comment un modèle écrit », with the real embedded model behind a real hub."""

from __future__ import annotations

import pytest

from atelier_ia.apps.how_it_writes import DRAWS, HowItWrites, first_word
from atelier_ia.llm import LLMClient
from atelier_ia.llm.tokens import demo_tokens


@pytest.fixture(scope="module")
def app(platform):
    session = platform.login("karim")
    token = platform.new_token(session, "karim")
    return HowItWrites(LLMClient(host=f"{platform.url}/services/gateway", token=token))


def test_tokens_of_a_sentence_rebuild_it():
    sentence = "Le conseil municipal de Nérac délibère."
    pieces = demo_tokens(sentence)
    assert "".join(pieces) == sentence
    assert len(pieces) > len(sentence.split()), "more tokens than words"


def test_tokens_are_shown(app):
    app.sentence.value = "Délibération du conseil"
    pieces = app.show_tokens()
    assert app.tokens.value.count("atelier-token") == len(pieces)


def test_temperature_zero_always_draws_the_same_word(app):
    app.temperature.value = 0.0
    counts = app.draw()
    assert sum(counts.values()) == DRAWS
    assert len(counts) == 1, counts


def test_same_seed_same_draws_at_high_temperature(app):
    app.temperature.value = 1.4
    app.seed.value = 7
    first = app.draw()
    second = app.draw()
    assert first == second
    assert f"sur {DRAWS}" in app.draws.value


def test_the_trap_answer_is_judged_by_code(app):
    assert "2121-99" in app.trap.value
    verdict = app.judge("Selon l'article L. 2121-99, le maire… et l'article L. 2121-29 dit…")
    assert "n'existe pas" in verdict
    assert "« L. 2121-99 » n&#x27;est pas dans la liste des articles connus" in verdict
    assert "« L. 2121-29 » est un article connu" in verdict
    text = app.ask()
    assert text.strip()
    assert "La vérité" in app.verdict.value


def test_first_word():
    assert first_word(" Fêtes, et") == "fêtes"
    assert first_word("") == "(rien)"
