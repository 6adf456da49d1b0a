"""The request cycle shared by the Ollama and OpenAI routes, formats aside."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.background import BackgroundTask

from atelier_ia.gateway import core
from atelier_ia.gateway.core import (
    QUEUE_POSITION_HEADER,
    QUEUE_UPDATES_HEADER,
    Call,
    ClientGone,
    Event,
    Failed,
    Gateway,
    GatewayError,
    until_disconnected,
    with_still_here,
)
from atelier_ia.llm.types import Delta, Done


@dataclass(frozen=True)
class Format:
    """How one API writes what the gateway produces."""

    media_type: str
    stream: Callable[[AsyncIterator[Event]], AsyncIterator[bytes]]
    whole: Callable[[str, Done], dict[str, Any]]
    error: Callable[[int, str, dict[str, str]], JSONResponse]


async def serve(
    gateway: Gateway, request: Request, call: Call, stream: bool, fmt: Format
) -> Response:
    try:
        await gateway.check(call)
        ticket = gateway.enqueue(call)
        headers = {QUEUE_POSITION_HEADER: str(gateway.scheduler.position(ticket))}
        updates = stream and request.headers.get(QUEUE_UPDATES_HEADER) == "1"
        if updates:
            # The caller reads its place in the queue from the stream itself, and hears from
            # the gateway at least every STILL_HERE_S seconds.
            events = with_still_here(gateway.run(call, updates=True), core.STILL_HERE_S)
            return StreamingResponse(fmt.stream(events), media_type=fmt.media_type, headers=headers)
        if gateway.scheduler.granted(ticket):
            lease = await gateway.wait_for_slot(call)  # returns at once
        else:
            lease = await until_disconnected(request, gateway.wait_for_slot(call))
        if stream:
            # The lease is released by the stream's end; the background task covers a stream
            # that never starts because the caller left first (release is idempotent).
            return StreamingResponse(
                fmt.stream(gateway.run(call, lease)),
                media_type=fmt.media_type,
                headers=headers,
                background=BackgroundTask(gateway.release, lease),
            )
        text, done, failed = await until_disconnected(request, _collect(gateway.run(call, lease)))
        if failed is not None:
            return fmt.error(failed.status, failed.message, {**headers, **dict(failed.headers)})
        if done is None:
            return fmt.error(502, "Le modèle a coupé la réponse avant la fin.", headers)
        return JSONResponse(fmt.whole(text, done), headers=headers)
    except GatewayError as exc:
        return fmt.error(exc.status, exc.message, exc.headers)
    except ClientGone:
        # Nobody is listening; 499 is what nginx logs for this.
        return Response(status_code=499)


async def _collect(events: AsyncIterator[Event]) -> tuple[str, Done | None, Failed | None]:
    parts: list[str] = []
    done: Done | None = None
    failed: Failed | None = None
    async for event in events:
        if isinstance(event, Delta):
            parts.append(event.content)
        elif isinstance(event, Done):
            done = event
        elif isinstance(event, Failed):
            failed = event
    return "".join(parts), done, failed
