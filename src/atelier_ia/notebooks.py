"""Run workshop notebooks headless, as Voilà would, to check they work (`atelier check`)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


@dataclass
class NotebookResult:
    path: Path
    ok: bool
    seconds: float
    error: str = ""


def find_notebooks(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
        else:
            found.append(path)
    return found


def run_notebook(path: Path, timeout: int = 300) -> NotebookResult:
    start = time.monotonic()
    try:
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(
            notebook,
            timeout=timeout,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
        )
        client.execute()
    except CellExecutionError as exc:
        # The last line of a traceback names the error; enough for a trainer to act on.
        lines = [line for line in str(exc).splitlines() if line.strip()]
        return NotebookResult(path, False, time.monotonic() - start, lines[-1] if lines else "")
    except (CellTimeoutError, DeadKernelError, OSError, ValueError) as exc:
        return NotebookResult(path, False, time.monotonic() - start, str(exc).splitlines()[0])
    errors = [
        output
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    if errors:
        return NotebookResult(
            path,
            False,
            time.monotonic() - start,
            f"{errors[0].get('ename')}: {errors[0].get('evalue')}",
        )
    return NotebookResult(path, True, time.monotonic() - start)
