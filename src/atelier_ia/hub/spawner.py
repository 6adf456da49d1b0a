"""How each person's server starts: under their own Unix account (or, in the loopback demo,
under the operator's), with its landing page and its way to the models.

The hub only decides; the files of a home are made by the person's own process
(:mod:`atelier_ia.hub.singleuser`), never by root.
"""

from __future__ import annotations

import asyncio
import os
import pwd
from pathlib import Path
from typing import Any

from jupyterhub.spawner import LocalProcessSpawner, SimpleLocalProcessSpawner, set_user_setuid
from jupyterhub.utils import wait_for_http_server
from traitlets import Bool, Float, Integer, Unicode
from traitlets.config import Config

from atelier_ia import paths
from atelier_ia.exercises.config import EXCHANGE_ENV, LEARNER_CONFIG_DIR, TIMEOUT_ENV
from atelier_ia.exercises.course import GRADER
from atelier_ia.hub.server_policy import PARTICIPANT, TRAINER
from atelier_ia.hub.singleuser import AHEAD_ENV, AHEAD_OPTION, NICENESS_ENV, WORK_DIR
from atelier_ia.hub.spawn_queue import SpawnQueue, waiting_message
from atelier_ia.isolation import accounts
from atelier_ia.isolation.mode import ACCOUNTS, resolve
from atelier_ia.settings import Settings

CATALOGUE_URL = "/catalogue"  # apps/catalogue_page.py
TRAINER_URL = "/lab"
# Members of this hub group get JupyterLab (`atelier session create --code`).
CODE_GROUP = "avec-code"
TRAINER_SHELL = "/bin/bash"


def group_names(user: Any) -> set[str]:
    return {getattr(group, "name", group) for group in getattr(user, "groups", [])}


def is_trainer(user: Any, settings: Settings) -> bool:
    return bool(getattr(user, "admin", False)) or settings.auth.trainers_group in group_names(user)


_queues: dict[int, SpawnQueue] = {}


def shared_queue(slots: int) -> SpawnQueue:
    """One queue for every server start of this hub (spawners are one per person)."""
    if slots not in _queues:
        _queues[slots] = SpawnQueue(slots)
    return _queues[slots]


class AtelierSpawner(LocalProcessSpawner):
    """What both spawners add: who the person is to their server, whether code is on, and a
    place in the queue of starts."""

    trainers_group = Unicode("formateurs").tag(config=True)
    participants_code = Bool(False).tag(config=True)
    spawn_slots = Integer(2, help="Servers starting at the same time").tag(config=True)
    launch_timeout = Float(
        120, help="Seconds a server has, once its turn comes, to answer HTTP"
    ).tag(config=True)
    _ticket: int | None = None

    @property
    def queue(self) -> SpawnQueue:
        return shared_queue(self.spawn_slots)

    async def start(self):
        if self.user.name == GRADER:
            # The course service's account: no one gets a server as it (it reads every
            # submission), not even through the admin panel.
            raise PermissionError("the grader account has no server of its own")
        self._ticket = ticket = self.queue.take_ticket()
        try:
            async with self.queue.slot(ticket):
                return await asyncio.wait_for(self._launch_and_answer(), self.launch_timeout)
        except TimeoutError:
            await self.stop(now=True)
            raise TimeoutError(f"server not answering after {self.launch_timeout} s") from None
        finally:
            self._ticket = None

    async def launch(self) -> tuple[str, int]:
        return await super().start()

    async def _launch_and_answer(self) -> tuple[str, int]:
        ip, port = await self.launch()
        # The slot is held until the server answers: that is where a start spends its CPU.
        url = f"http://{ip or '127.0.0.1'}:{port}{self.server.base_url}api"
        await wait_for_http_server(url, timeout=self.launch_timeout)
        return ip, port

    async def progress(self):
        for _ in range(50):  # the hub may ask before start() took its ticket
            if self._ticket is not None:
                break
            await asyncio.sleep(0.1)
        shown = None
        while self._ticket is not None and (position := self.queue.position(self._ticket)):
            if position != shown:
                shown = position
                yield {"progress": 10, "message": waiting_message(position)}
            await self.queue.changed(timeout=5)
        yield {"progress": 50, "message": "Démarrage de votre serveur…"}

    def person_env(self, env: dict[str, str]) -> dict[str, str]:
        trainer = bool(self.user.admin) or self.trainers_group in group_names(self.user)
        code = trainer or self.participants_code or CODE_GROUP in group_names(self.user)
        env["ATELIER_ROLE"] = TRAINER if trainer else PARTICIPANT
        env["ATELIER_CODE"] = "1" if code else "0"
        if trainer:
            env["SHELL"] = TRAINER_SHELL  # the accounts have no login shell; terminals need one
        # Started ahead of the day (`--warm` asks so): pay the first page's costs now.
        if (self.user_options or {}).get(AHEAD_OPTION):
            env[AHEAD_ENV] = "1"
        return env


class AccountSpawner(AtelierSpawner):
    """LocalProcessSpawner under ``atelier-<name>``, an account made at the first start."""

    homes_dir = Unicode(help="Folder of the homes, one per hub user").tag(config=True)
    account_prefix = Unicode(accounts.PREFIX, help="Prefix of the Unix accounts").tag(config=True)

    @property
    def home(self) -> Path:
        return Path(self.homes_dir) / self.user.name

    async def launch(self):
        await asyncio.to_thread(
            accounts.ensure_account, self.user.name, self.home, self.account_prefix
        )
        return await super().launch()

    def make_preexec_fn(self, name):
        return set_user_setuid(accounts.unix_name(name, self.account_prefix))

    def user_env(self, env):
        entry = pwd.getpwnam(accounts.unix_name(self.user.name, self.account_prefix))
        env["USER"] = entry.pw_name
        env["HOME"] = entry.pw_dir
        return self.person_env(env)

    async def move_certs(self, paths):
        raise NotImplementedError("internal_ssl is not used by Atelier IA")


