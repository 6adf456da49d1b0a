"""What every transcription goes through: checks → a place in the audio queue → the backend →
one audit row and the metrics.

The audio queue is a fair queue of its own, with its own upstreams and slots, apart from text
generation: a long recording holds an audio slot, never one of the room's chat slots. The audit
row counts the seconds of audio; the audio itself is never kept, nor logged, and the
transcript only where prompts are (``gateway.store_texts``, pseudonymised like them).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

from atelier_ia.gateway.audit import AuditLog, AuditRow
from atelier_ia.gateway.auth import Caller
from atelier_ia.gateway.core import QUEUE_POSITION_HEADER, GatewayError, Queued, audit_full_error
from atelier_ia.gateway.metrics import GatewayMetrics
from atelier_ia.gateway.scheduler import (
    FairScheduler,
    Lease,
    NoUpstream,
    QueueFull,
    Ticket,
    Upstream,
)
from atelier_ia.settings import Settings
from atelier_ia.speech.audio import duration_s, spoken_length
from atelier_ia.speech.backends import SpeechBackend
from atelier_ia.speech.types import Segment, SpeechError

log = logging.getLogger("atelier_ia.gateway")

API = "audio"
# Seconds between two « n avant vous » to a caller waiting for an audio slot.
QUEUE_UPDATE_S = 2.0


@dataclass(frozen=True)
class Recording:
    data: bytes
    filename: str
    model: str
    language: str
    workshop: str = ""


@dataclass(frozen=True)
class Progress:
    """How far the transcription has come, as a share of the recording (0 to 1)."""

    done: float


@dataclass(frozen=True)
class Transcript:
    text: str
    segments: tuple[Segment, ...]
    duration_s: float
    language: str


Event = Queued | Segment | Progress | Transcript


class Transcriber:
    def __init__(
        self,
        settings: Settings,
        backends: dict[str, SpeechBackend],
        audit: AuditLog,
        metrics: GatewayMetrics,
    ) -> None:
        self.settings = settings
        self.backends = backends
        self.audit = audit
        self.metrics = metrics
        speech = settings.speech
        self.catalogue = {m.name: m for m in speech.models}
        served: dict[str, set[str]] = {name: set() for name in backends}
        for model in speech.models:
            for backend in model.backends:
                served.setdefault(backend, set()).add(model.name)
        self.scheduler = FairScheduler(
            [
                Upstream(spec.name, backends[spec.name].parallel, frozenset(served[spec.name]))
                for spec in speech.backends
                if spec.name in backends
            ],
            per_user=1,
            max_queue=speech.max_queue,
            max_wait=speech.max_wait,
            down_for=settings.gateway.down_for,
        )

    # -- checks -------------------------------------------------------------------------------

    async def check(self, recording: Recording) -> float | None:
        """Refuse what cannot be served, before queueing; the recording's declared length."""
        if recording.model not in self.catalogue:
            known = ", ".join(sorted(self.catalogue))
            raise GatewayError(
                404,
                f"Modèle de transcription « {recording.model} » introuvable. Modèles "
                f"disponibles : {known}.",
            )
        if not await self.audit.writable():
            raise audit_full_error()
        if not recording.data:
            raise GatewayError(400, "Le fichier envoyé est vide : choisissez un enregistrement.")
        try:
            declared = await asyncio.to_thread(duration_s, recording.data)
        except SpeechError as exc:
            raise GatewayError(exc.status, exc.message) from None
        limit = self.settings.speech.max_audio_s
        if declared is not None and declared > limit + 1:
            raise GatewayError(
                413,
                f"Enregistrement trop long : {spoken_length(declared)}, au plus "
                f"{spoken_length(limit)}. Découpez-le, ou transcrivez-en un extrait.",
            )
        return declared

    # -- running ------------------------------------------------------------------------------

    async def run(
        self, caller: Caller, recording: Recording, declared: float | None
    ) -> AsyncIterator[Event]:
        """The transcription as events: Queued while waiting, then Segments and Progress, then
        the Transcript. Raises GatewayError; cancelling it frees the slot and writes the row."""
        row = AuditRow(
            session=self.settings.gateway.session,
            user=caller.name,
            model=recording.model,
            api=API,
            workshop=recording.workshop,
            status="cancelled",  # unless it ends otherwise: the caller went away
        )
        started = time.monotonic()
        segments: list[Segment] = []
        ticket = lease = None
        try:
            try:
                ticket = self.scheduler.enqueue(caller.name, recording.model)
            except QueueFull as full:
                row.status, row.error = "refused", "queue full"
                raise GatewayError(
                    429,
                    f"Trop de transcriptions en attente : {full.position - 1} avant la vôtre. "
                    f"Réessayez dans {full.retry_after} s.",
                    {
                        "Retry-After": str(full.retry_after),
                        QUEUE_POSITION_HEADER: str(full.position),
                    },
                ) from None
            except NoUpstream:
                row.status, row.error = "error", "no upstream"
                raise self._down_error(recording.model) from None
            while (lease := await self._poll(ticket, row)) is None:
                yield Queued(self.scheduler.position(ticket))
            row.upstream = lease.upstream.name
            row.queue_wait_s = round(lease.waited, 4)
            self.metrics.transcriptions_in_flight.labels(lease.upstream.name).inc()
            backend = self.backends[lease.upstream.name]
            run_started = time.monotonic()
            try:
                async for segment in backend.transcribe(
                    recording.data, recording.filename, recording.language, recording.model
                ):
                    segments.append(segment)
                    yield segment
                    if declared:
                        yield Progress(min(1.0, segment.end / declared))
            except SpeechError as exc:
                row.status, row.error = "error", exc.message[:200]
                retry = {}
                if exc.status == 503:
                    self.scheduler.mark_down(lease.upstream)
                    retry = {"Retry-After": str(int(self.settings.gateway.down_for))}
                raise GatewayError(exc.status, exc.message, retry) from None
            finally:
                self.metrics.transcriptions_in_flight.labels(lease.upstream.name).dec()
            heard = declared or (segments[-1].end if segments else 0.0)
            row.audio_s = round(heard, 2)
            text = " ".join(s.text for s in segments if s.text)
            if self.settings.gateway.store_texts:
                row.answer = text
            row.status = "ok"
            self.metrics.audio_seconds.labels(lease.upstream.name).inc(heard)
            elapsed = time.monotonic() - run_started
            if heard:
                self.metrics.real_time_factor.labels(lease.upstream.name).observe(elapsed / heard)
            yield Transcript(text, tuple(segments), round(heard, 2), recording.language)
        finally:
            if lease is not None:
                self.scheduler.release(lease)
            elif ticket is not None:
                self.scheduler.withdraw(ticket)  # gave up waiting: its place goes too
            row.duration_s = round(time.monotonic() - started, 4)
            self.metrics.transcriptions.labels(row.upstream, row.status).inc()
            # Shielded: a stream whose caller left is cancelled at every await from here on.
            await asyncio.shield(self._write(row))

    async def _poll(self, ticket: Ticket, row: AuditRow) -> Lease | None:
        """The slot, or None after a short wait (the caller then hears its place)."""
        wait = self.settings.speech.max_wait
        try:
            lease = await self.scheduler.poll(ticket, timeout=QUEUE_UPDATE_S)
            if lease is None and time.monotonic() - ticket.created > wait:
                row.status, row.error = "refused", "timeout"
                raise GatewayError(
                    503,
                    "Les transcriptions sont très demandées : pas de place libérée en "
                    f"{int(wait)} s. Réessayez dans un instant.",
                    {"Retry-After": "30"},
                )
            return lease
        except NoUpstream:
            row.status, row.error = "error", "no upstream"
            raise self._down_error(ticket.model) from None

    def _down_error(self, model: str) -> GatewayError:
        return GatewayError(
            503,
            f"Le service de transcription « {model} » ne répond pas. Réessayez dans quelques "
            "instants ; si cela dure, prévenez le formateur.",
            {"Retry-After": str(int(self.settings.gateway.down_for))},
        )

    async def _write(self, row: AuditRow) -> None:
        try:
            await self.audit.write(row)
        except Exception as exc:  # noqa: BLE001 - kept pending; the next check refuses
            log.error("audit row for a transcription not written: %s", type(exc).__name__)

    async def aclose(self) -> None:
        for backend in self.backends.values():
            await backend.aclose()
