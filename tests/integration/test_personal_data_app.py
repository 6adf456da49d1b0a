"""Workshop 6 « Données personnelles », driven without a browser against a running gateway
(FakeOllama, answering with the words it received, stands in for an Ollama server)."""

from __future__ import annotations

from atelier_ia.apps.personal_data import PersonalData
from atelier_ia.apps.playground import Playground
from atelier_ia.llm import LLMClient
from tests.fake_ollama import Behaviour
from tests.gateway_harness import RunningGateway, gateway_settings, token_for

MODEL = "mistral:7b"


def running(tmp_path, fake, local=True):
    fake.behaviour = Behaviour(echo=True)
    backends = [{"name": "gpu", "kind": "ollama", "url": fake.url, "local": local}]
    return RunningGateway(
        gateway_settings(tmp_path, backends, [{"name": MODEL, "backends": ["gpu"]}])
    )


def test_find_pseudonymise_send_restore(tmp_path, fake):
    with running(tmp_path, fake) as gw:
        app = PersonalData(LLMClient(host=gw.url, token=token_for("ana"), workshop="x"))
        findings = app.detect()
        kinds = {f.kind for f in findings}
        assert {"PERSONNE", "ADRESSE", "TELEPHONE", "EMAIL", "NIR", "IBAN"} <= kinds
        assert app.found.value.count("<mark") == len(findings)
        assert "[nom de personne]" in app.found.value, "the kind is written, not just coloured"
        assert "Pourquoi" in app.table.value
        assert app.send_button.disabled, "nothing leaves before pseudonymisation"

        text = app.pseudonymise()
        assert "Rose" not in text and "06 12 34 56 78" not in text and "[PERSONNE_1]" in text
        assert "plus aucune donnée personnelle" in app.check.value
        answer = app.send()
        # The model saw only surrogates; its answer carries them, and they come back as names.
        assert "Rose" not in fake.served[-1].user_text
        assert "[PERSONNE_1]" in answer
        restored = app.restore()
        assert "Rose Martin" in restored and "[PERSONNE_1]" not in restored
        assert "Rose Martin" in app.restored.value


def test_fake_names_style(tmp_path, fake):
    with running(tmp_path, fake) as gw:
        app = PersonalData(LLMClient(host=gw.url, token=token_for("ana")))
        app.style.value = "fake"
        text = app.pseudonymise()
        assert "Rose" not in text and "[PERSONNE_1]" not in text
        app.send()
        assert "Rose Martin" in app.restore()


def test_playground_says_when_the_gateway_hid_personal_data(tmp_path, fake):
    with running(tmp_path, fake, local=False) as gw:
        app = Playground(LLMClient(host=gw.url, token=token_for("ana")))
        app.prompt.value = "Je suis Mme Rose Martin."
        assert "Rose Martin" in app.generate()
        assert "Rose" not in fake.served[-1].user_text
        assert "1 donnée personnelle a été remplacée" in app.stats.value
