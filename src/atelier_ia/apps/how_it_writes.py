"""« Comment un modèle écrit »: see the tokens of a sentence, watch the model draw its next
word (and what temperature and seed change), then catch it inventing a law article."""

from __future__ import annotations

import html
from collections import Counter

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
from atelier_ia.checks.articles import check_references
from atelier_ia.llm import LLMClient, LLMError
from atelier_ia.llm.tokens import demo_tokens

WORKSHOP_ID = "comment-un-modele-ecrit"
DRAWS = 12
NEXT_WORD_SYSTEM = (
    "Continue la phrase de l'utilisateur. Réponds par un seul mot, sans ponctuation ni explication."
)
TRAP_QUESTIONS = (
    "Que dit l'article L. 2121-99 du code général des collectivités territoriales ?",
    "Combien d'habitants compte la commune de Saint-Exemple-sur-Lot, dans le Lot-et-Garonne ?",
)

WHY = box(
    "Pourquoi c'est important",
    "Un modèle de langue ne cherche pas une réponse dans une base de faits : il prolonge le "
    "texte, morceau par morceau, en tirant au sort parmi les suites probables. Probable n'est "
    "pas vrai. C'est ce qui le rend utile pour écrire… et capable d'inventer avec aplomb.",
)
TAKE_AWAY = box(
    "À retenir",
    "<ul style='margin:4px 0'><li>Le modèle lit des <em>jetons</em>, pas des mots.</li>"
    "<li>La température règle la part de hasard ; la graine rend un tirage reproductible.</li>"
    "<li>Une référence précise (article, chiffre, nom de commune) se vérifie toujours à la "
    "source : ici, le programme connaît la liste des vrais articles, le modèle non.</li></ul>",
    "#1b6e1b",
)
PALETTE = ("#ffd6a5", "#caffbf", "#9bf6ff", "#bdb2ff", "#ffc6ff", "#fdffb6")


def tokens_html(pieces: list[str]) -> str:
    chips = "".join(
        f"<span class='atelier-token' style='background:{PALETTE[i % len(PALETTE)]};"
        "color:#111;border:1px solid #555;border-radius:4px;padding:2px 3px;margin:1px;"
        f"white-space:pre'>{html.escape(piece).replace(' ', '·')}</span>"
        for i, piece in enumerate(pieces)
    )
    return (
        f"<p><strong>{len(pieces)} jetons</strong> (le point · marque une espace) :</p>"
        f"<div style='line-height:2'>{chips}</div>"
    )


