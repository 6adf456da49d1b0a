"""The one settings model of Atelier IA.

Read from ``atelier.toml`` (path from ``ATELIER_CONFIG``, else ``./atelier.toml``, else the
defaults), then overridden by ``ATELIER_*`` environment variables. The hub configuration, the
gateway and the CLI all load it through :func:`load_settings`, so they cannot disagree.

A wrong key or value raises :class:`SettingsError` whose message is one French line naming the key
and the expected form; the CLI prints it as is, without a traceback.
"""

from __future__ import annotations

import os
import secrets
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from atelier_ia.validation import expected_form

EMBEDDED_MODEL = "smollm2:135m"

# Environment variables with a short name, and the settings key each one overrides.
# Any other key can be overridden as ATELIER_<SECTION>__<KEY> (e.g. ATELIER_GATEWAY__PORT).
ENV_ALIASES: dict[str, tuple[str, ...]] = {
    "ATELIER_PORT": ("hub", "port"),
    "ATELIER_WORKSHOP_PASSWORD": ("auth", "workshop_password"),
    "ATELIER_ADMIN_PASSWORD": ("auth", "admin_password"),
    "ATELIER_STATE_DIR": ("state_dir",),
}


class SettingsError(ValueError):
    """A settings file or value that cannot be used; the message is for a person, in French."""


class _Section(BaseModel):
    # Unknown keys are refused: a typo must not silently fall back to a default.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


Port = int


class HubSettings(_Section):
    ip: str = "127.0.0.1"
    port: Port = Field(8000, ge=1, le=65535)
    # Port of the hub's own API, behind the proxy; the proxy's API port is this plus one.
    hub_port: Port = Field(8081, ge=1, le=65535)
    proxy_api_port: Port = Field(8001, ge=1, le=65535)
    # The address people type in their browser, printed by `atelier up` and put on badges.
    public_url: str = ""
    # Servers that start at the same time; the others wait their turn (0: two per core). A
    # room logging in at once otherwise saturates the machine and times out.
    spawn_slots: int = Field(0, ge=0, le=64)
    # Kernels run this much below the servers' CPU priority (0: the same), so that a room
    # opening workshops does not starve those still logging in (docs/architecture.md).
    kernel_niceness: int = Field(19, ge=0, le=19)
    # The hub's and its proxy's session this much above people's servers (0: the same; needs
    # root), since every login and redirection of a room goes through their one thread each.
    niceness: int = Field(-20, ge=-20, le=0)

    @field_validator("ip")
    @classmethod
    def _ip_is_an_address(cls, value: str) -> str:
        import ipaddress

        try:
            ipaddress.ip_address(value)
        except ValueError as exc:
            raise ValueError("une adresse IP") from exc
        return value


class AuthSettings(_Section):
    # Empty means "generate one and keep it in the state dir".
    workshop_password: str = ""
    admin_password: str = ""
    admin_users: list[str] = Field(default_factory=lambda: ["formateur"])
    trainers_group: str = "formateurs"

    @field_validator("workshop_password")
    @classmethod
    def _workshop_password_long_enough(cls, value: str) -> str:
        if value and len(value) < 8:
            raise ValueError("un mot de passe d'au moins 8 caractères")
        return value

    @field_validator("admin_password")
    @classmethod
    def _admin_password_long_enough(cls, value: str) -> str:
        # JupyterHub's SharedPasswordAuthenticator refuses shorter admin passwords.
        if value and len(value) < 32:
            raise ValueError("un mot de passe d'au moins 32 caractères")
        return value

    @field_validator("admin_users")
    @classmethod
    def _admins_named(cls, value: list[str]) -> list[str]:
        if not value or any(not name.strip() for name in value):
            raise ValueError("une liste non vide d'identifiants")
        return value


