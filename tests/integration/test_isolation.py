"""A hostile participant, on a real hub with real Unix accounts (CI runs as root).

Mallory has code on (the strongest participant there is: she runs any Python in her own
kernel) and only the workshop password. Every attack runs twice: against the platform as it
runs as root (one account per person), where it must fail, and against the same platform with
isolation off (the loopback demo, everyone under the operator's account), where it must
succeed, so that each check is shown able to fail.
"""

from __future__ import annotations

import json
import os
import pwd
import secrets
import shutil
import subprocess
import tempfile
from pathlib import Path

import psutil
import pytest
import requests

from atelier_ia.exercises.course import GRADER
from atelier_ia.hub import singleuser
from atelier_ia.hub.auth import USERNAME_PATTERN, AtelierAuthenticator
from atelier_ia.isolation import accounts
from tests.hub_harness import (
    ATELIER,
    PLAYGROUND,
    Platform,
    run_in_kernel,
    start_platform,
    wait_until,
)

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0, reason="Unix accounts need root (CI runs as root)"
)

ATTACKER, VICTIM, NO_CODE = "mallory", "victime", "sanscode"

# Run in Mallory's own kernel. Each attempt prints what it got: "ok" (it worked) or the error.
ATTACK = r"""
import json, os, queue, stat, urllib.request
from jupyter_client import BlockingKernelClient

T = json.loads({targets!r})
out = {{"uid": os.getuid()}}

def attempt(name, action):
    try:
        out[name] = ["ok", action()]
    except Exception as exc:
        out[name] = [type(exc).__name__, str(exc)[:200]]

def read(path):
    with open(path, "rb") as f:
        return len(f.read())

for name in ("secrets", "hub_db", "cookie_secret", "victim_file", "victim_connection"):
    attempt(name, lambda p=T[name]: read(p))
attempt("victim_home", lambda: os.listdir(T["victim_home"]))
attempt("write_workshops", lambda: open(T["workshop"], "ab").close())
attempt("victim_environ", lambda: read(T["victim_environ"]))

# The victim's kernel: its sockets' names are no secret (ss lists them), its key is.
def kernel():
    try:
        info = json.load(open(T["victim_connection"]))
    except PermissionError:
        info = dict(T["victim_ports"], key="une-cle-devinee")
    client = BlockingKernelClient()
    client.load_connection_info(info)
    client.start_channels()
    try:
        client.execute("1 + 1")
        reply = client.get_shell_msg(timeout=8)
        return reply["content"]["status"]
    finally:
        client.stop_channels()
attempt("victim_kernel", kernel)

# The hub's API on another person, with the best token she can find.
def best_token():
    try:
        text = open(T["secrets"]).read()
        return text.split('sessions_api_token = "')[1].split('"')[0]
    except PermissionError:
        return os.environ["JUPYTERHUB_API_TOKEN"]
def hub_api():
    request = urllib.request.Request(
        T["hub_api"] + "/users/" + T["victim"], headers={{"Authorization": "token " + best_token()}}
    )
    return json.load(urllib.request.urlopen(request, timeout=10))["name"]
attempt("hub_api_on_victim", hub_api)

# The gateway as the victim: her server's token, from its environment.
def gateway_as_victim():
    environ = open(T["victim_environ"], "rb").read().split(b"\0")
    token = [e for e in environ if e.startswith(b"JUPYTERHUB_API_TOKEN=")][0].split(b"=", 1)[1]
    request = urllib.request.Request(
        T["gateway"] + "/api/tags", headers={{"Authorization": "Bearer " + token.decode()}}
    )
    return urllib.request.urlopen(request, timeout=10).status
attempt("gateway_as_victim", gateway_as_victim)
print("RESULT" + json.dumps(out))
"""


def server_process(home: Path) -> psutil.Process:
    for process in psutil.process_iter(["cmdline"]):
        try:
            if "atelier_ia.hub.singleuser" in " ".join(process.info["cmdline"] or []) and (
                process.cwd() == str(home)
            ):
                return process
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    raise AssertionError(f"no server running in {home}")


def runtime_dir(server: psutil.Process) -> Path:
    """The private runtime folder a server made for its kernels (its pid is written in it)."""
    for path in singleuser.RUNTIME_PARENT.glob(singleuser.RUNTIME_PREFIX + "*"):
        owner = path / singleuser.OWNER_FILE
        if owner.is_file() and owner.read_text() == str(server.pid):
            return path
    raise AssertionError(f"no runtime folder for server {server.pid}")


