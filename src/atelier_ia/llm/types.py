"""What travels between the gateway and a backend, whatever the backend speaks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Role = Literal["system", "user", "assistant", "tool"]


@dataclass(frozen=True)
class Message:
    role: Role
    content: str


@dataclass(frozen=True)
class GenerationOptions:
    temperature: float | None = None
    top_p: float | None = None
    seed: int | None = None
    max_tokens: int | None = None
    stop: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChatRequest:
    model: str
    messages: tuple[Message, ...]
    options: GenerationOptions = field(default_factory=GenerationOptions)


@dataclass(frozen=True)
class Delta:
    """A piece of the answer, as it is generated."""

    content: str


@dataclass(frozen=True)
class Done:
    """The end of an answer, with Ollama's usage figures."""

    prompt_tokens: int
    completion_tokens: int
    done_reason: str = "stop"  # "stop" or "length"
    # Personal data the gateway replaced in the prompt before it reached the model.
    pseudonymised: int = 0


@dataclass(frozen=True)
class ModelInfo:
    name: str
    family: str = ""
    parameter_size: str = ""
    quantization: str = ""
    size_bytes: int = 0
    format: str = "gguf"


class BackendError(RuntimeError):
    """The upstream failed; the message is safe to show (no secret, no prompt).

    ``unreachable`` means the upstream could not be reached at all (connection refused,
    timeout before any answer): the gateway then tries another upstream for the same model.
    """

    def __init__(self, message: str, *, unreachable: bool = False) -> None:
        super().__init__(message)
        self.unreachable = unreachable
