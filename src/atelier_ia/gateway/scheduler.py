"""Fair sharing of model upstreams between the people of a room.

Ollama serves a loaded model first come, first served, with an unbounded queue: one person who
clicks ten times delays everyone. Here every person has their own queue; queues are served in
turn, the person served least recently first (round robin in which newcomers go first). Each
person has at most ``per_user`` requests running, each upstream at most ``parallel``
generations. A request waits at most ``max_wait`` seconds, and no more than ``max_queue``
requests wait at once.

The scheduler knows nothing of HTTP: the gateway turns its exceptions into 429 and 503.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter, OrderedDict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field


class QueueFull(Exception):
    def __init__(self, retry_after: int, position: int) -> None:
        super().__init__("queue full")
        self.retry_after = retry_after
        self.position = position


class QueueTimeout(Exception):
    pass


class NoUpstream(Exception):
    """Every upstream that serves the model is down."""


@dataclass(eq=False)
class Upstream:
    """One backend's capacity, as the scheduler sees it."""

    name: str
    parallel: int
    models: frozenset[str]
    in_flight: int = 0
    down_until: float = 0.0

    def is_up(self, now: float) -> bool:
        return now >= self.down_until

    def has_room(self, now: float) -> bool:
        return self.is_up(now) and self.in_flight < self.parallel


@dataclass(eq=False)
class Ticket:
    user: str
    model: str
    avoid: frozenset[str] = frozenset()
    created: float = field(default_factory=time.monotonic)
    future: asyncio.Future = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )


@dataclass(eq=False)
class Lease:
    """A granted slot: release it exactly once, when the generation ends."""

    user: str
    upstream: Upstream
    waited: float
    released: bool = False


