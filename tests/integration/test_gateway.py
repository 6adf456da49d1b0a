"""The gateway over real HTTP, in front of stand-in Ollama servers (FakeOllama: Ollama cannot
run here) and, where it matters, the real embedded model. The hub's token check is stood in by a
token table here; the real one is tested with a real hub in test_gateway_hub.py."""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import ollama
import openai
import pytest

from atelier_ia.gateway import core
from atelier_ia.gateway.audit import AuditLog
from atelier_ia.llm import client as client_module
from atelier_ia.llm.client import LLMClient, LLMError
from atelier_ia.settings import Settings
from tests.fake_ollama import Behaviour, FakeOllama
from tests.gateway_harness import (
    PREFIX,
    TRAINER,
    RunningGateway,
    gateway_data,
    gateway_settings,
    token_for,
)
from tests.hub_harness import free_port, wait_until

ROOT = Path(__file__).resolve().parents[2]

MODEL = "mistral:7b"


def one_backend(fake: FakeOllama, parallel: int = 1) -> tuple[list[dict], list[dict]]:
    return (
        [
            {
                "name": "gpu",
                "kind": "ollama",
                "url": fake.url,
                "parallel": parallel,
                "num_ctx": 8192,
                "keep_alive": "1h",
            }
        ],
        [{"name": MODEL, "backends": ["gpu"], "label": "Mistral 7B", "notes": "Bon en français"}],
    )


@pytest.fixture
def gateway(tmp_path, fake):
    backends, models = one_backend(fake)
    with RunningGateway(gateway_settings(tmp_path, backends, models, max_wait=20)) as running:
        yield running


def ollama_client(gw: RunningGateway, user: str = "ana") -> ollama.Client:
    return ollama.Client(host=gw.url, headers=gw.headers(user), timeout=30)


def chat(gw, user="ana", text="Bonjour", stream=True, **extra):
    return httpx.post(
        f"{gw.url}/api/chat",
        headers=gw.headers(user, **extra),
        timeout=30,
        json={"model": MODEL, "stream": stream, "messages": [{"role": "user", "content": text}]},
    )


# -- The two APIs, with their official clients --------------------------------------------------


def test_official_ollama_client_chat_generate_and_catalogue(gateway, fake):
    client = ollama_client(gateway)
    parts = list(
        client.chat(
            model=MODEL,
            messages=[{"role": "user", "content": "Salut"}],
            stream=True,
            options={"num_ctx": 99999, "temperature": 0.2},
        )
    )
    assert "".join(p.message.content for p in parts) == "mot0 mot1 mot2 mot3 mot4 "
    assert parts[-1].done and parts[-1].prompt_eval_count == 7 and parts[-1].eval_count == 5
    assert parts[-1].total_duration > 0 and parts[-1].eval_duration > 0
    assert parts[-1].prompt_eval_duration >= 0 and parts[-1].load_duration == 0
    whole = client.chat(model=MODEL, messages=[{"role": "user", "content": "Salut"}])
    assert whole.message.content == "mot0 mot1 mot2 mot3 mot4 "
    generated = client.generate(model=MODEL, prompt="Il était une fois")
    assert generated.response == "mot0 mot1 mot2 mot3 mot4 " and generated.done
    streamed = list(client.generate(model=MODEL, prompt="Il était", stream=True))
    assert streamed[-1].done and streamed[-1].eval_count == 5
    # The operator's num_ctx and keep_alive win over the client's: no model reload.
    assert all(seen["num_ctx"] == 8192 and seen["keep_alive"] == "1h" for seen in fake.options_seen)
    assert fake.options_seen[0]["temperature"] == 0.2
    tags = client.list().models
    assert [m.model for m in tags] == [MODEL]
    assert tags[0].details.parameter_size == "7B"
    raw = httpx.get(f"{gateway.url}/api/tags", headers=gateway.headers("ana")).json()
    assert raw["models"][0]["atelier"] == {"label": "Mistral 7B", "notes": "Bon en français"}
    shown = client.show(MODEL)
    assert shown.details.family == "llama"
    assert client.ps().models == []
    assert httpx.get(f"{gateway.url}/api/version", headers=gateway.headers("ana")).json()["version"]


