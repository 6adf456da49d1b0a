"""The hub configuration functions, each on an empty traitlets Config."""

from __future__ import annotations

import stat
from types import SimpleNamespace

import pytest
from traitlets.config import Config

from atelier_ia import paths
from atelier_ia.hub import configure, priority
from atelier_ia.hub.auth import AtelierAuthenticator, configure_auth
from atelier_ia.hub.roles import configure_roles
from atelier_ia.hub.server_policy import permitted
from atelier_ia.hub.services import configure_services
from atelier_ia.hub.singleuser import extension_args, prepare_home
from atelier_ia.hub.spawner import (
    CATALOGUE_URL,
    TRAINER_URL,
    AccountSpawner,
    DemoSpawner,
    configure_spawner,
    make_pre_spawn_hook,
)
from atelier_ia.isolation import mode
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
    assert c.JupyterHub.load_groups == {
        "formateurs": {"users": ["formateur"]},
        # nbgrader's course groups; the grader account exists in the hub (nbgrader #1872).
        "formgrade-acculturation-ia": {"users": ["grader-acculturation-ia", "formateur"]},
        "nbgrader-acculturation-ia": {"users": []},
    }


def test_spawner_environment_points_ollama_at_the_gateway(settings):
    c = Config()
    configure_spawner(c, settings)
    env = c.Spawner.environment
    assert env["OLLAMA_HOST"] == "http://127.0.0.1:8123/services/gateway"
    token = env["OLLAMA_API_KEY"](SimpleNamespace(api_token="abc123"))
    assert token == "abc123"
    assert env["PATH"].startswith(str(paths.VENV_BIN))
    assert c.Spawner.default_url == CATALOGUE_URL
    assert c.Spawner.cmd[-2:] == ["-m", "atelier_ia.hub.singleuser"]
    assert c.Spawner.disable_user_config is True
    assert "--MappingKernelManager.cull_connected=False" in c.Spawner.args
    assert any(a.startswith("--MappingKernelManager.cull_idle_timeout=") for a in c.Spawner.args)
    assert (
        "--ServerApp.authorizer_class=atelier_ia.hub.server_policy.AtelierAuthorizer"
        in c.Spawner.args
    )


def test_root_gets_one_account_per_person_and_never_allow_root(settings, monkeypatch):
    monkeypatch.setattr(mode, "can_create_accounts", lambda: True)
    c = Config()
    configure_spawner(c, settings)
    assert c.JupyterHub.spawner_class is AccountSpawner
    assert c.AccountSpawner.homes_dir == str(settings.homes_dir)
    assert "--ServerApp.allow_root=True" not in c.Spawner.args


def test_without_root_the_demo_keeps_the_operators_account(settings, monkeypatch):
    monkeypatch.setattr(mode, "can_create_accounts", lambda: False)
    c = Config()
    configure_spawner(c, settings)
    assert c.JupyterHub.spawner_class is DemoSpawner
    assert c.DemoSpawner.home_dir_template == str(settings.homes_dir / "{username}")


def _spawner(name, admin=False, groups=()):
    user = SimpleNamespace(name=name, admin=admin, groups=[SimpleNamespace(name=g) for g in groups])
    return SimpleNamespace(user=user, default_url=CATALOGUE_URL)


def test_pre_spawn_hook_picks_the_landing_page(settings):
    hook = make_pre_spawn_hook(settings)
    participant = _spawner("alice")
    hook(participant)
    assert participant.default_url == CATALOGUE_URL
    trainer = _spawner("claire", groups=["formateurs"])
    hook(trainer)
    assert trainer.default_url == TRAINER_URL
    admin = _spawner("formateur", admin=True)
    hook(admin)
    assert admin.default_url == TRAINER_URL


