from __future__ import annotations

import pytest

from tests import hub_harness
from tests.fake_ollama import FakeOllama
from tests.hub_harness import start_platform


@pytest.fixture(scope="session", autouse=True)
def checkout_open_to_participants():
    with hub_harness.checkout_open_to_participants():
        yield


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
