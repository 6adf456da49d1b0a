"""How long each workshop takes to open (not a test): `.venv/bin/python -m bench.workshops`.

On the real platform with the embedded model, a participant's server already running (warm),
the time for Voilà to return a workshop page with its app executed (HTTP, median of 5 opens
after one warm-up), next to the catalogue (a plain page, no kernel) as the baseline in the same
run.
Target (issue 4): under 3 s on a warm server. Writes bench/results/workshops.json.
"""

from __future__ import annotations

import json
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


def main() -> None:
    notebooks = sorted(p.relative_to(ROOT) for p in (ROOT / "workshops").rglob("*.ipynb"))
    platform = start_platform(Path(tempfile.mkdtemp(prefix="bench-workshops-")))
    rows = []
    try:
        session = platform.login("mesure")
        platform.start_server(session, "mesure")
        pages = [(CATALOGUE, f"{platform.url}/user/mesure/catalogue")] + [
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
                    "median_s": round(statistics.median(times), 2),
                    "max_s": round(max(times), 2),
                }
            )
    finally:
        platform.stop()
        platform.remove()
    baseline = next(r["median_s"] for r in rows if r["notebook"] == CATALOGUE)
    print(f"{'notebook':62} {'median':>7} {'max':>6} {'vs catalogue':>13}")
    for row in rows:
        row["ratio_to_catalogue"] = round(row["median_s"] / baseline, 2)
        print(
            f"{row['notebook']:62} {row['median_s']:>6}s {row['max_s']:>5}s "
            f"{row['ratio_to_catalogue']:>12}x"
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "workshops.json").write_text(json.dumps(rows, indent=2, ensure_ascii=False))
    print(f"\nWritten: {RESULTS / 'workshops.json'}")


if __name__ == "__main__":
    main()
