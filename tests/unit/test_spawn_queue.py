"""The queue of server starts: first come, first served, never more than its slots at once,
and a slot given back when a start fails or is abandoned."""

from __future__ import annotations

import asyncio

import pytest

from atelier_ia.hub.spawn_queue import SpawnQueue, waiting_message


def test_starts_run_in_order_and_never_more_than_the_slots():
    async def scenario():
        queue = SpawnQueue(2)
        order, peak = [], 0

        async def start(name: str):
            nonlocal peak
            ticket = queue.take_ticket()
            async with queue.slot(ticket):
                peak = max(peak, queue.running)
                order.append(name)
                await asyncio.sleep(0.01)

        await asyncio.gather(*(start(f"p{i}") for i in range(10)))
        return order, peak, queue

    order, peak, queue = asyncio.run(scenario())
    assert order == [f"p{i}" for i in range(10)]
    assert peak == 2
    assert (queue.running, queue.waiting) == (0, 0)


def test_a_waiting_person_sees_their_place_move_up():
    async def scenario():
        queue = SpawnQueue(1)
        first, second, third = (queue.take_ticket() for _ in range(3))
        release = asyncio.Event()

        async def hold(ticket):
            async with queue.slot(ticket):
                await release.wait()

        holder = asyncio.create_task(hold(first))
        await asyncio.sleep(0.01)
        before = (queue.position(first), queue.position(second), queue.position(third))
        waiter = asyncio.create_task(hold(second))
        release.set()
        await holder
        await asyncio.sleep(0.01)
        after = queue.position(third)
        await waiter
        return before, after

    before, after = asyncio.run(scenario())
    assert before == (0, 1, 2)
    assert after == 1


def test_a_failed_or_abandoned_start_gives_its_slot_back():
    async def scenario():
        queue = SpawnQueue(1)

        async def failing():
            async with queue.slot(queue.take_ticket()):
                raise OSError("the server would not start")

        with pytest.raises(OSError):
            await failing()
        # An abandoned wait (the person closed the page, the hub cancelled) leaves the line.
        blocker = queue.take_ticket()
        gone = queue.take_ticket()
        async with queue.slot(blocker):
            task = asyncio.create_task(queue.slot(gone).__aenter__())
            await asyncio.sleep(0.01)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
        async with queue.slot(queue.take_ticket()):
            return queue.running, queue.waiting

    assert asyncio.run(scenario()) == (1, 0)


def test_the_message_is_french_and_names_the_place():
    assert "prochain" in waiting_message(1)
    assert "12e dans la file d'attente" in waiting_message(12)


def test_a_queue_needs_a_slot():
    with pytest.raises(ValueError):
        SpawnQueue(0)
