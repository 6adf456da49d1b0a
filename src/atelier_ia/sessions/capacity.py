"""How many participants one model can serve with a first answer in under ten seconds.

A small simulation of the room, not a formula: each participant reads, thinks and writes for
a while (exponential, 60 s on average), then asks for an answer of 200 tokens and waits for
it; the upstream runs `parallel` generations at once, each taking the measured time to first
token plus 200 tokens at the measured speed. The room fits when 90 % of requests see their
first token within the target. Assumptions are written in docs/journee.md.
"""

from __future__ import annotations

import heapq
import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Load:
    think_s: float = 60.0
    answer_tokens: int = 200
    target_s: float = 10.0
    quantile: float = 0.9
    minutes: float = 60.0


def first_token_quantile(
    participants: int, ttft_s: float, tokens_per_s: float, parallel: int, load: Load, seed=1
) -> float:
    """The `load.quantile` of the time from asking to the first token, over one simulated hour."""
    rng = random.Random(seed)
    service = ttft_s + load.answer_tokens / max(tokens_per_s, 1e-6)
    horizon = load.minutes * 60
    arrivals = [(rng.expovariate(1 / load.think_s), person) for person in range(participants)]
    heapq.heapify(arrivals)
    # When each generation slot is next free (the gateway serves in turn; with one request
    # per person in flight this is first come, first served).
    slots = [0.0] * parallel
    waits: list[float] = []
    while arrivals:
        asked, person = heapq.heappop(arrivals)
        if asked > horizon:
            continue
        free = heapq.heappop(slots)
        start = max(asked, free)
        done = start + service
        heapq.heappush(slots, done)
        waits.append(start - asked + ttft_s)
        heapq.heappush(arrivals, (done + rng.expovariate(1 / load.think_s), person))
    waits.sort()
    return waits[min(len(waits) - 1, int(load.quantile * len(waits)))] if waits else 0.0


def room_capacity(
    ttft_s: float, tokens_per_s: float, parallel: int, load: Load = Load(), most: int = 1000
) -> int:
    """The largest room whose first answers arrive within the target (0 if not even one)."""

    def fits(n: int) -> bool:
        return first_token_quantile(n, ttft_s, tokens_per_s, parallel, load) <= load.target_s

    if not fits(1):
        return 0
    low, high = 1, most
    if fits(high):
        return high
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if fits(middle) else (low, middle)
    return low


# What one machine holds, measured on a 2-core machine with the embedded model. Memory: the
# peak PSS per person of bench/room.py's embedded runs (bench/results/room.json), the larger of
# the cold and the warmed one (a server started ahead shares more: 128 against 136 MiB), each
# person with the catalogue and a workshop open (the catalogue alone is 62 MiB: arrival.json),
# and the hub, proxy and gateway with the chat model loaded (the speech model adds its own once
# used).
PARTICIPANT_MIB = 136
PLATFORM_MIB = 472
# Core-seconds a room's arrival costs per person (login, server start, catalogue), from
# bench/arrival.py: the last of 30 arriving at once, cold, saw the catalogue after 19.4 s.
ARRIVAL_CORE_S = 1.29


@dataclass(frozen=True)
class Machine:
    memory_mib: float
    cores: int

    @property
    def participants_in_memory(self) -> int:
        """How many participants' servers fit, leaving a tenth of the memory to the system."""
        free = self.memory_mib * 0.9 - PLATFORM_MIB
        return max(0, int(free // PARTICIPANT_MIB))

    def arrival_s(self, participants: int) -> float:
        """How long until the last of a room arriving at once, cold, sees the catalogue."""
        return participants * ARRIVAL_CORE_S / max(self.cores, 1)