def test_the_home_links_the_shipped_workshops_and_keeps_choices(tmp_path):
    workshops = tmp_path / "shipped"
    (workshops / "00-x").mkdir(parents=True)
    (workshops / "00-x" / "x.ipynb").write_text("{}")
    home = tmp_path / "homes" / "alice"
    # An earlier version copied the workshops into the home, read-only.
    (home / "workshops" / "old").mkdir(parents=True)
    (home / "workshops" / "old" / "y.ipynb").write_text("{}")
    for path in (home / "workshops" / "old" / "y.ipynb", home / "workshops" / "old"):
        path.chmod(0o555 if path.is_dir() else 0o444)
    prepare_home(home, workshops)
    link = home / "workshops"
    assert link.is_symlink() and link.resolve() == workshops.resolve()
    assert (link / "00-x" / "x.ipynb").read_text() == "{}"
    assert (home / "mes-travaux").is_dir()
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    locale = home / ".jupyter/lab/user-settings/@jupyterlab/translation-extension"
    assert '"fr_FR"' in (locale / "plugin.jupyterlab-settings").read_text()
    # A language the person picked later is kept at the next start; a fix to a shipped
    # workshop reaches everyone at once.
    (locale / "plugin.jupyterlab-settings").write_text('{"locale": "en"}')
    (workshops / "00-x" / "x.ipynb").write_text('{"v": 2}')
    prepare_home(home, workshops)
    assert (link / "00-x" / "x.ipynb").read_text() == '{"v": 2}'
    assert '"en"' in (locale / "plugin.jupyterlab-settings").read_text()


def test_participants_without_code_get_voila_alone():
    light = extension_args(with_lab=False)
    assert "--ServerApp.jpserver_extensions=jupyterlab=False" in light
    assert "--ServerApp.jpserver_extensions=atelier_ia.hub.server_policy=True" in light
    assert "--ServerApp.jpserver_extensions=atelier_ia.apps.catalogue_page=True" in light
    assert extension_args(with_lab=True, trainer=True) == [
        "--ServerApp.jpserver_extensions=atelier_ia.hub.server_policy=True",
        "--ServerApp.jpserver_extensions=atelier_ia.apps.catalogue_page=True",
    ]
    # A learner with code gets nbgrader's assignment list, not its grading side.
    learner = extension_args(with_lab=True, trainer=False)
    assert "--ServerApp.jpserver_extensions=nbgrader.server_extensions.formgrader=False" in learner
    assert not any("assignment_list" in arg for arg in learner)


@pytest.mark.parametrize(
    ("trainer", "code", "action", "resource", "allowed"),
    [
        (False, False, "write", "terminals", False),
        (False, True, "write", "terminals", False),
        (True, False, "write", "terminals", True),
        (False, False, "execute", "kernels", True),
        (False, False, "write", "kernels", False),
        (False, False, "write", "contents", False),
        (False, False, "read", "contents", True),
        (False, True, "write", "contents", True),
    ],
)
def test_server_policy(trainer, code, action, resource, allowed):
    assert permitted(trainer, code, action, resource) is allowed


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
    # The culler looks often enough for its timeout to mean what it says.
    assert by_name["idle-culler"]["command"][-2:] == ["--timeout=3600", "--cull-every=600"]
    short = settings.model_copy(
        update={"culling": settings.culling.model_copy(update={"server_idle_timeout": 300})}
    )
    c = Config()
    configure_services(c, short)
    culler = {s["name"]: s for s in c.JupyterHub.services}["idle-culler"]
    assert culler["command"][-2:] == ["--timeout=300", "--cull-every=75"]
    # What the culler reads is refreshed well within its timeout, by the hub and the servers
    # (JupyterHub's 5 min default would stop people at work under a 5 min timeout).
    assert c.JupyterHub.last_activity_interval == 60
    c = Config()
    configure_spawner(c, short)
    assert c.Spawner.environment["JUPYTERHUB_ACTIVITY_INTERVAL"] == "60"

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
    # Started with its session ahead of people's servers (hub/priority.py) where it can be.
    assert c.ConfigurableHTTPProxy.command == priority.raised(
        paths.proxy_command(), settings.hub.niceness
    )
    assert c.ConfigurableHTTPProxy.command[-1] == paths.proxy_command()[-1]
    assert c.JupyterHub.authenticator_class is AtelierAuthenticator
    assert c.JupyterHub.spawner_class in (AccountSpawner, DemoSpawner)
    assert str(settings.private_dir) in c.JupyterHub.db_url
    assert c.JupyterHub.cookie_secret_file.startswith(str(settings.private_dir))


def test_kernels_get_their_priority_from_the_settings(tmp_path):
    env = {"ATELIER_STATE_DIR": str(tmp_path / "state"), "ATELIER_HUB__KERNEL_NICENESS": "12"}
    c = Config()
    configure_spawner(c, load_settings(environ=env))
    assert c.Spawner.environment["ATELIER_KERNEL_NICENESS"] == "12"
    with pytest.raises(ValueError, match="kernel_niceness"):
        load_settings(environ={**env, "ATELIER_HUB__KERNEL_NICENESS": "20"})
