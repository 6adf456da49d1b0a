"""What participants leave behind in the workshops (arena votes, quiz answers), kept with the
audit log so that trainers can see the room's results."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, DateTime, Integer, String, Table, Text, select
from sqlalchemy.engine import Engine

from atelier_ia.gateway.audit import metadata

# "ouverture": a workshop was opened (the live view shows who is on which workshop).
KINDS = ("arene", "quiz", "ouverture")
MAX_PAYLOAD = 10_000

records_table = Table(
    "records",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("time", DateTime(timezone=True), nullable=False),
    Column("session", String(100), nullable=False, index=True),
    Column("user", String(100), nullable=False, index=True),
    Column("kind", String(30), nullable=False, index=True),
    Column("payload", Text, nullable=False),
)


class Records:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        metadata.create_all(engine, tables=[records_table])

    def add(self, session: str, user: str, kind: str, payload: dict[str, Any]) -> None:
        with self.engine.begin() as connection:
            connection.execute(
                records_table.insert().values(
                    time=datetime.now(UTC),
                    session=session,
                    user=user,
                    kind=kind,
                    payload=json.dumps(payload, ensure_ascii=False),
                )
            )

    def list(self, session: str, kind: str, user: str | None = None) -> list[dict[str, Any]]:
        query = select(records_table).where(
            records_table.c.session == session, records_table.c.kind == kind
        )
        if user is not None:
            query = query.where(records_table.c.user == user)
        with self.engine.connect() as connection:
            return [
                {"user": row.user, "time": row.time.isoformat(), "payload": json.loads(row.payload)}
                for row in connection.execute(query.order_by(records_table.c.id))
            ]
