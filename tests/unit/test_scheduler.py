"""The fair scheduler alone: deterministic, no HTTP, no model."""

from __future__ import annotations

import asyncio

import pytest

from atelier_ia.gateway.scheduler import (
    FairScheduler,
    NoUpstream,
    QueueFull,
    QueueTimeout,
    Upstream,
)


def upstream(name="gpu", parallel=1, models=("m",)):
    return Upstream(name, parallel, frozenset(models))


def run(coro):
    return asyncio.run(coro)


def test_round_robin_between_users():
    async def scenario():
        gpu = upstream()
        sched = FairScheduler([gpu], per_user=1)
        first = await sched.acquire("greedy", "m")  # holds the only slot
        greedy = [sched.enqueue("greedy", "m") for _ in range(4)]
        polite = [sched.enqueue(user, "m") for user in ("ana", "bob", "cyd")]
        # Greedy was just served: each polite user goes first, then greedy's tickets.
        assert [sched.position(t) for t in greedy] == [4, 5, 6, 7]
        assert [sched.position(t) for t in polite] == [1, 2, 3]
        order = []
        lease = first
        for _ in range(7):
            sched.release(lease)
            await asyncio.sleep(0)
            granted = [t for t in greedy + polite if t.future.done() and t not in order]
            assert len(granted) == 1
            order.append(granted[0])
            lease = await sched.wait(granted[0])
        assert [t.user for t in order] == [
            "ana",
            "bob",
            "cyd",
            "greedy",
            "greedy",
            "greedy",
            "greedy",
        ]

    run(scenario())


def test_turns_alternate_between_two_busy_users():
    async def scenario():
        sched = FairScheduler([upstream()], per_user=1)
        lease = await sched.acquire("ana", "m")
        tickets = [sched.enqueue(user, "m") for user in ("ana", "ana", "bob", "bob")]
        served = []
        for _ in range(4):
            sched.release(lease)
            await asyncio.sleep(0)
            ticket = next(t for t in tickets if t.future.done() and t not in served)
            served.append(ticket)
            lease = await sched.wait(ticket)
        assert [t.user for t in served] == ["bob", "ana", "bob", "ana"]

    run(scenario())


def test_per_user_cap_and_parallel_cap():
    async def scenario():
        gpu = upstream(parallel=3)
        sched = FairScheduler([gpu], per_user=1)
        a1 = sched.enqueue("ana", "m")
        a2 = sched.enqueue("ana", "m")
        b1 = sched.enqueue("bob", "m")
        c1 = sched.enqueue("cyd", "m")
        d1 = sched.enqueue("dan", "m")
        await asyncio.sleep(0)
        # Three slots: ana, bob, cyd; ana's second waits for her first, dan for a slot.
        assert a1.future.done() and b1.future.done() and c1.future.done()
        assert not a2.future.done() and not d1.future.done()
        assert gpu.in_flight == 3 and sched.in_flight == 3 and sched.queued == 2
        lease = await sched.wait(b1)
        sched.release(lease)
        await asyncio.sleep(0)
        assert d1.future.done(), "bob's slot goes to dan, not to ana's second request"
        assert not a2.future.done()

    run(scenario())


def test_full_queue_refuses_with_position_and_retry_after():
    async def scenario():
        sched = FairScheduler([upstream()], max_queue=2)
        await sched.acquire("ana", "m")
        sched.enqueue("bob", "m")
        sched.enqueue("cyd", "m")
        with pytest.raises(QueueFull) as full:
            sched.enqueue("dan", "m")
        assert full.value.position == 3
        assert full.value.retry_after >= 1

    run(scenario())


def test_wait_deadline_removes_the_ticket():
    async def scenario():
        sched = FairScheduler([upstream()], max_wait=0.05)
        await sched.acquire("ana", "m")
        ticket = sched.enqueue("bob", "m")
        with pytest.raises(QueueTimeout):
            await sched.wait(ticket)
        assert sched.queued == 0

    run(scenario())


def test_cancelled_waiter_leaves_the_queue_and_frees_its_turn():
    async def scenario():
        sched = FairScheduler([upstream()])
        lease = await sched.acquire("ana", "m")
        bob = sched.enqueue("bob", "m")
        waiter = asyncio.create_task(sched.wait(bob))
        cyd = sched.enqueue("cyd", "m")
        await asyncio.sleep(0)
        waiter.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiter
        assert sched.queued == 1
        sched.release(lease)
        await asyncio.sleep(0)
        assert cyd.future.done()

    run(scenario())


def test_least_busy_upstream_first_and_failover():
    async def scenario():
        big = upstream("big", parallel=4)
        small = upstream("small", parallel=1)
        sched = FairScheduler([big, small], per_user=10)
        leases = [await sched.acquire("ana", "m") for _ in range(5)]
        assert sorted(lease.upstream.name for lease in leases).count("big") == 4
        for lease in leases:
            sched.release(lease)
        sched.mark_down(big)
        lease = await sched.acquire("bob", "m")
        assert lease.upstream is small
        sched.mark_down(small)
        with pytest.raises(NoUpstream):
            sched.enqueue("cyd", "m")
        sched.mark_up(big)
        assert (await sched.acquire("cyd", "m")).upstream is big

    run(scenario())


def test_models_only_go_to_upstreams_that_serve_them():
    async def scenario():
        a = upstream("a", models=("m1",))
        b = upstream("b", models=("m2",))
        sched = FairScheduler([a, b], per_user=2)
        assert (await sched.acquire("ana", "m2")).upstream is b
        with pytest.raises(NoUpstream):
            sched.enqueue("ana", "m3")
        # An upstream to avoid (it just failed for this request) is not picked.
        with pytest.raises(NoUpstream):
            sched.enqueue("ana", "m1", avoid=frozenset({"a"}))

    run(scenario())


def test_waiting_for_a_down_upstream_fails_cleanly():
    async def scenario():
        gpu = upstream()
        sched = FairScheduler([gpu])
        await sched.acquire("ana", "m")
        ticket = sched.enqueue("bob", "m")
        sched.mark_down(gpu)
        with pytest.raises(NoUpstream):
            await sched.wait(ticket)
        assert sched.queued == 0

    run(scenario())
