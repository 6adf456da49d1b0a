"""What a person's server costs to start: the IRI grammar that jsonschema compiles at import
is put off until an IRI is checked, and the check itself is unchanged."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys
from atelier_ia.hub import singleuser
if sys.argv[1] == "deferred":
    singleuser.defer_iri_grammar()
import jupyter_server.serverapp  # what the person's server imports, events and all
loaded_at_start = "lark" in sys.modules
from jsonschema import Draft202012Validator, FormatChecker
schema = {"type": "string", "format": "iri"}
check = Draft202012Validator(schema, format_checker=FormatChecker())
print(json.dumps({
    "loaded_at_start": loaded_at_start,
    "good": check.is_valid("https://exemple.fr/délibération"),
    "bad": check.is_valid("pas une iri"),
}))
"""


def probe(mode: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, mode], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def test_the_iri_grammar_is_compiled_at_import_unless_deferred():
    eager = probe("eager")
    assert eager["loaded_at_start"]  # the cost this removes is real in this venv
    deferred = probe("deferred")
    assert not deferred["loaded_at_start"]
    # The format check answers as before, loading the grammar at its first use.
    assert (deferred["good"], deferred["bad"]) == (eager["good"], eager["bad"]) == (True, False)


HUB_PAGES_PROBE = """
import importlib, json, sys
from atelier_ia.hub import singleuser
if sys.argv[1] == "deferred":
    singleuser.defer_hub_database()
import jupyterhub.singleuser.extension, jupyter_server.serverapp
from jupyterhub.log import log_request
loaded_at_start = {"sqlalchemy.orm", "alembic"} & set(sys.modules)
pages = importlib.import_module("jupyterhub.handlers.pages")


class Request:
    method, uri, remote_ip, headers, request_time = "GET", "/user/a/catalogue", "::1", {}, (
        lambda self: 0.01
    )


class Handler:
    request = Request()
    settings = {}
    current_user = None
    log = None

    def get_status(self):
        return 200


log_request(Handler())  # the request logger runs with the stand-in in place
pending = pages.SpawnPendingHandler  # any other name: the real module
orm = importlib.import_module("jupyterhub.orm")
user_table = orm.User.__tablename__
print(json.dumps({
    "loaded_at_start": sorted(loaded_at_start),
    "real_after_use": "sqlalchemy.orm" in sys.modules,
    "pending": pending.__module__,
    "user_table": user_table,
}))
"""


def test_the_hubs_own_pages_are_not_imported_by_a_persons_server_unless_used():
    def run(mode: str) -> dict:
        out = subprocess.run(
            [sys.executable, "-c", HUB_PAGES_PROBE, mode], capture_output=True, text=True
        )
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    eager = run("eager")
    # Without the stand-ins, the hub's models come along (jupyterhub.utils still imports
    # SQLAlchemy's core for one exception class: left, as SQLAlchemy itself imports that module).
    assert eager["loaded_at_start"] == ["alembic", "sqlalchemy.orm"]
    deferred = run("deferred")
    assert not deferred["loaded_at_start"]
    assert deferred["real_after_use"] and deferred["pending"] == "jupyterhub.handlers.pages"
    assert deferred["user_table"] == eager["user_table"] == "users"
