"""What each person's server runs, already under their own account: prepare the home, then hand
over to JupyterHub's single-user server.

Done here rather than in the hub, because the hub runs as root and must not create or change
files inside a home its owner can write to (a planted symlink would turn root's write into
theirs).
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import shutil
import sys
import types
from pathlib import Path

from atelier_ia import paths

WORK_DIR = "mes-travaux"
WORKSHOPS_LINK = "workshops"
LAB_SETTINGS_DIR = Path(".jupyter/lab/user-settings/@jupyterlab")
# JupyterLab settings a person starts with (they may change them): French, and no news
# fetched from the Internet, which a workshop server often cannot reach.
LAB_DEFAULTS = {
    "translation-extension/plugin.jupyterlab-settings": {"locale": "fr_FR"},
    "apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false"},
}
# What only JupyterLab users need; a participant without code gets Voilà and the apps alone.
LAB_EXTENSIONS = (
    "jupyterlab",
    "jupyter_lsp",
    "notebook",
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.assignment_list",
    "nbgrader.server_extensions.course_list",
    "nbgrader.server_extensions.validate_assignment",
)
POLICY = "atelier_ia.hub.server_policy"
IRI_GRAMMAR = "rfc3987_syntax"


def link_workshops(home: Path, workshops: Path) -> Path:
    """``~/workshops`` points at the shipped workshops, which belong to root: everyone reads
    the current version, and no one can change it. An earlier version's copy is replaced."""
    link = home / WORKSHOPS_LINK
    if link.is_symlink():
        if os.readlink(link) == str(workshops):
            return link
        link.unlink()
    elif link.exists():
        for path in [link, *link.rglob("*")]:
            if not path.is_symlink():
                path.chmod(0o700 if path.is_dir() else 0o600)
        shutil.rmtree(link)
    link.symlink_to(workshops, target_is_directory=True)
    return link


def write_lab_defaults(home: Path) -> None:
    """Start JupyterLab in French, without overwriting a choice the person made since."""
    for name, values in LAB_DEFAULTS.items():
        settings_file = home / LAB_SETTINGS_DIR / name
        if not settings_file.exists():
            settings_file.parent.mkdir(parents=True, exist_ok=True)
            settings_file.write_text(json.dumps(values), encoding="utf-8")


def prepare_home(home: Path, workshops: Path = paths.WORKSHOPS_DIR) -> None:
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    home.chmod(0o700)  # in the demo, too, a home is its owner's alone
    (home / WORK_DIR).mkdir(exist_ok=True)
    link_workshops(home, workshops)
    write_lab_defaults(home)


def extension_args(with_lab: bool) -> list[str]:
    args = [f"--ServerApp.jpserver_extensions={POLICY}=True"]
    if not with_lab:
        args += [f"--ServerApp.jpserver_extensions={name}=False" for name in LAB_EXTENSIONS]
    return args


@functools.cache
def _iri_grammar() -> types.ModuleType:
    sys.modules.pop(IRI_GRAMMAR, None)
    return importlib.import_module(IRI_GRAMMAR)


def defer_iri_grammar() -> None:
    """Put off the IRI grammar until something checks an IRI.

    jupyter_events imports jsonschema's format checkers, and jsonschema imports
    ``rfc3987_syntax``, which compiles its Lark grammar at import: 1.4 s of CPU on these
    machines, half of what a server start costs, paid by every person's server for a format
    ("iri") that none of its schemas uses. A stand-in module with the one function jsonschema
    takes loads the real one at its first call, so the check still runs if it is ever needed.
    """
    if IRI_GRAMMAR in sys.modules:
        return
    stand_in = types.ModuleType(IRI_GRAMMAR)
    stand_in.is_valid_syntax = lambda term, value: _iri_grammar().is_valid_syntax(term, value)
    sys.modules[IRI_GRAMMAR] = stand_in


def main() -> None:
    home = Path(os.environ["HOME"])
    prepare_home(home)
    os.chdir(home)
    with_lab = os.environ.get("ATELIER_CODE") == "1"
    sys.argv = [sys.argv[0], *sys.argv[1:], *extension_args(with_lab)]
    defer_iri_grammar()
    from jupyterhub.singleuser import main as singleuser_main

    sys.exit(singleuser_main())


if __name__ == "__main__":
    main()