def test_official_openai_client_stream_and_whole(gateway):
    client = openai.OpenAI(base_url=f"{gateway.url}/v1", api_key=token_for("ana"))
    assert [m.id for m in client.models.list()] == [MODEL]
    whole = client.chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": "Bonjour"}], max_tokens=50
    )
    assert whole.choices[0].message.content == "mot0 mot1 mot2 mot3 mot4 "
    assert whole.usage.prompt_tokens == 7 and whole.usage.completion_tokens == 5
    chunks = list(
        client.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": "Bonjour"}],
            stream=True,
            stream_options={"include_usage": True},
        )
    )
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == "mot0 mot1 mot2 mot3 mot4 "
    assert chunks[-1].usage.total_tokens == 12
    with pytest.raises(openai.NotFoundError) as missing:
        client.chat.completions.create(model="gpt-9", messages=[{"role": "user", "content": "x"}])
    assert MODEL in str(missing.value)


def test_one_connection_to_the_upstream_serves_request_after_request(gateway, fake):
    # Reading each answer to its end keeps the connection to Ollama open for the next request:
    # opening one per request cost ~5 ms of time to first token on this machine.
    client = ollama_client(gateway)
    for _ in range(2):
        list(client.chat(model=MODEL, messages=[{"role": "user", "content": "Salut"}], stream=True))
    client.chat(model=MODEL, messages=[{"role": "user", "content": "Salut"}])
    assert chat(gateway, "bea").status_code == 200
    assert len(fake.served) == 4
    assert len({served.peer for served in fake.served}) == 1, [s.peer for s in fake.served]


def test_management_routes_are_refused(gateway):
    client = ollama_client(gateway)
    for action in (
        lambda: client.pull(MODEL),
        lambda: client.delete(MODEL),
        lambda: client.copy(MODEL, "autre"),
        lambda: client.create(model="x", from_=MODEL),
        lambda: client.push(MODEL),
    ):
        with pytest.raises(ollama.ResponseError) as refused:
            action()
        assert refused.value.status_code == 403
        assert "administrateur" in refused.value.error


# -- Fairness, limits, cancellation -------------------------------------------------------------


def test_greedy_user_does_not_starve_the_room(tmp_path, fake):
    """One person sends 5 requests, three others one each, on an upstream that runs one at a
    time: the three are served right after the greedy person's first request."""
    fake.behaviour = Behaviour(tokens=2, gate=threading.Event())
    backends, models = one_backend(fake)
    with RunningGateway(gateway_settings(tmp_path, backends, models)) as gw:
        with ThreadPoolExecutor(8) as pool:
            futures = [pool.submit(chat, gw, "greedy", f"greedy-{i}") for i in range(5)]
            wait_until(lambda: gw.core.scheduler.queued == 4, 10, "greedy's requests queued")
            futures += [pool.submit(chat, gw, user, f"{user}-1") for user in ("ana", "bob", "cyd")]
            wait_until(lambda: gw.core.scheduler.queued == 7, 10, "everyone queued")
            fake.behaviour.gate.set()
            assert all(f.result().status_code == 200 for f in futures)
        order = [s.user_text.split("-")[0] for s in sorted(fake.served, key=lambda s: s.started)]
        # The three arrived together (in any order among themselves).
        assert order[0] == "greedy" and sorted(order[1:4]) == ["ana", "bob", "cyd"], order
        assert order[4:] == ["greedy"] * 4


def test_queue_position_is_streamed_to_apps_that_ask(gateway, fake):
    fake.behaviour = Behaviour(tokens=1, gate=threading.Event())
    with ThreadPoolExecutor(4) as pool:
        first = pool.submit(chat, gateway, "ana", "a")
        wait_until(lambda: gateway.core.scheduler.in_flight == 1, 10, "ana running")
        pool.submit(chat, gateway, "bob", "b")
        wait_until(lambda: gateway.core.scheduler.queued == 1, 10, "bob queued")
        with httpx.stream(
            "POST",
            f"{gateway.url}/api/chat",
            timeout=30,
            headers=gateway.headers("cyd", **{"X-Atelier-Queue-Updates": "1"}),
            json={"model": MODEL, "messages": [{"role": "user", "content": "c"}]},
        ) as response:
            assert response.headers["X-Atelier-Queue-Position"] == "2"
            lines = response.iter_lines()
            assert json.loads(next(lines))["queue_position"] == 2
            # What the trainers' scraper sees meanwhile: two waiting for the model, one running.
            metrics = httpx.get(f"{gateway.url}/metrics", headers=gateway.headers(TRAINER)).text
            assert f'atelier_gateway_queue_depth{{model="{MODEL}"}} 2.0' in metrics
            assert 'atelier_gateway_in_flight{upstream="gpu"} 1.0' in metrics
            fake.behaviour.gate.set()
            rest = [json.loads(line) for line in lines if line]
        assert rest[-1]["done"] is True
        assert first.result().status_code == 200


