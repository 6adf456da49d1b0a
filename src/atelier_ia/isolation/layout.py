"""The state dir's folders and their modes.

    var/              0711  root's (or the operator's): crossed, never listed
    var/private/      0700  hub and gateway databases, cookie secret, secrets.toml, sessions,
                            exports, pid files; the hub's working directory
    var/homes/        0711  crossed, never listed
    var/homes/<name>  0700  owned by that person's account

A participant reaches their own home and nothing else of the state dir.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from atelier_ia.settings import Settings

# Where an earlier version kept these, directly in the state dir.
_OLD_LAYOUT = (
    "secrets.toml",
    "jupyterhub.sqlite",
    "jupyterhub_cookie_secret",
    "gateway.sqlite",
    "gateway.sqlite-wal",
    "gateway.sqlite-shm",
    "sessions",
    "exports",
)


def prepare(settings: Settings) -> None:
    """Make the folders with their modes, and move an earlier layout's files into private/."""
    state, private, homes = settings.state_dir, settings.private_dir, settings.homes_dir
    for folder, mode in ((state, 0o711), (private, 0o700), (homes, 0o711)):
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, mode)
    for name in _OLD_LAYOUT:
        old, new = state / name, private / name
        if old.exists() and not new.exists():
            shutil.move(old, new)


def mode_of(path: Path) -> int:
    return path.stat().st_mode & 0o777
