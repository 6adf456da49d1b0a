"""Gateway benchmark (not a test): `.venv/bin/python -m bench.gateway`.

Everything runs as it does in production, each piece in its own process: the real platform
(`atelier up`: proxy, hub token check, gateway with its fair queue and audit log) with four
upstreams: the embedded model (llama.cpp, SmolLM2-135M); llama.cpp's OpenAI-compatible server
(llama-cpp-python's, tests/llama_server.py) with the same model, behind the `openai` backend;
and two stand-in Ollama servers (tests/fake_ollama.py; Ollama itself cannot run here) that
serve one request at a time as Ollama does: one paced like a 7-8B model on a modest GPU
(150 ms to the first token, then 40 tokens/s), one fast (10 ms per token) for the fairness runs.

1. Overhead. The same backend called directly and through the gateway, interleaved (for the
   embedded model with a pause between calls, so that llama.cpp's spinning threads of one side
   do not slow the other):
   - stand-in Ollama (7-8B pace): its HTTP API directly vs the platform in front of it;
   - llama.cpp's server: its OpenAI API directly vs the platform's OpenAI API in front of it;
   - embedded model: the backend in this process vs the platform over HTTP.
   The gateway's cost is a few milliseconds per request, whatever the model: SmolLM2 answers
   so fast (~20 ms) that those milliseconds show as a large ratio, a real model's do not.
   Median time to first token (TTFT) and tokens/s; ratio = gateway / direct for TTFT and
   direct / gateway for tokens/s (both: how many times slower through the gateway).
2. Fairness. One greedy user sends 10 requests at once, then 9 polite users one each, to the
   stand-in upstream (one generation at a time, ~0.1 s each). The 9 polite users' p95 wait
   (time to first token) through the gateway; first-come first-served (the upstream called
   directly, queueing as Ollama does); and through the gateway with no greedy user, the
   baseline the target refers to. Targets: overhead ratio <= 1.05; polite p95 with a greedy
   user <= 1.5 x without.

Prints a table and writes bench/results/gateway.json.
"""

from __future__ import annotations

import asyncio
import json
import platform as host
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from atelier_ia.llm.backends.embedded import EmbeddedBackend  # noqa: E402
from atelier_ia.llm.types import ChatRequest, Delta, Done, GenerationOptions, Message  # noqa: E402
from atelier_ia.settings import BackendSettings, EmbeddedSettings  # noqa: E402
from tests.hub_harness import free_port, start_platform, wait_until  # noqa: E402

RESULTS = ROOT / "bench" / "results"
PROMPT = "Écris trois phrases sur le rôle du conseil municipal."
MAX_TOKENS = 48
ROUNDS = 20
SETTLE_S = 0.3
REALISTIC_MODEL = "mistral:7b"
FAST_MODEL = "rapide:1b"
SERVER_MODEL = "smollm2:serveur"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def timed(client: httpx.Client, url: str, headers: dict, body: dict, read) -> tuple[float, float]:
    """(ttft_s, tokens_per_s) measured by the caller on a streamed answer. `read(line)` says
    whether the line carries text, and gives the token count where the line states it."""
    start = time.perf_counter()
    first = None
    count = 0
    with client.stream("POST", url, headers=headers, json=body) as response:
        response.raise_for_status()
        for line in response.iter_lines():
            has_text, stated = read(line)
            if has_text:
                first = first or time.perf_counter()
                count += 1
            if stated is not None:
                count = stated
    end = time.perf_counter()
    return first - start, (count - 1) / (end - first) if count > 1 and end > first else 0.0


def ollama_line(line: str) -> tuple[bool, int | None]:
    """An Ollama NDJSON line; the last one states the count (eval_count)."""
    if not line:
        return False, None
    part = json.loads(line)
    return bool(part.get("message", {}).get("content")), part.get("eval_count")


def openai_line(line: str) -> tuple[bool, int | None]:
    """An OpenAI server-sent event; one chunk with text is one token."""
    if not line.startswith("data:") or line.endswith("[DONE]"):
        return False, None
    choices = json.loads(line[5:])["choices"]
    return any((c.get("delta") or {}).get("content") for c in choices), None


