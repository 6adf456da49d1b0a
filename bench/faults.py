"""What breaks, and how the platform comes back (not a test): `.venv/bin/python -m bench.faults`.

Four faults on a real platform (`atelier up`, as root: one account per person), its gateway
forwarding to the Ollama stand-in (tests/fake_ollama.py, in a process of its own: no Ollama
can run here) at about a 7-8B model's pace on a GPU:

1. the gateway killed (SIGKILL) in the middle of a streamed answer;
2. the model upstream stopped, then started again;
3. the disk of the gateway's state dir full (a small tmpfs this script mounts);
4. a participant's server killed (SIGKILL) in the middle of an answer.

For each: what the client saw (status, the French message the apps show), how long until the
next request works, and whether the audit database is whole. Writes bench/results/faults.json.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from atelier_ia.gateway.audit import AuditLog  # noqa: E402
from atelier_ia.llm import client as client_module  # noqa: E402
from atelier_ia.llm.client import LLMClient, LLMError  # noqa: E402
from atelier_ia.settings import Settings  # noqa: E402
from bench import write_result  # noqa: E402
from bench.gateway import tokens_for  # noqa: E402
from tests.gateway_harness import PREFIX, gateway_data, token_for  # noqa: E402
from tests.hub_harness import free_port, start_platform, wait_until  # noqa: E402

MODEL = "mistral:7b"
# About 7-8B on one GPU: 0.3 s to read the prompt, 30 tokens/s.
STAND_IN = ["--tokens", "60", "--token-delay", "0.033", "--first-token-delay", "0.3"]
PROMPT = "Rédigez un paragraphe sur le budget participatif."
RECOVERY_DEADLINE_S = 60


class StandIn:
    """The Ollama stand-in as a process of its own, which this bench stops and starts."""

    def __init__(self, pace: list[str] = STAND_IN) -> None:
        self.port = free_port()
        self.pace = pace
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.fake_ollama", "--port", str(self.port), *self.pace],
            cwd=ROOT,
        )
        wait_until(lambda: httpx.get(f"{self.url}/api/tags").status_code == 200, 30, "stand-in")

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(10)
            self.process = None


def config_file(tmp: Path, upstream: StandIn) -> Path:
    path = tmp / "atelier.toml"
    path.write_text(
        f"""
[gateway]
default_model = "{MODEL}"
down_for = 3

[[gateway.backends]]
name = "ollama"
kind = "ollama"
url = "{upstream.url}"

[[gateway.models]]
name = "{MODEL}"
backends = ["ollama"]
""",
        encoding="utf-8",
    )
    return path


def ask(client: LLMClient) -> dict:
    """One streamed answer through the apps' own client: what a participant would see."""
    start = time.perf_counter()
    try:
        text = "".join(client.stream_chat(MODEL, PROMPT))
        return {"ok": True, "chars": len(text), "s": round(time.perf_counter() - start, 2)}
    except LLMError as exc:
        return {"ok": False, "message": str(exc), "s": round(time.perf_counter() - start, 2)}


def until_answered(client: LLMClient) -> float:
    """Seconds until a request is answered again."""
    start = time.perf_counter()
    while time.perf_counter() - start < RECOVERY_DEADLINE_S:
        if ask(client)["ok"]:
            return round(time.perf_counter() - start, 2)
        time.sleep(0.5)
    return float("inf")


def audit_state(url: str, user: str) -> dict:
    audit = AuditLog(url)
    try:
        with audit.engine.connect() as connection:
            integrity = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
        statuses: dict[str, int] = {}
        for row in audit.rows_for(user, limit=10000):
            statuses[row["status"]] = statuses.get(row["status"], 0) + 1
        return {"integrity": integrity, "rows_by_status": statuses}
    finally:
        audit.engine.dispose()


def gateway_pid(platform) -> int:
    for process in psutil.Process(platform.process.pid).children(recursive=True):
        if "atelier_ia.gateway" in " ".join(process.cmdline()):
            return process.pid
    raise RuntimeError("no gateway process")


def cut_mid_stream(client: LLMClient, kill) -> dict:
    """Start a streamed answer, run `kill` once its first piece has arrived, and report what
    the client got."""
    pieces: list[str] = []
    outcome: dict = {}

    def read() -> None:
        try:
            for piece in client.stream_chat(MODEL, PROMPT):
                pieces.append(piece)
            outcome["ok"] = True
        except LLMError as exc:
            outcome.update(ok=False, message=str(exc))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    wait_until(lambda: pieces, 30, "the first piece of the answer")
    cut = time.perf_counter()
    kill()
    reader.join(client_module.READ_GAP_S + 15)
    return {
        **outcome,
        "pieces_before_the_cut": len(pieces),
        "client_returned": not reader.is_alive(),
        "client_told_after_s": round(time.perf_counter() - cut, 2),
    }


