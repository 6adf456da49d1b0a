"""The code base passes ruff (lint and format), as the conventions ask."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# No cache: a clean checkout (CI) has none, and a stale one can hide a change.
RUFF = [sys.executable, "-m", "ruff"]


def test_ruff_check():
    result = subprocess.run(
        [*RUFF, "check", "--no-cache", "src", "tests", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format():
    result = subprocess.run(
        [*RUFF, "format", "--check", "--no-cache", "src", "tests", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
