"""One nbgrader step on the course, run as the grader account by `atelier exercises`:
`python -m atelier_ia.exercises.run STEP ASSIGNMENT COURSE_DIR [--force]`. It prints one JSON
object: NbGraderAPI's {success, error, log} (which never raises) and what the step found.

A separate process, so that the files nbgrader writes (release, gradebook, submissions
collected, feedback) belong to the grader, as the formgrader that also runs as the grader
expects."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

from traitlets.config import Config

from atelier_ia.exercises.config import configure_folder
from atelier_ia.exercises.course import COURSE


def _api(folder: Path, force: bool = False):
    from nbgrader.apps import NbGraderAPI

    config = configure_folder(Config(), folder)
    # Publish again over the released version (after the trainer changed the assignment).
    config.ExchangeReleaseAssignment.force = force
    return NbGraderAPI(config=config)


def _merge(results: list[dict[str, Any]]) -> dict[str, Any]:
    failed = [r for r in results if not r.get("success")]
    return {
        "success": not failed,
        "error": "\n".join(r.get("error", "") for r in failed),
        "log": "\n".join(r.get("log", "") for r in results),
    }


def release(api, assignment: str) -> dict[str, Any]:
    generated = api.generate_assignment(assignment)
    if not generated["success"]:
        return generated
    released = api.release_assignment(assignment)
    inbound = Path(api.config.Exchange.root) / COURSE / "inbound"
    if released["success"] and inbound.is_dir():
        # nbgrader leaves the inbound folder writable by all without the sticky bit: anyone
        # could then rename or remove someone else's submission.
        os.chmod(inbound, stat.S_IMODE(inbound.stat().st_mode) | stat.S_ISVTX)
    return _merge([generated, released])


def collect(api, assignment: str) -> dict[str, Any]:
    result = api.collect(assignment)
    refused = [
        line.split("Refused submission ", 1)[1]
        for line in result.get("log", "").splitlines()
        if "Refused submission " in line
    ]
    return {**result, "refused": refused, "students": api.get_submitted_students(assignment)}


def autograde(api, assignment: str) -> dict[str, Any]:
    students = sorted(api.get_submitted_students(assignment))
    results = [api.autograde(assignment, student) for student in students]
    return {**_merge(results), "students": students}


def feedback(api, assignment: str) -> dict[str, Any]:
    generated = api.generate_feedback(assignment)
    if not generated["success"]:
        return generated
    return _merge([generated, api.release_feedback(assignment)])


def report(api, assignment: str) -> dict[str, Any]:
    """Scores per learner and per graded cell, from the gradebook."""
    from nbgrader.api import MissingEntry

    rows = []
    with api.gradebook as gb:
        try:
            gb.find_assignment(assignment)
        except MissingEntry:
            return {"success": False, "error": f"no assignment {assignment} in the gradebook"}
        for student in sorted(s.id for s in gb.students):
            try:
                submission = gb.find_submission(assignment, student)
            except MissingEntry:
                continue
            for notebook in submission.notebooks:
                for grade in sorted(notebook.grades, key=lambda g: g.name):
                    rows.append(
                        {
                            "student": student,
                            "question": grade.name,
                            "score": grade.score,
                            "max_score": grade.max_score,
                        }
                    )
    return {"success": True, "error": "", "log": "", "rows": rows}


STEPS = {
    "release": release,
    "collect": collect,
    "autograde": autograde,
    "feedback": feedback,
    "report": report,
}


def main(argv: list[str]) -> int:
    step, assignment, folder, *options = argv
    os.chdir(folder)
    result = STEPS[step](_api(Path(folder), force="--force" in options), assignment)
    print(json.dumps(result, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
