"""Who can log in: participants with the workshop password or their session account's own
password, trainers with the admin one."""

from __future__ import annotations

import asyncio
from pathlib import Path

from jupyterhub.authenticators.shared import SharedPasswordAuthenticator
from traitlets import Unicode
from traitlets.config import Config

from atelier_ia.sessions.accounts import stored_hash, verify_password
from atelier_ia.settings import Settings

# Names become folder names under the state dir: keep them to safe characters.
USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,31}$"


class AtelierAuthenticator(SharedPasswordAuthenticator):
    """The shared workshop password, except for logins that a session gave their own
    password (`atelier session create --accounts`): those open with that password only."""

    sessions_dir = Unicode(help="Folder of the sessions (state dir / sessions)").tag(config=True)

    async def authenticate(self, handler, data):
        username = self.normalize_username(data["username"])
        stored = stored_hash(Path(self.sessions_dir), username)
        if stored is None:
            return await super().authenticate(handler, data)
        # scrypt takes tens of milliseconds: keep the hub's event loop free meanwhile.
        if await asyncio.to_thread(verify_password, data["password"], stored):
            return {"name": username, "admin": False}
        return None


def configure_auth(c: Config, settings: Settings) -> None:
    auth = settings.auth
    c.JupyterHub.authenticator_class = AtelierAuthenticator
    c.AtelierAuthenticator.sessions_dir = str(settings.sessions_dir)
    c.SharedPasswordAuthenticator.user_password = auth.workshop_password
    c.SharedPasswordAuthenticator.admin_password = auth.admin_password
    c.Authenticator.admin_users = set(auth.admin_users)
    c.Authenticator.allow_all = True
    c.Authenticator.username_pattern = USERNAME_PATTERN
    c.JupyterHub.load_groups = {auth.trainers_group: {"users": list(auth.admin_users)}}
