"""`atelier doctor`: can the day go ahead on this server, and for how many people?

Every check says what it found, in French, and whether it blocks the day. The model is
measured with a short real generation through the gateway, as participants reach it.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx

from atelier_ia.llm.backends import make_backend
from atelier_ia.sessions.capacity import Machine, room_capacity
from atelier_ia.sessions.hub_api import HubAPI, HubError
from atelier_ia.settings import BackendSettings, ModelSettings, Settings, SettingsError

PROMPT = "Écris trois phrases sur le rôle d'un conseil municipal."
MEASURE_TOKENS = 48


@dataclass
class Check:
    what: str
    ok: bool
    detail: str
    blocking: bool = True


@dataclass
class Speed:
    model: str
    ttft_s: float
    tokens_per_s: float
    parallel: int

    @property
    def capacity(self) -> int:
        return room_capacity(self.ttft_s, self.tokens_per_s, self.parallel)


def check_isolation(settings: Settings) -> Check:
    """Which isolation is in force, and whether participant accounts can run the servers."""
    from atelier_ia.isolation import mode, reach

    try:
        current = mode.resolve(settings)
        if current == mode.ACCOUNTS:
            reach.check(settings.homes_dir)
    except (SettingsError, reach.Unreachable) as exc:
        return Check("Isolation", False, str(exc))
    if current == mode.ACCOUNTS:
        return Check(
            "Isolation",
            True,
            f"un compte Unix par personne ({settings.isolation.account_prefix}<identifiant>)",
        )
    return Check("Isolation", True, mode.DEMO_BANNER, blocking=False)


def this_machine() -> Machine:
    with open("/proc/meminfo", encoding="ascii") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                return Machine(int(line.split()[1]) / 1024, os.cpu_count() or 1)
    raise RuntimeError("/proc/meminfo sans MemTotal")


def check_machine(machine: Machine, participants: int) -> Check:
    """Memory for the room's servers, and how long a cold room takes to get in (figures
    measured by bench/arrival.py; see sessions/capacity.py)."""
    fits = machine.participants_in_memory
    arrival = machine.arrival_s(participants)
    detail = (
        f"{machine.memory_mib / 1024:.0f} Gio, {machine.cores} cœur(s) : mémoire pour ~{fits} "
        f"espaces ouverts ; {participants} personnes arrivant ensemble, à froid, attendraient "
        f"jusqu'à ~{arrival:.0f} s"
    )
    if fits < participants:
        return Check("Machine", False, detail + " — pas assez de mémoire pour la salle", False)
    if arrival > 30:
        detail += " — démarrez les espaces avant : atelier session create … --warm"
    return Check("Machine", True, detail)


def check_hub(settings: Settings) -> Check:
    hub = HubAPI(settings, timeout=10)
    try:
        version = hub.check().get("version", "?")
    except HubError as exc:
        return Check("Hub", False, str(exc))
    finally:
        hub.close()
    return Check("Hub", True, f"JupyterHub {version} répond ({settings.public_url})")


def check_gateway(settings: Settings) -> Check:
    try:
        response = httpx.get(
            f"{settings.gateway_url}/api/version", headers=_auth(settings), timeout=10
        )
    except httpx.HTTPError:
        return Check(
            "Passerelle",
            False,
            f"ne répond pas à {settings.gateway_url} : le hub l'a-t-il lancée ?",
        )
    if response.status_code != 200:
        return Check("Passerelle", False, f"répond {response.status_code} : {response.text[:200]}")
    return Check("Passerelle", True, f"répond ({settings.gateway_url})")


def check_upstream(settings: Settings, spec: BackendSettings) -> Check:
    """Reach the upstream with the gateway's own backend code and list what it serves."""
    wanted = [m.name for m in settings.gateway.models if spec.name in m.backends]
    what = f"Amont « {spec.name} » ({spec.kind})"

    async def names() -> list[str]:
        backend = make_backend(spec, settings)
        try:
            return [m.name for m in await asyncio.wait_for(backend.list_models(), 15)]
        finally:
            await backend.aclose()

    try:
        served = asyncio.run(names())
    except Exception as exc:  # noqa: BLE001 - any failure to reach it is reported as such
        where = spec.url or "embarqué"
        return Check(what, False, f"injoignable ({where}) : {exc or type(exc).__name__}")
    missing = [name for name in wanted if not _served(name, served)]
    if missing:
        hint = (
            f" : atelier models pull {missing[0]}" if spec.kind == "ollama" else " sur ce serveur"
        )
        return Check(what, False, f"modèle(s) absent(s) : {', '.join(missing)} — à installer{hint}")
    return Check(what, True, f"sert {', '.join(wanted) or 'aucun modèle du catalogue'}")


def _served(name: str, served: list[str]) -> bool:
    # Ollama lists "mistral:latest" for "mistral".
    return name in served or (":" not in name and f"{name}:latest" in served)


def measure(settings: Settings, model: ModelSettings) -> Speed:
    """Time to first token and tokens per second through the gateway. A first, one-token
    generation loads the model (participants meet a loaded model); the second is measured."""
    _generate(settings, model.name, 1)
    ttft, rate = _generate(settings, model.name, MEASURE_TOKENS)
    parallel = sum(b.parallel for b in settings.gateway.backends if b.name in model.backends)
    return Speed(model.name, ttft, rate, parallel)


def _generate(settings: Settings, model: str, tokens: int) -> tuple[float, float]:
    body = {
        "model": model,
        "messages": [{"role": "user", "content": PROMPT}],
        "stream": True,
        "options": {"num_predict": tokens, "temperature": 0},
    }
    start = time.perf_counter()
    first = None
    last: dict = {}
    with httpx.stream(
        "POST", f"{settings.gateway_url}/api/chat", json=body, headers=_auth(settings), timeout=300
    ) as response:
        if response.status_code != 200:
            response.read()
            raise RuntimeError(f"{response.status_code} : {response.text[:200]}")
        for line in _lines(response):
            if "error" in line:
                raise RuntimeError(line["error"])
            if line.get("message", {}).get("content") and first is None:
                first = time.perf_counter()
            last = line
    end = time.perf_counter()
    if first is None:
        raise RuntimeError("le modèle n'a rendu aucun texte")
    count = max(int(last.get("eval_count") or 0), 1)
    # Speed from the stream as the participant sees it, after the first token.
    rate = (count - 1) / (end - first) if count > 1 and end > first else float(count)
    return first - start, rate


def _lines(response: httpx.Response) -> Iterator[dict]:
    for raw in response.iter_lines():
        if raw.strip():
            yield json.loads(raw)


def _auth(settings: Settings) -> dict[str, str]:
    return {"Authorization": f"Bearer {settings.sessions_token}"}


def advice(speed: Speed, room: int) -> str:
    """What to change when the model cannot serve the planned room."""
    return (
        f"Pour {room} participants, il faudrait environ {room / max(speed.capacity, 1):.0f} fois "
        "plus de capacité : un modèle plus petit ou plus rapide, plus de générations en "
        "parallèle (OLLAMA_NUM_PARALLEL sur le serveur Ollama et gateway.backends[].parallel), "
        "un second serveur de modèles dans gateway.backends, ou un GPU avec Ollama."
    )
