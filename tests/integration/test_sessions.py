"""A workshop day from the trainer's seat, on the real platform: `atelier session create`,
participants logging in with their badges, `export`, `close`, and their failures."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import zipfile

import psutil
import pypdfium2
import pytest
import zxingcpp

from atelier_ia.hub.singleuser import AHEAD_ENV
from atelier_ia.isolation import accounts
from tests.hub_harness import ROOT, atelier

ARTIFACTS = ROOT / "tests" / "artifacts"


def read_csv(data: bytes | str) -> list[dict[str, str]]:
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    assert text.startswith("\ufeff"), "spreadsheets need the BOM to read accents"
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


@pytest.fixture(scope="module")
def trainer(platform):
    session = platform.login("formateur", platform.admin_password)
    assert session.login_status == 302
    return session


@pytest.fixture
def small_disk(tmp_path):
    """A real 64 KiB file system, to fill up for real (tmpfs; the tests run as root)."""
    mount = tmp_path / "petit-disque"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)])
    assert done.returncode == 0, "mounting a small tmpfs needs root, as the test machines have"
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def hub_user(platform, trainer, name: str):
    response = platform.api(trainer, "GET", f"/users/{name}")
    return response.json() if response.status_code == 200 else None


def test_session_day_from_create_to_close(platform, trainer, small_disk):
    folder = platform.private_dir / "sessions" / "salle"
    created = atelier(platform, "session", "create", "salle", "--participants", "5", "--accounts")
    assert created.returncode == 0, created.stderr
    assert "Session « salle » créée" in created.stdout

    # participants.csv: one row per person, each with their own password.
    rows = read_csv((folder / "participants.csv").read_text(encoding="utf-8"))
    assert [r["identifiant"] for r in rows] == [f"salle-0{i}" for i in range(1, 6)]
    assert set(rows[0]) == {"identifiant", "mot_de_passe", "adresse", "session"}
    assert len({r["mot_de_passe"] for r in rows}) == 5
    assert all(r["adresse"] == platform.url for r in rows)
    assert (folder / "comptes.json").stat().st_mode & 0o077 == 0

    # badges.pdf: five badges on one A4 page, each QR code decodes to the address.
    pdf = pypdfium2.PdfDocument(str(folder / "badges.pdf"))
    assert len(pdf) == 1
    width, height = pdf[0].get_size()
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = pdf[0].get_textpage().get_text_range()
    for row in rows:
        assert row["identifiant"] in text and row["mot_de_passe"] in text
    image = pdf[0].render(scale=2).to_pil()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    image.save(ARTIFACTS / "badges.png")
    codes = zxingcpp.read_barcodes(image)
    assert len(codes) == 5
    assert {code.text for code in codes} == {platform.url}

    # On the hub: five users in the session's group.
    group = platform.api(trainer, "GET", "/groups/session-salle").json()
    assert sorted(group["users"]) == [r["identifiant"] for r in rows]

    # Two participants log in with their own passwords; the shared one does not open them.
    first, second = rows[0], rows[1]
    alice = platform.login(first["identifiant"], first["mot_de_passe"])
    bob = platform.login(second["identifiant"], second["mot_de_passe"])
    assert (alice.login_status, bob.login_status) == (302, 302)
    assert platform.login(first["identifiant"]).login_status == 403
    assert platform.login(first["identifiant"], second["mot_de_passe"]).login_status == 403

    # Alice works: a model request from a workshop, a quiz answer, a file of her own.
    platform.start_server(alice, first["identifiant"])
    token = platform.new_token(alice, first["identifiant"])
    gateway = f"{platform.url}/services/gateway"
    headers = {"Authorization": f"Bearer {token}", "X-Atelier-Workshop": "bac-a-sable"}
    answer = alice.post(
        f"{gateway}/api/chat",
        headers=headers,
        json={
            "model": "smollm2:135m",
            "messages": [{"role": "user", "content": "Bonjour"}],
            "stream": False,
            "options": {"num_predict": 8},
        },
    )
    assert answer.status_code == 200, answer.text
    quiz = alice.post(
        f"{gateway}/records/quiz", headers=headers, json={"phase": "avant", "score": 6}
    )
    assert quiz.status_code == 201
    # Her file is written under her own account, as her workshop's kernel does (with code
    # off, the contents API refuses writes: see test_isolation).
    own = platform.account(first["identifiant"])
    saved = subprocess.run(
        [
            "sh",
            "-c",
            'printf %s "Mon brouillon de délibération" > "$1"',
            "sh",
            str(platform.home(first["identifiant"]) / "mes-travaux" / "brouillon.md"),
        ],
        user=own.pw_uid if own else None,
        group=own.pw_gid if own else None,
        capture_output=True,
        text=True,
    )
    assert saved.returncode == 0, saved.stderr

    # Running create again changes nothing; the same name with other figures is refused.
    again = atelier(platform, "session", "create", "salle", "--participants", "5", "--accounts")
    assert again.returncode == 0 and "rien n'a changé" in again.stdout
    assert read_csv((folder / "participants.csv").read_text(encoding="utf-8")) == rows
    other = atelier(platform, "session", "create", "salle", "--participants", "3")
    assert other.returncode == 1 and "déjà pris" in other.stderr

    # Export: the room's figures, the log under pseudonyms, each person's folder.
    exported = atelier(platform, "session", "export", "salle")
    assert exported.returncode == 0, exported.stderr
    zips = sorted((platform.private_dir / "exports").glob("export-salle-*.zip"))
    assert len(zips) == 1
    with zipfile.ZipFile(zips[0]) as archive:
        names = set(archive.namelist())
        by_workshop = read_csv(archive.read("chiffres/par_atelier.csv"))
        journal = read_csv(archive.read("journal.csv"))
        quiz_rows = read_csv(archive.read("chiffres/quiz.csv"))
        room_text = "".join(archive.read(n).decode("utf-8") for n in names if n.endswith(".csv"))
        assert (
            archive.read(f"participants/{first['identifiant']}/brouillon.md").decode()
            == "Mon brouillon de délibération"
        )
    assert list(by_workshop[0]) == [
        "atelier",
        "requetes",
        "erreurs",
        "jetons_entree",
        "jetons_sortie",
        "premier_jeton_moyen_s",
        "attente_moyenne_s",
    ]
    assert by_workshop == [row for row in by_workshop if row["atelier"] == "bac-a-sable"]
    assert by_workshop[0]["requetes"] == "1" and int(by_workshop[0]["jetons_sortie"]) > 0
    assert {"chiffres/par_modele.csv", "chiffres/arene.csv", "chiffres/quiz_resume.csv"} <= names
    assert len(journal) == 1 and journal[0]["modele"] == "smollm2:135m"
    alias = journal[0]["participant"]
    assert alias.startswith("p-") and len(alias) == 10
    assert quiz_rows == [dict(quiz_rows[0], participant=alias, moment="avant", score="6")]
    for row in rows:
        assert row["identifiant"] not in room_text  # pseudonyms only in figures and log
        assert any(n.startswith(f"participants/{row['identifiant']}/") for n in names)
    # Stable: a second export gives the same pseudonym.
    second_export = atelier(
        platform, "session", "export", "salle", "--output", str(small_disk.parent)
    )
    assert second_export.returncode == 0
    with zipfile.ZipFile(next(small_disk.parent.glob("export-salle-*.zip"))) as archive:
        assert read_csv(archive.read("journal.csv"))[0]["participant"] == alias

    # A full disk: a clear message, no half-written file, and close deletes nothing.
    (platform.state_dir / "homes" / first["identifiant"] / "mes-travaux" / "gros.bin").write_bytes(
        os.urandom(200_000)
    )
    full = atelier(platform, "session", "export", "salle", "--output", str(small_disk))
    assert full.returncode == 1
    assert "plus de place sur le disque" in full.stderr
    assert list(small_disk.iterdir()) == []
    refused = atelier(platform, "session", "close", "salle", "--yes", "--output", str(small_disk))
    assert refused.returncode == 1 and "Rien n'a été supprimé" in refused.stderr
    assert hub_user(platform, trainer, first["identifiant"]) is not None
    assert (folder / "comptes.json").exists()

    # Close: export first, then servers, hub users, Unix accounts and homes go; the export
    # stays.
    unix = {row["identifiant"]: platform.account(row["identifiant"]) for row in rows}
    if os.geteuid() == 0:
        assert unix[first["identifiant"]] is not None, "her server ran under her own account"
        assert accounts.processes_of(unix[first["identifiant"]].pw_uid)
    closed = atelier(platform, "session", "close", "salle", "--yes")
    assert closed.returncode == 0, closed.stderr
    assert "fermée" in closed.stdout
    for row in rows:
        assert hub_user(platform, trainer, row["identifiant"]) is None
        assert not (platform.state_dir / "homes" / row["identifiant"]).exists()
        assert platform.account(row["identifiant"]) is None
        if unix[row["identifiant"]] is not None:
            assert not accounts.processes_of(unix[row["identifiant"]].pw_uid)
    assert platform.api(trainer, "GET", "/groups/session-salle").status_code == 404
    assert not folder.exists()
    assert len(list((platform.private_dir / "exports").glob("export-salle-*.zip"))) == 2
    assert platform.login(first["identifiant"], first["mot_de_passe"]).login_status == 403
    assert atelier(platform, "session", "export", "salle").returncode == 1


def server_environment(name: str) -> dict[str, str]:
    """The environment of `name`'s server process, as the hub gave it."""
    servers = []
    for process in psutil.process_iter(["cmdline"]):
        if "atelier_ia.hub.singleuser" not in " ".join(process.info["cmdline"] or []):
            continue
        environment = process.environ()
        if environment.get("JUPYTERHUB_USER") == name:
            servers.append(environment)
    (environment,) = servers
    return environment


