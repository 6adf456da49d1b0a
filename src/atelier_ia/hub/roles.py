"""Who may do what: the narrowest scopes each party needs."""

from __future__ import annotations

from traitlets.config import Config

from atelier_ia.exercises.course import COURSE, FORMGRADE_GROUP
from atelier_ia.hub.services import GATEWAY, IDLE_CULLER, LIVE_VIEW, SESSIONS
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
            "scopes": [
                "users:activity!user",
                "access:servers!server",
                ACCESS_GATEWAY,
                # nbgrader's exchange asks the hub whether its owner is in the course's group.
                "read:users:groups!user",
            ],
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
        # Only trainers may open the live view; a participant gets the hub's 403.
        {
            "name": "suivi-formateurs",
            "scopes": [f"access:services!service={LIVE_VIEW}"],
            "groups": [settings.auth.trainers_group],
        },
        # Only trainers may open the course's formgrader; the course list of nbgrader's Lab
        # extension needs to read the service too (nbgrader #1831).
        {
            "name": "correction-formateurs",
            "scopes": [f"access:services!service={COURSE}", f"read:services!service={COURSE}"],
            "groups": [settings.auth.trainers_group, FORMGRADE_GROUP],
        },
        # The live view reads who is connected (names, activity, servers) and the gateway's
        # room figures; it cannot change anything.
        {
            "name": LIVE_VIEW,
            "scopes": [
                "list:users",
                "read:users:activity",
                "read:servers",
                "read:users:groups",
                "list:groups",
                "read:groups",
                ACCESS_GATEWAY,
            ],
            "services": [LIVE_VIEW],
        },
        # `atelier session` creates and removes participants, their group and servers;
        # `atelier doctor` makes one short generation through the gateway.
        {
            "name": SESSIONS,
            "scopes": ["admin:users", "admin:groups", "servers", ACCESS_GATEWAY],
            "services": [SESSIONS],
        },
    ]
