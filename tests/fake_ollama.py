"""A stand-in for an Ollama server, which cannot run here (no Ollama binary, no GPU).

It speaks Ollama's documented HTTP API (https://docs.ollama.com/api) for what the gateway uses —
`/api/chat` streaming NDJSON with `done` and usage figures on the last line, `/api/tags`,
`/api/ps`, `/api/pull` streaming its progress lines — over real HTTP on a loopback port, and
it can be steered by tests: hold requests until released, pace tokens, fail in the middle of a
stream. Like Ollama, it serves requests
first come, first served, `parallel` at a time, with an unbounded queue.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
from dataclasses import dataclass, field

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, StreamingResponse

from tests.hub_harness import free_port, wait_until


@dataclass
class Served:
    """What the server saw of one request."""

    user_text: str
    arrived: float
    # The caller's address and port: the same port twice means the connection was reused.
    peer: str = ""
    started: float = 0.0
    finished: float = 0.0
    cancelled: bool = False


@dataclass
class Behaviour:
    tokens: int = 5
    token_delay: float = 0.0
    # Time to read the prompt before the first token (a real model's prefill).
    first_token_delay: float = 0.0
    # If set, every generation waits for this event before its first token.
    gate: threading.Event | None = None
    # Fail after this many tokens with an {"error": …} line (as Ollama does mid-stream).
    fail_after: int | None = None
    # Answer with the words of the last user message instead of "mot0 mot1 …".
    echo: bool = False
    # Or with this text, word by word.
    reply: str | None = None


@dataclass
class FakeOllama:
    parallel: int = 1
    models: tuple[str, ...] = ("mistral:7b",)
    behaviour: Behaviour = field(default_factory=Behaviour)
    served: list[Served] = field(default_factory=list)
    options_seen: list[dict] = field(default_factory=list)
    pulled: list[str] = field(default_factory=list)
    port: int = 0

    def __post_init__(self) -> None:
        self.port = self.port or free_port()
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def app(self) -> FastAPI:
        app = FastAPI()
        slots = asyncio.Semaphore(self.parallel)

        @app.get("/api/tags")
        async def tags():
            return {
                "models": [
                    {
                        "name": m,
                        "model": m,
                        "modified_at": "2026-01-01T00:00:00Z",
                        "size": 4_000_000,
                        "digest": "0" * 64,
                        "details": {
                            "format": "gguf",
                            "family": "llama",
                            "parameter_size": "7B",
                            "quantization_level": "Q4_K_M",
                        },
                    }
                    for m in self.models
                ]
            }

        @app.get("/api/ps")
        async def ps():
            return {"models": []}

        @app.post("/api/pull")
        async def pull(request: Request):
            # Ollama's documented progress stream: status lines, then per-layer lines with
            # digest, total and completed bytes, then {"status": "success"}; the model is
            # listed by /api/tags afterwards.
            body = await request.json()
            name = body.get("model") or body.get("name")
            self.pulled.append(name)
            digest = "sha256:" + "ab" * 32
            total = 4_000_000

            async def lines():
                yield json.dumps({"status": "pulling manifest"}) + "\n"
                for completed in range(0, total + 1, total // 4):
                    line = {"status": f"pulling {digest[7:19]}", "digest": digest}
                    yield json.dumps({**line, "total": total, "completed": completed}) + "\n"
                for status in ("verifying sha256 digest", "writing manifest", "success"):
                    yield json.dumps({"status": status}) + "\n"
                self.models = (*self.models, name)

            return StreamingResponse(lines(), media_type="application/x-ndjson")

        @app.post("/api/chat")
        async def chat(request: Request):
            body = await request.json()
            if body.get("model") not in self.models:
                return JSONResponse({"error": f"model '{body.get('model')}' not found"}, 404)
            self.options_seen.append(
                {**body.get("options", {}), "keep_alive": body.get("keep_alive")}
            )
            client = request.client
            peer = f"{client.host}:{client.port}" if client else ""
            record = Served(body["messages"][-1]["content"], time.monotonic(), peer)
            self.served.append(record)
            behaviour = self.behaviour

            async def lines():
                try:
                    async with slots:
                        record.started = time.monotonic()
                        if behaviour.gate is not None:
                            while not behaviour.gate.is_set():
                                await asyncio.sleep(0.01)
                        if behaviour.first_token_delay:
                            await asyncio.sleep(behaviour.first_token_delay)
                        if behaviour.reply is not None:
                            words = re.findall(r"\S+\s*", behaviour.reply)
                        elif behaviour.echo:
                            words = [w + " " for w in record.user_text.split()]
                        else:
                            words = [f"mot{i} " for i in range(behaviour.tokens)]
                        for i, word in enumerate(words):
                            if behaviour.fail_after is not None and i == behaviour.fail_after:
                                yield json.dumps({"error": "CUDA out of memory"}) + "\n"
                                return
                            if behaviour.token_delay:
                                await asyncio.sleep(behaviour.token_delay)
                            yield (
                                json.dumps(
                                    {
                                        "model": body["model"],
                                        "created_at": "2026-01-01T00:00:00Z",
                                        "message": {"role": "assistant", "content": word},
                                        "done": False,
                                    }
                                )
                                + "\n"
                            )
                        yield (
                            json.dumps(
                                {
                                    "model": body["model"],
                                    "created_at": "2026-01-01T00:00:00Z",
                                    "message": {"role": "assistant", "content": ""},
                                    "done": True,
                                    "done_reason": "stop",
                                    "total_duration": 1000,
                                    "load_duration": 0,
                                    "prompt_eval_count": 7,
                                    "prompt_eval_duration": 10,
                                    "eval_count": len(words),
                                    "eval_duration": 100,
                                }
                            )
                            + "\n"
                        )
                        record.finished = time.monotonic()
                except asyncio.CancelledError:
                    # The client closed the connection: Ollama stops generating then.
                    record.cancelled = True
                    raise

            return StreamingResponse(lines(), media_type="application/x-ndjson")

        return app

    def start(self) -> FakeOllama:
        config = uvicorn.Config(
            self.app(), host="127.0.0.1", port=self.port, log_level="error", lifespan="off"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        wait_until(lambda: self._server.started, 10, "the fake Ollama server")
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)
            self._server = None


def main() -> None:
    """Run one as a separate process (for benchmarks): python -m tests.fake_ollama --port N."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--parallel", type=int, default=1)
    parser.add_argument("--tokens", type=int, default=10)
    parser.add_argument("--token-delay", type=float, default=0.01)
    parser.add_argument("--first-token-delay", type=float, default=0.0)
    parser.add_argument("--model", default="mistral:7b")
    args = parser.parse_args()
    fake = FakeOllama(
        parallel=args.parallel,
        models=(args.model,),
        port=args.port,
        behaviour=Behaviour(
            tokens=args.tokens,
            token_delay=args.token_delay,
            first_token_delay=args.first_token_delay,
        ),
    )
    uvicorn.run(fake.app(), host="127.0.0.1", port=args.port, log_level="error")


if __name__ == "__main__":
    main()
