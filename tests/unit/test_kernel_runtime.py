"""Each person's server keeps its kernels' sockets in a private folder of /tmp (Unix sockets,
not loopback TCP ports that thirty servers starting at once can pick twice)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import psutil

from atelier_ia.hub import singleuser

SUN_PATH_MAX = 107
KERNEL_SOCKET = "kernel-01234567-89ab-cdef-0123-456789abcdef-ipc-99999"


def test_the_folder_is_private_and_short_enough_for_a_socket(tmp_path):
    path = singleuser.kernel_runtime_dir(tmp_path)
    mode = path.stat().st_mode
    assert stat.S_IMODE(mode) == 0o700 and path.stat().st_uid == os.getuid()
    assert int((path / singleuser.OWNER_FILE).read_text()) == os.getpid()
    real = singleuser.kernel_runtime_dir()  # under /tmp, whatever the state dir
    try:
        assert len(str(real / KERNEL_SOCKET)) <= SUN_PATH_MAX
    finally:
        (real / singleuser.OWNER_FILE).unlink()
        real.rmdir()


def test_a_killed_servers_folder_is_cleared_and_a_live_ones_kept(tmp_path):
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    left = tmp_path / (singleuser.RUNTIME_PREFIX + "left")
    left.mkdir()
    (left / singleuser.OWNER_FILE).write_text(dead)
    live = singleuser.kernel_runtime_dir(tmp_path)
    not_a_runtime = tmp_path / (singleuser.RUNTIME_PREFIX + "sans-pid")
    not_a_runtime.mkdir()
    singleuser.kernel_runtime_dir(tmp_path)
    assert not left.exists()
    assert live.exists() and not_a_runtime.exists()


def start_kernel(folder):
    from jupyter_client import KernelManager
    from jupyter_client.kernelspec import KernelSpecManager

    manager = KernelManager(
        kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(folder / "kernels")]),
        kernel_name="python3",
    )
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=60)
    client.stop_channels()
    return manager, psutil.Process(manager.provisioner.process.pid)


def autogroup_nice(pid: int) -> int | None:
    """The session's nice value: "/autogroup-123 nice 10". None for the system's first
    session (PID 1's, which CI's runner and its children stay in): the kernel prints nothing
    for it, and nothing can lower it."""
    words = Path(f"/proc/{pid}/autogroup").read_text().split()
    return int(words[-1]) if words else None


def test_the_first_sessions_autogroup_reads_as_none():
    assert autogroup_nice(1) is None  # PID 1 never started a session of its own
    assert autogroup_nice(os.getpid()) in (None, *range(-20, 20))


def test_kernels_start_below_the_servers_priority_in_their_own_session(tmp_path):
    """A real kernel from the spec the server writes: its nice value and its session's
    (autogroup) nice value, the one that ranks it against the hub and the other servers."""
    ours = autogroup_nice(os.getpid())
    manager, kernel = start_kernel(singleuser.write_kernelspec(tmp_path))
    try:
        assert kernel.nice() == min(19, os.nice(0) + singleuser.KERNEL_NICENESS)
        assert os.getsid(kernel.pid) == kernel.pid  # jupyter_client's own new session
        # Set from a thread of the kernel's (hub/priority.py): read until it is, 10 s at most.
        deadline = time.monotonic() + 10
        while autogroup_nice(kernel.pid) != singleuser.KERNEL_NICENESS:
            assert time.monotonic() < deadline, autogroup_nice(kernel.pid)
            time.sleep(0.1)
    finally:
        manager.shutdown_kernel(now=True)
    # Where this test runs (the suite's own session) is left as it was.
    assert autogroup_nice(os.getpid()) == ours


def test_niceness_zero_starts_kernels_as_ipykernel_does(tmp_path):
    """With the setting at 0 (the bench's baseline), the spec is ipykernel's own: the same
    kernel, in its session at the default priority."""
    folder = singleuser.write_kernelspec(tmp_path, niceness=0)
    spec = json.loads((folder / "kernels" / "python3" / "kernel.json").read_text())
    assert spec["argv"] == [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    manager, kernel = start_kernel(folder)
    try:
        assert kernel.nice() == os.nice(0)
        assert autogroup_nice(kernel.pid) == 0
    finally:
        manager.shutdown_kernel(now=True)


def test_a_process_sharing_its_session_never_lowers_the_session():
    """Started without a session of its own (not how jupyter_client starts kernels), the
    launcher lowers only itself: the session is its parent's too."""
    ours = autogroup_nice(os.getpid())
    script = (
        "import os; from atelier_ia.hub.kernel_launcher import lower_priority; "
        "print(lower_priority(10), os.nice(0))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["None", str(min(19, os.nice(0) + 10))]
    assert autogroup_nice(os.getpid()) == ours


def test_the_settings_default_is_the_servers_own():
    """The server falls back on KERNEL_NICENESS when the hub sets nothing; the setting's
    default must say the same."""
    from atelier_ia.settings import Settings

    assert Settings().hub.kernel_niceness == singleuser.KERNEL_NICENESS


def test_a_server_started_ahead_pays_its_first_pages_imports():
    """In a fresh interpreter, as a server's start: what the first workshop page would import
    is there after prepay_first_page, and was not before."""
    script = (
        "import sys; from atelier_ia.hub.singleuser import prepay_first_page\n"
        "names = ('anyio._backends._asyncio', 'IPython')\n"
        "before = [n in sys.modules for n in names]\n"
        "prepay_first_page()\n"
        "print(before, [n in sys.modules for n in names])"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[False, False] [True, True]"
