"""The Ollama API (https://docs.ollama.com/api): requests in, NDJSON lines out."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator

from atelier_ia import __version__
from atelier_ia.gateway.auth import Caller
from atelier_ia.gateway.core import (
    WORKSHOP_HEADER,
    Call,
    Event,
    Failed,
    Gateway,
    GatewayError,
    Queued,
    StillHere,
)
from atelier_ia.gateway.handling import Format, serve
from atelier_ia.llm.types import ChatRequest, Delta, Done, GenerationOptions, Message, ModelInfo


class OllamaMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: Literal["system", "user", "assistant", "tool"]
    content: str = ""


class OllamaOptions(BaseModel):
    # Ollama accepts many more options (num_ctx, mirostat, …); the gateway keeps those that
    # change the answer and drops those that would make the server reload the model.
    model_config = ConfigDict(extra="ignore")
    temperature: float | None = Field(None, ge=0, le=5)
    top_p: float | None = Field(None, ge=0, le=1)
    seed: int | None = None
    num_predict: int | None = None
    stop: list[str] | None = None


class _Body(BaseModel):
    model_config = ConfigDict(extra="allow")
    model: str = Field(min_length=1)
    stream: bool = True
    options: OllamaOptions = Field(default_factory=OllamaOptions)

    def generation_options(self, max_new_tokens: int) -> GenerationOptions:
        asked = self.options.num_predict
        # Ollama reads num_predict <= 0 as "no limit": the gateway's cap applies then.
        limit = max_new_tokens if asked is None or asked <= 0 else min(asked, max_new_tokens)
        return GenerationOptions(
            temperature=self.options.temperature,
            top_p=self.options.top_p,
            seed=self.options.seed,
            max_tokens=limit,
            stop=tuple(self.options.stop or ()),
        )


class OllamaChatBody(_Body):
    messages: list[OllamaMessage]

    @field_validator("messages")
    @classmethod
    def _not_empty(cls, value: list[OllamaMessage]) -> list[OllamaMessage]:
        if not value:
            raise ValueError("au moins un message")
        return value

    def to_request(self, max_new_tokens: int) -> ChatRequest:
        return ChatRequest(
            model=self.model,
            messages=tuple(Message(m.role, m.content) for m in self.messages),
            options=self.generation_options(max_new_tokens),
        )


class OllamaGenerateBody(_Body):
    prompt: str = Field(min_length=1)
    system: str = ""

    def to_request(self, max_new_tokens: int) -> ChatRequest:
        messages = ((Message("system", self.system),) if self.system else ()) + (
            Message("user", self.prompt),
        )
        return ChatRequest(self.model, messages, self.generation_options(max_new_tokens))


class ModelName(BaseModel):
    model_config = ConfigDict(extra="allow")
    model: str = Field("", description="Model name")
    name: str = Field("", description="Older spelling of `model`")


def now_iso() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


class Timing:
    """Durations Ollama reports, in nanoseconds."""

    def __init__(self) -> None:
        self.start = time.perf_counter_ns()
        self.first_token: int | None = None

    def mark_token(self) -> None:
        if self.first_token is None:
            self.first_token = time.perf_counter_ns()

    def figures(self) -> dict[str, int]:
        end = time.perf_counter_ns()
        first = self.first_token or end
        return {
            "total_duration": end - self.start,
            "load_duration": 0,
            "prompt_eval_duration": first - self.start,
            "eval_duration": end - first,
        }


def _line(payload: dict[str, Any]) -> bytes:
    return (json.dumps(payload, ensure_ascii=False) + "\n").encode()


def _formats(model: str, chat: bool) -> Format:
    """Chat answers carry `message`, generate answers carry `response`."""

    def piece(text: str) -> dict[str, Any]:
        if chat:
            return {"message": {"role": "assistant", "content": text}}
        return {"response": text}

    def done_line(done: Done, timing: Timing, text: str = "") -> dict[str, Any]:
        return {
            "model": model,
            "created_at": now_iso(),
            **piece(text),
            "done": True,
            "done_reason": done.done_reason,
            **timing.figures(),
            "prompt_eval_count": done.prompt_tokens,
            "eval_count": done.completion_tokens,
            # Not in Ollama's schema: personal data replaced before the model saw the prompt.
            **({"atelier_pseudonymised": done.pseudonymised} if done.pseudonymised else {}),
        }

    timing = Timing()

    async def stream(events: AsyncIterator[Event]) -> AsyncIterator[bytes]:
        async for event in events:
            if isinstance(event, Queued):
                # An empty piece that official clients pass over, with the queue position for
                # the apps that asked for it.
                yield _line(
                    {
                        "model": model,
                        "created_at": now_iso(),
                        **piece(""),
                        "done": False,
                        "queue_position": event.position,
                    }
                )
            elif isinstance(event, StillHere):
                yield _line({"model": model, "created_at": now_iso(), **piece(""), "done": False})
            elif isinstance(event, Delta):
                timing.mark_token()
                yield _line(
                    {"model": model, "created_at": now_iso(), **piece(event.content), "done": False}
                )
            elif isinstance(event, Done):
                yield _line(done_line(event, timing))
            elif isinstance(event, Failed):
                # Mid-stream failures travel as an {"error": …} line, as Ollama does.
                yield _line({"error": event.message})

    def whole(text: str, done: Done) -> dict[str, Any]:
        return done_line(done, timing, text)

    return Format("application/x-ndjson", stream, whole, error_response)


def error_response(status: int, message: str, headers: dict[str, str] | None = None):
    return JSONResponse({"error": message}, status_code=status, headers=headers or None)


def tag_entry(name: str, info: ModelInfo | None, label: str, notes: str) -> dict[str, Any]:
    info = info or ModelInfo(name=name)
    return {
        "name": name,
        "model": name,
        "modified_at": now_iso(),
        "size": info.size_bytes,
        "digest": "",
        "details": {
            "parent_model": "",
            "format": info.format,
            "family": info.family,
            "families": [info.family] if info.family else [],
            "parameter_size": info.parameter_size,
            "quantization_level": info.quantization,
        },
        # Not in Ollama's schema (its clients ignore it): the operator's French description.
        "atelier": {"label": label or name, "notes": notes},
    }


MANAGEMENT_REFUSAL = (
    "La gestion des modèles (téléchargement, suppression, création) est réservée à "
    "l'administrateur du serveur (commande « atelier models ») ; la passerelle la refuse."
)


def ollama_router(
    prefix: str, gateway: Callable[[], Gateway], authenticate: Callable[..., Any]
) -> APIRouter:
    router = APIRouter(prefix=prefix, tags=["Ollama"])

    def call_for(request: Request, caller: Caller, chat: ChatRequest, api: str) -> Call:
        return Call(caller, chat, api, request.headers.get(WORKSHOP_HEADER, "")[:100])

    @router.get("/api/version")
    async def version(caller: Caller = Depends(authenticate)) -> dict[str, str]:
        return {"version": __version__}

    @router.get("/api/tags")
    async def tags(caller: Caller = Depends(authenticate)) -> dict[str, Any]:
        gw = gateway()
        infos = await gw.model_infos()
        return {
            "models": [
                tag_entry(m.name, infos.get(m.name), m.label, m.notes)
                for m in gw.settings.gateway.models
            ]
        }

    @router.get("/api/ps")
    async def ps(caller: Caller = Depends(authenticate)) -> dict[str, Any]:
        gw = gateway()
        infos = await gw.model_infos()
        return {
            "models": [
                {**tag_entry(name, infos.get(name), "", ""), "expires_at": "", "size_vram": 0}
                for name in await gw.loaded()
            ]
        }

    @router.post("/api/show")
    async def show(body: ModelName, caller: Caller = Depends(authenticate)):
        gw = gateway()
        name = body.model or body.name
        try:
            gw.known_model(name)
        except GatewayError as exc:
            return error_response(exc.status, exc.message)
        entry = gw.catalogue[name]
        info = (await gw.model_infos()).get(name)
        tag = tag_entry(name, info, entry.label, entry.notes)
        return {
            "modelfile": "",
            "parameters": "",
            "template": "",
            "details": tag["details"],
            "model_info": {},
            "capabilities": ["completion"],
            "modified_at": tag["modified_at"],
            "atelier": tag["atelier"],
        }

    @router.post("/api/chat")
    async def chat(body: OllamaChatBody, request: Request, caller: Caller = Depends(authenticate)):
        gw = gateway()
        chat_request = body.to_request(gw.settings.gateway.max_new_tokens)
        return await serve(
            gw,
            request,
            call_for(request, caller, chat_request, "ollama-chat"),
            body.stream,
            _formats(body.model, chat=True),
        )

    @router.post("/api/generate")
    async def generate(
        body: OllamaGenerateBody, request: Request, caller: Caller = Depends(authenticate)
    ):
        gw = gateway()
        chat_request = body.to_request(gw.settings.gateway.max_new_tokens)
        return await serve(
            gw,
            request,
            call_for(request, caller, chat_request, "ollama-generate"),
            body.stream,
            _formats(body.model, chat=False),
        )

    async def refuse_management(caller: Caller = Depends(authenticate)):
        return error_response(403, MANAGEMENT_REFUSAL)

    for path, method in (
        ("/api/pull", "POST"),
        ("/api/push", "POST"),
        ("/api/create", "POST"),
        ("/api/copy", "POST"),
        ("/api/delete", "DELETE"),
    ):
        router.add_api_route(
            path,
            refuse_management,
            methods=[method],
            summary=f"{path} (refused: models are managed by the operator)",
        )
    return router
