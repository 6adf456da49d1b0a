"""Which isolation holds, the state dir's modes, and the reachability check that names what
blocks participant accounts."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

import pytest

from atelier_ia import paths
from atelier_ia.isolation import layout, mode, reach
from atelier_ia.settings import SettingsError, load_settings


def settings_for(tmp_path, **env):
    return load_settings(environ={"ATELIER_STATE_DIR": str(tmp_path / "var"), **env})


def test_auto_is_accounts_as_root_and_demo_otherwise(tmp_path, monkeypatch):
    settings = settings_for(tmp_path)
    monkeypatch.setattr(mode, "can_create_accounts", lambda: True)
    assert mode.resolve(settings) == mode.ACCOUNTS
    monkeypatch.setattr(mode, "can_create_accounts", lambda: False)
    assert mode.resolve(settings) == mode.DEMO


@pytest.mark.parametrize("key", ["hub.ip", "gateway.ip"])
def test_the_demo_refuses_a_network_address_naming_the_key(tmp_path, monkeypatch, key):
    monkeypatch.setattr(mode, "can_create_accounts", lambda: False)
    section, name = key.split(".")
    # A network address from RFC 5737's documentation range (nothing here listens on it).
    address = "192.0.2.10"
    settings = settings_for(tmp_path, **{f"ATELIER_{section.upper()}__{name.upper()}": address})
    with pytest.raises(SettingsError) as refused:
        mode.resolve(settings)
    assert f"« {key} » = {address} refusé en mode démonstration" in str(refused.value)
    assert "\n" not in str(refused.value)


def test_accounts_asked_for_without_root_names_the_key(tmp_path, monkeypatch):
    monkeypatch.setattr(mode, "can_create_accounts", lambda: False)
    settings = settings_for(tmp_path, ATELIER_ISOLATION__MODE="accounts")
    with pytest.raises(SettingsError, match="« isolation.mode » = accounts : il faut démarrer"):
        mode.resolve(settings)


def test_a_bad_account_prefix_is_refused_by_name(tmp_path):
    with pytest.raises(SettingsError, match="« isolation.account_prefix »"):
        settings_for(tmp_path, ATELIER_ISOLATION__ACCOUNT_PREFIX="Root")


def test_layout_modes_and_an_older_layout_moved_into_private(tmp_path):
    settings = settings_for(tmp_path)
    settings.state_dir.mkdir()
    (settings.state_dir / "secrets.toml").write_text('workshop_password = "ancien-mot"\n')
    (settings.state_dir / "sessions" / "agen").mkdir(parents=True)
    layout.prepare(settings)
    assert stat.S_IMODE(settings.state_dir.stat().st_mode) == 0o711
    assert stat.S_IMODE(settings.private_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(settings.homes_dir.stat().st_mode) == 0o711
    assert "ancien-mot" in settings.secrets_file.read_text()
    assert (settings.sessions_dir / "agen").is_dir()
    assert not (settings.state_dir / "secrets.toml").exists()


@pytest.fixture
def open_tmp():
    """A folder others may cross (pytest's own are inside a 0700 one)."""
    folder = Path(tempfile.mkdtemp(prefix="atelier-reach-"))
    folder.chmod(0o711)
    yield folder
    shutil.rmtree(folder)


def test_a_closed_folder_on_the_way_is_named_with_the_fix(open_tmp, monkeypatch):
    tmp_path = open_tmp
    closed = tmp_path / "ferme"
    workshops = closed / "depot" / "workshops"
    workshops.mkdir(parents=True)
    (workshops / "atelier.ipynb").write_text("{}")
    closed.chmod(0o700)
    monkeypatch.setattr(paths, "WORKSHOPS_DIR", workshops)
    assert reach.blocking_folder(workshops) == closed
    with pytest.raises(reach.Unreachable) as refused:
        reach.check(tmp_path)
    message = str(refused.value)
    assert f"le dossier {closed} leur est fermé" in message
    assert f"chmod o+x {closed}" in message
    closed.chmod(0o711)
    assert reach.blocking_folder(workshops) is None


@pytest.mark.skipif(os.geteuid() != 0, reason="runs a process as nobody")
def test_nobody_can_run_this_checkouts_python(open_tmp):
    """What `atelier up` checks before starting: true here (the test run opened the checkout)."""
    homes = open_tmp / "homes"
    homes.mkdir(mode=0o711)
    reach.check(homes)
