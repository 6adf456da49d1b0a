"""« Bac à sable »: type a request, pick a model, watch the answer arrive token by token."""

from __future__ import annotations

import ipywidgets as widgets

from atelier_ia.apps.common import (
    App,
    ModelChoice,
    pseudonymised_note,
    queue_message,
    save_work,
    text_box,
)
from atelier_ia.llm import ChatStats, LLMClient, LLMError

WORKSHOP_ID = "bac-a-sable"


class Playground(App):
    def __init__(self, client: LLMClient | None = None) -> None:
        self.client = client or LLMClient(workshop=WORKSHOP_ID)
        self.prompt = widgets.Textarea(
            description="Votre demande",
            placeholder="Ex. : Propose trois idées d'animations pour la fête du village.",
            layout=widgets.Layout(width="100%", height="120px"),
            style={"description_width": "initial"},
        )
        self.temperature = widgets.FloatSlider(
            description="Température",
            value=0.7,
            min=0.0,
            max=1.5,
            step=0.1,
            style={"description_width": "initial"},
        )
        self.max_tokens = widgets.IntSlider(
            description="Longueur maximale (jetons)",
            value=200,
            min=16,
            max=512,
            step=16,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="420px"),
        )
        self.button = widgets.Button(
            description="Générer",
            button_style="primary",
            tooltip="Envoyer la demande au modèle",
            icon="play",
        )
        self.answer = widgets.HTML(text_box(""))
        self.stats = widgets.HTML()
        self.button.on_click(lambda _: self.generate())
        self.model = ModelChoice(self.client, self.answer)
        self.widget = widgets.VBox(
            [
                widgets.HTML(
                    "<p>Écrivez une demande, choisissez un modèle, puis cliquez sur "
                    "« Générer ». La réponse s'affiche au fil de l'eau.</p>"
                ),
                self.model.banner,
                self.prompt,
                widgets.HBox([self.model.dropdown, self.temperature]),
                self.max_tokens,
                self.button,
                self.answer,
                self.stats,
            ],
            layout=widgets.Layout(max_width="900px"),
        )

    def generate(self) -> str:
        """Stream an answer into the page; return the whole text (also used by tests)."""
        prompt = self.prompt.value.strip()
        if not prompt:
            self.answer.value = text_box(
                "Écrivez d'abord une demande dans la zone de texte.", "error"
            )
            return ""
        if not self.model.ready():
            return ""  # the gateway is still down; the error is on the page
        self.button.disabled = True
        self.stats.value = "<em>Le modèle réfléchit…</em>"
        stats = ChatStats()
        text = ""
        self.answer.value = text_box("")
        try:
            for piece in self.client.stream_chat(
                self.model.value,
                prompt,
                temperature=self.temperature.value,
                max_tokens=self.max_tokens.value,
                stats=stats,
                on_queue=self._show_queue,
            ):
                if not text:
                    self.stats.value = "<em>Le modèle écrit…</em>"
                text += piece
                self.answer.value = text_box(text)
        except LLMError as exc:
            self.answer.value = text_box(str(exc), "error")
            self.stats.value = ""
            return text
        finally:
            self.button.disabled = False
        cut = " (coupée : longueur maximale atteinte)" if stats.done_reason == "length" else ""
        self.stats.value = (
            f"<span class='atelier-stats'>Jetons : {stats.tokens_in} en entrée, "
            f"{stats.tokens_out} en sortie{cut} · {stats.seconds:.1f} s</span>"
        ) + pseudonymised_note(stats.pseudonymised)
        save_work(getattr(self.client, "workshop", ""), prompt, text)
        return text

    def _show_queue(self, position: int) -> None:
        self.stats.value = queue_message(position)
