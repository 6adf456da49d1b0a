"""The opening and closing quiz: the same nine questions before and after the day, so that the
trainer can compare what the room knew and what it learnt."""

from __future__ import annotations

import html
from dataclasses import dataclass

import ipywidgets as widgets

from atelier_ia.apps.common import App, action_button, box, text_box
from atelier_ia.llm import LLMClient, LLMError

WORKSHOP_ID = "quiz"
PHASES = (("Au début de la journée", "avant"), ("À la fin de la journée", "apres"))


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    choices: tuple[str, ...]
    answer: str
    why: str


QUESTIONS = (
    Question(
        "mot_suivant",
        "Pour écrire, un modèle de langue choisit chaque mot…",
        (
            "en cherchant la réponse dans une base de faits vérifiés",
            "en tirant au sort parmi les mots les plus probables",
            "en recopiant une page Internet",
        ),
        "en tirant au sort parmi les mots les plus probables",
        "Il prolonge le texte mot après mot, selon des probabilités : probable n'est pas vrai.",
    ),
    Question(
        "assurance",
        "Une réponse d'IA rédigée avec assurance…",
        (
            "est forcément exacte",
            "peut être inventée et doit être vérifiée",
            "cite toujours ses sources",
        ),
        "peut être inventée et doit être vérifiée",
        "Un modèle peut inventer un article de loi ou un chiffre sur le même ton qu'un fait.",
    ),
    Question(
        "temperature",
        "Le réglage « température » d'un modèle…",
        (
            "règle la part de hasard dans le choix des mots",
            "règle sa vitesse",
            "règle la longueur de la réponse",
        ),
        "règle la part de hasard dans le choix des mots",
        "À 0, le modèle prend toujours le mot le plus probable ; plus haut, il varie.",
    ),
    Question(
        "donnees",
        "Coller le courrier d'un usager (nom, adresse) dans un service d'IA en ligne…",
        (
            "ne pose aucun problème",
            "transmet des données personnelles à un tiers",
            "est interdit seulement le week-end",
        ),
        "transmet des données personnelles à un tiers",
        "La CNIL recommande de ne pas mettre de données personnelles dans les demandes.",
    ),
    Question(
        "pseudonymes",
        "Des données pseudonymisées (noms remplacés par des étiquettes)…",
        (
            "ne sont plus des données personnelles",
            "restent des données personnelles",
            "sont des données anonymes",
        ),
        "restent des données personnelles",
        "RGPD, considérant 26 : tant que la table de correspondance existe, ce sont des "
        "données personnelles.",
    ),
    Question(
        "formation",
        "Depuis quand le règlement européen sur l'IA demande-t-il de former "
        "les agents qui utilisent l'IA ?",
        ("depuis le 2 février 2025", "à partir du 2 août 2026", "il ne le demande pas"),
        "depuis le 2 février 2025",
        "AI Act, article 4, applicable depuis le 2 février 2025.",
    ),
    Question(
        "mention",
        "Une décision individuelle prise sur le fondement d'un algorithme doit…",
        ("rester secrète", "porter une mention explicite", "être signée par le préfet"),
        "porter une mention explicite",
        "CRPA, art. L311-3-1 : finalité, droit d'obtenir les règles, et comment l'exercer.",
    ),
    Question(
        "compte_rendu",
        "Le « compte rendu » des séances du conseil municipal…",
        (
            "est obligatoire depuis 2022",
            "a été remplacé par le procès-verbal et la liste des délibérations",
            "peut être rédigé par l'IA sans relecture",
        ),
        "a été remplacé par le procès-verbal et la liste des délibérations",
        "Depuis le 1er juillet 2022 (CGCT, art. L2121-15 et L2121-25).",
    ),
    Question(
        "demande",
        "Pour qu'un modèle réponde bien au courrier d'un usager, on lui donne…",
        (
            "une phrase courte",
            "un rôle, le contexte, la tâche et le format",
            "le plus de mots-clés possible",
        ),
        "un rôle, le contexte, la tâche et le format",
        "Rôle + contexte + tâche + format : le modèle n'a pas à deviner.",
    ),
)


def score(answers: dict[str, str | None]) -> int:
    return sum(answers.get(q.key) == q.answer for q in QUESTIONS)


class Quiz(App):
    def __init__(self, client: LLMClient | None = None) -> None:
        self.client = client or LLMClient(workshop=WORKSHOP_ID)
        self.phase = widgets.ToggleButtons(
            options=PHASES,
            value="avant",
            description="Moment",
            style={"description_width": "initial"},
        )
        self.choices = {
            q.key: widgets.RadioButtons(
                options=q.choices, value=None, layout=widgets.Layout(width="auto")
            )
            for q in QUESTIONS
        }
        self.feedback = {q.key: widgets.HTML() for q in QUESTIONS}
        self.submit = action_button("Valider mes réponses")
        self.result = widgets.HTML()
        self.submit.on_click(lambda _: self.validate())
        items: list[widgets.Widget] = []
        for number, q in enumerate(QUESTIONS, start=1):
            items += [
                widgets.HTML(f"<p><strong>{number}. {html.escape(q.text)}</strong></p>"),
                self.choices[q.key],
                self.feedback[q.key],
            ]
        self.widget = widgets.VBox(
            [
                widgets.HTML(
                    box(
                        "Le quiz",
                        "Neuf questions, sans piège. Répondez au début de la "
                        "journée, puis à la fin : vous verrez ce que vous avez appris. "
                        "Vos réponses sont anonymes pour le reste du groupe.",
                    )
                ),
                self.phase,
                *items,
                self.submit,
                self.result,
            ],
            layout=widgets.Layout(max_width="900px", width="100%"),
        )

    def answers(self) -> dict[str, str | None]:
        return {key: widget.value for key, widget in self.choices.items()}

    def validate(self) -> int:
        answers = self.answers()
        if any(value is None for value in answers.values()):
            self.result.value = text_box(
                "Répondez à toutes les questions avant de valider.", "error"
            )
            return -1
        points = score(answers)
        for q in QUESTIONS:
            good = answers[q.key] == q.answer
            colour = "#1b6e1b" if good else "#a00000"
            verdict = "✓ Juste" if good else f"✗ La bonne réponse : « {q.answer} »"
            why = html.escape(q.why)
            self.feedback[
                q.key
            ].value = f"<p style='color:{colour}'><strong>{verdict}.</strong> {why}</p>"
        try:
            self.client.record(
                "quiz", {"phase": self.phase.value, "score": points, "answers": answers}
            )
            history = self.client.my_records("quiz")
            kept = "Vos réponses sont enregistrées."
        except LLMError as exc:
            history, kept = [], f"Vos réponses n'ont pas pu être enregistrées : {exc}"
        before = [r["payload"]["score"] for r in history if r["payload"].get("phase") == "avant"]
        after = [r["payload"]["score"] for r in history if r["payload"].get("phase") == "apres"]
        progress = ""
        if before and after:
            progress = (
                f" Au début de la journée : {before[-1]} sur {len(QUESTIONS)} ; à la "
                f"fin : {after[-1]} sur {len(QUESTIONS)}."
            )
        self.result.value = (
            f"<p class='atelier-score'><strong>{points} bonne(s) réponse(s) sur "
            f"{len(QUESTIONS)}.</strong> {html.escape(kept + progress)}</p>"
        )
        return points
