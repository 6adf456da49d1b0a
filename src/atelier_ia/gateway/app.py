"""The model gateway: a FastAPI app the hub runs as a managed service.

It is the only door to a model: it authenticates the caller with their hub token, picks the
backend that serves the requested model, and speaks the Ollama API to the caller.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse

from atelier_ia import __version__
from atelier_ia.gateway import ollama_api
from atelier_ia.gateway.auth import Caller, HubTokenAuth
from atelier_ia.llm.backends import Backend, make_backend
from atelier_ia.llm.types import BackendError, ChatRequest, Delta, Done, ModelInfo
from atelier_ia.settings import Settings
from atelier_ia.validation import expected_form

log = logging.getLogger("atelier_ia.gateway")

WORKSHOP_HEADER = "x-atelier-workshop"


class Gateway:
    """Routing from model names to backends, with each backend's parallelism as a cap."""

    def __init__(self, settings: Settings, backends: dict[str, Backend]) -> None:
        self.settings = settings
        self.backends = backends
        self.catalogue = {m.name: m for m in settings.gateway.models}
        self.slots = {
            spec.name: asyncio.Semaphore(spec.parallel) for spec in settings.gateway.backends
        }

    def backend_for(self, model: str) -> Backend:
        entry = self.catalogue.get(model)
        if entry is None:
            known = ", ".join(sorted(self.catalogue))
            raise HTTPException(
                404, f"Modèle « {model} » introuvable. Modèles disponibles : {known}."
            )
        return self.backends[entry.backend]

    async def model_infos(self) -> dict[str, ModelInfo]:
        infos: dict[str, ModelInfo] = {}
        for backend in self.backends.values():
            try:
                for info in await backend.list_models():
                    infos.setdefault(info.name, info)
            except BackendError as exc:
                log.warning(
                    json.dumps(
                        {"event": "backend_down", "backend": backend.name, "error": str(exc)}
                    )
                )
        return infos

    async def stream(self, request: ChatRequest) -> AsyncIterator[Delta | Done]:
        backend = self.backend_for(request.model)
        async with self.slots[backend.name]:
            async for piece in backend.stream_chat(request):
                yield piece


def _error(status: int, message: str) -> JSONResponse:
    # Ollama's clients read {"error": "..."}.
    return JSONResponse({"error": message}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
    if first["type"] == "json_invalid":
        where = ""  # its location is a character offset, not a field
    expected = expected_form(first, object_word="un objet JSON { ... }")
    if not where:
        return f"Requête invalide : le corps doit être {expected}."
    return f"Requête invalide : champ « {where} » : attendu {expected}."


def create_app(
    settings: Settings,
    backends: dict[str, Backend] | None = None,
    authenticate: Callable[[Request], Awaitable[Caller]] | None = None,
    prefix: str | None = None,
) -> FastAPI:
    prefix = (prefix or os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/services/gateway/")).rstrip(
        "/"
    )
    authenticate = authenticate or HubTokenAuth()
    state: dict[str, Gateway] = {}

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        made = backends
        if made is None:
            made = {spec.name: make_backend(spec, settings) for spec in settings.gateway.backends}
        state["gateway"] = Gateway(settings, made)
        yield
        for backend in made.values():
            await backend.aclose()

    app = FastAPI(
        title="Atelier IA — passerelle des modèles", version=__version__, lifespan=lifespan
    )

    @app.exception_handler(HTTPException)
    async def _http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(400, _validation_message(exc))

    router = APIRouter(prefix=prefix)

    @router.get("/api/version")
    async def version(caller: Caller = Depends(authenticate)) -> dict[str, str]:
        return {"version": __version__}

    @router.get("/api/tags")
    async def tags(caller: Caller = Depends(authenticate)) -> dict[str, Any]:
        gateway = state["gateway"]
        infos = await gateway.model_infos()
        return {
            "models": [
                ollama_api.tag_entry(m.name, infos.get(m.name), m.label, m.notes)
                for m in settings.gateway.models
            ]
        }

    @router.post("/api/chat")
    async def chat(
        body: ollama_api.OllamaChatBody, request: Request, caller: Caller = Depends(authenticate)
    ):
        gateway = state["gateway"]
        gateway.backend_for(body.model)  # 404 now, before any streaming starts
        chat_request = body.to_request(settings.gateway.max_new_tokens)
        workshop = request.headers.get(WORKSHOP_HEADER, "")
        if body.stream:
            lines = _ndjson(gateway, chat_request, caller, workshop)
            return StreamingResponse(lines, media_type="application/x-ndjson")
        return await _whole(gateway, chat_request, caller, workshop)

    app.include_router(router)
    return app


def _log_request(
    caller: Caller,
    workshop: str,
    request: ChatRequest,
    status: str,
    timing: ollama_api.Timing,
    done: Done | None,
    error: str = "",
) -> None:
    # Structured, and never the prompt or a token.
    log.info(
        json.dumps(
            {
                "event": "chat",
                "user": caller.name,
                "workshop": workshop,
                "model": request.model,
                "status": status,
                "tokens_in": done.prompt_tokens if done else 0,
                "tokens_out": done.completion_tokens if done else 0,
                "duration_s": round((time.perf_counter_ns() - timing.start) / 1e9, 3),
                "error": error,
            }
        )
    )


async def _ndjson(
    gateway: Gateway, request: ChatRequest, caller: Caller, workshop: str
) -> AsyncIterator[bytes]:
    timing = ollama_api.Timing()
    done: Done | None = None
    status = "cancelled"  # unless we reach the end: the caller went away
    try:
        async for piece in gateway.stream(request):
            if isinstance(piece, Delta):
                timing.mark_token()
                yield _line(ollama_api.chat_chunk(request.model, piece.content))
            else:
                done = piece
        if done is None:
            raise BackendError("le modèle a coupé la réponse avant la fin")
        yield _line(ollama_api.chat_done(request.model, done, timing))
        status = "ok"
    except BackendError as exc:
        status = "error"
        # Mid-stream failures travel as an {"error": …} line, as Ollama does.
        yield _line({"error": f"Le modèle n'a pas pu répondre : {exc}"})
    finally:
        _log_request(caller, workshop, request, status, timing, done)


async def _whole(
    gateway: Gateway, request: ChatRequest, caller: Caller, workshop: str
) -> JSONResponse:
    timing = ollama_api.Timing()
    parts: list[str] = []
    done: Done | None = None
    try:
        async for piece in gateway.stream(request):
            if isinstance(piece, Delta):
                timing.mark_token()
                parts.append(piece.content)
            else:
                done = piece
    except BackendError as exc:
        _log_request(caller, workshop, request, "error", timing, done, str(exc))
        return _error(502, f"Le modèle n'a pas pu répondre : {exc}")
    if done is None:
        _log_request(caller, workshop, request, "error", timing, None, "truncated")
        return _error(502, "Le modèle a coupé la réponse avant la fin.")
    _log_request(caller, workshop, request, "ok", timing, done)
    return JSONResponse(ollama_api.chat_done(request.model, done, timing, "".join(parts)))


def _line(payload: dict[str, Any]) -> bytes:
    return (json.dumps(payload, ensure_ascii=False) + "\n").encode()
