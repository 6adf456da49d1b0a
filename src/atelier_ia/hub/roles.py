"""Who may do what: the narrowest scopes each party needs."""

from __future__ import annotations

from traitlets.config import Config

from atelier_ia.hub.services import GATEWAY, IDLE_CULLER
from atelier_ia.settings import Settings

ACCESS_GATEWAY = f"access:services!service={GATEWAY}"


def configure_roles(c: Config, settings: Settings) -> None:
    c.JupyterHub.load_roles = [
        # A token from /hub/token may call the gateway.
        {"name": "user", "scopes": ["self", ACCESS_GATEWAY]},
        # A user server's own token (JUPYTERHUB_API_TOKEN, given to the ollama client as
        # OLLAMA_API_KEY) carries only the `server` role: add gateway access to its defaults.
        {
            "name": "server",
            "scopes": ["users:activity!user", "access:servers!server", ACCESS_GATEWAY],
        },
        {
            "name": IDLE_CULLER,
            "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
            "services": [IDLE_CULLER],
        },
        # The gateway checks callers' tokens with those tokens themselves; its own token only
        # reads who is in the trainers' group (for /metrics and the room's audit figures).
        {
            "name": GATEWAY,
            "scopes": [f"read:groups!group={settings.auth.trainers_group}"],
            "services": [GATEWAY],
        },
    ]
