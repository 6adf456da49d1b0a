"""A room at work (not a test): `.venv/bin/python -m bench.room [N]` (30 by default, up to 60).

On a real platform (`atelier up`, as root: one account per person), a session of N people is
made with `atelier session create`, then, at the trainer's « allez-y », every person at once:
logs in, gets their server, reads the catalogue, opens the playground workshop, and sends three
prompts with a think-time of 3 to 10 s before each. Three runs, one after the other:

- the embedded model, cold (no server started before);
- the embedded model, warmed (`atelier session create … --warm` before the room arrives);
- the Ollama stand-in (tests/fake_ollama.py: no Ollama can run here) as two upstreams at a
  7-8B pace on a GPU (0.3 s before the first token, 30 tokens/s, one generation at a time
  each), warmed: the gateway's spread over replicas.

How each figure is taken:

- "catalogue served": the catalogue page read to its end over HTTP (a plain page of the
  person's server, apps/catalogue_page.py). A browser then lays it out: one Chromium session
  (Debian's, through Playwright), on a warm server with the room gone, measures the same
  request → 10 cards visible; that offset, added to the HTTP figures, gives "catalogue
  rendered" (the calibration is in the JSON);
- prompts go through the apps' own client (`LLMClient`, streamed, with queue updates) from
  this process, with each person's own hub token, as their workshop's kernel would send them;
  time to first token is the client's (queue included);
- the fair-share bound is N × mean service time ÷ the upstreams' parallelism, the service time
  being the audit log's duration minus queue wait, for this run's requests;
- memory is sampled every 5 s (PSS and RSS, bench/memory.py) and the peak kept; CPU is the
  machine's, over the room's time.

`--kernel-niceness=0,10` repeats each embedded run once per value of hub.kernel_niceness,
side by side (0: kernels at the servers' priority, as ipykernel starts them);
`--hub-niceness=0,-10` the same for hub.niceness (the hub's and the proxy's session).
`--embedded-only` leaves out the stand-in's run.

Writes bench/results/room.json and bench/results/room.png.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from atelier_ia.gateway.audit import AuditLog  # noqa: E402
from atelier_ia.llm.client import ChatStats, LLMClient, LLMError  # noqa: E402
from atelier_ia.sessions.accounts import logins  # noqa: E402
from atelier_ia.settings import EMBEDDED_MODEL, Settings  # noqa: E402
from bench import RESULTS, write_result  # noqa: E402
from bench.arrival import arrive, percentile, read_page  # noqa: E402
from bench.faults import StandIn  # noqa: E402
from bench.memory import participant_uids, platform_pss  # noqa: E402
from tests.hub_harness import atelier as harness_atelier  # noqa: E402
from tests.hub_harness import start_platform  # noqa: E402

SESSION = "salle"
WORKSHOP = "workshops/00-bac-a-sable/bac-a-sable.ipynb"
PROMPTS = (
    "Proposez un titre pour une réunion publique sur le budget participatif.",
    "Résumez en deux phrases le rôle du conseil municipal.",
    "Donnez trois idées pour accueillir les nouveaux habitants.",
)
MAX_TOKENS = 40
THINK_S = (3.0, 10.0)
SAMPLE_S = 5.0
STAND_IN_MODEL = "mistral:7b"
STAND_IN_PACE = ["--tokens", "60", "--token-delay", "0.033", "--first-token-delay", "0.3"]
CALIBRATION_ROUNDS = 3


def stand_in_config(tmp: Path, upstreams: list[StandIn]) -> Path:
    path = tmp / "atelier.toml"
    blocks = [f'[gateway]\ndefault_model = "{STAND_IN_MODEL}"\n']
    for number, upstream in enumerate(upstreams, 1):
        blocks.append(
            f'[[gateway.backends]]\nname = "ollama{number}"\nkind = "ollama"\n'
            f'url = "{upstream.url}"\n'
        )
    names = ", ".join(f'"ollama{n}"' for n in range(1, len(upstreams) + 1))
    blocks.append(f'[[gateway.models]]\nname = "{STAND_IN_MODEL}"\nbackends = [{names}]\n')
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


def atelier(platform, *args: str) -> subprocess.CompletedProcess:
    # Warming 60 servers takes longer than a test's command.
    return harness_atelier(platform, *args, timeout=900)


class Sampler:
    """Peak memory of the platform's processes, sampled every SAMPLE_S seconds."""

    def __init__(self, platform) -> None:
        self.platform = platform
        self.peak: dict[str, dict] = {"Pss": {}, "Rss": {}}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            uids = participant_uids(self.platform.prefix)
            for field, peak in self.peak.items():
                now = platform_pss(self.platform.process.pid, uids, field)
                for key, value in now.items():
                    if isinstance(value, int | float) and value > (peak.get(key) or 0):
                        peak[key] = value
            self._stop.wait(SAMPLE_S)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(60)


