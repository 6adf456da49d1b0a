"""Each person's server keeps its kernels' sockets in a private folder of /tmp (Unix sockets,
not loopback TCP ports that thirty servers starting at once can pick twice)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

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


def test_kernels_start_below_the_servers_priority(tmp_path):
    from jupyter_client.kernelspec import KernelSpecManager

    from atelier_ia.hub.singleuser import KERNEL_NICENESS, write_kernelspec

    folder = write_kernelspec(tmp_path)
    manager = KernelSpecManager(kernel_dirs=[str(folder / "kernels")])
    spec = manager.get_kernel_spec("python3")
    assert spec.argv[:3] == ["/usr/bin/nice", "-n", str(KERNEL_NICENESS)]
    assert spec.argv[3] == sys.executable and spec.argv[-1] == "{connection_file}"
    # The same command, run: a Python under it has that niceness more than its parent's.
    out = subprocess.run(
        [*spec.argv[:4], "-c", "import os; print(os.nice(0))"], capture_output=True, text=True
    )
    assert int(out.stdout) == os.nice(0) + KERNEL_NICENESS