def test_a_silent_wait_is_broken_by_still_here_pieces(gateway, fake, monkeypatch):
    # The model reads a long prompt for 1.2 s; the apps' stream hears from the gateway meanwhile.
    monkeypatch.setattr(core, "STILL_HERE_S", 0.3)
    fake.behaviour = Behaviour(tokens=3, first_token_delay=1.2)
    for api, path, still_here in (
        ("ollama", "/api/chat", lambda line: json.loads(line)["message"]["content"] == ""),
        ("openai", "/v1/chat/completions", lambda line: line == ": still_here"),
    ):
        with httpx.stream(
            "POST",
            f"{gateway.url}{path}",
            timeout=30,
            headers=gateway.headers("ana", **{"X-Atelier-Queue-Updates": "1"}),
            json={"model": MODEL, "stream": True, "messages": [{"role": "user", "content": "a"}]},
        ) as response:
            lines = [line for line in response.iter_lines() if line]
        assert sum(1 for line in lines if still_here(line)) >= 2, (api, lines)
    # Without the header (official clients), nothing is added.
    plain = chat(gateway, stream=True)
    assert [json.loads(line)["message"]["content"] for line in plain.text.splitlines()][:1] != [""]
    assert len(plain.text.splitlines()) == 4  # three pieces and the done line


def answering(reply):
    """A loopback HTTP server whose POST runs `reply(handler)` after a 200 with chunked body."""

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            reply(self)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def test_the_apps_client_gives_up_on_a_silent_connection(monkeypatch):
    # What the hub's proxy does when the gateway dies mid-answer (bench/faults.py): headers
    # sent, then silence with the connection kept open.
    quiet = threading.Event()
    server, host = answering(lambda handler: quiet.wait(20))
    outcome: list[Exception] = []

    def wait_as_before() -> None:
        try:
            list(LLMClient(host=host, token="x", timeout=5).stream_chat(MODEL, "a"))
        except LLMError as exc:
            outcome.append(exc)

    try:
        # Before: with only the overall timeout, the app waits as long as that (minutes).
        monkeypatch.setattr(client_module, "READ_GAP_S", 10.0)
        waited = threading.Thread(target=wait_as_before, daemon=True)
        waited.start()
        waited.join(2)
        assert waited.is_alive()
        monkeypatch.setattr(client_module, "READ_GAP_S", 0.5)
        start = time.monotonic()
        with pytest.raises(LLMError, match="ne répond plus"):
            list(LLMClient(host=host, token="x", timeout=300).stream_chat(MODEL, "a"))
        assert time.monotonic() - start < 5
    finally:
        quiet.set()
        server.shutdown()


def test_a_stream_cut_without_its_last_line_is_an_error():
    def two_pieces_then_the_end(handler):
        for word in ("Bonjour", " Madame"):
            line = json.dumps({"message": {"content": word}, "done": False}).encode() + b"\n"
            handler.wfile.write(b"%x\r\n%s\r\n" % (len(line), line))
        handler.wfile.write(b"0\r\n\r\n")  # a clean end, without the done line

    server, host = answering(two_pieces_then_the_end)
    try:
        pieces = LLMClient(host=host, token="x").stream_chat(MODEL, "a")
        assert next(pieces) == "Bonjour"
        with pytest.raises(LLMError, match="coupée avant la fin"):
            list(pieces)
    finally:
        server.shutdown()


def test_full_queue_gets_429_with_retry_after(tmp_path, fake):
    fake.behaviour = Behaviour(tokens=1, gate=threading.Event())
    backends, models = one_backend(fake)
    with RunningGateway(gateway_settings(tmp_path, backends, models, max_queue=2)) as gw:
        with ThreadPoolExecutor(4) as pool:
            running = [pool.submit(chat, gw, u, u) for u in ("ana", "bob", "cyd")]
            wait_until(lambda: gw.core.scheduler.queued == 2, 10, "two waiting")
            refused = chat(gw, "dan")
            assert refused.status_code == 429
            assert int(refused.headers["Retry-After"]) >= 1
            assert refused.headers["X-Atelier-Queue-Position"] == "3"
            assert "personnes avant vous" in refused.json()["error"]
            fake.behaviour.gate.set()
            assert all(f.result().status_code == 200 for f in running)