class BackendSettings(_Section):
    """One model upstream the gateway forwards to."""

    name: str
    kind: Literal["embedded", "ollama", "openai"]
    url: str = ""
    # How many generations this upstream runs at once (llama.cpp in-process: 1; Ollama: its
    # OLLAMA_NUM_PARALLEL; vLLM: what its batch holds comfortably).
    parallel: int = Field(1, ge=1, le=256)
    # Seconds before an upstream that does not answer is given up.
    timeout: float = Field(300.0, gt=0)
    # OpenAI-compatible servers: the key itself, or the name of the variable that holds it
    # (prefer the variable: the settings file may be read by others).
    api_key: str = ""
    api_key_env: str = ""
    # Ollama: how long the model stays loaded, and one context size for every request, so that
    # a client asking for another num_ctx cannot make Ollama reload the model (0: its default).
    keep_alive: str = "30m"
    num_ctx: int = Field(0, ge=0, le=262144)
    # Does this upstream run on this server (or the organisation's own network)? Unset: yes
    # for the embedded model and loopback addresses, no otherwise. Prompts to upstreams that
    # are not local are pseudonymised when gateway.pseudonymise says so.
    local: bool | None = None

    @property
    def is_local(self) -> bool:
        if self.local is not None:
            return self.local
        if self.kind == "embedded":
            return True
        from urllib.parse import urlparse

        return (urlparse(self.url).hostname or "") in ("127.0.0.1", "localhost", "::1")

    @model_validator(mode="after")
    def _url_for_remote(self) -> BackendSettings:
        if self.kind != "embedded" and not self.url.startswith(("http://", "https://")):
            raise ValueError("une adresse http(s):// pour url (ex. http://127.0.0.1:11434)")
        return self

    def resolved_api_key(self) -> str:
        if self.api_key_env:
            return os.environ.get(self.api_key_env, "")
        return self.api_key


class ModelSettings(_Section):
    """One entry of the model catalogue the operator offers."""

    name: str
    # Upstreams that serve this model; the gateway sends each request to the least busy.
    backends: list[str] = Field(min_length=1)
    label: str = ""
    notes: str = ""


class EmbeddedSettings(_Section):
    n_ctx: int = Field(2048, ge=256, le=32768)
    # 0 lets llama.cpp pick (all cores).
    n_threads: int = Field(0, ge=0, le=256)


class GatewaySettings(_Section):
    ip: str = "127.0.0.1"
    port: Port = Field(8181, ge=1, le=65535)
    backends: list[BackendSettings] = Field(
        default_factory=lambda: [BackendSettings(name="embarque", kind="embedded")]
    )
    models: list[ModelSettings] = Field(
        default_factory=lambda: [
            ModelSettings(
                name=EMBEDDED_MODEL,
                backends=["embarque"],
                label="SmolLM2 135M (démonstration)",
                # Size, languages, speed: what a person weighs when choosing a model.
                notes=(
                    "98 Mo, hors ligne ; surtout l'anglais, faible en français ; "
                    "rapide, même sans GPU."
                ),
            )
        ]
    )
    default_model: str = EMBEDDED_MODEL
    # Largest number of tokens a caller may ask for in one answer.
    max_new_tokens: int = Field(512, ge=1, le=32768)
    # Fair queue: requests one person may have running at once, requests waiting in all, and
    # seconds a request may wait before it is refused.
    per_user_in_flight: int = Field(1, ge=1, le=64)
    max_queue: int = Field(200, ge=1, le=100000)
    max_wait: float = Field(120.0, gt=0)
    # Seconds an upstream that failed to connect is left aside before it is tried again.
    down_for: float = Field(10.0, gt=0)
    # Size limits: the whole request body, and the text of all messages together.
    max_body_bytes: int = Field(1_000_000, ge=1000)
    max_prompt_chars: int = Field(32_000, ge=100)
    # Tokens (in + out) one person may use in the current session; 0: no limit.
    token_budget: int = Field(0, ge=0)
    # The current workshop session: quotas and the audit log are kept per session.
    session: str = "atelier"
    # Keep prompt and answer texts in the audit log (pseudonymised when the privacy module
    # exists). Off by default: the log then holds figures only.
    store_texts: bool = False
    # Replace personal data in prompts (and put it back in answers): "remote" for upstreams
    # not on this server, "always", or "never". Texts kept in the audit log are always
    # pseudonymised.
    pseudonymise: Literal["never", "remote", "always"] = "remote"
    # SQLAlchemy URL of the audit database; empty: SQLite in the state dir.
    database_url: str = ""

    @model_validator(mode="after")
    def _models_point_at_backends(self) -> GatewaySettings:
        _check_catalogue(self.backends, self.models, self.default_model)
        return self


