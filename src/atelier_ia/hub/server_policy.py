"""What a person may do in their own Jupyter server, decided by the server itself.

Two parts, both loaded into every person's server:

- :class:`AtelierAuthorizer`, jupyter_server's documented hook (``ServerApp.authorizer_class``):
  after the hub's own scope check, participants get no terminal, and without code
  (« Pour aller plus loin » off) they may read and run what Voilà needs, and change nothing
  through the REST API;
- a server extension that answers ``/lab`` and ``/tree`` with a French 403 when JupyterLab is not
  loaded, instead of a bare 404.

The spawner sets ``ATELIER_ROLE`` and ``ATELIER_CODE`` in the server's environment; a person
cannot change their own server's environment, nor its config (``Spawner.disable_user_config``).
"""

from __future__ import annotations

import os

from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_path_join
from jupyterhub.singleuser.extension import JupyterHubAuthorizer
from tornado import web

TRAINER = "formateur"
PARTICIPANT = "participant"

NO_CODE_PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Accès refusé — Atelier IA</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>Pas d'accès au code pendant cet atelier</h1>
<p>JupyterLab et le code ne sont pas ouverts aux participants dans cette session.
Les ateliers se font sans code, depuis le catalogue.</p>
<p><a href="{catalogue}">Revenir au catalogue des ateliers</a></p>
</body></html>"""


def role() -> str:
    return os.environ.get("ATELIER_ROLE", PARTICIPANT)


def code_on() -> bool:
    return os.environ.get("ATELIER_CODE") == "1"


def permitted(trainer: bool, code: bool, action: str, resource: str) -> bool:
    if trainer:
        return True
    if resource == "terminals":
        return False
    if code:
        return True
    # Voilà renders through its own handlers and speaks to its kernels over their websocket
    # (`execute` on `kernels`); the rest of the REST API stays read-only.
    return action == "read" or (action == "execute" and resource == "kernels")


class AtelierAuthorizer(JupyterHubAuthorizer):
    def is_authorized(self, handler, user, action, resource):
        if not super().is_authorized(handler, user, action, resource):
            return False
        allowed = permitted(role() == TRAINER, code_on(), action, resource)
        if not allowed:
            self.log.warning("Refusé à %s : %s sur %s", user.username, action, resource)
        return allowed


class NoCodeHandler(JupyterHandler):
    @web.authenticated
    def get(self, *args) -> None:
        catalogue = url_path_join(self.base_url, "catalogue")
        self.set_status(403)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(NO_CODE_PAGE.format(catalogue=catalogue))


def _jupyter_server_extension_points():
    return [{"module": "atelier_ia.hub.server_policy"}]


def _load_jupyter_server_extension(serverapp) -> None:
    if role() == TRAINER or code_on():
        return
    base = serverapp.base_url
    serverapp.web_app.add_handlers(
        ".*$",
        [(url_path_join(base, pattern), NoCodeHandler) for pattern in (r"/lab(.*)", r"/tree(.*)")],
    )