def test_waiting_too_long_gets_503(tmp_path, fake):
    fake.behaviour = Behaviour(tokens=1, gate=threading.Event())
    backends, models = one_backend(fake)
    with RunningGateway(gateway_settings(tmp_path, backends, models, max_wait=0.5)) as gw:
        with ThreadPoolExecutor(2) as pool:
            first = pool.submit(chat, gw, "ana")
            wait_until(lambda: gw.core.scheduler.in_flight == 1, 10, "ana running")
            late = chat(gw, "bob")
            assert late.status_code == 503
            assert "Retry-After" in late.headers
            assert "Réessayez" in late.json()["error"]
            fake.behaviour.gate.set()
            assert first.result().status_code == 200
        assert gw.core.scheduler.queued == 0


def test_disconnect_cancels_upstream_work_and_frees_the_slot(gateway, fake):
    fake.behaviour = Behaviour(tokens=200, token_delay=0.02)
    with httpx.stream(
        "POST",
        f"{gateway.url}/api/chat",
        headers=gateway.headers("ana"),
        json={"model": MODEL, "messages": [{"role": "user", "content": "long"}]},
        timeout=30,
    ) as response:
        first_line = next(response.iter_lines())
        assert json.loads(first_line)["message"]["content"] == "mot0 "
    # The caller is gone: the upstream generation is cancelled and the slot is free again.
    wait_until(lambda: fake.served[0].cancelled, 10, "the upstream generation to be cancelled")
    wait_until(lambda: gateway.core.scheduler.in_flight == 0, 10, "the slot to be freed")
    fake.behaviour = Behaviour(tokens=2)
    assert chat(gateway, "bob", stream=False).json()["done"] is True
    wait_until(
        lambda: any(r["status"] == "cancelled" for r in gateway.core.audit.rows_for("ana")),
        10,
        "the audit row",
    )


def test_caller_leaving_the_queue_is_dropped(gateway, fake):
    fake.behaviour = Behaviour(tokens=1, gate=threading.Event())
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(chat, gateway, "ana")
        wait_until(lambda: gateway.core.scheduler.in_flight == 1, 10, "ana running")
        with pytest.raises(httpx.ReadTimeout):
            httpx.post(
                f"{gateway.url}/api/chat",
                headers=gateway.headers("bob"),
                timeout=1.0,
                json={"model": MODEL, "messages": [{"role": "user", "content": "b"}]},
            )
        wait_until(lambda: gateway.core.scheduler.queued == 0, 10, "bob to leave the queue")
        fake.behaviour.gate.set()
        assert first.result().status_code == 200
    assert [s.user_text for s in fake.served] == ["Bonjour"]


def test_limits_on_size_and_budget(tmp_path, fake):
    backends, models = one_backend(fake)
    settings = gateway_settings(
        tmp_path, backends, models, max_prompt_chars=200, max_body_bytes=50_000, token_budget=20
    )
    with RunningGateway(settings) as gw:
        long = chat(gw, "ana", "x" * 201)
        assert long.status_code == 413 and "trop longue" in long.json()["error"]

        def send(path: str, content) -> httpx.Response:
            return httpx.post(
                f"{gw.url}{path}", headers=gw.headers("ana"), content=content, timeout=30
            )

        huge = send("/api/chat", b"{" + b" " * 10_000_000 + b"}")
        assert huge.status_code == 413 and "volumineuse" in huge.json()["error"]
        # The same without a declared length (chunked): counted as it arrives.
        chunked = send("/api/chat", (b" " * 100_000 for _ in range(100)))
        assert chunked.status_code == 413 and "volumineuse" in chunked.json()["error"]
        openai_chunked = send("/v1/chat/completions", (b" " * 100_000 for _ in range(100)))
        assert openai_chunked.status_code == 413
        assert "volumineuse" in openai_chunked.json()["error"]["message"]
        # Each answer costs 7 + 5 tokens: the second reaches the budget, the third is refused.
        assert chat(gw, "ana", stream=False).status_code == 200
        assert chat(gw, "ana", stream=False).status_code == 200
        spent = chat(gw, "ana", stream=False)
        assert spent.status_code == 429 and "quota" in spent.json()["error"]
        assert chat(gw, "bob", stream=False).status_code == 200, "budgets are per person"
        statuses = [r["status"] for r in gw.core.audit.rows_for("ana")]
        assert statuses.count("ok") == 2 and statuses.count("refused") == 1


