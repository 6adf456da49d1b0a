"""Run the gateway app in-process on a loopback port, with stand-ins for what cannot run here.

The hub's token check is replaced by a table of test tokens (the real check, with a real hub,
is covered by tests/integration/test_platform.py and test_gateway_hub.py); upstreams are
`FakeOllama` servers or the real embedded model.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import uvicorn
from fastapi import HTTPException, Request

from atelier_ia.gateway.app import create_app
from atelier_ia.gateway.auth import Caller, token_from
from atelier_ia.settings import Settings
from tests.hub_harness import free_port, wait_until

PREFIX = "/services/gateway"
TRAINER = "claire"


def token_for(user: str) -> str:
    return f"jeton-de-{user}"


class TokenTable:
    """Stands in for HubAuth: `jeton-de-<name>` is <name>'s token; anything else is refused."""

    async def __call__(self, request: Request) -> Caller:
        token = token_from(request)
        if token is None:
            raise HTTPException(401, "Jeton manquant.")
        if not token.startswith("jeton-de-"):
            raise HTTPException(401, "Jeton invalide ou expiré : reconnectez-vous au hub.")
        name = token.removeprefix("jeton-de-")
        return Caller(name, "user", frozenset({"formateurs"} if name == TRAINER else ()), False)


async def is_trainer(caller: Caller) -> bool:
    return "formateurs" in caller.groups


def gateway_data(tmp: Path, backends: list[dict], models: list[dict], **gateway) -> dict:
    """The same structure as an atelier.toml."""
    return {
        "state_dir": str(tmp),
        "gateway": {
            "backends": backends,
            "models": models,
            "default_model": models[0]["name"],
            **gateway,
        },
    }


def gateway_settings(tmp: Path, backends: list[dict], models: list[dict], **gateway) -> Settings:
    return Settings.model_validate(gateway_data(tmp, backends, models, **gateway))


def app_for(settings: Settings):
    return create_app(settings, authenticate=TokenTable(), is_trainer=is_trainer, prefix=PREFIX)


class RunningGateway:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.port = free_port()
        self.app = app_for(settings)
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="error")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{PREFIX}"

    def headers(self, user: str, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token_for(user)}", **extra}

    @property
    def core(self):
        """The Gateway object the app built when it started."""
        return self.app.state.gateway

    def __enter__(self) -> RunningGateway:
        self.thread.start()
        wait_until(lambda: self.server.started, 30, "the gateway")
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


def main() -> None:
    """`python -m tests.gateway_harness SETTINGS_JSON PORT`: the gateway in a process of its
    own, for tests that kill it."""
    settings = Settings.model_validate_json(Path(sys.argv[1]).read_text(encoding="utf-8"))
    uvicorn.run(app_for(settings), host="127.0.0.1", port=int(sys.argv[2]), log_level="error")


if __name__ == "__main__":
    main()
