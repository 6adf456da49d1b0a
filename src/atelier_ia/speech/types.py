"""What a transcription backend yields, and how it refuses."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """A stretch of speech, with its times in seconds from the start of the recording."""

    start: float
    end: float
    text: str


class SpeechError(Exception):
    """A refusal or failure with its HTTP status and a French message for the person."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def clock(seconds: float, separator: str = ".") -> str:
    """00:01:02.345 (WebVTT) or, with ``separator=","``, 00:01:02,345 (SubRip)."""
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"
