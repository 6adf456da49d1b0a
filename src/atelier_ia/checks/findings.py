"""What a checker reports: one finding per rule, in French, with where in the text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["ok", "attention", "erreur"]


@dataclass(frozen=True)
class CheckFinding:
    rule: str  # stable identifier, e.g. "courrier.objet"
    severity: Severity
    message: str  # French, for the participant
    span: tuple[int, int] | None = None  # where in the text, when it is somewhere

    @property
    def passed(self) -> bool:
        return self.severity == "ok"
