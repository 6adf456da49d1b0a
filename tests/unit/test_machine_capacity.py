"""What `atelier doctor` says one machine holds: from the figures bench/arrival.py measured,
which the constants must follow when the bench is rerun."""

from __future__ import annotations

import json
from pathlib import Path

from atelier_ia.sessions import capacity
from atelier_ia.sessions.capacity import Machine
from atelier_ia.sessions.doctor import check_machine

RESULTS = Path(__file__).resolve().parents[2] / "bench" / "results"


def test_the_constants_are_the_measured_figures():
    arrival = json.loads((RESULTS / "arrival.json").read_text())
    run = arrival["runs"][0]  # the room with the hub's queue as configured by default
    cores = int(arrival["machine"].split(", ")[1].split()[0])
    per_person = run["catalogue_max_s"] * cores / arrival["participants"]
    assert abs(capacity.ARRIVAL_CORE_S - per_person) <= 0.05
    room = json.loads((RESULTS / "room.json").read_text())
    embedded = [r for r in room["runs"] if r["model"] == "smollm2:135m"]
    per_person = max(r["peak_mib"]["Pss"]["per_participant_mean"] for r in embedded)
    assert capacity.PARTICIPANT_MIB == round(per_person)
    memory = next(r for r in embedded if r["warm"])["peak_mib"]["Pss"]
    platform = memory["hub"] + memory["proxy"] + memory["gateway"]
    assert abs(capacity.PLATFORM_MIB - platform) <= 5


def test_memory_bounds_the_room_and_a_cold_room_is_told_to_warm_up():
    small = Machine(memory_mib=4096, cores=2)
    assert small.participants_in_memory == int((4096 * 0.9 - 472) // 136)
    refused = check_machine(small, 60)
    assert not refused.ok and not refused.blocking
    assert "pas assez de mémoire" in refused.detail
    big = Machine(memory_mib=24 * 1024, cores=2)
    warned = check_machine(big, 60)
    assert warned.ok and "--warm" in warned.detail  # 60 × 1.29 / 2 ≈ 39 s cold
    room = check_machine(big, 30)
    assert room.ok and "--warm" not in room.detail  # ≈ 19 s
    fast = check_machine(Machine(memory_mib=24 * 1024, cores=16), 60)
    assert fast.ok and "--warm" not in fast.detail  # ≈ 5 s