def gateway_killed(platform, client: LLMClient, audit_url: str, user: str) -> dict:
    answered = [ask(client)["ok"] for _ in range(3)]
    before = gateway_pid(platform)
    seen = cut_mid_stream(client, lambda: os.kill(before, signal.SIGKILL))
    back = until_answered(client)
    after = gateway_pid(platform)
    return {
        "answered_before": sum(answered),
        "client": seen,
        "restarted_by_the_hub": after != before,
        "next_request_after_s": back,
        "audit": audit_state(audit_url, user),
    }


def upstream_stopped(client: LLMClient, token: str, gateway_url: str, upstream: StandIn) -> dict:
    upstream.stop()
    refused = httpx.post(
        f"{gateway_url}/api/chat",
        headers={"Authorization": f"Bearer {token}"},
        json={"model": MODEL, "messages": [{"role": "user", "content": PROMPT}], "stream": False},
        timeout=60,
    )
    app_sees = ask(client)
    upstream.start()
    return {
        "status": refused.status_code,
        "retry_after": refused.headers.get("Retry-After"),
        "message": refused.json().get("error"),
        "app_sees": app_sees,
        "next_request_after_s": until_answered(client),
    }


def server_killed(platform, person: str, token: str) -> dict:
    """Kill -9 a participant's server while its kernel streams an answer; their work folder
    must come through unchanged, and their next start must find it."""
    home = platform.home(person)
    work = home / "mes-travaux"
    entry = platform.account(person)
    for name, text in (("courrier.txt", "Réponse à Mme Martin\n" * 50), ("pv.md", "# PV\n" * 80)):
        (work / name).write_text(text, encoding="utf-8")
        os.chown(work / name, entry.pw_uid, entry.pw_gid)
    notebook = work / "longue-reponse.ipynb"
    code = (
        "from atelier_ia.llm.client import LLMClient\n"
        f"for piece in LLMClient().stream_chat({MODEL!r}, {PROMPT!r}): pass"
    )
    notebook.write_text(
        json.dumps(
            {
                "cells": [{"cell_type": "code", "metadata": {}, "source": code, "outputs": []}],
                "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
                "nbformat": 4,
                "nbformat_minor": 5,
            }
        ),
        encoding="utf-8",
    )
    os.chown(notebook, entry.pw_uid, entry.pw_gid)
    digest = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in work.iterdir()}
    headers = {"Authorization": f"token {token}"}
    page = f"{platform.url}/user/{person}/voila/render/mes-travaux/longue-reponse.ipynb"
    threading.Thread(
        target=lambda: httpx.get(page, headers=headers, timeout=60), daemon=True
    ).start()

    def kernel_running():
        return [
            p
            for p in psutil.process_iter(["uids", "cmdline"])
            if p.info["uids"].real == entry.pw_uid
            and "kernel_launcher" in " ".join(p.info["cmdline"])
        ]

    wait_until(kernel_running, 60, "the kernel asking the model")
    time.sleep(1)  # the answer is streaming
    server = [
        p
        for p in psutil.process_iter(["uids", "cmdline"])
        if p.info["uids"].real == entry.pw_uid
        and "atelier_ia.hub.singleuser" in " ".join(p.info["cmdline"])
    ]
    for process in server:
        process.kill()
    hub = httpx.Client(base_url=f"{platform.url}/hub/api", headers=headers, timeout=30)
    start = time.perf_counter()
    wait_until(lambda: not hub.get(f"/users/{person}").json()["servers"], 60, "the hub to notice")
    noticed = round(time.perf_counter() - start, 2)
    hub.post(f"/users/{person}/server")
    wait_until(
        lambda: (hub.get(f"/users/{person}").json()["servers"].get("") or {}).get("ready"),
        120,
        "the server to start again",
    )
    restarted = round(time.perf_counter() - start, 2)
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in work.iterdir()}
    return {
        "files": len(digest),
        "files_intact": after == digest,
        "hub_noticed_after_s": noticed,
        "server_back_after_s": restarted,
        "kernels_left": len(kernel_running()),
    }


