"""The course's folders, its grader account and its hub names.

    var/exercises/   0700  the grader's: nbgrader_config.py, source/, release/, submitted/,
                           autograded/, feedback/, gradebook.db
    var/exchange/    1777  the grader's, sticky: nbgrader's exchange (outbound/, inbound/,
                           feedback/ of the course). Sticky, so that no learner can rename or
                           remove the course folder that the grader made in it.

With one account per person the grader is an account of its own, ``<prefix>grader-<course>``,
as in nbgrader's multi-course JupyterHub setup; in the demo, it is the operator's account.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
from dataclasses import dataclass
from pathlib import Path

from atelier_ia import paths
from atelier_ia.isolation import accounts
from atelier_ia.isolation.mode import ACCOUNTS, resolve
from atelier_ia.settings import Settings

COURSE = "acculturation-ia"
GRADER = f"grader-{COURSE}"  # the hub user of the course service (nbgrader #1872)
FORMGRADE_GROUP = f"formgrade-{COURSE}"  # who may grade (nbgrader's naming)
LEARNERS_GROUP = f"nbgrader-{COURSE}"  # who may fetch and submit
SHIPPED_DIR = paths.PROJECT_ROOT / "exercises"
CONFIG_FILE = "nbgrader_config.py"
VALUES_FILE = "course.json"  # the settings nbgrader_config.py reads (config.configure_folder)


@dataclass(frozen=True)
class Grader:
    """The account nbgrader runs under for the course (None: this process's own)."""

    name: str | None
    uid: int
    gid: int


def grader_account_name(settings: Settings) -> str | None:
    """The grader's Unix account with one account per person; None in the demo."""
    if resolve(settings) != ACCOUNTS:
        return None
    return accounts.unix_name(GRADER, settings.isolation.account_prefix)


def grader(settings: Settings) -> Grader:
    if resolve(settings) != ACCOUNTS:
        return Grader(None, os.getuid(), os.getgid())
    entry = accounts.lookup(GRADER, settings.isolation.account_prefix)
    if entry is None:
        raise accounts.AccountError(
            "Le compte de correction des exercices n'existe pas encore : lancez « atelier up »."
        )
    return Grader(entry.pw_name, entry.pw_uid, entry.pw_gid)


def shipped_assignments() -> list[str]:
    return sorted(p.name for p in (SHIPPED_DIR / "source").iterdir() if p.is_dir())


def prepare(settings: Settings) -> Grader:
    """Make the grader account and the course's folders (idempotent). Shipped assignments
    missing from the course's source/ are copied there; ones already there are the trainers'
    and are left as they are."""
    if resolve(settings) == ACCOUNTS:
        home = settings.homes_dir / GRADER
        accounts.ensure_account(GRADER, home, settings.isolation.account_prefix)
    who = grader(settings)
    course, exchange = settings.course_dir, settings.exchange_dir
    for folder, mode in ((course, 0o700), (exchange, 0o1777)):
        folder.mkdir(parents=True, exist_ok=True)
        _own(folder, who)
        os.chmod(folder, mode)
    shutil.copyfile(SHIPPED_DIR / CONFIG_FILE, course / CONFIG_FILE)
    values = {
        "exchange": str(exchange.resolve()),
        "timeout": settings.exercises.execute_timeout,
        "accounts_prefix": settings.isolation.account_prefix if who.name else "",
    }
    (course / VALUES_FILE).write_text(json.dumps(values, indent=1), encoding="utf-8")
    for name in (CONFIG_FILE, VALUES_FILE):
        _own(course / name, who)
    source = course / "source"
    source.mkdir(exist_ok=True)
    _own(source, who)
    for name in shipped_assignments():
        if not (source / name).exists():
            shutil.copytree(SHIPPED_DIR / "source" / name, source / name)
            for path in [source / name, *(source / name).rglob("*")]:
                _own(path, who)
    return who


def _own(path: Path, who: Grader) -> None:
    if who.name is not None:
        os.chown(path, who.uid, who.gid, follow_symlinks=False)


def learner_account(student_id: str, settings: Settings) -> str:
    """The Unix account a learner's submissions must belong to."""
    if resolve(settings) != ACCOUNTS:
        return pwd.getpwuid(os.getuid()).pw_name
    return accounts.unix_name(student_id, settings.isolation.account_prefix)
