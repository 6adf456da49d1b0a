"""Every workshop notebook runs headless with the embedded model, through the real gateway,
with a participant's token: `atelier check`, as a trainer runs it."""

from __future__ import annotations

import os
import subprocess

from tests.hub_harness import ATELIER, ROOT


def test_atelier_check_runs_every_workshop_notebook(platform, tmp_path):
    session = platform.login("gisele")
    token = platform.new_token(session, "gisele")
    env = {**os.environ, "OLLAMA_HOST": f"{platform.url}/services/gateway", "OLLAMA_API_KEY": token}
    result = subprocess.run(
        [str(ATELIER), "check"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    notebooks = sorted((ROOT / "workshops").rglob("*.ipynb"))
    assert len(notebooks) >= 5
    assert "notebooks s'exécutent sans erreur" in output
    assert output.count("OK") >= len(notebooks)


def test_atelier_check_reports_a_broken_notebook(tmp_path):
    broken = tmp_path / "casse.ipynb"
    broken.write_text(
        '{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], '
        '"execution_count": null, "source": "1 / 0"}], "metadata": {"kernelspec": '
        '{"name": "python3", "display_name": "Python 3"}}, "nbformat": 4, "nbformat_minor": 5}'
    )
    result = subprocess.run(
        [str(ATELIER), "check", str(broken)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "ZeroDivisionError" in output and "1 notebook(s) en échec" in output