def _check_catalogue(
    backends: list[BackendSettings], models: list[ModelSettings], default_model: str
) -> None:
    """Every model served by declared backends, and the default one of them."""
    names = [b.name for b in backends]
    if len(set(names)) != len(names):
        raise ValueError("des noms de backends tous différents (backends[].name)")
    for model in models:
        unknown = [b for b in model.backends if b not in names]
        if unknown:
            raise ValueError(
                f"des backends déclarés pour le modèle {model.name!r} "
                f"(models[].backends parmi {', '.join(names)}, pas {', '.join(unknown)})"
            )
    if default_model not in {m.name for m in models}:
        raise ValueError("un default_model présent dans models[].name")


EMBEDDED_SPEECH_MODEL = "whisper-base"


class SpeechSettings(_Section):
    """Speech-to-text (`POST /v1/audio/transcriptions`): upstreams of kind "embedded" (the
    Whisper base model, in the gateway) or "openai" (Albert/OpenGateLLM, a faster-whisper
    server, vLLM), and the models they serve. Apart from the chat's: an audio slot never
    takes one of the room's chat slots."""

    backends: list[BackendSettings] = Field(
        default_factory=lambda: [BackendSettings(name="whisper-embarque", kind="embedded")]
    )
    models: list[ModelSettings] = Field(
        default_factory=lambda: [
            ModelSettings(
                name=EMBEDDED_SPEECH_MODEL,
                backends=["whisper-embarque"],
                label="Whisper base (démonstration)",
                notes="145 Mo, hors ligne, multilingue ; approximatif sur les noms et les "
                "voix qui se chevauchent.",
            )
        ]
    )
    default_model: str = EMBEDDED_SPEECH_MODEL
    # Longest recording accepted, in seconds, and largest upload, in bytes.
    max_audio_s: int = Field(900, ge=10, le=6 * 3600)
    max_upload_bytes: int = Field(60_000_000, ge=100_000)
    # CPU threads of the embedded model (0: all cores). One leaves the other cores to the
    # room's chat (bench/transcription.py measures the chat beside a transcription).
    threads: int = Field(1, ge=0, le=64)
    # The audio queue: transcriptions waiting in all, and seconds one may wait.
    max_queue: int = Field(50, ge=1, le=10000)
    max_wait: float = Field(600.0, gt=0)

    @model_validator(mode="after")
    def _models_point_at_backends(self) -> SpeechSettings:
        for backend in self.backends:
            if backend.kind == "ollama":
                raise ValueError(
                    "un backend de transcription de type embedded ou openai "
                    f"(speech.backends[].kind, pas ollama pour {backend.name!r})"
                )
        _check_catalogue(self.backends, self.models, self.default_model)
        return self


class CullingSettings(_Section):
    # A Voilà page that is closed leaves its kernel; it is shut down after this many idle seconds.
    kernel_idle_timeout: int = Field(600, ge=10)
    kernel_cull_interval: int = Field(60, ge=1)
    # Whole user servers with no activity are stopped by jupyterhub-idle-culler.
    server_idle_timeout: int = Field(3600, ge=60)


