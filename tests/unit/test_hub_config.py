"""The hub configuration functions, each on an empty traitlets Config."""

from __future__ import annotations

import stat
from types import SimpleNamespace

import pytest
from traitlets.config import Config

from atelier_ia import paths
from atelier_ia.hub import configure
from atelier_ia.hub.auth import AtelierAuthenticator, configure_auth
from atelier_ia.hub.roles import configure_roles
from atelier_ia.hub.services import configure_services
from atelier_ia.hub.spawner import (
    CATALOGUE_URL,
    TRAINER_URL,
    configure_spawner,
    make_pre_spawn_hook,
)
from atelier_ia.settings import ensure_secrets, load_settings


@pytest.fixture
def settings(tmp_path):
    env = {
        "ATELIER_STATE_DIR": str(tmp_path / "state"),
        "ATELIER_WORKSHOP_PASSWORD": "mot-de-passe-atelier",
        "ATELIER_ADMIN_PASSWORD": "x" * 40,
        "ATELIER_PORT": "8123",
    }
    return ensure_secrets(load_settings(environ=env))


def test_auth(settings):
    c = Config()
    configure_auth(c, settings)
    assert c.JupyterHub.authenticator_class is AtelierAuthenticator
    assert c.SharedPasswordAuthenticator.user_password == "mot-de-passe-atelier"
    assert c.SharedPasswordAuthenticator.admin_password == "x" * 40
    assert c.Authenticator.admin_users == {"formateur"}
    assert c.Authenticator.allow_all is True
    assert c.JupyterHub.load_groups == {"formateurs": {"users": ["formateur"]}}


def test_spawner_environment_points_ollama_at_the_gateway(settings):
    c = Config()
    configure_spawner(c, settings)
    env = c.Spawner.environment
    assert env["OLLAMA_HOST"] == "http://127.0.0.1:8123/services/gateway"
    token = env["OLLAMA_API_KEY"](SimpleNamespace(api_token="abc123"))
    assert token == "abc123"
    assert env["PATH"].startswith(str(paths.VENV_BIN))
    assert c.Spawner.default_url == CATALOGUE_URL
    assert "--ServerApp.allow_root=True" in c.Spawner.args
    assert "--MappingKernelManager.cull_connected=False" in c.Spawner.args
    assert any(a.startswith("--MappingKernelManager.cull_idle_timeout=") for a in c.Spawner.args)
    assert c.SimpleLocalProcessSpawner.home_dir_template == str(
        settings.state_dir / "homes" / "{username}"
    )


def _spawner(name, admin=False, groups=()):
    user = SimpleNamespace(name=name, admin=admin, groups=[SimpleNamespace(name=g) for g in groups])
    return SimpleNamespace(user=user, default_url=CATALOGUE_URL)


def test_pre_spawn_hook_prepares_home_and_landing_page(settings, tmp_path):
    workshops = tmp_path / "shipped"
    (workshops / "00-x").mkdir(parents=True)
    (workshops / "index.ipynb").write_text("{}")
    (workshops / "00-x" / "x.ipynb").write_text("{}")
    hook = make_pre_spawn_hook(settings, workshops)

    participant = _spawner("alice")
    hook(participant)
    home = settings.homes_dir / "alice"
    assert participant.default_url == CATALOGUE_URL
    copied = home / "workshops" / "00-x" / "x.ipynb"
    assert copied.read_text() == "{}"
    assert not stat.S_IMODE(copied.stat().st_mode) & 0o222, "workshops are read-only"
    assert (home / "mes-travaux").is_dir()
    locale = home / ".jupyter/lab/user-settings/@jupyterlab/translation-extension"
    assert '"fr_FR"' in (locale / "plugin.jupyterlab-settings").read_text()
    # A language the person picked later is kept at the next start.
    (locale / "plugin.jupyterlab-settings").write_text('{"locale": "en"}')

    # A fix to a shipped workshop reaches the home at the next start.
    (workshops / "00-x" / "x.ipynb").write_text('{"v": 2}')
    hook(participant)
    assert copied.read_text() == '{"v": 2}'
    assert '"en"' in (locale / "plugin.jupyterlab-settings").read_text()

    trainer = _spawner("claire", groups=["formateurs"])
    hook(trainer)
    assert trainer.default_url == TRAINER_URL
    admin = _spawner("formateur", admin=True)
    hook(admin)
    assert admin.default_url == TRAINER_URL


def test_services_and_roles(settings, monkeypatch):
    monkeypatch.setenv("ATELIER_ADMIN_PASSWORD", "y" * 40)
    monkeypatch.setenv("ATELIER_GATEWAY__PORT", "9999")
    c = Config()
    configure_services(c, settings)
    by_name = {s["name"]: s for s in c.JupyterHub.services}
    gateway = by_name["gateway"]
    assert gateway["url"] == "http://127.0.0.1:8181"
    assert gateway["command"][-2:] == ["-m", "atelier_ia.gateway"]
    # The gateway gets the same settings, and never a password.
    assert gateway["environment"]["ATELIER_STATE_DIR"] == str(settings.state_dir)
    assert gateway["environment"]["ATELIER_GATEWAY__PORT"] == "9999"
    assert not any("PASSWORD" in k for k in gateway["environment"])
    assert "idle-culler" in by_name

    c = Config()
    configure_roles(c, settings)
    roles = {r["name"]: r for r in c.JupyterHub.load_roles}
    assert "access:services!service=gateway" in roles["server"]["scopes"]
    assert "access:servers!server" in roles["server"]["scopes"]
    assert "access:services!service=gateway" in roles["user"]["scopes"]
    assert roles["idle-culler"]["services"] == ["idle-culler"]
    assert "admin:users" not in roles["idle-culler"]["scopes"]
    assert roles["gateway"]["scopes"] == ["read:groups!group=formateurs"]
    assert roles["gateway"]["services"] == ["gateway"]


def test_configure_composes_without_overlap(settings):
    c = configure(Config(), settings)
    assert c.JupyterHub.port == 8123
    assert c.JupyterHub.ip == "127.0.0.1"
    assert c.JupyterHub.db_url.endswith("jupyterhub.sqlite")
    assert str(settings.state_dir) in c.JupyterHub.db_url
    assert c.ConfigurableHTTPProxy.command == paths.proxy_command()
    assert c.JupyterHub.authenticator_class is AtelierAuthenticator
    assert c.JupyterHub.spawner_class.endswith("SimpleLocalProcessSpawner")
