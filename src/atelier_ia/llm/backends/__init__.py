"""Model backends behind one small interface (see :class:`Backend`)."""

from __future__ import annotations

from atelier_ia.llm.backends.base import Backend
from atelier_ia.settings import BackendSettings, Settings


def make_backend(spec: BackendSettings, settings: Settings) -> Backend:
    # Imported here so a gateway with only an Ollama upstream never loads llama.cpp.
    if spec.kind == "embedded":
        from atelier_ia.llm.backends.embedded import EmbeddedBackend

        return EmbeddedBackend(spec, settings.embedded)
    if spec.kind == "ollama":
        from atelier_ia.llm.backends.ollama import OllamaBackend

        return OllamaBackend(spec)
    if spec.kind == "openai":
        from atelier_ia.llm.backends.openai import OpenAIBackend

        return OpenAIBackend(spec)
    raise ValueError(f"unknown backend kind {spec.kind!r}")


__all__ = ["Backend", "make_backend"]
