"""A long day compressed (not a test): `.venv/bin/python -m bench.soak [N] [MINUTES]`.

N people (60 by default) for MINUTES (20 by default) on a real platform (`atelier up`, as
root, one account per person, the embedded model), their servers started with
`atelier session create … --warm`. Each person, in a loop until the time is up: opens the
playground workshop (a Voilà page: a new kernel, left behind when the page is closed, as a
browser tab is), sends one or two prompts through the apps' client with their own token, and
thinks for 40 to 120 s (a workshop's pace: the room sends about one prompt a second).

Culling is shortened for the run (kernels idle 120 s, servers idle 300 s) and, once the
activity stops, the bench waits for the culler to leave no participant process.

Figures:
- errors by kind, the policy's 429s apart;
- requests sent against audit rows written (read through the audit log's own functions);
- the memory slope (PSS, MiB per minute, least squares) of the hub, the proxy, the gateway
  and the mean participant, sampled every 30 s, over the whole run and after the first
  5 minutes (the embedded model's load and the first kernels are no leak);
- seconds after the last activity until no kernel and no server is left.

Writes bench/results/soak.json and bench/results/soak.png.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from atelier_ia.gateway.audit import AuditLog  # noqa: E402
from atelier_ia.llm.client import LLMClient, LLMError  # noqa: E402
from atelier_ia.sessions.accounts import logins  # noqa: E402
from atelier_ia.settings import EMBEDDED_MODEL, Settings  # noqa: E402
from bench import RESULTS, write_result  # noqa: E402
from bench.arrival import read_page  # noqa: E402
from bench.memory import participant_uids, platform_pss, processes  # noqa: E402
from bench.room import MAX_TOKENS, PROMPTS, SESSION, WORKSHOP, atelier  # noqa: E402
from tests.hub_harness import start_platform  # noqa: E402

THINK_S = (40.0, 120.0)
SAMPLE_S = 30.0
KERNEL_IDLE_S = 120
SERVER_IDLE_S = 300
CULL_DEADLINE_S = 900
STEADY_AFTER_MIN = 5.0
POLICY = "Trop de demandes"  # the fair queue's 429 (gateway/core.py)


def slope(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of (minutes, MiB)."""
    if len(points) < 3:
        return None
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    var = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / var if var else None


