"""Creating and closing a session through the hub's API, all or nothing.

`create` makes the accounts, their group, the passwords file, `participants.csv` and
`badges.pdf`; if any step fails, what was made is removed. `close` exports first and
removes nothing unless the export is written.
"""

from __future__ import annotations

import csv
import io
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from atelier_ia.exercises.course import LEARNERS_GROUP
from atelier_ia.hub.spawner import CODE_GROUP
from atelier_ia.sessions.accounts import logins, new_password, write_accounts, write_private
from atelier_ia.sessions.badges import Badge, write_badges
from atelier_ia.sessions.export import export_session
from atelier_ia.sessions.hub_api import HubAPI, HubError
from atelier_ia.sessions.session import SESSION_FILE, Session, SessionError, check_name, load
from atelier_ia.settings import Settings

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


def check_count(settings: Settings, participants: int) -> int:
    most = settings.sessions.max_participants
    if not 1 <= participants <= most:
        raise SessionError(
            f"Nombre de participants invalide : {participants}. Attendu : de 1 à {most} "
            "(maximum réglable : sessions.max_participants).",
            code=2,
        )
    return participants


def participants_csv(session: Session, url: str, passwords: dict[str, str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["identifiant", "mot_de_passe", "adresse", "session"])
    for user in session.users:
        writer.writerow([user, passwords[user], url, session.name])
    return "\ufeff" + out.getvalue()


def create(
    settings: Settings,
    hub: HubAPI,
    name: str,
    participants: int,
    accounts: bool,
    progress: Progress = _quiet,
    code: bool = False,
) -> tuple[Session, bool]:
    """Create the session; returns it and whether anything was made (False: it existed)."""
    check_name(name)
    check_count(settings, participants)
    mode = "accounts" if accounts else "shared"
    target = settings.sessions_dir / name
    if (target / SESSION_FILE).exists():
        existing = load(settings, name)
        if (existing.participants, existing.mode) == (participants, mode):
            return existing, False
        raise SessionError(
            f"Le nom « {name} » est déjà pris par une session de {existing.participants} "
            f"participants ({_mode_words(existing.mode)}). Choisissez un autre nom, ou fermez "
            f"d'abord cette session (atelier session close {name})."
        )
    hub.check()
    session = Session(name, participants, mode, logins(name, participants))
    taken = [user for user in session.users if hub.user(user) is not None]
    if taken or hub.group(session.group) is not None:
        shown = ", ".join(taken[:5]) or session.group
        raise SessionError(
            f"Le nom « {name} » est déjà utilisé sur le hub ({shown}). Choisissez un autre nom."
        )
    passwords = (
        {user: new_password() for user in session.users}
        if accounts
        else dict.fromkeys(session.users, settings.auth.workshop_password)
    )
    # Built in a hidden folder and renamed at the end: a half-made session never shows.
    building = settings.sessions_dir / f".{name}.en-cours"
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    made_users = made_group = False
    try:
        if accounts:
            write_accounts(building, passwords)
        progress("Création des comptes sur le hub")
        made_users = True
        hub.create_users(session.users)
        made_group = True
        hub.create_group(session.group, session.users)
        # Everyone in a session may do the course's exercises (nbgrader's learners group).
        hub.add_to_group(LEARNERS_GROUP, session.users)
        if code:
            # Their servers then offer JupyterLab (« Pour aller plus loin »), in their account.
            hub.add_to_group(CODE_GROUP, session.users)
        progress("Écriture de participants.csv et badges.pdf")
        write_private(
            building / "participants.csv",
            participants_csv(session, settings.public_url, passwords),
        )
        badges = [Badge(user, passwords[user]) for user in session.users]
        write_badges(building / "badges.pdf", name, settings.public_url, badges)
        (building / "badges.pdf").chmod(0o600)
        session.save(building)
        building.rename(target)
    except BaseException as exc:
        if made_group:
            _try(hub.delete_group, session.group)
        if made_users:
            for user in session.users:
                _try(hub.delete_user, user)
        shutil.rmtree(building, ignore_errors=True)
        if isinstance(exc, OSError):
            raise SessionError(
                f"Création de la session impossible : {exc.strerror} "
                f"({exc.filename or settings.sessions_dir}). Rien n'a été gardé."
            ) from exc
        raise
    return session, True


def warm(hub: HubAPI, session: Session, progress: Progress = _quiet, deadline_s: float = 300):
    """Start every participant's server ahead of the day; returns those not ready in time."""
    from atelier_ia.hub.singleuser import AHEAD_OPTION

    for user in session.users:
        hub.start_server(user, {AHEAD_OPTION: True})
    waiting = set(session.users)
    end = time.monotonic() + deadline_s
    while waiting and time.monotonic() < end:
        for user in sorted(waiting):
            if hub.server_ready(user):
                waiting.discard(user)
                progress(user)
        if waiting:
            time.sleep(0.5)
    return sorted(waiting)


def close(
    settings: Settings,
    hub: HubAPI,
    name: str,
    export_dir: Path | None = None,
    progress: Progress = _quiet,
) -> Path:
    """Export, then stop servers and remove accounts, group and homes; returns the export."""
    session = load(settings, name)
    hub.check()
    progress("Export des travaux et des chiffres")
    try:
        exported = export_session(settings, session, export_dir or _exports(settings, name))
    except SessionError as exc:
        raise SessionError(f"{exc} Rien n'a été supprimé.") from exc
    progress("Arrêt des serveurs")
    for user in session.users:
        hub.stop_server(user)  # all at once: the hub stops them in parallel
    for user in session.users:
        progress(f"Suppression de {user}")
        hub.wait_stopped(user)
        hub.delete_user(user)
        shutil.rmtree(settings.homes_dir / user, ignore_errors=True)
    hub.delete_group(session.group)
    # The session's folder goes too (it holds the passwords); exports are kept elsewhere.
    shutil.rmtree(settings.sessions_dir / name)
    return exported


def export(settings: Settings, name: str, export_dir: Path | None = None) -> Path:
    session = load(settings, name)
    return export_session(settings, session, export_dir or _exports(settings, name))


def _exports(settings: Settings, name: str) -> Path:
    return settings.exports_dir


def _mode_words(mode: str) -> str:
    return "un mot de passe chacun" if mode == "accounts" else "mot de passe commun"


def _try(action: Callable[[str], None], arg: str) -> None:
    try:
        action(arg)
    except HubError:
        pass  # best effort while undoing; the first error is the one reported