class Room:
    """A platform with an attacker (code on), a victim and a participant without code."""

    def __init__(self, platform: Platform) -> None:
        self.platform = platform
        trainer = platform.login("formateur", platform.admin_password)
        self.trainer = trainer
        self.sessions = {}
        for name in (ATTACKER, VICTIM, NO_CODE):
            session = platform.login(name)
            assert session.login_status == 302
            self.sessions[name] = session
        made = platform.api(trainer, "POST", "/groups/avec-code")
        assert made.status_code in (201, 409), made.text
        added = platform.api(trainer, "POST", "/groups/avec-code/users", json={"users": [ATTACKER]})
        assert added.ok, added.text
        for name, session in self.sessions.items():
            platform.start_server(session, name)
        victim_home = platform.home(VICTIM)
        (victim_home / "mes-travaux" / "lettre.txt").write_text("Courrier de la victime")
        entry = platform.account(VICTIM)
        if entry is not None:
            for path in (victim_home / "mes-travaux", victim_home / "mes-travaux" / "lettre.txt"):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        # The victim has a workshop open: a kernel runs in her server.
        workshop = self.sessions[VICTIM].get(
            f"{platform.url}/user/{VICTIM}/voila/render/workshops/{PLAYGROUND}"
        )
        assert workshop.status_code == 200
        # Her server keeps its kernels' files in a private runtime folder of its own.
        runtime = runtime_dir(server_process(victim_home))
        self.connection = wait_until(
            lambda: sorted(runtime.glob("kernel-*.json")), 20, "the victim's kernel"
        )[-1]
        self.results = self.attack()

    def attack(self) -> dict:
        platform = self.platform
        info = json.loads(self.connection.read_text())
        victim_server = server_process(platform.home(VICTIM))
        targets = {
            "secrets": str(platform.private_dir / "secrets.toml"),
            "hub_db": str(platform.private_dir / "jupyterhub.sqlite"),
            "cookie_secret": str(platform.private_dir / "jupyterhub_cookie_secret"),
            "victim": VICTIM,
            "victim_home": str(platform.home(VICTIM)),
            "victim_file": str(platform.home(VICTIM) / "mes-travaux" / "lettre.txt"),
            "victim_connection": str(self.connection),
            "victim_ports": {
                k: info[k]
                for k in (
                    "ip",
                    "transport",
                    "shell_port",
                    "iopub_port",
                    "stdin_port",
                    "control_port",
                    "hb_port",
                    "signature_scheme",
                )
            },
            "victim_environ": f"/proc/{victim_server.pid}/environ",
            "workshop": str(platform.home(ATTACKER) / "workshops" / PLAYGROUND),
            "hub_api": f"{platform.url}/hub/api",
            "gateway": f"{platform.url}/services/gateway",
        }
        text = run_in_kernel(
            platform, self.sessions[ATTACKER], ATTACKER, ATTACK.format(targets=json.dumps(targets))
        )
        assert "RESULT" in text, text
        return json.loads(text.split("RESULT", 1)[1].strip().splitlines()[0])


@pytest.fixture(scope="module")
def isolated(tmp_path_factory):
    platform = start_platform(tmp_path_factory.mktemp("isolated"))
    try:
        yield Room(platform)
    finally:
        platform.stop()
        platform.remove()


@pytest.fixture(scope="module")
def unprotected(tmp_path_factory):
    """Isolation off: the loopback demo, run as root, everyone under one account."""
    platform = start_platform(
        tmp_path_factory.mktemp("unprotected"),
        {"ATELIER_ISOLATION__MODE": "demo", "ATELIER_ISOLATION__PARTICIPANTS_CODE": "true"},
    )
    try:
        yield Room(platform)
    finally:
        platform.stop()
        platform.remove()


FILE_ATTACKS = [
    "secrets",
    "hub_db",
    "cookie_secret",
    "victim_home",
    "victim_file",
    "victim_connection",
    "victim_environ",
    "write_workshops",
]


@pytest.mark.parametrize("attack", FILE_ATTACKS)
def test_files_that_are_not_hers_are_closed_to_her(isolated, unprotected, attack):
    assert unprotected.results[attack][0] == "ok", unprotected.results[attack]
    assert isolated.results[attack][0] == "PermissionError", isolated.results[attack]


def test_her_kernel_runs_as_her_own_account(isolated, unprotected):
    assert isolated.results["uid"] == isolated.platform.account(ATTACKER).pw_uid
    assert unprotected.results["uid"] == 0


