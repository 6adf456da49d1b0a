"""Settings: a good file loads; each kind of bad value gives one French line naming the key."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from atelier_ia.settings import SettingsError, ensure_secrets, load_settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "atelier.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = load_settings(environ={})
    assert settings.hub.port == 8000
    assert settings.hub.ip == "127.0.0.1"
    assert settings.state_dir == tmp_path / "var"
    assert settings.gateway.default_model == "smollm2:135m"
    assert [b.kind for b in settings.gateway.backends] == ["embedded"]
    assert settings.source is None


def test_good_file(tmp_path):
    path = write(
        tmp_path,
        f"""
state_dir = "{tmp_path / "state"}"
[hub]
port = 9000
[auth]
workshop_password = "bonjour-les-elus"
admin_users = ["claire"]
[gateway]
default_model = "mistral:7b"
[[gateway.backends]]
name = "gpu"
kind = "ollama"
url = "http://127.0.0.1:11434"
parallel = 4
[[gateway.models]]
name = "mistral:7b"
backends = ["gpu"]
label = "Mistral 7B"
""",
    )
    settings = load_settings(path, environ={})
    assert settings.hub.port == 9000
    assert settings.auth.workshop_password == "bonjour-les-elus"
    assert settings.auth.admin_users == ["claire"]
    assert settings.gateway.backends[0].url == "http://127.0.0.1:11434"
    assert settings.gateway.backends[0].parallel == 4
    assert settings.gateway.default_model == "mistral:7b"
    assert settings.state_dir == tmp_path / "state"
    assert settings.source == path


def test_environment_overrides_the_file(tmp_path):
    path = write(tmp_path, "[hub]\nport = 9000\n")
    env = {
        "ATELIER_PORT": "9100",
        "ATELIER_WORKSHOP_PASSWORD": "mot-de-passe-long",
        "ATELIER_STATE_DIR": str(tmp_path / "ailleurs"),
        "ATELIER_GATEWAY__PORT": "9200",
    }
    settings = load_settings(path, environ=env)
    assert settings.hub.port == 9100
    assert settings.gateway.port == 9200
    assert settings.auth.workshop_password == "mot-de-passe-long"
    assert settings.state_dir == tmp_path / "ailleurs"


def test_config_path_from_environment(tmp_path):
    path = write(tmp_path, "[hub]\nport = 9300\n")
    assert load_settings(environ={"ATELIER_CONFIG": str(path)}).hub.port == 9300


@pytest.mark.parametrize(
    ("text", "env", "key", "expected"),
    [
        ('[hub]\nport = "huit mille"\n', {}, "hub.port", "nombre entier"),
        ("[hub]\nport = 70000\n", {}, "hub.port", "inférieur ou égal à 65535"),
        ("[hub]\nprot = 8000\n", {}, "hub.prot", "clé inconnue"),
        ('[hub]\nip = "localhost-ish"\n', {}, "hub.ip", "adresse IP"),
        ("", {"ATELIER_PORT": "abc"}, "hub.port", "nombre entier"),
        ('[auth]\nworkshop_password = "court"\n', {}, "auth.workshop_password", "8 caractères"),
        ("[auth]\nadmin_users = []\n", {}, "auth.admin_users", "liste non vide"),
        (
            '[[gateway.backends]]\nname = "x"\nkind = "vllm"\n',
            {},
            "gateway.backends.0.kind",
            "une de ces valeurs",
        ),
        (
            '[[gateway.backends]]\nname = "x"\nkind = "ollama"\n',
            {},
            "gateway.backends.0",
            "http(s)://",
        ),
        ('[gateway]\ndefault_model = "inconnu"\n', {}, "gateway", "default_model"),
        (
            "[culling]\nkernel_idle_timeout = 1\n",
            {},
            "culling.kernel_idle_timeout",
            "supérieur ou égal à 10",
        ),
    ],
)
def test_bad_values_name_the_key(tmp_path, text, env, key, expected):
    path = write(tmp_path, text)
    with pytest.raises(SettingsError) as caught:
        load_settings(path, environ=env)
    message = str(caught.value)
    assert f"« {key} »" in message
    assert expected in message
    assert "\n" not in message


def test_passwords_are_never_echoed(tmp_path):
    path = write(tmp_path, '[auth]\nworkshop_password = "secret7"\n')
    with pytest.raises(SettingsError) as caught:
        load_settings(path, environ={})
    assert "secret7" not in str(caught.value)


def test_broken_toml_and_missing_file(tmp_path):
    path = write(tmp_path, "[hub\nport = 1\n")
    with pytest.raises(SettingsError, match="TOML"):
        load_settings(path, environ={})
    with pytest.raises(SettingsError, match="introuvable"):
        load_settings(tmp_path / "absent.toml", environ={})


def test_generated_passwords_are_kept_private_and_stable(tmp_path):
    env = {"ATELIER_STATE_DIR": str(tmp_path / "state")}
    first = ensure_secrets(load_settings(environ=env))
    mode = stat.S_IMODE(first.secrets_file.stat().st_mode)
    assert mode == 0o600
    assert len(first.auth.workshop_password) >= 8
    assert len(first.auth.admin_password) >= 32
    second = ensure_secrets(load_settings(environ=env))
    assert second.auth.workshop_password == first.auth.workshop_password
    assert second.auth.admin_password == first.auth.admin_password


def test_given_password_wins_over_stored_one(tmp_path):
    env = {"ATELIER_STATE_DIR": str(tmp_path), "ATELIER_WORKSHOP_PASSWORD": "choisi-par-moi"}
    ensure_secrets(load_settings(environ={"ATELIER_STATE_DIR": str(tmp_path)}))
    assert ensure_secrets(load_settings(environ=env)).auth.workshop_password == "choisi-par-moi"


def test_the_shipped_example_file_is_valid():
    from atelier_ia.paths import PROJECT_ROOT

    settings = load_settings(PROJECT_ROOT / "hub_config" / "atelier.example.toml", environ={})
    assert settings.gateway.default_model == "smollm2:135m"
    assert settings.auth.admin_users == ["formateur"]