class SessionSettings(_Section):
    # Most participants one `atelier session create` accepts.
    max_participants: int = Field(60, ge=1, le=1000)
    # Port of the trainers' live view (a hub service, reached through the proxy).
    live_port: Port = Field(8182, ge=1, le=65535)
    # Seconds between two refreshes of the live view.
    live_refresh: float = Field(5.0, ge=1, le=300)


class IsolationSettings(_Section):
    """How people are kept apart (docs/exploitation.md, « Isolation »)."""

    # accounts: one Unix account per person (needs root); demo: everyone under the operator's
    # account, on loopback only, for one person trying the platform; auto: accounts when
    # started as root, else demo.
    mode: Literal["auto", "accounts", "demo"] = "auto"
    # Participants' servers offer JupyterLab (« Pour aller plus loin », with code) only when
    # this is on, or when their session was created with --code. Trainers always have it.
    participants_code: bool = False
    # The Unix accounts are named <prefix><login>. Two platforms on one machine need two
    # prefixes, or they would share (and remove) each other's accounts.
    account_prefix: str = Field("atelier-", pattern=r"^[a-z][a-z0-9]{0,10}-$")


class ExercisesSettings(_Section):
    """The nbgrader course (docs/exercices.md)."""

    # Port of the course's formgrader, a hub service run as the grader account.
    formgrader_port: Port = Field(8183, ge=1, le=65535)
    # Seconds one cell may run when an answer is checked or graded: a learner's endless loop
    # fails the check instead of hanging it.
    execute_timeout: int = Field(30, ge=5, le=600)


class Settings(_Section):
    state_dir: Path = Path("var")
    hub: HubSettings = Field(default_factory=HubSettings)
    auth: AuthSettings = Field(default_factory=AuthSettings)
    gateway: GatewaySettings = Field(default_factory=GatewaySettings)
    embedded: EmbeddedSettings = Field(default_factory=EmbeddedSettings)
    culling: CullingSettings = Field(default_factory=CullingSettings)
    sessions: SessionSettings = Field(default_factory=SessionSettings)
    isolation: IsolationSettings = Field(default_factory=IsolationSettings)
    exercises: ExercisesSettings = Field(default_factory=ExercisesSettings)
    speech: SpeechSettings = Field(default_factory=SpeechSettings)
    # Secrets generated once and kept in the state dir (see ensure_secrets).
    _secrets: dict[str, str] = PrivateAttr(default_factory=dict)
    # The file these settings were read from, so child processes can read the same one.
    _source: Path | None = PrivateAttr(None)

    @property
    def source(self) -> Path | None:
        return self._source

    @property
    def public_url(self) -> str:
        return (self.hub.public_url or f"http://{self.hub.ip}:{self.hub.port}").rstrip("/")

    @property
    def gateway_url(self) -> str:
        """The gateway as user servers reach it: through the proxy, like any hub service."""
        return f"{self.public_url}/services/gateway"

    @property
    def private_dir(self) -> Path:
        """The operator's part of the state dir (mode 0700): hub and gateway databases, cookie
        secret, secrets, sessions, exports, pid files. No participant account can enter it."""
        return self.state_dir / "private"

    @property
    def audit_database_url(self) -> str:
        return self.gateway.database_url or f"sqlite:///{self.private_dir / 'gateway.sqlite'}"

    @property
    def models_dir(self) -> Path:
        """Model files the platform assembles from its packages (the embedded Whisper)."""
        return self.private_dir / "models"

    @property
    def homes_dir(self) -> Path:
        """Each person's home (0700, their own account's) under a folder anyone may cross but
        not list."""
        return self.state_dir / "homes"

    @property
    def course_dir(self) -> Path:
        """The nbgrader course folder (source, release, submissions, gradebook), the grader
        account's own."""
        return self.state_dir / "exercises"

    @property
    def exchange_dir(self) -> Path:
        """nbgrader's exchange: released assignments, submissions and feedback."""
        return self.state_dir / "exchange"

    @property
    def secrets_file(self) -> Path:
        return self.private_dir / "secrets.toml"

    @property
    def sessions_dir(self) -> Path:
        return self.private_dir / "sessions"

    @property
    def exports_dir(self) -> Path:
        return self.private_dir / "exports"

    @property
    def sessions_token(self) -> str:
        """The hub API token of the `atelier session` commands (set by ensure_secrets)."""
        return self._secrets["sessions_api_token"]