def ndjson_timed(client: httpx.Client, url: str, headers: dict, body: dict) -> tuple[float, float]:
    return timed(client, url, headers, body, ollama_line)


def sse_timed(client: httpx.Client, url: str, headers: dict, body: dict) -> tuple[float, float]:
    return timed(client, url, headers, body, openai_line)


def embedded_direct(backend: EmbeddedBackend) -> tuple[float, float]:
    request = ChatRequest(
        "smollm2:135m",
        (Message("user", PROMPT),),
        GenerationOptions(temperature=0, seed=1, max_tokens=MAX_TOKENS),
    )

    async def run():
        start = time.perf_counter()
        first = None
        done = None
        async for piece in backend.stream_chat(request):
            if isinstance(piece, Delta):
                first = first or time.perf_counter()
            elif isinstance(piece, Done):
                done = piece
        end = time.perf_counter()
        return first - start, (done.completion_tokens - 1) / (end - first)

    return asyncio.run(run())


def platform_config(tmp: Path, realistic_url: str, fast_url: str, server_url: str) -> Path:
    config = tmp / "atelier.toml"
    config.write_text(
        f"""
[[gateway.backends]]
name = "embarque"
kind = "embedded"

[[gateway.backends]]
name = "realiste"
kind = "ollama"
url = "{realistic_url}"

[[gateway.backends]]
name = "rapide"
kind = "ollama"
url = "{fast_url}"

[[gateway.backends]]
name = "serveur"
kind = "openai"
url = "{server_url}"

[[gateway.models]]
name = "smollm2:135m"
backends = ["embarque"]

[[gateway.models]]
name = "{REALISTIC_MODEL}"
backends = ["realiste"]

[[gateway.models]]
name = "{FAST_MODEL}"
backends = ["rapide"]

[[gateway.models]]
name = "{SERVER_MODEL}"
backends = ["serveur"]
""",
        encoding="utf-8",
    )
    return config


def tokens_for(platform, names: list[str]) -> dict[str, str]:
    """Users created by the trainer (an admin) through the hub's API, each with a token."""
    admin = platform.login("formateur", platform.admin_password)
    created = platform.api(admin, "POST", "/users", json={"usernames": names})
    assert created.status_code in (201, 409), created.text
    return {name: platform.new_token(admin, name) for name in names}


def settled_pairs(direct, through) -> tuple[list, list]:
    """Interleaved rounds with a pause before each call, so that llama.cpp's spinning threads
    of one side do not slow the other."""
    direct_runs, gateway_runs = [], []
    for _ in range(ROUNDS):
        time.sleep(SETTLE_S)
        direct_runs.append(direct())
        time.sleep(SETTLE_S)
        gateway_runs.append(through())
    return direct_runs, gateway_runs


def overhead(platform, token: str, fake_url: str, hop_url: str, server_url: str) -> list[dict]:
    url = f"{platform.url}/services/gateway/api/chat"
    headers = {"Authorization": f"Bearer {token}"}
    fake_body = {"model": REALISTIC_MODEL, "messages": [{"role": "user", "content": PROMPT}]}
    rows = []
    with httpx.Client(timeout=120) as client:
        # The stand-in first: the embedded section loads llama.cpp into this process and into
        # the gateway, and on this 2-core machine its presence slows every process for the
        # rest of the run (measured: +10-20 ms on both sides), which is not the gateway's cost.
        direct = lambda: ndjson_timed(client, f"{fake_url}/api/chat", {}, fake_body)  # noqa: E731
        through = lambda: ndjson_timed(client, url, headers, fake_body)  # noqa: E731
        bare = lambda: ndjson_timed(client, f"{hop_url}/api/chat", {}, fake_body)  # noqa: E731
        for call in (direct, through, bare):
            call()  # warm every path once
        samples: dict[str, list] = {"direct": [], "gateway": [], "bare": []}
        for _ in range(ROUNDS):
            samples["direct"].append(direct())
            samples["gateway"].append(through())
            samples["bare"].append(bare())
        row = summarise("stand-in Ollama, 7-8B pace", samples["direct"], samples["gateway"])
        hop = statistics.median(t for t, _ in samples["bare"])
        row["bare_hop_ttft_ms"] = round(hop * 1000, 1)
        row["bare_hop_ttft_ratio"] = round(hop * 1000 / row["direct_ttft_ms"], 3)
        rows.append(row)

        server_body = {
            "model": SERVER_MODEL,
            "messages": [{"role": "user", "content": PROMPT}],
            "stream": True,
            "temperature": 0,
            "seed": 1,
            "max_tokens": MAX_TOKENS,
        }
        server_direct = lambda: sse_timed(  # noqa: E731
            client, f"{server_url}/v1/chat/completions", {}, server_body
        )
        server_through = lambda: sse_timed(  # noqa: E731
            client, f"{platform.url}/services/gateway/v1/chat/completions", headers, server_body
        )
        server_direct()
        server_through()
        rows.append(
            summarise("llama.cpp server, OpenAI API", *settled_pairs(server_direct, server_through))
        )

        backend = EmbeddedBackend(BackendSettings(name="e", kind="embedded"), EmbeddedSettings())
        embedded_body = {
            "model": "smollm2:135m",
            "messages": [{"role": "user", "content": PROMPT}],
            "options": {"temperature": 0, "seed": 1, "num_predict": MAX_TOKENS},
        }
        ndjson_timed(client, url, headers, embedded_body)
        embedded_direct(backend)
        pairs = settled_pairs(
            lambda: embedded_direct(backend),
            lambda: ndjson_timed(client, url, headers, embedded_body),
        )
        rows.append(summarise("embedded llama.cpp", *pairs))
    return rows


