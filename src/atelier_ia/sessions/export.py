"""`atelier session export`: one ZIP with the room's figures, its audit log under stable
pseudonyms, and each participant's own work.

Read from the gateway's database and the participants' homes on this server. The ZIP is
written beside its final name and renamed only once whole, so a full disk leaves no
half-written export behind.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import hmac
import io
import json
import os
import zipfile
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from statistics import mean
from typing import Any

from sqlalchemy import select

from atelier_ia.gateway.audit import make_engine, requests_table
from atelier_ia.gateway.records import records_table
from atelier_ia.sessions.session import Session, SessionError
from atelier_ia.settings import Settings

# Spreadsheets in French set-ups expect ";" and read UTF-8 accents only after a BOM.
DELIMITER = ";"
WORK_DIR = "mes-travaux"
QUIZ_QUESTIONS = 9

FIGURE_COLUMNS = [
    "requetes",
    "erreurs",
    "jetons_entree",
    "jetons_sortie",
    "premier_jeton_moyen_s",
    "attente_moyenne_s",
]
LOG_COLUMNS = [
    "heure",
    "participant",
    "atelier",
    "api",
    "modele",
    "amont",
    "jetons_entree",
    "jetons_sortie",
    "attente_s",
    "premier_jeton_s",
    "duree_s",
    "statut",
    "erreur",
]

README = """Export de la session {name} (Atelier IA), fait le {when}.

chiffres/par_atelier.csv   demandes, erreurs, jetons et temps de réponse par atelier
chiffres/par_modele.csv    les mêmes chiffres par modèle
chiffres/quiz.csv          chaque réponse au quiz (avant / après) et son score
chiffres/quiz_resume.csv   score moyen, minimal et maximal avant et après
chiffres/arene.csv         les votes de l'atelier « Comparer les modèles »
journal.csv                le journal des demandes aux modèles, sans les textes
participants/<identifiant>/  le dossier « mes-travaux » de chaque participant

