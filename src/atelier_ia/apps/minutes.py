"""« De la réunion au procès-verbal »: from a council meeting's recording (transcribed through the
gateway) or its transcript, the model drafts the procès-verbal and the liste des délibérations;
code checks them against the rules and against the transcript, and marks every name and figure
the transcript does not contain (or, from a recording, may have misheard)."""

from __future__ import annotations

import html
import re

import ipywidgets as widgets

from atelier_ia.apps.common import (
    App,
    ModelChoice,
    action_button,
    box,
    checklist_html,
    stream_answer,
)
from atelier_ia.apps.recording import TRANSCRIPT_HEADER, FromRecording
from atelier_ia.checks.findings import CheckFinding
from atelier_ia.checks.pv import check_liste, check_pv, inventions
from atelier_ia.data import council_transcript
from atelier_ia.llm import LLMClient

WORKSHOP_ID = "reunion-proces-verbal"
LISTE_HEADING = re.compile(r"^\W*liste\s+des\s+délibérations\b.*$", re.I | re.M)

WHY = box(
    "Pourquoi c'est important",
    "Depuis le 1er juillet 2022, le « compte rendu » des séances a disparu : la commune publie "
    "sous une semaine la <em>liste des délibérations</em> examinées (CGCT, art. L2121-25), puis "
    "le <em>procès-verbal</em>, arrêté à la séance suivante et signé par le maire et le ou la "
    "secrétaire (art. L2121-15). Un modèle résume vite, mais il lui arrive d'ajouter un nom, "
    "un chiffre, une décision qui n'ont jamais été prononcés.",
)
TAKE_AWAY = box(
    "À retenir",
    "<ul style='margin:4px 0'><li>Tout ce que dit le procès-verbal doit se retrouver dans la "
    "séance : le programme le vérifie pour les noms et les chiffres, vous pour le sens.</li>"
    "<li>Le mot « compte rendu » est à bannir pour le conseil municipal.</li><li>Un texte "
    "publié qui a été préparé avec une IA le dit, et dit qui l'a relu.</li></ul>",
    "#1b6e1b",
)


def minutes_prompt(transcript: str) -> str:
    return (
        "Tu es secrétaire de mairie. À partir de la transcription ci-dessous, rédige :\n"
        "1) le procès-verbal de la séance : date et heure, présidence, présents, représentés "
        "(pouvoirs), secrétaire de séance, quorum, ordre du jour, puis pour chaque point la "
        "teneur des débats et le résultat du vote (pour, contre, abstentions), et les demandes "
        "de vote à bulletin secret ;\n"
        "2) après une ligne « LISTE DES DÉLIBÉRATIONS », une ligne par point : son titre et "
        "« adoptée » ou « rejetée ».\n"
        "N'écris aucun nom, chiffre ou décision qui ne figure pas dans la transcription. "
        "N'intitule pas le document « compte rendu ».\n\n"
        f"Transcription :\n{transcript}"
    )


def split_output(text: str) -> tuple[str, str | None]:
    heading = LISTE_HEADING.search(text)
    if heading is None:
        return text, None
    return text[: heading.start()], text[heading.end() :]


MISHEARD_NOTE = (
    "<p>La transcription vient d'un enregistrement : un nom ou un chiffre « absent » a peut-être "
    "été <strong>mal entendu</strong> par le modèle de transcription, et non inventé par le "
    "modèle qui a rédigé. Réécoutez le passage (ses minutes sont à l'étape 1) avant de "
    "corriger l'un ou l'autre.</p>"
)


def mark_inventions(text: str, transcript: str, misheard: bool = False) -> str:
    """The text with every name and figure the transcript lacks marked; ``misheard`` when the
    transcript was heard by a machine, which may have got that very word wrong."""
    label = "absent de la transcription" + (" — mal entendu ?" if misheard else "")
    parts, position = [], 0
    for kind, found, (start, end) in inventions(text, transcript):
        parts.append(html.escape(text[position:start]))
        parts.append(
            f"<mark class='atelier-invention' title='{label}' "
            f"style='background:#ffd6d6;color:#111'>{html.escape(found)} "
            f"<small>[{kind} {label}]</small></mark>"
        )
        position = end
    parts.append(html.escape(text[position:]))
    return (
        "<div class='atelier-highlighted' style='white-space:pre-wrap;border:1px solid "
        f"#666;padding:8px 12px;background:#fff;color:#111'>{''.join(parts)}</div>"
    )