class FairScheduler:
    def __init__(
        self,
        upstreams: Iterable[Upstream],
        *,
        per_user: int = 1,
        max_queue: int = 200,
        max_wait: float = 120.0,
        down_for: float = 10.0,
    ) -> None:
        self.upstreams = {u.name: u for u in upstreams}
        self.per_user = per_user
        self.max_queue = max_queue
        self.max_wait = max_wait
        self.down_for = down_for
        # Users with waiting tickets, in the order they will be served next.
        self._queues: OrderedDict[str, deque[Ticket]] = OrderedDict()
        self._running: dict[str, int] = {}
        # When each user was last given a slot (a grant counter): least recently served first.
        self._last_served: dict[str, int] = {}
        self._grants = 0
        # Average seconds a generation holds a slot, to tell a refused caller when to retry.
        self._mean_hold = 5.0

    # -- reading ------------------------------------------------------------------------------

    @property
    def queued(self) -> int:
        return sum(len(q) for q in self._queues.values())

    def queued_by_model(self) -> Counter[str]:
        return Counter(ticket.model for queue in self._queues.values() for ticket in queue)

    @property
    def in_flight(self) -> int:
        return sum(self._running.values())

    def _ring(self) -> list[str]:
        """Users with waiting tickets, in serving order (stable: arrival order breaks ties)."""
        return sorted(self._queues, key=lambda user: self._last_served.get(user, -1))

    def position(self, ticket: Ticket) -> int:
        """1 means "next to be served". Round robin: each user ahead in the ring gets one more
        turn before this ticket, each user behind it as many as this user's earlier tickets."""
        queue = self._queues.get(ticket.user)
        if queue is None or ticket not in queue:
            return 0
        index = list(queue).index(ticket)
        ahead = index
        before_me = True
        for user in self._ring():
            if user == ticket.user:
                before_me = False
                continue
            ahead += min(len(self._queues[user]), index + (1 if before_me else 0))
        return ahead + 1

    def serves(self, model: str) -> list[Upstream]:
        return [u for u in self.upstreams.values() if model in u.models]

    # -- waiting ------------------------------------------------------------------------------

    def enqueue(self, user: str, model: str, avoid: frozenset[str] = frozenset()) -> Ticket:
        now = time.monotonic()
        candidates = [u for u in self.serves(model) if u.name not in avoid]
        if not any(u.is_up(now) for u in candidates):
            raise NoUpstream(model)
        if self.queued >= self.max_queue:
            raise QueueFull(self.retry_after(self.queued), self.queued + 1)
        ticket = Ticket(user, model, avoid)
        self._queues.setdefault(user, deque()).append(ticket)
        self._dispatch()
        return ticket

    async def wait(self, ticket: Ticket, timeout: float | None = None) -> Lease:
        """Wait for the ticket's turn; on timeout or cancellation it leaves the queue."""
        if ticket.future.done():
            # Served at once (the usual case in a calm room): no timer, no extra task.
            return Lease(ticket.user, ticket.future.result(), time.monotonic() - ticket.created)
        try:
            upstream = await asyncio.wait_for(
                asyncio.shield(ticket.future), self.max_wait if timeout is None else timeout
            )
        except TimeoutError:
            self._withdraw(ticket)
            raise QueueTimeout from None
        except asyncio.CancelledError:
            self._withdraw(ticket)
            raise
        return Lease(ticket.user, upstream, time.monotonic() - ticket.created)

    def granted(self, ticket: Ticket) -> bool:
        """Has the ticket's turn come (or failed) already?"""
        return ticket.future.done()

    async def poll(self, ticket: Ticket, timeout: float) -> Lease | None:
        """Wait up to `timeout` for the ticket's turn, keeping its place if it has not come."""
        try:
            upstream = await asyncio.wait_for(asyncio.shield(ticket.future), timeout)
        except TimeoutError:
            return None
        except asyncio.CancelledError:
            self._withdraw(ticket)
            raise
        return Lease(ticket.user, upstream, time.monotonic() - ticket.created)

    def withdraw(self, ticket: Ticket) -> None:
        self._withdraw(ticket)

    async def acquire(self, user: str, model: str) -> Lease:
        return await self.wait(self.enqueue(user, model))

    def _withdraw(self, ticket: Ticket) -> None:
        if ticket.future.done() and not ticket.future.cancelled():
            # Granted at the very moment the caller gave up: hand the slot back.
            self._free(ticket.user, ticket.future.result())
            return
        ticket.future.cancel()
        queue = self._queues.get(ticket.user)
        if queue is not None and ticket in queue:
            queue.remove(ticket)
            if not queue:
                del self._queues[ticket.user]
        self._dispatch()

    # -- releasing ----------------------------------------------------------------------------

    def release(self, lease: Lease, held: float | None = None) -> None:
        if lease.released:
            return
        lease.released = True
        if held is not None:
            self._mean_hold = 0.8 * self._mean_hold + 0.2 * held
        self._free(lease.user, lease.upstream)

    def mark_down(self, upstream: Upstream) -> None:
        upstream.down_until = time.monotonic() + self.down_for
        self._fail_unservable()

    def mark_up(self, upstream: Upstream) -> None:
        upstream.down_until = 0.0
        self._dispatch()

    def retry_after(self, position: int) -> int:
        capacity = max(1, sum(u.parallel for u in self.upstreams.values()))
        return max(1, round(position * self._mean_hold / capacity))

    def _free(self, user: str, upstream: Upstream) -> None:
        upstream.in_flight -= 1
        self._running[user] -= 1
        if not self._running[user]:
            del self._running[user]
        self._dispatch()

    def _fail_unservable(self) -> None:
        now = time.monotonic()
        for user, queue in list(self._queues.items()):
            for ticket in list(queue):
                candidates = [u for u in self.serves(ticket.model) if u.name not in ticket.avoid]
                if not any(u.is_up(now) for u in candidates):
                    queue.remove(ticket)
                    if not ticket.future.done():
                        ticket.future.set_exception(NoUpstream(ticket.model))
            if not queue:
                del self._queues[user]

    def _pick(self, ticket: Ticket, now: float) -> Upstream | None:
        free = [
            u for u in self.serves(ticket.model) if u.name not in ticket.avoid and u.has_room(now)
        ]
        # Least busy first, relative to its size.
        return min(free, key=lambda u: (u.in_flight / u.parallel, u.in_flight), default=None)

    def _dispatch(self) -> None:
        now = time.monotonic()
        progress = True
        while progress and self._queues:
            progress = False
            for user in self._ring():
                queue = self._queues[user]
                if self._running.get(user, 0) >= self.per_user:
                    continue
                ticket = queue[0]
                upstream = self._pick(ticket, now)
                if upstream is None:
                    continue
                queue.popleft()
                upstream.in_flight += 1
                self._running[user] = self._running.get(user, 0) + 1
                ticket.future.set_result(upstream)
                # Served: this user goes to the back of the ring.
                self._grants += 1
                self._last_served[user] = self._grants
                if not queue:
                    del self._queues[user]
                progress = True
                break
