"""Checks a course's assignments as `atelier check` does: each assignment generates (its
nbgrader marks are sound), its solution passes every test, and its learners' version fails
at least one (a test that an empty answer passes checks nothing)."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from traitlets.config import Config

from atelier_ia import paths
from atelier_ia.exercises.config import configure_folder
from atelier_ia.exercises.learner import ExercisesError, check


@dataclass
class AssignmentResult:
    path: Path
    ok: bool
    seconds: float
    error: str = ""


def is_course(folder: Path) -> bool:
    return (folder / "nbgrader_config.py").is_file() and (folder / "source").is_dir()


@contextmanager
def venv_on_path():
    # nbgrader shells out to alembic, which is in the venv's bin/.
    before = os.environ.get("PATH", "")
    os.environ["PATH"] = f"{paths.VENV_BIN}{os.pathsep}{before}"
    try:
        yield
    finally:
        os.environ["PATH"] = before


def check_course(folder: Path) -> list[AssignmentResult]:
    from nbgrader.apps import NbGraderAPI

    results = []
    with tempfile.TemporaryDirectory(prefix="atelier-check-") as tmp, venv_on_path():
        copy = Path(tmp) / "course"
        shutil.copytree(folder / "source", copy / "source")
        api = NbGraderAPI(config=configure_folder(Config(), copy))
        for source in sorted(p for p in (copy / "source").iterdir() if p.is_dir()):
            start = time.monotonic()
            error = _check_one(api, copy, source.name)
            results.append(
                AssignmentResult(
                    folder / "source" / source.name, not error, time.monotonic() - start, error
                )
            )
    return results


def _check_one(api, course: Path, name: str) -> str:
    generated = api.generate_assignment(name)
    if not generated["success"]:
        lines = [line for line in generated["log"].splitlines() if "Error" in line]
        return "nbgrader ne peut pas en faire la version des apprenants : " + (
            lines[-1].strip() if lines else generated["error"].strip().splitlines()[-1]
        )
    for notebook in sorted((course / "source" / name).glob("*.ipynb")):
        released = course / "release" / name / notebook.name
        try:
            solved, empty = check(notebook), check(released)
        except ExercisesError as exc:
            return f"{notebook.name} : {exc}"
        if not solved:
            return f"{notebook.name} : aucune cellule notée."
        failing = [r for r in solved if not r.passed]
        if failing:
            return (
                f"{notebook.name} : la solution échoue au test « {failing[0].question} » : "
                f"{failing[0].message}"
            )
        if all(r.passed for r in empty):
            return (
                f"{notebook.name} : la version des apprenants, sans réponse, passe déjà tous "
                "les tests."
            )
    return ""
