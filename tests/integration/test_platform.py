"""The walking skeleton end to end: a real hub with its proxy, the real gateway and the real
embedded model (llama.cpp + SmolLM2-135M), real Voilà rendering in a real user server."""

from __future__ import annotations

import subprocess
import uuid
from concurrent.futures import ThreadPoolExecutor

import ollama
import psutil
import pytest
import requests

from atelier_ia.hub.singleuser import KERNEL_NICENESS
from atelier_ia.settings import Settings
from tests.hub_harness import (
    ATELIER,
    PLAYGROUND,
    ROOT,
    ndjson,
    run_in_kernel,
    voila_outputs,
    wait_until,
)

MODEL = "smollm2:135m"


def chat_body(text: str, **options) -> dict:
    return {
        "model": MODEL,
        "messages": [{"role": "user", "content": text}],
        "options": {"num_predict": 24, "temperature": 0, **options},
    }


@pytest.fixture(scope="module")
def alice(platform):
    session = platform.login("alice")
    assert session.login_status == 302
    platform.start_server(session, "alice")
    return session


def test_wrong_password_is_refused_in_french(platform):
    session = platform.login("mallory", "pas-le-bon-mot-de-passe")
    assert session.login_status == 403
    page = session.get(f"{platform.url}/hub/login").text
    assert "Mot de passe (de l'atelier, ou celui de votre badge)" in page


def test_participant_lands_on_the_catalogue(platform, alice):
    token = platform.new_token(alice, "alice")
    kernels_url = f"{platform.url}/user/alice/api/kernels"
    headers = {"Authorization": f"token {token}"}
    before = {k["id"] for k in requests.get(kernels_url, headers=headers).json()}
    response = alice.get(f"{platform.url}/hub/")
    assert response.status_code == 200
    assert response.url.endswith("/user/alice/catalogue")
    assert "/lab" not in response.url
    html = response.text
    assert '<html lang="fr">' in html and "Atelier IA" in html
    assert "Ouvrir l&#x27;atelier « Bac à sable »" in html or "Bac à sable" in html
    assert "/user/alice/voila/render/workshops/00-bac-a-sable/bac-a-sable.ipynb" in html
    assert (
        "/user/alice/voila/render/workshops/06-donnees-personnelles/donnees-personnelles.ipynb"
        in html
    )
    assert html.count("atelier-card") == 11
    assert html.count("Bientôt") == 0
    # Code is off for participants: no « Pour aller plus loin » link (the server refuses /lab).
    assert html.count("atelier-with-code") == 0
    # A plain page: showing it started no kernel (a Voilà catalogue did, for every visit).
    after = {k["id"] for k in requests.get(kernels_url, headers=headers).json()}
    assert not after - before
    # Nothing produced yet: nothing to take away.
    assert "Rien à emporter pour l'instant" in html
    assert "mes-travaux.zip" not in html


def test_playground_renders_its_widgets(platform, alice):
    response = alice.get(
        f"{platform.url}/user/alice/voila/render/workshops/00-bac-a-sable/bac-a-sable.ipynb"
    )
    assert response.status_code == 200
    outputs = voila_outputs(response.text)
    widget_views = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o["data"]]
    assert widget_views, outputs
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert "Playground()" not in response.text


