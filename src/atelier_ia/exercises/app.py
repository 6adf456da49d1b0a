"""« Exercices »: the learners' Voilà app. It lists the released assignments with their state
(à récupérer, en cours, remis, corrigé); from it a learner fetches one, answers it in text
boxes or choices (written into the notebook's answer cells), runs « Vérifier ma réponse »
(the notebook's visible tests), submits it and reads the feedback once it is released.
No code is shown: the notebook stays the learner's copy, which nbgrader collects."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import ipywidgets as widgets
import mistune
import nbformat

from atelier_ia.apps.common import App, action_button, text_box
from atelier_ia.exercises import learner

STATE_COLOURS = {
    learner.TO_FETCH: "#444",
    learner.IN_PROGRESS: "#0b3d91",
    learner.SUBMITTED: "#7a4b00",
    learner.GRADED: "#1b6e1b",
}
CHOICE = re.compile(r"^\s*-\s*([a-z])\)", re.M)


def _grading(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def files_url(path: Path) -> str:
    """The link a browser opens to read a file of the learner's home (the feedback page)."""
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/").rstrip("/")
    home = Path(os.environ.get("HOME", "~")).expanduser()
    return f"{prefix}/files/{path.relative_to(home).as_posix()}"


class AnswerForm:
    """The statement (the notebook's Markdown cells) and one field per answer cell."""

    def __init__(self, notebook: Path) -> None:
        self.notebook = notebook
        nb = nbformat.read(notebook, as_version=4)
        texts = {
            _grading(c).get("grade_id"): c.source for c in nb.cells if c.cell_type == "markdown"
        }
        self.fields: dict[str, widgets.Widget | dict[str, widgets.Widget]] = {}
        children: list[widgets.Widget] = []
        shown: set[str] = set()
        for cell in nb.cells:
            grade_id = _grading(cell).get("grade_id", "")
            if cell.cell_type == "markdown" and not grade_id.startswith("question_"):
                children.append(widgets.HTML(mistune.html(cell.source)))
                shown.add(grade_id)
        for answer in learner.answers(notebook):
            if isinstance(answer.value, dict):
                choices = {}
                for key, value in answer.value.items():
                    statement = texts.get(f"question_{key}", key)
                    letters = CHOICE.findall(statement) or ["a", "b", "c"]
                    choice = widgets.RadioButtons(
                        options=[("(pas de réponse)", ""), *[(f"{x})", x) for x in letters]],
                        value=value if value in letters else "",
                        layout=widgets.Layout(width="auto"),
                    )
                    choice.add_class(f"atelier-choice-{key}")
                    children += [widgets.HTML(mistune.html(statement)), choice]
                    choices[key] = choice
                self.fields[answer.question] = choices
            else:
                area = widgets.Textarea(
                    value=str(answer.value or "").strip("\n"),
                    placeholder="Écrivez votre réponse ici.",
                    layout=widgets.Layout(width="100%", height="220px"),
                )
                area.add_class(f"atelier-answer-{answer.question}")
                children.append(area)
                self.fields[answer.question] = area
        self.widget = widgets.VBox(children)

    def values(self) -> dict:
        values = {}
        for question, field in self.fields.items():
            if isinstance(field, dict):
                values[question] = {key: choice.value for key, choice in field.items()}
            else:
                values[question] = field.value
        return values

    def save(self) -> None:
        learner.write_answers(self.notebook, self.values())


def results_html(results: list[learner.CheckResult]) -> str:
    if not results:
        return text_box("Cet exercice n'a pas de vérification.", "error")
    done = sum(r.passed for r in results)
    items = "".join(
        "<li>"
        + ("✔ " if r.passed else "✘ ")
        + html.escape(r.question.removeprefix("test_"))
        + ("" if r.passed else " : " + html.escape(r.message).replace("\n", "<br>"))
        + "</li>"
        for r in results
    )
    verdict = (
        "Tout est en ordre : vous pouvez remettre l'exercice."
        if done == len(results)
        else f"{done} vérification(s) sur {len(results)} passent. Ce qui manque :"
    )
    return (
        f"<div class='atelier-check' lang='fr'><p><strong>{verdict}</strong></p>"
        f"<ul style='margin:4px 0'>{items}</ul>"
        "<p style='color:#444'>La correction finale peut compter d'autres points (les "
        "réponses du quiz, par exemple).</p></div>"
    )