# ---------------------------------------------------------------------------------------------
# Loading


def config_path(environ: dict[str, str] | None = None) -> Path | None:
    """Where the settings file is: ``ATELIER_CONFIG``, else ``./atelier.toml`` if present."""
    environ = os.environ if environ is None else environ
    if environ.get("ATELIER_CONFIG"):
        return Path(environ["ATELIER_CONFIG"])
    local = Path("atelier.toml")
    return local if local.exists() else None


def _env_overrides(environ: dict[str, str]) -> dict[str, Any]:
    overrides: dict[str, Any] = {}
    for name, value in environ.items():
        if name in ENV_ALIASES:
            path = ENV_ALIASES[name]
        elif name.startswith("ATELIER_") and "__" in name:
            path = tuple(part.lower() for part in name[len("ATELIER_") :].split("__"))
        else:
            continue
        node = overrides
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
    return overrides


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _describe(error: dict[str, Any]) -> str:
    key = ".".join(str(part) for part in error["loc"]) or "(fichier)"
    kind = error["type"]
    expected = expected_form(error, object_word="une section [ ... ]")
    received = error.get("input")
    shown = (
        ""
        if kind in ("missing", "model_type") or isinstance(received, dict)
        else (f" (reçu : {received!r})")
    )
    if "password" in key:
        shown = ""  # never echo a secret
    return f"Réglage invalide « {key} » : attendu {expected}{shown}."


def load_settings(path: Path | None = None, environ: dict[str, str] | None = None) -> Settings:
    """Read the settings file and the environment; raise SettingsError with a French line."""
    environ = dict(os.environ if environ is None else environ)
    path = config_path(environ) if path is None else path
    data: dict[str, Any] = {}
    if path is not None:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SettingsError(f"Fichier de réglages introuvable : {path}.") from None
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(
                f"Fichier de réglages {path} illisible : le format TOML n'est pas respecté ({exc})."
            ) from None
    data = _merge(data, _env_overrides(environ))
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        raise SettingsError(_describe(exc.errors()[0])) from None
    if path is not None and not settings.state_dir.is_absolute():
        # A relative state dir is relative to the directory `atelier` is started from.
        settings.state_dir = Path.cwd() / settings.state_dir
    settings.state_dir = settings.state_dir.absolute()
    settings._source = None if path is None else Path(path).absolute()
    return settings


def ensure_secrets(settings: Settings) -> Settings:
    """Fill in passwords that were not given: generated once, kept in the state dir (mode 600)."""
    stored: dict[str, str] = {}
    if settings.secrets_file.exists():
        stored = tomllib.loads(settings.secrets_file.read_text(encoding="utf-8"))
    wanted = {
        # Short and easy to dictate to a room; only guards a workshop day.
        "workshop_password": lambda: "atelier-" + secrets.token_hex(3),
        "admin_password": lambda: secrets.token_urlsafe(32),
        # The `atelier session` and `atelier doctor` commands call the hub's API with it.
        "sessions_api_token": lambda: secrets.token_hex(32),
    }
    changed = False
    for key, make in wanted.items():
        if not stored.get(key):
            stored[key] = make()
            changed = True
    if changed:
        settings.private_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        body = "".join(f'{key} = "{value}"\n' for key, value in stored.items())
        fd = os.open(settings.secrets_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(body)
    os.chmod(settings.secrets_file, 0o600)
    settings._secrets = dict(stored)
    auth = settings.auth
    if not auth.workshop_password:
        auth.workshop_password = stored["workshop_password"]
    if not auth.admin_password:
        auth.admin_password = stored["admin_password"]
    return settings
