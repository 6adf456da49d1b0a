"""What one Unix account per person costs at server start (not a test):
`.venv/bin/python -m bench.isolation`.

Two real platforms run side by side on this machine: one as it runs as root (a Unix account made
at each person's first start, the server started under it) and one with isolation off (the
loopback demo, every server under the operator's account). Each of ROUNDS rounds starts a new
person's server on one, then on the other (the order alternates, so neither is always the one
that finds the machine busier), from the spawn request to the server answering through the
proxy. The figure is the ratio of the medians, in one run. Needs root. Writes
bench/results/isolation.json.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import write_result  # noqa: E402
from tests.hub_harness import start_platform  # noqa: E402

ROUNDS = 8


def start_time(platform, name: str) -> float:
    session = platform.login(name)
    assert session.login_status == 302, name
    start = time.perf_counter()
    platform.start_server(session, name)
    took = time.perf_counter() - start
    # Stop it again: every round starts with the same number of servers running.
    platform.api(session, "DELETE", f"/users/{name}/server")
    return took


def main() -> None:
    if os.geteuid() != 0:
        sys.exit("bench.isolation: à lancer en root (création des comptes Unix).")
    tmp = Path(tempfile.mkdtemp(prefix="bench-isolation-"))
    for kind in ("comptes", "demo"):
        (tmp / kind).mkdir()
    accounts = start_platform(tmp / "comptes")
    demo = start_platform(tmp / "demo", {"ATELIER_ISOLATION__MODE": "demo"})
    times: dict[str, list[float]] = {"accounts": [], "demo": []}
    try:
        for round_ in range(ROUNDS):
            order = [("accounts", accounts), ("demo", demo)]
            for kind, platform in order if round_ % 2 == 0 else order[::-1]:
                times[kind].append(start_time(platform, f"mesure-{round_:02d}"))
    finally:
        for platform in (accounts, demo):
            platform.stop()
            platform.remove()
    medians = {kind: statistics.median(values) for kind, values in times.items()}
    ratio = medians["accounts"] / medians["demo"]
    print(f"{'':24}{'médiane':>10}{'min':>8}{'max':>8}")
    for kind, label in (("accounts", "un compte par personne"), ("demo", "sans isolation")):
        values = times[kind]
        print(f"{label:24}{medians[kind]:>9.2f}s{min(values):>7.2f}s{max(values):>7.2f}s")
    print(f"rapport (comptes / sans) : {ratio:.3f}, sur {ROUNDS} démarrages chacun")
    write_result(
        "isolation",
        {
            "what": "server start (spawn request to server answering), fresh person each time",
            "rounds": ROUNDS,
            "seconds": {kind: [round(v, 3) for v in values] for kind, values in times.items()},
            "median_s": {kind: round(v, 3) for kind, v in medians.items()},
            "ratio_accounts_over_demo": round(ratio, 3),
        },
    )


if __name__ == "__main__":
    main()
