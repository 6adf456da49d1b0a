"""`atelier doctor` and `atelier models` against the real platform; Ollama upstreams are the
stand-in of tests/fake_ollama.py (Ollama cannot run here), which speaks Ollama's protocol."""

from __future__ import annotations

from tests.fake_ollama import FakeOllama
from tests.hub_harness import free_port
from tests.integration.test_sessions import atelier


def config_with_ollama(tmp_path, fake: FakeOllama, model: str = "mistral:7b"):
    path = tmp_path / "atelier.toml"
    path.write_text(
        f"""
[[gateway.backends]]
name = "embarque"
kind = "embedded"

[[gateway.backends]]
name = "gpu"
kind = "ollama"
url = "{fake.url}"
parallel = 4

[[gateway.models]]
name = "smollm2:135m"
backends = ["embarque"]

[[gateway.models]]
name = "{model}"
backends = ["gpu"]
label = "Mistral 7B"
""",
        encoding="utf-8",
    )
    return {"ATELIER_CONFIG": str(path)}


def test_doctor_passes_on_the_running_platform(platform):
    done = atelier(platform, "doctor", "--participants", "5")
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "✓ Hub : JupyterHub" in out
    # Tests run as root (CI): one account per person.
    assert f"✓ Isolation : un compte Unix par personne ({platform.prefix}<identifiant>)" in out
    assert "✓ Passerelle" in out
    assert "Machine : " in out and "espaces ouverts" in out
    assert "✓ Amont « embarque » (embedded) : sert smollm2:135m" in out
    assert "✓ Modèle smollm2:135m : premier mot en" in out
    assert "participants avec une première réponse en moins de 10 s" in out
    assert "Prêt pour la journée" in out


def test_doctor_says_what_to_change_when_the_room_is_too_big(platform):
    done = atelier(platform, "doctor", "--participants", "1000")
    assert done.returncode == 0  # a warning: the day can go on, with fewer people
    assert "Attention : Pour 1000 participants" in done.stdout
    assert "OLLAMA_NUM_PARALLEL" in done.stdout


def test_doctor_blocks_when_the_hub_is_down(platform, tmp_path):
    done = atelier(
        platform,
        "doctor",
        env={"ATELIER_PORT": str(free_port()), "ATELIER_HUB__HUB_PORT": str(free_port())},
    )
    assert done.returncode == 1
    assert "✗ Hub : Le hub ne répond pas" in done.stdout
    assert "✗ Passerelle : ne répond pas" in done.stdout
    assert "au moins un point bloque la journée" in done.stderr


def test_doctor_refuses_wrong_settings(platform):
    done = atelier(platform, "doctor", env={"ATELIER_GATEWAY__PORT": "huit"})
    assert done.returncode == 2
    assert "gateway.port" in done.stderr
    assert "Traceback" not in done.stderr


def test_doctor_names_a_missing_model_and_how_to_get_it(platform, tmp_path):
    fake = FakeOllama(models=()).start()
    try:
        done = atelier(platform, "doctor", env=config_with_ollama(tmp_path, fake))
    finally:
        fake.stop()
    assert done.returncode == 1
    assert "✗ Amont « gpu » (ollama) : modèle(s) absent(s) : mistral:7b" in done.stdout
    assert "atelier models pull mistral:7b" in done.stdout


def test_doctor_names_an_unreachable_upstream(platform, tmp_path):
    fake = FakeOllama()  # never started: nothing listens on its port
    done = atelier(platform, "doctor", env=config_with_ollama(tmp_path, fake))
    assert done.returncode == 1
    assert f"✗ Amont « gpu » (ollama) : injoignable ({fake.url})" in done.stdout


def test_models_list_shows_the_catalogue(platform, tmp_path):
    fake = FakeOllama()
    done = atelier(platform, "models", "list", env=config_with_ollama(tmp_path, fake))
    assert done.returncode == 0
    assert "mistral:7b" in done.stdout and "Mistral 7B" in done.stdout
    assert "smollm2:135m (par défaut)" in done.stdout


def test_models_pull_streams_ollama_progress(platform, tmp_path):
    fake = FakeOllama(models=()).start()
    try:
        env = config_with_ollama(tmp_path, fake)
        refused = atelier(platform, "models", "pull", "llama3:8b", env=env)
        assert refused.returncode == 2
        assert "n'est pas dans le catalogue" in refused.stderr
        assert fake.pulled == []

        done = atelier(platform, "models", "pull", "mistral:7b", env=env)
        assert done.returncode == 0, done.stderr
        assert fake.pulled == ["mistral:7b"]
        assert "pulling manifest" in done.stdout and "success" in done.stdout
        assert "mistral:7b est installé" in done.stdout
        assert "mistral:7b" in fake.models

        forced = atelier(platform, "models", "pull", "llama3:8b", "--force", env=env)
        assert forced.returncode == 0, forced.stderr
        assert fake.pulled == ["mistral:7b", "llama3:8b"]
    finally:
        fake.stop()
