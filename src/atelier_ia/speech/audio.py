"""Reading an uploaded recording: any container FFmpeg knows (wav, mp3, m4a, ogg, webm…),
decoded to 16 kHz mono, as Whisper hears it. Nothing of the audio is kept or logged."""

from __future__ import annotations

import io

import numpy as np

from atelier_ia.speech.types import SpeechError

SAMPLE_RATE = 16_000
FORMATS = "wav, mp3, m4a, ogg, webm"


def spoken_length(seconds: float) -> str:
    """« 1 min 15 s », « 45 s », « 15 min »: a length as a person says it."""
    minutes, secs = divmod(round(seconds), 60)
    if not minutes:
        return f"{secs} s"
    return f"{minutes} min" + (f" {secs} s" if secs else "")


def duration_s(data: bytes) -> float | None:
    """The container's own duration, read without decoding (None when it does not say)."""
    import av

    try:
        with av.open(io.BytesIO(data), mode="r") as container:
            if not container.streams.audio:
                raise SpeechError(
                    400, f"Ce fichier ne contient pas de son. Formats acceptés : {FORMATS}."
                )
            if container.duration:
                return container.duration / av.time_base
    except av.FFmpegError as exc:
        raise SpeechError(
            400,
            f"Ce fichier n'est pas un enregistrement audio lisible. Formats acceptés : {FORMATS}.",
        ) from exc
    return None


def decode(data: bytes, max_s: float) -> np.ndarray:
    """Float32 samples at 16 kHz; refuses an empty file, one that is not audio, and one longer
    than ``max_s`` seconds (checked on the container's duration before decoding, and again
    on the samples)."""
    if not data:
        raise SpeechError(400, "Le fichier envoyé est vide : choisissez un enregistrement.")
    too_long = (
        f"Enregistrement trop long : au plus {spoken_length(max_s)}. "
        "Découpez-le, ou transcrivez-en un extrait."
    )
    declared = duration_s(data)
    if declared is not None and declared > max_s + 1:
        raise SpeechError(413, too_long + f" (celui-ci dure {spoken_length(declared)}.)")
    from faster_whisper.audio import decode_audio

    try:
        samples = decode_audio(io.BytesIO(data), sampling_rate=SAMPLE_RATE)
    except Exception as exc:  # PyAV raises several kinds for a broken stream
        raise SpeechError(
            400, f"L'enregistrement n'a pas pu être décodé. Formats acceptés : {FORMATS}."
        ) from exc
    if samples.size == 0:
        raise SpeechError(400, "L'enregistrement ne contient aucun son.")
    if samples.size / SAMPLE_RATE > max_s + 1:
        raise SpeechError(413, too_long)
    return samples
