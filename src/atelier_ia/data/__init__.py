"""Data shipped with the workshops, and their loaders."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent


def example_letter() -> str:
    """A citizen's letter full of personal data, for the personal-data workshop.
    Everyone in it is invented (the file says so in its first line, which is skipped)."""
    text = (DATA_DIR / "courrier_usager.txt").read_text(encoding="utf-8")
    return text.split("\n", 1)[1].lstrip("\n")
