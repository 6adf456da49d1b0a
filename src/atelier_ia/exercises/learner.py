"""What a learner does with the course, in their own kernel: list the assignments and their
state, fetch one, write an answer into it, check it, submit it, fetch the feedback. The
« Exercices » app calls these; so do the tests. Errors a person sees are in French
(ExercisesError); nbgrader's own message is kept in the log."""

from __future__ import annotations

import ast
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
from traitlets.config import Config

from atelier_ia.exercises.config import configure_learner

log = logging.getLogger(__name__)

TO_FETCH, IN_PROGRESS, SUBMITTED, GRADED = "à récupérer", "en cours", "remis", "corrigé"


class ExercisesError(RuntimeError):
    """A French message for the learner."""


@dataclass
class Assignment:
    id: str
    state: str
    notebook: Path | None = None  # the learner's copy, once fetched
    feedback: Path | None = None  # the feedback page, once fetched
    feedback_ready: bool = False  # released by the trainer, not fetched yet
    submitted_at: str | None = None


@dataclass
class CheckResult:
    question: str  # the graded cell's grade_id
    points: float
    passed: bool
    message: str = ""


@dataclass
class Answer:
    question: str  # the answer cell's grade_id
    variable: str
    value: Any
    cell: Any = field(repr=False, default=None)


def _config() -> Config:
    return configure_learner(Config())


def _exchange(kind: str, assignment: str | None = None, **traits: Any):
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange import ExchangeFactory

    config = _config()
    coursedir = CourseDirectory(config=config)
    if assignment is not None:
        coursedir.assignment_id = assignment
    authenticator = Authenticator(config=config)
    step = getattr(ExchangeFactory(config=config), kind)(
        coursedir=coursedir, authenticator=authenticator, config=config
    )
    for name, value in traits.items():
        setattr(step, name, value)
    return step


def _run(step, what: str):
    from nbgrader.exchange import ExchangeError

    try:
        return step.start()
    except ExchangeError as exc:
        log.warning("nbgrader: %s failed: %s", what, exc)
        raise ExercisesError(f"{what} : impossible pour le moment ({exc}).") from exc
    except OSError as exc:
        log.warning("nbgrader: %s failed: %s", what, exc)
        raise ExercisesError(f"{what} : impossible pour le moment ({exc.strerror}).") from exc


def learner_dir() -> Path:
    return Path(_config().Exchange.assignment_dir)


def assignments() -> list[Assignment]:
    released = _run(_exchange("List"), "La liste des exercices")
    submitted = _run(_exchange("List", cached=True), "La liste des remises")
    found: dict[str, Assignment] = {}
    for info in released:
        fetched = info["status"] == "fetched"
        notebooks = [Path(nb["path"]) for nb in info.get("notebooks", [])]
        found[info["assignment_id"]] = Assignment(
            info["assignment_id"],
            IN_PROGRESS if fetched else TO_FETCH,
            notebooks[0] if fetched and notebooks else None,
        )
    for info in submitted:
        latest = info["submissions"][-1]
        item = found.setdefault(info["assignment_id"], Assignment(info["assignment_id"], ""))
        item.state = SUBMITTED
        item.submitted_at = latest.get("timestamp")
        item.feedback_ready = bool(latest.get("has_exchange_feedback"))
        if latest.get("has_local_feedback") and latest.get("local_feedback_path"):
            item.state = GRADED
            item.feedback = Path(latest["local_feedback_path"])
        if item.notebook is None:
            local = learner_dir() / item.id / f"{item.id}.ipynb"
            item.notebook = local if local.exists() else None
    return sorted(found.values(), key=lambda a: a.id)


def find(assignment: str) -> Assignment:
    for item in assignments():
        if item.id == assignment:
            return item
    raise ExercisesError(f"L'exercice « {assignment} » n'est pas publié.")


def fetch(assignment: str) -> Path:
    learner_dir().mkdir(parents=True, exist_ok=True)
    _run(_exchange("FetchAssignment", assignment), f"La récupération de « {assignment} »")
    return notebook_path(assignment)


