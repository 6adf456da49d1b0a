"""The transcription backends the gateway forwards to, made from the settings."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Protocol

from atelier_ia.settings import BackendSettings, Settings
from atelier_ia.speech.types import Segment


class SpeechBackend(Protocol):
    name: str
    # Transcriptions it runs at once.
    parallel: int

    def transcribe(
        self, data: bytes, filename: str, language: str, model: str
    ) -> AsyncIterator[Segment]:
        """The segments as they are heard; raises SpeechError with a French message."""

    async def aclose(self) -> None: ...


def make_speech_backend(spec: BackendSettings, settings: Settings) -> SpeechBackend:
    speech = settings.speech
    if spec.kind == "embedded":
        from atelier_ia.speech.embedded import EmbeddedWhisper

        return EmbeddedWhisper(spec.name, settings.models_dir, speech.threads, speech.max_audio_s)
    from atelier_ia.speech.openai_audio import OpenAIAudio

    return OpenAIAudio(spec.name, spec.url, spec.resolved_api_key(), spec.parallel, spec.timeout)
