"""nbgrader's configuration, for the grader's side (the formgrader, the `atelier exercises`
commands) and for the learners' side (their servers, the « Exercices » app)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from traitlets.config import Config

from atelier_ia.exercises.course import COURSE

# What replaces a solution in the learners' version: the answer cells are strings.
CODE_STUB = "# Écrivez votre réponse entre les guillemets ci-dessus."
TEXT_STUB = "Écrivez votre réponse ici."
# The learners' servers get these (hub/spawner.py); the « Exercices » app reads them too.
EXCHANGE_ENV = "ATELIER_EXCHANGE_DIR"
TIMEOUT_ENV = "ATELIER_EXERCISES_TIMEOUT"
LEARNER_DIR = "exercices"  # in each learner's home: the assignments they fetched
LEARNER_CONFIG_DIR = Path(__file__).parent / "learner_config"


def _runtime_dir() -> Path:
    from jupyter_core.paths import jupyter_runtime_dir

    folder = Path(jupyter_runtime_dir())
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _common(c: Config, timeout: int) -> None:
    c.CourseDirectory.course_id = COURSE
    # A learner's endless loop fails the check instead of hanging it.
    c.Execute.timeout = timeout
    c.ClearSolutions.code_stub = {"python": CODE_STUB}
    c.ClearSolutions.text_stub = TEXT_STUB
    # The kernels that check and grade answers talk over Unix sockets in the account's own
    # runtime dir, as people's kernels do: on TCP any local account could listen to their
    # outputs. The path is absolute: by default it is relative to the working directory,
    # which nbgrader's kernel and its client do not always share.
    c.KernelManager.transport = "ipc"
    c.KernelManager.ip = str(_runtime_dir() / "kernel-ipc")


def configure_course(
    c: Config,
    root: Path,
    exchange: Path | None = None,
    timeout: int = 30,
    accounts_prefix: str = "",
) -> Config:
    """The grader's side. `accounts_prefix` is empty in the demo (one account for all)."""
    _common(c, timeout)
    c.CourseDirectory.root = str(root)
    # Always the course folder's own: a wrong path would silently make an empty gradebook.
    c.CourseDirectory.db_url = f"sqlite:///{Path(root) / 'gradebook.db'}"
    if exchange is not None:
        c.Exchange.root = str(exchange)
    c.ExchangeFactory.collect = "atelier_ia.exercises.exchange.OwnerCheckedCollect"
    c.OwnerCheckedCollect.accounts_prefix = accounts_prefix
    return c


def configure_folder(c: Config, folder: Path) -> Config:
    """The course in `folder`, with the values `atelier up` wrote beside its config
    (course.json); without them (the shipped exercises/ folder), the folder alone."""
    placed = Path(folder) / "course.json"
    values = json.loads(placed.read_text(encoding="utf-8")) if placed.exists() else {}
    return configure_course(
        c,
        root=Path(folder),
        exchange=Path(values["exchange"]) if "exchange" in values else None,
        timeout=values.get("timeout", 30),
        accounts_prefix=values.get("accounts_prefix", ""),
    )


def configure_learner(c: Config, environ: dict[str, str] | None = None) -> Config:
    """The learner's side, from their server's environment: the assignments go to
    ~/exercices/<assignment>, their submissions are named after their hub name and only
    the grader may read them."""
    environ = os.environ if environ is None else environ
    _common(c, int(environ.get(TIMEOUT_ENV, "30")))
    home = Path(environ.get("HOME", "~")).expanduser()
    c.CourseDirectory.root = str(home / LEARNER_DIR)
    c.Exchange.assignment_dir = str(home / LEARNER_DIR)
    if environ.get("JUPYTERHUB_USER"):
        c.CourseDirectory.student_id = environ["JUPYTERHUB_USER"]
        # Course membership is the hub group nbgrader-<course>, read with the server's token.
        c.Authenticator.plugin_class = "nbgrader.auth.JupyterHubAuthPlugin"
    if environ.get(EXCHANGE_ENV):
        c.Exchange.root = environ[EXCHANGE_ENV]
    c.ExchangeFactory.submit = "atelier_ia.exercises.exchange.PrivateSubmit"
    return c
