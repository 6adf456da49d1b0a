"""Where the project's own files are, for an editable install (the `make up` case)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# src/atelier_ia -> src -> project root
PROJECT_ROOT = PACKAGE_DIR.parents[1]
WORKSHOPS_DIR = PROJECT_ROOT / "workshops"
HUB_CONFIG_FILE = PROJECT_ROOT / "hub_config" / "jupyterhub_config.py"
VENV_BIN = Path(sys.executable).parent


def proxy_command() -> list[str]:
    """configurable-http-proxy: the copy npm installed into the repo, else one on PATH."""
    local = PROJECT_ROOT / "node_modules" / ".bin" / "configurable-http-proxy"
    if local.exists():
        return [str(local)]
    found = shutil.which("configurable-http-proxy")
    return [found] if found else ["configurable-http-proxy"]
