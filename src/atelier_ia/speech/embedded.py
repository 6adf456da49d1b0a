"""faster-whisper in-process, on the Whisper base model the project installs (whisper_model.py).

One transcription at a time, in a worker thread so that the gateway's event loop stays free;
segments cross to the loop as they are decoded, and a flag stops the thread between two
segments when the caller goes away.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from atelier_ia.speech.audio import decode
from atelier_ia.speech.types import Segment, SpeechError
from atelier_ia.speech.whisper_model import ModelUnavailable, model_dir

_END = object()
# Greedy, and no temperature fallback: faster-whisper re-decodes a window at rising temperatures
# when its text looks like a loop, which on a short synthetic clip took the real-time factor
# from 0.26 to 1.95 for about the same errors (bench/transcription.py; docs/transcription.md).
DECODING = {"beam_size": 1, "temperature": 0.0, "vad_filter": False}


class EmbeddedWhisper:
    def __init__(self, name: str, models_dir: Path, threads: int, max_audio_s: float) -> None:
        self.name = name
        self.parallel = 1
        self._models_dir = models_dir
        self._threads = threads
        self._max_audio_s = max_audio_s
        self._model: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                # By path only, and the Hugging Face client told so too: nothing is fetched.
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                from faster_whisper import WhisperModel

                try:
                    path = model_dir(self._models_dir)
                except ModelUnavailable as exc:
                    raise SpeechError(503, str(exc)) from exc
                self._model = WhisperModel(
                    str(path),
                    device="cpu",
                    compute_type="int8",
                    cpu_threads=self._threads,
                    num_workers=1,
                    local_files_only=True,
                )
            return self._model

    def _run(self, data: bytes, language: str, put, stop: threading.Event) -> None:
        try:
            samples = decode(data, self._max_audio_s)
            model = self._load()
            segments, _info = model.transcribe(samples, **DECODING, language=language)
            for segment in segments:
                if stop.is_set():
                    break
                put(Segment(round(segment.start, 2), round(segment.end, 2), segment.text.strip()))
        except SpeechError as exc:
            put(exc)
        except Exception as exc:  # noqa: BLE001 - the caller gets a clean error, not a crash
            put(SpeechError(502, f"La transcription a échoué ({type(exc).__name__})."))
        finally:
            put(_END)

    async def transcribe(
        self, data: bytes, filename: str, language: str, model: str
    ) -> AsyncIterator[Segment]:
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue = asyncio.Queue()
        stop = threading.Event()

        def put(item: object) -> None:
            loop.call_soon_threadsafe(queue.put_nowait, item)

        thread = threading.Thread(
            target=self._run, args=(data, language, put, stop), name="whisper", daemon=True
        )
        thread.start()
        try:
            while (item := await queue.get()) is not _END:
                if isinstance(item, SpeechError):
                    raise item
                yield item
        finally:
            # The caller left (or the stream ended): the thread stops after the segment it is
            # decoding. Not awaited: a cancelled stream cannot wait here.
            stop.set()

    async def aclose(self) -> None:
        return None
