"""Any OpenAI-compatible server: Albert / OpenGateLLM, vLLM, llama.cpp's llama-server.

Spoken with httpx: streaming chat completions arrive as server-sent events (`data: {...}`,
ending with `data: [DONE]`), usage in the last chunk when `stream_options.include_usage` is set.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx

from atelier_ia.llm.types import BackendError, ChatRequest, Delta, Done, ModelInfo
from atelier_ia.settings import BackendSettings


class OpenAIBackend:
    def __init__(self, spec: BackendSettings) -> None:
        self.name = spec.name
        self.parallel = spec.parallel
        headers = {}
        key = spec.resolved_api_key()
        if key:
            headers["Authorization"] = f"Bearer {key}"
        base = spec.url.rstrip("/")
        if not base.endswith("/v1"):
            base += "/v1"
        self._client = httpx.AsyncClient(base_url=base, headers=headers, timeout=spec.timeout)

    def _unreachable(self, exc: Exception) -> BackendError:
        return BackendError(f"le serveur {self.name} ne répond pas ({exc})", unreachable=True)

    async def list_models(self) -> list[ModelInfo]:
        try:
            response = await self._client.get("/models")
            response.raise_for_status()
        except httpx.HTTPStatusError as exc:
            raise BackendError(
                f"le serveur {self.name} refuse la liste des modèles ({exc.response.status_code})"
            ) from exc
        except httpx.HTTPError as exc:
            raise self._unreachable(exc) from exc
        return [ModelInfo(name=entry["id"], format="") for entry in response.json().get("data", [])]

    async def loaded(self) -> list[str]:
        return []

    def _body(self, request: ChatRequest) -> dict:
        opts = request.options
        body: dict = {
            "model": request.model,
            "messages": [{"role": m.role, "content": m.content} for m in request.messages],
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        for key, value in (
            ("temperature", opts.temperature),
            ("top_p", opts.top_p),
            ("seed", opts.seed),
            ("max_tokens", opts.max_tokens),
        ):
            if value is not None:
                body[key] = value
        if opts.stop:
            body["stop"] = list(opts.stop)
        return body

    async def stream_chat(self, request: ChatRequest) -> AsyncIterator[Delta | Done]:
        pieces = 0
        usage: dict = {}
        reason = "stop"
        try:
            async with self._client.stream(
                "POST", "/chat/completions", json=self._body(request)
            ) as response:
                if response.status_code >= 400:
                    detail = (await response.aread()).decode(errors="replace")[:300]
                    raise BackendError(
                        f"le serveur {self.name} a refusé la demande "
                        f"({response.status_code} : {detail})"
                    )
                finished = False
                # Read to the end of the body, past `[DONE]`: a response left unread makes
                # httpx close the connection, and the next request would open a new one.
                async for line in response.aiter_lines():
                    if finished or not line.startswith("data:"):
                        continue
                    data = line[5:].strip()
                    if data == "[DONE]":
                        finished = True
                        continue
                    chunk = json.loads(data)
                    if chunk.get("usage"):
                        usage = chunk["usage"]
                    for choice in chunk.get("choices") or []:
                        text = (choice.get("delta") or {}).get("content") or ""
                        if text:
                            pieces += 1
                            yield Delta(text)
                        if choice.get("finish_reason") == "length":
                            reason = "length"
                if not finished:
                    raise BackendError(f"le serveur {self.name} a coupé la réponse")
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            raise self._unreachable(exc) from exc
        except httpx.HTTPError as exc:
            raise BackendError(f"le serveur {self.name} a coupé la réponse ({exc})") from exc
        except json.JSONDecodeError as exc:
            raise BackendError(f"le serveur {self.name} a envoyé une réponse illisible") from exc
        yield Done(
            prompt_tokens=int(usage.get("prompt_tokens", 0)),
            completion_tokens=int(usage.get("completion_tokens", pieces)),
            done_reason=reason,
        )

    async def aclose(self) -> None:
        await self._client.aclose()
