"""An Ollama server, through the official client."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import ollama

from atelier_ia.llm.types import BackendError, ChatRequest, Delta, Done, ModelInfo
from atelier_ia.settings import BackendSettings


def ollama_options(request: ChatRequest, num_ctx: int = 0) -> dict[str, object]:
    opts = request.options
    # One num_ctx for every request: a different one makes Ollama reload the model.
    options: dict[str, object] = {"num_ctx": num_ctx} if num_ctx else {}
    if opts.temperature is not None:
        options["temperature"] = opts.temperature
    if opts.top_p is not None:
        options["top_p"] = opts.top_p
    if opts.seed is not None:
        options["seed"] = opts.seed
    if opts.max_tokens is not None:
        options["num_predict"] = opts.max_tokens
    if opts.stop:
        options["stop"] = list(opts.stop)
    return options


class OllamaBackend:
    def __init__(self, spec: BackendSettings) -> None:
        self.name = spec.name
        self.parallel = spec.parallel
        self.keep_alive = spec.keep_alive
        self.num_ctx = spec.num_ctx
        # The client has no timeout by default: a stalled server would hold a slot forever.
        self._client = ollama.AsyncClient(host=spec.url, timeout=spec.timeout)

    async def list_models(self) -> list[ModelInfo]:
        try:
            listing = await self._client.list()
        except (httpx.HTTPError, ollama.ResponseError, ConnectionError) as exc:
            raise BackendError(
                f"Ollama ({self.name}) ne répond pas : {exc}", unreachable=True
            ) from exc
        models = []
        for entry in listing.models:
            details = entry.details
            models.append(
                ModelInfo(
                    name=entry.model or "",
                    family=(details.family if details else "") or "",
                    parameter_size=(details.parameter_size if details else "") or "",
                    quantization=(details.quantization_level if details else "") or "",
                    size_bytes=entry.size or 0,
                    format=(details.format if details else "") or "gguf",
                )
            )
        return models

    async def loaded(self) -> list[str]:
        try:
            return [m.model or "" for m in (await self._client.ps()).models]
        except (httpx.HTTPError, ollama.ResponseError, ConnectionError):
            return []

    async def stream_chat(self, request: ChatRequest) -> AsyncIterator[Delta | Done]:
        messages = [{"role": m.role, "content": m.content} for m in request.messages]
        started = False
        done: Done | None = None
        try:
            stream = await self._client.chat(
                model=request.model,
                messages=messages,
                stream=True,
                options=ollama_options(request, self.num_ctx),
                keep_alive=self.keep_alive,
            )
            # Read the stream to its end, past the `done` line: a response left unread makes
            # httpx close the connection, and the next request would open a new one.
            async for part in stream:
                started = True
                if done is not None:
                    continue
                if part.message and part.message.content:
                    yield Delta(part.message.content)
                if part.done:
                    done = Done(
                        prompt_tokens=part.prompt_eval_count or 0,
                        completion_tokens=part.eval_count or 0,
                        done_reason=part.done_reason or "stop",
                    )
        except ollama.ResponseError as exc:
            raise BackendError(f"Ollama ({self.name}) a renvoyé une erreur : {exc.error}") from exc
        except (httpx.HTTPError, ConnectionError) as exc:
            unreachable = not started and isinstance(
                exc, httpx.ConnectError | httpx.ConnectTimeout | ConnectionError
            )
            raise BackendError(
                f"Ollama ({self.name}) ne répond pas : {exc}", unreachable=unreachable
            ) from exc
        if done is None:
            raise BackendError(f"Ollama ({self.name}) a coupé la réponse avant la fin.")
        yield done

    async def aclose(self) -> None:
        await self._client._client.aclose()


def pull(spec: BackendSettings, model: str) -> Iterator[dict[str, Any]]:
    """Ask an Ollama upstream to download a model; yields its progress lines (status, total,
    completed) as Ollama streams them. Only the operator's `atelier models pull` calls this:
    the gateway refuses the pull route to everyone."""
    client = ollama.Client(host=spec.url, timeout=spec.timeout)
    for progress in client.pull(model, stream=True):
        yield progress.model_dump(exclude_none=True)
