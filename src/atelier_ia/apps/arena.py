"""« Comparer les modèles »: two answers to the same question, from two models the person does
not know; they vote, then the models are revealed (name, size, speed). Votes are kept for the
trainer's view of the room."""

from __future__ import annotations

import html
import random
from dataclasses import dataclass

import ipywidgets as widgets

from atelier_ia.apps.common import App, box, queue_message, text_box
from atelier_ia.llm import ChatStats, LLMClient, LLMError

WORKSHOP_ID = "comparer-les-modeles"

WHY = box(
    "Pourquoi c'est important",
    "Tous les modèles ne se valent pas : taille, langue d'entraînement, réglages changent la "
    "réponse, la vitesse et l'énergie consommée. Les comparer à l'aveugle évite de juger sur "
    "la réputation. Le service public compar:IA propose la même expérience à grande échelle.",
)
TAKE_AWAY = box(
    "À retenir",
    "<ul style='margin:4px 0'><li>Un modèle plus gros répond souvent mieux, mais plus "
    "lentement et en consommant davantage.</li><li>Un modèle entraîné surtout en anglais peut "
    "mal connaître les institutions françaises.</li><li>Choisissez le plus petit modèle qui "
    "suffit à votre usage.</li></ul>",
    "#1b6e1b",
)


@dataclass
class Contender:
    model: str
    temperature: float
    text: str = ""
    stats: ChatStats | None = None

    def speed(self) -> float:
        if not self.stats or not self.stats.seconds:
            return 0.0
        return self.stats.tokens_out / self.stats.seconds


def pick_contenders(models: list[str], rng: random.Random) -> tuple[Contender, Contender, bool]:
    """Two different models when the catalogue has them; else one model at two temperatures
    (the bool says which)."""
    if len(models) >= 2:
        first, second = rng.sample(models, 2)
        return Contender(first, 0.3), Contender(second, 0.3), True
    pair = [Contender(models[0], 0.2), Contender(models[0], 1.2)]
    rng.shuffle(pair)
    return pair[0], pair[1], False


class Arena(App):
    def __init__(self, client: LLMClient | None = None, rng: random.Random | None = None) -> None:
        self.client = client or LLMClient(workshop=WORKSHOP_ID)
        self.rng = rng or random.Random()
        self.pair: tuple[Contender, Contender] | None = None
        self.two_models = False
        self.question = widgets.Textarea(
            value="Explique en trois phrases à quoi sert un conseil municipal.",
            description="Votre question",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%", height="70px"),
        )
        self.start_button = widgets.Button(description="Lancer le duel", button_style="primary")
        self.status = widgets.HTML()
        self.answers = [widgets.HTML(), widgets.HTML()]
        self.vote_buttons = [
            widgets.Button(description=label, disabled=True, layout=widgets.Layout(width="auto"))
            for label in ("A est meilleure", "Égalité", "B est meilleure")
        ]
        self.reveal = widgets.HTML()
        self.start_button.on_click(lambda _: self.duel())
        for button, choice in zip(self.vote_buttons, ("A", "egalite", "B"), strict=True):
            button.on_click(lambda _, choice=choice: self.vote(choice))
        column = widgets.Layout(width="50%", padding="0 8px")
        self.widget = widgets.VBox(
            [
                widgets.HTML(WHY),
                self.question,
                self.start_button,
                self.status,
                widgets.HBox(
                    [
                        widgets.VBox(
                            [widgets.HTML("<h3>Réponse A</h3>"), self.answers[0]], layout=column
                        ),
                        widgets.VBox(
                            [widgets.HTML("<h3>Réponse B</h3>"), self.answers[1]], layout=column
                        ),
                    ]
                ),
                widgets.HBox(self.vote_buttons),
                self.reveal,
                widgets.HTML(TAKE_AWAY),
            ],
            layout=widgets.Layout(max_width="1100px", width="100%"),
        )

    def duel(self) -> tuple[str, str]:
        try:
            models = self.client.list_models()
        except LLMError as exc:
            self.status.value = text_box(str(exc), "error")
            return "", ""
        if not models:
            self.status.value = text_box("Aucun modèle disponible.", "error")
            return "", ""
        first, second, self.two_models = pick_contenders(models, self.rng)
        self.pair = (first, second)
        self.reveal.value = ""
        self.start_button.disabled = True
        for button in self.vote_buttons:
            button.disabled = True
        try:
            for contender, answer in zip(self.pair, self.answers, strict=True):
                contender.stats = ChatStats()
                answer.value = text_box("")
                for piece in self.client.stream_chat(
                    contender.model,
                    self.question.value,
                    temperature=contender.temperature,
                    max_tokens=200,
                    seed=self.rng.randrange(1_000_000),
                    stats=contender.stats,
                    on_queue=lambda p: setattr(self.status, "value", queue_message(p)),
                ):
                    contender.text += piece
                    answer.value = text_box(contender.text)
                self.status.value = ""
        except LLMError as exc:
            self.status.value = text_box(str(exc), "error")
            return first.text, second.text
        finally:
            self.start_button.disabled = False
        self.status.value = "<p>Lisez les deux réponses, puis votez.</p>"
        for button in self.vote_buttons:
            button.disabled = False
        return first.text, second.text

    def vote(self, choice: str) -> None:
        if self.pair is None:
            return
        for button in self.vote_buttons:
            button.disabled = True
        first, second = self.pair
        payload = {
            "question": self.question.value[:500],
            "choice": choice,
            "A": {"model": first.model, "temperature": first.temperature},
            "B": {"model": second.model, "temperature": second.temperature},
        }
        try:
            self.client.record("arene", payload)
            kept = "Votre vote est enregistré."
        except LLMError as exc:
            kept = f"Votre vote n'a pas pu être enregistré : {exc}"
        try:
            details = self.client.model_details()
        except LLMError:
            details = {}
        rows = "".join(
            self._reveal_row(name, c, details) for name, c in zip("AB", self.pair, strict=True)
        )
        note = (
            ""
            if self.two_models
            else (
                "<p>Le catalogue ne compte qu'un modèle : le duel oppose deux réglages de "
                "température du même modèle. Avec Ollama, comparez de vrais modèles.</p>"
            )
        )
        self.reveal.value = (
            f"<div class='atelier-reveal'><p>{html.escape(kept)}</p>{note}"
            "<table><thead><tr><th scope='col'>Réponse</th><th scope='col'>"
            "Modèle</th><th scope='col'>Taille</th><th scope='col'>Température"
            "</th><th scope='col'>Vitesse</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></div>"
        )

    @staticmethod
    def _reveal_row(name: str, contender: Contender, details: dict) -> str:
        info = details.get(contender.model, {})
        label = info.get("label") or contender.model
        size = info.get("parameter_size") or "?"
        return (
            f"<tr><td>{name}</td><td>{html.escape(label)}</td><td>{html.escape(size)}</td>"
            f"<td>{contender.temperature}</td><td>{contender.speed():.0f} jetons/s</td></tr>"
        )
