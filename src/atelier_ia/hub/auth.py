"""Who can log in: participants with the workshop password, trainers with the admin one."""

from __future__ import annotations

from traitlets.config import Config

from atelier_ia.settings import Settings

# Names become folder names under the state dir: keep them to safe characters.
USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,31}$"


def configure_auth(c: Config, settings: Settings) -> None:
    auth = settings.auth
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = auth.workshop_password
    c.SharedPasswordAuthenticator.admin_password = auth.admin_password
    c.Authenticator.admin_users = set(auth.admin_users)
    c.Authenticator.allow_all = True
    c.Authenticator.username_pattern = USERNAME_PATTERN
    c.JupyterHub.load_groups = {auth.trainers_group: {"users": list(auth.admin_users)}}