def test_answers_are_capped_at_max_new_tokens(tmp_path, fake):
    backends, models = one_backend(fake)
    with RunningGateway(gateway_settings(tmp_path, backends, models, max_new_tokens=3)) as gw:
        for options in ({}, {"num_predict": -1}, {"num_predict": 50}, {"num_predict": 2}):
            body = {
                "model": MODEL,
                "stream": False,
                "options": options,
                "messages": [{"role": "user", "content": "Bonjour"}],
            }
            response = httpx.post(f"{gw.url}/api/chat", headers=gw.headers("ana"), json=body)
            assert response.status_code == 200
        client = openai.OpenAI(base_url=f"{gw.url}/v1", api_key=token_for("ana"))
        for extra in ({}, {"max_tokens": 50}):
            client.chat.completions.create(
                model=MODEL, messages=[{"role": "user", "content": "Bonjour"}], **extra
            )
    # Ollama reads num_predict -1 as "no limit": the gateway's cap applies then.
    assert [seen["num_predict"] for seen in fake.options_seen] == [3, 3, 3, 2, 3, 3]


def test_a_stalled_upstream_becomes_a_clean_error_and_frees_its_slot(tmp_path, fake):
    gate = threading.Event()  # never set while the request waits: nothing comes back
    fake.behaviour = Behaviour(gate=gate)
    backends, models = one_backend(fake)
    backends[0]["timeout"] = 1
    try:
        with RunningGateway(gateway_settings(tmp_path, backends, models)) as gw:
            started = time.monotonic()
            stalled = chat(gw, "ana", stream=False)
            assert stalled.status_code == 502
            assert "ne répond pas" in stalled.json()["error"]
            assert time.monotonic() - started < 10
            gate.set()
            fake.behaviour = Behaviour()
            # One generation at a time upstream: this one proves the slot was given back.
            assert chat(gw, "bob", stream=False).status_code == 200
            assert [r["status"] for r in gw.core.audit.rows_for("ana")] == ["error"]
    finally:
        gate.set()


def test_bad_requests_get_clear_errors_and_no_row_is_lost(gateway):
    url = f"{gateway.url}/api/chat"
    headers = gateway.headers("ana")
    cases = [
        (httpx.post(url, headers=headers, content=b"{pas du json"), 400, "JSON"),
        (httpx.post(url, headers=headers, json={"model": MODEL, "messages": []}), 400, "messages"),
        (
            httpx.post(url, headers=headers, json={"model": MODEL, "messages": "salut"}),
            400,
            "messages",
        ),
        (
            httpx.post(
                url,
                headers=headers,
                json={"model": 3, "messages": [{"role": "user", "content": "x"}]},
            ),
            400,
            "model",
        ),
        (
            httpx.post(
                url,
                headers=headers,
                json={"model": "gpt-9", "messages": [{"role": "user", "content": "x"}]},
            ),
            404,
            MODEL,
        ),
        (
            httpx.post(
                f"{gateway.url}/v1/chat/completions",
                headers=headers,
                json={"model": MODEL, "messages": [{"role": "robot", "content": "x"}]},
            ),
            400,
            "role",
        ),
    ]
    for response, status, word in cases:
        assert response.status_code == status, response.text
        body = response.json()
        message = body["error"]["message"] if isinstance(body["error"], dict) else body["error"]
        assert word in message
    before = gateway.core.audit.count()
    for _ in range(3):
        assert chat(gateway, "ana", stream=False).status_code == 200
    assert gateway.core.audit.count() == before + 3


