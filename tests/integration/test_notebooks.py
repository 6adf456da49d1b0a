"""Every workshop notebook runs headless with the embedded model, through the real gateway,
with a participant's token: `atelier check`, as a trainer runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

from tests.hub_harness import ATELIER, ROOT


def test_atelier_check_runs_every_workshop_notebook(platform, tmp_path):
    session = platform.login("gisele")
    token = platform.new_token(session, "gisele")
    env = {**os.environ, "OLLAMA_HOST": f"{platform.url}/services/gateway", "OLLAMA_API_KEY": token}
    result = check(env=env)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    notebooks = sorted((ROOT / "workshops").rglob("*.ipynb"))
    assignments = sorted((ROOT / "exercises" / "source").iterdir())
    assert len(notebooks) >= 5 and len(assignments) >= 4
    assert f"Les {len(notebooks) + len(assignments)} vérifications passent" in output
    assert output.count("OK") >= len(notebooks) + len(assignments)


def check(*targets: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ATELIER), "check", *targets],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def test_atelier_check_reports_a_broken_notebook(tmp_path):
    broken = tmp_path / "casse.ipynb"
    broken.write_text(
        '{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], '
        '"execution_count": null, "source": "1 / 0"}], "metadata": {"kernelspec": '
        '{"name": "python3", "display_name": "Python 3"}}, "nbformat": 4, "nbformat_minor": 5}'
    )
    result = check(str(broken))
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "ZeroDivisionError" in output and "1 vérification(s) en échec" in output


def test_atelier_check_runs_each_assignments_solution_and_tests(tmp_path):
    """A course whose solution fails its own test, and one whose test an empty answer passes,
    are both refused; the shipped course's copy passes."""
    course = tmp_path / "cours"
    shutil.copytree(ROOT / "exercises", course)
    shipped = check(str(course))
    assert shipped.returncode == 0, shipped.stdout + shipped.stderr

    data = course / "source" / "03-donnees-47" / "03-donnees-47.ipynb"
    data.write_text(data.read_text().replace("avec 44 communes", "avec 43 communes"))
    quiz = course / "source" / "04-quiz-droit" / "04-quiz-droit.ipynb"
    notebook = json.loads(quiz.read_text())
    # A broken course on purpose: tests that pass whatever the answer (checking nothing) are
    # what `atelier check` must refuse.
    for cell in notebook["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade"):
            cell["source"] = "assert True"
    quiz.write_text(json.dumps(notebook))
    broken = check(str(course))
    output = broken.stdout + broken.stderr
    assert broken.returncode == 1, output
    assert "la solution échoue au test « test_nombre »" in output
    assert "sans réponse, passe déjà tous les tests" in output
    assert "2 vérification(s) en échec sur 4" in output