def notebook_path(assignment: str) -> Path:
    folder = learner_dir() / assignment
    notebooks = sorted(folder.glob("*.ipynb"))
    if not notebooks:
        raise ExercisesError(f"Récupérez d'abord l'exercice « {assignment} ».")
    return notebooks[0]


def submit(assignment: str) -> None:
    notebook_path(assignment)
    _run(_exchange("Submit", assignment), f"La remise de « {assignment} »")


def fetch_feedback(assignment: str) -> Path | None:
    """The feedback page (HTML) of the latest submission, once the trainer released it."""
    _run(_exchange("FetchFeedback", assignment), f"Le retour de « {assignment} »")
    folder = find(assignment).feedback
    pages = sorted(folder.glob("*.html")) if folder is not None else []
    return pages[0] if pages else None


# -- The answers inside the notebook --------------------------------------------------------


def _grading(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def answers(notebook: Path) -> list[Answer]:
    """The answer cells, each a `name = <literal>` assignment (what the course's cells are)."""
    nb = nbformat.read(notebook, as_version=4)
    found = []
    for cell in nb.cells:
        if cell.cell_type != "code" or not _grading(cell).get("solution"):
            continue
        statement = next(
            (s for s in ast.parse(cell.source).body if isinstance(s, ast.Assign)), None
        )
        if statement is None or not isinstance(statement.targets[0], ast.Name):
            continue
        try:
            value = ast.literal_eval(statement.value)
        except ValueError:
            value = None
        found.append(Answer(_grading(cell)["grade_id"], statement.targets[0].id, value, cell))
    return found


def _literal(value: Any) -> str:
    """Text as a triple-quoted string (what a person with code on then reads and edits)."""
    if isinstance(value, str) and '"""' not in value and "\\" not in value:
        if not value.endswith('"'):
            return '"""\n' + value.strip("\n") + '\n"""'
    return repr(value)


def write_answers(notebook: Path, values: dict[str, Any]) -> None:
    """Write answers (by the answer cell's grade_id) into the learner's notebook."""
    nb = nbformat.read(notebook, as_version=4)
    by_id = {_grading(c).get("grade_id"): c for c in nb.cells if _grading(c).get("solution")}
    unknown = set(values) - set(by_id)
    if unknown:
        raise ExercisesError(f"Pas de réponse « {', '.join(sorted(unknown))} » dans cet exercice.")
    for question, value in values.items():
        cell = by_id[question]
        variable = next(a.variable for a in answers(notebook) if a.question == question)
        cell.source = f"{variable} = {_literal(value)}"
    nbformat.write(nb, notebook)


def check(notebook: Path) -> list[CheckResult]:
    """Run the notebook as nbgrader's validate does (its visible tests are its test cells)
    and say, for each graded cell, whether it passes and, if not, the checker's message."""
    from nbclient import NotebookClient

    nb = nbformat.read(notebook, as_version=4)
    config = _config()
    client = NotebookClient(
        nb,
        timeout=config.Execute.timeout,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(notebook.parent)}},
        config=config,
    )
    try:
        client.execute()
    except Exception as exc:  # a dead kernel, a timeout: the check could not run
        log.warning("check of %s failed to run: %s", notebook, exc)
        raise ExercisesError(
            "La vérification n'a pas pu aller au bout (temps dépassé ou calcul interrompu). "
            "Vérifiez qu'aucune réponse ne contient de calcul sans fin."
        ) from exc
    results = []
    for cell in nb.cells:
        grading = _grading(cell)
        if not grading.get("grade"):
            continue
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        message = ""
        if errors:
            error = errors[0]
            message = error.get("evalue") or error.get("ename", "")
            if error.get("ename") != "AssertionError":
                message = f"Erreur dans la réponse : {error.get('ename')} : {message}"
        results.append(
            CheckResult(grading["grade_id"], float(grading.get("points", 0)), not errors, message)
        )
    return results
