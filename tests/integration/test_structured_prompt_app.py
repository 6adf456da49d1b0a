"""Workshop 2 « Structurer une demande », driven without a browser against a running gateway
(FakeOllama, answering with a set text, stands in for an Ollama server)."""

from __future__ import annotations

from atelier_ia.apps.structured_prompt import StructuredPrompt
from atelier_ia.llm import LLMClient
from tests.fake_ollama import Behaviour
from tests.gateway_harness import RunningGateway, gateway_settings, token_for
from tests.unit.test_check_courrier import GOOD

MODEL = "mistral:7b"


def test_structured_request_reaches_the_model_and_the_answer_is_checked(tmp_path, fake):
    backends = [{"name": "gpu", "kind": "ollama", "url": fake.url}]
    settings = gateway_settings(tmp_path, backends, [{"name": MODEL, "backends": ["gpu"]}])
    with RunningGateway(settings) as gw:
        app = StructuredPrompt(LLMClient(host=gw.url, token=token_for("ana")))
        fake.behaviour = Behaviour(reply="C'est noté, merci.")
        assert app.try_vague() == "C'est noté, merci."
        assert "Réponds à ce courrier." in fake.served[-1].user_text
        assert "✗ manquant" in app.vague_check.value
        assert "sur 5" in app.vague_check.value

        fake.behaviour = Behaviour(reply=GOOD)
        app.context.value = "Réparation lundi 24 novembre."
        assert app.try_structured() == GOOD
        sent = fake.served[-1].user_text
        for part in (
            "Contexte : Réparation lundi 24 novembre.",
            "Tâche :",
            "Format attendu :",
            "Courrier reçu :",
            "lampadaire",
        ):
            assert part in sent
        assert "5 sur 5" in app.structured_check.value
        assert "✗" not in app.structured_check.value
        assert fake.options_seen[-1]["temperature"] == 0.0
