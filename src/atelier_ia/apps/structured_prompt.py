"""« Structurer une demande »: answer a citizen's letter with a vague request, then with a
structured one (role, context, task, format), and let code check each answer for the elements
an administration's letter needs."""

from __future__ import annotations

import ipywidgets as widgets

from atelier_ia.apps.common import (
    App,
    ModelChoice,
    action_button,
    box,
    checklist_html,
    stream_answer,
    text_box,
)
from atelier_ia.checks.courrier import check_reply
from atelier_ia.data import streetlight_letter
from atelier_ia.llm import LLMClient

WORKSHOP_ID = "structurer-une-demande"

WHY = box(
    "Pourquoi c'est important",
    "Un modèle ne sait rien de votre commune, de vos délais ni de vos usages. Une demande "
    "vague laisse le modèle deviner, et il devine en inventant. Une demande structurée lui "
    "donne un <em>rôle</em>, le <em>contexte</em> qu'il ne peut pas connaître, une "
    "<em>tâche</em> précise et le <em>format</em> attendu.",
)
TAKE_AWAY = box(
    "À retenir",
    "<ul style='margin:4px 0'><li>Rôle + contexte + tâche + format : quatre lignes qui "
    "changent la réponse.</li><li>Les faits (dates, numéros, décisions) viennent de vous, "
    "jamais du modèle : donnez-les dans le contexte.</li><li>Un programme peut vérifier la "
    "forme (objet, formule d'appel, contact…) ; le fond, c'est à vous de le relire.</li></ul>",
    "#1b6e1b",
)

DEFAULTS = {
    "role": "Tu es agent d'accueil de la mairie, courtois, précis et bref.",
    "context": "La pièce du lampadaire est commandée ; la réparation est prévue la semaine "
    "prochaine ; un éclairage provisoire sera posé jeudi. Service technique : 05 53 00 00 00, "
    "du lundi au vendredi.",
    "task": "Rédige la réponse de la mairie à ce courrier.",
    "format": "Une lettre : une ligne « Objet : », une formule d'appel, deux ou trois phrases "
    "de réponse, un contact, une formule de politesse. 150 mots au plus.",
}


def structured_prompt(role: str, context: str, task: str, fmt: str, letter: str) -> str:
    return (
        f"{role.strip()}\n\nContexte : {context.strip()}\n\nTâche : {task.strip()}\n\n"
        f"Format attendu : {fmt.strip()}\n\nCourrier reçu :\n{letter}"
    )


class StructuredPrompt(App):
    def __init__(self, client: LLMClient | None = None) -> None:
        self.client = client or LLMClient(workshop=WORKSHOP_ID)
        self.letter = streetlight_letter()
        field = {"layout": widgets.Layout(width="100%"), "style": {"description_width": "80px"}}
        self.vague = widgets.Textarea(
            value="Réponds à ce courrier.", description="Demande", **field
        )
        self.role = widgets.Textarea(value=DEFAULTS["role"], description="Rôle", **field)
        self.context = widgets.Textarea(value=DEFAULTS["context"], description="Contexte", **field)
        self.task = widgets.Textarea(value=DEFAULTS["task"], description="Tâche", **field)
        self.format = widgets.Textarea(value=DEFAULTS["format"], description="Format", **field)
        self.vague_button = action_button("Essayer la demande vague")
        self.structured_button = action_button("Essayer la demande structurée")
        self.status = widgets.HTML()
        self.vague_answer, self.vague_check = widgets.HTML(), widgets.HTML()
        self.structured_answer, self.structured_check = widgets.HTML(), widgets.HTML()
        self.model = ModelChoice(self.client, self.status)
        self.vague_button.on_click(lambda _: self.try_vague())
        self.structured_button.on_click(lambda _: self.try_structured())
        column = widgets.Layout(width="50%", padding="0 8px")
        self.widget = widgets.VBox(
            [
                widgets.HTML(WHY),
                widgets.HTML(
                    "<p><strong>Le courrier reçu</strong> (la personne est "
                    "inventée) :</p>" + text_box(self.letter)
                ),
                self.model.banner,
                self.model.dropdown,
                self.status,
                widgets.HBox(
                    [
                        widgets.VBox(
                            [
                                widgets.HTML("<h3>1. Demande vague</h3>"),
                                self.vague,
                                self.vague_button,
                                self.vague_answer,
                                self.vague_check,
                            ],
                            layout=column,
                        ),
                        widgets.VBox(
                            [
                                widgets.HTML("<h3>2. Demande structurée</h3>"),
                                self.role,
                                self.context,
                                self.task,
                                self.format,
                                self.structured_button,
                                self.structured_answer,
                                self.structured_check,
                            ],
                            layout=column,
                        ),
                    ]
                ),
                widgets.HTML(TAKE_AWAY),
            ],
            layout=widgets.Layout(max_width="1100px", width="100%"),
        )

    def try_vague(self) -> str:
        prompt = f"{self.vague.value.strip()}\n\n{self.letter}"
        return self._run(prompt, self.vague_button, self.vague_answer, self.vague_check)

    def try_structured(self) -> str:
        prompt = structured_prompt(
            self.role.value, self.context.value, self.task.value, self.format.value, self.letter
        )
        return self._run(
            prompt, self.structured_button, self.structured_answer, self.structured_check
        )

    def _run(self, prompt: str, button, answer, check) -> str:
        if not self.model.ready():
            return ""
        check.value = ""
        # Temperature 0: the same request gives the same answer, so the two can be compared.
        text = stream_answer(
            self.client,
            self.model.value,
            prompt,
            show=lambda text: setattr(answer, "value", text_box(text)),
            status=self.status,
            button=button,
            temperature=0.0,
            max_tokens=320,
        )
        if text is None:
            return ""
        check.value = checklist_html(check_reply(text))
        return text
