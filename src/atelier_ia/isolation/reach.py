"""Can a participant's account run the servers and read the workshops?

Checked at start, as an account with no rights of its own (``nobody``), so that a blocked
folder is named before the first person logs in. The usual culprits: a venv whose ``python``
links into pyenv inside root's 0700 home, and a checkout inside a 0700 folder (``mktemp -d``).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import sysconfig
from pathlib import Path

from atelier_ia import paths

PROBE_ACCOUNT = "nobody"


class Unreachable(RuntimeError):
    """What blocks participant accounts, and the fix, in French."""


def needed_paths(homes_dir: Path) -> list[tuple[Path, str]]:
    """Each path a participant's server needs, with what it needs: run, read or cross."""
    return [
        (Path(os.path.realpath(sys.executable)), "exécuter"),
        (Path(sysconfig.get_paths()["purelib"]), "lire"),
        (paths.PACKAGE_DIR, "lire"),
        (paths.WORKSHOPS_DIR, "lire"),
        (homes_dir, "traverser"),
    ]


def blocking_folder(path: Path) -> Path | None:
    """The first folder on the way to ``path`` that others may not cross, or ``path`` itself
    when others may not read it (or run it)."""
    real = Path(os.path.realpath(path))
    for folder in [*reversed(real.parents), real]:
        mode = folder.stat().st_mode
        if stat.S_ISDIR(mode) and not mode & stat.S_IXOTH:
            return folder
    if not real.stat().st_mode & stat.S_IROTH and not stat.S_ISDIR(real.stat().st_mode):
        return real
    return None


def check(homes_dir: Path) -> None:
    """Raise Unreachable naming the first blocking folder and the fix; then confirm by running
    the server's Python as ``nobody`` (a static check can miss ACLs or mount options)."""
    for path, need in needed_paths(homes_dir):
        folder = blocking_folder(path)
        if folder is not None:
            raise Unreachable(
                f"Les comptes des participants ne peuvent pas {need} {path} : le dossier "
                f"{folder} leur est fermé (mode {stat.filemode(folder.stat().st_mode)}). "
                f"Ouvrez-le au passage (chmod o+x {folder}), ou installez la plateforme "
                "ailleurs (par exemple /opt/atelier-ia), avec le Python de Debian "
                "(/usr/bin/python3)."
            )
    probe = f"import atelier_ia, jupyterhub, voila, os; os.listdir({str(paths.WORKSHOPS_DIR)!r})"
    done = subprocess.run(
        [sys.executable, "-c", probe],
        user=PROBE_ACCOUNT,
        group=_group_of(PROBE_ACCOUNT),
        extra_groups=[],
        capture_output=True,
        text=True,
        cwd="/",
        env={"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "PYTHONNOUSERSITE": "1"},
        timeout=60,
        check=False,
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["(aucun message)"])[-1]
        raise Unreachable(f"Un compte de participant ne peut pas lancer {sys.executable} : {last}")


def _group_of(account: str) -> int:
    import pwd

    return pwd.getpwnam(account).pw_gid
