"""nbgrader's configuration of the course « acculturation-ia ».

`atelier up` copies this file into the course folder of the state dir (var/exercises/), where
the formgrader and the `atelier exercises` commands run; there, course.json written beside it
gives the exchange, the time limit and the accounts' prefix from the platform's settings.
Run from this folder (`atelier check`, or `nbgrader generate_assignment` while writing an
exercise), it uses this folder."""

from pathlib import Path

from atelier_ia.exercises.config import configure_folder

configure_folder(get_config(), Path(__file__).resolve().parent)  # noqa: F821 (nbgrader's)
