"""Data shipped with the workshops, and their loaders."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent


def _shipped_letter(name: str) -> str:
    # The first line of each file says that its people are invented; it is not shown.
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return text.split("\n", 1)[1].lstrip("\n")


def example_letter() -> str:
    """A citizen's letter full of personal data, for the personal-data workshop."""
    return _shipped_letter("courrier_usager.txt")


def streetlight_letter() -> str:
    """A citizen's complaint about a broken streetlight, for the prompt-structuring workshop."""
    return _shipped_letter("courrier_eclairage.txt")


def meeting_recording() -> Path:
    """A short recording of an invented séance (espeak-ng's French voice), for the first step
    of the « procès-verbal » workshop; its script is meeting_script()."""
    return DATA_DIR / "seance_enregistrement.ogg"


def meeting_script() -> str:
    return (DATA_DIR / "seance_enregistrement.txt").read_text(encoding="utf-8")


def council_transcript() -> str:
    """A council meeting's transcript, for the « procès-verbal » workshop."""
    return _shipped_letter("transcription_conseil.txt")
