"""The Unix account of each hub user: created at the first start of their server, removed with
the hub user.

A hub name never becomes a Unix name as it is: it gets the ``atelier-`` prefix, so that no login
maps onto a system account (``root``, ``daemon``) or onto the operator's. The accounts have no
password, no login shell, and a home of mode 0700 that only they own. Only accounts whose
comment carries :data:`MARKER` are ever removed.
"""

from __future__ import annotations

import grp
import hashlib
import os
import pwd
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

PREFIX = "atelier-"
MARKER = "Atelier IA"
NOLOGIN = "/usr/sbin/nologin"
# useradd and userdel lock /etc/passwd; two at once make one fail ("cannot lock"), so the hub
# runs them one after the other, and retries when another program holds the lock.
_PASSWD_LOCK = threading.Lock()
_LOCKED_EXIT = 10  # useradd / userdel: "can't update password file" (the lock is taken)
MAX_UNIX_NAME = 32


class AccountError(RuntimeError):
    """An account that cannot be made or removed; the message is French, for the operator."""


def unix_name(hub_name: str, prefix: str = PREFIX) -> str:
    """The Unix account of a hub user: ``atelier-<name>``, shortened with a hash past 32
    characters (useradd's limit), so that two hub names never share an account. Two platforms
    on one machine (or the test suite's) use different prefixes (``isolation.account_prefix``).
    """
    name = prefix + hub_name
    if len(name) <= MAX_UNIX_NAME:
        return name
    digest = hashlib.sha256(hub_name.encode()).hexdigest()[:8]
    return f"{prefix}{hub_name[: MAX_UNIX_NAME - len(prefix) - 9]}-{digest}"


def lookup(hub_name: str, prefix: str = PREFIX) -> pwd.struct_passwd | None:
    try:
        return pwd.getpwnam(unix_name(hub_name, prefix))
    except KeyError:
        return None


def is_managed(entry: pwd.struct_passwd, prefix: str = PREFIX) -> bool:
    return entry.pw_name.startswith(prefix) and entry.pw_gecos.startswith(MARKER)


def hub_name_of(entry: pwd.struct_passwd) -> str:
    return entry.pw_gecos.removeprefix(MARKER).strip()


def managed_accounts(prefix: str = PREFIX) -> list[pwd.struct_passwd]:
    return [entry for entry in pwd.getpwall() if is_managed(entry, prefix)]


def _run_locked(command: list[str]) -> subprocess.CompletedProcess:
    with _PASSWD_LOCK:
        for attempt in range(20):
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != _LOCKED_EXIT:
                return done
            time.sleep(0.05 * (attempt + 1))
        return done


def ensure_account(hub_name: str, home: Path, prefix: str = PREFIX) -> pwd.struct_passwd:
    """The person's account and home, made if missing (idempotent; runs as root)."""
    entry = lookup(hub_name, prefix)
    if entry is None:
        name = unix_name(hub_name, prefix)
        done = _run_locked(
            [
                "useradd",
                "--no-create-home",
                "--home-dir",
                str(home),
                "--shell",
                NOLOGIN,
                "--user-group",
                "--comment",
                f"{MARKER} {hub_name}",
                name,
            ]
        )
        entry = lookup(hub_name, prefix)
        if entry is None:
            why = done.stderr.strip() or f"code {done.returncode}"
            raise AccountError(f"Création du compte Unix {name} impossible : {why}")
    if not is_managed(entry, prefix):
        raise AccountError(
            f"Le compte Unix {entry.pw_name} existe déjà et n'a pas été créé par Atelier IA : "
            "il ne sera pas utilisé."
        )
    if entry.pw_dir != str(home):
        # Left by an earlier install with another state dir: point it at this one's home.
        _run_locked(["usermod", "--home", str(home), entry.pw_name])
        entry = pwd.getpwnam(entry.pw_name)
    _ensure_home(entry, home)
    return entry


def _ensure_home(entry: pwd.struct_passwd, home: Path) -> None:
    # The parent (homes dir) is root's: no one else can swap the home for a link meanwhile.
    try:
        os.mkdir(home, 0o700)
    except FileExistsError:
        pass
    info = os.lstat(home)
    if not os.path.isdir(home) or os.path.islink(home):
        raise AccountError(f"{home} n'est pas un dossier : le dossier personnel est refusé.")
    if (info.st_uid, info.st_gid) != (entry.pw_uid, entry.pw_gid):
        os.chown(home, entry.pw_uid, entry.pw_gid, follow_symlinks=False)
    os.chmod(home, 0o700, follow_symlinks=False)


def processes_of(uid: int) -> list[int]:
    pids = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat().st_uid == uid:
                pids.append(int(entry.name))
        except FileNotFoundError:
            pass
    return pids


def stop_processes(uid: int, grace_s: float = 3.0) -> None:
    """SIGTERM, then SIGKILL what is left: a kernel someone left running goes too."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in processes_of(uid):
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + grace_s
        while processes_of(uid) and time.monotonic() < deadline:
            time.sleep(0.05)
        if not processes_of(uid):
            return


def remove_account(hub_name: str, home: Path, prefix: str = PREFIX) -> bool:
    """Stop the account's processes, delete it, its group and its home; False if there was
    none. An account Atelier IA did not make is never touched."""
    entry = lookup(hub_name, prefix)
    if entry is None or not is_managed(entry, prefix):
        return False
    stop_processes(entry.pw_uid)
    done = _run_locked(["userdel", entry.pw_name])
    if lookup(hub_name, prefix) is not None:
        raise AccountError(
            f"Suppression du compte Unix {entry.pw_name} impossible : {done.stderr.strip()}"
        )
    try:
        group = grp.getgrnam(entry.pw_name)
    except KeyError:
        group = None
    if group is not None and group.gr_gid == entry.pw_gid:
        _run_locked(["groupdel", entry.pw_name])
    # rmtree resists symlink tricks on Linux (it works through directory descriptors).
    shutil.rmtree(home, ignore_errors=True)
    return True