def test_broken_upstream_mid_stream_becomes_a_clean_error(gateway, fake):
    fake.behaviour = Behaviour(tokens=5, fail_after=2)
    client = ollama_client(gateway)
    with pytest.raises(ollama.ResponseError) as failed:
        list(client.chat(model=MODEL, messages=[{"role": "user", "content": "x"}], stream=True))
    assert "CUDA out of memory" in failed.value.error
    whole = chat(gateway, "ana", stream=False)
    assert whole.status_code == 502 and "n'a pas pu répondre" in whole.json()["error"]
    # The official openai client sees an error event in its stream and raises.
    client = openai.OpenAI(base_url=f"{gateway.url}/v1", api_key=token_for("ana"))
    with pytest.raises(openai.APIError) as failed_openai:
        stream = client.chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": "x"}], stream=True
        )
        list(stream)
    assert "CUDA out of memory" in str(failed_openai.value)
    # The client raised on the error event; the gateway writes the row just after sending it.
    wait_until(lambda: len(gateway.core.audit.rows_for("ana")) == 3, 5, "the third row")
    rows = gateway.core.audit.rows_for("ana")
    assert [r["status"] for r in rows] == ["error"] * 3
    assert "CUDA out of memory" in rows[0]["error"]
    fake.behaviour = Behaviour(tokens=1)
    assert chat(gateway, "ana", stream=False).status_code == 200, "the gateway is still up"


def test_failover_to_another_upstream(tmp_path):
    alive = FakeOllama().start()
    dead = FakeOllama()  # never started: its port refuses connections
    try:
        backends = [
            {"name": "mort", "kind": "ollama", "url": dead.url, "parallel": 4},
            {"name": "vivant", "kind": "ollama", "url": alive.url, "parallel": 1},
        ]
        models = [{"name": MODEL, "backends": ["mort", "vivant"]}]
        with RunningGateway(gateway_settings(tmp_path, backends, models, down_for=1)) as gw:
            # "mort" looks least busy, so the first request goes there, fails to connect, and
            # is moved to "vivant" without the caller noticing.
            results = [chat(gw, user, stream=False) for user in ("ana", "bob", "cyd")]
            assert all(r.status_code == 200 for r in results)
            assert len(alive.served) == 3
            metrics = httpx.get(f"{gw.url}/metrics", headers=gw.headers(TRAINER)).text
            assert 'atelier_gateway_upstream_up{upstream="mort"} 0.0' in metrics
            rows = gw.core.audit.rows_for("ana")
            assert rows[0]["upstream"] == "vivant"
            alive.stop()
            down = chat(gw, "dan", stream=False)
            assert down.status_code == 503 and down.headers["Retry-After"] == "1"
            assert "ne répond pas" in down.json()["error"]
            # Once down_for has passed, the upstream that came back serves again.
            alive.start()
            time.sleep(1.2)
            assert chat(gw, "dan", stream=False).status_code == 200
            metrics = httpx.get(f"{gw.url}/metrics", headers=gw.headers(TRAINER)).text
            assert 'atelier_gateway_upstream_up{upstream="vivant"} 1.0' in metrics
    finally:
        alive.stop()


