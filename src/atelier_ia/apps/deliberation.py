"""« Rédiger une délibération »: fill in the facts, let the model draft, then « Vérifier »:
code checks the draft against the CGCT's rules and against the form, finding by finding."""

from __future__ import annotations

import ipywidgets as widgets

from atelier_ia.apps.common import (
    App,
    ModelChoice,
    box,
    checklist_html,
    stream_answer,
)
from atelier_ia.checks.deliberation import DeliberationForm, check_deliberation
from atelier_ia.llm import LLMClient

WORKSHOP_ID = "rediger-une-deliberation"

WHY = box(
    "Pourquoi c'est important",
    "Une délibération est un acte juridique : une date fausse, un quorum non atteint ou un "
    "article de loi inventé peuvent la rendre illégale. Un modèle de langue écrit vite et avec "
    "assurance… y compris des chiffres et des articles qui n'existent pas. Ici, le modèle "
    "rédige ; le programme vérifie, règle par règle, et vous corrigez.",
)
TAKE_AWAY = box(
    "À retenir",
    "<ul style='margin:4px 0'><li>Les faits (dates, effectifs, votes, montants) viennent du "
    "formulaire, jamais du modèle.</li><li>Tout article cité se vérifie sur Légifrance.</li>"
    "<li>La délibération est signée par le maire et le ou la secrétaire de séance (CGCT, "
    "art. L2121-23) : c'est leur responsabilité, pas celle de l'outil.</li></ul>",
    "#1b6e1b",
)
EXAMPLE = DeliberationForm(
    objet="Attribution d'une subvention à l'association « Les Amis de la Bastide »",
    date_seance="12 mars 2025",
    date_convocation="5 mars 2025",
    en_exercice=15,
    presents=11,
    representes=2,
    votants=13,
    pour=12,
    contre=1,
    abstentions=0,
    secretaire="Claire Dumas",
    maire="Jean Castaing",
    contexte="Subvention de 1 500 € à l'association, qui anime le marché de Noël et la fête "
    "de la bastide ; demande reçue le 10 février 2025 ; crédits inscrits au budget primitif. "
    "(Exemple : personnes inventées.)",
)


def draft_prompt(form: DeliberationForm) -> str:
    return (
        "Tu es secrétaire de mairie. Rédige le projet de délibération du conseil municipal "
        "ci-dessous, en français administratif.\n\n"
        f"Objet : {form.objet}\nSéance du {form.date_seance} ; convocation du "
        f"{form.date_convocation}.\nMembres en exercice : {form.en_exercice} ; présents : "
        f"{form.presents} ; représentés : {form.representes} ; votants : {form.votants}.\n"
        f"Vote : pour {form.pour}, contre {form.contre}, abstentions {form.abstentions}.\n"
        f"Secrétaire de séance : {form.secretaire}. Maire : {form.maire}.\n"
        f"Faits : {form.contexte}\n\n"
        "Structure attendue : en-tête (séance, convocation, effectifs, secrétaire), « Objet : », "
        "des lignes « Vu … » citant le code général des collectivités territoriales, des "
        "« Considérant … », « Après en avoir délibéré, », « DÉCIDE : », « Article 1er », "
        "« Article 2 »…, le résultat du vote, puis les signatures du maire et du secrétaire de "
        "séance. N'invente aucune date, aucun montant, aucun nom : utilise seulement ceux "
        "donnés ici."
    )


class Deliberation(App):
    def __init__(self, client: LLMClient | None = None) -> None:
        self.client = client or LLMClient(workshop=WORKSHOP_ID)
        style = {"description_width": "190px"}
        wide = widgets.Layout(width="100%")
        self.objet = widgets.Text(
            description="Objet", value=EXAMPLE.objet, style=style, layout=wide
        )
        self.date_seance = widgets.Text(
            description="Date de la séance", value=EXAMPLE.date_seance, style=style
        )
        self.date_convocation = widgets.Text(
            description="Date de convocation", value=EXAMPLE.date_convocation, style=style
        )
        self.numbers = {
            key: widgets.BoundedIntText(
                description=label, value=getattr(EXAMPLE, key), min=0, max=200, style=style
            )
            for key, label in (
                ("en_exercice", "Membres en exercice"),
                ("presents", "Présents"),
                ("representes", "Représentés (pouvoirs)"),
                ("votants", "Votants"),
                ("pour", "Pour"),
                ("contre", "Contre"),
                ("abstentions", "Abstentions"),
            )
        }
        self.secretaire = widgets.Text(
            description="Secrétaire de séance", value=EXAMPLE.secretaire, style=style
        )
        self.maire = widgets.Text(description="Maire", value=EXAMPLE.maire, style=style)
        self.contexte = widgets.Textarea(
            description="Faits et motifs",
            value=EXAMPLE.contexte,
            style=style,
            layout=widgets.Layout(width="100%", height="80px"),
        )
        self.draft_button = widgets.Button(description="Rédiger le projet", button_style="primary")
        self.draft = widgets.Textarea(
            description="Projet (modifiable)",
            style=style,
            layout=widgets.Layout(width="100%", height="360px"),
        )
        self.check_button = widgets.Button(description="Vérifier", button_style="primary")
        self.status = widgets.HTML()
        self.result = widgets.HTML()
        self.model = ModelChoice(self.client, self.status)
        self.draft_button.on_click(lambda _: self.write_draft())
        self.check_button.on_click(lambda _: self.check())
        self.widget = widgets.VBox(
            [
                widgets.HTML(WHY),
                widgets.HTML("<h3>1. Les faits</h3><p>Complétez (l'exemple est inventé).</p>"),
                self.objet,
                self.date_seance,
                self.date_convocation,
                *self.numbers.values(),
                self.secretaire,
                self.maire,
                self.contexte,
                widgets.HTML("<h3>2. Le projet</h3>"),
                self.model.banner,
                self.model.dropdown,
                self.draft_button,
                self.status,
                self.draft,
                widgets.HTML(
                    "<h3>3. La vérification</h3><p>Vous pouvez aussi coller votre "
                    "propre projet dans la zone ci-dessus.</p>"
                ),
                self.check_button,
                self.result,
                widgets.HTML(TAKE_AWAY),
            ],
            layout=widgets.Layout(max_width="900px", width="100%"),
        )

    def form(self) -> DeliberationForm:
        return DeliberationForm(
            objet=self.objet.value,
            date_seance=self.date_seance.value,
            date_convocation=self.date_convocation.value,
            secretaire=self.secretaire.value,
            maire=self.maire.value,
            contexte=self.contexte.value,
            **{key: widget.value for key, widget in self.numbers.items()},
        )

    def write_draft(self) -> str:
        if not self.model.ready():
            return ""
        self.result.value = ""
        text = stream_answer(
            self.client,
            self.model.value,
            draft_prompt(self.form()),
            show=lambda text: setattr(self.draft, "value", text),
            status=self.status,
            button=self.draft_button,
            waiting="Le modèle rédige…",
            temperature=0.2,
            max_tokens=700,
        )
        if text is not None:
            self.status.value = "<p>Projet rédigé. Relisez-le, puis cliquez sur « Vérifier ».</p>"
        return text or ""

    def check(self) -> list:
        findings = check_deliberation(self.draft.value, self.form())
        self.result.value = checklist_html(findings, self.draft.value)
        return findings
