"""The gateway's `openai` backend in front of a real OpenAI-compatible server: llama.cpp's
(llama-cpp-python's `llama_cpp.server`, see tests/llama_server.py) serving SmolLM2 over
loopback HTTP with an API key, as Albert/OpenGateLLM or vLLM would serve a larger model."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import httpx
import ollama
import openai
import pytest

from tests.gateway_harness import RunningGateway, gateway_settings, token_for
from tests.hub_harness import free_port, wait_until

ROOT = Path(__file__).resolve().parents[2]
MODEL = "smollm2:serveur"
API_KEY = "cle-de-test-openai"
KEY_ENV = "ATELIER_TEST_OPENAI_KEY"


class LlamaServer:
    def __init__(self, log: Path) -> None:
        self.port = free_port()
        self.log = log
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.llama_server", str(self.port), MODEL, API_KEY],
            cwd=ROOT,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        wait_until(self._up, 90, "llama.cpp's OpenAI-compatible server")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _up(self) -> bool:
        assert self.process.poll() is None, self.log.read_text()[-2000:]
        response = httpx.get(
            f"{self.url}/v1/models", headers={"Authorization": f"Bearer {API_KEY}"}
        )
        return response.status_code == 200

    def chat_ports(self) -> list[str]:
        """The caller's port of every chat request, from the server's access log."""
        return re.findall(r":(\d+) - \"POST /v1/chat/completions", self.log.read_text())

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = LlamaServer(tmp_path_factory.mktemp("llama-server") / "server.log")
    yield running
    running.stop()


def settings_for(tmp_path: Path, server: LlamaServer, **backend):
    spec = {"name": "serveur", "kind": "openai", "url": server.url, "parallel": 1, **backend}
    return gateway_settings(tmp_path, [spec], [{"name": MODEL, "backends": ["serveur"]}])


def test_gateway_serves_an_openai_compatible_upstream(tmp_path, server, monkeypatch):
    monkeypatch.setenv(KEY_ENV, API_KEY)
    before = len(server.chat_ports())
    with RunningGateway(settings_for(tmp_path, server, api_key_env=KEY_ENV)) as gw:
        client = ollama.Client(host=gw.url, headers=gw.headers("ana"), timeout=60)
        parts = list(
            client.chat(
                model=MODEL,
                messages=[{"role": "user", "content": "Écris un long poème sur la mer."}],
                stream=True,
                options={"num_predict": 8, "temperature": 0},
            )
        )
        text = "".join(p.message.content for p in parts)
        assert text.strip()
        done = parts[-1]
        assert done.done and done.done_reason == "length", (text, done)
        # llama.cpp's server sends no usage when streaming: tokens are counted as they come.
        assert 1 <= done.eval_count <= 8
        whole = openai.OpenAI(base_url=f"{gw.url}/v1", api_key=token_for("ana"))
        answer = whole.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": "Bonjour"}],
            max_tokens=6,
            temperature=0,
        )
        assert answer.choices[0].message.content.strip()
        assert answer.usage.completion_tokens >= 1
        listed = httpx.get(f"{gw.url}/api/tags", headers=gw.headers("ana")).json()
        assert [m["name"] for m in listed["models"]] == [MODEL]
        rows = gw.core.audit.rows_for("ana")
        assert [(r["upstream"], r["status"]) for r in rows] == [("serveur", "ok")] * 2
    # The gateway kept one connection to the server for both answers.
    ports = server.chat_ports()[before:]
    assert len(ports) == 2 and len(set(ports)) == 1, ports


def test_the_key_from_the_settings_and_a_refused_key(tmp_path, server):
    body = {
        "model": MODEL,
        "stream": False,
        "options": {"num_predict": 4},
        "messages": [{"role": "user", "content": "Bonjour"}],
    }
    with RunningGateway(settings_for(tmp_path / "ok", server, api_key=API_KEY)) as gw:
        assert httpx.post(f"{gw.url}/api/chat", headers=gw.headers("ana"), json=body).is_success
    with RunningGateway(settings_for(tmp_path / "refuse", server, api_key="mauvaise-cle")) as gw:
        response = httpx.post(f"{gw.url}/api/chat", headers=gw.headers("ana"), json=body)
        assert response.status_code == 502
        error = response.json()["error"]
        assert "refusé la demande (401" in error and "mauvaise-cle" not in error
        streamed = httpx.post(
            f"{gw.url}/api/chat", headers=gw.headers("ana"), json={**body, "stream": True}
        )
        last = json.loads(streamed.text.splitlines()[-1])
        assert "refusé la demande (401" in last["error"]
        # The gateway is still up, and both refusals are in the audit log.
        assert httpx.get(f"{gw.url}/api/version", headers=gw.headers("ana")).status_code == 200
        rows = gw.core.audit.rows_for("ana")
        assert [r["status"] for r in rows] == ["error", "error"]
