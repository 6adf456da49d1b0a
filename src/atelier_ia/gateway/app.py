"""The model gateway: a FastAPI app the hub runs as a managed service.

The only door to a model. Every route authenticates the caller with their hub token; model
requests then go through :class:`atelier_ia.gateway.core.Gateway` (checks, fair queue, failover,
audit, metrics). The Ollama and OpenAI routes only translate formats.
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import os
from collections.abc import Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

from atelier_ia import __version__
from atelier_ia.gateway import audio_api, ollama_api, openai_api
from atelier_ia.gateway.audit import AuditLog, pseudonymise_texts
from atelier_ia.gateway.auth import Caller, HubTokenAuth, TrainerCheck
from atelier_ia.gateway.core import Gateway
from atelier_ia.gateway.metrics import CONTENT_TYPE
from atelier_ia.gateway.records import KINDS, MAX_PAYLOAD
from atelier_ia.gateway.transcription import Transcriber
from atelier_ia.llm.backends import Backend, make_backend
from atelier_ia.settings import Settings
from atelier_ia.speech.backends import SpeechBackend, make_speech_backend
from atelier_ia.speech.whisper_model import ModelUnavailable, model_dir
from atelier_ia.validation import expected_form

log = logging.getLogger("atelier_ia.gateway")


class BodySizeLimit:
    """Refuse bodies over `limit` bytes before reading them whole (413, in the API's format);
    recordings sent to `audio_path` have `audio_limit`."""

    def __init__(
        self, app: Any, limit: int, openai_prefix: str, audio_path: str, audio_limit: int
    ) -> None:
        self.app = app
        self.limit = limit
        self.openai_prefix = openai_prefix
        self.audio_path = audio_path
        self.audio_limit = audio_limit

    def limit_for(self, scope: dict[str, Any]) -> int:
        return self.audio_limit if scope["path"] == self.audio_path else self.limit

    def message(self, scope: dict[str, Any]) -> str:
        if scope["path"] == self.audio_path:
            return (
                f"Fichier trop volumineux : au plus {self.audio_limit // 1_000_000} Mo. "
                "Envoyez un extrait, ou un format compressé (mp3, m4a, ogg)."
            )
        return (
            f"Requête trop volumineuse : au plus {self.limit // 1000} ko. "
            "Raccourcissez le texte envoyé."
        )

    def _refusal(self, scope: dict[str, Any]) -> JSONResponse:
        if scope["path"].startswith(self.openai_prefix):
            return openai_api.error_response(413, self.message(scope))
        return ollama_api.error_response(413, self.message(scope))

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._refusal(scope)(scope, receive, send)
            return
        seen = 0

        async def limited_receive():
            # A body sent without its length (chunked) is counted as it arrives. The
            # HTTPException rises from the route's body reading, which FastAPI passes on to
            # the exception handler below: a 413 in the API's format.
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise HTTPException(413, self.message(scope))
            return message

        await self.app(scope, limited_receive, send)


def warm_up_privacy() -> None:
    from atelier_ia.privacy import find

    find("M. Jean Dupont")


def join_speech_model_ahead(models_dir) -> None:
    """The Whisper model joined at start-up; if that fails (a full disk), one line in the log
    and nothing else: the first recording tries again and tells its sender why, in French."""
    try:
        model_dir(models_dir)
    except (OSError, ModelUnavailable) as exc:
        log.error(json.dumps({"event": "speech_model_join_failed", "error": str(exc)}))


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
    speech_backends: dict[str, SpeechBackend] | None = None,
    authenticate: Callable[[Request], Awaitable[Caller]] | None = None,
    is_trainer: Callable[[Caller], Awaitable[bool]] | None = None,
    prefix: str | None = None,
) -> FastAPI:
    """`backends`, `authenticate` and `is_trainer` default to the real ones; tests that stand
    in for the hub or for Ollama pass their own."""
    prefix = prefix or os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/services/gateway/")
    prefix = prefix.rstrip("/")
    if authenticate is None:
        hub_auth = HubTokenAuth()
        authenticate = hub_auth
        is_trainer = is_trainer or TrainerCheck(settings.auth.trainers_group, hub_auth.hub_auth)
    state: dict[str, Any] = {}

    def gateway() -> Gateway:
        return state["gateway"]

    def transcriber() -> Transcriber:
        return state["transcriber"]

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        made = backends
        if made is None:
            made = {spec.name: make_backend(spec, settings) for spec in settings.gateway.backends}
        audit = await asyncio.to_thread(AuditLog, settings.audit_database_url, pseudonymise_texts)
        if settings.gateway.store_texts or any(
            not spec.is_local for spec in settings.gateway.backends
        ):
            # Load the French name model now, not during someone's first request.
            asyncio.get_running_loop().run_in_executor(None, warm_up_privacy)
        state["gateway"] = app.state.gateway = Gateway(settings, made, audit)
        heard = speech_backends
        if heard is None:
            heard = {
                spec.name: make_speech_backend(spec, settings) for spec in settings.speech.backends
            }
            if any(spec.kind == "embedded" for spec in settings.speech.backends):
                # Join the Whisper model's two packages now (once), not at someone's first
                # recording.
                asyncio.get_running_loop().run_in_executor(
                    None, join_speech_model_ahead, settings.models_dir
                )
        state["transcriber"] = app.state.transcriber = Transcriber(
            settings, heard, audit, app.state.gateway.metrics
        )
        # What was built at start-up lives as long as the process: keep it out of the garbage
        # collector's later passes, which would otherwise walk it again during requests.
        gc.collect()
        gc.freeze()
        yield
        await state["gateway"].aclose()
        await state["transcriber"].aclose()
        audit.engine.dispose()

    app = FastAPI(
        title="Atelier IA — passerelle des modèles",
        version=__version__,
        lifespan=lifespan,
        # The schema is served behind authentication, below, like every route.
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
    )
    openai_prefix = prefix + "/v1"
    app.add_middleware(
        BodySizeLimit,
        limit=settings.gateway.max_body_bytes,
        openai_prefix=openai_prefix,
        audio_path=prefix + audio_api.ROUTE,
        audio_limit=settings.speech.max_upload_bytes,
    )

    def error(request: Request, status: int, message: str, headers=None) -> JSONResponse:
        if request.url.path.startswith(openai_prefix):
            return openai_api.error_response(status, message, headers)
        return ollama_api.error_response(status, message, headers)

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return error(request, exc.status_code, str(exc.detail), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error(request, 400, _validation_message(exc))

    async def trainer(caller: Caller = Depends(authenticate)) -> Caller:
        allowed = caller.kind == "service" or (is_trainer is not None and await is_trainer(caller))
        if not allowed:
            raise HTTPException(403, "Réservé aux formateurs.")
        return caller

    app.include_router(ollama_api.ollama_router(prefix, gateway, authenticate))
    app.include_router(openai_api.openai_router(prefix, gateway, authenticate))
    app.include_router(audio_api.audio_router(prefix, transcriber, authenticate))

    @app.get(prefix + "/metrics", tags=["Atelier"])
    async def metrics(caller: Caller = Depends(trainer)) -> Response:
        return Response(gateway().metrics.render(), media_type=CONTENT_TYPE)

    @app.get(prefix + "/audit/me", tags=["Atelier"])
    async def audit_me(caller: Caller = Depends(authenticate)) -> dict[str, Any]:
        rows = await asyncio.to_thread(gateway().audit.rows_for, caller.name)
        return {"user": caller.name, "requests": rows}

    @app.get(prefix + "/audit/room", tags=["Atelier"])
    async def audit_room(caller: Caller = Depends(trainer)) -> dict[str, Any]:
        gw = gateway()
        summary = await asyncio.to_thread(gw.audit.room_summary, settings.gateway.session)
        summary["queue"] = {"waiting": gw.scheduler.queued, "running": gw.scheduler.in_flight}
        summary["recent"] = await asyncio.to_thread(gw.audit.recent, settings.gateway.session)
        return summary

    def known_kind(kind: str) -> str:
        if kind not in KINDS:
            raise HTTPException(
                404, f"Type d'enregistrement inconnu : « {kind} » (attendu : {', '.join(KINDS)})."
            )
        return kind

    @app.post(prefix + "/records/{kind}", tags=["Atelier"], status_code=201)
    async def add_record(
        kind: str, request: Request, caller: Caller = Depends(authenticate)
    ) -> dict[str, str]:
        known_kind(kind)
        body = await request.body()
        try:
            payload = json.loads(body)
        except ValueError:
            raise HTTPException(
                400, "Requête invalide : le corps doit être du JSON valide."
            ) from None
        if not isinstance(payload, dict) or len(body) > MAX_PAYLOAD:
            raise HTTPException(400, "Requête invalide : un objet JSON de moins de 10 ko.")
        await asyncio.to_thread(
            gateway().records.add, settings.gateway.session, caller.name, kind, payload
        )
        return {"status": "ok"}

    @app.get(prefix + "/records/{kind}/mine", tags=["Atelier"])
    async def my_records(kind: str, caller: Caller = Depends(authenticate)) -> dict[str, Any]:
        known_kind(kind)
        rows = await asyncio.to_thread(
            gateway().records.list, settings.gateway.session, kind, caller.name
        )
        return {"kind": kind, "records": rows}

    @app.get(prefix + "/records/{kind}", tags=["Atelier"])
    async def room_records(kind: str, caller: Caller = Depends(trainer)) -> dict[str, Any]:
        known_kind(kind)
        rows = await asyncio.to_thread(gateway().records.list, settings.gateway.session, kind)
        return {"kind": kind, "records": rows}

    def documented() -> dict[str, Any]:
        """The OpenAPI document, saying what every route asks: the caller's hub token."""
        if app.openapi_schema is None:
            schema = app.openapi()  # cached by FastAPI in app.openapi_schema
            schema.setdefault("components", {})["securitySchemes"] = {
                "hubToken": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "Jeton JupyterHub de la personne ou du service "
                    "(« Authorization: Bearer … » ou « token … »)",
                }
            }
            schema["security"] = [{"hubToken": []}]
        return app.openapi_schema

    @app.get(prefix + "/openapi.json", tags=["Atelier"], include_in_schema=False)
    async def openapi(caller: Caller = Depends(authenticate)) -> dict[str, Any]:
        return documented()

    return app
