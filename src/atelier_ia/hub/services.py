"""Hub-managed services: the model gateway and the idle culler."""

from __future__ import annotations

import os
import sys

from traitlets.config import Config

from atelier_ia.settings import Settings

GATEWAY = "gateway"
IDLE_CULLER = "idle-culler"


def gateway_environment(settings: Settings) -> dict[str, str]:
    """What the gateway needs to load the same settings as the hub, and no password."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name.startswith("ATELIER_") and "PASSWORD" not in name
    }
    env["ATELIER_STATE_DIR"] = str(settings.state_dir)
    if settings.source is not None:
        env["ATELIER_CONFIG"] = str(settings.source)
    else:
        env.pop("ATELIER_CONFIG", None)
    return env


def configure_services(c: Config, settings: Settings) -> None:
    gateway = settings.gateway
    c.JupyterHub.services = [
        {
            "name": GATEWAY,
            "url": f"http://{gateway.ip}:{gateway.port}",
            "command": [sys.executable, "-m", "atelier_ia.gateway"],
            "environment": gateway_environment(settings),
            "display": False,
        },
        {
            "name": IDLE_CULLER,
            "command": [
                sys.executable,
                "-m",
                "jupyterhub_idle_culler",
                f"--timeout={settings.culling.server_idle_timeout}",
            ],
        },
    ]
