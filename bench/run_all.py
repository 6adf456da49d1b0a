"""`make bench`: the benchmarks named on the command line, in turn, each in its own interpreter
(`python -m bench.run_all server_start room --room-profile …`). Stops at the first that fails.

As `make test` does, it lets participants' accounts cross the folders above a checkout made in
a private folder (a fresh clone under `mktemp -d`), for the run only: the platform benches run
a participant's server from this checkout's venv."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hub_harness import checkout_open_to_participants  # noqa: E402


def main() -> None:
    # A bench with its arguments is written « spawn_profile:--room:30 ».
    runs = [name.split(":") for name in sys.argv[1:]]
    with checkout_open_to_participants():
        for module, *args in runs:
            print(f"\n=== bench.{module} {' '.join(args)}".rstrip(), flush=True)
            ran = subprocess.run([sys.executable, "-m", f"bench.{module}", *args], cwd=ROOT)
            if ran.returncode:
                sys.exit(f"bench.{module} a échoué : les suivants n'ont pas été lancés.")


if __name__ == "__main__":
    main()
