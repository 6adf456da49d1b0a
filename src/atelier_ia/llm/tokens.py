"""The demo model's own tokenizer, loaded without its weights (vocab only, a fraction of a
second), to show how a sentence is cut into tokens."""

from __future__ import annotations

import os
from contextlib import contextmanager
from functools import lru_cache
from typing import Any


@contextmanager
def _quiet_stderr():
    """llama.cpp writes notes straight to file descriptor 2, which a Jupyter kernel would show
    on the participant's page."""
    saved = os.dup(2)
    with open(os.devnull, "wb") as devnull:
        os.dup2(devnull.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


@lru_cache(maxsize=1)
def _vocabulary() -> Any:
    from llama_cpp import Llama

    from atelier_ia.llm.backends.embedded import gguf_path

    with _quiet_stderr():
        return Llama(model_path=str(gguf_path()), vocab_only=True, verbose=False)


def demo_tokens(text: str) -> list[str]:
    """The pieces SmolLM2 reads `text` as, in order; joined, they give the text back."""
    vocabulary = _vocabulary()
    ids = vocabulary.tokenize(text.encode(), add_bos=False, special=False)
    pieces: list[str] = []
    pending = b""
    for token in ids:
        # A piece may end in the middle of an accented letter: keep bytes until they decode.
        pending += vocabulary.detokenize([token])
        try:
            pieces.append(pending.decode())
            pending = b""
        except UnicodeDecodeError:
            continue
    if pending:
        pieces.append(pending.decode(errors="replace"))
    return pieces
