"""What each person's server runs, already under their own account: prepare the home, then hand
over to JupyterHub's single-user server.

Done here rather than in the hub, because the hub runs as root and must not create or change
files inside a home its owner can write to (a planted symlink would turn root's write into
theirs).
"""

from __future__ import annotations

import atexit
import functools
import importlib
import json
import os
import shutil
import stat
import sys
import tempfile
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
# (Terminals: the server refuses them to every participant anyway; notebook_shim serves the
# classic notebook's extensions. Both cost a start their imports: bench/spawn_profile.py.)
LAB_EXTENSIONS = (
    "jupyterlab",
    "jupyter_lsp",
    "notebook",
    "notebook_shim",
    "jupyter_server_terminals",
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.assignment_list",
    "nbgrader.server_extensions.course_list",
    "nbgrader.server_extensions.validate_assignment",
)
# nbgrader's grading side: a learner with code gets the assignment list, not these.
GRADER_EXTENSIONS = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.course_list",
)
POLICY = "atelier_ia.hub.server_policy"
CATALOGUE_PAGE = "atelier_ia.apps.catalogue_page"
IRI_GRAMMAR = "rfc3987_syntax"
HUB_PAGES = "jupyterhub.handlers.pages"
HUB_ORM = "jupyterhub.orm"
# Kernels speak ZeroMQ over Unix sockets in a private folder of /tmp, not over loopback TCP
# (see kernel_runtime_dir). A socket's path must fit in sun_path (107 bytes): /tmp keeps the
# folder short whatever the state dir is.
RUNTIME_PARENT = Path("/tmp")
RUNTIME_PREFIX = "atelier-rt-"
OWNER_FILE = "server.pid"
KERNEL_NICENESS = 19
NICENESS_ENV = "ATELIER_KERNEL_NICENESS"


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


def extension_args(with_lab: bool, trainer: bool = False) -> list[str]:
    args = [f"--ServerApp.jpserver_extensions={name}=True" for name in (POLICY, CATALOGUE_PAGE)]
    if not with_lab:
        args += [f"--ServerApp.jpserver_extensions={name}=False" for name in LAB_EXTENSIONS]
    elif not trainer:
        args += [f"--ServerApp.jpserver_extensions={name}=False" for name in GRADER_EXTENSIONS]
    return args


@functools.cache
def _real_module(name: str) -> types.ModuleType:
    """The module a stand-in below was put in place of, imported at its first real use."""
    sys.modules.pop(name, None)
    return importlib.import_module(name)


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
    stand_in.is_valid_syntax = lambda term, value: _real_module(IRI_GRAMMAR).is_valid_syntax(
        term, value
    )
    sys.modules[IRI_GRAMMAR] = stand_in


class _HubHealthCheck:
    """Stands for the hub's health-check handler, which no person's server serves."""


def _lazy_module(name: str, **known) -> None:
    """Put a stand-in for module ``name`` in sys.modules: the ``known`` names it answers
    itself, any other loads the real module and answers from it."""
    if name in sys.modules:
        return

    def real_attribute(attribute: str):
        # The import system asks a module for __spec__ and the like: those are not a use.
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        return getattr(_real_module(name), attribute)

    stand_in = types.ModuleType(name)
    stand_in.__dict__.update(known)
    stand_in.__getattr__ = real_attribute
    sys.modules[name] = stand_in


def defer_hub_database() -> None:
    """Put off the hub's own pages and database models, which a person's server never uses.

    ``jupyterhub.log``, the request logger the single-user server uses, imports
    ``jupyterhub.handlers.pages`` for one ``isinstance`` check against the hub's health-check
    handler, and ``jupyterhub.metrics``, whose only use of ``jupyterhub.orm`` is the hub's own
    periodic count of users. Those two bring all the hub's handlers, its database models,
    SQLAlchemy, alembic and mako: 0.5 s of CPU in every server start, most of what its imports
    cost (py-spy, bench/spawn_profile.py). Here the check meets a class that nothing in a
    person's server is an instance of, as with the real one; any other use of either module
    loads the real one.
    """
    _lazy_module(HUB_PAGES, HealthCheckHandler=_HubHealthCheck)
    _lazy_module(HUB_ORM)


def defer_imports() -> None:
    """What a server start need not import (each measured in bench/server_start.py)."""
    defer_iri_grammar()
    defer_hub_database()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        pass
    return True


def clear_stale_runtime_dirs(parent: Path = RUNTIME_PARENT) -> None:
    """Remove the runtime folders this account's killed servers left behind: only folders it
    owns, not links, whose server is gone (in the demo, every server shares one account)."""
    for path in parent.glob(RUNTIME_PREFIX + "*"):
        try:
            info = path.lstat()
            if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
                continue
            pid = int((path / OWNER_FILE).read_text())
        except (OSError, ValueError):
            continue
        if not _alive(pid):
            shutil.rmtree(path, ignore_errors=True)


