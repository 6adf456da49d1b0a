"""Start the live view's Jupyter server, the `suivi` hub service: `python -m
atelier_ia.sessions.live_server [jupyterhub-singleuser options]`."""

from __future__ import annotations

import signal
import sys


def main() -> int:
    # The hub stops a service with SIGINT and sends SIGTERM only 10 s later. Without a terminal
    # a Jupyter server keeps the SIGINT disposition it inherited, which is "ignore" when
    # `atelier up` was started by a script or a service manager: take SIGINT as SIGTERM, so
    # that Ctrl-C on `make up` stops it at once.
    signal.signal(signal.SIGINT, lambda *_: signal.raise_signal(signal.SIGTERM))
    from jupyterhub.singleuser import main as singleuser

    return singleuser()


if __name__ == "__main__":
    sys.exit(main())