# -- Audit and metrics ---------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MiB tmpfs for the state dir, which the test fills (a real full disk: needs root)."""
    mount = tmp_path / "petit-disque"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def fill(folder: Path) -> Path:
    filler = folder / "remplissage"
    with filler.open("wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass
    return filler


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a tmpfs needs root (CI runs as root)")
def test_a_full_disk_refuses_new_requests_and_loses_no_row(small_disk, fake):
    backends, models = one_backend(fake)
    with RunningGateway(gateway_settings(small_disk, backends, models)) as gw:
        assert chat(gw, stream=False).status_code == 200
        filler = fill(small_disk)
        # The disk is really full: the database cannot take a row.
        with pytest.raises(Exception, match="full"):
            with gw.core.audit.engine.begin() as connection:
                connection.exec_driver_sql("CREATE TABLE essai (x TEXT)")
                connection.exec_driver_sql("INSERT INTO essai VALUES (?)", ("x" * 100000,))
        # The request under way when the disk fills is answered; its row waits in memory.
        assert chat(gw, stream=False).status_code == 200
        assert len(gw.core.audit.pending) == 1
        refused = [chat(gw, stream=stream) for stream in (False, True)]
        for answer in refused:
            assert answer.status_code == 503, answer.text
            assert answer.headers["Retry-After"] == "30"
            assert "disque plein" in answer.json()["error"]
        assert len(fake.served) == 2  # nothing unrecorded reached the model
        filler.unlink()
        assert chat(gw, stream=False).status_code == 200
        assert gw.core.audit.pending == []
        with gw.core.audit.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert [r["status"] for r in gw.core.audit.rows_for("ana")] == ["ok"] * 3


def test_audit_rows_are_private_and_texts_off_by_default(gateway):
    assert (
        chat(
            gateway, "ana", "secret d'Ana", stream=False, **{"X-Atelier-Workshop": "bac-a-sable"}
        ).status_code
        == 200
    )
    assert chat(gateway, "bob", "texte de Bob", stream=False).status_code == 200
    mine = httpx.get(f"{gateway.url}/audit/me", headers=gateway.headers("ana")).json()
    assert {r["user"] for r in mine["requests"]} == {"ana"}
    row = mine["requests"][0]
    assert row["workshop"] == "bac-a-sable" and row["model"] == MODEL
    assert row["tokens_in"] == 7 and row["tokens_out"] == 5 and row["status"] == "ok"
    assert row["ttft_s"] is not None and row["duration_s"] > 0
    assert row["prompt"] is None and row["answer"] is None
    assert httpx.get(f"{gateway.url}/audit/room", headers=gateway.headers("ana")).status_code == 403
    room = httpx.get(f"{gateway.url}/audit/room", headers=gateway.headers(TRAINER)).json()
    assert room["users"] == 2
    assert {g["key"]: g["requests"] for g in room["by_workshop"]}["bac-a-sable"] == 1
    assert "secret" not in json.dumps(room)


def test_texts_are_kept_only_when_asked(tmp_path, fake):
    backends, models = one_backend(fake)
    with RunningGateway(gateway_settings(tmp_path, backends, models, store_texts=True)) as gw:
        assert chat(gw, "ana", "Bonjour Nérac", stream=False).status_code == 200
        row = gw.core.audit.rows_for("ana")[0]
        assert "Bonjour Nérac" in row["prompt"] and row["answer"] == "mot0 mot1 mot2 mot3 mot4 "


def test_metrics_for_trainers_only(gateway):
    assert chat(gateway, "ana", stream=False).status_code == 200
    assert httpx.get(f"{gateway.url}/metrics", headers=gateway.headers("ana")).status_code == 403
    text = httpx.get(f"{gateway.url}/metrics", headers=gateway.headers(TRAINER)).text
    for name in (
        "atelier_gateway_queue_depth",
        "atelier_gateway_in_flight",
        "atelier_gateway_time_to_first_token_seconds_bucket",
        "atelier_gateway_tokens_per_second_bucket",
        "atelier_gateway_requests_total",
    ):
        assert name in text
    assert 'atelier_gateway_requests_total{status="ok",upstream="gpu"} 1.0' in text


def test_every_route_wants_a_token(gateway):
    schema = httpx.get(f"{gateway.url}/openapi.json", headers=gateway.headers("ana")).json()
    assert httpx.get(f"{gateway.url}/openapi.json").status_code == 401
    # The document says so, for clients and fuzzers (bench/fuzz.py).
    assert schema["components"]["securitySchemes"]["hubToken"]["scheme"] == "bearer"
    assert schema["security"] == [{"hubToken": []}]
    paths = schema["paths"]
    assert len(paths) >= 14
    for path, methods in paths.items():
        for method in methods:
            response = httpx.request(
                method.upper(), f"http://127.0.0.1:{gateway.port}{path}", json={}
            )
            assert response.status_code == 401, (method, path)


def test_throughput_figures_are_plausible(gateway, fake):
    fake.behaviour = Behaviour(tokens=20, token_delay=0.01)
    start = time.monotonic()
    assert chat(gateway, "ana", stream=False).status_code == 200
    assert time.monotonic() - start >= 0.2
    text = httpx.get(f"{gateway.url}/metrics", headers=gateway.headers(TRAINER)).text
    count = [
        line
        for line in text.splitlines()
        if line.startswith("atelier_gateway_tokens_per_second_count")
    ]
    assert count and count[0].endswith(" 1.0")


def test_a_killed_gateway_loses_no_written_row(tmp_path, fake):
    # The gateway in a process of its own, killed (SIGKILL) with a request in flight.
    backends, models = one_backend(fake)
    data = gateway_data(tmp_path, backends, models)
    config = tmp_path / "gateway.json"
    config.write_text(json.dumps(data), encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}{PREFIX}"
    headers = {"Authorization": f"Bearer {token_for('ana')}"}
    body = {"model": MODEL, "stream": False, "messages": [{"role": "user", "content": "Bonjour"}]}

    def start() -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.gateway_harness", str(config), str(port)], cwd=ROOT
        )
        wait_until(
            lambda: httpx.get(f"{url}/api/version", headers=headers).status_code == 200,
            30,
            "the gateway process",
        )
        return process

    process = start()
    try:
        for _ in range(3):
            assert httpx.post(f"{url}/api/chat", headers=headers, json=body).status_code == 200
        gate = threading.Event()
        fake.behaviour = Behaviour(gate=gate)
        cut: list[Exception] = []

        def ask() -> None:
            try:
                httpx.post(f"{url}/api/chat", headers=headers, json=body, timeout=30)
            except httpx.HTTPError as exc:
                cut.append(exc)

        in_flight = threading.Thread(target=ask, daemon=True)
        in_flight.start()
        wait_until(lambda: len(fake.served) == 4, 10, "the fourth request upstream")
        process.kill()
        process.wait(10)
        gate.set()
        in_flight.join(10)
        assert cut, "the request in flight should have been cut by the kill"
        audit = AuditLog(Settings.model_validate(data).audit_database_url)
        with audit.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        # Every answered request is there; the one cut by the kill was never answered.
        assert [r["status"] for r in audit.rows_for("ana")] == ["ok"] * 3
        audit.engine.dispose()
        fake.behaviour = Behaviour()
        process = start()
        assert httpx.post(f"{url}/api/chat", headers=headers, json=body).status_code == 200
        rows = httpx.get(f"{url}/audit/me", headers=headers).json()["requests"]
        assert len(rows) == 4
    finally:
        process.kill()
        process.wait(10)


