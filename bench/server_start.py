"""What a person's server costs to start in CPU, with the deferred imports and without
(not a test): `.venv/bin/python -m bench.server_start`.

Each round runs, in a fresh interpreter, what a participant's server imports before it
answers (JupyterHub's single-user server and Voilà): with nothing deferred, with the IRI
grammar deferred (``singleuser.defer_iri_grammar``), and with everything
``singleuser.defer_imports`` defers (the IRI grammar and the hub's pages and database
models); the order rotates. As root it runs under ``nobody``, as a participant's account
would (reading, not writing, the venv's bytecode). The figures are ratios of the medians of
CPU seconds (user + system), in one run. Writes bench/results/server_start.json.
"""

from __future__ import annotations

import os
import pwd
import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import write_result  # noqa: E402

ROUNDS = 8
PROBE = """
import sys
from atelier_ia.hub import singleuser
if sys.argv[1] == "iri":
    singleuser.defer_iri_grammar()
elif sys.argv[1] == "all":
    singleuser.defer_imports()
import jupyterhub.singleuser, voila.app
"""
MODES = {
    "eager": "rien de différé",
    "iri": "grammaire IRI différée",
    "all": "IRI + pages et base du hub",
}


def cpu_seconds(mode: str) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-c", PROBE, mode],
        check=True,
        cwd="/",
        # The account's own group too: left as root's, a folder of root's in mode 0701 (a fresh
        # clone's) would apply its group bits, and refuse it.
        **(
            {"user": "nobody", "group": pwd.getpwnam("nobody").pw_gid, "extra_groups": []}
            if os.geteuid() == 0
            else {}
        ),
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    times: dict[str, list[float]] = {mode: [] for mode in MODES}
    order = list(MODES)
    for round_ in range(ROUNDS):
        for mode in order[round_ % 3 :] + order[: round_ % 3]:
            times[mode].append(cpu_seconds(mode))
    medians = {mode: statistics.median(values) for mode, values in times.items()}
    ratios = {
        "all_over_eager": medians["all"] / medians["eager"],
        "all_over_iri": medians["all"] / medians["iri"],
        "iri_over_eager": medians["iri"] / medians["eager"],
    }
    print(f"{'imports du serveur':30}{'médiane CPU':>12}{'min':>8}{'max':>8}")
    for mode, label in MODES.items():
        values = times[mode]
        print(f"{label:30}{medians[mode]:>11.2f}s{min(values):>7.2f}s{max(values):>7.2f}s")
    for name, ratio in ratios.items():
        print(f"rapport {name} : {ratio:.3f}")
    print(f"sur {ROUNDS} essais chacun, en alternance")
    write_result(
        "server_start",
        {
            "what": "CPU seconds (user+sys) of a participant server's imports, in a fresh "
            "interpreter, with nothing, the IRI grammar, or all of singleuser.defer_imports "
            "deferred",
            "rounds": ROUNDS,
            "cpu_s": {mode: [round(v, 3) for v in values] for mode, values in times.items()},
            "median_cpu_s": {mode: round(v, 3) for mode, v in medians.items()},
            "ratios": {name: round(v, 3) for name, v in ratios.items()},
        },
    )


if __name__ == "__main__":
    main()
