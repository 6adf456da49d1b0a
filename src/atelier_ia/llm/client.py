"""The small client the workshop apps use, on top of the official `ollama` client.

It reads what the hub puts in every user server's environment: ``OLLAMA_HOST`` (the gateway)
and ``OLLAMA_API_KEY`` (the person's own hub token). Errors come out as :class:`LLMError` with a
French message a participant can read.

Streaming chats read the gateway's NDJSON themselves (with the same headers as the ollama
client): the gateway adds the caller's place in the queue to empty pieces, a field the official
client's models drop, and the apps show it ("2 personnes avant vous").
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import httpx
import ollama

from atelier_ia.settings import EMBEDDED_MODEL

WORKSHOP_HEADER = "X-Atelier-Workshop"
QUEUE_UPDATES_HEADER = "X-Atelier-Queue-Updates"
# Seconds without a byte from the gateway after which a call is given up: the gateway sends
# something at least every 10 s on the streams the apps read (gateway/core.py, STILL_HERE_S),
# and the hub's proxy keeps a dead gateway's connection open and silent.
READ_GAP_S = 30.0


class LLMError(RuntimeError):
    """A model call that failed; str() is a French sentence for the participant."""


@dataclass
class ChatStats:
    tokens_in: int = 0
    tokens_out: int = 0
    seconds: float = 0.0
    done_reason: str = ""
    # Personal data the gateway replaced before the prompt reached a model off this server.
    pseudonymised: int = 0


def is_demo_model(name: str) -> bool:
    return name == EMBEDDED_MODEL


def _error_text(response: httpx.Response) -> str:
    try:
        error = response.json().get("error", "")
    except ValueError:
        return response.text[:200]
    return error.get("message", "") if isinstance(error, dict) else str(error)


def _french(exc: Exception) -> LLMError:
    if isinstance(exc, ollama.ResponseError):
        if exc.status_code in (401, 403):
            return LLMError("Accès refusé par la passerelle : reconnectez-vous à l'atelier.")
        return LLMError(str(exc.error))
    if isinstance(exc, httpx.ReadTimeout):
        # The gateway speaks at least every 10 s while it is alive: this silence means it, or
        # the way to it, is gone.
        return LLMError(
            "La passerelle des modèles ne répond plus : la réponse s'est interrompue. "
            "Réessayez dans un instant."
        )
    if isinstance(exc, httpx.TimeoutException):
        return LLMError("Le modèle met trop de temps à répondre. Réessayez dans un instant.")
    return LLMError(
        "La passerelle des modèles ne répond pas. Réessayez dans un instant ; "
        "si cela persiste, prévenez le formateur."
    )


class LLMClient:
    def __init__(
        self,
        host: str | None = None,
        token: str | None = None,
        workshop: str = "",
        timeout: float = 300.0,
    ) -> None:
        host = host or os.environ.get("OLLAMA_HOST") or os.environ.get("ATELIER_GATEWAY_URL")
        token = (
            token or os.environ.get("OLLAMA_API_KEY") or os.environ.get("JUPYTERHUB_API_TOKEN", "")
        )
        self.workshop = workshop
        headers = {"authorization": f"Bearer {token}"}
        if workshop:
            headers[WORKSHOP_HEADER] = workshop
        # ollama's client has no timeout by default; a stalled gateway must not hang the app.
        self._client = ollama.Client(host=host, timeout=timeout, headers=headers)
        self._http = httpx.Client(
            base_url=(host or "http://127.0.0.1:11434").rstrip("/"),
            headers={**headers, QUEUE_UPDATES_HEADER: "1"},
            timeout=httpx.Timeout(timeout, read=min(timeout, READ_GAP_S)),
        )

    def _call(self, method: str, path: str, **kwargs) -> httpx.Response:
        """A plain request to the gateway; failures come out as LLMError, in French."""
        try:
            response = self._http.request(method, path, **kwargs)
            response.raise_for_status()
        except httpx.HTTPStatusError as exc:
            status = exc.response.status_code
            raise _french(ollama.ResponseError(_error_text(exc.response), status)) from exc
        except httpx.HTTPError as exc:
            raise _french(exc) from exc
        return response

    def model_details(self) -> dict[str, dict]:
        """Each model's details (size, family) and the operator's French label and notes."""
        models = self._call("GET", "/api/tags").json().get("models", [])
        return {m["name"]: {**m.get("details", {}), **m.get("atelier", {})} for m in models}

    def record(self, kind: str, payload: dict) -> None:
        """Keep a workshop result (arena vote, quiz answers) for the trainer's view."""
        self._call("POST", f"/records/{kind}", json=payload)

    def my_records(self, kind: str) -> list[dict]:
        return self._call("GET", f"/records/{kind}/mine").json()["records"]

    def list_models(self) -> list[str]:
        try:
            return [m.model for m in self._client.list().models if m.model]
        except (ollama.ResponseError, httpx.HTTPError, ConnectionError) as exc:
            raise _french(exc) from exc

    def transcribe(
        self,
        data: bytes,
        filename: str,
        *,
        model: str = "",
        language: str = "fr",
        on_segment: Callable[[dict], None] | None = None,
        on_progress: Callable[[float], None] | None = None,
        on_queue: Callable[[int], None] | None = None,
    ) -> dict:
        """Transcribe a recording through the gateway, segment by segment: ``on_segment`` gets
        each one (start, end, text) as it is heard, ``on_progress`` the share done, ``on_queue``
        the place while waiting for the model. Returns the text and the segments."""
        fields = {"language": language, "stream": "true", "response_format": "json"}
        if model:
            fields["model"] = model
        segments: list[dict] = []
        try:
            with self._http.stream(
                "POST",
                "/v1/audio/transcriptions",
                data=fields,
                files={"file": (filename, data)},
            ) as response:
                if response.status_code >= 400:
                    response.read()
                    raise ollama.ResponseError(_error_text(response), response.status_code)
                for line in response.iter_lines():
                    if not line.startswith("data: "):
                        continue
                    event = json.loads(line[6:])
                    kind = event.get("type")
                    if kind == "transcript.text.delta":
                        segments.append(event["segment"])
                        if on_segment is not None:
                            on_segment(event["segment"])
                    elif kind == "atelier.progress" and on_progress is not None:
                        on_progress(event["progress"])
                    elif kind == "atelier.queue" and on_queue is not None:
                        on_queue(event["position"])
                    elif kind == "error":
                        raise ollama.ResponseError(event["error"]["message"], 502)
                    elif kind == "transcript.text.done":
                        return {"text": event["text"], "segments": segments}
            raise LLMError("La transcription a été coupée avant la fin. Réessayez.")
        except (ollama.ResponseError, httpx.HTTPError, ConnectionError) as exc:
            raise _french(exc) from exc

    def stream_chat(
        self,
        model: str,
        prompt: str,
        *,
        system: str = "",
        temperature: float | None = None,
        max_tokens: int | None = None,
        seed: int | None = None,
        stats: ChatStats | None = None,
        on_queue: Callable[[int], None] | None = None,
    ) -> Iterator[str]:
        """Yield the answer's text piece by piece; fill ``stats`` at the end. While the request
        waits for a free model, ``on_queue`` is told its place (1: next)."""
        messages = ([{"role": "system", "content": system}] if system else []) + [
            {"role": "user", "content": prompt}
        ]
        options = {
            key: value
            for key, value in (
                ("temperature", temperature),
                ("num_predict", max_tokens),
                ("seed", seed),
            )
            if value is not None
        }
        start = time.perf_counter()
        body = {"model": model, "messages": messages, "stream": True, "options": options}
        finished = False
        try:
            with self._http.stream("POST", "/api/chat", json=body) as response:
                if response.status_code >= 400:
                    response.read()
                    raise ollama.ResponseError(_error_text(response), response.status_code)
                for line in response.iter_lines():
                    if not line:
                        continue
                    part = json.loads(line)
                    if "error" in part:
                        raise ollama.ResponseError(part["error"], 502)
                    if "queue_position" in part:
                        if on_queue is not None:
                            on_queue(part["queue_position"])
                        continue
                    text = (part.get("message") or {}).get("content") or ""
                    if text:
                        yield text
                    finished = finished or bool(part.get("done"))
                    if part.get("done") and stats is not None:
                        stats.tokens_in = part.get("prompt_eval_count") or 0
                        stats.tokens_out = part.get("eval_count") or 0
                        stats.done_reason = part.get("done_reason") or ""
                        stats.pseudonymised = part.get("atelier_pseudonymised") or 0
            if not finished:
                raise LLMError("La réponse a été coupée avant la fin. Réessayez dans un instant.")
        except (ollama.ResponseError, httpx.HTTPError, ConnectionError) as exc:
            raise _french(exc) from exc
        finally:
            if stats is not None:
                stats.seconds = time.perf_counter() - start
