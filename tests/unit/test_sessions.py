"""Session pieces without a hub: accounts, the capacity estimate, the export's files, the
live view's rendering, the authenticator."""

from __future__ import annotations

import asyncio
import json
import re
from datetime import UTC, datetime, timedelta

import pytest

from atelier_ia.hub.auth import AtelierAuthenticator
from atelier_ia.sessions import accounts, live_view
from atelier_ia.sessions.capacity import Load, first_token_quantile, room_capacity
from atelier_ia.sessions.export import pseudonym, room_files
from atelier_ia.sessions.lifecycle import check_count
from atelier_ia.sessions.session import Session, SessionError, check_name
from atelier_ia.settings import load_settings


def test_logins_are_numbered_and_sortable():
    assert accounts.logins("agen", 3) == ["agen-01", "agen-02", "agen-03"]
    assert accounts.logins("agen", 120)[-1] == "agen-120"
    assert accounts.logins("agen", 120)[0] == "agen-001"


def test_passwords_are_readable_and_hashes_check_them():
    password = accounts.new_password()
    assert re.fullmatch(r"[a-z2-9]{4}-[a-z2-9]{4}", password)
    assert not set(password) & set("01ilo")
    stored = accounts.hash_password(password)
    assert password not in stored
    assert accounts.verify_password(password, stored)
    assert not accounts.verify_password(password + "x", stored)
    assert not accounts.verify_password(password, "md5$00$00")


@pytest.mark.parametrize("name", ["", "A", "avec espace", "é", "-debut", "x" * 21])
def test_bad_session_names_are_refused(name):
    with pytest.raises(SessionError) as error:
        check_name(name)
    assert error.value.code == 2


def test_participant_count_bounds(tmp_path):
    settings = load_settings(environ={"ATELIER_STATE_DIR": str(tmp_path)})
    assert check_count(settings, 60) == 60
    for count in (0, -1, 61):
        with pytest.raises(SessionError, match="sessions.max_participants"):
            check_count(settings, count)


def test_authenticator_uses_session_passwords_then_the_shared_one(tmp_path):
    folder = tmp_path / "salle"
    folder.mkdir()
    accounts.write_accounts(folder, {"salle-01": "abcd-efgh"})
    auth = AtelierAuthenticator(
        sessions_dir=str(tmp_path), user_password="partage-8", admin_password="a" * 32
    )

    def login(name, password):
        return asyncio.run(auth.authenticate(None, {"username": name, "password": password}))

    assert login("salle-01", "abcd-efgh") == {"name": "salle-01", "admin": False}
    assert login("salle-01", "partage-8") is None  # an account opens with its own password only
    assert login("quelquun", "partage-8")["name"] == "quelquun"
    assert login("quelquun", "abcd-efgh") is None


def test_capacity_grows_with_speed_and_parallelism():
    slow = room_capacity(0.5, 20, 1)
    fast = room_capacity(0.1, 60, 1)
    wide = room_capacity(0.5, 20, 4)
    assert 0 < slow < fast
    assert wide >= 3 * slow
    assert room_capacity(11.0, 100, 8) == 0  # the first token alone misses the target


def test_capacity_estimate_matches_its_own_target():
    load = Load()
    n = room_capacity(0.2, 40, 2, load)
    assert first_token_quantile(n, 0.2, 40, 2, load) <= load.target_s
    assert first_token_quantile(n + 1, 0.2, 40, 2, load) > load.target_s


def _session() -> Session:
    return Session("salle", 2, "accounts", ["salle-01", "salle-02"], pseudonym_key="ab" * 16)


def test_export_files_use_stable_pseudonyms_and_french_columns():
    session = _session()
    when = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)
    request = {
        "time": when,
        "user": "salle-01",
        "workshop": "bac-a-sable",
        "api": "ollama",
        "model": "m",
        "upstream": "u",
        "tokens_in": 5,
        "tokens_out": 7,
        "queue_wait_s": 0.5,
        "ttft_s": 0.25,
        "duration_s": 1.0,
        "status": "ok",
        "error": "",
    }
    failed = {**request, "user": "salle-02", "status": "error", "error": "panne", "ttft_s": None}
    quiz = [
        {
            "kind": "quiz",
            "user": "salle-01",
            "time": when,
            "payload": {"phase": "avant", "score": 3},
        },
        {
            "kind": "quiz",
            "user": "salle-01",
            "time": when,
            "payload": {"phase": "avant", "score": 5},
        },
        {
            "kind": "quiz",
            "user": "salle-02",
            "time": when,
            "payload": {"phase": "apres", "score": 8},
        },
    ]
    vote = {
        "kind": "arene",
        "user": "salle-02",
        "time": when,
        "payload": {"choice": "B", "A": {"model": "a", "temperature": 0.2}, "B": {"model": "b"}},
    }
    files = room_files(session, [request, failed], [*quiz, vote])
    text = {name: data.decode("utf-8").lstrip("\ufeff") for name, data in files.items()}
    assert "salle-0" not in "".join(text.values())
    alias = pseudonym(session, "salle-01")
    assert alias == pseudonym(_session(), "salle-01") != pseudonym(session, "salle-02")
    assert text["chiffres/par_atelier.csv"].splitlines() == [
        "atelier;requetes;erreurs;jetons_entree;jetons_sortie;premier_jeton_moyen_s;"
        "attente_moyenne_s",
        "bac-a-sable;2;1;10;14;0.250;0.500",
    ]
    assert f"{alias};bac-a-sable;ollama;m;u;5;7" in text["journal.csv"]
    # The last answer of a phase counts once per person.
    assert "avant;1;5.000;5;5" in text["chiffres/quiz_resume.csv"]
    assert "apres;1;8.000;8;8" in text["chiffres/quiz_resume.csv"]
    assert text["chiffres/arene.csv"].splitlines()[1].endswith(";a;0.2;b;;B;b")


