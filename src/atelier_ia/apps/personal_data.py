"""« Données personnelles »: find the personal data in a citizen's letter, pseudonymise it,
ask the model, then put the names back. Detection is code (atelier_ia.privacy); the model only
drafts the answer."""

from __future__ import annotations

import html

import ipywidgets as widgets

from atelier_ia.apps.common import App, ModelChoice, stream_answer, text_box
from atelier_ia.data import example_letter
from atelier_ia.llm import LLMClient
from atelier_ia.privacy import Finding, Pseudonymiser, find

WORKSHOP_ID = "donnees-personnelles"

# Colour and a written label for each kind: the label carries the meaning, not the colour.
COLOURS = {
    "PERSONNE": "#ffd6a5",
    "EMAIL": "#caffbf",
    "TELEPHONE": "#9bf6ff",
    "ADRESSE": "#bdb2ff",
    "NIR": "#ffadad",
    "IBAN": "#ffadad",
    "SIRET": "#fdffb6",
    "SIREN": "#fdffb6",
    "DATE_NAISSANCE": "#ffc6ff",
    "PLAQUE": "#e0e0e0",
    "NUMERO_DOSSIER": "#e0e0e0",
}

WHY_IT_MATTERS = (
    "<div class='atelier-box' role='note' style='border-left:6px solid #0b3d91;padding:8px 12px;"
    "background:#eef3fb;color:#111'><strong>Pourquoi c'est important</strong><br>"
    "Les courriers des usagers contiennent des noms, des adresses, des numéros. Les coller tels "
    "quels dans un service d'IA en ligne, c'est confier ces données à un tiers, parfois hors de "
    "l'Union européenne. La CNIL recommande aux administrations de ne pas mettre de données "
    "personnelles dans leurs demandes à une IA générative (questions-réponses du 18 juillet "
    "2024).</div>"
)
LAW = (
    "<div class='atelier-box' role='note' style='border-left:6px solid #555;padding:8px 12px;"
    "background:#f4f4f4;color:#111'><strong>Ce que dit le RGPD</strong><br>"
    "<em>Article 4, point 5</em> : pseudonymiser, c'est traiter les données de sorte qu'on ne "
    "puisse plus les rattacher à une personne sans une information supplémentaire, gardée à "
    "part et protégée (ici, la table des correspondances).<br>"
    "<em>Considérant 26</em> : des données pseudonymisées restent des données personnelles, "
    "puisque cette table permet de retrouver les personnes. Seules des données vraiment "
    "anonymes sortent du champ du RGPD.</div>"
)
TAKE_AWAY = (
    "<div class='atelier-box' role='note' style='border-left:6px solid #1b6e1b;padding:8px 12px;"
    "background:#eef8ee;color:#111'><strong>À retenir</strong><ul style='margin:4px 0'>"
    "<li>Le repérage automatique aide mais ne garantit rien : relisez toujours le texte "
    "pseudonymisé avant de l'envoyer.</li>"
    "<li>Pseudonymiser n'est pas anonymiser : la table des correspondances reste une donnée "
    "personnelle, elle ne quitte pas votre poste.</li>"
    "<li>Le mieux reste un modèle qui tourne sur un serveur de la collectivité.</li></ul></div>"
)


def highlight(text: str, findings: list[Finding]) -> str:
    """The text with each finding marked, its kind written next to it and its reason on hover."""
    parts, position = [], 0
    for f in findings:
        parts.append(html.escape(text[position : f.start]))
        parts.append(
            f"<mark class='atelier-pii' data-kind='{f.kind}' title='{html.escape(f.why)}' "
            f"style='background:{COLOURS[f.kind]};color:#111;padding:0 2px'>"
            f"{html.escape(f.text)} <small>[{html.escape(f.label)}]</small></mark>"
        )
        position = f.end
    parts.append(html.escape(text[position:]))
    return (
        "<div class='atelier-highlighted' style='white-space:pre-wrap;border:1px solid #666;"
        f"padding:8px 12px;background:#fff;color:#111'>{''.join(parts)}</div>"
    )


def findings_table(findings: list[Finding]) -> str:
    if not findings:
        return "<p>Aucune donnée personnelle repérée.</p>"
    rows = "".join(
        f"<tr><td>{html.escape(f.label)}</td><td>{html.escape(f.text)}</td>"
        f"<td>{html.escape(f.why)}</td></tr>"
        for f in findings
    )
    return (
        f"<p><strong>{len(findings)} éléments repérés.</strong> Vérifiez : en manque-t-il ?</p>"
        "<table class='atelier-findings' style='border-collapse:collapse'>"
        "<caption style='text-align:left'>Ce qui a été repéré, et pourquoi</caption>"
        "<thead><tr><th scope='col'>Type</th><th scope='col'>Texte</th>"
        f"<th scope='col'>Pourquoi</th></tr></thead><tbody>{rows}</tbody></table>"
    )


