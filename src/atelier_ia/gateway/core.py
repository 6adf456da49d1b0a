"""What every model request goes through, whatever API it came in by.

Checks (model, size, budget) → a place in the fair queue → a generation on the least busy
upstream, moved to another upstream if this one cannot be reached → one audit row and the
metrics. The API modules (Ollama, OpenAI) only translate formats.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable
from dataclasses import dataclass, replace
from typing import Any

from fastapi import Request

from atelier_ia.gateway.audit import AuditLog, AuditRow
from atelier_ia.gateway.auth import Caller
from atelier_ia.gateway.metrics import GatewayMetrics
from atelier_ia.gateway.records import Records
from atelier_ia.gateway.scheduler import (
    FairScheduler,
    Lease,
    NoUpstream,
    QueueFull,
    QueueTimeout,
    Ticket,
    Upstream,
)
from atelier_ia.llm.backends import Backend
from atelier_ia.llm.types import BackendError, ChatRequest, Delta, Done, Message, ModelInfo
from atelier_ia.privacy import Pseudonymiser, StreamRestorer
from atelier_ia.settings import Settings

log = logging.getLogger("atelier_ia.gateway")

WORKSHOP_HEADER = "x-atelier-workshop"
# Apps that can show "3 personnes avant vous" ask for queue updates in the stream.
QUEUE_UPDATES_HEADER = "x-atelier-queue-updates"
# Seconds a caller is asked to wait while the audit log cannot be written.
AUDIT_RETRY_S = 30
QUEUE_POSITION_HEADER = "X-Atelier-Queue-Position"


class GatewayError(Exception):
    """A refusal with its HTTP status and a French message for the person."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


class ClientGone(Exception):
    pass


@dataclass(frozen=True)
class Queued:
    position: int


@dataclass(frozen=True)
class StillHere:
    """Nothing new yet (the model reads the prompt, or the queue has not moved): sent so that
    a caller who hears nothing for longer knows the gateway is gone. Between a dead gateway and
    the caller, the hub's proxy keeps the connection open and silent (seen in bench/faults.py);
    only the caller's own read timeout ends the wait."""


@dataclass(frozen=True)
class Failed:
    message: str
    # What a whole (not streamed) answer gets: 502 when the model failed, the refusal's own
    # status (503 with Retry-After when no upstream can take it) otherwise.
    status: int = 502
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def refusal(cls, error: GatewayError) -> Failed:
        return cls(error.message, error.status, tuple(error.headers.items()))


Event = Queued | StillHere | Delta | Done | Failed

# Seconds of silence after which a stream that asked for queue updates gets a StillHere; the
# apps' client gives up after three times as long (llm/client.py, READ_GAP_S).
STILL_HERE_S = 10.0


async def with_still_here(events: AsyncIterator[Event], every: float) -> AsyncIterator[Event]:
    """The events, with a StillHere after each `every` seconds without one."""
    iterator = aiter(events)
    pending = asyncio.ensure_future(anext(iterator))
    try:
        while True:
            done, _ = await asyncio.wait({pending}, timeout=every)
            if not done:
                yield StillHere()
                continue
            try:
                event = pending.result()
            except StopAsyncIteration:
                return
            yield event
            pending = asyncio.ensure_future(anext(iterator))
    finally:
        if not pending.done():
            # Cancelling the step runs the events' own cleanup (the lease, the audit row).
            pending.cancel()
            try:
                await pending
            except BaseException:  # noqa: BLE001 - its outcome no longer matters
                pass
        await iterator.aclose()


@dataclass
class Call:
    """One request on its way: who, what, and what it has become so far."""

    caller: Caller
    request: ChatRequest
    api: str
    workshop: str = ""
    ticket: Ticket | None = None


def _pseudonymise(request: ChatRequest) -> tuple[ChatRequest, StreamRestorer, int]:
    """The request with personal data replaced (one mapping for all its messages)."""
    session = Pseudonymiser()
    messages = tuple(
        Message(m.role, session.pseudonymise(m.content).text) for m in request.messages
    )
    return replace(request, messages=messages), StreamRestorer(session), len(session.mapping)


