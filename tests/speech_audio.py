"""French speech made at test time with espeak-ng (a Debian package the Makefile installs), so
that the transcription tests and bench hear a text whose script they know."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
import wave
from pathlib import Path

ESPEAK = "/usr/bin/espeak-ng"


def synthesise(text: str, path: Path, speed: int = 150) -> Path:
    """A WAV file of ``text`` read by espeak-ng's French voice."""
    subprocess.run(
        [ESPEAK, "-v", "fr", "-s", str(speed), "-w", str(path), text],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return path


def wav_seconds(path: Path) -> float:
    with wave.open(str(path)) as audio:
        return audio.getnframes() / audio.getframerate()


def convert(source: Path, target: Path, codec: str) -> Path:
    """The same sound in another container (``codec``: libopus, libmp3lame, aac),
    through PyAV's FFmpeg."""
    import av

    with av.open(str(source)) as inp, av.open(str(target), "w") as out:
        stream = out.add_stream(codec, rate=48000 if codec == "libopus" else 22050)
        stream.layout = "mono"
        stream.bit_rate = 32000  # speech: small files
        resampler = av.AudioResampler(
            format=stream.codec_context.format.name, layout="mono", rate=stream.rate
        )
        for frame in inp.decode(audio=0):
            for piece in resampler.resample(frame):
                out.mux(stream.encode(piece))
        for piece in resampler.resample(None):
            out.mux(stream.encode(piece))
        out.mux(stream.encode(None))
    return target


def fold(text: str) -> str:
    """Lower case, no accents, digits joined (« 1 500 » → « 1500 »): how words are compared."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"(?<=\d)[\s.\u202f\u00a0](?=\d{3}\b)", "", text)


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


def word_error_rate(reference: str, heard: str) -> float:
    """Word-level Levenshtein distance over the reference's length (0: every word right)."""
    ref, hyp = words(reference), words(heard)
    previous = list(range(len(hyp) + 1))
    for i, word in enumerate(ref, 1):
        current = [i]
        for j, other in enumerate(hyp, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (word != other))
            )
        previous = current
    return previous[-1] / max(len(ref), 1)


def silence_wav(seconds: float) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(16000)
        audio.writeframes(b"\0\0" * int(16000 * seconds))
    return buffer.getvalue()
