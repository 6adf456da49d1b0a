"""Fuzz the gateway's documented API (not a test): `.venv/bin/python -m bench.fuzz`.

A real platform (`atelier up`), its gateway forwarding to the Ollama stand-in (no Ollama can
run here). Schemathesis reads the gateway's own OpenAPI document and sends what it generates
from it to every route:

- with a participant's valid token: no 5xx, and every answer within the request timeout
  (`not_a_server_error`, `--max-response-time`); schemathesis's `ignored_auth` check also
  replays each call without the token and with a wrong one and wants them refused;
- then every route by hand with no token, a made-up token, and a foreign one (a real hub token
  of the same person, but scoped so it does not grant access to the gateway): each must be 401
  or 403.

Writes bench/results/fuzz.json.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import write_result  # noqa: E402
from bench.faults import StandIn, config_file  # noqa: E402
from bench.gateway import tokens_for  # noqa: E402
from tests.hub_harness import start_platform  # noqa: E402

SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
MAX_EXAMPLES = 40
REQUEST_TIMEOUT_S = 60
MAX_RESPONSE_S = 30
RUN_DEADLINE_S = 900


def fuzz(schema_path: Path, base: str, token: str, reports: Path) -> dict:
    command = [
        str(SCHEMATHESIS),
        "run",
        str(schema_path),
        "--url",
        base,
        "--header",
        f"Authorization: Bearer {token}",
        "--checks",
        "not_a_server_error,ignored_auth",
        "--max-examples",
        str(MAX_EXAMPLES),
        "--request-timeout",
        str(REQUEST_TIMEOUT_S),
        "--max-response-time",
        str(MAX_RESPONSE_S),
        "--workers",
        "2",
        "--continue-on-failure",
        "--report",
        "ndjson",
        "--report-dir",
        str(reports),
        "--no-color",
    ]
    start = time.perf_counter()
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=RUN_DEADLINE_S, cwd=reports
    )
    tail = "\n".join(done.stdout.strip().splitlines()[-40:])
    return {
        "exit_code": done.returncode,
        "seconds": round(time.perf_counter() - start, 1),
        "summary": tail,
        "statuses": statuses_from(reports),
    }


def statuses_from(reports: Path) -> dict[str, int]:
    """Count the HTTP statuses schemathesis got, from its NDJSON report."""
    counts: dict[str, int] = {}
    for report in reports.glob("*.ndjson"):
        for status in re.findall(r'"status_code":\s*(\d{3})', report.read_text(errors="replace")):
            counts[status] = counts.get(status, 0) + 1
    return dict(sorted(counts.items()))


def refusals(schema: dict, base: str, headers_by_kind: dict[str, dict]) -> dict:
    """Every documented route, with each kind of bad credentials: the statuses seen."""
    seen: dict[str, dict[str, int]] = {kind: {} for kind in headers_by_kind}
    wrong: list[str] = []
    with httpx.Client(timeout=REQUEST_TIMEOUT_S) as client:
        for path, methods in schema["paths"].items():
            for method in methods:
                concrete = re.sub(r"\{[^}]+\}", "arena", path)
                for kind, headers in headers_by_kind.items():
                    status = client.request(
                        method.upper(), base + concrete, headers=headers, json={}
                    ).status_code
                    seen[kind][str(status)] = seen[kind].get(str(status), 0) + 1
                    if status not in (401, 403):
                        wrong.append(f"{kind} {method.upper()} {path}: {status}")
    return {"routes": sum(len(m) for m in schema["paths"].values()), "seen": seen, "wrong": wrong}


def main() -> None:
    if os.geteuid() != 0:
        sys.exit("bench.fuzz : à lancer en root (comptes Unix).")
    if not SCHEMATHESIS.exists():
        sys.exit("bench.fuzz : schemathesis manque (make bench l'installe).")
    tmp = Path(tempfile.mkdtemp(prefix="bench-fuzz-"))
    upstream = StandIn(["--tokens", "5", "--token-delay", "0"])
    upstream.start()
    platform = start_platform(tmp, {"ATELIER_CONFIG": str(config_file(tmp, upstream))})
    try:
        person = "fuzz01"
        token = tokens_for(platform, [person])[person]
        admin = platform.login("formateur", platform.admin_password)
        # A real token of the same person, with no access to the gateway.
        foreign = platform.new_token(admin, person, scopes=[f"read:users:name!user={person}"])
        gateway = f"{platform.url}/services/gateway"
        schema = httpx.get(
            f"{gateway}/openapi.json", headers={"Authorization": f"Bearer {token}"}
        ).json()
        schema_path = tmp / "openapi.json"
        schema_path.write_text(json.dumps(schema), encoding="utf-8")
        runs = {}
        # A participant, then a trainer (who also reaches /metrics and /audit/room).
        for role, who in (
            ("participant", token),
            ("trainer", platform.new_token(admin, "formateur")),
        ):
            reports = tmp / f"rapports-{role}"
            reports.mkdir()
            runs[role] = fuzz(schema_path, platform.url, who, reports)
        bad = refusals(
            schema,
            platform.url,
            {
                "no token": {},
                "made-up token": {"Authorization": "Bearer pas-un-jeton-du-hub"},
                "foreign token": {"Authorization": f"Bearer {foreign}"},
            },
        )
        alive = httpx.get(
            f"{gateway}/api/version", headers={"Authorization": f"Bearer {token}"}
        ).status_code
    finally:
        platform.stop(timeout=120)
        platform.remove()
        upstream.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    print(runs["participant"]["summary"])
    print(f"\n{'essai':38}{'résultat':>30}")
    for role, run in runs.items():
        run["server_errors"] = sum(n for code, n in run["statuses"].items() if code[0] == "5")
        cases = sum(run["statuses"].values())
        print(f"{'schemathesis, ' + role + ' : 5xx':38}{run['server_errors']:>24} / {cases}")
        print(f"{'schemathesis, ' + role + ' : sortie':38}{run['exit_code']:>30}")
    for kind, statuses in bad["seen"].items():
        print(f"{kind + ' (' + str(bad['routes']) + ' routes)':38}{json.dumps(statuses):>30}")
    print(f"{'passerelle vivante après':38}{alive:>30}")
    write_result(
        "fuzz",
        {
            "what": "schemathesis against the gateway's OpenAPI document, then every route "
            "with no, made-up and foreign tokens",
            "schemathesis": runs,
            "refusals": bad,
            "gateway_alive_after": alive == 200,
        },
    )


if __name__ == "__main__":
    main()