def kernel_runtime_dir(parent: Path = RUNTIME_PARENT) -> Path:
    """A new private runtime folder for this server: its kernels' connection files and sockets.

    Over TCP, jupyter_client picks a free port, closes it, and the kernel binds it a moment
    later; thirty servers starting at once on one machine pick the same port now and then, the
    kernel dies on "Address already in use" and Voilà waits for it for ever. Unix sockets in a
    folder of the server's own are not shared with anyone. ``mkdtemp`` makes it with a random
    name, O_EXCL and mode 0700, so no other account can plant or enter it; it goes when the
    server stops.
    """
    clear_stale_runtime_dirs(parent)
    path = Path(tempfile.mkdtemp(prefix=RUNTIME_PREFIX, dir=parent))
    (path / OWNER_FILE).write_text(str(os.getpid()))
    atexit.register(shutil.rmtree, path, True)
    return path


def write_kernelspec(folder: Path, niceness: int = KERNEL_NICENESS) -> Path:
    """A ``python3`` kernelspec in ``folder/kernels`` (put first on JUPYTER_PATH) whose kernels
    start below the servers' CPU priority (``hub/kernel_launcher.py``: the process's nice value
    and its session's, which is what counts between sessions).

    When a room opens a workshop together, thirty kernels start at once (1–2 s of CPU each);
    at the same priority they starve what people are waiting on meanwhile: the hub, the proxy
    and the servers answering logins and catalogue pages (bench/room.py). Below them, a kernel
    takes the CPU those leave. Otherwise the spec is ipykernel's own, with the venv's Python;
    ``niceness`` 0 is ipykernel's own command too.
    """
    launcher = ["ipykernel_launcher"]
    if niceness:
        launcher = ["atelier_ia.hub.kernel_launcher", str(niceness)]
    spec = {
        "argv": [sys.executable, "-m", *launcher, "-f", "{connection_file}"],
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "metadata": {"debugger": True},
        "kernel_protocol_version": "5.5",
    }
    target = folder / "kernels" / "python3"
    target.mkdir(parents=True, exist_ok=True)
    (target / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return folder


def kernel_args() -> list[str]:
    return ["--KernelManager.transport=ipc"]


# Set by the spawner when the server is started ahead of the day (`atelier session create
# --warm` asks so with this option, the body of its API request): it then pays at its start
# what its first Voilà page would pay in the room.
AHEAD_OPTION = "ahead_of_the_day"
AHEAD_ENV = "ATELIER_AHEAD"


def prepay_first_page() -> None:
    """What a server's first workshop page costs once (0.22-0.24 s of the server's CPU against
    0.10-0.13 s for the next, four servers; py-spy on one showed what): anyio's thread backend,
    imported at the contents manager's first file read (49 ms alone), IPython, which Voilà's
    page imports (35 ms), and nbformat's validator, built at the first notebook read (24 ms).
    Ahead of the day this costs nothing anyone waits for; in the room, thirty first pages at
    once compete with those still logging in (docs/architecture.md, « A room at work »)."""
    import anyio._backends._asyncio  # noqa: F401
    import IPython  # noqa: F401
    import nbformat

    # Read as a notebook file is read: the validator is built and cached on the way.
    nbformat.reads(nbformat.writes(nbformat.v4.new_notebook()), as_version=4)


def main() -> None:
    home = Path(os.environ["HOME"])
    prepare_home(home)
    os.chdir(home)
    runtime = kernel_runtime_dir()
    os.environ["JUPYTER_RUNTIME_DIR"] = str(runtime)
    # Its own kernelspec first (kernels below the servers' priority), in the private folder.
    niceness = int(os.environ.get(NICENESS_ENV, KERNEL_NICENESS))
    path = [str(write_kernelspec(runtime, niceness)), os.environ.get("JUPYTER_PATH", "")]
    os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in path if p)
    defer_imports()
    if os.environ.get(AHEAD_ENV) == "1":
        prepay_first_page()
    from atelier_ia.hub.server_policy import TRAINER  # after the deferrals: it imports jupyterhub

    with_lab = os.environ.get("ATELIER_CODE") == "1"
    trainer = os.environ.get("ATELIER_ROLE") == TRAINER
    sys.argv = [sys.argv[0], *sys.argv[1:], *extension_args(with_lab, trainer), *kernel_args()]
    from jupyterhub.singleuser import main as singleuser_main

    sys.exit(singleuser_main())


if __name__ == "__main__":
    main()
