"""The interface every model backend implements."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Protocol

from atelier_ia.llm.types import ChatRequest, Delta, Done, ModelInfo


class Backend(Protocol):
    name: str

    async def list_models(self) -> list[ModelInfo]:
        """The models this upstream can serve now."""
        ...

    async def loaded(self) -> list[str]:
        """The models held in memory now (Ollama's /api/ps)."""
        ...

    def stream_chat(self, request: ChatRequest) -> AsyncIterator[Delta | Done]:
        """Yield the answer piece by piece, then one Done. Closing the iterator early must
        stop the upstream's work (the caller went away). Raises BackendError on failure."""
        ...

    async def aclose(self) -> None: ...
