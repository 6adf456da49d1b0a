"""A workshop session as it is kept on disk: ``<state dir>/sessions/<name>/``.

``session.json`` says who is in it; ``comptes.json`` holds password hashes (``--accounts``);
``participants.csv`` and ``badges.pdf`` are for the trainer. Exports go to
``<state dir>/exports/`` and outlive the session.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from atelier_ia.sessions.accounts import SESSION_NAME, group_name, write_private
from atelier_ia.settings import Settings

SESSION_FILE = "session.json"


class SessionError(RuntimeError):
    """A session command cannot go on; the message is for a person, in French.

    `code` is the exit status: 2 for a wrong argument, 1 for anything else."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class Session:
    name: str
    participants: int
    mode: str  # "accounts" (one password each) or "shared" (the workshop password)
    users: list[str]
    created: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    # Key of the stable pseudonyms in exports (same person, same pseudonym, every export).
    pseudonym_key: str = field(default_factory=lambda: secrets.token_hex(16))

    @property
    def group(self) -> str:
        return group_name(self.name)

    def save(self, folder: Path) -> None:
        write_private(folder / SESSION_FILE, json.dumps(asdict(self), indent=1))


def check_name(name: str) -> str:
    if not SESSION_NAME.match(name):
        raise SessionError(
            f"Nom de session invalide : « {name} ». Attendu : 1 à 20 caractères, lettres "
            "minuscules sans accent, chiffres ou tirets, en commençant par une lettre ou un "
            "chiffre (ex. agen-mars).",
            code=2,
        )
    return name


def folder(settings: Settings, name: str) -> Path:
    return settings.sessions_dir / check_name(name)


def load(settings: Settings, name: str) -> Session:
    path = folder(settings, name) / SESSION_FILE
    if not path.exists():
        known = sorted(p.parent.name for p in settings.sessions_dir.glob(f"*/{SESSION_FILE}"))
        listed = ", ".join(known) if known else "aucune"
        raise SessionError(f"Session inconnue : « {name} ». Sessions existantes : {listed}.")
    return Session(**json.loads(path.read_text(encoding="utf-8")))
