"""The catalogue participants land on: one card per workshop."""

from __future__ import annotations

import html
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import ipywidgets as widgets

from atelier_ia import paths
from atelier_ia.apps.common import text_box

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
    """A root-absolute link. Voilà's renderer hijacks relative links (it tries to open them as
    documents, which it cannot do), so the user server's prefix is written out in full."""
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


def pack_work(work_dir: Path, archive: Path) -> int:
    """Zip the person's « mes-travaux » folder; return how many files it holds."""
    files = sorted(p for p in work_dir.rglob("*") if p.is_file()) if work_dir.is_dir() else []
    partial = archive.with_name(archive.name + ".partiel")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for path in files:
            out.write(path, f"{WORK_ARCHIVE_STEM}/{path.relative_to(work_dir).as_posix()}")
    partial.replace(archive)
    return len(files)


class TakeAway:
    """« Emporter mes travaux »: a ZIP of the person's own work, downloaded by the browser."""

    def __init__(self, work_dir: Path, server_prefix: str) -> None:
        self.work_dir = work_dir
        self.archive = work_dir.parent / f"{WORK_ARCHIVE_STEM}.zip"
        self.href = f"{server_prefix.rstrip('/')}/files/{self.archive.name}?download=1"
        self.button = widgets.Button(
            description="Emporter mes travaux",
            icon="download",
            tooltip="Télécharger un fichier ZIP de tout ce que vous avez produit aujourd'hui",
            layout=widgets.Layout(width="auto"),
        )
        self.link = widgets.HTML()
        self.button.on_click(lambda _: self.pack())
        self.widget = widgets.HBox([self.button, self.link])

    def pack(self) -> int:
        try:
            count = pack_work(self.work_dir, self.archive)
        except OSError as exc:
            self.link.value = text_box(f"Archive impossible à créer : {exc.strerror}.", "error")
            return -1
        if not count:
            self.link.value = (
                "<span class='atelier-takeaway'>Rien à emporter pour l'instant : les textes "
                "produits dans les ateliers seront rangés ici.</span>"
            )
            return 0
        self.link.value = (
            f"<a class='atelier-takeaway' href='{html.escape(self.href)}' download "
            f"style='color:#0b3d91;font-weight:bold'>Télécharger {self.archive.name} "
            f"({count} fichier{'s' if count > 1 else ''})</a>"
        )
        return count


def show() -> None:
    import os

    from IPython.display import HTML, display

    # The hub gives every user server its URL prefix, e.g. /user/alice/.
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/")
    # Set by the spawner: on for trainers and when the settings or the session turn code on.
    display(HTML(catalogue_html(prefix, with_code=os.environ.get("ATELIER_CODE") == "1")))
    if os.environ.get("ATELIER_WORK_DIR"):
        display(TakeAway(Path(os.environ["ATELIER_WORK_DIR"]), prefix).widget)
