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
