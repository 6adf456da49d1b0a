"""Memory of the platform's processes, as /proc reports it (Linux): PSS, the share of each
page a process maps, so that the code every participant's Python shares is counted once in
the sum, not once per process as RSS would."""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

import psutil

# The platform's own processes, by a word of their command line ("hub" also counts the idle
# culler, whose command names jupyterhub).
PLATFORM = {
    "hub": "jupyterhub",
    "proxy": "configurable-http-proxy",
    "gateway": "atelier_ia.gateway",
}


def pss_mib(pid: int, field: str = "Pss") -> float:
    """PSS of one process in MiB (0 if it is gone); `field="Rss"` for its RSS."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024  # kB
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return 0.0


def processes(root: int) -> list[tuple[int, int, str]]:
    """(pid, uid, command line) of `root` and every process below it: one platform's, not
    those of another platform running on the same machine."""
    found = []
    for process in [psutil.Process(root), *psutil.Process(root).children(recursive=True)]:
        try:
            found.append((process.pid, process.uids().real, " ".join(process.cmdline())))
        except psutil.NoSuchProcess:
            continue
    return found


def platform_pss(root: int, uids: set[int], field: str = "Pss") -> dict:
    """PSS in MiB of the hub, proxy, gateway (the operator's processes under `root`, the
    platform's `atelier up`, matched by command line) and of each participant (every process
    their account runs: server and kernels)."""
    mine = os.getuid()
    parts: dict[str, float] = defaultdict(float)
    people: dict[int, float] = defaultdict(float)
    for pid, uid, cmdline in processes(root):
        if uid in uids:
            people[uid] += pss_mib(pid, field)
        elif uid == mine:
            for part, word in PLATFORM.items():
                if word in cmdline and "bench." not in cmdline:
                    parts[part] += pss_mib(pid, field)
                    break
    per_person = sorted(people.values())
    return {
        **{part: round(parts[part], 1) for part in PLATFORM},
        "participants": len(per_person),
        "per_participant_mean": round(sum(per_person) / len(per_person), 1) if per_person else None,
        "per_participant_max": round(per_person[-1], 1) if per_person else None,
    }


def participant_uids(prefix: str) -> set[int]:
    """The Unix accounts of the platform's participants: its managed accounts but the
    grader's, whose formgrader is a service of the platform, not a person in the room."""
    from atelier_ia.exercises.course import GRADER
    from atelier_ia.isolation import accounts

    grader = accounts.unix_name(GRADER, prefix)
    return {a.pw_uid for a in accounts.managed_accounts(prefix) if a.pw_name != grader}