def steady(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The samples after the first STEADY_AFTER_MIN minutes: before, the embedded model loads
    at the first request (+200 MiB in the gateway) and the first kernels start, a climb that
    a slope over the whole run would read as a leak."""
    return [(x, y) for x, y in points if x >= STEADY_AFTER_MIN]


def participant(platform, name: str, token: str, until: float, seed: int) -> dict:
    rng = random.Random(seed)
    client = LLMClient(
        host=f"{platform.url}/services/gateway", token=token, workshop="bench-soak", timeout=600
    )
    session = platform.login(name)
    sent, answered, pages = 0, 0, 0
    errors: dict[str, int] = {}
    time.sleep(rng.uniform(0, THINK_S[0]))  # the room does not start on the same second
    while time.monotonic() < until:
        try:
            start = time.perf_counter()
            page = read_page(session, f"{platform.url}/user/{name}/voila/render/{WORKSHOP}", start)
            if page is None or page.status_code != 200:
                kind = "workshop page " + (
                    "never finished" if page is None else str(page.status_code)
                )
                errors[kind] = errors.get(kind, 0) + 1
            else:
                pages += 1
        except Exception as exc:  # counted, not fatal: a bench reports every failure
            errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
        for _ in range(rng.choice((1, 2))):
            sent += 1
            try:
                list(client.stream_chat(EMBEDDED_MODEL, rng.choice(PROMPTS), max_tokens=MAX_TOKENS))
                answered += 1
            except LLMError as exc:
                kind = "429 (politique)" if POLICY in str(exc) else str(exc)[:80]
                errors[kind] = errors.get(kind, 0) + 1
        time.sleep(min(rng.uniform(*THINK_S), max(0.0, until - time.monotonic())))
    return {"sent": sent, "answered": answered, "pages": pages, "errors": errors}


def left_processes(platform) -> int:
    uids = participant_uids(platform.prefix)
    return sum(1 for _, uid, _ in processes(platform.process.pid) if uid in uids)


def plot(series: dict[str, list[tuple[float, float]]]) -> Path | None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    figure, axis = plt.subplots(figsize=(8, 4))
    for label, points in series.items():
        axis.plot([x for x, _ in points], [y for _, y in points], label=label)
    axis.set(title="Mémoire (PSS) pendant l'endurance", xlabel="minutes", ylabel="Mio")
    axis.grid(alpha=0.3)
    axis.legend(fontsize=8)
    figure.tight_layout()
    path = RESULTS / "soak.png"
    figure.savefig(path, dpi=110)
    return path


def main() -> None:
    numbers = [int(a) for a in sys.argv[1:] if a.isdigit()]
    n = min(60, numbers[0]) if numbers else 60
    minutes = numbers[1] if len(numbers) > 1 else 20
    if os.geteuid() != 0:
        sys.exit("bench.soak : à lancer en root (comptes Unix).")
    tmp = Path(tempfile.mkdtemp(prefix="bench-soak-"))
    platform = start_platform(
        tmp,
        {
            "ATELIER_CULLING__KERNEL_IDLE_TIMEOUT": str(KERNEL_IDLE_S),
            "ATELIER_CULLING__KERNEL_CULL_INTERVAL": "30",
            "ATELIER_CULLING__SERVER_IDLE_TIMEOUT": str(SERVER_IDLE_S),
            "ATELIER_GATEWAY__MAX_WAIT": "300",
        },
    )
    series: dict[str, list[tuple[float, float]]] = {
        "hub": [],
        "proxy": [],
        "gateway": [],
        "participant (moyenne)": [],
    }
    try:
        warm_start = time.perf_counter()
        made = atelier(platform, "session", "create", SESSION, "--participants", str(n), "--warm")
        if made.returncode != 0:
            raise RuntimeError(made.stderr)
        warm_s = time.perf_counter() - warm_start
        names = logins(SESSION, n)
        admin = platform.login("formateur", platform.admin_password)
        tokens = {name: platform.new_token(admin, name) for name in names}
        stop = threading.Event()
        begin = time.monotonic()

        def sample() -> None:
            uids = participant_uids(platform.prefix)
            while not stop.is_set():
                now = platform_pss(platform.process.pid, uids)
                at = (time.monotonic() - begin) / 60
                for part in ("hub", "proxy", "gateway"):
                    series[part].append((at, now[part]))
                if now["per_participant_mean"]:
                    series["participant (moyenne)"].append((at, now["per_participant_mean"]))
                stop.wait(SAMPLE_S)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        until = begin + minutes * 60
        with ThreadPoolExecutor(n) as pool:
            people = list(
                pool.map(
                    lambda item: participant(platform, item[1], tokens[item[1]], until, item[0]),
                    enumerate(names),
                )
            )
        stop.set()
        sampler.join(60)
        last_activity = time.monotonic()
        audit = AuditLog(
            Settings.model_validate({"state_dir": str(platform.state_dir)}).audit_database_url
        )
        try:
            rows = sum(
                1
                for name in names
                for row in audit.rows_for(name, limit=100000)
                if row["workshop"] == "bench-soak"
            )
        finally:
            audit.engine.dispose()
        left_at_end = left_processes(platform)
        while left_processes(platform) and time.monotonic() - last_activity < CULL_DEADLINE_S:
            time.sleep(10)
        culled_after = time.monotonic() - last_activity
        left = left_processes(platform)
    finally:
        platform.stop(timeout=300)
        platform.remove()
        shutil.rmtree(tmp, ignore_errors=True)
    sent = sum(p["sent"] for p in people)
    errors: dict[str, int] = {}
    for p in people:
        for kind, count in p["errors"].items():
            errors[kind] = errors.get(kind, 0) + count
    non_policy = sum(c for k, c in errors.items() if not k.startswith("429"))
    slopes = {part: slope(points) for part, points in series.items()}
    steady_slopes = {part: slope(steady(points)) for part, points in series.items()}
    print(f"{n} personnes pendant {minutes} min (serveurs préchauffés en {warm_s:.0f} s)")
    print(f"  demandes envoyées {sent}, lignes du journal {rows}, perdues {sent - rows}")
    print(f"  pages d'atelier {sum(p['pages'] for p in people)}")
    print(f"  erreurs hors 429 : {non_policy} ; par type : {errors or '-'}")
    for part, value in slopes.items():
        shown = f"{value:+.2f}" if value is not None else "-"
        calm = steady_slopes[part]
        shown += f" Mio/min ; après {STEADY_AFTER_MIN:.0f} min : " + (
            f"{calm:+.2f} Mio/min" if calm is not None else "-"
        )
        print(f"  pente mémoire {part:24}{shown}")
    print(
        f"  processus des participants à la fin {left_at_end}, restants {left} "
        f"après {culled_after:.0f} s (noyaux {KERNEL_IDLE_S} s, serveurs {SERVER_IDLE_S} s)"
    )
    path = plot(series)
    write_result(
        "soak",
        {
            "what": "N people, warmed, for MINUTES: workshop pages and prompts at a workshop's "
            "pace, then the culler",
            "participants": n,
            "minutes": minutes,
            "warm_s": round(warm_s, 1),
            "requests_sent": sent,
            "audit_rows": rows,
            "lost_audit_rows": sent - rows,
            "workshop_pages": sum(p["pages"] for p in people),
            "errors": errors,
            "non_policy_errors": non_policy,
            "memory_slope_mib_per_min": slopes,
            "memory_slope_steady_mib_per_min": steady_slopes,
            "steady_after_min": STEADY_AFTER_MIN,
            "memory_pss_mib": {part: points for part, points in series.items()},
            "participant_processes_at_end": left_at_end,
            "participant_processes_left": left,
            "all_culled_after_s": round(culled_after, 1) if not left else None,
            "culling": {"kernel_idle_s": KERNEL_IDLE_S, "server_idle_s": SERVER_IDLE_S},
            "plot": path.name if path else None,
        },
    )


if __name__ == "__main__":
    main()
