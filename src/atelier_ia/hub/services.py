"""Hub-managed services: the model gateway, the trainers' live view, the idle culler, and the
token of the `atelier session` commands."""

from __future__ import annotations

import os
import sys

from traitlets.config import Config

from atelier_ia import paths
from atelier_ia.exercises import course
from atelier_ia.hub.spawner import activity_interval, server_args
from atelier_ia.settings import Settings

GATEWAY = "gateway"
IDLE_CULLER = "idle-culler"
LIVE_VIEW = "suivi"
SESSIONS = "sessions"
LIVE_VIEW_DIR = paths.PACKAGE_DIR / "sessions" / "live"
LIVE_VIEW_NOTEBOOK = "suivi-de-salle.ipynb"


def atelier_environment(settings: Settings) -> dict[str, str]:
    """What a service needs to load the same settings as the hub, and no password."""
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


def live_view_service(settings: Settings) -> dict:
    """The live view is a Jupyter server of its own, run by the hub as a service: the hub lets
    in only those granted `access:services!service=suivi` (the trainers' group), and its
    kernels call the hub and the gateway with the service's token, never a person's."""
    return {
        "name": LIVE_VIEW,
        "url": f"http://127.0.0.1:{settings.sessions.live_port}",
        "command": [
            sys.executable,
            "-m",
            "atelier_ia.sessions.live_server",
            *server_args(settings),
            # The operator's own process (root on a server): never a participant's account.
            "--ServerApp.allow_root=True",
            f"--ServerApp.root_dir={LIVE_VIEW_DIR}",
            f"--ServerApp.default_url=/voila/render/{LIVE_VIEW_NOTEBOOK}",
        ],
        "environment": {
            **atelier_environment(settings),
            "PATH": f"{paths.VENV_BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
            "ATELIER_GATEWAY_URL": settings.gateway_url,
        },
        "oauth_no_confirm": True,
        "display": True,
        "info": {"description": "Suivi de la salle (formateurs)"},
    }


def course_service(settings: Settings) -> dict:
    """nbgrader's formgrader for the course: a Jupyter server run by the hub as a service
    named after the course (nbgrader's multi-course setup), as the grader account, in the
    course folder. The hub lets in only trainers (roles.py). It opens in its own tab: the
    hub's `frame-ancestors` policy forbids embedding it (nbgrader #1870)."""
    who = course.grader_account_name(settings)
    service = {
        "name": course.COURSE,
        "url": f"http://127.0.0.1:{settings.exercises.formgrader_port}",
        "command": [
            sys.executable,
            "-m",
            "atelier_ia.sessions.live_server",
            *server_args(settings),
            f"--ServerApp.root_dir={settings.course_dir.resolve()}",
            "--ServerApp.default_url=/formgrader",
        ],
        "cwd": str(settings.course_dir.resolve()),
        "environment": {
            # nbgrader shells out to alembic: the venv's bin/ must be on PATH.
            "PATH": f"{paths.VENV_BIN}{os.pathsep}/usr/local/bin:/usr/bin:/bin",
        },
        "oauth_no_confirm": True,
        "display": True,
        "info": {"description": "Correction des exercices (formateurs)"},
    }
    if who is not None:
        service["user"] = who
    else:
        service["command"].append("--ServerApp.allow_root=True")  # the demo, run as root
    return service


def configure_services(c: Config, settings: Settings) -> None:
    gateway = settings.gateway
    # The culler decides on the hub's last activity: keep it fresh against its timeout.
    c.JupyterHub.last_activity_interval = activity_interval(settings)
    c.JupyterHub.services = [
        {
            "name": GATEWAY,
            "url": f"http://{gateway.ip}:{gateway.port}",
            "command": [sys.executable, "-m", "atelier_ia.gateway"],
            "environment": atelier_environment(settings),
            "display": False,
        },
        live_view_service(settings),
        course_service(settings),
        {
            "name": IDLE_CULLER,
            "command": [
                sys.executable,
                "-m",
                "jupyterhub_idle_culler",
                f"--timeout={settings.culling.server_idle_timeout}",
                # Its default, every 10 min, would leave a short timeout's servers running
                # long after it: look four times per timeout, at most every 10 min.
                f"--cull-every={max(30, min(600, settings.culling.server_idle_timeout // 4))}",
            ],
        },
        # No process: its token is kept in the state dir for the `atelier` commands.
        {"name": SESSIONS, "api_token": settings.sessions_token, "display": False},
    ]
