"""JupyterHub configuration for Atelier IA: loads the settings and hands over to the package."""

from atelier_ia.hub import configure
from atelier_ia.settings import ensure_secrets, load_settings

configure(get_config(), ensure_secrets(load_settings()))  # noqa: F821 (given by JupyterHub)
