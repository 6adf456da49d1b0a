"""`atelier up` stops everything it started when it is told to (Ctrl-C sends it SIGINT; the
harness sends SIGTERM, which it treats the same way)."""

from __future__ import annotations

import signal
import socket
import time

import psutil

from tests.hub_harness import start_platform, wait_until


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def processes_under(directory: str) -> list[psutil.Process]:
    found = []
    for process in psutil.process_iter(["pid"]):
        try:
            if process.cwd().startswith(directory):
                found.append(process)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return found


def test_interrupt_stops_hub_proxy_gateway_and_user_servers(tmp_path):
    platform = start_platform(tmp_path)
    session = platform.login("gaston")
    platform.start_server(session, "gaston")
    homes = str(platform.state_dir / "homes")
    assert processes_under(homes), "gaston's server runs in his home"
    # A trainer has the live view open: its Jupyter server runs a kernel.
    trainer = platform.login("formateur", platform.admin_password)
    live = trainer.get(f"{platform.url}/services/suivi/voila/render/suivi-de-salle.ipynb")
    assert live.status_code == 200
    ports = [
        int(platform.env[k])
        for k in (
            "ATELIER_PORT",
            "ATELIER_HUB__HUB_PORT",
            "ATELIER_GATEWAY__PORT",
            "ATELIER_SESSIONS__LIVE_PORT",
        )
    ]
    assert all(port_open(p) for p in ports)
    children = psutil.Process(platform.process.pid).children(recursive=True)
    # hub, proxy, gateway, live view (and its kernel), idle culler; user servers: own session
    assert len(children) >= 6

    start = time.monotonic()
    platform.process.send_signal(signal.SIGINT)  # what Ctrl-C does
    platform.process.wait(timeout=60)
    took = time.monotonic() - start
    assert platform.process.returncode == 0, platform.log()[-2000:]
    wait_until(lambda: not any(port_open(p) for p in ports), 10, "every port to close")
    wait_until(lambda: not processes_under(homes), 10, "the user servers to stop")
    assert not [c for c in children if c.is_running() and c.status() != psutil.STATUS_ZOMBIE]
    assert took < 30, f"stopping took {took:.1f} s"
    assert "Arrêt en cours" in platform.log()
    platform.remove()