def summarise(name: str, direct: list, through: list) -> dict:
    d_ttft = statistics.median(t for t, _ in direct)
    g_ttft = statistics.median(t for t, _ in through)
    d_tps = statistics.median(s for _, s in direct)
    g_tps = statistics.median(s for _, s in through)
    return {
        "backend": name,
        "rounds": len(direct),
        "direct_ttft_ms": round(d_ttft * 1000, 1),
        "gateway_ttft_ms": round(g_ttft * 1000, 1),
        "ttft_added_ms": round((g_ttft - d_ttft) * 1000, 1),
        "ttft_ratio": round(g_ttft / d_ttft, 3),
        "direct_tokens_per_s": round(d_tps, 1),
        "gateway_tokens_per_s": round(g_tps, 1),
        "tokens_per_s_ratio": round(d_tps / g_tps, 3),
    }


def fairness_round(url: str, headers_for, greedy: bool) -> list[float]:
    """Waits (time to first token) of the 9 polite users in one round."""
    body = {"model": FAST_MODEL, "messages": [{"role": "user", "content": "x"}]}
    polite_waits: list[float] = []
    lock = threading.Lock()

    def one(user: str, record: bool) -> None:
        with httpx.Client(timeout=120) as client:
            ttft, _ = ndjson_timed(client, url, headers_for(user), body)
        if record:
            with lock:
                polite_waits.append(ttft)

    with ThreadPoolExecutor(20) as pool:
        jobs = []
        if greedy:
            jobs += [pool.submit(one, "greedy", False) for _ in range(10)]
            time.sleep(0.05)  # the greedy burst arrives first
        jobs += [pool.submit(one, f"polite{i}", True) for i in range(9)]
        for job in jobs:
            job.result()
    return polite_waits


def fairness(platform, tokens: dict[str, str], fake_url: str) -> dict:
    gateway_url = f"{platform.url}/services/gateway/api/chat"

    def through_gateway(user: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {tokens[user]}"}

    waits = {"gateway_with_greedy": [], "fcfs_with_greedy": [], "gateway_no_greedy": []}
    for _ in range(3):
        waits["gateway_with_greedy"] += fairness_round(gateway_url, through_gateway, True)
        waits["fcfs_with_greedy"] += fairness_round(f"{fake_url}/api/chat", lambda u: {}, True)
        waits["gateway_no_greedy"] += fairness_round(gateway_url, through_gateway, False)
    p95s = {k: round(p95(v), 3) for k, v in waits.items()}
    base = p95s["gateway_no_greedy"]
    return {
        "samples_per_case": len(waits["gateway_no_greedy"]),
        "polite_p95_wait_s": p95s,
        "gateway_ratio_vs_no_greedy": round(p95s["gateway_with_greedy"] / base, 3),
        "fcfs_ratio_vs_no_greedy": round(p95s["fcfs_with_greedy"] / base, 3),
    }


def start_fake(model: str, *pacing: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.fake_ollama",
            "--port",
            str(port),
            "--parallel",
            "1",
            "--model",
            model,
            *pacing,
        ],
        cwd=ROOT,
    )
    wait_until(lambda: httpx.get(f"{url}/api/tags").status_code == 200, 30, f"stand-in {model}")
    return process, url


