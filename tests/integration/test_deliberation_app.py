"""Workshop 3 « Rédiger une délibération », driven without a browser against a running gateway
(FakeOllama, answering with a set draft, stands in for an Ollama server)."""

from __future__ import annotations

from atelier_ia.apps.deliberation import Deliberation
from atelier_ia.llm import LLMClient
from tests.fake_ollama import Behaviour
from tests.gateway_harness import RunningGateway, gateway_settings, token_for
from tests.unit.test_check_deliberation import BAD, GOOD

MODEL = "mistral:7b"


def test_draft_from_the_form_then_verify(tmp_path, fake):
    backends = [{"name": "gpu", "kind": "ollama", "url": fake.url}]
    settings = gateway_settings(
        tmp_path, backends, [{"name": MODEL, "backends": ["gpu"]}], max_new_tokens=1000
    )
    with RunningGateway(settings) as gw:
        app = Deliberation(LLMClient(host=gw.url, token=token_for("ana")))
        fake.behaviour = Behaviour(reply=GOOD)
        assert app.write_draft() == GOOD
        sent = fake.served[-1].user_text
        for fact in (
            "Membres en exercice : 15",
            "présents : 11",
            "pour 12",
            "Claire Dumas",
            "1 500 €",
            "N'invente aucune date",
        ):
            assert fact in sent
        assert app.draft.value == GOOD
        assert all(f.passed for f in app.check())
        assert "✗" not in app.result.value

        fake.behaviour = Behaviour(reply=BAD)
        app.write_draft()
        failed = {f.rule for f in app.check() if not f.passed}
        assert {
            "deliberation.quorum",
            "deliberation.reference",
            "deliberation.trou",
            "deliberation.hors_formulaire",
        } <= failed
        assert "« L. 2121-99 »" in app.result.value
