"""`atelier new-workshop SLUG`: a new workshop from a template (its Voilà notebook, its app
module and its test), ready to run with `atelier check`, for a trainer to fill in."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

SLUG = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

APP_TEMPLATE = '''"""« {title} »: what the workshop has people do (to write). A request, the
model's answer, and a check by code of what the answer must hold."""

from __future__ import annotations

import ipywidgets as widgets

from atelier_ia.apps.common import App, ModelChoice, action_button, box, stream_answer, text_box
from atelier_ia.llm import LLMClient

WORKSHOP_ID = "{slug}"

WHY = box(
    "Pourquoi c'est important",
    "À écrire : ce que l'atelier montre du modèle, ce qu'il fait bien, ce qu'il invente.",
)


class {cls}(App):
    def __init__(self, client: LLMClient | None = None) -> None:
        self.client = client or LLMClient(workshop=WORKSHOP_ID)
        self.prompt = widgets.Textarea(
            description="Votre demande",
            layout=widgets.Layout(width="100%", height="120px"),
            style={{"description_width": "initial"}},
        )
        self.button = action_button("Générer")
        self.answer = widgets.HTML(text_box(""))
        self.status = widgets.HTML()
        self.model = ModelChoice(self.client, self.status)
        self.button.on_click(lambda _: self.generate())
        self.widget = widgets.VBox(
            [
                widgets.HTML(WHY),
                self.model.banner,
                self.model.dropdown,
                self.prompt,
                self.button,
                self.status,
                self.answer,
            ]
        )

    def generate(self) -> str | None:
        return stream_answer(
            self.client,
            self.model.value,
            self.prompt.value,
            show=lambda text: setattr(self.answer, "value", text_box(text)),
            status=self.status,
            button=self.button,
        )
'''

TEST_TEMPLATE = '''"""« {title} »: the app builds and shows its parts (to extend with what it
checks)."""

from __future__ import annotations

from atelier_ia.apps.{module} import WORKSHOP_ID, {cls}


def test_the_app_builds_with_its_request_box():
    app = {cls}()
    assert WORKSHOP_ID == "{slug}"
    assert app.prompt.description == "Votre demande"
    assert app.button.description == "Générer"
'''


@dataclass(frozen=True)
class NewWorkshop:
    notebook: Path
    module: Path
    test: Path
    card: str  # the line to add to the catalogue


def class_name(slug: str) -> str:
    return "".join(part.capitalize() for part in slug.split("-"))


def notebook_json(title: str, module: str, cls: str) -> str:
    cells = [
        {"cell_type": "markdown", "id": "intro", "metadata": {}, "source": f"# {title}"},
        {
            "cell_type": "code",
            "id": "app",
            "execution_count": None,
            "metadata": {},
            "outputs": [],
            "source": f"from atelier_ia.apps.{module} import {cls}\n\n{cls}()",
        },
    ]
    notebook = {
        "cells": cells,
        "metadata": {
            "kernelspec": {
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
                "name": "python3",
            },
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"


def new_workshop(slug: str, title: str, root: Path) -> NewWorkshop:
    """Write the three files under `root` (the project); refuse a bad or taken slug."""
    if not SLUG.match(slug):
        raise ValueError(
            f"« {slug} » ne convient pas : des minuscules, des chiffres et des tirets, par "
            "exemple « repondre-a-un-elu »."
        )
    module = slug.replace("-", "_")
    cls = class_name(slug)
    paths = NewWorkshop(
        root / "workshops" / slug / f"{slug}.ipynb",
        root / "src" / "atelier_ia" / "apps" / f"{module}.py",
        root / "tests" / "integration" / f"test_{module}_app.py",
        f'Workshop("{slug}", "{title}", "À écrire : une phrase.", "{slug}/{slug}.ipynb"),',
    )
    taken = [p for p in (paths.notebook, paths.module, paths.test) if p.exists()]
    if taken:
        raise FileExistsError(f"Déjà là, rien n'a été écrit : {', '.join(map(str, taken))}")
    values = {"slug": slug, "title": title, "module": module, "cls": cls}
    paths.notebook.parent.mkdir(parents=True, exist_ok=True)
    paths.notebook.write_text(notebook_json(title, module, cls), encoding="utf-8")
    paths.module.parent.mkdir(parents=True, exist_ok=True)
    paths.module.write_text(APP_TEMPLATE.format(**values), encoding="utf-8")
    paths.test.parent.mkdir(parents=True, exist_ok=True)
    paths.test.write_text(TEST_TEMPLATE.format(**values), encoding="utf-8")
    return paths