async def until_disconnected(request: Request, awaitable: Awaitable[Any]) -> Any:
    """Await something, but give up (and cancel it) if the HTTP caller goes away."""
    task = asyncio.ensure_future(awaitable)
    try:
        while True:
            done, _ = await asyncio.wait({task}, timeout=0.5)
            if done:
                return task.result()
            if await request.is_disconnected():
                raise ClientGone
    finally:
        if not task.done():
            task.cancel()
            try:
                await task
            except BaseException:  # noqa: BLE001 - its outcome no longer matters
                pass


def audit_full_error() -> GatewayError:
    """Every request leaves a row (the operator's record of who used which model); none is
    served that could not be recorded."""
    return GatewayError(
        503,
        "Le journal des demandes ne peut plus être écrit sur le serveur (disque plein ?). "
        "Les demandes reprendront dès que de la place sera libérée ; prévenez le formateur.",
        {"Retry-After": str(AUDIT_RETRY_S)},
    )


class Gateway:
    def __init__(
        self,
        settings: Settings,
        backends: dict[str, Backend],
        audit: AuditLog,
        metrics: GatewayMetrics | None = None,
    ) -> None:
        self.settings = settings
        self.backends = backends
        self.audit = audit
        self.records = Records(audit.engine)
        self.metrics = metrics or GatewayMetrics()
        gw = settings.gateway
        self.catalogue = {m.name: m for m in gw.models}
        served: dict[str, set[str]] = {name: set() for name in backends}
        for model in gw.models:
            for backend in model.backends:
                served[backend].add(model.name)
        parallel = {spec.name: spec.parallel for spec in gw.backends}
        self.scheduler = FairScheduler(
            [
                Upstream(
                    name, 1 if spec_kind == "embedded" else parallel[name], frozenset(served[name])
                )
                for name, spec_kind in ((s.name, s.kind) for s in gw.backends)
                if name in backends
            ],
            per_user=gw.per_user_in_flight,
            max_queue=gw.max_queue,
            max_wait=gw.max_wait,
            down_for=gw.down_for,
        )
        for name in backends:
            self.metrics.upstream_up.labels(name).set(1)
        self.local = {spec.name: spec.is_local for spec in gw.backends}

    # -- checks -------------------------------------------------------------------------------

    def known_model(self, model: str) -> None:
        if model not in self.catalogue:
            known = ", ".join(sorted(self.catalogue))
            raise GatewayError(
                404, f"Modèle « {model} » introuvable. Modèles disponibles : {known}."
            )

    async def check(self, call: Call) -> None:
        gw = self.settings.gateway
        self.known_model(call.request.model)
        if not await self.audit.writable():
            raise audit_full_error()
        size = sum(len(m.content) for m in call.request.messages)
        if size > gw.max_prompt_chars:
            raise GatewayError(
                413,
                f"Demande trop longue : {size} caractères, au plus {gw.max_prompt_chars}. "
                "Raccourcissez le texte ou découpez-le.",
            )
        if gw.token_budget:
            used = await asyncio.to_thread(self.audit.tokens_used, gw.session, call.caller.name)
            if used >= gw.token_budget:
                await self._refused(call, "budget")
                raise GatewayError(
                    429,
                    f"Votre quota de cette session est épuisé ({used} jetons utilisés sur "
                    f"{gw.token_budget}). Demandez au formateur de l'augmenter.",
                )

    def enqueue(self, call: Call, avoid: frozenset[str] = frozenset()) -> Ticket:
        try:
            ticket = self.scheduler.enqueue(call.caller.name, call.request.model, avoid)
        except QueueFull as full:
            self.metrics.requests.labels("", "refused").inc()
            raise GatewayError(
                429,
                f"Trop de demandes en attente : {full.position - 1} personnes avant vous. "
                f"Réessayez dans {full.retry_after} s.",
                {"Retry-After": str(full.retry_after), QUEUE_POSITION_HEADER: str(full.position)},
            ) from None
        except NoUpstream:
            raise self._down_error(call.request.model) from None
        call.ticket = ticket
        self._gauge_queue()
        return ticket

    def _down_error(self, model: str) -> GatewayError:
        self.metrics.requests.labels("", "unavailable").inc()
        return GatewayError(
            503,
            f"Le serveur du modèle « {model} » ne répond pas. Réessayez dans quelques "
            "instants ; si cela dure, prévenez le formateur.",
            {"Retry-After": str(int(self.settings.gateway.down_for))},
        )

    def _timeout_error(self) -> GatewayError:
        wait = int(self.settings.gateway.max_wait)
        return GatewayError(
            503,
            f"Le modèle est très demandé : pas de place libérée en {wait} s. Réessayez dans "
            "un instant.",
            {"Retry-After": "10"},
        )

    def _gauge_queue(self) -> None:
        waiting = self.scheduler.queued_by_model()
        for model in self.catalogue:
            self.metrics.queue_depth.labels(model).set(waiting[model])
        for upstream in self.scheduler.upstreams.values():
            self.metrics.in_flight.labels(upstream.name).set(upstream.in_flight)

    # -- running ------------------------------------------------------------------------------

    async def wait_for_slot(self, call: Call) -> Lease:
        """Wait in the queue (no updates to the caller); raises GatewayError on timeout."""
        assert call.ticket is not None
        try:
            return await self.scheduler.wait(call.ticket)
        except QueueTimeout:
            await self._refused(call, "timeout")
            raise self._timeout_error() from None
        except NoUpstream:
            raise self._down_error(call.request.model) from None
        finally:
            self._gauge_queue()

    def release(self, lease: Lease) -> None:
        self.scheduler.release(lease)
        self._gauge_queue()

    async def run(
        self, call: Call, lease: Lease | None = None, updates: bool = False
    ) -> AsyncIterator[Event]:
        """The answer as events. Ends with Done or Failed; cancelling it frees everything."""
        started = time.monotonic()
        row = AuditRow(
            session=self.settings.gateway.session,
            user=call.caller.name,
            model=call.request.model,
            api=call.api,
            workshop=call.workshop,
            status="cancelled",  # unless it ends otherwise: the caller went away
        )
        if self.settings.gateway.store_texts:
            row.prompt = "\n\n".join(f"[{m.role}] {m.content}" for m in call.request.messages)
        answer: list[str] = []
        tried: set[str] = set()
        try:
            while True:
                if lease is None:
                    async for event in self._queue(call, updates):
                        if isinstance(event, Lease):
                            lease = event
                        else:
                            yield event
                    if lease is None:
                        row.status, row.error = "error", "no slot"
                        return
                row.upstream = lease.upstream.name
                row.queue_wait_s = round(lease.waited, 4)
                self.metrics.queue_wait.observe(lease.waited)
                try:
                    async for event in self._generate(call, lease, row, answer):
                        yield event
                    return
                except BackendError as exc:
                    if exc.unreachable and not answer:
                        # Nothing reached the caller yet: try another upstream for this model.
                        tried.add(lease.upstream.name)
                        self.scheduler.mark_down(lease.upstream)
                        self.metrics.upstream_up.labels(lease.upstream.name).set(0)
                        log.warning(
                            json.dumps({"event": "upstream_down", "upstream": lease.upstream.name})
                        )
                        self.scheduler.release(lease)
                        lease = None
                        try:
                            call.ticket = self.scheduler.enqueue(
                                call.caller.name, call.request.model, frozenset(tried)
                            )
                        except (NoUpstream, QueueFull):
                            row.status, row.error = "error", str(exc)
                            yield Failed.refusal(self._down_error(call.request.model))
                            return
                        continue
                    row.status, row.error = "error", str(exc)
                    yield Failed(f"Le modèle n'a pas pu répondre : {exc}")
                    return
        except GatewayError as exc:
            row.status, row.error = "error", exc.message
            yield Failed.refusal(exc)
        finally:
            if lease is not None:
                self.scheduler.release(lease, time.monotonic() - started)
            self._gauge_queue()
            row.duration_s = round(time.monotonic() - started, 4)
            if self.settings.gateway.store_texts:
                row.answer = "".join(answer)
            self.metrics.requests.labels(row.upstream, row.status).inc()
            await asyncio.shield(self._write(row))

    async def _queue(self, call: Call, updates: bool) -> AsyncIterator[Event | Lease]:
        assert call.ticket is not None
        if not updates:
            yield await self.wait_for_slot(call)
            return
        deadline = time.monotonic() + self.settings.gateway.max_wait
        last = -1
        while True:
            position = self.scheduler.position(call.ticket)
            if position and position != last:
                last = position
                yield Queued(position)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.scheduler.withdraw(call.ticket)
                self._gauge_queue()
                await self._refused(call, "timeout")
                raise self._timeout_error()
            try:
                lease = await self.scheduler.poll(call.ticket, min(0.5, remaining))
            except NoUpstream:
                raise self._down_error(call.request.model) from None
            if lease is not None:
                self._gauge_queue()
                yield lease
                return

    def _must_pseudonymise(self, upstream: str) -> bool:
        mode = self.settings.gateway.pseudonymise
        if mode == "never":
            return False
        return mode == "always" or not self.local[upstream]

    async def _generate(
        self, call: Call, lease: Lease, row: AuditRow, answer: list[str]
    ) -> AsyncIterator[Event]:
        backend = self.backends[lease.upstream.name]
        request, restorer, replaced = call.request, None, 0
        if self._must_pseudonymise(lease.upstream.name):
            # The upstream is not on this server: it sees surrogates, the caller gets the
            # originals back in the answer.
            request, restorer, replaced = await asyncio.to_thread(_pseudonymise, request)
        granted = time.monotonic()
        first: float | None = None
        async for piece in backend.stream_chat(request):
            if isinstance(piece, Delta):
                if first is None:
                    first = time.monotonic()
                    row.ttft_s = round(first - granted, 4)
                    self.metrics.ttft.labels(lease.upstream.name).observe(first - granted)
                text = restorer.feed(piece.content) if restorer else piece.content
                if text:
                    answer.append(text)
                    yield Delta(text)
            else:
                if restorer is not None:
                    rest = restorer.flush()
                    if rest:
                        answer.append(rest)
                        yield Delta(rest)
                row.tokens_in, row.tokens_out = piece.prompt_tokens, piece.completion_tokens
                row.status = "ok"
                name = lease.upstream.name
                self.metrics.tokens.labels(name, "in").inc(piece.prompt_tokens)
                self.metrics.tokens.labels(name, "out").inc(piece.completion_tokens)
                if first is not None and piece.completion_tokens > 1:
                    spent = time.monotonic() - first
                    if spent > 0:
                        self.metrics.tokens_per_second.labels(name).observe(
                            (piece.completion_tokens - 1) / spent
                        )
                if lease.upstream.down_until:
                    self.scheduler.mark_up(lease.upstream)
                    self.metrics.upstream_up.labels(name).set(1)
                yield replace(piece, pseudonymised=replaced)
                return
        raise BackendError("le modèle a coupé la réponse avant la fin")

    async def _refused(self, call: Call, why: str) -> None:
        await self._write(
            AuditRow(
                session=self.settings.gateway.session,
                user=call.caller.name,
                model=call.request.model,
                api=call.api,
                workshop=call.workshop,
                status="refused",
                error=why,
            )
        )

    async def _write(self, row: AuditRow) -> None:
        try:
            await self.audit.write(row)
        except Exception as exc:  # noqa: BLE001 - a full disk must not take the gateway down
            # The row stays pending in the log and goes in once the disk takes it again.
            log.error(
                json.dumps(
                    {
                        "event": "audit_write_failed",
                        "pending": len(self.audit.pending),
                        "error": str(exc).splitlines()[0],
                    }
                )
            )
        log.info(
            json.dumps(
                {
                    "event": "request",
                    "user": row.user,
                    "workshop": row.workshop,
                    "api": row.api,
                    "model": row.model,
                    "upstream": row.upstream,
                    "status": row.status,
                    "tokens_in": row.tokens_in,
                    "tokens_out": row.tokens_out,
                    "wait_s": row.queue_wait_s,
                    "ttft_s": row.ttft_s,
                    "duration_s": row.duration_s,
                }
            )
        )

    # -- catalogue ----------------------------------------------------------------------------

    async def model_infos(self) -> dict[str, ModelInfo]:
        infos: dict[str, ModelInfo] = {}
        for backend in self.backends.values():
            try:
                for info in await backend.list_models():
                    infos.setdefault(info.name, info)
            except BackendError as exc:
                log.warning(
                    json.dumps({"event": "list_failed", "backend": backend.name, "error": str(exc)})
                )
        return infos

    async def loaded(self) -> list[str]:
        names: list[str] = []
        for backend in self.backends.values():
            names += [n for n in await backend.loaded() if n in self.catalogue]
        return sorted(set(names))

    async def aclose(self) -> None:
        for backend in self.backends.values():
            await backend.aclose()
