"""Deterministic checkers: the model drafts, code verifies. No checker ever calls a model."""

from atelier_ia.checks.findings import CheckFinding, Severity

__all__ = ["CheckFinding", "Severity"]
