"""Where a room's arrival spends the CPU (not a test): `python -m bench.spawn_profile [N]`.

py-spy samples every Python process of a real platform (`atelier up`, as root, one account per
person) while N people (10 by default) log in at once and get their server and catalogue, as in
bench/arrival.py. Samples are non-idle only (py-spy's default): they are where the CPU went.
With `--room`, the same people arrive first unprofiled (servers then running), and the profile
covers the warmed room instead: each logs in, reads the catalogue and opens the playground
workshop, as in bench/room.py (written to spawn_profile_room.json).
Printed and written to bench/results/spawn_profile.json: the share of samples per process kind
(hub, gateway, participants' servers, others), and within the participants' servers, the
modules and functions most often on the stack (inclusive), so that one sees what a server
start costs and what it costs for.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import write_result  # noqa: E402
from bench.arrival import arrive, percentile, read_page  # noqa: E402
from tests.hub_harness import start_platform  # noqa: E402

RATE_HZ = 100
TOP = 25
# py-spy's raw format with --subprocesses: `process PID:"command line";…;frame;frame;… COUNT`,
# each frame `function (file:line)`.
FRAME = re.compile(r"^(?P<function>.*?) \((?P<file>[^:()]+)(?::\d+)?\)$")
KINDS = (
    ("participant server", "atelier_ia.hub.singleuser"),
    ("kernel", "kernel_launcher"),  # ipykernel_launcher or ours (hub/kernel_launcher.py)
    ("gateway", "atelier_ia.gateway"),
    ("hub", "jupyterhub"),
    ("atelier up", "atelier up"),
)


def kind_of(process_frame: str) -> str:
    for kind, word in KINDS:
        if word in process_frame:
            return kind
    return "other"


def module_of(path: str) -> str:
    """`…/site-packages/jupyter_server/serverapp.py` → `jupyter_server`; the standard library
    by its module name, `<frozen importlib._bootstrap>` as such."""
    if path.startswith("<"):
        return path
    parts = Path(path).parts
    for anchor in ("site-packages", "dist-packages"):
        if anchor in parts:
            rest = parts[parts.index(anchor) + 1 :]
            return rest[0].removesuffix(".py") if rest else path
    if "src" in parts and "atelier_ia" in parts:
        index = parts.index("atelier_ia")
        return ".".join(parts[index : index + 2]).removesuffix(".py")
    return f"stdlib:{Path(path).stem}"


def summarise(raw: str) -> dict:
    by_kind: Counter[str] = Counter()
    modules: Counter[str] = Counter()
    functions: Counter[str] = Counter()
    server_samples = 0
    for line in raw.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        # Nested processes come as one `process …` frame each, the parent's first.
        frames = stack.split(";")
        processes = [f for f in frames if f.startswith("process ")]
        frames = frames[len(processes) :]
        kind = kind_of(processes[-1] if processes else "")
        by_kind[kind] += count
        if kind != "participant server":
            continue
        server_samples += count
        seen_modules, seen_functions = set(), set()
        for frame in frames:
            match = FRAME.match(frame)
            if not match:
                continue
            module = module_of(match["file"])
            seen_modules.add(module)
            seen_functions.add(f"{module}:{match['function']}")
        for module in seen_modules:
            modules[module] += count
        for function in seen_functions:
            functions[function] += count
    total = sum(by_kind.values()) or 1
    per_server = server_samples or 1
    return {
        "samples": total,
        "share_by_process": {k: round(v / total, 3) for k, v in by_kind.most_common()},
        "server_modules_inclusive": {
            k: round(v / per_server, 3) for k, v in modules.most_common(TOP)
        },
        "server_functions_inclusive": {
            k: round(v / per_server, 3) for k, v in functions.most_common(TOP)
        },
    }


def visit(platform, name: str, room: bool) -> dict:
    sessions: dict = {}
    start = time.perf_counter()
    arrival = arrive(platform, name, sessions)
    if room and "error" not in arrival:
        url = f"{platform.url}/user/{name}/voila/render/workshops/00-bac-a-sable/bac-a-sable.ipynb"
        read_page(sessions[name], url, start)
    return arrival


def main() -> None:
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    n = int(numbers[0]) if numbers else 10
    if os.geteuid() != 0:
        sys.exit("bench.spawn_profile: à lancer en root (comptes Unix, py-spy).")
    room = "--room" in sys.argv
    tmp = Path(tempfile.mkdtemp(prefix="bench-spawn-profile-"))
    raw_path = tmp / "profile.txt"
    platform = start_platform(tmp)
    names = [f"profil{i:02d}" for i in range(n)]
    spy = None
    # Everything after the start in the try: a py-spy that cannot start (not installed: it
    # comes with the bench extras) once left a platform of 30 servers running.
    try:
        if room:
            with ThreadPoolExecutor(n) as pool:
                list(pool.map(lambda name: arrive(platform, name), names))
        spy = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "py-spy"),
                "record",
                "--subprocesses",
                "--format",
                "raw",
                "--full-filenames",
                "--rate",
                str(RATE_HZ),
                "--output",
                str(raw_path),
                "--pid",
                str(platform.process.pid),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(2)  # py-spy attaches
        start = time.perf_counter()
        with ThreadPoolExecutor(n) as pool:
            people = list(pool.map(lambda name: visit(platform, name, room), names))
        room_s = time.perf_counter() - start
    finally:
        if spy is not None:
            spy.send_signal(2)  # SIGINT: py-spy writes its output and stops
            spy.wait(timeout=60)
        platform.stop(timeout=120)
        platform.remove()
    summary = summarise(raw_path.read_text())
    what = "salle préchauffée (catalogue puis atelier)" if room else "à froid"
    print(f"{n} personnes, {what}, {room_s:.1f} s, {summary['samples']} échantillons")
    print("\npart des échantillons par processus")
    for kind, share in summary["share_by_process"].items():
        print(f"  {kind:24}{share:>7.1%}")
    print("\nserveurs des participants : modules sur la pile (inclusif)")
    for module, share in summary["server_modules_inclusive"].items():
        print(f"  {module:48}{share:>7.1%}")
    print("\nserveurs des participants : fonctions sur la pile (inclusif)")
    for function, share in summary["server_functions_inclusive"].items():
        print(f"  {function[:72]:74}{share:>7.1%}")
    write_result(
        "spawn_profile_room" if room else "spawn_profile",
        {
            "what": "py-spy samples (non-idle) of every process of the platform while N "
            + (
                "people, servers running, log in, read the catalogue and open a workshop"
                if room
                else "people arrive at once, cold"
            ),
            "participants": n,
            "got_in": sum(1 for p in people if "catalogue_s" in p),
            "catalogue_p95_s_under_py_spy": percentile(
                [p["catalogue_s"] for p in people if "catalogue_s" in p], 0.95
            ),
            "room_s": round(room_s, 1),
            "rate_hz": RATE_HZ,
            **summary,
        },
    )


if __name__ == "__main__":
    main()