def test_the_victims_kernel_listens_on_sockets_in_her_private_folder(isolated):
    info = json.loads(isolated.connection.read_text())
    assert info["transport"] == "ipc", info
    folder = isolated.connection.parent
    assert Path(info["ip"]).parent == folder
    assert folder.stat().st_uid == isolated.platform.account(VICTIM).pw_uid
    assert folder.stat().st_mode & 0o777 == 0o700


def test_she_cannot_drive_the_victims_kernel(isolated, unprotected):
    assert unprotected.results["victim_kernel"] == ["ok", "ok"]
    # The key is in the connection file she cannot read: the kernel drops her messages.
    assert isolated.results["victim_kernel"][0] == "Empty", isolated.results["victim_kernel"]


def test_she_cannot_use_the_hub_api_on_someone_else(isolated, unprotected):
    assert unprotected.results["hub_api_on_victim"] == ["ok", VICTIM]
    kind, message = isolated.results["hub_api_on_victim"]
    assert kind == "HTTPError" and ("403" in message or "404" in message), message


def test_she_cannot_call_the_gateway_as_the_victim(isolated, unprotected):
    assert unprotected.results["gateway_as_victim"] == ["ok", 200]
    assert isolated.results["gateway_as_victim"][0] == "PermissionError"
    forged = requests.get(
        f"{isolated.platform.url}/services/gateway/api/tags",
        headers={"Authorization": "Bearer " + "f" * 32},
    )
    assert forged.status_code == 401


def test_no_terminal_for_participants(isolated, unprotected):
    for room, expected in ((isolated, 403), (unprotected, 403)):
        session = room.sessions[ATTACKER]
        token = room.platform.new_token(session, ATTACKER)
        made = requests.post(
            f"{room.platform.url}/user/{ATTACKER}/api/terminals",
            headers={"Authorization": f"token {token}"},
        )
        assert made.status_code == expected, made.text
    # The same request opens a terminal where the policy lets it (a trainer's server): the
    # check above is not refusing a malformed request.
    platform = isolated.platform
    platform.start_server(isolated.trainer, "formateur")
    token = platform.new_token(isolated.trainer, "formateur")
    made = requests.post(
        f"{platform.url}/user/formateur/api/terminals", headers={"Authorization": f"token {token}"}
    )
    assert made.status_code == 200, made.text
    requests.delete(
        f"{platform.url}/user/formateur/api/terminals/{made.json()['name']}",
        headers={"Authorization": f"token {token}"},
    )


def test_no_jupyterlab_while_code_is_off(isolated, unprotected):
    page = isolated.sessions[NO_CODE].get(f"{isolated.platform.url}/user/{NO_CODE}/lab")
    assert page.status_code == 403
    assert "Pas d'accès au code" in page.text
    token = isolated.platform.new_token(isolated.sessions[NO_CODE], NO_CODE)
    kernel = requests.post(
        f"{isolated.platform.url}/user/{NO_CODE}/api/kernels",
        headers={"Authorization": f"token {token}"},
    )
    assert kernel.status_code == 403
    # Code on (the unprotected platform turns it on for everyone): the same page opens.
    opened = unprotected.sessions[NO_CODE].get(f"{unprotected.platform.url}/user/{NO_CODE}/lab")
    assert opened.status_code == 200


def test_the_platform_itself_never_runs_as_a_participant(isolated):
    platform = isolated.platform
    # The course's grader is an account of its own too: only its formgrader (and the
    # kernels it starts) run under it.
    grader_uid = platform.account(GRADER).pw_uid
    participant_uids = {entry.pw_uid for entry in accounts.managed_accounts(platform.prefix)} - {
        grader_uid
    }
    people = set()
    for process in psutil.Process(platform.process.pid).children(recursive=True):
        try:
            uid = process.uids().real
            command = " ".join(process.cmdline())
        except psutil.NoSuchProcess:
            continue
        if uid in participant_uids:
            people.add(pwd.getpwuid(uid).pw_name)
            assert "atelier_ia.hub.singleuser" in command or "kernel_launcher" in command, command
        elif uid == grader_uid:
            assert "/formgrader" in command or "kernel_launcher" in command, command
        else:
            assert uid == 0, command
    assert accounts.unix_name(ATTACKER, platform.prefix) in people


