"""The catalogue participants land on: one card per workshop (served by catalogue_page)."""

from __future__ import annotations

import html
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from atelier_ia import paths

WORK_ARCHIVE_STEM = "mes-travaux"


@dataclass(frozen=True)
class Workshop:
    slug: str
    title: str
    summary: str
    # Notebook path relative to workshops/, or "" while the workshop is not ready.
    notebook: str = ""

    @property
    def with_code(self) -> str:
        """The « pour aller plus loin » notebook next to the workshop's, if there is one."""
        if not self.notebook:
            return ""
        extra = str(PurePosixPath(self.notebook).parent / "pour-aller-plus-loin.ipynb")
        return extra if (paths.WORKSHOPS_DIR / extra).exists() else ""


WORKSHOPS: tuple[Workshop, ...] = (
    Workshop(
        "quiz",
        "Quiz : avant et après",
        "Neuf questions, au début puis à la fin de la journée, pour mesurer ce que l'on a appris.",
        "quiz/quiz.ipynb",
    ),
    Workshop(
        "bac-a-sable",
        "Bac à sable",
        "Essayez librement un modèle de langue : écrivez, réglez, comparez.",
        "00-bac-a-sable/bac-a-sable.ipynb",
    ),
    Workshop(
        "comment-un-modele-ecrit",
        "Comment un modèle écrit",
        "Jetons, probabilités, température : pourquoi un modèle peut inventer.",
        "01-comment-un-modele-ecrit/comment-un-modele-ecrit.ipynb",
    ),
    Workshop(
        "structurer-une-demande",
        "Structurer une demande",
        "Rôle, contexte, tâche, format : répondre au courrier d'un usager.",
        "02-structurer-une-demande/structurer-une-demande.ipynb",
    ),
    Workshop(
        "rediger-une-deliberation",
        "Rédiger une délibération",
        "Un projet de délibération conforme, puis sa vérification.",
        "03-rediger-une-deliberation/rediger-une-deliberation.ipynb",
    ),
    Workshop(
        "reunion-proces-verbal",
        "De la réunion au procès-verbal",
        "Résumer fidèlement une séance du conseil municipal.",
        "04-reunion-proces-verbal/reunion-proces-verbal.ipynb",
    ),
    Workshop(
        "donnees-territoriales",
        "Données territoriales",
        "Les chiffres viennent des données, jamais du modèle.",
        "05-donnees-territoriales/donnees-territoriales.ipynb",
    ),
    Workshop(
        "donnees-personnelles",
        "Données personnelles",
        "Pseudonymiser avant d'interroger un modèle.",
        "06-donnees-personnelles/donnees-personnelles.ipynb",
    ),
    Workshop(
        "comparer-les-modeles",
        "Comparer les modèles",
        "Deux modèles à l'aveugle : votez, puis découvrez-les.",
        "07-comparer-les-modeles/comparer-les-modeles.ipynb",
    ),
    Workshop(
        "confiance-transparence",
        "Confiance et transparence",
        "AI Act, RGPD, CRPA : ce que la loi demande.",
        "08-confiance-transparence/confiance-transparence.ipynb",
    ),
    Workshop(
        "exercices",
        "Exercices",
        "Des exercices notés : récupérez-les, répondez, vérifiez, remettez.",
        "exercices/exercices.ipynb",
    ),
)

_CARD = (
    "<li class='atelier-card' style='list-style:none;border:1px solid #555;border-radius:8px;"
    "padding:12px 16px;background:#fff;color:#111'>{body}</li>"
)


def workshop_url(notebook: str, server_prefix: str) -> str:
    """A root-absolute link: the user server's prefix written out in full, so that the link
    means the same from any page."""
    return f"{server_prefix.rstrip('/')}/voila/render/workshops/{notebook}"


def card_html(workshop: Workshop, server_prefix: str, with_code: bool = False) -> str:
    heading = html.escape(workshop.title)
    summary = f"<p style='margin:6px 0'>{html.escape(workshop.summary)}</p>"
    if workshop.notebook:
        href = html.escape(workshop_url(workshop.notebook, server_prefix))
        link = (
            f"<a href='{href}' target='_self' style='color:#0b3d91;font-weight:bold'>"
            f"Ouvrir l'atelier « {heading} »</a>"
        )
        if with_code and workshop.with_code:
            lab = html.escape(
                f"{server_prefix.rstrip('/')}/lab/tree/workshops/{workshop.with_code}"
            )
            link += (
                f"<br><a href='{lab}' target='_blank' class='atelier-with-code' "
                "style='color:#0b3d91'>Pour aller plus loin (avec du code, dans "
                "JupyterLab)</a>"
            )
        body = f"<h3 style='margin:0'>{heading}</h3>{summary}{link}"
    else:
        body = (
            f"<h3 style='margin:0;color:#444'>{heading}</h3>{summary}"
            "<span class='atelier-soon' style='font-style:italic;color:#444'>Bientôt</span>"
        )
    return _CARD.format(body=body)


def catalogue_html(
    server_prefix: str, workshops: tuple[Workshop, ...] = WORKSHOPS, with_code: bool = False
) -> str:
    """The cards; the « Pour aller plus loin » links only where the server offers JupyterLab
    (trainers, or code turned on), since the server refuses /lab otherwise."""
    cards = "".join(card_html(w, server_prefix, with_code) for w in workshops)
    return (
        "<main class='atelier-catalogue' lang='fr'>"
        "<h1>Atelier IA</h1>"
        "<p>Choisissez un atelier. Chacun se fait en quelques minutes, sans écrire de code.</p>"
        "<ul style='display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));"
        f"gap:12px;padding:0'>{cards}</ul></main>"
    )


def pack_work(work_dir: Path, out: BinaryIO) -> int:
    """Zip the person's « mes-travaux » folder into ``out``; return how many files it holds."""
    files = sorted(p for p in work_dir.rglob("*") if p.is_file()) if work_dir.is_dir() else []
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.write(path, f"{WORK_ARCHIVE_STEM}/{path.relative_to(work_dir).as_posix()}")
    return len(files)
