"""Workshop 4 « De la réunion au procès-verbal », driven without a browser against a running
gateway (FakeOllama, answering with a set text, stands in for an Ollama server)."""

from __future__ import annotations

from atelier_ia.apps.minutes import Minutes
from atelier_ia.llm import LLMClient
from tests.fake_ollama import Behaviour
from tests.gateway_harness import RunningGateway, gateway_settings, token_for
from tests.unit.test_check_pv import BAD, GOOD, LISTE

MODEL = "mistral:7b"


def test_draft_pv_and_liste_then_verify(tmp_path, fake):
    backends = [{"name": "gpu", "kind": "ollama", "url": fake.url}]
    settings = gateway_settings(
        tmp_path, backends, [{"name": MODEL, "backends": ["gpu"]}], max_new_tokens=1200
    )
    with RunningGateway(settings) as gw:
        app = Minutes(LLMClient(host=gw.url, token=token_for("ana")))
        fake.behaviour = Behaviour(reply=GOOD + "\nLISTE DES DÉLIBÉRATIONS\n" + LISTE)
        app.write()
        assert "Transcription :" in fake.served[-1].user_text
        assert "Les Amis de la Bastide" in fake.served[-1].user_text
        assert all(f.passed for f in app.check())
        assert "atelier-invention" not in app.marked.value

        fake.behaviour = Behaviour(reply=BAD)
        app.write()
        failed = {f.rule for f in app.check() if not f.passed}
        assert {"pv.titre", "pv.point", "pv.invention", "liste.absente"} <= failed
        assert "Alain Verdier" in app.marked.value and "atelier-invention" in app.marked.value
