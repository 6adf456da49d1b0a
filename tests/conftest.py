from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.fake_ollama import FakeOllama
from tests.hub_harness import ROOT, start_platform


@pytest.fixture(scope="session", autouse=True)
def checkout_open_to_participants():
    """Participants' accounts must run this checkout's venv and read its workshops. A checkout
    in a 0700 folder (what `mktemp -d` makes, as ../shared/tools/fresh-clone-test does) blocks
    them, and `atelier up` then refuses to start, naming the folder. For the test run only,
    let others cross (never list) such folders; their modes are put back at the end."""
    changed: list[tuple[Path, int]] = []
    if os.geteuid() == 0:
        for folder in reversed(ROOT.resolve().parents):
            mode = folder.stat().st_mode
            if not mode & stat.S_IXOTH:
                changed.append((folder, stat.S_IMODE(mode)))
                folder.chmod(stat.S_IMODE(mode) | stat.S_IXOTH)
    yield
    for folder, mode in changed:
        folder.chmod(mode)


@pytest.fixture(scope="session")
def platform(tmp_path_factory):
    """One real platform for the integration and browser tests (starting it takes seconds)."""
    tmp = tmp_path_factory.mktemp("platform")
    running = start_platform(
        tmp,
        # Short kernel culling so the test can see a closed Voilà page's kernel go away.
        {
            "ATELIER_CULLING__KERNEL_IDLE_TIMEOUT": "10",
            "ATELIER_CULLING__KERNEL_CULL_INTERVAL": "2",
        },
    )
    yield running
    running.stop()
    running.remove()


@pytest.fixture
def fake():
    """A stand-in Ollama server (Ollama cannot run here): see tests/fake_ollama.py."""
    server = FakeOllama().start()
    yield server
    server.stop()
