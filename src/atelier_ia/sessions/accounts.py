"""Session accounts: names, generated passwords and the hashes the hub checks at login.

Each session with its own accounts keeps ``comptes.json`` (login -> scrypt hash, mode 600) in
its folder; the hub's authenticator reads those files at every login, so a session created or
closed while the hub runs takes effect at once.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
from pathlib import Path

ACCOUNTS_FILE = "comptes.json"
# Session names become parts of logins, group and folder names: keep them short and plain.
SESSION_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,19}$")
# Letters and digits that cannot be misread on a printed badge (no 0/o, 1/l/i).
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def group_name(session: str) -> str:
    return f"session-{session}"


def logins(session: str, count: int) -> list[str]:
    width = max(2, len(str(count)))
    return [f"{session}-{number:0{width}d}" for number in range(1, count + 1)]


def new_password() -> str:
    """Eight characters in two groups of four (about 39 bits): easy to type from a badge,
    enough for one day behind the hub's login."""
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return f"{chars[:4]}-{chars[4:]}"


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    computed = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), **_SCRYPT)
    return hmac.compare_digest(computed.hex(), digest)


def write_accounts(folder: Path, passwords: dict[str, str]) -> Path:
    path = folder / ACCOUNTS_FILE
    hashes = {login: hash_password(password) for login, password in passwords.items()}
    write_private(path, json.dumps(hashes, indent=1))
    return path


def write_private(path: Path, text: str) -> None:
    """A file only the platform's user can read (it holds passwords or their hashes)."""
    import os

    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def stored_hash(sessions_dir: Path, login: str) -> str | None:
    """The password hash of `login` if a session gave it its own account."""
    for path in sorted(sessions_dir.glob(f"*/{ACCOUNTS_FILE}")):
        if path.parent.name.startswith("."):
            continue  # a session still being created (or left half-made): not open yet
        try:
            hashes = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if login in hashes:
            return hashes[login]
    return None
