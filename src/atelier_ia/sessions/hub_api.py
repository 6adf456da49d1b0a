"""The hub's REST API as the `atelier` commands use it, with the `sessions` service's token
(its role: create and remove users and groups, start and stop servers; nothing else)."""

from __future__ import annotations

import time
from typing import Any

import httpx

from atelier_ia.settings import Settings


class HubError(RuntimeError):
    """The hub could not do what was asked; the message is for a person, in French."""


class HubAPI:
    def __init__(self, settings: Settings, timeout: float = 30.0) -> None:
        self.base = f"http://127.0.0.1:{settings.hub.hub_port}/hub/api"
        self._http = httpx.Client(
            base_url=self.base,
            headers={"Authorization": f"token {settings.sessions_token}"},
            timeout=timeout,
        )

    def close(self) -> None:
        self._http.close()

    def _call(self, method: str, path: str, ok: tuple[int, ...] = (200, 201, 202, 204), **kw):
        try:
            response = self._http.request(method, path, **kw)
        except httpx.HTTPError as exc:
            raise HubError(
                f"Le hub ne répond pas ({self.base}) : lancez la plateforme avec « make up » "
                "ou « atelier up », puis recommencez."
            ) from exc
        if response.status_code == 403 and path == "/user":
            raise HubError(
                "Le hub refuse le jeton des commandes « atelier session » : redémarrez la "
                "plateforme pour qu'elle le prenne en compte."
            )
        if response.status_code not in ok:
            try:
                detail = response.json().get("message", "")
            except ValueError:
                detail = response.text[:200]
            raise HubError(f"Le hub a refusé {method} {path} ({response.status_code}) : {detail}")
        return response

    def check(self) -> dict[str, Any]:
        """Is the hub up, and does it know our token? Returns its version."""
        self._call("GET", "/user")
        return self._call("GET", "/").json()

    def user(self, name: str) -> dict[str, Any] | None:
        response = self._call("GET", f"/users/{name}", ok=(200, 404))
        return response.json() if response.status_code == 200 else None

    def group(self, name: str) -> dict[str, Any] | None:
        response = self._call("GET", f"/groups/{name}", ok=(200, 404))
        return response.json() if response.status_code == 200 else None

    def create_users(self, names: list[str]) -> None:
        self._call("POST", "/users", json={"usernames": names})

    def create_group(self, name: str, users: list[str]) -> None:
        self._call("POST", f"/groups/{name}", ok=(201,))
        self._call("POST", f"/groups/{name}/users", json={"users": users})

    def add_to_group(self, name: str, users: list[str]) -> None:
        """Add to a group made on first use (and kept: other sessions share it)."""
        self._call("POST", f"/groups/{name}", ok=(201, 409))
        self._call("POST", f"/groups/{name}/users", json={"users": users})

    def delete_group(self, name: str) -> None:
        self._call("DELETE", f"/groups/{name}", ok=(204, 404))

    def start_server(self, name: str, options: dict | None = None) -> None:
        """`options` reach the spawner as its user_options. 201: started; 202: starting; 400:
        already running."""
        self._call("POST", f"/users/{name}/server", ok=(201, 202, 400), json=options or {})

    def server_ready(self, name: str) -> bool:
        model = self.user(name) or {}
        server = (model.get("servers") or {}).get("")
        return bool(server and server.get("ready"))

    def stop_server(self, name: str) -> None:
        self._call("DELETE", f"/users/{name}/server", ok=(202, 204, 400, 404))

    def wait_stopped(self, name: str, deadline_s: float = 60) -> None:
        end = time.monotonic() + deadline_s
        while time.monotonic() < end:
            model = self.user(name)
            if model is None or not (model.get("servers") or {}):
                return
            time.sleep(0.3)
        raise HubError(f"Le serveur de {name} ne s'est pas arrêté en {deadline_s:.0f} s.")

    def delete_user(self, name: str) -> None:
        self._call("DELETE", f"/users/{name}", ok=(204, 404))