def test_homes_and_private_state_modes(isolated):
    platform = isolated.platform
    assert platform.private_dir.stat().st_mode & 0o777 == 0o700
    assert platform.state_dir.stat().st_mode & 0o777 == 0o711
    assert (platform.state_dir / "homes").stat().st_mode & 0o777 == 0o711
    home = platform.home(ATTACKER)
    entry = platform.account(ATTACKER)
    assert (home.stat().st_uid, home.stat().st_mode & 0o777) == (entry.pw_uid, 0o700)
    assert entry.pw_shell == accounts.NOLOGIN
    assert entry.pw_dir == str(home)


@pytest.mark.parametrize("name", ["root", "../x", "Mallory", "daemon", "jupyterhub"])
def test_refused_login_names(isolated, name):
    session = isolated.platform.login(name)
    assert session.login_status == 403, "refused: the login form comes back with its error"


@pytest.mark.parametrize(
    ("name", "plain_jupyterhub"),
    [("root", "root"), ("Mallory", "mallory"), ("daemon", "daemon"), ("jupyterhub", "jupyterhub")],
)
def test_names_jupyterhub_alone_would_let_in(name, plain_jupyterhub):
    """With JupyterHub's own rules (protection off) these names get in, « Mallory » as
    mallory; ours refuse them."""
    from jupyterhub.auth import Authenticator

    plain = Authenticator()
    normalized = plain.normalize_username(name)
    assert normalized == plain_jupyterhub and plain.validate_username(normalized)
    ours = AtelierAuthenticator(username_pattern=USERNAME_PATTERN)
    assert not ours.validate_username(ours.normalize_username(name))


@pytest.mark.parametrize("name", ["root", "daemon", "jupyterhub", "formateur"])
def test_unix_names_are_prefixed(name):
    assert accounts.unix_name(name) == f"atelier-{name}"
    try:
        entry = pwd.getpwnam(accounts.unix_name(name))
    except KeyError:
        entry = None
    assert entry is None or accounts.is_managed(entry), "never a system account"
    long = "a" * 32
    assert len(accounts.unix_name(long)) == 32
    assert accounts.unix_name(long) != accounts.unix_name("a" * 31 + "b")


@pytest.fixture
def operator():
    """An operator's own unprivileged account, with a real home, made for this test."""
    name = "op" + secrets.token_hex(3)
    home = Path(tempfile.mkdtemp(prefix="atelier-test-op-"))
    home.chmod(0o711)
    subprocess.run(
        ["useradd", "--no-create-home", "--home-dir", str(home), "--shell", "/bin/sh", name],
        check=True,
    )
    entry = pwd.getpwnam(name)
    os.chown(home, entry.pw_uid, entry.pw_gid)
    yield entry
    accounts.stop_processes(entry.pw_uid)
    subprocess.run(["userdel", name], check=True)
    shutil.rmtree(home, ignore_errors=True)


def test_without_root_it_runs_as_the_loopback_demo(tmp_path_factory, operator):
    """`make up` by an operator without root: no account can be made, so one person's demo,
    on loopback only, said in French at start."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("ATELIER_")},
        "ATELIER_STATE_DIR": str(Path(operator.pw_dir) / "var"),
        # A network address (RFC 5737's documentation range, so that even a broken refusal
        # could not listen beyond loopback).
        "ATELIER_HUB__IP": "192.0.2.10",
        "HOME": operator.pw_dir,
    }
    refused = subprocess.run(
        [str(ATELIER), "up"],
        env=env,
        user=operator.pw_name,
        group=operator.pw_gid,
        extra_groups=[],
        capture_output=True,
        text=True,
        timeout=120,
        cwd="/",
    )
    assert refused.returncode == 2, refused.stdout + refused.stderr
    # One message (the terminal may wrap it), naming the key and why.
    message = " ".join(refused.stderr.split())
    assert message.startswith(
        "Erreur : Réglage « hub.ip » = 192.0.2.10 refusé en mode démonstration"
    )
    assert message.count("Erreur") == 1 and "Traceback" not in refused.stderr

    platform = start_platform(tmp_path_factory.mktemp("demo"), user=operator.pw_name)
    try:
        assert "Mode démonstration" in platform.log()
        session = platform.login("seule")
        assert session.login_status == 302
        platform.start_server(session, "seule")
        server = server_process(platform.home("seule"))
        assert server.uids().real == operator.pw_uid
        assert accounts.managed_accounts(platform.prefix) == []
    finally:
        platform.stop()
        platform.remove()