class DemoSpawner(AtelierSpawner, SimpleLocalProcessSpawner):
    """The loopback demo: everyone's server under the operator's own account."""

    def user_env(self, env):
        return self.person_env(super().user_env(env))


def make_pre_spawn_hook(settings: Settings):
    def pre_spawn_hook(spawner: Any) -> None:
        spawner.default_url = TRAINER_URL if is_trainer(spawner.user, settings) else CATALOGUE_URL

    return pre_spawn_hook


def spawn_slots(settings: Settings) -> int:
    """Servers starting at once: two per core unless set. A start waits on I/O part of the
    time (the hub, the proxy, its first HTTP answer): bench/arrival.py, 30 cold on 2 cores,
    p95 27.5 s with 2 slots, 21.6 s with 3, 20.6 s with 4 (runs one after the other)."""
    return settings.hub.spawn_slots or 2 * (os.cpu_count() or 1)


def activity_interval(settings: Settings) -> int:
    """Seconds between two reports of a person's activity to the hub: their server posts its
    own (API requests, kernels) and the hub reads the proxy's (any page). The culler sees
    activity up to this late; JupyterHub's 5 min defaults stopped the servers of people at
    work under a 5 min timeout (bench/soak.py: 129 workshop pages refused with 424)."""
    return max(15, min(300, settings.culling.server_idle_timeout // 5))


def server_environment(settings: Settings) -> dict[str, Any]:
    return {
        "JUPYTERHUB_ACTIVITY_INTERVAL": str(activity_interval(settings)),
        # nbgrader shells out to alembic: the venv's bin/ must be on PATH.
        "PATH": f"{paths.VENV_BIN}{os.pathsep}/usr/local/bin:/usr/bin:/bin",
        # The official ollama client reads these: `import ollama; ollama.chat(...)` goes to
        # the gateway with the person's own token.
        "OLLAMA_HOST": settings.gateway_url,
        "OLLAMA_API_KEY": lambda spawner: spawner.api_token,
        "ATELIER_GATEWAY_URL": settings.gateway_url,
        "ATELIER_DEFAULT_MODEL": settings.gateway.default_model,
        # nbgrader's exchange and settings for the exercises (exercises/config.py).
        EXCHANGE_ENV: str(settings.exchange_dir.resolve()),
        TIMEOUT_ENV: str(settings.exercises.execute_timeout),
        "JUPYTER_CONFIG_PATH": str(LEARNER_CONFIG_DIR),
        # Where the apps keep what people produce (exported at the end of a session).
        "ATELIER_WORK_DIR": lambda spawner: str(settings.homes_dir / spawner.user.name / WORK_DIR),
        # Kernels below the servers' CPU priority (hub/kernel_launcher.py).
        NICENESS_ENV: str(settings.hub.kernel_niceness),
    }


def server_args(settings: Settings) -> list[str]:
    """Options of every Jupyter server the platform starts (people's and the live view)."""
    culling = settings.culling
    return [
        # A closed Voilà page leaves its kernel behind: cull idle kernels with no connection.
        f"--MappingKernelManager.cull_idle_timeout={culling.kernel_idle_timeout}",
        f"--MappingKernelManager.cull_interval={culling.kernel_cull_interval}",
        "--MappingKernelManager.cull_connected=False",
        "--MappingKernelManager.cull_busy=False",
        "--VoilaConfiguration.show_tracebacks=False",
    ]


def person_server_args(settings: Settings, mode: str) -> list[str]:
    args = [
        *server_args(settings),
        "--ServerApp.authorizer_class=atelier_ia.hub.server_policy.AtelierAuthorizer",
    ]
    if mode != ACCOUNTS and os.geteuid() == 0:
        args.append("--ServerApp.allow_root=True")  # a demo explicitly asked for as root
    return args


def configure_spawner(c: Config, settings: Settings) -> None:
    mode = resolve(settings)
    spawner = AccountSpawner if mode == ACCOUNTS else DemoSpawner
    c.JupyterHub.spawner_class = spawner
    c.AccountSpawner.homes_dir = str(settings.homes_dir)
    c.AccountSpawner.account_prefix = settings.isolation.account_prefix
    c.DemoSpawner.home_dir_template = str(settings.homes_dir / "{username}")
    c.AtelierSpawner.trainers_group = settings.auth.trainers_group
    c.AtelierSpawner.participants_code = settings.isolation.participants_code
    c.Spawner.cmd = [str(paths.VENV_BIN / "python"), "-m", "atelier_ia.hub.singleuser"]
    c.Spawner.args = person_server_args(settings, mode)
    c.Spawner.default_url = CATALOGUE_URL
    c.Spawner.environment = server_environment(settings)
    c.Spawner.pre_spawn_hook = make_pre_spawn_hook(settings)
    # A person's server reads no config from their home (they could otherwise turn the
    # server's policy off for themselves).
    c.Spawner.disable_user_config = True
    # A start waits its turn in the queue, then has launch_timeout to answer; the hub's own
    # start_timeout only bounds the whole, for a room of 60 (at ~3 s a start).
    c.AtelierSpawner.spawn_slots = spawn_slots(settings)
    c.AtelierSpawner.launch_timeout = 120
    c.Spawner.start_timeout = 900
    c.Spawner.http_timeout = 60
    # The hub holds a start request this long before showing the start page; at the default
    # (10 s) a person in the queue stares at a blank tab instead of reading their place.
    c.JupyterHub.slow_spawn_timeout = 2
