"""The OpenAI API subset clients use: /v1/chat/completions (SSE or whole) and /v1/models."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator

from atelier_ia.gateway.auth import Caller
from atelier_ia.gateway.core import (
    WORKSHOP_HEADER,
    Call,
    Event,
    Failed,
    Gateway,
    Queued,
    StillHere,
)
from atelier_ia.gateway.handling import Format, serve
from atelier_ia.llm.types import ChatRequest, Delta, Done, GenerationOptions, Message


class OpenAIMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: str | list[dict[str, Any]] | None = ""

    def text(self) -> str:
        if isinstance(self.content, list):
            # Content parts: keep the text ones (images are not supported by these models).
            return "".join(p.get("text", "") for p in self.content if p.get("type") == "text")
        return self.content or ""


class StreamOptions(BaseModel):
    model_config = ConfigDict(extra="allow")
    include_usage: bool = False


class ChatCompletionBody(BaseModel):
    model_config = ConfigDict(extra="allow")
    model: str = Field(min_length=1)
    messages: list[OpenAIMessage]
    stream: bool = False
    stream_options: StreamOptions | None = None
    temperature: float | None = Field(None, ge=0, le=2)
    top_p: float | None = Field(None, ge=0, le=1)
    seed: int | None = None
    max_tokens: int | None = Field(None, ge=1)
    max_completion_tokens: int | None = Field(None, ge=1)
    stop: str | list[str] | None = None

    @field_validator("messages")
    @classmethod
    def _not_empty(cls, value: list[OpenAIMessage]) -> list[OpenAIMessage]:
        if not value:
            raise ValueError("au moins un message")
        return value

    def to_request(self, max_new_tokens: int) -> ChatRequest:
        asked = self.max_completion_tokens or self.max_tokens
        stop = [self.stop] if isinstance(self.stop, str) else list(self.stop or [])
        return ChatRequest(
            model=self.model,
            messages=tuple(
                Message("system" if m.role == "developer" else m.role, m.text())
                for m in self.messages
            ),
            options=GenerationOptions(
                temperature=self.temperature,
                top_p=self.top_p,
                seed=self.seed,
                max_tokens=min(asked, max_new_tokens) if asked else max_new_tokens,
                stop=tuple(stop),
            ),
        )


_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    413: "invalid_request_error",
    429: "rate_limit_error",
}


def error_response(status: int, message: str, headers: dict[str, str] | None = None):
    return JSONResponse(
        {
            "error": {
                "message": message,
                "type": _ERROR_TYPES.get(status, "api_error"),
                "code": status,
            }
        },
        status_code=status,
        headers=headers or None,
    )


def _sse(payload: dict[str, Any] | str) -> bytes:
    data = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
    return f"data: {data}\n\n".encode()


def _usage(done: Done) -> dict[str, int]:
    return {
        "prompt_tokens": done.prompt_tokens,
        "completion_tokens": done.completion_tokens,
        "total_tokens": done.prompt_tokens + done.completion_tokens,
    }


def _format(model: str, include_usage: bool) -> Format:
    ident = f"chatcmpl-{uuid.uuid4().hex}"
    created = int(time.time())

    def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        return {
            "id": ident,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }

    async def stream(events: AsyncIterator[Event]) -> AsyncIterator[bytes]:
        first = True
        async for event in events:
            if isinstance(event, Queued):
                # An SSE comment: clients skip it, the apps can read it.
                yield f": queue_position {event.position}\n\n".encode()
            elif isinstance(event, StillHere):
                yield b": still_here\n\n"
            elif isinstance(event, Delta):
                delta = {"content": event.content}
                if first:
                    delta["role"] = "assistant"
                    first = False
                yield _sse(chunk(delta))
            elif isinstance(event, Done):
                last = chunk({}, event.done_reason)
                if event.pseudonymised:
                    last["atelier_pseudonymised"] = event.pseudonymised
                yield _sse(last)
                if include_usage:
                    yield _sse(
                        {
                            "id": ident,
                            "object": "chat.completion.chunk",
                            "created": created,
                            "model": model,
                            "choices": [],
                            "usage": _usage(event),
                        }
                    )
                yield _sse("[DONE]")
            elif isinstance(event, Failed):
                yield _sse({"error": {"message": event.message, "type": "api_error", "code": 502}})

    def whole(text: str, done: Done) -> dict[str, Any]:
        return {
            "id": ident,
            "object": "chat.completion",
            "created": created,
            "model": model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": done.done_reason,
                }
            ],
            "usage": _usage(done),
        }

    return Format("text/event-stream", stream, whole, error_response)


def openai_router(
    prefix: str, gateway: Callable[[], Gateway], authenticate: Callable[..., Any]
) -> APIRouter:
    router = APIRouter(prefix=prefix + "/v1", tags=["OpenAI"])

    @router.get("/models")
    async def models(caller: Caller = Depends(authenticate)) -> dict[str, Any]:
        gw = gateway()
        return {
            "object": "list",
            "data": [
                {"id": m.name, "object": "model", "created": 0, "owned_by": "atelier-ia"}
                for m in gw.settings.gateway.models
            ],
        }

    @router.post("/chat/completions")
    async def chat_completions(
        body: ChatCompletionBody, request: Request, caller: Caller = Depends(authenticate)
    ):
        gw = gateway()
        chat = body.to_request(gw.settings.gateway.max_new_tokens)
        call = Call(caller, chat, "openai", request.headers.get(WORKSHOP_HEADER, "")[:100])
        include_usage = bool(body.stream_options and body.stream_options.include_usage)
        return await serve(gw, request, call, body.stream, _format(body.model, include_usage))

    return router
