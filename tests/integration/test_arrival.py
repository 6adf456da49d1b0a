"""A room that logs in at once: server starts wait their turn in the hub's queue (one slot
here, to make the queue long on any machine), every server comes up, and the people who wait
are told their place in French on the page the hub shows during a start."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.hub_harness import start_platform, wait_until

# Sixteen: a start takes well under a second on an idle machine and the hub answers a request
# after 2 s (slow_spawn_timeout), so with five everyone could be in before reading the page
# (seen once). N in one slot leave someone at least two places back at 2 s unless a start takes
# under 2/(N-2) s: 0.14 s here (twelve left 3 people reading their place on this machine).
ROOM = [f"arrivee{i:02d}" for i in range(16)]


@pytest.fixture(scope="module")
def one_slot(tmp_path_factory):
    running = start_platform(tmp_path_factory.mktemp("arrival"), {"ATELIER_HUB__SPAWN_SLOTS": "1"})
    yield running
    running.stop()
    running.remove()


def progress_messages(platform, session, name: str) -> list[str]:
    """The events the spawn-pending page reads (server-sent), until the server is ready."""
    messages = []
    with platform.api(
        session, "GET", f"/users/{name}/server/progress", stream=True, timeout=300
    ) as stream:
        assert stream.status_code == 200, stream.text
        for line in stream.iter_lines(decode_unicode=False):
            if not line.startswith(b"data:"):
                continue
            event = json.loads(line[5:].decode("utf-8"))
            messages.append(event.get("message", ""))
            if event.get("ready") or event.get("failed"):
                break
    return messages


def test_a_room_arriving_at_once_all_gets_in_and_waiters_see_their_place(one_slot):
    sessions = {name: one_slot.login(name) for name in ROOM}
    assert all(s.login_status == 302 for s in sessions.values())

    # Everyone asks at the same moment, as after « allez-y », and reads the start page.
    def arrive(name):
        asked = one_slot.api(sessions[name], "POST", f"/users/{name}/server")
        assert asked.status_code in (201, 202), asked.text
        return progress_messages(one_slot, sessions[name], name) if asked.status_code == 202 else []

    with ThreadPoolExecutor(len(ROOM)) as pool:
        seen = dict(zip(ROOM, pool.map(arrive, ROOM), strict=True))
    # Someone far enough back read their place (« 2e dans la file d'attente » or further).
    assert any("dans la file d'attente" in m for ms in seen.values() for m in ms), seen
    for messages in seen.values():
        assert not any(m.startswith("Spawning server") for m in messages), messages

    def all_up():
        users = [one_slot.api(sessions[n], "GET", f"/users/{n}").json() for n in ROOM]
        return all(u["servers"].get("", {}).get("ready") for u in users)

    wait_until(all_up, 240, "every server of the room to be ready")
    # Each one lands on their catalogue, through the proxy.
    for name, session in sessions.items():
        page = session.get(f"{one_slot.url}/hub/")
        assert page.status_code == 200
        assert page.url.endswith(f"/user/{name}/catalogue")
