"""Who can log in: participants with the workshop password or their session account's own
password, trainers with the admin one."""

from __future__ import annotations

import asyncio
import pwd
from pathlib import Path

from jupyterhub.authenticators.shared import SharedPasswordAuthenticator
from traitlets import Bool, Unicode
from traitlets.config import Config

from atelier_ia.exercises.course import FORMGRADE_GROUP, GRADER, LEARNERS_GROUP
from atelier_ia.isolation import accounts
from atelier_ia.isolation.mode import ACCOUNTS, resolve
from atelier_ia.sessions.accounts import stored_hash, verify_password
from atelier_ia.settings import Settings

# Names become folder names under the state dir: keep them to safe characters.
USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,31}$"
# Names that look like the machine's own accounts or the platform's parts, refused even though
# they would map onto a prefixed account: no one should appear as « root » in the room.
RESERVED_NAMES = frozenset(
    {"root", "admin", "administrateur", "jupyterhub", "hub", "nobody", "operator", "proxy"}
)


def is_reserved(name: str) -> bool:
    if name in RESERVED_NAMES or name.startswith(accounts.PREFIX[:-1]):
        return True
    try:
        pwd.getpwnam(name)  # daemon, www-data, the operator's own login…
    except KeyError:
        return False
    return True


class AtelierAuthenticator(SharedPasswordAuthenticator):
    """The shared workshop password, except for logins that a session gave their own
    password (`atelier session create --accounts`): those open with that password only."""

    sessions_dir = Unicode(help="Folder of the sessions (state dir / sessions)").tag(config=True)
    homes_dir = Unicode(help="Folder of the homes, one per hub user").tag(config=True)
    unix_accounts = Bool(False, help="Each hub user has a Unix account").tag(config=True)
    account_prefix = Unicode(accounts.PREFIX, help="Prefix of the Unix accounts").tag(config=True)

    def normalize_username(self, username: str) -> str:
        # No case folding: « Camille » is refused by the pattern rather than let into camille's
        # server.
        return username

    def validate_username(self, username: str) -> bool:
        return super().validate_username(username) and not is_reserved(username)

    async def delete_user(self, user) -> None:
        """The hub user goes: their Unix account, processes and home go with them."""
        super().delete_user(user)
        if self.unix_accounts:
            home = Path(self.homes_dir) / user.name
            await asyncio.to_thread(accounts.remove_account, user.name, home, self.account_prefix)

    async def authenticate(self, handler, data):
        username = self.normalize_username(data["username"])
        if username == GRADER:
            # The course service's account (a hub user for nbgrader, #1872), not a person's:
            # whoever logged in as it would read every submission.
            return None
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
    c.AtelierAuthenticator.homes_dir = str(settings.homes_dir)
    c.AtelierAuthenticator.unix_accounts = resolve(settings) == ACCOUNTS
    c.AtelierAuthenticator.account_prefix = settings.isolation.account_prefix
    c.SharedPasswordAuthenticator.user_password = auth.workshop_password
    c.SharedPasswordAuthenticator.admin_password = auth.admin_password
    c.Authenticator.admin_users = set(auth.admin_users)
    c.Authenticator.allow_all = True
    c.Authenticator.username_pattern = USERNAME_PATTERN
    c.JupyterHub.load_groups = {
        auth.trainers_group: {"users": list(auth.admin_users)},
        # nbgrader's groups for the course: graders (the grader account must exist in the
        # hub, nbgrader #1872) and learners (`atelier session create` adds participants).
        FORMGRADE_GROUP: {"users": [GRADER, *auth.admin_users]},
        LEARNERS_GROUP: {"users": []},
    }
