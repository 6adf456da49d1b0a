"""Workshop 7 « Comparer les modèles » and the records it leaves, against a running gateway
(FakeOllama stands in for an Ollama server serving two models)."""

from __future__ import annotations

import random

import httpx

from atelier_ia.apps.arena import Arena, pick_contenders
from atelier_ia.llm import LLMClient
from tests.fake_ollama import Behaviour, FakeOllama
from tests.gateway_harness import TRAINER, RunningGateway, gateway_settings, token_for


def test_pick_contenders():
    rng = random.Random(1)
    a, b, two = pick_contenders(["m1", "m2", "m3"], rng)
    assert two and a.model != b.model
    a, b, two = pick_contenders(["seul"], rng)
    assert not two and a.model == b.model == "seul"
    assert {a.temperature, b.temperature} == {0.2, 1.2}


def test_duel_vote_reveal_and_the_trainers_view(tmp_path):
    fake = FakeOllama(models=("mistral:7b", "qwen:7b"), behaviour=Behaviour(tokens=4)).start()
    try:
        backends = [{"name": "gpu", "kind": "ollama", "url": fake.url}]
        models = [
            {"name": "mistral:7b", "backends": ["gpu"], "label": "Mistral 7B"},
            {"name": "qwen:7b", "backends": ["gpu"], "label": "Qwen 7B"},
        ]
        with RunningGateway(gateway_settings(tmp_path, backends, models)) as gw:
            app = Arena(LLMClient(host=gw.url, token=token_for("ana")), random.Random(3))
            first, second = app.duel()
            assert first == second == "mot0 mot1 mot2 mot3 "
            assert {s.user_text for s in fake.served} == {app.question.value}
            assert not app.vote_buttons[0].disabled
            app.vote("B")
            assert "Votre vote est enregistré" in app.reveal.value
            assert "Mistral 7B" in app.reveal.value and "Qwen 7B" in app.reveal.value
            assert "7B" in app.reveal.value and "jetons/s" in app.reveal.value
            assert all(b.disabled for b in app.vote_buttons)

            mine = httpx.get(f"{gw.url}/records/arene/mine", headers=gw.headers("ana")).json()
            assert mine["records"][0]["payload"]["choice"] == "B"
            assert (
                httpx.get(f"{gw.url}/records/arene", headers=gw.headers("ana")).status_code == 403
            )
            room = httpx.get(f"{gw.url}/records/arene", headers=gw.headers(TRAINER)).json()
            assert [r["user"] for r in room["records"]] == ["ana"]
            assert {
                room["records"][0]["payload"]["A"]["model"],
                room["records"][0]["payload"]["B"]["model"],
            } == {"mistral:7b", "qwen:7b"}
            bad = httpx.post(f"{gw.url}/records/inconnu", json={}, headers=gw.headers("ana"))
            assert bad.status_code == 404 and "quiz" in bad.json()["error"]
            not_object = httpx.post(
                f"{gw.url}/records/quiz", json=[1, 2], headers=gw.headers("ana")
            )
            assert not_object.status_code == 400
    finally:
        fake.stop()