class Minutes(App):
    def __init__(self, client: LLMClient | None = None) -> None:
        self.client = client or LLMClient(workshop=WORKSHOP_ID)
        style = {"description_width": "initial"}
        self.transcript = widgets.Textarea(
            value=council_transcript(),
            description="Transcription",
            style=style,
            layout=widgets.Layout(width="100%", height="240px"),
        )
        self.published = widgets.Checkbox(
            value=True, indent=False, description="Le procès-verbal sera publié en ligne"
        )
        self.draft_button = action_button("Rédiger le PV et la liste")
        self.output = widgets.Textarea(
            description="Projet (modifiable)",
            style=style,
            layout=widgets.Layout(width="100%", height="320px"),
        )
        self.check_button = widgets.Button(description="Vérifier", button_style="primary")
        self.status = widgets.HTML()
        self.result = widgets.HTML()
        self.marked = widgets.HTML()
        self.model = ModelChoice(self.client, self.status)
        self.recording = FromRecording(self.client, self.use_transcript)
        self.draft_button.on_click(lambda _: self.write())
        self.check_button.on_click(lambda _: self.check())
        self.widget = widgets.VBox(
            [
                widgets.HTML(WHY),
                self.recording.widget,
                widgets.HTML(
                    "<h3>2. La séance</h3><p>La transcription de l'étape 1 arrive ici ; "
                    "sinon, gardez celle d'exemple (tout y est inventé) ou collez la vôtre. "
                    "Corrigez ce qui a été mal entendu.</p>"
                ),
                self.transcript,
                widgets.HTML("<h3>3. Le projet</h3>"),
                self.model.banner,
                self.model.dropdown,
                self.draft_button,
                self.status,
                self.output,
                widgets.HTML("<h3>4. La vérification</h3>"),
                self.published,
                self.check_button,
                self.result,
                self.marked,
                widgets.HTML(TAKE_AWAY),
            ],
            layout=widgets.Layout(max_width="900px", width="100%"),
        )

    def use_transcript(self, text: str) -> None:
        self.transcript.value = text
        self.result.value = self.marked.value = ""

    def write(self) -> str:
        if not self.model.ready():
            return ""
        self.result.value = self.marked.value = ""
        text = stream_answer(
            self.client,
            self.model.value,
            minutes_prompt(self.transcript.value),
            show=lambda text: setattr(self.output, "value", text),
            status=self.status,
            button=self.draft_button,
            waiting="Le modèle rédige…",
            temperature=0.2,
            max_tokens=900,
        )
        if text is not None:
            self.status.value = "<p>Projet rédigé. Relisez-le, puis cliquez sur « Vérifier ».</p>"
        return text or ""

    def check(self) -> list[CheckFinding]:
        pv, liste = split_output(self.output.value)
        findings = check_pv(pv, self.transcript.value, published=self.published.value)
        if liste is None:
            findings.append(
                CheckFinding(
                    "liste.absente",
                    "erreur",
                    "La liste des délibérations manque (ligne « LISTE DES "
                    "DÉLIBÉRATIONS » puis une ligne par point ; CGCT, "
                    "art. L2121-25).",
                )
            )
        else:
            findings += check_liste(liste, self.transcript.value)
        self.result.value = checklist_html(findings, pv)
        misheard = TRANSCRIPT_HEADER in self.transcript.value
        self.marked.value = (
            "<p><strong>Noms et chiffres absents de la transcription</strong> "
            "(surlignés) :</p>"
            + (MISHEARD_NOTE if misheard else "")
            + mark_inventions(pv, self.transcript.value, misheard)
        )
        return findings