# -- Personal data ------------------------------------------------------------------------------

LETTER = "Je suis Mme Rose Martin, joignable au 06 12 34 56 78."


def test_remote_upstream_sees_surrogates_and_the_caller_gets_names_back(tmp_path, fake):
    fake.behaviour = Behaviour(echo=True)
    backends = [{"name": "cloud", "kind": "ollama", "url": fake.url, "local": False}]
    models = [{"name": MODEL, "backends": ["cloud"]}]
    settings = gateway_settings(tmp_path, backends, models, store_texts=True)
    with RunningGateway(settings) as gw:
        lines = [json.loads(line) for line in chat(gw, "ana", LETTER).iter_lines() if line]
        answer = "".join(line["message"]["content"] for line in lines)
        # The upstream never saw the name or the number...
        assert "Rose" not in fake.served[0].user_text
        assert "06 12 34 56 78" not in fake.served[0].user_text
        assert "[PERSONNE_1]" in fake.served[0].user_text
        # ...the caller reads them in the answer, and is told something was replaced.
        assert answer.strip() == LETTER
        assert lines[-1]["atelier_pseudonymised"] == 2
        client = openai.OpenAI(base_url=f"{gw.url}/v1", api_key=token_for("ana"))
        whole = client.chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": LETTER}]
        )
        assert whole.choices[0].message.content.strip() == LETTER
        # The audit log keeps texts (store_texts) but never the personal data.
        rows = gw.core.audit.rows_for("ana")
        assert all("Rose" not in (r["prompt"] or "") + (r["answer"] or "") for r in rows)
        assert "[PERSONNE_1]" in rows[0]["prompt"] and "[TELEPHONE_1]" in rows[0]["answer"]


def test_local_upstream_gets_the_text_as_is_unless_always(tmp_path, fake):
    fake.behaviour = Behaviour(echo=True)
    backends, models = one_backend(fake)  # 127.0.0.1: on this server
    with RunningGateway(gateway_settings(tmp_path / "a", backends, models)) as gw:
        line = [json.loads(x) for x in chat(gw, "ana", LETTER).iter_lines() if x][-1]
        assert "Rose Martin" in fake.served[-1].user_text
        assert "atelier_pseudonymised" not in line
    with RunningGateway(
        gateway_settings(tmp_path / "b", backends, models, pseudonymise="always")
    ) as gw:
        chat(gw, "ana", LETTER).read()
        assert "Rose Martin" not in fake.served[-1].user_text