def test_gateway_streams_a_real_answer_for_the_users_token(platform, alice):
    token = platform.new_token(alice, "alice")
    response = requests.post(
        f"{platform.url}/services/gateway/api/chat",
        json=chat_body("Dis bonjour aux élus du Lot-et-Garonne."),
        headers={"Authorization": f"token {token}"},
        stream=True,
        timeout=120,
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = ndjson(response)
    pieces = [line["message"]["content"] for line in lines[:-1]]
    assert len(pieces) >= 2, "the answer arrives in several pieces"
    assert "".join(pieces).strip()
    last = lines[-1]
    assert last["done"] is True
    assert last["prompt_eval_count"] > 5
    assert 0 < last["eval_count"] <= 24
    assert last["total_duration"] > 0


def test_gateway_lists_the_embedded_model(platform, alice):
    token = platform.new_token(alice, "alice")
    response = requests.get(
        f"{platform.url}/services/gateway/api/tags",
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert response.status_code == 200
    models = response.json()["models"]
    assert [m["name"] for m in models] == [MODEL]
    assert models[0]["details"]["parameter_size"] == "135M"
    # The operator's French description: size, languages, speed.
    notes = models[0]["atelier"]["notes"]
    assert "98 Mo" in notes and "français" in notes and "rapide" in notes


@pytest.mark.parametrize(
    "header",
    [None, "Bearer not-a-real-token", "token " + uuid.uuid4().hex, "Basic YWxpY2U6eA=="],
)
def test_gateway_refuses_missing_or_wrong_tokens(platform, header):
    headers = {"Authorization": header} if header else {}
    for method, path, body in (("POST", "/api/chat", chat_body("x")), ("GET", "/api/tags", None)):
        response = requests.request(
            method, f"{platform.url}/services/gateway{path}", json=body, headers=headers, timeout=30
        )
        assert response.status_code == 401, (path, response.text)
        assert "Jeton" in response.json()["error"]


def test_gateway_refuses_a_token_without_gateway_access(platform, alice):
    narrow = platform.new_token(alice, "alice", scopes=["read:users:name!user=alice"])
    response = requests.get(
        f"{platform.url}/services/gateway/api/tags",
        headers={"Authorization": f"Bearer {narrow}"},
        timeout=30,
    )
    assert response.status_code == 403


def test_gateway_rejects_bad_requests_clearly(platform, alice):
    token = platform.new_token(alice, "alice")
    headers = {"Authorization": f"Bearer {token}"}
    url = f"{platform.url}/services/gateway/api/chat"
    unknown = requests.post(url, json={**chat_body("x"), "model": "gpt-9"}, headers=headers)
    assert unknown.status_code == 404
    assert MODEL in unknown.json()["error"]
    empty = requests.post(url, json={**chat_body("x"), "messages": []}, headers=headers)
    assert empty.status_code == 400
    assert "messages" in empty.json()["error"]
    for content_type in ("application/json", "text/plain"):
        broken = requests.post(
            url, data="{not json", headers={**headers, "Content-Type": content_type}
        )
        assert broken.status_code == 400
        assert "JSON" in broken.json()["error"]
    wrong_type = requests.post(url, json={**chat_body("x"), "stream": "beaucoup"}, headers=headers)
    assert wrong_type.status_code == 400
    assert "« stream »" in wrong_type.json()["error"]
    assert "true ou false" in wrong_type.json()["error"]
    # The gateway is still there after all that.
    assert requests.get(f"{platform.url}/services/gateway/api/tags", headers=headers).ok


def test_official_ollama_client_with_a_hub_token(platform, alice):
    token = platform.new_token(alice, "alice")
    client = ollama.Client(
        host=f"{platform.url}/services/gateway",
        headers={"Authorization": f"Bearer {token}"},
        timeout=120,
    )
    assert [m.model for m in client.list().models] == [MODEL]
    parts = list(
        client.chat(
            model=MODEL,
            messages=[{"role": "user", "content": "Bonjour"}],
            stream=True,
            options={"num_predict": 12},
        )
    )
    assert parts[-1].done and parts[-1].eval_count > 0
    with pytest.raises(ollama.ResponseError) as caught:
        client.chat(model="inconnu:1b", messages=[{"role": "user", "content": "x"}])
    assert caught.value.status_code == 404


@pytest.fixture(scope="module")
def curious(platform):
    """A participant with code on: the trainer put them in the hub group « avec-code »."""
    session = platform.login("curieux")
    assert session.login_status == 302
    trainer = platform.login("formateur", platform.admin_password)
    made = platform.api(trainer, "POST", "/groups/avec-code")
    assert made.status_code in (201, 409), made.text
    added = platform.api(trainer, "POST", "/groups/avec-code/users", json={"users": ["curieux"]})
    assert added.ok, added.text
    platform.start_server(session, "curieux")
    return session


def test_code_on_shows_the_lab_links_and_opens_jupyterlab(platform, curious):
    html = curious.get(f"{platform.url}/user/curieux/catalogue").text
    assert html.count("atelier-with-code") == 8
    assert (
        "/user/curieux/lab/tree/workshops/06-donnees-personnelles/pour-aller-plus-loin.ipynb"
        in html
    )
    assert curious.get(f"{platform.url}/user/curieux/lab").status_code == 200


def test_ollama_client_inside_a_user_server_uses_its_environment(platform, curious):
    """`import ollama; ollama.chat(...)` in a notebook, with no configuration at all."""
    code = (
        "import os, ollama\n"
        "r = ollama.chat(model='smollm2:135m', messages=[{'role': 'user', 'content': 'Salut'}],"
        " options={'num_predict': 8})\n"
        "print('HOST', os.environ['OLLAMA_HOST'])\n"
        "print('DONE', r.done, r.eval_count > 0, bool(r.message.content))\n"
    )
    text = run_in_kernel(platform, curious, "curieux", code)
    assert f"HOST {platform.url}/services/gateway" in text
    assert "DONE True True True" in text


def test_trainer_lands_in_jupyterlab_in_french(platform):
    trainer = platform.login("formateur", platform.admin_password)
    assert trainer.login_status == 302
    platform.start_server(trainer, "formateur")
    response = trainer.get(f"{platform.url}/hub/")
    assert response.status_code == 200
    assert response.url.endswith("/user/formateur/lab")
    token = platform.new_token(trainer, "formateur")
    headers = {"Authorization": f"token {token}"}
    base = f"{platform.url}/user/formateur/lab/api"
    languages = requests.get(f"{base}/translations", headers=headers).json()["data"]
    assert "fr_FR" in languages
    locale = requests.get(
        f"{base}/settings/@jupyterlab/translation-extension:plugin", headers=headers
    ).json()
    assert locale["settings"]["locale"] == "fr_FR"
    # A participant is not an admin: the trainer's server is not theirs.
    admin_page = trainer.get(f"{platform.url}/hub/admin")
    assert admin_page.status_code == 200


def session_niceness(pid: int) -> int:
    return int(open(f"/proc/{pid}/autogroup").read().split()[-1])  # "/autogroup-9 nice 19"


def test_the_hub_and_its_proxy_run_ahead_of_peoples_servers(platform, alice):
    """Their sessions at hub.niceness (hub/priority.py); a person's server at the usual 0."""
    for name in ("jupyterhub.pid", "jupyterhub-proxy.pid"):
        pid = int((platform.private_dir / name).read_text())
        assert session_niceness(pid) == Settings().hub.niceness < 0, name
    platform.start_server(alice, "alice")
    entry = platform.account("alice")
    servers = [
        p
        for p in psutil.process_iter(["cmdline", "uids"])
        if "singleuser" in " ".join(p.info["cmdline"] or [])
        and (entry is None or p.info["uids"].real == entry.pw_uid)
    ]
    assert servers and {session_niceness(p.pid) for p in servers} == {0}


def test_closed_voila_page_leaves_no_kernel(platform, alice):
    token = platform.new_token(alice, "alice")
    headers = {"Authorization": f"token {token}"}
    kernels_url = f"{platform.url}/user/alice/api/kernels"
    page = alice.get(f"{platform.url}/user/alice/voila/render/workshops/{PLAYGROUND}")
    assert page.status_code == 200
    assert requests.get(kernels_url, headers=headers).json(), "rendering started a kernel"
    # Below the servers' priority (hub/singleuser.write_kernelspec).
    entry = platform.account("alice")
    kernels = [
        p
        for p in psutil.process_iter(["cmdline", "uids"])
        if "kernel_launcher" in " ".join(p.info["cmdline"] or [])
        and (entry is None or p.info["uids"].real == entry.pw_uid)
    ]
    assert kernels and {p.nice() for p in kernels} == {KERNEL_NICENESS}
    # And their sessions too: between sessions, that is what the scheduler ranks.
    for kernel in kernels:  # set from a thread of the kernel's: read until it is
        wait_until(
            lambda pid=kernel.pid: session_niceness(pid) == KERNEL_NICENESS,
            10,
            "the kernel's session to be lowered",
        )
    # Nobody opens the page's websocket (it is "closed"): the kernel is culled once idle.
    wait_until(
        lambda: requests.get(kernels_url, headers=headers).json() == [],
        90,
        "the idle Voilà kernel to be culled",
    )


def test_bad_setting_stops_atelier_up_with_one_french_line(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "ATELIER_STATE_DIR": str(tmp_path), "ATELIER_PORT": "huit"}
    result = subprocess.run(
        [str(ATELIER), "up"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "« hub.port »" in result.stderr
    assert "nombre entier" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    config = tmp_path / "atelier.toml"
    config.write_text("[gateway]\nbackends = 3\n")
    result = subprocess.run(
        [str(ATELIER), "up"],
        env={**env, "ATELIER_PORT": "8000", "ATELIER_CONFIG": str(config)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "« gateway.backends »" in result.stderr


def server_of(username: str) -> psutil.Process | None:
    for process in psutil.process_iter(["cmdline"]):
        try:
            if "atelier_ia.hub.singleuser" in " ".join(process.info["cmdline"] or []) and (
                process.environ().get("JUPYTERHUB_USER") == username
            ):
                return process
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return None


def test_the_pages_around_a_server_start_are_french(platform):
    session = platform.login("patiente")
    assert session.login_status == 302
    # The hub shows its « spawn pending » page while a server starts. A light server can answer
    # within the hub's slow_spawn_timeout, and the page is then never shown, so the test holds
    # the start: it stops the server's process (SIGSTOP) as soon as it exists, before it can
    # answer HTTP, and lets it go once the page has been read.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(session.get, f"{platform.url}/hub/spawn/patiente", allow_redirects=False)
        held = wait_until(lambda: server_of("patiente"), 30, "patiente's server process", 0.01)
        held.suspend()
    try:
        page = session.get(f"{platform.url}/hub/spawn-pending/patiente", allow_redirects=False)
    finally:
        held.resume()
    assert page.status_code == 200, (page.status_code, page.headers.get("location"))
    # The hub sends text/html without a charset; the page declares UTF-8, as a browser reads.
    text = page.content.decode("utf-8")
    assert "Votre espace se prépare" in text
    assert "Your server is starting" not in text and "Event log" not in text
    platform.start_server(session, "patiente")
    stopped = platform.api(session, "DELETE", "/users/patiente/server")
    assert stopped.status_code in (202, 204)
    wait_until(
        lambda: (
            "Votre espace est en pause"
            in session.get(f"{platform.url}/hub/user/patiente/").content.decode("utf-8")
        ),
        30,
        "the French « not running » page",
    )
    text = session.get(f"{platform.url}/hub/user/patiente/").content.decode("utf-8")
    assert "Redémarrer mon espace" in text and "Launch Server" not in text