def _room(now: datetime) -> live_view.Room:
    earlier = (now - timedelta(minutes=5)).isoformat()
    return live_view.Room(
        users=[
            {"name": "formateur", "admin": True, "servers": {"": {"ready": True}}},
            {"name": "a-01", "servers": {"": {"ready": True}}, "last_activity": now.isoformat()},
            {"name": "a-02", "servers": {"": {"ready": False}}, "last_activity": earlier},
            {"name": "b-01", "servers": {}, "last_activity": earlier},
            {"name": "<b>x</b>", "servers": {"": {"ready": True}}, "last_activity": earlier},
        ],
        groups={"session-a": ["a-01", "a-02"]},
        summary={
            "recent": {
                "minutes": 15,
                "per_minute": [{"minute": "09:30", "requests": 4, "max_wait_s": 2.5}],
                "errors": [
                    {"time": now.isoformat(), "user": "a-02", "workshop": "", "error": "<panne>"}
                ],
                "last_workshop": {"a-01": {"workshop": "bac-a-sable", "time": earlier}},
            },
            "queue": {"waiting": 3, "running": 1},
            "by_model": [{"key": "m", "tokens_in": 10, "tokens_out": 30}],
        },
        records={
            "ouverture": [
                {"user": "a-01", "time": now.isoformat(), "payload": {"atelier": "quiz"}}
            ],
            "quiz": [
                {"user": "a-01", "time": earlier, "payload": {"phase": "avant", "score": 4}},
                {"user": "b-01", "time": earlier, "payload": {"phase": "avant", "score": 6}},
            ],
            "arene": [
                {
                    "user": "a-02",
                    "time": earlier,
                    "payload": {"choice": "A", "A": {"model": "m", "temperature": 0.2}},
                }
            ],
        },
    )


def test_live_view_lists_connected_participants_with_their_workshop():
    now = datetime.now(UTC)
    room = _room(now)
    everyone = live_view.people_html(room, None, now)
    assert "Connectés : 3" in everyone  # not the trainer, not b-01 whose server is stopped
    assert "formateur" not in everyone and "b-01" not in everyone
    assert "&lt;b&gt;x&lt;/b&gt;" in everyone and "<b>x</b>" not in everyone
    assert re.search(r"a-01</td><td[^>]*>connecté</td><td[^>]*>quiz", everyone)
    assert re.search(r"a-02</td><td[^>]*>démarrage…", everyone)
    only_a = live_view.people_html(room, {"a-01", "a-02"}, now)
    assert "Connectés : 2" in only_a


def test_live_view_figures():
    room = _room(datetime.now(UTC))
    activity = live_view.activity_html(room)
    assert "<strong>1</strong> en cours, <strong>3</strong> en attente" in activity
    assert "2.5 s" in activity and "4 demande(s)" in activity
    assert "&lt;panne&gt;" in live_view.errors_html(room)
    assert "40 jetons" in live_view.tokens_html(room)
    quiz = live_view.quiz_html(room, None)
    assert "Avant</strong> : 2 réponse(s), score moyen 5.0 sur 9" in quiz
    assert "Avant</strong> : 1 réponse(s), score moyen 4.0" in live_view.quiz_html(room, {"a-01"})
    assert "m (t=0.2)" in live_view.arena_html(room, None)
    assert "Arène : 0 vote(s)" in live_view.arena_html(room, {"a-01"})


def test_live_view_keeps_the_last_snapshot_when_a_source_fails():
    import httpx

    class Failing:
        def read(self):
            raise httpx.ConnectError("refused")

    view = live_view.LiveView(sources=Failing(), refresh_s=5)
    assert view.refresh() is False
    assert "Lecture impossible (ConnectError)" in view.error.value
    room = _room(datetime.now(UTC))
    assert view.apply(room) is True
    assert view.error.value == ""
    assert list(view.session.options) == [live_view.ALL, "a"]
    view.session.value = "a"
    assert "Connectés : 2" in view.people.value


def test_accounts_file_is_private(tmp_path):
    path = accounts.write_accounts(tmp_path, {"x-01": "abcd-efgh"})
    assert path.stat().st_mode & 0o077 == 0
    assert accounts.stored_hash(tmp_path.parent, "x-01") == json.loads(path.read_text())["x-01"]
    assert accounts.stored_hash(tmp_path.parent, "absent") is None
    building = tmp_path.parent / ".en-cours"
    building.mkdir(exist_ok=True)
    accounts.write_accounts(building, {"y-01": "abcd-efgh"})
    assert accounts.stored_hash(tmp_path.parent, "y-01") is None


def test_export_keeps_each_persons_files_and_no_links(tmp_path):
    from zipfile import ZipFile

    from atelier_ia.sessions.export import export_session

    settings = load_settings(environ={"ATELIER_STATE_DIR": str(tmp_path)})
    work = settings.homes_dir / "salle-01" / "mes-travaux"
    (work / "bac-a-sable").mkdir(parents=True)
    (work / "bac-a-sable" / "texte.md").write_text("mon texte", encoding="utf-8")
    secret = tmp_path / "secrets.toml"
    secret.write_text("admin_password = 'x'")
    (work / "lien.toml").symlink_to(secret)
    path = export_session(settings, _session(), tmp_path / "exports")
    with ZipFile(path) as archive:
        names = archive.namelist()
        assert archive.read("participants/salle-01/bac-a-sable/texte.md") == b"mon texte"
    assert "participants/salle-01/lien.toml" not in names
    assert "participants/salle-02/LISEZMOI.txt" in names  # nothing saved: said so
    assert not list((tmp_path / "exports").glob("*.partiel"))