def disk_full(tmp: Path, upstream: StandIn) -> dict:
    """The gateway alone (its token check replaced by the test table, tests/gateway_harness.py)
    with its state dir on a 3 MiB tmpfs, which a file then fills."""
    mount = tmp / "petit-disque"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)])
    if made.returncode != 0:
        return {"skipped": "mount -t tmpfs needs root"}
    process = None
    try:
        backends = [{"name": "ollama", "kind": "ollama", "url": upstream.url}]
        data = gateway_data(mount, backends, [{"name": MODEL, "backends": ["ollama"]}])
        config = tmp / "gateway.json"
        config.write_text(json.dumps(data), encoding="utf-8")
        port = free_port()
        url = f"http://127.0.0.1:{port}{PREFIX}"
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.gateway_harness", str(config), str(port)], cwd=ROOT
        )
        client = LLMClient(host=url, token=token_for("ana"))
        wait_until(lambda: ask(client)["ok"], 30, "the gateway on the small disk")
        filler = mount / "remplissage"
        with filler.open("wb") as out:
            try:
                while True:
                    out.write(b"\0" * 65536)
                    out.flush()
            except OSError:
                pass
        full = [ask(client) for _ in range(5)]
        alive = process.poll() is None
        filler.unlink()
        back = until_answered(client)
        process.kill()
        process.wait(10)
        process = None
        return {
            "while_full": full,
            "gateway_alive": alive,
            "next_request_after_space_freed_s": back,
            "audit": audit_state(Settings.model_validate(data).audit_database_url, "ana"),
        }
    finally:
        if process is not None:
            process.kill()
            process.wait(10)
        subprocess.run(["umount", str(mount)])


def print_table(results: dict) -> None:
    killed, upstream = results["gateway_killed"], results["upstream_stopped"]
    server, disk = results["server_killed"], results["disk_full"]
    full = disk.get("while_full", [])
    rows = [
        (
            "passerelle tuée (-9) en cours de réponse",
            f"{killed['client'].get('message', 'aucune erreur')} "
            f"(au bout de {killed['client']['client_told_after_s']} s)",
            f"{killed['next_request_after_s']} s",
            f"{killed['audit']['integrity']}, {killed['audit']['rows_by_status']}",
        ),
        (
            "serveur du modèle arrêté",
            f"{upstream['status']} Retry-After {upstream['retry_after']} : {upstream['message']}",
            f"{upstream['next_request_after_s']} s",
            "-",
        ),
        (
            "disque de l'état plein",
            disk.get("skipped") or "; ".join(r.get("message", "réponse") for r in full[1:2]),
            f"{disk.get('next_request_after_space_freed_s', '-')} s",
            str(disk.get("audit", "-")),
        ),
        (
            "serveur d'une personne tué (-9) en cours de réponse",
            f"fichiers intacts : {server['files_intact']} ({server['files']})",
            f"{server['server_back_after_s']} s",
            f"noyaux restants : {server['kernels_left']}",
        ),
    ]
    for fault, seen, back, audit in rows:
        print(f"- {fault}\n    vu : {seen}\n    reprise : {back}\n    journal : {audit}")


def main() -> None:
    if os.geteuid() != 0:
        sys.exit("bench.faults : à lancer en root (comptes Unix, tmpfs).")
    tmp = Path(tempfile.mkdtemp(prefix="bench-faults-"))
    upstream = StandIn()
    upstream.start()
    results: dict = {}
    platform = start_platform(tmp, {"ATELIER_CONFIG": str(config_file(tmp, upstream))})
    try:
        person = "salle01"
        token = tokens_for(platform, [person])[person]
        gateway_url = f"{platform.url}/services/gateway"
        client = LLMClient(host=gateway_url, token=token, timeout=60)
        audit_url = Settings.model_validate({"state_dir": str(platform.state_dir)})
        audit_url = audit_url.audit_database_url
        results["gateway_killed"] = gateway_killed(platform, client, audit_url, person)
        results["upstream_stopped"] = upstream_stopped(client, token, gateway_url, upstream)
        session = platform.login(person)
        platform.start_server(session, person)
        results["server_killed"] = server_killed(platform, person, token)
    finally:
        platform.stop(timeout=120)
        platform.remove()
    results["disk_full"] = disk_full(tmp, upstream)
    upstream.stop()
    shutil.rmtree(tmp, ignore_errors=True)
    print_table(results)
    write_result("faults", {"what": "faults injected into a running platform", **results})


if __name__ == "__main__":
    main()
