"""The audit log: one row per model request, in SQLite (WAL) or any SQLAlchemy database.

Rows hold who asked what model, when, how many tokens, how fast, and how it ended. Prompt and
answer texts are kept only when the settings ask for it. A row is committed when its request
ends, so a crash of the gateway loses none that was written.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Engine

metadata = MetaData()

requests_table = Table(
    "requests",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("time", DateTime(timezone=True), nullable=False, index=True),
    Column("session", String(100), nullable=False, index=True),
    Column("user", String(100), nullable=False, index=True),
    Column("workshop", String(100), nullable=False, default=""),
    Column("api", String(20), nullable=False, default=""),
    Column("model", String(200), nullable=False),
    Column("upstream", String(100), nullable=False, default=""),
    Column("tokens_in", Integer, nullable=False, default=0),
    Column("tokens_out", Integer, nullable=False, default=0),
    Column("queue_wait_s", Float, nullable=False, default=0.0),
    Column("ttft_s", Float, nullable=True),
    Column("duration_s", Float, nullable=False, default=0.0),
    Column("status", String(20), nullable=False),
    Column("error", Text, nullable=False, default=""),
    Column("prompt", Text, nullable=True),
    Column("answer", Text, nullable=True),
    # Transcriptions: the seconds of audio heard (never the audio itself).
    Column("audio_s", Float, nullable=True),
)
# Columns added since the first release, for databases made before them.
ADDED_COLUMNS = {"audio_s": "FLOAT"}


@dataclass
class AuditRow:
    session: str
    user: str
    model: str
    api: str
    workshop: str = ""
    upstream: str = ""
    tokens_in: int = 0
    tokens_out: int = 0
    queue_wait_s: float = 0.0
    ttft_s: float | None = None
    duration_s: float = 0.0
    status: str = "ok"  # ok, error, cancelled, refused
    error: str = ""
    prompt: str | None = None
    answer: str | None = None
    audio_s: float | None = None
    time: datetime = field(default_factory=lambda: datetime.now(UTC))


def make_engine(url: str) -> Engine:
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        database = engine.url.database
        if database and database != ":memory:":
            # The operator's private folder (0700): participants never read the audit log.
            Path(database).parent.mkdir(mode=0o700, parents=True, exist_ok=True)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(connection: Any, _: Any) -> None:
            cursor = connection.cursor()
            # WAL: readers (trainer views) do not block the writer; FULL: a committed row
            # survives a crash of the process and of the machine.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()

    metadata.create_all(engine)
    _add_missing_columns(engine)
    return engine


def _add_missing_columns(engine: Engine) -> None:
    """An audit database from an earlier version gets the columns added since (create_all
    makes missing tables, not missing columns); its rows keep NULL there."""
    present = {c["name"] for c in inspect(engine).get_columns("requests")}
    with engine.begin() as connection:
        for name, kind in ADDED_COLUMNS.items():
            if name not in present:
                connection.execute(text(f"ALTER TABLE requests ADD COLUMN {name} {kind}"))


class AuditLog:
    # Rows kept in memory while the database refuses them (a full disk): enough for a room's
    # day; the gateway admits no new request while any is waiting (Gateway.check).
    MAX_PENDING = 20000

    def __init__(
        self,
        url: str,
        scrub: Callable[[str | None, str | None], tuple[str | None, str | None]] | None = None,
    ) -> None:
        self.engine = make_engine(url)
        # Applied to a row's prompt and answer together before they are written.
        self.scrub = scrub
        self._lock = asyncio.Lock()
        # Rows not written yet, oldest first, written before any newer one.
        self.pending: list[dict[str, Any]] = []

    def write_sync(self, row: AuditRow) -> None:
        """Write the row, after any the database refused before. If it refuses again, the
        rows stay pending (the exception says why) and go in, in order, at the next write."""
        values = asdict(row)
        if self.scrub is not None and (values["prompt"] or values["answer"]):
            values["prompt"], values["answer"] = self.scrub(values["prompt"], values["answer"])
        self.pending.append(values)
        del self.pending[: -self.MAX_PENDING]
        self.flush_sync()

    def flush_sync(self) -> None:
        if not self.pending:
            return
        # One transaction: all the pending rows go in, or none does (no row twice).
        with self.engine.begin() as connection:
            connection.execute(requests_table.insert(), self.pending)
        self.pending.clear()

    async def write(self, row: AuditRow) -> None:
        # SQLite allows one writer: keep writes in order, off the event loop.
        async with self._lock:
            await asyncio.to_thread(self.write_sync, row)

    async def writable(self) -> bool:
        """Can the log take rows? Tries the pending ones first: true once none is left."""
        if not self.pending:
            return True
        async with self._lock:
            try:
                await asyncio.to_thread(self.flush_sync)
            except Exception:  # noqa: BLE001 - still refused; the caller says so
                return False
        return True

    def tokens_used(self, session: str, user: str) -> int:
        query = select(
            func.coalesce(func.sum(requests_table.c.tokens_in + requests_table.c.tokens_out), 0)
        ).where(requests_table.c.session == session, requests_table.c.user == user)
        with self.engine.connect() as connection:
            return int(connection.execute(query).scalar_one())

    def rows_for(self, user: str, limit: int = 200) -> list[dict[str, Any]]:
        query = (
            select(requests_table)
            .where(requests_table.c.user == user)
            .order_by(requests_table.c.id.desc())
            .limit(limit)
        )
        with self.engine.connect() as connection:
            return [_jsonable(row._asdict()) for row in connection.execute(query)]

    def room_summary(self, session: str) -> dict[str, Any]:
        """Aggregates for trainers: no one's texts, figures per workshop, model and status."""
        t = requests_table
        with self.engine.connect() as connection:

            def grouped(column):
                query = (
                    select(
                        column,
                        func.count(),
                        func.coalesce(func.sum(t.c.tokens_in), 0),
                        func.coalesce(func.sum(t.c.tokens_out), 0),
                        func.avg(t.c.ttft_s),
                        func.avg(t.c.queue_wait_s),
                    )
                    .where(t.c.session == session)
                    .group_by(column)
                )
                return [
                    {
                        "key": key,
                        "requests": count,
                        "tokens_in": int(tin),
                        "tokens_out": int(tout),
                        "mean_ttft_s": ttft,
                        "mean_wait_s": wait,
                    }
                    for key, count, tin, tout, ttft, wait in connection.execute(query)
                ]

            users = connection.execute(
                select(func.count(func.distinct(t.c.user))).where(t.c.session == session)
            ).scalar_one()
            return {
                "session": session,
                "users": users,
                "by_workshop": grouped(t.c.workshop),
                "by_model": grouped(t.c.model),
                "by_status": grouped(t.c.status),
            }

    def recent(self, session: str, minutes: int = 15) -> dict[str, Any]:
        """The last minutes of the room, for the trainers' live view: requests and waits per
        minute, the latest errors, and the last workshop each person used."""
        t = requests_table
        since = datetime.now(UTC) - timedelta(minutes=minutes)
        query = (
            select(t.c.time, t.c.user, t.c.workshop, t.c.model, t.c.status, t.c.error)
            .add_columns(t.c.queue_wait_s, t.c.tokens_in, t.c.tokens_out)
            .where(t.c.session == session, t.c.time >= since)
            .order_by(t.c.id)
        )
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
            latest = select(func.max(t.c.id)).where(t.c.session == session).group_by(t.c.user)
            last = connection.execute(
                select(t.c.user, t.c.workshop, t.c.time).where(t.c.id.in_(latest))
            ).all()
        per_minute: dict[str, dict[str, float]] = {}
        for row in rows:
            minute = _aware(row.time).astimezone().strftime("%H:%M")  # the server's clock
            slot = per_minute.setdefault(minute, {"requests": 0, "max_wait_s": 0.0})
            slot["requests"] += 1
            slot["max_wait_s"] = max(slot["max_wait_s"], row.queue_wait_s or 0.0)
        errors = [
            {
                "time": _aware(row.time).isoformat(timespec="seconds"),
                "user": row.user,
                "workshop": row.workshop,
                "model": row.model,
                "error": row.error,
            }
            for row in rows
            if row.status not in ("ok", "cancelled")
        ][-10:]
        return {
            "minutes": minutes,
            "per_minute": [{"minute": k, **v} for k, v in per_minute.items()],
            "errors": errors,
            "last_workshop": {
                user: {"workshop": workshop, "time": _aware(when).isoformat(timespec="seconds")}
                for user, workshop, when in last
            },
        }

    def count(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(requests_table)).scalar_one()


def _aware(when: datetime) -> datetime:
    # SQLite hands back naive datetimes; they were written in UTC.
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in row.items()}


def pseudonymise_texts(prompt: str | None, answer: str | None) -> tuple[str | None, str | None]:
    """Texts as the audit log keeps them: personal data replaced, one mapping for both, and
    the mapping thrown away (the log cannot be turned back into names)."""
    from atelier_ia.privacy import Pseudonymiser

    session = Pseudonymiser()
    return (
        session.pseudonymise(prompt).text if prompt else prompt,
        session.pseudonymise(answer).text if answer else answer,
    )
