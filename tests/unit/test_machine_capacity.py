"""What `atelier doctor` says one machine holds: from the figures bench/arrival.py measured,
which the constants must follow when the bench is rerun."""

from __future__ import annotations

import json
from pathlib import Path

from atelier_ia.sessions import capacity
from atelier_ia.sessions.capacity import Machine
from atelier_ia.sessions.doctor import check_machine

ARRIVAL = Path(__file__).resolve().parents[2] / "bench" / "results" / "arrival.json"


def test_the_constants_are_the_measured_figures():
    measured = json.loads(ARRIVAL.read_text())
    run = measured["runs"][0]  # the room with the hub's queue as configured by default
    memory = run["pss_mib"]
    cores = int(measured["machine"].split(", ")[1].split()[0])
    assert capacity.PARTICIPANT_MIB == round(memory["per_participant_mean"])
    platform = memory["hub"] + memory["proxy"] + memory["gateway"]
    assert abs(capacity.PLATFORM_MIB - platform) <= 5
    per_person = run["catalogue_max_s"] * cores / measured["participants"]
    assert abs(capacity.ARRIVAL_CORE_S - per_person) <= 0.05


def test_memory_bounds_the_room_and_a_cold_room_is_told_to_warm_up():
    small = Machine(memory_mib=4096, cores=2)
    assert small.participants_in_memory == int((4096 * 0.9 - 287) // 65)
    refused = check_machine(small, 60)
    assert not refused.ok and not refused.blocking
    assert "pas assez de mémoire" in refused.detail
    big = Machine(memory_mib=24 * 1024, cores=2)
    warned = check_machine(big, 60)
    assert warned.ok and "--warm" in warned.detail  # 60 × 1.79 / 2 ≈ 54 s cold
    room = check_machine(big, 30)
    assert room.ok and "--warm" not in room.detail  # ≈ 27 s
    fast = check_machine(Machine(memory_mib=24 * 1024, cores=16), 60)
    assert fast.ok and "--warm" not in fast.detail  # ≈ 7 s