def test_a_server_started_at_login_pays_nothing_ahead(platform, trainer):
    assert atelier(platform, "session", "create", "soir", "-n", "1").returncode == 0
    person = platform.login("soir-01")
    platform.start_server(person, "soir-01")
    assert AHEAD_ENV not in server_environment("soir-01")
    assert atelier(platform, "session", "close", "soir", "--yes").returncode == 0


def test_warm_session_lands_on_the_catalogue_at_once(platform, trainer):
    created = atelier(platform, "session", "create", "matin", "-n", "2", "--warm", "--code")
    assert created.returncode == 0, created.stderr
    assert "Tous les serveurs sont prêts" in created.stdout
    for name in ("matin-01", "matin-02"):
        user = hub_user(platform, trainer, name)
        assert user["servers"][""]["ready"] is True
        assert "avec-code" in user["groups"], "--code opens JupyterLab to the session"
        # Started ahead of the day: the server paid its first page's costs at its start.
        assert server_environment(name).get(AHEAD_ENV) == "1"
    # Shared-password session: the workshop password opens it, and the server is up, so the
    # hub sends the person straight to it, not to the "starting" page.
    person = platform.login("matin-01")
    assert person.login_status == 302
    response = person.get(f"{platform.url}/hub/spawn/matin-01", allow_redirects=False)
    assert response.status_code == 302
    assert response.headers["location"].startswith("/user/matin-01/")
    closed = atelier(platform, "session", "close", "matin", "--yes")
    assert closed.returncode == 0, closed.stderr