class Exercises(App):
    def __init__(self) -> None:
        self.message = widgets.HTML()
        self.listing = widgets.VBox()
        self.panel = widgets.VBox()
        self.form: AnswerForm | None = None
        self.current: str | None = None
        intro = widgets.HTML(
            "<p>Les exercices que votre formateur a publiés. Récupérez-en "
            "un, répondez, vérifiez votre réponse autant de fois que vous voulez, puis "
            "remettez-le. Ce sont des programmes, pas un modèle, qui vérifient et notent.</p>"
        )
        self.widget = widgets.VBox([intro, self.message, self.listing, self.panel])
        self.widget.add_class("atelier-exercises")
        self.refresh()

    # -- The list --------------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            items = learner.assignments()
        except learner.ExercisesError as exc:
            self.message.value = text_box(str(exc), "error")
            self.listing.children = []
            return
        if not items:
            self.listing.children = [
                widgets.HTML("<p class='atelier-none'>Aucun exercice publié pour l'instant.</p>")
            ]
            return
        self.listing.children = [self._row(item) for item in items]

    def _row(self, item: learner.Assignment) -> widgets.Widget:
        colour = STATE_COLOURS.get(item.state, "#444")
        label = widgets.HTML(
            f"<strong>{html.escape(item.id)}</strong> — "
            f"<span class='atelier-state' style='color:{colour}'>{html.escape(item.state)}</span>"
        )
        buttons = []
        if item.state == learner.TO_FETCH:
            buttons.append(self._button("Récupérer", lambda: self.fetch(item.id)))
        else:
            buttons.append(self._button("Ouvrir", lambda: self.open(item.id)))
        if item.feedback_ready or item.state == learner.GRADED:
            buttons.append(self._button("Lire le retour", lambda: self.feedback(item.id)))
        row = widgets.HBox([label, *buttons], layout=widgets.Layout(align_items="center"))
        row.add_class(f"atelier-assignment-{item.id}")
        return row

    def _button(self, description: str, action) -> widgets.Button:
        button = action_button(description)

        def clicked(_) -> None:
            button.disabled = True
            try:
                action()
            except learner.ExercisesError as exc:
                self.message.value = text_box(str(exc), "error")
            finally:
                button.disabled = False

        button.on_click(clicked)
        return button

    # -- One assignment ----------------------------------------------------------------------

    def fetch(self, assignment: str) -> None:
        learner.fetch(assignment)
        self.message.value = text_box(f"« {assignment} » est récupéré : à vous de répondre.")
        self.refresh()
        self.open(assignment)

    def open(self, assignment: str) -> None:
        self.current = assignment
        self.form = AnswerForm(learner.notebook_path(assignment))
        self.results = widgets.HTML()
        self.panel.children = [
            widgets.HTML(f"<hr><h2>{html.escape(assignment)}</h2>"),
            self.form.widget,
            widgets.HBox(
                [
                    self._button("Enregistrer", self.save),
                    self._button("Vérifier ma réponse", self.check),
                    self._button("Remettre", self.submit),
                ]
            ),
            self.results,
        ]

    def save(self) -> None:
        self.form.save()
        self.message.value = text_box("Réponse enregistrée.")

    def check(self) -> None:
        self.form.save()
        self.results.value = "<p>Vérification en cours…</p>"
        self.results.value = results_html(learner.check(self.form.notebook))

    def submit(self) -> None:
        self.form.save()
        learner.submit(self.current)
        self.message.value = text_box(
            f"« {self.current} » est remis. Vous pouvez encore le modifier et le remettre : "
            "c'est la dernière remise qui compte."
        )
        self.refresh()

    def feedback(self, assignment: str) -> None:
        page = learner.fetch_feedback(assignment)
        if page is None:
            self.message.value = text_box("Le retour n'est pas encore disponible.", "error")
            return
        link = html.escape(files_url(page))
        self.message.value = (
            f"<p class='atelier-feedback'>Le retour de correction est prêt : "
            f"<a href='{link}' target='_blank' style='color:#0b3d91;font-weight:bold'>lire le "
            f"retour de « {html.escape(assignment)} »</a>.</p>"
        )
        self.refresh()
