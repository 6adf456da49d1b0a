"""How each person's Jupyter server starts: its home, its landing page, its way to the models."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from traitlets.config import Config

from atelier_ia import paths
from atelier_ia.settings import Settings

CATALOGUE_URL = "/voila/render/workshops/index.ipynb"
WORK_DIR = "mes-travaux"
TRAINER_URL = "/lab"
LAB_SETTINGS_DIR = Path(".jupyter/lab/user-settings/@jupyterlab")
# JupyterLab settings a person starts with (they may change them): French, and no news
# fetched from the Internet, which a workshop server often cannot reach.
LAB_DEFAULTS = {
    "translation-extension/plugin.jupyterlab-settings": {"locale": "fr_FR"},
    "apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false"},
}


def is_trainer(user: Any, settings: Settings) -> bool:
    groups = {getattr(group, "name", group) for group in getattr(user, "groups", [])}
    return bool(getattr(user, "admin", False)) or settings.auth.trainers_group in groups


def sync_workshops(source: Path, home: Path) -> Path:
    """Put a fresh copy of the shipped workshops in the home, read-only.

    Refreshed at every server start so a fix to a workshop reaches everyone; people keep their
    own work elsewhere in their home (the apps save under ``mes-travaux/``).
    """
    target = home / "workshops"
    if target.exists():
        for path in target.rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(target)
    shutil.copytree(
        source, target, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    )
    for path in sorted(target.rglob("*"), reverse=True):
        path.chmod(0o555 if path.is_dir() else 0o444)
    target.chmod(0o555)
    return target


def write_lab_defaults(home: Path) -> None:
    """Start JupyterLab in French, without overwriting a choice the person made since."""
    for name, values in LAB_DEFAULTS.items():
        settings_file = home / LAB_SETTINGS_DIR / name
        if not settings_file.exists():
            settings_file.parent.mkdir(parents=True, exist_ok=True)
            settings_file.write_text(json.dumps(values), encoding="utf-8")


def make_pre_spawn_hook(settings: Settings, workshops: Path = paths.WORKSHOPS_DIR):
    def pre_spawn_hook(spawner: Any) -> None:
        home = settings.homes_dir / spawner.user.name
        home.mkdir(parents=True, exist_ok=True)
        (home / WORK_DIR).mkdir(exist_ok=True)
        sync_workshops(workshops, home)
        write_lab_defaults(home)
        spawner.default_url = TRAINER_URL if is_trainer(spawner.user, settings) else CATALOGUE_URL

    return pre_spawn_hook


def server_environment(settings: Settings) -> dict[str, Any]:
    return {
        # nbgrader shells out to alembic: the venv's bin/ must be on PATH.
        "PATH": f"{paths.VENV_BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
        # The official ollama client reads these: `import ollama; ollama.chat(...)` goes to
        # the gateway with the person's own token.
        "OLLAMA_HOST": settings.gateway_url,
        "OLLAMA_API_KEY": lambda spawner: spawner.api_token,
        "ATELIER_GATEWAY_URL": settings.gateway_url,
        "ATELIER_DEFAULT_MODEL": settings.gateway.default_model,
        # Where the apps keep what people produce (exported at the end of a session).
        "ATELIER_WORK_DIR": lambda spawner: str(settings.homes_dir / spawner.user.name / WORK_DIR),
    }


def server_args(settings: Settings) -> list[str]:
    culling = settings.culling
    return [
        # Development machines and CI run as root; SimpleLocalProcessSpawner keeps that user.
        "--ServerApp.allow_root=True",
        # A closed Voilà page leaves its kernel behind: cull idle kernels with no connection.
        f"--MappingKernelManager.cull_idle_timeout={culling.kernel_idle_timeout}",
        f"--MappingKernelManager.cull_interval={culling.kernel_cull_interval}",
        "--MappingKernelManager.cull_connected=False",
        "--MappingKernelManager.cull_busy=False",
        "--VoilaConfiguration.show_tracebacks=False",
    ]


def configure_spawner(c: Config, settings: Settings) -> None:
    c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
    c.SimpleLocalProcessSpawner.home_dir_template = str(settings.homes_dir / "{username}")
    c.Spawner.cmd = [str(paths.VENV_BIN / "jupyterhub-singleuser")]
    c.Spawner.args = server_args(settings)
    c.Spawner.default_url = CATALOGUE_URL
    c.Spawner.environment = server_environment(settings)
    c.Spawner.pre_spawn_hook = make_pre_spawn_hook(settings)
    c.Spawner.start_timeout = 120
    c.Spawner.http_timeout = 60