def prompts(gateway: str, token: str, model: str, rng: random.Random) -> list[dict]:
    client = LLMClient(host=gateway, token=token, workshop="bench-room", timeout=600)
    done = []
    for prompt in PROMPTS:
        time.sleep(rng.uniform(*THINK_S))
        stats = ChatStats()
        start = time.perf_counter()
        first = None
        try:
            for _ in client.stream_chat(model, prompt, max_tokens=MAX_TOKENS, stats=stats):
                first = first or time.perf_counter()
            end = time.perf_counter()
            rate = (stats.tokens_out - 1) / (end - first) if first and end > first else None
            done.append(
                {"ttft_s": (first or end) - start, "tokens": stats.tokens_out, "tokens_s": rate}
            )
        except LLMError as exc:
            done.append({"error": str(exc)[:80]})
    return done


def person(platform, name: str, token: str, model: str, seed: int) -> dict:
    sessions: dict = {}
    start = time.perf_counter()
    arrival = arrive(platform, name, sessions)
    if "error" in arrival:
        return arrival
    page = read_page(sessions[name], f"{platform.url}/user/{name}/voila/render/{WORKSHOP}", start)
    if page is None or page.status_code != 200:
        return {**arrival, "error": "workshop page"}
    arrival["workshop_s"] = time.perf_counter() - start
    gateway = f"{platform.url}/services/gateway"
    arrival["prompts"] = prompts(gateway, token, model, random.Random(seed))
    return arrival


