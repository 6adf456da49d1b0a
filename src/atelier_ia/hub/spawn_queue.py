"""A first-come, first-served queue of server starts.

A room that logs in at the same moment asks the hub for 30 servers at once. Started together, on
a small machine, each one takes all of a minute to answer, and the hub gives up on them
(`Spawner.http_timeout`): in a measured run, 29 of 30 people never got in. Started a few at a
time, each one is up in seconds and the last one's wait is the sum of the starts before it.

A slot is held from the moment the server process is launched until it answers HTTP, which is
where a start spends its CPU. The queue's waiting is not a start's failure, so the hub's
`start_timeout` is kept for the start itself (see :class:`SpawnQueue.slot`).
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class SpawnQueue:
    def __init__(self, slots: int) -> None:
        if slots < 1:
            raise ValueError("a spawn queue needs at least one slot")
        self.slots = slots
        self._running: set[int] = set()
        self._waiting: list[int] = []  # tickets, in order of arrival
        self._tickets = itertools.count()
        self._changed = asyncio.Condition()

    @property
    def running(self) -> int:
        return len(self._running)

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def position(self, ticket: int) -> int:
        """1 for the next to start; 0 once the ticket holds a slot or has left."""
        try:
            return self._waiting.index(ticket) + 1
        except ValueError:
            return 0

    def take_ticket(self) -> int:
        ticket = next(self._tickets)
        self._waiting.append(ticket)
        return ticket

    @asynccontextmanager
    async def slot(self, ticket: int) -> AsyncIterator[None]:
        """Wait for the ticket's turn (first in, first out), hold a slot, give it back even when
        the start fails or is cancelled."""
        async with self._changed:
            try:
                await self._changed.wait_for(
                    lambda: len(self._running) < self.slots and self._waiting[0] == ticket
                )
            except BaseException:
                self._waiting.remove(ticket)
                self._changed.notify_all()
                raise
            self._waiting.pop(0)
            self._running.add(ticket)
            self._changed.notify_all()
        try:
            yield
        finally:
            async with self._changed:
                self._running.discard(ticket)
                self._changed.notify_all()

    async def changed(self, timeout: float) -> None:
        """Return when someone enters or leaves a slot, or after `timeout` seconds."""
        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait(), timeout)
            except TimeoutError:
                pass


def waiting_message(position: int) -> str:
    if position == 1:
        return "Vous êtes le prochain espace à démarrer."
    return f"Beaucoup de monde arrive en même temps : vous êtes {position}e dans la file d'attente."
