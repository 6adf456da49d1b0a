"""Start the real platform (`atelier up`: hub, proxy, gateway, idle culler) on free loopback
ports in a temporary state dir, and act as a person would through HTTP."""

from __future__ import annotations

import json
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
ATELIER = Path(sys.executable).parent / "atelier"
# A workshop whose page starts a kernel (the catalogue, a plain page, starts none).
PLAYGROUND = "00-bac-a-sable/bac-a-sable.ipynb"


@contextmanager
def checkout_open_to_participants() -> Iterator[None]:
    """Participants' accounts must run this checkout's venv and read its workshops. A checkout
    in a 0700 folder (what `mktemp -d` makes, as ../shared/tools/fresh-clone-test does) blocks
    them, and `atelier up` then refuses to start, naming the folder. For a test or bench run
    only, let others cross (never list) such folders; their modes are put back at the end."""
    changed: list[tuple[Path, int]] = []
    if os.geteuid() == 0:
        for folder in reversed(ROOT.resolve().parents):
            mode = folder.stat().st_mode
            if not mode & stat.S_IXOTH:
                changed.append((folder, stat.S_IMODE(mode)))
                folder.chmod(stat.S_IMODE(mode) | stat.S_IXOTH)
    try:
        yield
    finally:
        for folder, mode in changed:
            folder.chmod(mode)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, deadline_s: float, what: str, interval: float = 0.25):
    """Poll `check` until it returns something truthy; fail with `what` after the deadline."""
    deadline = time.monotonic() + deadline_s
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            result = check()
            if result:
                return result
        except Exception as exc:  # noqa: BLE001 - kept for the failure message
            last_error = exc
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {what} (last error: {last_error!r})")


@dataclass
class Platform:
    url: str
    state_dir: Path
    workshop_password: str
    admin_password: str
    process: subprocess.Popen
    log_path: Path
    env: dict[str, str] = field(default_factory=dict)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def login(self, username: str, password: str | None = None) -> requests.Session:
        """Log in through the form, as a browser does (xsrf cookie and field included)."""
        session = requests.Session()
        page = session.get(f"{self.url}/hub/login", timeout=120)
        page.raise_for_status()
        xsrf = re.search(r'name="_xsrf" value="([^"]+)"', page.text).group(1)
        response = session.post(
            f"{self.url}/hub/login?next=",
            data={
                "username": username,
                "password": self.workshop_password if password is None else password,
                "_xsrf": xsrf,
            },
            allow_redirects=False,
            timeout=120,
        )
        session.login_status = response.status_code  # type: ignore[attr-defined]
        session.login_location = response.headers.get("Location", "")  # type: ignore[attr-defined]
        return session

    def start_server(self, session: requests.Session, username: str) -> str:
        """Follow the hub's redirects until the user's server answers; return the final URL."""
        session.get(f"{self.url}/hub/spawn/{username}", allow_redirects=False)

        def ready():
            response = session.get(
                f"{self.url}/hub/spawn-pending/{username}", allow_redirects=False
            )
            location = response.headers.get("location", "")
            return response.status_code == 302 and f"/user/{username}" in location

        wait_until(ready, 120, f"{username}'s server to start")
        return self.url + f"/user/{username}/"

    def api(self, session: requests.Session, method: str, path: str, **kwargs):
        """The hub's REST API with cookie auth, which needs the xsrf header since JupyterHub 4.1."""
        xsrf = session.cookies.get("_xsrf", path="/hub/")
        headers = {"X-XSRFToken": xsrf, **kwargs.pop("headers", {})}
        return session.request(method, f"{self.url}/hub/api{path}", headers=headers, **kwargs)

    def new_token(self, session: requests.Session, username: str, scopes=None) -> str:
        body = {"note": "tests", "expires_in": 3600}
        if scopes is not None:
            body["scopes"] = scopes
        response = self.api(session, "POST", f"/users/{username}/tokens", json=body)
        response.raise_for_status()
        return response.json()["token"]

    @property
    def private_dir(self) -> Path:
        return self.state_dir / "private"

    def home(self, username: str) -> Path:
        return self.state_dir / "homes" / username

    def stop(self, timeout: float = 60) -> float:
        """SIGTERM `atelier up`, as Ctrl-C does; return how long everything took to stop."""
        start = time.monotonic()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=timeout)
        return time.monotonic() - start

    @property
    def prefix(self) -> str:
        """This platform's own prefix of Unix accounts (two platforms never share one)."""
        return self.env["ATELIER_ISOLATION__ACCOUNT_PREFIX"]

    def account(self, username: str):
        from atelier_ia.isolation import accounts

        return accounts.lookup(username, self.prefix)

    def remove(self) -> None:
        """After stop(): remove the Unix accounts this platform made, and its state dir."""
        from atelier_ia.isolation import accounts

        for entry in accounts.managed_accounts(self.prefix):
            accounts.remove_account(accounts.hub_name_of(entry), Path(entry.pw_dir), self.prefix)
        shutil.rmtree(self.state_dir, ignore_errors=True)


