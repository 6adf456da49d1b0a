"""What a person's server costs to start in CPU, with the IRI grammar deferred and without
(not a test): `.venv/bin/python -m bench.server_start`.

Each round runs, in a fresh interpreter, what a participant's server imports before it
answers (JupyterHub's single-user server and Voilà), once with
``singleuser.defer_iri_grammar()`` first and once without; the order alternates. As root it
runs under ``nobody``, as a participant's account would (reading, not writing, the venv's
bytecode). The figure is the ratio of the medians of CPU seconds (user + system), in one run.
Writes bench/results/server_start.json.
"""

from __future__ import annotations

import os
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
if sys.argv[1] == "deferred":
    singleuser.defer_iri_grammar()
import jupyterhub.singleuser, voila.app
"""


def cpu_seconds(mode: str) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-c", PROBE, mode],
        check=True,
        cwd="/",
        user="nobody" if os.geteuid() == 0 else None,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    times: dict[str, list[float]] = {"deferred": [], "eager": []}
    for round_ in range(ROUNDS):
        order = ["deferred", "eager"] if round_ % 2 == 0 else ["eager", "deferred"]
        for mode in order:
            times[mode].append(cpu_seconds(mode))
    medians = {mode: statistics.median(values) for mode, values in times.items()}
    ratio = medians["deferred"] / medians["eager"]
    print(f"{'imports du serveur':28}{'médiane CPU':>12}{'min':>8}{'max':>8}")
    for mode, label in (
        ("deferred", "grammaire IRI différée"),
        ("eager", "grammaire IRI à l'import"),
    ):
        values = times[mode]
        print(f"{label:28}{medians[mode]:>11.2f}s{min(values):>7.2f}s{max(values):>7.2f}s")
    print(f"rapport (différée / à l'import) : {ratio:.3f}, sur {ROUNDS} essais chacun")
    write_result(
        "server_start",
        {
            "what": "CPU seconds (user+sys) of a participant server's imports, in a fresh "
            "interpreter, IRI grammar deferred or not",
            "rounds": ROUNDS,
            "cpu_s": {mode: [round(v, 3) for v in values] for mode, values in times.items()},
            "median_cpu_s": {mode: round(v, 3) for mode, v in medians.items()},
            "ratio_deferred_over_eager": round(ratio, 3),
        },
    )


if __name__ == "__main__":
    main()
