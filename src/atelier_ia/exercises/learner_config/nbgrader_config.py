"""nbgrader's configuration in the learners' servers (JUPYTER_CONFIG_PATH points here): the
Lab extension of learners with code reads it."""

from atelier_ia.exercises.config import configure_learner

configure_learner(get_config())  # noqa: F821 (given by nbgrader)
