"""A room arriving at once (not a test): `.venv/bin/python -m bench.arrival [N]`.

N people (30 by default) log in at the same moment and ask for their server, on a real platform,
cold (no server running). Run twice, one after the other on the same machine: with the hub's
queue of starts as configured by default (one slot per core, at least two) and with the queue
effectively off (64 slots, every start at once, as before the queue). For each person: login,
server ready, catalogue page served (a plain page of the person's server, apps/catalogue_page.py:
complete as served, no kernel), and the memory (PSS) of everything once the room is in. Then
the same N log in again at once, with fresh sessions, their servers running: the warmed
arrival (as after `atelier session create --warm`), login → catalogue and nothing else.
Writes bench/results/arrival.json.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urljoin

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from atelier_ia.hub.spawner import spawn_slots  # noqa: E402
from atelier_ia.settings import Settings  # noqa: E402
from bench import write_result  # noqa: E402
from bench.memory import participant_uids, platform_pss  # noqa: E402
from tests.hub_harness import start_platform  # noqa: E402

DEADLINE_S = 300


def read_page(session, url: str, start: float):
    """GET a page to its end; None if it is not over DEADLINE_S after `start`. Voilà streams a
    workshop's page while the kernel runs; a page whose kernel died keeps the stream open, so
    the whole body, not each read, has a deadline."""
    with session.get(url, timeout=60, stream=True) as page:
        for _ in page.iter_content(65536):
            if time.perf_counter() - start > DEADLINE_S:
                return None
    return page


def follow_progress(platform, session, name: str, start: float) -> str:
    """Wait for the server as the hub's start page does: on its progress event stream (one
    long request per person, not a poll), until it says ready or failed."""
    path = f"/users/{name}/server/progress"
    while time.perf_counter() - start < DEADLINE_S:
        try:
            with platform.api(session, "GET", path, stream=True, timeout=(10, 60)) as events:
                if events.status_code != 200:
                    return f"progress {events.status_code}"
                for line in events.iter_lines(decode_unicode=True):
                    if not line.startswith("data:"):
                        continue
                    event = json.loads(line[5:])
                    if event.get("ready"):
                        return "ready"
                    if event.get("failed"):
                        return "server failed to start"
                    if time.perf_counter() - start > DEADLINE_S:
                        break
        except requests.exceptions.ReadTimeout:
            continue  # a quiet minute in the queue: listen again
    return "deadline"


def arrive(platform, name: str, sessions: dict | None = None) -> dict:
    """Log in, ask for the server, wait for it, read the catalogue; `sessions` keeps each
    person's HTTP session for what they do next."""
    start = time.perf_counter()
    try:
        session = platform.login(name)
        if sessions is not None:
            sessions[name] = session
        if session.login_status != 302:
            return {"error": f"login {session.login_status}"}
        logged = time.perf_counter() - start
        # As Chromium does (its hub log, one warmed login): when the server already runs, the
        # login's redirection goes straight to it; otherwise the person waits for the start.
        running = session.login_location.rstrip("/").endswith(f"/user/{name}")
        if not running:
            platform.api(session, "POST", f"/users/{name}/server")
            outcome = follow_progress(platform, session, name, start)
            if outcome != "ready":
                return {"error": outcome, "login_s": logged}
        ready = time.perf_counter() - start
        first = urljoin(f"{platform.url}/hub/login", session.login_location) if running else None
        page = read_page(session, first or f"{platform.url}/hub/", start)
        if page is None:
            return {"error": "catalogue never finished", "login_s": logged}
        if page.status_code != 200 or not page.url.endswith(f"/user/{name}/catalogue"):
            return {"error": f"catalogue {page.status_code}", "login_s": logged}
        return {"login_s": logged, "ready_s": ready, "catalogue_s": time.perf_counter() - start}
    except Exception as exc:  # a bench counts failures by kind, it does not stop at one
        return {"error": type(exc).__name__}


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def run(n: int, slots: str | None, tmp: Path) -> dict:
    folder = tmp / (slots or "defaut")
    folder.mkdir()
    platform = start_platform(folder, {"ATELIER_HUB__SPAWN_SLOTS": slots} if slots else {})
    try:
        with ThreadPoolExecutor(n) as pool:
            people = list(pool.map(lambda i: arrive(platform, f"salle{i:02d}"), range(n)))
        memory = platform_pss(platform.process.pid, participant_uids(platform.prefix))
        # The same room again, every server now running: as after `session create --warm`.
        with ThreadPoolExecutor(n) as pool:
            again = list(pool.map(lambda i: arrive(platform, f"salle{i:02d}"), range(n)))
    finally:
        platform.stop(timeout=120)
        platform.remove()
    return {
        "slots": slots or f"default ({spawn_slots(Settings())})",
        **figures(people),
        "pss_mib": memory,
        "warm": figures(again),
    }


def figures(people: list[dict]) -> dict:
    done = [p["catalogue_s"] for p in people if "catalogue_s" in p]
    errors: dict[str, int] = {}
    for p in people:
        if "error" in p:
            errors[p["error"]] = errors.get(p["error"], 0) + 1
    return {
        "got_in": len(done),
        "errors": errors,
        "login_p50_s": percentile([p["login_s"] for p in people if "login_s" in p], 0.5),
        "catalogue_p50_s": percentile(done, 0.5),
        "catalogue_p95_s": percentile(done, 0.95),
        "catalogue_max_s": max(done) if done else None,
        "catalogue_s": [round(v, 2) for v in done],
    }


def main() -> None:
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    n = int(numbers[0]) if numbers else 30
    if os.geteuid() != 0:
        sys.exit("bench.arrival: à lancer en root (comptes Unix).")
    tmp = Path(tempfile.mkdtemp(prefix="bench-arrival-"))
    # `--queue-only` skips the run without the queue (the one that fails most of the room);
    # `--slots=3,4` adds runs with that many start slots, one after the other.
    extra = [a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--slots=")]
    slots = [s for s in ",".join(extra).split(",") if s.isdigit()]
    if "--queue-only" not in sys.argv:
        slots.append("64")
    runs = [run(n, None, tmp)] + [run(n, count, tmp) for count in slots]
    print(f"{n} personnes en même temps : connexion → catalogue")
    print(f"{'file de démarrage':22}{'serveurs':10}{'entrés':>8}{'p50':>8}{'p95':>8}{'max':>8}")
    for r in runs:
        for label, f in (("à froid", r), ("démarrés", r["warm"])):
            cells = [f["catalogue_p50_s"], f["catalogue_p95_s"], f["catalogue_max_s"]]
            shown = "".join(f"{v:>7.1f}s" if v is not None else f"{'-':>8}" for v in cells)
            print(f"{r['slots']:22}{label:10}{f['got_in']:>5}/{n}{shown}  {f['errors'] or '-'}")
    print("mémoire (PSS, MiB):", runs[0]["pss_mib"])
    write_result(
        "arrival",
        {
            "what": "N people log in and ask for a server at once, cold, then again with every "
            "server running (warm); seconds from login "
            "to the catalogue page served",
            "participants": n,
            "runs": runs,
        },
    )


if __name__ == "__main__":
    main()