class PersonalData(App):
    def __init__(self, client: LLMClient | None = None) -> None:
        self.client = client or LLMClient(workshop=WORKSHOP_ID)
        self.session = Pseudonymiser()
        self.answer_text = ""
        self.letter = widgets.Textarea(
            value=example_letter(),
            description="Le courrier",
            layout=widgets.Layout(width="100%", height="260px"),
            style={"description_width": "initial"},
        )
        self.style = widgets.ToggleButtons(
            options=[("Étiquettes [PERSONNE_1]", "tag"), ("Noms inventés", "fake")],
            description="Remplacer par",
            # (the default width cut the first label to « Étiquettes [PERSO… »)
            style={"description_width": "initial", "button_width": "auto"},
        )
        self.find_button = widgets.Button(
            description="1. Repérer",
            button_style="primary",
            tooltip="Repérer les données personnelles",
        )
        self.pseudo_button = widgets.Button(description="2. Pseudonymiser", button_style="primary")
        self.instruction = widgets.Textarea(
            value="Rédige une réponse courte et polie à ce courrier, au nom de la mairie.",
            description="Consigne",
            layout=widgets.Layout(width="100%", height="60px"),
            style={"description_width": "initial"},
        )
        self.send_button = widgets.Button(
            description="3. Envoyer au modèle", button_style="primary", disabled=True
        )
        self.restore_button = widgets.Button(
            description="4. Rétablir les noms", button_style="primary", disabled=True
        )
        self.found = widgets.HTML()
        self.table = widgets.HTML()
        self.pseudonymised = widgets.HTML()
        self.check = widgets.HTML()
        self.answer = widgets.HTML()
        self.status = widgets.HTML()
        self.restored = widgets.HTML()
        self.find_button.on_click(lambda _: self.detect())
        self.pseudo_button.on_click(lambda _: self.pseudonymise())
        self.send_button.on_click(lambda _: self.send())
        self.restore_button.on_click(lambda _: self.restore())
        self.model = ModelChoice(self.client, self.status)
        self.widget = widgets.VBox(
            [
                widgets.HTML(WHY_IT_MATTERS),
                widgets.HTML(
                    "<p>Collez un courrier (ou gardez l'exemple : les personnes sont "
                    "inventées), puis suivez les étapes 1 à 4.</p>"
                ),
                self.letter,
                self.find_button,
                self.found,
                self.table,
                self.style,
                self.pseudo_button,
                self.pseudonymised,
                self.check,
                self.model.banner,
                self.instruction,
                self.model.dropdown,
                self.send_button,
                self.status,
                self.answer,
                self.restore_button,
                self.restored,
                widgets.HTML(LAW),
                widgets.HTML(TAKE_AWAY),
            ],
            layout=widgets.Layout(max_width="900px", width="100%"),
        )

    def detect(self) -> list[Finding]:
        findings = find(self.letter.value)
        self.found.value = highlight(self.letter.value, findings)
        self.table.value = findings_table(findings)
        return findings

    def pseudonymise(self) -> str:
        # A new table of correspondences for each letter: nothing carries over.
        self.session = Pseudonymiser(style=self.style.value)
        result = self.session.pseudonymise(self.letter.value)
        self.pseudonymised.value = (
            "<p><strong>Le courrier pseudonymisé</strong> (c'est lui seul qui partira vers le "
            "modèle) :</p>" + text_box(result.text)
        )
        left = find(result.text)
        if left:
            self.check.value = (
                "<p class='atelier-check' role='alert'>Attention : il reste des éléments qui "
                "ressemblent à des données personnelles : "
                + ", ".join(html.escape(f"{f.text} ({f.label})") for f in left)
                + ".</p>"
            )
        else:
            self.check.value = (
                "<p class='atelier-check'>Vérification : plus aucune donnée personnelle "
                f"repérée ({len(result.replaced)} remplacements). Relisez quand même.</p>"
            )
        self.send_button.disabled = False
        return result.text

    def send(self) -> str:
        if self.send_button.disabled:
            return ""
        if not self.model.ready():
            return ""
        letter = self.session.pseudonymise(self.letter.value).text
        prompt = f"{self.instruction.value.strip()}\n\nCourrier :\n{letter}"
        text = stream_answer(
            self.client,
            self.model.value,
            prompt,
            show=lambda text: setattr(
                self.answer,
                "value",
                "<p><strong>La réponse du modèle</strong> (il n'a vu que les remplacements) :"
                "</p>" + text_box(text),
            ),
            status=self.status,
            button=self.send_button,
            temperature=0.3,
            max_tokens=300,
        )
        if text is None:
            return ""
        self.answer_text = text
        self.restore_button.disabled = False
        return text

    def restore(self) -> str:
        restored = self.session.restore(self.answer_text)
        self.restored.value = (
            "<p><strong>La réponse avec les vrais noms</strong>, rétablis sur votre poste grâce "
            "à la table des correspondances :</p>" + text_box(restored)
        )
        return restored
