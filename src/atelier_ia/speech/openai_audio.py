"""An OpenAI-compatible audio upstream: Albert/OpenGateLLM, a faster-whisper server or vLLM on
an operator's GPU, all of which serve ``POST /v1/audio/transcriptions``."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx

from atelier_ia.speech.types import Segment, SpeechError


class OpenAIAudio:
    def __init__(self, name: str, url: str, api_key: str, parallel: int, timeout: float) -> None:
        self.name = name
        self.parallel = parallel
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.AsyncClient(base_url=url.rstrip("/"), headers=headers, timeout=timeout)

    async def transcribe(
        self, data: bytes, filename: str, language: str, model: str
    ) -> AsyncIterator[Segment]:
        try:
            response = await self._client.post(
                "/audio/transcriptions",
                data={"model": model, "language": language, "response_format": "verbose_json"},
                files={"file": (filename or "audio", data)},
            )
        except httpx.HTTPError as exc:
            raise SpeechError(
                503, f"Le service de transcription {self.name} ne répond pas."
            ) from exc
        if response.status_code != 200:
            raise SpeechError(
                502, f"Le service de transcription {self.name} a refusé ({response.status_code})."
            )
        body = response.json()
        segments = body.get("segments") or []
        if not segments and body.get("text"):
            segments = [{"start": 0.0, "end": body.get("duration") or 0.0, "text": body["text"]}]
        for item in segments:
            yield Segment(float(item["start"]), float(item["end"]), str(item["text"]).strip())

    async def aclose(self) -> None:
        await self._client.aclose()
