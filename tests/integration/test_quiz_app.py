"""The opening and closing quiz: answers checked, kept by the gateway, before/after compared."""

from __future__ import annotations

import httpx

from atelier_ia.apps.quiz import QUESTIONS, Quiz
from atelier_ia.llm import LLMClient
from tests.gateway_harness import TRAINER, RunningGateway, gateway_settings, token_for


def answer_all(app: Quiz, right: int) -> None:
    for number, q in enumerate(QUESTIONS):
        wrong = next(choice for choice in q.choices if choice != q.answer)
        app.choices[q.key].value = q.answer if number < right else wrong


def test_quiz_before_and_after(tmp_path, fake):
    backends = [{"name": "gpu", "kind": "ollama", "url": fake.url}]
    settings = gateway_settings(tmp_path, backends, [{"name": "m:1b", "backends": ["gpu"]}])
    with RunningGateway(settings) as gw:
        app = Quiz(LLMClient(host=gw.url, token=token_for("ana")))
        assert app.validate() == -1 and "toutes les questions" in app.result.value
        answer_all(app, right=4)
        assert app.validate() == 4
        assert "4 bonne(s) réponse(s) sur 9" in app.result.value
        assert "✗ La bonne réponse" in app.feedback[QUESTIONS[-1].key].value
        app.phase.value = "apres"
        answer_all(app, right=8)
        assert app.validate() == 8
        assert "Au début de la journée : 4 sur 9 ; à la fin : 8 sur 9." in app.result.value
        room = httpx.get(f"{gw.url}/records/quiz", headers=gw.headers(TRAINER)).json()
        assert [(r["payload"]["phase"], r["payload"]["score"]) for r in room["records"]] == [
            ("avant", 4),
            ("apres", 8),
        ]