Dans les fichiers chiffres/ et journal.csv, les participants sont désignés par un
pseudonyme stable (le même à chaque export de cette session) : ils ne sont pas
nommés. Les fichiers CSV utilisent le point-virgule comme séparateur.
"""


def pseudonym(session: Session, user: str) -> str:
    digest = hmac.new(bytes.fromhex(session.pseudonym_key), user.encode(), hashlib.sha256)
    return "p-" + digest.hexdigest()[:8]


def csv_bytes(header: list[str], rows: Iterable[Iterable[Any]]) -> bytes:
    """A spreadsheet a French set-up opens as it is (also the exercises' report)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _round(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def _figures(rows: list[dict[str, Any]], key: str) -> list[list[Any]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[row[key] or "(sans nom)"].append(row)
    table = []
    for name, items in sorted(groups.items()):
        ttfts = [r["ttft_s"] for r in items if r["ttft_s"] is not None]
        table.append(
            [
                name,
                len(items),
                sum(r["status"] != "ok" for r in items),
                sum(r["tokens_in"] for r in items),
                sum(r["tokens_out"] for r in items),
                _round(mean(ttfts) if ttfts else None),
                _round(mean(r["queue_wait_s"] for r in items)),
            ]
        )
    return table


def read_room(settings: Settings, users: list[str]) -> tuple[list[dict], list[dict]]:
    """The session's audit rows and records, read from the gateway's database."""
    engine = make_engine(settings.audit_database_url)
    try:
        with engine.connect() as connection:
            requests = [
                row._asdict()
                for row in connection.execute(
                    select(requests_table)
                    .where(requests_table.c.user.in_(users))
                    .order_by(requests_table.c.id)
                )
            ]
            records = [
                {**row._asdict(), "payload": json.loads(row.payload)}
                for row in connection.execute(
                    select(records_table)
                    .where(records_table.c.user.in_(users))
                    .order_by(records_table.c.id)
                )
            ]
    finally:
        engine.dispose()
    return requests, records


def room_files(session: Session, requests: list[dict], records: list[dict]) -> dict[str, bytes]:
    """The export's CSV files, by name in the ZIP."""
    alias = {user: pseudonym(session, user) for user in session.users}
    files = {
        "chiffres/par_atelier.csv": csv_bytes(
            ["atelier", *FIGURE_COLUMNS], _figures(requests, "workshop")
        ),
        "chiffres/par_modele.csv": csv_bytes(
            ["modele", *FIGURE_COLUMNS], _figures(requests, "model")
        ),
        "journal.csv": csv_bytes(
            LOG_COLUMNS,
            (
                [
                    r["time"].isoformat(timespec="seconds"),
                    alias[r["user"]],
                    r["workshop"],
                    r["api"],
                    r["model"],
                    r["upstream"],
                    r["tokens_in"],
                    r["tokens_out"],
                    _round(r["queue_wait_s"]),
                    _round(r["ttft_s"]),
                    _round(r["duration_s"]),
                    r["status"],
                    r["error"],
                ]
                for r in requests
            ),
        ),
    }
    quiz = [r for r in records if r["kind"] == "quiz"]
    files["chiffres/quiz.csv"] = csv_bytes(
        ["participant", "moment", "score", "sur", "heure"],
        (
            [
                alias[r["user"]],
                r["payload"].get("phase", ""),
                r["payload"].get("score", ""),
                QUIZ_QUESTIONS,
                r["time"].isoformat(timespec="seconds"),
            ]
            for r in quiz
        ),
    )
    summary = []
    for phase in ("avant", "apres"):
        # A person who answered twice in one phase counts once, with their last answer.
        last = {
            r["user"]: r["payload"].get("score", 0)
            for r in quiz
            if r["payload"].get("phase") == phase
        }
        scores = list(last.values())
        summary.append(
            [
                phase,
                len(scores),
                _round(mean(scores)) if scores else "",
                min(scores, default=""),
                max(scores, default=""),
            ]
        )
    files["chiffres/quiz_resume.csv"] = csv_bytes(
        ["moment", "participants", "score_moyen", "score_min", "score_max"], summary
    )
    files["chiffres/arene.csv"] = csv_bytes(
        [
            "participant",
            "heure",
            "modele_a",
            "temperature_a",
            "modele_b",
            "temperature_b",
            "vote",
            "modele_prefere",
        ],
        (_arena_row(alias[r["user"]], r) for r in records if r["kind"] == "arene"),
    )
    return files


def _arena_row(who: str, record: dict) -> list[Any]:
    payload = record["payload"]
    a, b = payload.get("A", {}), payload.get("B", {})
    choice = payload.get("choice", "")
    preferred = {"A": a.get("model", ""), "B": b.get("model", "")}.get(choice, "")
    return [
        who,
        record["time"].isoformat(timespec="seconds"),
        a.get("model", ""),
        a.get("temperature", ""),
        b.get("model", ""),
        b.get("temperature", ""),
        choice,
        preferred,
    ]


def export_session(settings: Settings, session: Session, target_dir: Path) -> Path:
    """Write the ZIP in `target_dir` and return its path; SessionError if it cannot be."""
    requests, records = read_room(settings, session.users)
    now = datetime.now(UTC)
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"export-{session.name}-{now:%Y%m%d-%H%M%S}.zip"
    partial = target.with_name(target.name + ".partiel")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(
                "LISEZMOI.txt", README.format(name=session.name, when=f"{now:%d/%m/%Y %H:%M} UTC")
            )
            for name, data in room_files(session, requests, records).items():
                archive.writestr(name, data)
            for user in session.users:
                _add_work(archive, settings.homes_dir / user / WORK_DIR, f"participants/{user}")
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise SessionError(
                f"Export impossible : plus de place sur le disque ({target_dir}). Libérez de la "
                "place ou choisissez un autre dossier avec --output, puis recommencez."
            ) from exc
        raise SessionError(
            f"Export impossible : {exc.strerror} ({exc.filename or target_dir})."
        ) from exc
    return target


def _add_work(archive: zipfile.ZipFile, work: Path, prefix: str) -> None:
    # Links are left out: the export runs with the platform's rights, and a link made by a
    # participant could point at someone else's files.
    files = (
        sorted(p for p in work.rglob("*") if p.is_file() and not p.is_symlink())
        if work.is_dir() and not work.is_symlink()
        else []
    )
    if not files:
        archive.writestr(
            f"{prefix}/LISEZMOI.txt", "Aucun travail enregistré dans « mes-travaux ».\n"
        )
    for path in files:
        archive.write(path, f"{prefix}/{path.relative_to(work).as_posix()}")
