"""Workshop 4 « De la réunion au procès-verbal », driven without a browser against a running
gateway (FakeOllama, answering with a set text, stands in for an Ollama server)."""

from __future__ import annotations

from atelier_ia.apps.minutes import WORKSHOP_ID, Minutes
from atelier_ia.apps.recording import TRANSCRIPT_HEADER
from atelier_ia.data import council_transcript
from atelier_ia.gateway.audit import AuditLog
from atelier_ia.llm import LLMClient
from atelier_ia.settings import Settings
from tests.fake_ollama import Behaviour
from tests.gateway_harness import RunningGateway, gateway_data, gateway_settings, token_for
from tests.speech_audio import fold
from tests.unit.test_check_pv import BAD, GOOD, LISTE

MODEL = "mistral:7b"


def test_draft_pv_and_liste_then_verify(tmp_path, fake):
    backends = [{"name": "gpu", "kind": "ollama", "url": fake.url}]
    settings = gateway_settings(
        tmp_path, backends, [{"name": MODEL, "backends": ["gpu"]}], max_new_tokens=1200
    )
    with RunningGateway(settings) as gw:
        app = Minutes(LLMClient(host=gw.url, token=token_for("ana")))
        fake.behaviour = Behaviour(reply=GOOD + "\nLISTE DES DÉLIBÉRATIONS\n" + LISTE)
        app.write()
        assert "Transcription :" in fake.served[-1].user_text
        assert "Les Amis de la Bastide" in fake.served[-1].user_text
        assert all(f.passed for f in app.check())
        assert "atelier-invention" not in app.marked.value

        fake.behaviour = Behaviour(reply=BAD)
        app.write()
        failed = {f.rule for f in app.check() if not f.passed}
        assert {"pv.titre", "pv.point", "pv.invention", "liste.absente"} <= failed
        assert "Alain Verdier" in app.marked.value and "atelier-invention" in app.marked.value


def test_from_the_sample_recording_to_a_checked_pv(tmp_path, fake):
    """The shipped recording through the real embedded Whisper: segments with their times and
    progress, the transcript in the workshop's box, and the PV checked against it, with what
    the transcription may have misheard pointed out."""
    backends = [{"name": "gpu", "kind": "ollama", "url": fake.url}]
    data = gateway_data(tmp_path, backends, [{"name": MODEL, "backends": ["gpu"]}])
    data["speech"] = {"threads": 2}
    with RunningGateway(Settings.model_validate(data)) as gw:
        app = Minutes(LLMClient(host=gw.url, token=token_for("ana"), workshop=WORKSHOP_ID))
        progress = []
        app.recording.progress.observe(lambda change: progress.append(change["new"]), "value")
        heard = app.recording.transcribe_sample()
        assert "subvention" in fold(heard)
        assert app.recording.segments.value.count("atelier-segment") == len(app.recording.heard)
        assert app.recording.heard[0]["start"] == 0.0 and "[00:00 →" in app.recording.segments.value
        assert 0 < progress[1] < progress[-1] == 1
        assert app.transcript.value.startswith(TRANSCRIPT_HEADER)
        # The model drafts from what was heard, and a figure it adds is flagged as possibly
        # misheard, not only as invented.
        fake.behaviour = Behaviour(reply=BAD)
        app.write()
        spoken = app.transcript.value.removeprefix(TRANSCRIPT_HEADER).strip()
        assert spoken and spoken in fake.served[-1].user_text
        app.check()
        assert "mal entendu ?" in app.marked.value and "été <strong>mal entendu</strong>" in (
            app.marked.value
        )
        # Typed transcripts keep the plain label.
        app.use_transcript(council_transcript())
        app.check()
        assert "atelier-invention" in app.marked.value and "mal entendu" not in app.marked.value
    audit = AuditLog(gw.settings.audit_database_url)
    rows = [r for r in audit.rows_for("ana") if r["api"] == "audio"]
    assert rows[0]["workshop"] == WORKSHOP_ID and rows[0]["audio_s"] > 40


def test_a_refused_recording_says_why_in_french(tmp_path, fake):
    backends = [{"name": "gpu", "kind": "ollama", "url": fake.url}]
    data = gateway_data(tmp_path, backends, [{"name": MODEL, "backends": ["gpu"]}])
    with RunningGateway(Settings.model_validate(data)) as gw:
        app = Minutes(LLMClient(host=gw.url, token=token_for("ana")))
        before = app.transcript.value
        assert app.recording.transcribe(b"ceci n'est pas du son" * 50, "note.mp3") == ""
        assert "pas un enregistrement audio lisible" in app.recording.status.value
        assert app.transcript.value == before  # nothing lost
        assert app.recording.transcribe_upload() == ""
        assert "Choisissez d&#x27;abord un enregistrement" in app.recording.status.value
