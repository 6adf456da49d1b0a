"""Speech-to-text, measured (not a test): `.venv/bin/python -m bench.transcription`.

On the embedded Whisper base model (speech/embedded.DECODING, the gateway's), with French speech
synthesised by espeak-ng:

- real-time factor (seconds of work per second of audio), directly with faster-whisper in this
  process and through the gateway over HTTP, alternately, and their ratio;
- word error rate against the script: for the workshop's sample recording and for three more
  texts written for the bench (not the ones the tests check);
- the room's chat beside a transcription: time to first token of the embedded chat model for
  a few people asking in turn, without and then with a long transcription running, and the
  ratio of the medians.

Writes bench/results/transcription.json.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from atelier_ia.data import meeting_recording, meeting_script  # noqa: E402
from atelier_ia.llm.client import LLMClient  # noqa: E402
from atelier_ia.settings import EMBEDDED_MODEL, EMBEDDED_SPEECH_MODEL, Settings  # noqa: E402
from atelier_ia.speech.audio import SAMPLE_RATE, decode  # noqa: E402
from atelier_ia.speech.embedded import DECODING  # noqa: E402
from atelier_ia.speech.whisper_model import model_dir  # noqa: E402
from bench import write_result  # noqa: E402
from tests.gateway_harness import RunningGateway, token_for  # noqa: E402
from tests.speech_audio import synthesise, word_error_rate  # noqa: E402

ROUNDS = 3
TEXTS = {
    "voirie": (
        "Monsieur le maire présente le programme de voirie. La réfection de la rue des "
        "Tilleuls coûtera 86 000 euros. Le conseil approuve par 14 voix pour et 3 contre."
    ),
    "ecole": (
        "Madame Durand, adjointe aux affaires scolaires, annonce l'ouverture d'une classe "
        "à la rentrée. Les effectifs passent de 112 à 131 élèves."
    ),
    "courrier": (
        "Nous avons reçu le courrier d'un habitant au sujet de l'éclairage public. Il demande "
        "que les lampadaires restent allumés jusqu'à minuit le samedi."
    ),
}
CHAT_PEOPLE = 4
CHAT_PROMPT = "Proposez un titre pour la réunion publique sur le budget."


def direct_rtf(model, path: Path) -> tuple[float, str]:
    data = path.read_bytes()
    samples = decode(data, 3600)
    start = time.perf_counter()
    segments, _ = model.transcribe(samples, **DECODING, language="fr")
    text = " ".join(s.text.strip() for s in segments)
    return (time.perf_counter() - start) / (samples.size / SAMPLE_RATE), text


def gateway_rtf(gw: RunningGateway, path: Path, seconds: float) -> tuple[float, str]:
    start = time.perf_counter()
    with path.open("rb") as audio:
        response = httpx.post(
            f"{gw.url}/v1/audio/transcriptions",
            headers=gw.headers("mesure"),
            data={"model": EMBEDDED_SPEECH_MODEL, "language": "fr"},
            files={"file": (path.name, audio)},
            timeout=600,
        )
    response.raise_for_status()
    return (time.perf_counter() - start) / seconds, response.json()["text"]


def chat_ttft(gw: RunningGateway) -> list[float]:
    """Each person asks once, one after the other (a calm room): seconds to the first token."""
    times = []
    for i in range(CHAT_PEOPLE):
        client = LLMClient(host=gw.url, token=token_for(f"salle{i}"), workshop="bench")
        start = time.perf_counter()
        for _ in client.stream_chat(EMBEDDED_MODEL, CHAT_PROMPT, max_tokens=16):
            times.append(time.perf_counter() - start)
            break
    return times


def main() -> None:
    from faster_whisper import WhisperModel

    tmp = Path(tempfile.mkdtemp(prefix="bench-transcription-"))
    settings = Settings.model_validate({"state_dir": str(tmp)})
    threads = settings.speech.threads
    model = WhisperModel(
        str(model_dir(settings.models_dir)),
        device="cpu",
        compute_type="int8",
        cpu_threads=threads,
        local_files_only=True,
    )
    clips = {"exemple de l'atelier": (meeting_recording(), meeting_script())}
    for name, text in TEXTS.items():
        clips[name] = (synthesise(text, tmp / f"{name}.wav"), text)
    rows = []
    with RunningGateway(settings) as gw:
        gateway_rtf(gw, clips["voirie"][0], 1.0)  # loads the model in the gateway
        for name, (path, script) in clips.items():
            seconds = decode(path.read_bytes(), 3600).size / SAMPLE_RATE
            direct, through = [], []
            for round_ in range(ROUNDS):
                order = ("direct", "gateway") if round_ % 2 == 0 else ("gateway", "direct")
                for how in order:
                    if how == "direct":
                        rtf, text = direct_rtf(model, path)
                        direct.append(rtf)
                    else:
                        rtf, heard = gateway_rtf(gw, path, seconds)
                        through.append(rtf)
            rows.append(
                {
                    "clip": name,
                    "audio_s": round(seconds, 1),
                    "rtf_direct": round(statistics.median(direct), 3),
                    "rtf_gateway": round(statistics.median(through), 3),
                    "gateway_over_direct": round(
                        statistics.median(through) / statistics.median(direct), 3
                    ),
                    "wer": round(word_error_rate(script, heard), 3),
                    "heard": heard,
                }
            )
        # The chat beside a transcription of the longest clip, repeated.
        calm = chat_ttft(gw)
        long_clip = tmp / "long.wav"
        synthesise(" ".join(list(TEXTS.values()) * 3), long_clip)
        busy: list[float] = []
        worker = threading.Thread(
            target=lambda: gateway_rtf(gw, long_clip, 1.0), name="transcription", daemon=True
        )
        worker.start()
        time.sleep(2)  # the transcription has its slot
        busy = chat_ttft(gw)
        worker.join(timeout=600)
    chat = {
        "people": CHAT_PEOPLE,
        "ttft_alone_s": [round(v, 3) for v in calm],
        "ttft_beside_transcription_s": [round(v, 3) for v in busy],
        "median_ratio": round(statistics.median(busy) / statistics.median(calm), 3),
    }
    print(f"Whisper base, int8, {threads} fil(s) de calcul ; facteur temps réel (médiane)")
    print(f"{'extrait':22}{'durée':>7}{'direct':>9}{'passerelle':>12}{'rapport':>9}{'TEM':>7}")
    for r in rows:
        print(
            f"{r['clip']:22}{r['audio_s']:>6}s{r['rtf_direct']:>9}{r['rtf_gateway']:>12}"
            f"{r['gateway_over_direct']:>9}{r['wer']:>7}"
        )
    print(
        f"\nchat (1er mot, médiane) : seul {statistics.median(calm):.2f} s, à côté d'une "
        f"transcription {statistics.median(busy):.2f} s, rapport {chat['median_ratio']}"
    )
    write_result(
        "transcription",
        {
            "what": "Whisper base through faster-whisper: real-time factor direct and through "
            "the gateway, word error rate against the script, chat time to first token "
            "beside a transcription",
            "threads": threads,
            "rounds": ROUNDS,
            "clips": rows,
            "chat": chat,
        },
    )


if __name__ == "__main__":
    main()
