"""CPU priority between the platform's sessions: `python -m atelier_ia.hub.priority NICENESS
COMMAND…` runs COMMAND with its session's nice value set (how the hub and its proxy start).

On Linux with autogroups (on by default on many kernels, and here:
``/proc/sys/kernel/sched_autogroup_enabled``) the scheduler first shares the CPU between
sessions, then between the processes of a session by their own nice values. JupyterHub starts
the proxy, each service and each person's server in a session of its own, and jupyter_client
each kernel: the hub's one thread, which every login and every redirection of the room goes
through, then weighs as much as one person's server. A session's nice value,
``/proc/self/autogroup``, is what ranks it against the others.

Two limits of the kernel shape this module: a negative value needs root (CAP_SYS_NICE), and a
caller without CAP_SYS_ADMIN may change a session's value once a tenth of a second, machine-wide
(``EAGAIN`` otherwise; thirty kernels starting together as their people's accounts all hit
it). A refused "again" is tried again until it passes.

Under systemd or Kubernetes each process has its cgroup and autogroups do not apply; there the
unit's or the pod's CPU weight is the lever.
"""

from __future__ import annotations

import errno
import os
import random
import sys
import threading
import time

AUTOGROUP = "/proc/self/autogroup"
# The kernel's pace for unprivileged changes is one per HZ/10 jiffies, machine-wide.
RETRY_S = (0.1, 0.2)
PATIENCE_S = 15.0


def leads_its_session() -> bool:
    """A session's value is shared by all its processes: only its leader may change it, or a
    process would change its parent's too."""
    return os.getsid(0) == os.getpid()


def set_session_niceness(
    value: int, autogroup: str = AUTOGROUP, patience_s: float = PATIENCE_S
) -> bool:
    """Write the session's nice value, trying again while the kernel answers "again"; False
    when it cannot be set (no autogroups, no right to a negative value, patience spent)."""
    deadline = time.monotonic() + patience_s
    while True:
        try:
            # os.write, not a file object's: Python's files turn EAGAIN into "nothing written"
            # (None), as for a non-blocking pipe, and the refusal would pass for a success.
            handle = os.open(autogroup, os.O_WRONLY)
            try:
                os.write(handle, str(value).encode())
            finally:
                os.close(handle)
            return True
        except OSError as exc:
            if exc.errno != errno.EAGAIN or time.monotonic() > deadline:
                return False
        time.sleep(random.uniform(*RETRY_S))  # spread the retries of those refused together


def set_session_niceness_soon(value: int, autogroup: str = AUTOGROUP) -> threading.Thread:
    """The same without waiting: what the process does meanwhile is not delayed."""
    thread = threading.Thread(
        target=set_session_niceness, args=(value, autogroup), name="session-niceness", daemon=True
    )
    thread.start()
    return thread


def raised(command: list[str], niceness: int) -> list[str]:
    """``command`` started through this module with its session at ``niceness`` (a negative
    value: ahead of the others), where this process may give it (root); else as it is."""
    if niceness == 0 or os.geteuid() != 0:
        return command
    return [sys.executable, "-m", __name__, str(niceness), *command]


def main() -> None:
    value = int(sys.argv[1])
    command = sys.argv[2:]
    if value and leads_its_session() and not set_session_niceness(value):
        print(f"atelier_ia.hub.priority: session nice value {value} not set", file=sys.stderr)
    os.execvp(command[0], command)


if __name__ == "__main__":
    main()