def test_close_asks_first_in_french(platform, trainer):
    assert atelier(platform, "session", "create", "question", "-n", "1").returncode == 0
    kept = atelier(platform, "session", "close", "question", input="n\n")
    assert kept.returncode == 1
    assert "[o/N]" in kept.stdout and "rien n'a été supprimé" in kept.stderr
    assert hub_user(platform, trainer, "question-01") is not None
    closed = atelier(platform, "session", "close", "question", input="oui\n")
    assert closed.returncode == 0, closed.stderr
    assert hub_user(platform, trainer, "question-01") is None


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["create", "Mauvais Nom", "-n", "3"], 2, "Nom de session invalide"),
        (["create", "zero", "-n", "0"], 2, "Nombre de participants invalide : 0"),
        (["create", "trop", "-n", "61"], 2, "de 1 à 60"),
        (["export", "inconnue"], 1, "Session inconnue : « inconnue »"),
        (["close", "inconnue", "--yes"], 1, "Session inconnue"),
    ],
)
def test_session_bad_arguments(platform, args, code, message):
    done = atelier(platform, "session", *args)
    assert done.returncode == code
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_session_create_with_the_hub_down_makes_nothing(platform, tmp_path):
    state = tmp_path / "etat"
    done = atelier(
        platform,
        "session",
        "create",
        "panne",
        "-n",
        "3",
        env={"ATELIER_STATE_DIR": str(state), "ATELIER_HUB__HUB_PORT": "9"},
    )
    assert done.returncode == 1
    assert "Le hub ne répond pas" in done.stderr
    sessions = state / "private" / "sessions"
    assert not (sessions / "panne").exists()
    assert not list(sessions.glob(".*")) if sessions.exists() else True


def test_a_name_taken_on_the_hub_is_refused(platform, trainer):
    person = platform.login("conflit-03")
    assert person.login_status == 302
    done = atelier(platform, "session", "create", "conflit", "-n", "4")
    assert done.returncode == 1
    assert "déjà utilisé sur le hub (conflit-03)" in done.stderr
    for name in ("conflit-01", "conflit-02", "conflit-04"):
        assert hub_user(platform, trainer, name) is None
    assert not (platform.private_dir / "sessions" / "conflit").exists()


def test_a_failed_create_removes_what_it_made(platform, trainer):
    # A file where the session's folder must go: creation fails after the accounts and the
    # group were made on the hub, and must undo them.
    sessions = platform.private_dir / "sessions"
    sessions.mkdir(exist_ok=True)
    obstacle = sessions / "rate"
    obstacle.write_text("pas un dossier")
    try:
        done = atelier(platform, "session", "create", "rate", "-n", "3", "--accounts")
        assert done.returncode == 1
        assert "Création de la session impossible" in done.stderr
        assert "Traceback" not in done.stderr
        for name in ("rate-01", "rate-02", "rate-03"):
            assert hub_user(platform, trainer, name) is None
        assert platform.api(trainer, "GET", "/groups/session-rate").status_code == 404
        assert not (sessions / ".rate.en-cours").exists()
        assert obstacle.read_text() == "pas un dossier"
    finally:
        obstacle.unlink()


def test_live_view_is_for_trainers_only(platform, trainer):
    participant = platform.login("curieux")
    refused = participant.get(f"{platform.url}/services/suivi/")
    assert refused.status_code == 403
    # The hub sends error pages as text/html without a charset; the page's <meta> says UTF-8.
    page = refused.content.decode("utf-8")
    assert "Accès refusé" in page and "réservées aux formateurs" in page
    allowed = trainer.get(f"{platform.url}/services/suivi/")
    assert allowed.status_code == 200
    assert allowed.url.endswith("/services/suivi/voila/render/suivi-de-salle.ipynb")
