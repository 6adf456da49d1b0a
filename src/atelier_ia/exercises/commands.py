"""`atelier exercises release|collect|autograde|feedback|report ASSIGNMENT`: thin layers over
nbgrader's Python API, run as the grader account (run.py), with French messages. NbGraderAPI
reports a failure as {success: false, error, log} and never raises: here it is an exit code 1,
with nbgrader's own error below the French line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from atelier_ia import paths
from atelier_ia.exercises import course
from atelier_ia.isolation.accounts import AccountError
from atelier_ia.settings import Settings

console = Console(soft_wrap=True)
errors = Console(stderr=True, soft_wrap=True)

exercises_app = typer.Typer(
    help="Les exercices notés (nbgrader) : publier, ramasser, corriger, rendre.",
    no_args_is_help=True,
)
ASSIGNMENT = typer.Argument(..., help="Le devoir, par exemple 01-courrier-structure.")


class StepFailed(RuntimeError):
    """nbgrader's error: the lines its log marks as errors (where it says what went wrong),
    else its last traceback."""

    def __init__(self, result: dict[str, Any]) -> None:
        logged = [line for line in result.get("log", "").splitlines() if line.startswith("[ERROR]")]
        message = "\n".join(logged[-30:]) or result.get("error") or "échec sans message"
        super().__init__(message)
        self.result = result


def run_step(settings: Settings, step: str, assignment: str, force: bool = False) -> dict[str, Any]:
    """One nbgrader step as the grader (the course prepared, course.prepare); raises
    StepFailed with nbgrader's error."""
    who = course.grader(settings)
    home = settings.homes_dir.resolve() / course.GRADER
    env = {
        # nbgrader shells out to alembic: the venv's bin/ first on PATH.
        "PATH": f"{paths.VENV_BIN}{os.pathsep}/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home) if who.name else os.environ.get("HOME", "/"),
        "LANG": "C.UTF-8",
    }
    folder = settings.course_dir.resolve()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "atelier_ia.exercises.run",
            step,
            assignment,
            str(folder),
            *(["--force"] if force else []),
        ],
        env=env,
        cwd=folder,
        capture_output=True,
        text=True,
        user=who.uid if who.name else None,
        group=who.gid if who.name else None,
        extra_groups=[] if who.name else None,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise StepFailed({"error": done.stderr.strip()[-2000:] or f"code {done.returncode}"})
    result = json.loads(lines[-1])
    if not result.get("success"):
        raise StepFailed(result)
    return result


def _settings() -> Settings:
    from atelier_ia.cli import settings_or_exit

    return settings_or_exit()


def _step(step: str, assignment: str, what: str, force: bool = False) -> dict[str, Any]:
    settings = _settings()
    try:
        course.prepare(settings)
    except (AccountError, PermissionError) as exc:
        errors.print(
            f"[bold red]Erreur :[/] le dossier du cours ne peut pas être préparé ({exc}). "
            "Avec un compte par personne, lancez cette commande en root.",
            highlight=False,
        )
        raise typer.Exit(1) from None
    source = settings.course_dir / "source" / assignment
    if step == "release" and not source.is_dir():
        known = ", ".join(sorted(p.name for p in source.parent.glob("*") if p.is_dir()))
        errors.print(
            f"[bold red]Erreur :[/] pas de devoir « {assignment} » dans {source.parent} "
            f"(devoirs : {known or 'aucun'}).",
            highlight=False,
        )
        raise typer.Exit(2)
    try:
        with console.status(f"{what} …"):
            return run_step(settings, step, assignment, force)
    except StepFailed as exc:
        errors.print(
            f"[bold red]Erreur :[/] {what} : échec. Message de nbgrader :", highlight=False
        )
        errors.print(str(exc), highlight=False, markup=False)
        if step == "release" and "already exists" in str(exc):
            errors.print(
                f"« {assignment} » est déjà publié : « atelier exercises release {assignment} "
                "--force » le publie à nouveau (ceux qui l'ont récupéré gardent leur copie).",
                highlight=False,
                markup=False,
            )
        raise typer.Exit(1) from None


@exercises_app.command("release")
def release(
    assignment: str = ASSIGNMENT,
    force: bool = typer.Option(
        False, "--force", help="Publier à nouveau, par-dessus la version déjà publiée."
    ),
) -> None:
    """Prépare la version des apprenants (sans les solutions) et la publie."""
    _step("release", assignment, f"Publication de « {assignment} »", force)
    console.print(
        f"[bold green]« {assignment} » est publié :[/] les apprenants peuvent le récupérer."
    )


@exercises_app.command("collect")
def collect(assignment: str = ASSIGNMENT) -> None:
    """Ramasse la dernière remise de chaque apprenant."""
    result = _step("collect", assignment, f"Ramassage de « {assignment} »")
    for name in result.get("refused", []):
        errors.print(
            f"[bold yellow]Remise refusée :[/] {name} est remise au nom d'un autre apprenant "
            "que son auteur ; elle est mise de côté (dossier refused/ du cours).",
            highlight=False,
        )
    students = result.get("students", [])
    console.print(f"[bold green]{len(students)} remise(s) ramassée(s)[/] : {', '.join(students)}")


@exercises_app.command("autograde")
def autograde(assignment: str = ASSIGNMENT) -> None:
    """Corrige automatiquement les remises ramassées."""
    result = _step("autograde", assignment, f"Correction de « {assignment} »")
    console.print(f"[bold green]{len(result.get('students', []))} remise(s) corrigée(s).[/]")


@exercises_app.command("feedback")
def feedback(assignment: str = ASSIGNMENT) -> None:
    """Prépare les retours de correction et les rend aux apprenants."""
    _step("feedback", assignment, f"Retours de « {assignment} »")
    console.print("[bold green]Les retours sont rendus :[/] chacun peut lire le sien.")


@exercises_app.command("report")
def report(
    assignment: str = ASSIGNMENT,
    output: Path = typer.Option(  # noqa: B008 - typer's way
        None, "--output", "-o", help="Fichier CSV (par défaut : notes-DEVOIR.csv ici)."
    ),
) -> None:
    """Écrit les notes par apprenant et par question (CSV « ; », UTF-8)."""
    from atelier_ia.sessions.export import csv_bytes

    result = _step("report", assignment, f"Notes de « {assignment} »")
    rows = result["rows"]
    questions = sorted({r["question"] for r in rows})
    students = sorted({r["student"] for r in rows})
    score = {(r["student"], r["question"]): r for r in rows}
    maximum = {r["question"]: r["max_score"] for r in rows}
    table = Table(title=f"Notes de « {assignment} »")
    for column in ("apprenant", *questions, "total"):
        table.add_column(column, justify="left" if column == "apprenant" else "right")
    lines = []
    for student in students:
        marks = [score[(student, q)]["score"] if (student, q) in score else None for q in questions]
        total = sum(m or 0 for m in marks)
        lines.append([student, *["" if m is None else f"{m:g}" for m in marks], f"{total:g}"])
        table.add_row(*lines[-1])
    most = sum(maximum.values())
    lines.append(["(maximum)", *[f"{maximum[q]:g}" for q in questions], f"{most:g}"])
    table.add_row(*lines[-1])
    target = output or Path(f"notes-{assignment}.csv")
    target.write_bytes(csv_bytes(["apprenant", *questions, "total"], lines))
    console.print(table)
    console.print(f"Notes écrites dans {target}")
