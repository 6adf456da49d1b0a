"""Where the hub listens and keeps its state."""

from __future__ import annotations

from traitlets.config import Config

from atelier_ia import paths
from atelier_ia.hub import priority
from atelier_ia.settings import Settings

TEMPLATES_DIR = paths.PACKAGE_DIR / "hub" / "templates"


def configure_core(c: Config, settings: Settings) -> None:
    private = settings.private_dir
    c.JupyterHub.ip = settings.hub.ip
    c.JupyterHub.port = settings.hub.port
    c.JupyterHub.hub_ip = "127.0.0.1"
    c.JupyterHub.hub_port = settings.hub.hub_port
    c.JupyterHub.db_url = f"sqlite:///{private / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(private / "jupyterhub_cookie_secret")
    c.JupyterHub.pid_file = str(private / "jupyterhub.pid")
    # French login page and error pages for participants.
    c.JupyterHub.template_paths = [str(TEMPLATES_DIR)]
    # Ctrl-C on `make up` stops everything: user servers and the proxy go with the hub.
    c.JupyterHub.cleanup_servers = True
    c.JupyterHub.cleanup_proxy = True
    # The proxy, like the hub, ahead of people's servers: a room's every page goes through it.
    c.ConfigurableHTTPProxy.command = priority.raised(paths.proxy_command(), settings.hub.niceness)
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{settings.hub.proxy_api_port}"
    c.ConfigurableHTTPProxy.pid_file = str(private / "jupyterhub-proxy.pid")
    c.ConfigurableHTTPProxy.should_start = True
