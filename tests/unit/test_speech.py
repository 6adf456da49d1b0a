"""Transcription pieces without a model: subtitle formats, the settings' checks, the model's
assembly from its two packages."""

from __future__ import annotations

import pytest

from atelier_ia.gateway.audio_api import srt, vtt
from atelier_ia.settings import Settings, SettingsError, load_settings
from atelier_ia.speech import whisper_model
from atelier_ia.speech.types import Segment, clock

SEGMENTS = (Segment(0.0, 2.5, "Séance ouverte."), Segment(2.5, 3661.25, "Vote."))


def test_subtitles_carry_the_times_of_each_segment():
    assert clock(3661.25) == "01:01:01.250" and clock(3661.25, ",") == "01:01:01,250"
    assert srt(SEGMENTS) == (
        "1\n00:00:00,000 --> 00:00:02,500\nSéance ouverte.\n\n"
        "2\n00:00:02,500 --> 01:01:01,250\nVote.\n"
    )
    assert vtt(SEGMENTS).startswith("WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nSéance ouverte.\n")


def test_speech_settings_name_the_wrong_key(tmp_path):
    assert Settings().speech.default_model == "whisper-base"
    config = tmp_path / "atelier.toml"
    config.write_text(
        '[speech]\nbackends = [{name = "x", kind = "ollama", url = "http://127.0.0.1:1"}]\n'
        'models = [{name = "w", backends = ["x"]}]\ndefault_model = "w"\n'
    )
    with pytest.raises(SettingsError) as refused:
        load_settings(config, environ={})
    assert "speech" in str(refused.value) and "pas ollama" in str(refused.value)
    config.write_text('[speech]\nmodels = [{name = "w", backends = ["absent"]}]\n')
    with pytest.raises(SettingsError) as refused:
        load_settings(config, environ={})
    assert "absent" in str(refused.value)


def test_the_model_is_joined_once_and_a_damaged_one_is_refused(tmp_path, monkeypatch):
    folder = whisper_model.model_dir(tmp_path)
    assert whisper_model.is_complete(folder)
    assert (folder / "model.bin").stat().st_size == whisper_model.MODEL_BYTES
    stamp = (folder / "model.bin").stat().st_mtime_ns
    assert whisper_model.model_dir(tmp_path) == folder
    assert (folder / "model.bin").stat().st_mtime_ns == stamp  # not joined again
    monkeypatch.setattr(whisper_model, "MODEL_SHA256", "0" * 64)
    with pytest.raises(whisper_model.ModelUnavailable, match="abîmé"):
        whisper_model.model_dir(tmp_path / "autre")
    assert not list((tmp_path / "autre").iterdir())  # no half-made model left


def test_lengths_read_as_a_person_says_them():
    from atelier_ia.speech.audio import spoken_length

    assert [spoken_length(s) for s in (45, 60, 75.4, 900)] == [
        "45 s",
        "1 min",
        "1 min 15 s",
        "15 min",
    ]


def test_a_model_that_cannot_be_joined_at_start_up_leaves_one_line_in_the_log(tmp_path, caplog):
    # Where the models would go is taken by a file: writing there fails as a full disk does
    # (bench/faults.py fills a real one). Before, the error escaped as « Future exception was
    # never retrieved » and a traceback.
    from atelier_ia.gateway.app import join_speech_model_ahead

    taken = tmp_path / "models"
    taken.write_text("")
    join_speech_model_ahead(taken)
    (line,) = [r.getMessage() for r in caplog.records if "speech_model" in r.getMessage()]
    assert '"event": "speech_model_join_failed"' in line and "models" in line
