"""Run the gateway, as the hub does for a managed service: `python -m atelier_ia.gateway`."""

from __future__ import annotations

import logging
import sys

import uvicorn

from atelier_ia.gateway.app import create_app
from atelier_ia.settings import SettingsError, load_settings


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 2
    gateway = settings.gateway
    uvicorn.run(
        create_app(settings),
        host=gateway.ip,
        port=gateway.port,
        log_level="warning",
        # The hub waits for its services on shutdown: leave promptly on SIGTERM.
        timeout_graceful_shutdown=2,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
