"""OpenAI's ``POST /v1/audio/transcriptions``: multipart ``file``, ``model``, ``language``,
``response_format`` (json, text, verbose_json, srt, vtt) and ``stream``.

The caller is authenticated before the body is read: the form is parsed by hand, not declared
as FastAPI parameters (FastAPI would read a whole upload before any dependency runs). The
document still describes the body (``openapi_extra``), for clients and for the fuzzer.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException
from starlette.requests import ClientDisconnect

from atelier_ia.gateway.auth import Caller
from atelier_ia.gateway.core import (
    QUEUE_UPDATES_HEADER,
    WORKSHOP_HEADER,
    ClientGone,
    GatewayError,
    Queued,
    until_disconnected,
)
from atelier_ia.gateway.openai_api import error_response
from atelier_ia.gateway.transcription import Progress, Recording, Transcriber, Transcript
from atelier_ia.speech.types import Segment, clock

FORMATS = ("json", "text", "verbose_json", "srt", "vtt")
ROUTE = "/v1/audio/transcriptions"

BODY_SCHEMA = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file", "model"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "model": {"type": "string"},
                        "language": {"type": "string"},
                        "prompt": {"type": "string"},
                        "response_format": {"type": "string", "enum": list(FORMATS)},
                        "temperature": {"type": "number"},
                        "stream": {"type": "boolean"},
                    },
                }
            }
        },
    }
}


def srt(segments: tuple[Segment, ...]) -> str:
    return "\n".join(
        f"{i}\n{clock(s.start, ',')} --> {clock(s.end, ',')}\n{s.text}\n"
        for i, s in enumerate(segments, 1)
    )


def vtt(segments: tuple[Segment, ...]) -> str:
    cues = "\n".join(f"{clock(s.start)} --> {clock(s.end)}\n{s.text}\n" for s in segments)
    return f"WEBVTT\n\n{cues}"


def segment_json(index: int, segment: Segment) -> dict[str, Any]:
    return {"id": index, "start": segment.start, "end": segment.end, "text": segment.text}


def whole(transcript: Transcript, response_format: str) -> Response:
    if response_format == "text":
        return PlainTextResponse(transcript.text)
    if response_format == "srt":
        return PlainTextResponse(srt(transcript.segments))
    if response_format == "vtt":
        return PlainTextResponse(vtt(transcript.segments), media_type="text/vtt")
    if response_format == "verbose_json":
        return JSONResponse(
            {
                "task": "transcribe",
                "language": transcript.language,
                "duration": transcript.duration_s,
                "text": transcript.text,
                "segments": [segment_json(i, s) for i, s in enumerate(transcript.segments)],
            }
        )
    return JSONResponse({"text": transcript.text})


def _sse(data: dict[str, Any]) -> bytes:
    return f"data: {json.dumps(data, ensure_ascii=False)}\n\n".encode()


async def stream_events(events: AsyncIterator[Any], updates: bool) -> AsyncIterator[bytes]:
    """OpenAI's transcription events (``transcript.text.delta`` per segment, with its times,
    then ``transcript.text.done``); with the apps' header, ``atelier.queue`` and
    ``atelier.progress`` too. An error after the start is an ``error`` event."""
    index = 0
    try:
        async for event in events:
            if isinstance(event, Segment):
                delta = event.text if index == 0 else " " + event.text
                yield _sse(
                    {
                        "type": "transcript.text.delta",
                        "delta": delta,
                        "segment": segment_json(index, event),
                    }
                )
                index += 1
            elif isinstance(event, Transcript):
                yield _sse(
                    {
                        "type": "transcript.text.done",
                        "text": event.text,
                        "duration": event.duration_s,
                    }
                )
            elif updates and isinstance(event, Queued):
                yield _sse({"type": "atelier.queue", "position": event.position})
            elif updates and isinstance(event, Progress):
                yield _sse({"type": "atelier.progress", "progress": round(event.done, 3)})
    except GatewayError as exc:
        yield _sse({"type": "error", "error": {"message": exc.message, "code": exc.status}})


async def _last(events: AsyncIterator[Any]) -> Transcript | None:
    transcript = None
    async for event in events:
        if isinstance(event, Transcript):
            transcript = event
    return transcript


def _field(form, name: str, default: str = "") -> str:
    value = form.get(name, default)
    if not isinstance(value, str):
        raise GatewayError(400, f"Requête invalide : champ « {name} » : attendu du texte.")
    return value.strip()


async def read_recording(
    request: Request, max_fields_bytes: int, default_model: str
) -> tuple[Recording, str, bool]:
    """The form's fields; ``model`` may be left out (the operator's default model)."""
    try:
        form = await request.form(max_files=1, max_fields=10, max_part_size=max_fields_bytes)
    except MultiPartException as exc:
        raise GatewayError(
            400, f"Requête invalide : formulaire multipart illisible ({exc})."
        ) from None
    except ClientDisconnect:
        raise ClientGone from None  # left mid-upload: nothing was queued
    except AssertionError:  # python-multipart missing a boundary, or a body that is not a form
        raise GatewayError(
            400, "Requête invalide : envoyez un formulaire multipart avec un champ « file »."
        ) from None
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise GatewayError(400, "Requête invalide : champ « file » : attendu un fichier audio.")
        model = _field(form, "model") or default_model
        response_format = _field(form, "response_format", "json") or "json"
        if response_format not in FORMATS:
            raise GatewayError(
                400,
                f"Requête invalide : champ « response_format » : attendu l'un de "
                f"{', '.join(FORMATS)}.",
            )
        stream = _field(form, "stream", "false").lower() in ("true", "1")
        language = _field(form, "language", "fr") or "fr"
        data = await upload.read()
        recording = Recording(
            data=data,
            filename=upload.filename or "audio",
            model=model,
            language=language.split("-")[0].lower()[:8],
            workshop=request.headers.get(WORKSHOP_HEADER, "")[:100],
        )
        return recording, response_format, stream
    finally:
        await form.close()  # the upload's spooled copy goes at once


def audio_router(
    prefix: str,
    transcriber: Callable[[], Transcriber],
    authenticate: Callable[..., Any],
) -> APIRouter:
    router = APIRouter()

    @router.post(prefix + "/v1/audio/transcriptions", tags=["OpenAI"], openapi_extra=BODY_SCHEMA)
    async def transcriptions(request: Request, caller: Caller = Depends(authenticate)) -> Response:
        service = transcriber()
        try:
            recording, response_format, stream = await read_recording(
                request, 100_000, service.settings.speech.default_model
            )
            declared = await service.check(recording)
            events = service.run(caller, recording, declared)
            if stream:
                updates = request.headers.get(QUEUE_UPDATES_HEADER) == "1"
                return StreamingResponse(
                    stream_events(events, updates), media_type="text/event-stream"
                )
            transcript = await until_disconnected(request, _last(events))
            if transcript is None:
                return error_response(502, "La transcription s'est interrompue avant la fin.")
            return whole(transcript, response_format)
        except GatewayError as exc:
            return error_response(exc.status, exc.message, exc.headers)
        except ClientGone:
            return Response(status_code=499)

    return router
