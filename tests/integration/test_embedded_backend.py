"""The embedded llama.cpp backend: an answer depends on the request alone, never on the ones
before it (workshop 1 tells the room that temperature 0 always gives the same word)."""

from __future__ import annotations

import asyncio
import random

import pytest

from atelier_ia.apps.how_it_writes import NEXT_WORD_SYSTEM
from atelier_ia.llm.backends.embedded import EmbeddedBackend
from atelier_ia.llm.types import ChatRequest, Delta, GenerationOptions, Message
from atelier_ia.settings import BackendSettings, EmbeddedSettings

WORDS = "le la les conseil municipal budget commune maire séance vote article quorum salle".split()


@pytest.fixture(scope="module")
def backend():
    backend = EmbeddedBackend(BackendSettings(name="embarque", kind="embedded"), EmbeddedSettings())
    yield backend
    asyncio.run(backend.aclose())


def request(system: str, user: str, **options) -> ChatRequest:
    return ChatRequest(
        model="smollm2:135m",
        messages=(Message("system", system), Message("user", user)),
        options=GenerationOptions(**options),
    )


async def answer(backend: EmbeddedBackend, req: ChatRequest) -> str:
    return "".join(
        [part.content async for part in backend.stream_chat(req) if isinstance(part, Delta)]
    )


def test_every_prompt_is_evaluated_whole_from_position_zero(backend):
    """The cause of the temperature-0 flip: llama-cpp-python reuses the previous request's
    common prefix and evaluates only the rest, so the batch that computes the last prompt token
    depends on the history. The backend must evaluate each prompt whole, in one history-free
    pass."""
    backend._load()
    llm = backend._llm
    calls: list[tuple[int, int]] = []
    original = llm.eval

    def spy(tokens):
        calls.append((llm.n_tokens, len(tokens)))
        return original(tokens)

    llm.eval = spy
    try:
        first = request(
            NEXT_WORD_SYSTEM,
            "Le conseil municipal se réunit dans la salle des",
            temperature=0.0,
            max_tokens=1,
        )
        second = request(
            NEXT_WORD_SYSTEM, "Le maire ouvre la séance à", temperature=0.0, max_tokens=1
        )
        for req in (first, first, second, first):
            calls.clear()
            asyncio.run(answer(backend, req))
            prompt, _ = backend._prompt(req)
            start, size = calls[0]
            assert start == 0 and size == len(prompt), (calls[0], len(prompt))
    finally:
        del llm.eval


def test_temperature_zero_answers_do_not_depend_on_the_requests_between_them(backend):
    """Many repetitions of workshop 1's draw, with other requests of every size in between."""
    rnd = random.Random(11)
    draw = request(
        NEXT_WORD_SYSTEM,
        "Le conseil municipal se réunit dans la salle des",
        temperature=0.0,
        max_tokens=4,
    )
    answers = []
    for i in range(40):
        answers.append(asyncio.run(answer(backend, draw)))
        if i % 2:
            length = rnd.choice([3, 40, 300])
            other = request(
                rnd.choice(["Tu es un assistant.", NEXT_WORD_SYSTEM]),
                " ".join(rnd.choice(WORDS) for _ in range(length)),
                temperature=rnd.choice([0.0, 0.9]),
                seed=i,
                max_tokens=rnd.choice([1, 12, 60]),
            )
            asyncio.run(answer(backend, other))
    assert len(set(answers)) == 1, answers
    assert answers[0].strip()


def test_same_seed_same_answer_at_high_temperature_whatever_came_before(backend):
    ask = request(
        "Tu es un assistant.",
        "Écris une phrase sur la mairie.",
        temperature=1.2,
        seed=5,
        max_tokens=16,
    )
    first = asyncio.run(answer(backend, ask))
    asyncio.run(
        answer(
            backend,
            request(
                "Tu es un assistant.",
                "Écris une phrase sur la mairie et le budget.",
                temperature=0.0,
                max_tokens=8,
            ),
        )
    )
    assert asyncio.run(answer(backend, ask)) == first
