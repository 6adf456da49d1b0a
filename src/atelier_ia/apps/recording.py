"""« Depuis l'enregistrement »: the first step of the procès-verbal workshop. A recording of the
séance (uploaded, or the shipped sample) is transcribed through the gateway; its segments
appear with their times as they are heard, and the transcript lands in the workshop's
editable text box."""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as widgets

from atelier_ia.apps.common import box, queue_message, text_box
from atelier_ia.data import meeting_recording
from atelier_ia.llm import LLMClient
from atelier_ia.llm.client import LLMError
from atelier_ia.speech.types import clock

ACCEPT = ".wav,.mp3,.m4a,.ogg,.webm,audio/*"
TRANSCRIPT_HEADER = "[Transcription automatique de l'enregistrement : à relire]"

WHY = box(
    "Pourquoi c'est important",
    "<p style='margin:4px 0'>La machine transcrit vite, mais elle <em>entend</em> : les noms "
    "propres, les chiffres et les voix qui se chevauchent sont ses erreurs les plus "
    "fréquentes, et elle écrit toujours quelque chose, même quand elle n'a pas compris. "
    "Relisez la transcription avant d'en tirer un procès-verbal.</p>"
    "<p style='margin:4px 0'>Enregistrer une séance, c'est traiter des données personnelles : "
    "la voix et les propos de chacun (RGPD, art. 4). Les séances du conseil municipal sont "
    "publiques et peuvent être retransmises (CGCT, art. L2121-18), mais les personnes "
    "enregistrées doivent en être informées (RGPD, art. 13), la durée de conservation fixée, "
    "et un service de transcription hors de la collectivité est un sous-traitant qui demande "
    "un contrat (RGPD, art. 28). Ici, le modèle tourne sur le serveur de l'atelier.</p>",
)
DEMO_NOTE = (
    "<p class='atelier-banner' style='background:#fff4ce;color:#111;padding:6px 10px;"
    "border-left:4px solid #b58100'><strong>Modèle de transcription de démonstration</strong> "
    "(Whisper base, 145 Mo, hors ligne) : il comprend le français, mais approximativement, "
    "surtout sur la voix de synthèse de l'exemple. Avec un modèle plus grand (Whisper "
    "large, par l'Albert de l'État ou un serveur de la collectivité), le texte est bien "
    "meilleur ; les erreurs de noms et de chiffres restent à vérifier.</p>"
)


def segment_line(segment: dict) -> str:
    start, end = clock(segment["start"])[3:8], clock(segment["end"])[3:8]
    return (
        f"<div class='atelier-segment'><code>[{start} → {end}]</code> "
        f"{html.escape(segment['text'])}</div>"
    )


class FromRecording:
    """The step's widgets; ``on_transcript`` gets the finished text."""

    def __init__(self, client: LLMClient, on_transcript: Callable[[str], None]) -> None:
        self.client = client
        self.on_transcript = on_transcript
        wide = {"width": "auto"}
        self.upload = widgets.FileUpload(
            accept=ACCEPT, multiple=False, description="Choisir un enregistrement", layout=wide
        )
        self.mine_button = widgets.Button(
            description="Transcrire mon enregistrement", button_style="primary", layout=wide
        )
        self.sample_button = widgets.Button(
            description="Transcrire l'enregistrement d'exemple", layout=wide
        )
        self.progress = widgets.FloatProgress(
            value=0,
            min=0,
            max=1,
            description="Avancement",
            style={"description_width": "initial"},
            layout={"visibility": "hidden"},
        )
        self.status = widgets.HTML()
        self.segments = widgets.HTML()
        self.heard: list[dict] = []
        self.mine_button.on_click(lambda _: self.transcribe_upload())
        self.sample_button.on_click(lambda _: self.transcribe_sample())
        self.widget = widgets.VBox(
            [
                widgets.HTML(
                    "<h3>1. Depuis l'enregistrement</h3><p>Envoyez l'enregistrement de la "
                    "séance (wav, mp3, m4a, ogg, webm), ou essayez celui d'exemple : une "
                    "séance inventée, lue par une voix de synthèse. Sans enregistrement, "
                    "passez à l'étape 2 : la transcription d'exemple y est déjà.</p>"
                ),
                widgets.HTML(DEMO_NOTE),
                widgets.HBox([self.upload, self.mine_button, self.sample_button]),
                self.progress,
                self.status,
                self.segments,
                widgets.HTML(WHY),
            ]
        )

    def transcribe_sample(self) -> str:
        path = meeting_recording()
        return self.transcribe(path.read_bytes(), path.name)

    def transcribe_upload(self) -> str:
        if not self.upload.value:
            self.status.value = text_box(
                "Choisissez d'abord un enregistrement (bouton « Choisir un enregistrement »).",
                "error",
            )
            return ""
        item = self.upload.value[0]
        return self.transcribe(bytes(item["content"]), item["name"])

    def _segment(self, segment: dict) -> None:
        self.heard.append(segment)
        self.segments.value += segment_line(segment)

    def transcribe(self, data: bytes, filename: str) -> str:
        self.heard = []
        self.segments.value = ""
        self.progress.value = 0
        self.progress.layout.visibility = "visible"
        self.status.value = "<em>Envoi de l'enregistrement…</em>"
        buttons = (self.mine_button, self.sample_button)
        for button in buttons:
            button.disabled = True
        try:
            result = self.client.transcribe(
                data,
                filename,
                on_segment=self._segment,
                on_progress=lambda done: setattr(self.progress, "value", done),
                on_queue=lambda position: setattr(self.status, "value", queue_message(position)),
            )
        except LLMError as exc:
            self.status.value = text_box(str(exc), "error")
            return ""
        finally:
            for button in buttons:
                button.disabled = False
        self.progress.value = 1
        lines = "\n".join(s["text"] for s in self.heard if s["text"])
        text = f"{TRANSCRIPT_HEADER}\n{lines}" if lines else ""
        if not text:
            self.status.value = text_box("Aucune parole n'a été reconnue.", "error")
            return ""
        self.status.value = (
            f"<p>Transcription terminée : {len(self.heard)} passage(s). Elle est à l'étape 2, "
            "où vous pouvez la corriger.</p>"
        )
        self.on_transcript(text)
        return result["text"]
