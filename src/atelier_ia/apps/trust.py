"""« Confiance et transparence »: what the AI Act, the RGPD and the CRPA ask of a local
authority. Three activities: classify uses, write the explicit mention (checked by code), and
make a charter of allowed and forbidden uses to take home. No model is needed here."""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass
from datetime import date

import ipywidgets as widgets

from atelier_ia.apps.common import App, action_button, box, checklist_html
from atelier_ia.checks.mention import check_mention

WORKSHOP_ID = "confiance-transparence"

CATEGORIES = ("Risque minimal", "Obligation de transparence", "Haut risque", "Interdit")


@dataclass(frozen=True)
class Case:
    text: str
    answer: str
    why: str


# Regulation (EU) 2024/1689 (AI Act); CRPA as in force. Explanations are ours, in plain words.
CASES = (
    Case(
        "Un assistant conversationnel répond aux questions des habitants sur le site de la mairie.",
        "Obligation de transparence",
        "Les personnes doivent savoir qu'elles échangent avec une IA (AI Act, art. 50, "
        "paragraphe 1, applicable à partir du 2 août 2026).",
    ),
    Case(
        "Un logiciel note les demandes d'aide sociale facultative pour décider qui en bénéficie.",
        "Haut risque",
        "Évaluer l'éligibilité à des prestations d'aide publique est à haut risque (AI Act, "
        "annexe III, point 5 a) ; une autorité publique qui l'utilise doit d'abord analyser "
        "l'impact sur les droits fondamentaux (art. 27). Chaque décision individuelle porte la "
        "mention explicite du CRPA (art. L311-3-1).",
    ),
    Case(
        "Un système repère les fuites du réseau d'eau potable et commande les vannes de coupure.",
        "Haut risque",
        "Un composant de sécurité de l'approvisionnement en eau est à haut risque (AI Act, "
        "annexe III, point 2 a).",
    ),
    Case(
        "L'article du bulletin municipal est rédigé avec une IA, puis relu et validé par le "
        "directeur de la publication.",
        "Risque minimal",
        "Un texte publié pour informer le public doit dire qu'il a été généré par une IA, sauf "
        "s'il a été relu par une personne qui en porte la responsabilité éditoriale (AI Act, "
        "art. 50, paragraphe 4) : c'est le cas ici.",
    ),
    Case(
        "Les agents utilisent un outil d'IA générative pour préparer leurs brouillons de "
        "courriers.",
        "Risque minimal",
        "Pas d'obligation propre à l'usage, mais la collectivité doit veiller à ce que ses "
        "agents aient une maîtrise suffisante de l'IA (AI Act, art. 4, applicable depuis le "
        "2 février 2025) : c'est l'objet de cet atelier.",
    ),
    Case(
        "Un système note les habitants selon leur comportement pour leur accorder ou refuser "
        "des services.",
        "Interdit",
        "La notation sociale qui entraîne un traitement défavorable est interdite (AI Act, "
        "art. 5, paragraphe 1, point c).",
    ),
)

EXAMPLE_MENTION = (
    "Cette décision a été prise sur le fondement d'un traitement algorithmique qui a pour "
    "finalité de classer les demandes de place en crèche selon les critères adoptés par le "
    "conseil municipal. Vous avez le droit d'obtenir la communication des règles qui "
    "définissent ce traitement et de ses principales caractéristiques, en écrivant au service "
    "petite enfance de la mairie. En cas de refus ou de silence, vous pouvez saisir la "
    "Commission d'accès aux documents administratifs (CADA)."
)

ALLOWED = (
    "Aider à rédiger un brouillon, toujours relu et corrigé par un agent",
    "Résumer ou reformuler des documents publics",
    "Traduire ou simplifier un texte pour le rendre plus lisible",
    "Chercher des idées (animations, titres, plans de présentation)",
)
FORBIDDEN = (
    "Mettre des données personnelles d'usagers dans un service d'IA en ligne",
    "Prendre une décision individuelle sur la seule base d'une réponse d'IA",
    "Confier à l'IA des documents confidentiels ou couverts par un secret",
    "Publier un texte généré sans relecture par une personne responsable",
)

WHY = box(
    "Pourquoi c'est important",
    "Depuis le 2 février 2025, le règlement européen sur l'IA (AI Act) demande aux "
    "collectivités qui utilisent l'IA de former leurs agents. Les usages ne se valent pas : "
    "certains sont libres, d'autres demandent d'informer les personnes, d'autres encore sont "
    "à haut risque ou interdits. Et en France, toute décision individuelle prise sur le "
    "fondement d'un algorithme doit le dire (code des relations entre le public et "
    "l'administration, CRPA).",
)
TAKE_AWAY = box(
    "À retenir",
    "<ul style='margin:4px 0'><li>Une intervention humaine doit être réelle, pas un tampon : "
    "le Défenseur des droits l'a rappelé dans son rapport du 13 novembre 2024.</li>"
    "<li>Décision individuelle + algorithme = mention explicite : finalité, droit d'obtenir "
    "les règles, comment l'exercer.</li><li>Une charte écrite dit à chacun ce qui est permis : "
    "partez d'un besoin, listez les usages permis et interdits (recommandations de la CNIL, "
    "juillet 2024).</li></ul>",
    "#1b6e1b",
)