def run_all() -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="bench-gateway-"))
    fakes = []
    try:
        realistic, realistic_url = start_fake(
            REALISTIC_MODEL,
            "--tokens",
            "48",
            "--first-token-delay",
            "0.15",
            "--token-delay",
            "0.025",
        )
        fakes.append(realistic)
        fast, fast_url = start_fake(FAST_MODEL, "--tokens", "10", "--token-delay", "0.01")
        fakes.append(fast)
        hop_port = free_port()
        hop = subprocess.Popen(
            [sys.executable, "-m", "bench.passthrough", str(hop_port), realistic_url], cwd=ROOT
        )
        fakes.append(hop)
        hop_url = f"http://127.0.0.1:{hop_port}"
        # It answers GET with 405: it is up.
        wait_until(lambda: httpx.get(f"{hop_url}/api/chat").status_code == 405, 30, "bare hop")
        server_port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "tests.llama_server", str(server_port), SERVER_MODEL],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        fakes.append(server)
        server_url = f"http://127.0.0.1:{server_port}"
        wait_until(
            lambda: httpx.get(f"{server_url}/v1/models").status_code == 200, 90, "llama server"
        )
        config = platform_config(tmp, realistic_url, fast_url, server_url)
        platform = start_platform(
            tmp, {"ATELIER_CONFIG": str(config), "ATELIER_GATEWAY__MAX_WAIT": "300"}
        )
        try:
            users = ["bench", "greedy"] + [f"polite{i}" for i in range(9)]
            tokens = tokens_for(platform, users)
            return {
                "machine": f"{host.machine()}, Python {host.python_version()}",
                "when": time.strftime("%Y-%m-%d %H:%M:%S"),
                "overhead": overhead(platform, tokens["bench"], realistic_url, hop_url, server_url),
                "fairness": fairness(platform, tokens, fast_url),
            }
        finally:
            platform.stop()
    finally:
        for process in fakes:
            process.terminate()
            process.wait(10)


def main() -> None:
    results = run_all()
    print("\nOverhead (median of interleaved rounds; ratio > 1 = slower through the gateway)")
    print(
        f"{'backend':32} {'TTFT direct':>12} {'gateway':>9} {'added':>8} {'ratio':>6} "
        f"{'tok/s direct':>13} {'gateway':>9} {'ratio':>6}"
    )
    for row in results["overhead"]:
        print(
            f"{row['backend']:32} {row['direct_ttft_ms']:>9} ms {row['gateway_ttft_ms']:>6} ms "
            f"{row['ttft_added_ms']:>5} ms {row['ttft_ratio']:>6} {row['direct_tokens_per_s']:>13} "
            f"{row['gateway_tokens_per_s']:>9} {row['tokens_per_s_ratio']:>6}"
        )
    for row in results["overhead"]:
        if "bare_hop_ttft_ms" in row:
            print(
                f"  for scale, a bare Python HTTP hop (bench/passthrough.py) in front of the same "
                f"stand-in: {row['bare_hop_ttft_ms']} ms, ratio {row['bare_hop_ttft_ratio']}"
            )
    fair = results["fairness"]
    print(f"\nFairness: p95 wait of 9 polite users ({fair['samples_per_case']} samples per case)")
    for case, value in fair["polite_p95_wait_s"].items():
        print(f"  {case:24} {value:>7.3f} s")
    print(
        f"  gateway with greedy / no greedy: {fair['gateway_ratio_vs_no_greedy']} "
        f"(target <= 1.5); first-come first-served: {fair['fcfs_ratio_vs_no_greedy']}"
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "gateway.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print(f"\nWritten: {RESULTS / 'gateway.json'}")


if __name__ == "__main__":
    main()
