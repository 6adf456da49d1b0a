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
