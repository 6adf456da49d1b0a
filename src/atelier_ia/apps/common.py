"""Pieces every workshop app shares: the model choice with its demo-model banner, French
error boxes, queue and privacy notes."""

from __future__ import annotations

import html
import os
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import ipywidgets as widgets

from atelier_ia.llm import LLMClient, LLMError, is_demo_model

DEMO_BANNER = (
    "<div class='atelier-banner' role='note' style='border:2px solid #8a5a00;"
    "background:#fff6e0;color:#3d2800;padding:8px 12px;border-radius:6px'>"
    "<strong>Modèle de démonstration.</strong> Le modèle embarqué (SmolLM2, 135 millions de "
    "paramètres) tourne sans réseau sur ce serveur, mais il est très petit et "
    "<strong>faible en français</strong> : ses réponses sont souvent maladroites ou fausses. "
    "Pour de vraies réponses, l'administrateur peut brancher un serveur Ollama avec un modèle "
    "qui parle bien français (voir le README, section « Brancher Ollama »)."
    "</div>"
)


def text_box(text: str, kind: str = "answer") -> str:
    """Escaped text in a readable box; kind is 'answer' or 'error'."""
    style = {
        "answer": "border:1px solid #666;background:#fff;color:#111",
        "error": "border:2px solid #a00000;background:#fff0f0;color:#5a0000",
    }[kind]
    prefix = "<strong>Erreur :</strong> " if kind == "error" else ""
    return (
        f"<div class='atelier-{kind}' role='{'alert' if kind == 'error' else 'status'}' "
        f"aria-live='polite' style='{style};padding:8px 12px;border-radius:6px;"
        f"white-space:pre-wrap;min-height:2em'>{prefix}{html.escape(text)}</div>"
    )


def queue_message(position: int) -> str:
    """What a person reads while their request waits for a free model."""
    ahead = position - 1
    if ahead <= 0:
        return "<em>Votre demande est la prochaine servie…</em>"
    people = "personne" if ahead == 1 else "personnes"
    return f"<em>En file d'attente : {ahead} {people} avant vous…</em>"


def pseudonymised_note(count: int) -> str:
    """Tell the person that the gateway hid personal data from a model off this server."""
    if not count:
        return ""
    items = (
        "donnée personnelle a été remplacée"
        if count == 1
        else ("données personnelles ont été remplacées")
    )
    return (
        f"<p class='atelier-pseudonymised' role='note'>Protection : {count} {items} par des "
        "étiquettes avant l'envoi au modèle, qui ne tourne pas sur le serveur de l'atelier ; "
        "elles ont été rétablies dans la réponse.</p>"
    )


class ModelChoice:
    """The model selector every app shows, and the banner that warns about the demo model."""

    def __init__(self, client: LLMClient, errors: widgets.HTML) -> None:
        self.client = client
        # Where the app shows its errors: a gateway that cannot list models is one.
        self.errors = errors
        self.dropdown = widgets.Dropdown(description="Modèle", options=[])
        self.banner = widgets.HTML()
        self.dropdown.observe(lambda _: self._update_banner(), names="value")
        self.load()

    @property
    def value(self) -> str:
        return self.dropdown.value or ""

    def load(self) -> str:
        """Ask the gateway for its models (again: it may have been down); return the chosen."""
        try:
            names = self.client.list_models()
        except LLMError as exc:
            self.errors.value = text_box(str(exc), "error")
            return ""
        self.dropdown.options = names
        if names and not self.dropdown.value:
            self.dropdown.value = names[0]
        return self.value

    def ready(self) -> bool:
        """Is a model chosen? If not, ask the gateway again (it may have been down)."""
        return bool(self.value or self.load())

    def _update_banner(self) -> None:
        self.banner.value = DEMO_BANNER if is_demo_model(self.value) else ""


_MARKS = {
    "ok": ("✓", "#1b6e1b", "présent"),
    "attention": ("!", "#8a5a00", "à revoir"),
    "erreur": ("✗", "#a00000", "manquant"),
}