def charter_markdown(authority: str, allowed: list[str], forbidden: list[str]) -> str:
    name = authority.strip() or "notre collectivité"
    lines = [
        f"# Charte d'usage de l'IA générative — {name}",
        "",
        f"Adoptée le {date.today().strftime('%d/%m/%Y')}.",
        "",
        "## Usages permis",
        "",
    ]
    lines += [f"- {item}" for item in allowed] or ["- (aucun usage retenu)"]
    lines += ["", "## Usages interdits", ""]
    lines += [f"- {item}" for item in forbidden] or ["- (aucun interdit retenu)"]
    lines += [
        "",
        "## Dans tous les cas",
        "",
        "- Un agent relit et assume tout texte produit avec une IA.",
        "- Les agents sont formés (AI Act, art. 4).",
        "- Toute décision individuelle fondée sur un algorithme porte la mention prévue "
        "par le CRPA (art. L311-3-1).",
        "",
    ]
    return "\n".join(lines)


class Trust(App):
    def __init__(self) -> None:
        self.choices = [
            widgets.RadioButtons(
                options=CATEGORIES, value=None, description="", layout=widgets.Layout(width="auto")
            )
            for _ in CASES
        ]
        self.feedback = [widgets.HTML() for _ in CASES]
        self.check_cases_button = action_button("Vérifier mes réponses")
        self.score = widgets.HTML()
        self.mention = widgets.Textarea(
            description="Votre mention",
            placeholder="Cette décision a été prise sur le fondement d'un traitement "
            "algorithmique…",
            layout=widgets.Layout(width="100%", height="120px"),
            style={"description_width": "initial"},
        )
        self.check_mention_button = action_button("Vérifier ma mention")
        self.example_button = widgets.Button(
            description="Voir un exemple", layout=widgets.Layout(width="auto")
        )
        self.mention_result = widgets.HTML()
        self.authority = widgets.Text(
            description="Collectivité",
            value="",
            placeholder="Commune de …",
            style={"description_width": "initial"},
        )
        self.allowed = [
            widgets.Checkbox(
                value=True, description=item, indent=False, layout=widgets.Layout(width="100%")
            )
            for item in ALLOWED
        ]
        self.forbidden = [
            widgets.Checkbox(
                value=True, description=item, indent=False, layout=widgets.Layout(width="100%")
            )
            for item in FORBIDDEN
        ]
        self.charter_button = action_button("Créer la charte")
        self.charter = widgets.HTML()
        self.check_cases_button.on_click(lambda _: self.check_cases())
        self.check_mention_button.on_click(lambda _: self.check_mention())
        self.example_button.on_click(lambda _: setattr(self.mention, "value", EXAMPLE_MENTION))
        self.charter_button.on_click(lambda _: self.make_charter())
        cases = []
        for number, (case, choice, feedback) in enumerate(
            zip(CASES, self.choices, self.feedback, strict=True), start=1
        ):
            cases.append(
                widgets.HTML(f"<p><strong>Cas {number}.</strong> {html.escape(case.text)}</p>")
            )
            cases += [choice, feedback]
        self.widget = widgets.VBox(
            [
                widgets.HTML(WHY),
                widgets.HTML(
                    "<h3>1. Classer les usages</h3><p>Pour chaque cas, choisissez ce "
                    "que l'AI Act en dit, puis vérifiez.</p>"
                ),
                *cases,
                self.check_cases_button,
                self.score,
                widgets.HTML(
                    "<h3>2. Écrire la mention explicite</h3><p>La crèche classe les "
                    "demandes avec un algorithme. Écrivez la phrase qui figurera sur "
                    "chaque décision.</p>"
                ),
                self.mention,
                widgets.HBox([self.check_mention_button, self.example_button]),
                self.mention_result,
                widgets.HTML(
                    "<h3>3. Votre charte d'usage</h3><p>Gardez ou décochez, puis "
                    "téléchargez la charte pour en discuter dans votre service.</p>"
                ),
                self.authority,
                widgets.HTML("<p><strong>Usages permis</strong></p>"),
                *self.allowed,
                widgets.HTML("<p><strong>Usages interdits</strong></p>"),
                *self.forbidden,
                self.charter_button,
                self.charter,
                widgets.HTML(TAKE_AWAY),
            ],
            layout=widgets.Layout(max_width="900px", width="100%"),
        )

    def check_cases(self) -> int:
        right = 0
        for case, choice, feedback in zip(CASES, self.choices, self.feedback, strict=True):
            if choice.value is None:
                feedback.value = (
                    "<p class='atelier-case-missing'><em>Choisissez une réponse.</em></p>"
                )
                continue
            good = choice.value == case.answer
            right += good
            verdict = "✓ Oui : " if good else f"✗ Non, c'est « {case.answer} » : "
            colour = "#1b6e1b" if good else "#a00000"
            feedback.value = (
                f"<p class='atelier-case-{'ok' if good else 'erreur'}' "
                f"style='color:{colour}'><strong>{verdict}</strong>"
                f"{html.escape(case.why)}</p>"
            )
        self.score.value = (
            f"<p class='atelier-score'><strong>{right} bonne(s) réponse(s) sur "
            f"{len(CASES)}.</strong></p>"
        )
        return right

    def check_mention(self) -> list:
        findings = check_mention(self.mention.value)
        self.mention_result.value = checklist_html(findings)
        return findings

    def make_charter(self) -> str:
        text = charter_markdown(
            self.authority.value,
            [item.description for item in self.allowed if item.value],
            [item.description for item in self.forbidden if item.value],
        )
        data = base64.b64encode(text.encode()).decode()
        self.charter.value = (
            f"<a class='atelier-download' download='charte-ia.md' "
            f"href='data:text/markdown;charset=utf-8;base64,{data}'>Télécharger la charte "
            "(fichier Markdown, à ouvrir dans un traitement de texte)</a>"
            f"<pre style='white-space:pre-wrap;border:1px solid #666;padding:8px'>"
            f"{html.escape(text)}</pre>"
        )
        return text
