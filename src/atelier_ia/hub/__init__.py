"""JupyterHub configuration built from the settings by small pure functions.

``hub_config/jupyterhub_config.py`` only calls :func:`configure`. Each ``configure_*`` function
sets one concern on the traitlets config and never reads or changes what another one set, so each
can be tested alone on an empty ``Config``.
"""

from __future__ import annotations

from traitlets.config import Config

from atelier_ia.hub.auth import configure_auth
from atelier_ia.hub.core import configure_core
from atelier_ia.hub.roles import configure_roles
from atelier_ia.hub.services import configure_services
from atelier_ia.hub.spawner import configure_spawner
from atelier_ia.settings import Settings

__all__ = ["configure"]


def configure(c: Config, settings: Settings) -> Config:
    for step in (
        configure_core,
        configure_auth,
        configure_spawner,
        configure_services,
        configure_roles,
    ):
        step(c, settings)
    return c