def checklist_html(findings: list, text: str = "") -> str:
    """A checker's findings as a list a person reads: symbol, word and colour together, and,
    given the checked text, the passage each finding points at."""
    passed = sum(1 for f in findings if f.severity == "ok")

    def where(f) -> str:
        if not text or not f.span or f.severity == "ok":
            return ""
        excerpt = text[f.span[0] : f.span[1]].strip()[:80]
        return f" <em>(« {html.escape(excerpt)} »)</em>" if excerpt else ""

    items = "".join(
        f"<li class='atelier-check-{f.severity}' style='color:{_MARKS[f.severity][1]}'>"
        f"<strong>{_MARKS[f.severity][0]} {_MARKS[f.severity][2]}</strong> — "
        f"{html.escape(f.message)}{where(f)}</li>"
        for f in findings
    )
    return (
        f"<div class='atelier-checklist'><p><strong>Vérification par le programme : {passed} "
        f"sur {len(findings)}</strong></p><ul style='list-style:none;padding-left:0'>{items}"
        "</ul></div>"
    )


def action_button(description: str) -> widgets.Button:
    """The app's main button for one step: prominent, as wide as its text."""
    return widgets.Button(
        description=description, button_style="primary", layout=widgets.Layout(width="auto")
    )


def box(title: str, body_html: str, colour: str = "#0b3d91") -> str:
    """A « Pourquoi c'est important » or « À retenir » box."""
    return (
        f"<div class='atelier-box' role='note' style='border-left:6px solid {colour};"
        f"padding:8px 12px;background:#f6f8fb;color:#111'><strong>{html.escape(title)}"
        f"</strong><br>{body_html}</div>"
    )


def stream_answer(
    client: LLMClient,
    model: str,
    prompt: str,
    *,
    show: Callable[[str], None],
    status: widgets.HTML,
    button: widgets.Button,
    waiting: str = "Le modèle réfléchit…",
    **options,
) -> str | None:
    """Stream a model's answer into the page: `show` gets the text as it grows, `button` is
    off meanwhile, `status` shows the place in the queue, then clears, or a French error.
    Returns the whole text, or None if the model could not answer."""
    button.disabled = True
    status.value = f"<em>{html.escape(waiting)}</em>"
    text = ""
    try:
        for piece in client.stream_chat(
            model,
            prompt,
            on_queue=lambda p: setattr(status, "value", queue_message(p)),
            **options,
        ):
            text += piece
            show(text)
    except LLMError as exc:
        status.value = text_box(str(exc), "error")
        return None
    finally:
        button.disabled = False
    status.value = ""
    save_work(getattr(client, "workshop", ""), prompt, text)
    return text


def save_work(workshop: str, prompt: str, answer: str) -> Path | None:
    """Keep a generated text in the person's « mes-travaux » folder, one Markdown file per
    answer, so that nothing is lost when the page closes and the trainer's export (or
    « Emporter mes travaux ») carries it. Only on a user server (ATELIER_WORK_DIR is set)."""
    root = os.environ.get("ATELIER_WORK_DIR")
    if not root or not answer.strip():
        return None
    folder = Path(root) / (workshop or "divers")
    stamp = datetime.now().strftime("%Y-%m-%d_%H%M%S_%f")
    path = folder / f"{stamp}.md"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"# {workshop or 'Atelier IA'} — {datetime.now():%d/%m/%Y %H:%M}\n\n"
            f"## Demande\n\n{prompt}\n\n## Réponse du modèle\n\n{answer}\n",
            encoding="utf-8",
        )
    except OSError:
        return None  # a full or read-only home must not break the workshop
    return path


class App:
    """A workshop app: it builds `self.widget`, and a notebook cell that ends with the app
    shows it."""

    widget: widgets.Widget

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
        announce_opening(getattr(self, "client", None))


def announce_opening(client: LLMClient | None) -> None:
    """Tell the gateway which workshop this person opened, for the trainers' live view.
    In the background: opening the page must not wait for it, nor fail because of it."""
    if client is None or not getattr(client, "workshop", ""):
        return

    def send() -> None:
        try:
            client.record("ouverture", {"atelier": client.workshop})
        except LLMError:
            pass

    threading.Thread(target=send, daemon=True).start()
