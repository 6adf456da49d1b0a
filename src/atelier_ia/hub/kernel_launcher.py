"""Start a kernel below the servers' CPU priority: `python -m atelier_ia.hub.kernel_launcher
NICENESS -f CONNECTION_FILE` (the command of the kernelspec that hub/singleuser.py writes).

``nice`` alone does not do it on Linux with autogroups (on by default on many kernels, and
here: ``/proc/sys/kernel/sched_autogroup_enabled``). The scheduler first shares the CPU
between sessions; a process's nice value only ranks it against the processes of its own
session. jupyter_client starts every kernel in a new session (``start_new_session``), so a
kernel under ``nice -n 10`` still got the same share as the hub or a person's whole server
(measured: two busy processes in two sessions on one core, one under ``nice -n 19``, got
2.02 s of CPU each in 4 s). The session's own nice value, ``/proc/self/autogroup``, is what
ranks it against the others (the same pair: 3.97 s against 0.16 s).

Under systemd or Kubernetes each server has its own cgroup and autogroups do not apply; the
process's nice value then ranks the kernel inside its person's cgroup, which is what it should.
"""

from __future__ import annotations

import os
import runpy
import sys

AUTOGROUP = "/proc/self/autogroup"


def lower_priority(niceness: int, autogroup: str = AUTOGROUP) -> bool:
    """Add ``niceness`` to this process's nice value and, when this process leads its own
    session (so the autogroup is its alone, never its server's), give the session the same.
    True when the session's value was set."""
    if niceness <= 0:
        return False
    os.nice(niceness)
    if os.getsid(0) != os.getpid():
        return False
    try:
        with open(autogroup, "w") as handle:
            handle.write(str(niceness))
    except OSError:  # a kernel without autogroups, or a /proc that refuses
        return False
    return True


def main() -> None:
    niceness = int(sys.argv[1])
    sys.argv = [sys.argv[0], *sys.argv[2:]]
    lower_priority(niceness)
    runpy.run_module("ipykernel_launcher", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
