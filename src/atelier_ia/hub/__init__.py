"""JupyterHub configuration built from the settings by small pure functions.

``hub_config/jupyterhub_config.py`` only calls :func:`configure`. Each ``configure_*`` function
sets one concern on the traitlets config and never reads or changes what another one set, so each
can be tested alone on an empty ``Config``.

The steps are imported when :func:`configure` runs, not with the package: each person's
server runs ``atelier_ia.hub.singleuser`` and must not pay for the hub's imports (JupyterHub's
spawner, jupyter_events and its schemas) before it has set up what it defers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from traitlets.config import Config

    from atelier_ia.settings import Settings

__all__ = ["configure"]


def configure(c: Config, settings: Settings) -> Config:
    from atelier_ia.hub.auth import configure_auth
    from atelier_ia.hub.core import configure_core
    from atelier_ia.hub.roles import configure_roles
    from atelier_ia.hub.services import configure_services
    from atelier_ia.hub.spawner import configure_spawner

    for step in (
        configure_core,
        configure_auth,
        configure_spawner,
        configure_services,
        configure_roles,
    ):
        step(c, settings)
    return c