def reachable_state_dir() -> Path:
    """A state dir participant accounts can reach: pytest's own temporary folders are 0700."""
    state = Path(tempfile.mkdtemp(prefix="atelier-test-"))
    state.chmod(0o711)
    return state


def start_platform(
    tmp: Path, extra_env: dict[str, str] | None = None, user: str | None = None
) -> Platform:
    """`tmp` keeps the log; the state dir is made where participant accounts can reach it.
    With `user`, `atelier up` runs under that account (as an operator without root would)."""
    state = reachable_state_dir()
    if user is not None:
        entry = pwd.getpwnam(user)
        os.chown(state, entry.pw_uid, entry.pw_gid)
    hub_port, api_port, proxy_api_port, gateway_port, live_port, course_port = (
        free_port() for _ in range(6)
    )
    # Only what the test says: no settings file of the developer's, no stray ATELIER_ variable.
    env = {k: v for k, v in os.environ.items() if not k.startswith("ATELIER_")}
    env |= {
        "ATELIER_STATE_DIR": str(state),
        "ATELIER_PORT": str(hub_port),
        "ATELIER_HUB__HUB_PORT": str(api_port),
        "ATELIER_HUB__PROXY_API_PORT": str(proxy_api_port),
        "ATELIER_GATEWAY__PORT": str(gateway_port),
        "ATELIER_SESSIONS__LIVE_PORT": str(live_port),
        "ATELIER_EXERCISES__FORMGRADER_PORT": str(course_port),
        "ATELIER_WORKSHOP_PASSWORD": "atelier-des-tests",
        "ATELIER_ISOLATION__ACCOUNT_PREFIX": "t" + secrets.token_hex(3) + "-",
        **(extra_env or {}),
    }
    if user is not None:
        env["HOME"] = pwd.getpwnam(user).pw_dir  # the operator's own home, not /root
    log_path = tmp / "atelier-up.log"
    log = log_path.open("w")
    process = subprocess.Popen(
        [str(ATELIER), "up"],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        user=user,
        group=None if user is None else pwd.getpwnam(user).pw_gid,
        extra_groups=None if user is None else [],
    )
    url = f"http://127.0.0.1:{hub_port}"

    def gateway_up():
        if process.poll() is not None:
            raise AssertionError("atelier up exited:\n" + log_path.read_text())
        # The proxy routes to the gateway and the gateway answers (401: it wants a token).
        return requests.get(f"{url}/services/gateway/api/tags", timeout=5).status_code == 401

    wait_until(gateway_up, 120, "the hub, proxy and gateway")
    wait_until(lambda: "Atelier IA est prêt" in log_path.read_text(), 30, "the welcome banner")
    stored = (state / "private" / "secrets.toml").read_text()
    admin_password = re.search(r'admin_password = "([^"]+)"', stored).group(1)
    return Platform(url, state, "atelier-des-tests", admin_password, process, log_path, env)


def atelier(
    platform: Platform, *args: str, env: dict | None = None, timeout: float = 300, input=None
):
    """An `atelier` command against this platform, as its operator would type it."""
    return subprocess.run(
        [str(ATELIER), *args],
        env={**platform.env, **(env or {})},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        input=input,
    )


def run_in_kernel(platform: Platform, session, user: str, code: str) -> str:
    """Save a notebook in the person's work folder and render it with Voilà: its code runs in
    a kernel of their own server, as them."""
    token = platform.new_token(session, user)
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "metadata": {},
                "outputs": [],
                "execution_count": None,
                "source": code,
            }
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    put = requests.put(
        f"{platform.url}/user/{user}/api/contents/mes-travaux/essai.ipynb",
        json={"type": "notebook", "content": notebook},
        headers={"Authorization": f"token {token}"},
    )
    assert put.status_code in (200, 201), put.text
    page = session.get(f"{platform.url}/user/{user}/voila/render/mes-travaux/essai.ipynb")
    assert page.status_code == 200
    return voila_text(page.text)


def ndjson(response) -> list[dict]:
    return [json.loads(line) for line in response.iter_lines() if line]


def voila_outputs(page: str) -> list[dict]:
    """The cell outputs a Voilà (lab template) page carries, as JSON in script tags."""
    blocks = re.findall(
        r'<script type="application/vnd.voila.cell-output\+json">\s*(.*?)\s*</script>',
        page,
        flags=re.S,
    )
    return [json.loads(block) for block in blocks]


def voila_text(page: str) -> str:
    """Printed output (stdout) of a Voilà page, which the template renders as HTML."""
    import html

    blocks = re.findall(
        r'<div class="jp-RenderedText[^"]*"[^>]*>\s*<pre>(.*?)</pre>', page, flags=re.S
    )
    return "".join(html.unescape(block) for block in blocks)
