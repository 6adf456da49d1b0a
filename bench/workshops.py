"""How long each workshop takes to open (not a test): `.venv/bin/python -m bench.workshops`.

On the real platform with the embedded model, a participant's server already running (warm),
the time for Voilà to return a workshop page with its app executed (HTTP, median of 5 opens
after one warm-up), next to the baseline in the same run: a notebook of one empty cell,
Voilà's own cost (a kernel started, nothing run). The catalogue, a plain page, is timed too.
Target (issue 4): under 3 s on a warm server. Writes bench/results/workshops.json.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hub_harness import start_platform  # noqa: E402

RESULTS = ROOT / "bench" / "results"
RUNS = 5
CATALOGUE = "catalogue (page)"
BASELINE = "mes-travaux/vide.ipynb"
EMPTY = {
    "cells": [
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": ""}
    ],
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}


def main() -> None:
    notebooks = sorted(p.relative_to(ROOT) for p in (ROOT / "workshops").rglob("*.ipynb"))
    platform = start_platform(Path(tempfile.mkdtemp(prefix="bench-workshops-")))
    rows = []
    try:
        session = platform.login("mesure")
        platform.start_server(session, "mesure")
        # The baseline, written as its owner would have it (the bench runs as root).
        empty = platform.home("mesure") / BASELINE
        empty.write_text(json.dumps(EMPTY), encoding="utf-8")
        entry = platform.account("mesure")
        if entry is not None:
            os.chown(empty, entry.pw_uid, entry.pw_gid)
        base = f"{platform.url}/user/mesure/voila/render"
        pages = [
            (CATALOGUE, f"{platform.url}/user/mesure/catalogue"),
            (BASELINE, f"{base}/{BASELINE}"),
        ] + [
            (n.as_posix(), f"{platform.url}/user/mesure/voila/render/{n.as_posix()}")
            for n in notebooks
        ]
        for label, url in pages:
            session.get(url).raise_for_status()  # warm: imports and caches loaded once
            times = []
            for _ in range(RUNS):
                start = time.perf_counter()
                session.get(url).raise_for_status()
                times.append(time.perf_counter() - start)
            rows.append(
                {
                    "notebook": label,
                    "median_s": round(statistics.median(times), 3),
                    "max_s": round(max(times), 3),
                }
            )
    finally:
        platform.stop()
        platform.remove()
    baseline = next(r["median_s"] for r in rows if r["notebook"] == BASELINE)
    print(f"{'page':62} {'median':>7} {'max':>7} {'vs Voilà vide':>14}")
    for row in rows:
        row["ratio_to_empty_voila"] = round(row["median_s"] / baseline, 2)
        print(
            f"{row['notebook']:62} {row['median_s']:>6}s {row['max_s']:>6}s "
            f"{row['ratio_to_empty_voila']:>13}x"
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "workshops.json").write_text(json.dumps(rows, indent=2, ensure_ascii=False))
    print(f"\nWritten: {RESULTS / 'workshops.json'}")


if __name__ == "__main__":
    main()