def draws_html(counts: Counter, total: int) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(word)}</td><td><span style='display:inline-block;height:12px;"
        f"width:{int(200 * n / total)}px;background:#0b3d91'></span> {n} sur {total}</td></tr>"
        for word, n in counts.most_common()
    )
    return (
        "<table class='atelier-draws'><caption style='text-align:left'>Mots tirés, du plus "
        "fréquent au plus rare</caption><thead><tr><th scope='col'>Mot suivant</th>"
        f"<th scope='col'>Tirages</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def first_word(text: str) -> str:
    words = text.strip().split()
    return words[0].strip(".,;:!?«»\"'()").lower() if words else "(rien)"


class HowItWrites(App):
    def __init__(self, client: LLMClient | None = None) -> None:
        self.client = client or LLMClient(workshop=WORKSHOP_ID)
        style = {"description_width": "initial"}
        self.sentence = widgets.Text(
            value="Le conseil municipal de Nérac délibère.",
            description="Une phrase",
            style=style,
            layout=widgets.Layout(width="100%"),
        )
        self.tokens_button = widgets.Button(description="Voir les jetons", button_style="primary")
        self.tokens = widgets.HTML()
        self.prefix = widgets.Text(
            value="Le conseil municipal se réunit dans la salle des",
            description="Début de phrase",
            style=style,
            layout=widgets.Layout(width="100%"),
        )
        self.temperature = widgets.FloatSlider(
            description="Température", value=0.8, min=0.0, max=1.5, step=0.1, style=style
        )
        self.seed = widgets.BoundedIntText(
            description="Graine", value=1, min=0, max=1_000_000, style=style
        )
        self.draw_button = action_button(f"Tirer {DRAWS} fois le mot suivant")
        self.draws = widgets.HTML()
        self.trap = widgets.Dropdown(
            options=TRAP_QUESTIONS,
            description="Question",
            style=style,
            layout=widgets.Layout(width="100%"),
        )
        self.ask_button = action_button("Demander au modèle")
        self.answer = widgets.HTML()
        self.verdict = widgets.HTML()
        self.status = widgets.HTML()
        self.model = ModelChoice(self.client, self.status)
        self.tokens_button.on_click(lambda _: self.show_tokens())
        self.draw_button.on_click(lambda _: self.draw())
        self.ask_button.on_click(lambda _: self.ask())
        self.widget = widgets.VBox(
            [
                widgets.HTML(WHY),
                widgets.HTML("<h3>1. Des jetons, pas des mots</h3>"),
                self.sentence,
                self.tokens_button,
                self.tokens,
                widgets.HTML(
                    "<h3>2. Le mot suivant est tiré au sort</h3><p>Le modèle propose "
                    f"un mot pour continuer la phrase, {DRAWS} fois. Changez la "
                    "température : à 0, toujours le même ; plus haut, plus varié. "
                    "Même graine, même tirage.</p>"
                ),
                self.model.banner,
                self.model.dropdown,
                self.prefix,
                widgets.HBox([self.temperature, self.seed]),
                self.draw_button,
                self.draws,
                widgets.HTML(
                    "<h3>3. Le piège</h3><p>Ces questions n'ont pas de vraie réponse : "
                    "l'article n'existe pas, la commune non plus. Que fait le "
                    "modèle ?</p>"
                ),
                self.trap,
                self.ask_button,
                self.status,
                self.answer,
                self.verdict,
                widgets.HTML(TAKE_AWAY),
            ],
            layout=widgets.Layout(max_width="900px", width="100%"),
        )

    def show_tokens(self) -> list[str]:
        pieces = demo_tokens(self.sentence.value)
        self.tokens.value = tokens_html(pieces) + (
            "<p><em>Découpage du modèle de démonstration (SmolLM2) ; chaque modèle a le "
            "sien.</em></p>"
        )
        return pieces

    def draw(self) -> Counter:
        if not self.model.ready():
            return Counter()
        self.draw_button.disabled = True
        counts: Counter = Counter()
        try:
            for i in range(DRAWS):
                text = "".join(
                    self.client.stream_chat(
                        self.model.value,
                        self.prefix.value,
                        system=NEXT_WORD_SYSTEM,
                        temperature=self.temperature.value,
                        max_tokens=4,
                        seed=self.seed.value + i,
                    )
                )
                counts[first_word(text)] += 1
                self.draws.value = draws_html(counts, i + 1)
        except LLMError as exc:
            self.draws.value = text_box(str(exc), "error")
        finally:
            self.draw_button.disabled = False
        return counts

    def ask(self) -> str:
        if not self.model.ready():
            return ""
        text = stream_answer(
            self.client,
            self.model.value,
            self.trap.value,
            show=lambda text: setattr(self.answer, "value", text_box(text)),
            status=self.status,
            button=self.ask_button,
            temperature=0.7,
            max_tokens=200,
        )
        if text is None:
            return ""
        self.verdict.value = self.judge(text)
        return text

    def judge(self, text: str) -> str:
        """What code can say about the answer: every article it cites, known or not."""
        findings = check_references(text)
        intro = (
            "<p><strong>La vérité :</strong> "
            + (
                "l'article L. 2121-99 n'existe pas dans le CGCT (les articles du chapitre "
                "sur le conseil municipal s'arrêtent bien avant)."
                if "2121-99" in self.trap.value
                else "la commune de Saint-Exemple-sur-Lot n'existe pas ; tout chiffre donné "
                "est inventé."
            )
            + " Si le modèle a répondu sans le dire, il a inventé.</p>"
        )
        if not findings:
            return intro + "<p>La réponse ne cite aucun article.</p>"
        return intro + checklist_html(findings, text)