def calibrate(platform, name: str) -> dict:
    """HTTP "served" against Chromium "10 cards visible", alternately, for one person on a warm
    server with nothing else running; each browser round is a new context (no cache, like a
    laptop that never opened the platform)."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.helpers import CHROMIUM, CHROMIUM_ARGS, log_in

    url = f"{platform.url}/user/{name}/catalogue"
    session = platform.login(name)
    served, rendered = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            for _ in range(CALIBRATION_ROUNDS):
                start = time.perf_counter()
                read_page(session, url, start)
                served.append(time.perf_counter() - start)
                context = browser.new_context(locale="fr-FR")
                page = context.new_page()
                log_in(page, platform, name, platform.workshop_password)
                page.wait_for_url("**/user/*/catalogue", timeout=120_000)
                start = time.perf_counter()
                page.goto(url)
                page.locator(".atelier-card").nth(9).wait_for(state="visible", timeout=120_000)
                rendered.append(time.perf_counter() - start)
                context.close()
        finally:
            browser.close()
    offset = statistics.median(rendered) - statistics.median(served)
    return {
        "http_served_s": [round(v, 2) for v in served],
        "chromium_rendered_s": [round(v, 2) for v in rendered],
        "offset_s": round(offset, 2),
    }


def service_times(platform, names: list[str]) -> tuple[list[float], dict[str, int]]:
    audit = AuditLog(
        Settings.model_validate({"state_dir": str(platform.state_dir)}).audit_database_url
    )
    try:
        service, share = [], {}
        for name in names:
            for row in audit.rows_for(name):
                if row["workshop"] != "bench-room" or row["status"] != "ok":
                    continue
                service.append(row["duration_s"] - row["queue_wait_s"])
                share[row["upstream"]] = share.get(row["upstream"], 0) + 1
        return service, share
    finally:
        audit.engine.dispose()


def run(
    label: str,
    n: int,
    warm: bool,
    tmp: Path,
    upstreams: list[StandIn] | None,
    compared: tuple[str, int] | None = None,
) -> dict:
    folder = tmp / label
    folder.mkdir()
    env = {"ATELIER_CONFIG": str(stand_in_config(folder, upstreams))} if upstreams else {}
    if compared is not None:
        env[COMPARED[compared[0]][0]] = str(compared[1])
    model = STAND_IN_MODEL if upstreams else EMBEDDED_MODEL
    parallel = len(upstreams) if upstreams else 1
    platform = start_platform(folder, env)
    result: dict = {"run": label, "participants": n, "warm": warm, "model": model}
    if compared is not None:
        result[compared[0]] = compared[1]
    try:
        args = ["session", "create", SESSION, "--participants", str(n)]
        start = time.perf_counter()
        made = atelier(platform, *args, *(["--warm"] if warm else []))
        if made.returncode != 0:
            raise RuntimeError(made.stderr)
        if warm:
            result["warm_s"] = round(time.perf_counter() - start, 1)
        names = logins(SESSION, n)
        admin = platform.login("formateur", platform.admin_password)
        tokens = {name: platform.new_token(admin, name) for name in names}
        cpu_before = psutil.cpu_times()
        with Sampler(platform) as sampler, ThreadPoolExecutor(n) as pool:
            room_start = time.perf_counter()
            people = list(
                pool.map(
                    lambda item: person(platform, item[1], tokens[item[1]], model, item[0]),
                    enumerate(names),
                )
            )
            room_s = time.perf_counter() - room_start
        cpu_after = psutil.cpu_times()
        busy = sum(cpu_after) - sum(cpu_before) - (cpu_after.idle - cpu_before.idle)
        service, share = service_times(platform, names)
        if warm and not upstreams:
            result["calibration"] = calibrate(platform, names[0])
    finally:
        platform.stop(timeout=180)
        platform.remove()
    asked = [p for person_ in people for p in person_.get("prompts", [])]
    answered = [p for p in asked if "ttft_s" in p]
    errors: dict[str, int] = {}
    for item in people + asked:
        if "error" in item:
            errors[item["error"]] = errors.get(item["error"], 0) + 1
    ttft = [p["ttft_s"] for p in answered]
    mean_service = statistics.mean(service) if service else None
    bound = n * mean_service / parallel if mean_service else None
    catalogue = [p["catalogue_s"] for p in people if "catalogue_s" in p]
    result |= {
        "got_in": len(catalogue),
        "room_s": round(room_s, 1),
        "login_p50_s": percentile([p["login_s"] for p in people if "login_s" in p], 0.5),
        "catalogue_served_p50_s": percentile(catalogue, 0.5),
        "catalogue_served_p95_s": percentile(catalogue, 0.95),
        "workshop_p95_s": percentile([p["workshop_s"] for p in people if "workshop_s" in p], 0.95),
        "prompts_sent": len(asked),
        "prompts_answered": len(answered),
        "ttft_p50_s": percentile(ttft, 0.5),
        "ttft_p95_s": percentile(ttft, 0.95),
        "tokens_s_per_participant_p50": percentile(
            [p["tokens_s"] for p in answered if p["tokens_s"]], 0.5
        ),
        "mean_service_s": mean_service,
        "upstream_parallelism": parallel,
        "fair_share_bound_s": bound,
        "ttft_p95_over_bound": (percentile(ttft, 0.95) / bound) if bound and ttft else None,
        "upstream_share": share,
        "errors": errors,
        "peak_mib": sampler.peak,
        "cpu_busy_pct": round(100 * busy / (sum(cpu_after) - sum(cpu_before)), 1),
        "catalogue_s": [round(v, 2) for v in catalogue],
        "ttft_s": [round(v, 3) for v in ttft],
    }
    return result


def plot(runs: list[dict]) -> Path | None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    for r in runs:
        for axis, key in ((left, "catalogue_s"), (right, "ttft_s")):
            values = sorted(r[key])
            if values:
                share = [(i + 1) / len(values) for i in range(len(values))]
                axis.step(values, share, where="post", label=r["run"])
    left.set(title="Connexion → catalogue servi", xlabel="secondes", ylabel="part de la salle")
    right.set(title="Temps jusqu'au premier mot", xlabel="secondes", xscale="log")
    for axis in (left, right):
        axis.grid(alpha=0.3)
        axis.legend(fontsize=8)
    figure.tight_layout()
    path = RESULTS / "room.png"
    figure.savefig(path, dpi=110)
    return path


# What `--NAME=a,b` compares side by side: the setting's variable and its label in a run.
COMPARED = {
    "kernel_niceness": ("ATELIER_HUB__KERNEL_NICENESS", "noyaux nice"),
    "hub_niceness": ("ATELIER_HUB__NICENESS", "hub et proxy nice"),
}


def compared_values(args: list[str]) -> list[tuple[str, int] | None]:
    """`--kernel-niceness=0,10` or `--hub-niceness=0,-10`: the embedded runs once per value of
    that setting, side by side. Without either, once at the defaults."""
    for arg in args:
        for key in COMPARED:
            flag = "--" + key.replace("_", "-") + "="
            if arg.startswith(flag):
                return [(key, int(v)) for v in arg.removeprefix(flag).split(",")]
    return [None]


def main() -> None:
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    n = min(60, int(numbers[0])) if numbers else 30
    if os.geteuid() != 0:
        sys.exit("bench.room : à lancer en root (comptes Unix).")
    tmp = Path(tempfile.mkdtemp(prefix="bench-room-"))
    upstreams = [StandIn(STAND_IN_PACE) for _ in range(2)]
    runs = []
    for warm, label in ((False, "intégré, à froid"), (True, "intégré, préchauffé")):
        for compared in compared_values(sys.argv[1:]):
            suffix = "" if compared is None else f", {COMPARED[compared[0]][1]} {compared[1]}"
            runs.append(run(label + suffix, n, warm, tmp, None, compared))
    try:
        if "--embedded-only" not in sys.argv:
            for upstream in upstreams:
                upstream.start()
            runs.append(run("2 × Ollama (substitut), préchauffé", n, True, tmp, upstreams))
    finally:
        for upstream in upstreams:
            upstream.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    calibrated = [r["calibration"] for r in runs if "calibration" in r]
    offset = calibrated[-1]["offset_s"] if calibrated else 0.0
    header = f"{'':46}{'entrés':>8}{'cat. p50':>10}{'cat. p95':>10}{'rendu p95':>10}"
    print(f"{n} personnes, 3 demandes chacune\n{header}{'1er mot p50':>12}{'p95':>8}{'/borne':>8}")
    for r in runs:
        cells = [r["catalogue_served_p50_s"], r["catalogue_served_p95_s"]]
        rendered = r["catalogue_served_p95_s"] + offset if r["catalogue_served_p95_s"] else None
        cells += [rendered, r["ttft_p50_s"], r["ttft_p95_s"], r["ttft_p95_over_bound"]]
        shown = "".join(f"{v:>10.2f}" if v is not None else f"{'-':>10}" for v in cells)
        print(f"{r['run']:46}{r['got_in']:>5}/{n}{shown}")
        print(
            f"{'':46}erreurs {r['errors'] or '-'} ; répartition {r['upstream_share']} ; "
            f"CPU {r['cpu_busy_pct']} % ; pic PSS {r['peak_mib']['Pss']}"
        )
    print(f"étalonnage Chromium (rendu − servi) : {offset} s")
    for key, (_, name) in COMPARED.items():
        for warm in (False, True):
            side = [r for r in runs if r["warm"] == warm and key in r]
            for r in side[1:]:
                ratio = r["catalogue_served_p95_s"] / side[0]["catalogue_served_p95_s"]
                print(
                    f"{'préchauffé' if warm else 'à froid'} : catalogue p95, {name} "
                    f"{r[key]} ÷ {side[0][key]} = {ratio:.2f}"
                )
    path = plot(runs)
    write_result(
        "room",
        {
            "what": "N people arrive at once, read the catalogue, open a workshop and send 3 "
            "prompts with think-time",
            "rendered_offset_s": offset,
            "plot": path.name if path else None,
            "runs": runs,
        },
    )


if __name__ == "__main__":
    main()
