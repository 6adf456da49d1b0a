"""Every gateway request is made with the caller's own JupyterHub token."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import HTTPException, Request
from jupyterhub.services.auth import HubAuth


@dataclass(frozen=True)
class Caller:
    name: str
    kind: str  # "user" or "service"
    groups: frozenset[str]
    admin: bool


def token_from(request: Request) -> str | None:
    """`Authorization: token X` (JupyterHub) or `Bearer X` (ollama and openai clients)."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() in ("token", "bearer") and value.strip():
        return value.strip()
    return None


class HubTokenAuth:
    """Resolves a token through the hub's API and checks it grants access to this service."""

    def __init__(self, hub_auth: HubAuth | None = None) -> None:
        # HubAuth reads JUPYTERHUB_API_URL, JUPYTERHUB_API_TOKEN and the service name from the
        # environment the hub gives a managed service; it caches answers for a minute.
        self.hub_auth = hub_auth or HubAuth(cache_max_age=60)

    async def __call__(self, request: Request) -> Caller:
        token = token_from(request)
        if token is None:
            raise HTTPException(
                401,
                "Jeton manquant : envoyez votre jeton JupyterHub dans l'en-tête "
                "« Authorization: Bearer <jeton> ».",
            )
        model = await self.hub_auth.user_for_token(token, sync=False)
        if not model:
            raise HTTPException(401, "Jeton invalide ou expiré : reconnectez-vous au hub.")
        if not self.hub_auth.check_scopes(self.hub_auth.access_scopes, model):
            raise HTTPException(403, "Ce jeton ne donne pas accès à la passerelle des modèles.")
        return Caller(
            name=model.get("name", ""),
            kind=model.get("kind", "user"),
            groups=frozenset(model.get("groups") or ()),
            admin=bool(model.get("admin")),
        )


class TrainerCheck:
    """Is this caller a trainer? Admins are; so are members of the trainers' group.

    A user server's own token does not carry the person's groups, so membership is read from
    the hub with the gateway's own token (its role allows reading that one group only).
    """

    def __init__(self, group: str, hub_auth: HubAuth, cache_s: float = 30.0) -> None:
        self.group = group
        self.hub_auth = hub_auth
        self.cache_s = cache_s
        self._members: frozenset[str] = frozenset()
        self._fetched = 0.0

    async def members(self) -> frozenset[str]:
        import time

        import httpx

        if time.monotonic() - self._fetched > self.cache_s:
            url = f"{self.hub_auth.api_url.rstrip('/')}/groups/{self.group}"
            async with httpx.AsyncClient(timeout=10) as client:
                response = await client.get(
                    url, headers={"Authorization": f"token {self.hub_auth.api_token}"}
                )
            if response.status_code == 200:
                self._members = frozenset(response.json().get("users") or ())
                self._fetched = time.monotonic()
        return self._members

    async def __call__(self, caller: Caller) -> bool:
        if caller.admin or self.group in caller.groups:
            return True
        return caller.kind == "user" and caller.name in await self.members()
