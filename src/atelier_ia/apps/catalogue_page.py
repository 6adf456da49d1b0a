"""The catalogue as a plain page of each person's Jupyter server: no kernel, no widgets.

Why not a Voilà notebook like the workshops: the catalogue is the page a whole room opens at
the same moment, and it has nothing to compute. As a notebook, every visit started a kernel
(~0.9 s of CPU and ~50 MiB per person), and thirty people arriving together queued on the
machine's cores for a minute (issue 12, bench/room.py). A server handler writes the same cards
in a few milliseconds. Its one action, « Emporter mes travaux », is a link to a second handler
that zips the person's folder as it is at that moment.

Both handlers run inside the person's own server, under their own account, behind the hub's
login and the server's Authorizer (they only read).
"""

from __future__ import annotations

import html
import io
import os
from pathlib import Path

from jupyter_server.auth.decorator import authorized
from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_path_join
from tornado import web

from atelier_ia.apps.catalogue import WORK_ARCHIVE_STEM, catalogue_html, pack_work

# Under the server's prefix: /user/<name>/catalogue.
PAGE_PATH = "catalogue"
ARCHIVE_NAME = f"{WORK_ARCHIVE_STEM}.zip"

PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Atelier IA — les ateliers</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 0 auto; max-width: 72em; padding: 1em 2em;
  color: #111; background: #f6f6f6; }}
.atelier-bar {{ display: flex; gap: 1.5em; align-items: center; flex-wrap: wrap;
  margin: 1.5em 0; }}
.atelier-bar a {{ color: #0b3d91; font-weight: bold; }}
</style></head>
<body>
{catalogue}
<div class="atelier-bar">{takeaway}<a href="{logout}">Se déconnecter</a></div>
</body></html>"""

EMPTY_PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Rien à emporter — Atelier IA</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40em;margin:3em auto">
<h1>Rien à emporter pour l'instant</h1>
<p>Les textes produits dans les ateliers seront rangés dans « mes travaux ».</p>
<p><a href="{catalogue}">Revenir aux ateliers</a></p>
</body></html>"""


def work_dir() -> Path | None:
    """Set by the spawner to the person's « mes-travaux » folder."""
    value = os.environ.get("ATELIER_WORK_DIR")
    return Path(value) if value else None


def count_files(folder: Path | None) -> int:
    if folder is None or not folder.is_dir():
        return 0
    return sum(1 for p in folder.rglob("*") if p.is_file())


def takeaway_html(count: int, archive_href: str) -> str:
    if not count:
        return (
            "<span class='atelier-takeaway'>Rien à emporter pour l'instant : les textes "
            "produits dans les ateliers seront rangés ici.</span>"
        )
    return (
        f"<a class='atelier-takeaway' href='{html.escape(archive_href)}' download "
        'title="Télécharger un fichier ZIP de tout ce que vous avez produit aujourd\'hui">'
        f"Emporter mes travaux ({count} fichier{'s' if count > 1 else ''}, {ARCHIVE_NAME})</a>"
    )


def page_html(server_prefix: str, hub_prefix: str, with_code: bool, count: int) -> str:
    archive = url_path_join(server_prefix, PAGE_PATH, ARCHIVE_NAME)
    return PAGE.format(
        catalogue=catalogue_html(server_prefix, with_code=with_code),
        takeaway=takeaway_html(count, archive),
        logout=html.escape(url_path_join(hub_prefix, "logout")),
    )


class _PersonHandler(JupyterHandler):
    # Reading: the Authorizer lets every person do it, with or without code.
    auth_resource = "contents"


class CatalogueHandler(_PersonHandler):
    @web.authenticated
    @authorized
    def get(self) -> None:
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")  # the count of files changes
        self.finish(
            page_html(
                self.base_url,
                url_path_join(os.environ.get("JUPYTERHUB_BASE_URL", "/"), "hub"),
                with_code=os.environ.get("ATELIER_CODE") == "1",
                count=count_files(work_dir()),
            )
        )


class ArchiveHandler(_PersonHandler):
    @web.authenticated
    @authorized
    def get(self) -> None:
        folder = work_dir()
        buffer = io.BytesIO()
        count = pack_work(folder, buffer) if folder is not None else 0
        if not count:
            self.set_status(404)
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(EMPTY_PAGE.format(catalogue=url_path_join(self.base_url, PAGE_PATH)))
            return
        self.set_header("Content-Type", "application/zip")
        self.set_header("Content-Disposition", f'attachment; filename="{ARCHIVE_NAME}"')
        self.set_header("Cache-Control", "no-store")
        self.finish(buffer.getvalue())


def _jupyter_server_extension_points():
    return [{"module": "atelier_ia.apps.catalogue_page"}]


def _load_jupyter_server_extension(serverapp) -> None:
    base = serverapp.base_url
    serverapp.web_app.add_handlers(
        ".*$",
        [
            (url_path_join(base, PAGE_PATH), CatalogueHandler),
            (url_path_join(base, PAGE_PATH, ARCHIVE_NAME), ArchiveHandler),
        ],
    )
