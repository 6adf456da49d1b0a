"""The Ollama wire format: requests in, NDJSON lines out (https://docs.ollama.com/api)."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from atelier_ia.llm.types import ChatRequest, Done, GenerationOptions, Message, ModelInfo


class OllamaMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: Literal["system", "user", "assistant", "tool"]
    content: str = ""


class OllamaOptions(BaseModel):
    # Ollama accepts many more options (num_ctx, mirostat, …); the gateway keeps the ones that
    # change the answer and ignores the ones that would make the server reload the model.
    model_config = ConfigDict(extra="ignore")
    temperature: float | None = Field(None, ge=0, le=5)
    top_p: float | None = Field(None, ge=0, le=1)
    seed: int | None = None
    num_predict: int | None = None
    stop: list[str] | None = None


class OllamaChatBody(BaseModel):
    model_config = ConfigDict(extra="allow")
    model: str = Field(min_length=1)
    messages: list[OllamaMessage]
    stream: bool = True
    options: OllamaOptions = Field(default_factory=OllamaOptions)

    @field_validator("messages")
    @classmethod
    def _not_empty(cls, value: list[OllamaMessage]) -> list[OllamaMessage]:
        if not value:
            raise ValueError("au moins un message")
        return value

    def to_request(self, max_new_tokens: int) -> ChatRequest:
        asked = self.options.num_predict
        # Ollama reads num_predict <= 0 as "no limit": the gateway's cap applies then.
        max_tokens = max_new_tokens if asked is None or asked <= 0 else min(asked, max_new_tokens)
        return ChatRequest(
            model=self.model,
            messages=tuple(Message(m.role, m.content) for m in self.messages),
            options=GenerationOptions(
                temperature=self.options.temperature,
                top_p=self.options.top_p,
                seed=self.options.seed,
                max_tokens=max_tokens,
                stop=tuple(self.options.stop or ()),
            ),
        )


def now_iso() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


def chat_chunk(model: str, content: str) -> dict[str, Any]:
    return {
        "model": model,
        "created_at": now_iso(),
        "message": {"role": "assistant", "content": content},
        "done": False,
    }


class Timing:
    """Durations Ollama reports, in nanoseconds."""

    def __init__(self) -> None:
        self.start = time.perf_counter_ns()
        self.first_token: int | None = None

    def mark_token(self) -> None:
        if self.first_token is None:
            self.first_token = time.perf_counter_ns()

    def figures(self) -> dict[str, int]:
        end = time.perf_counter_ns()
        first = self.first_token or end
        return {
            "total_duration": end - self.start,
            "load_duration": 0,
            "prompt_eval_duration": first - self.start,
            "eval_duration": end - first,
        }


def chat_done(model: str, done: Done, timing: Timing, content: str = "") -> dict[str, Any]:
    return {
        "model": model,
        "created_at": now_iso(),
        "message": {"role": "assistant", "content": content},
        "done": True,
        "done_reason": done.done_reason,
        **timing.figures(),
        "prompt_eval_count": done.prompt_tokens,
        "eval_count": done.completion_tokens,
    }


def tag_entry(name: str, info: ModelInfo | None, label: str, notes: str) -> dict[str, Any]:
    info = info or ModelInfo(name=name)
    return {
        "name": name,
        "model": name,
        "modified_at": now_iso(),
        "size": info.size_bytes,
        "digest": "",
        "details": {
            "parent_model": "",
            "format": info.format,
            "family": info.family,
            "families": [info.family] if info.family else [],
            "parameter_size": info.parameter_size,
            "quantization_level": info.quantization,
        },
        # Not in Ollama's schema (its clients ignore it): the operator's French description.
        "atelier": {"label": label or name, "notes": notes},
    }
