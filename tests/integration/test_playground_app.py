"""The playground app's logic, driven without a browser, against a running gateway (FakeOllama
stands in for an Ollama server; the browser test covers the real model in Voilà)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from atelier_ia.apps.playground import Playground
from atelier_ia.llm import LLMClient
from tests.fake_ollama import Behaviour
from tests.gateway_harness import RunningGateway, gateway_settings, token_for
from tests.hub_harness import wait_until

MODEL = "mistral:7b"


@pytest.fixture
def gateway(tmp_path, fake):
    backends = [{"name": "gpu", "kind": "ollama", "url": fake.url}]
    models = [{"name": MODEL, "backends": ["gpu"]}]
    with RunningGateway(gateway_settings(tmp_path, backends, models)) as running:
        yield running


def app_for(gateway, user="ana") -> Playground:
    return Playground(LLMClient(host=gateway.url, token=token_for(user), workshop="bac-a-sable"))


def test_generate_streams_into_the_page_and_reports_figures(gateway):
    app = app_for(gateway)
    assert list(app.model.dropdown.options) == [MODEL]
    assert app.model.banner.value == "", "no demo warning for a real model"
    app.prompt.value = "Propose un titre pour le bulletin municipal."
    assert app.generate() == "mot0 mot1 mot2 mot3 mot4 "
    assert "mot4" in app.answer.value
    assert "7 en entrée, 5 en sortie" in app.stats.value
    assert not app.button.disabled
    rows = gateway.core.audit.rows_for("ana")
    assert rows[0]["workshop"] == "bac-a-sable"


def test_waiting_shows_the_queue_position(gateway, fake):
    fake.behaviour = Behaviour(tokens=1, gate=threading.Event())
    seen: list[str] = []
    app = app_for(gateway, "bob")
    app.stats.observe(lambda change: seen.append(change["new"]), names="value")
    app.prompt.value = "Bonjour"
    with ThreadPoolExecutor(2) as pool:
        blocker = pool.submit(
            httpx.post,
            f"{gateway.url}/api/chat",
            headers=gateway.headers("ana"),
            timeout=30,
            json={"model": MODEL, "messages": [{"role": "user", "content": "x"}]},
        )
        wait_until(lambda: gateway.core.scheduler.in_flight == 1, 10, "ana running")
        answer = pool.submit(app.generate)
        wait_until(lambda: any("prochaine" in v for v in seen), 10, "the queue message")
        fake.behaviour.gate.set()
        assert answer.result() == "mot0 "
        assert blocker.result().status_code == 200


def test_errors_are_french_and_the_app_recovers(gateway, fake):
    app = app_for(gateway)
    app.prompt.value = ""
    assert app.generate() == ""
    assert "Écrivez d&#x27;abord une demande" in app.answer.value
    fake.behaviour = Behaviour(tokens=3, fail_after=1)
    app.prompt.value = "Bonjour"
    app.generate()
    assert "atelier-error" in app.answer.value and "CUDA out of memory" in app.answer.value
    assert not app.button.disabled
    fake.behaviour = Behaviour(tokens=2)
    assert app.generate() == "mot0 mot1 "


def test_unreachable_gateway_gives_a_french_message():
    app = Playground(LLMClient(host="http://127.0.0.1:9", token="x"))
    assert "atelier-error" in app.answer.value
    assert "La passerelle des modèles ne répond pas" in app.answer.value
    app.prompt.value = "Bonjour"
    assert app.generate() == ""
