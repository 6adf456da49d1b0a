"""Start a kernel below the servers' CPU priority: `python -m atelier_ia.hub.kernel_launcher
NICENESS -f CONNECTION_FILE` (the command of the kernelspec that hub/singleuser.py writes).

``nice`` alone does not do it where autogroups are on (``hub/priority.py``): jupyter_client
starts every kernel in a new session, so a kernel under ``nice -n 10`` still got the same share
as the hub or a person's whole server (measured: two busy processes in two sessions on one
core, one under ``nice -n 19``, got 2.02 s of CPU each in 4 s). The session's own nice value
is what ranks it against the others (the same pair: 3.97 s against 0.16 s).

Under systemd or Kubernetes each server has its own cgroup and autogroups do not apply; the
process's nice value then ranks the kernel inside its person's cgroup, which is what it should.
"""

from __future__ import annotations

import os
import runpy
import sys
import threading

from atelier_ia.hub.priority import AUTOGROUP, leads_its_session, set_session_niceness_soon


def lower_priority(niceness: int, autogroup: str = AUTOGROUP) -> threading.Thread | None:
    """Add ``niceness`` to this process's nice value and, when this process leads its own
    session (so the session is its alone, never its server's), give the session the same.

    The session's value is set from a thread: a room's kernels start together, the kernel lets
    their people's accounts change one session a tenth of a second, and the kernel's start
    must not wait for its turn. The thread, None when the session is left as it is."""
    if niceness <= 0:
        return None
    os.nice(niceness)
    if not leads_its_session():
        return None
    return set_session_niceness_soon(niceness, autogroup)


def main() -> None:
    niceness = int(sys.argv[1])
    sys.argv = [sys.argv[0], *sys.argv[2:]]
    lower_priority(niceness)
    runpy.run_module("ipykernel_launcher", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
