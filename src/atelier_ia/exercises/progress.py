"""Where each assignment of the course stands, for the trainers' live view: read from
nbgrader's own folders (the exchange and the course folder), by the operator's account."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from atelier_ia.exercises.course import COURSE
from atelier_ia.settings import Settings


@dataclass(frozen=True)
class AssignmentCounts:
    assignment: str
    released: bool
    submitted: int  # learners with at least one submission in the exchange
    collected: int
    graded: int
    feedback: int


def _learners(folder: Path, assignment: str) -> int:
    return sum(1 for p in folder.glob(f"*/{assignment}") if p.is_dir()) if folder.is_dir() else 0


def counts(settings: Settings) -> list[AssignmentCounts]:
    course, exchange = settings.course_dir, settings.exchange_dir / COURSE
    source = course / "source"
    if not source.is_dir():
        return []
    inbound = exchange / "inbound"
    found = []
    for folder in sorted(p for p in source.iterdir() if p.is_dir()):
        name = folder.name
        claimed = (
            {p.name.split("+", 1)[0] for p in inbound.glob(f"*+{name}+*")}
            if inbound.is_dir()
            else set()
        )
        found.append(
            AssignmentCounts(
                name,
                (exchange / "outbound" / name).is_dir(),
                len(claimed),
                _learners(course / "submitted", name),
                _learners(course / "autograded", name),
                _learners(course / "feedback", name),
            )
        )
    return found
