"""The course's exercises on the real platform, with real Unix accounts (CI runs as root):
a trainer releases an assignment with `atelier exercises`, two learners fetch, check and
submit it in their own kernels (one right, one wrong), a third tries to cheat, the trainer
collects, autogrades, reports and releases the feedback, and each learner reads their own.

The learners here have code on only so that the test can run their steps in their kernels;
the steps are the same functions the « Exercices » app calls for people without code."""

from __future__ import annotations

import csv
import io
import json
import os
import re

import pytest
import requests
from nbgrader.exchange.default.collect import ExchangeCollect
from traitlets.config import Config

from atelier_ia.exercises.authoring import venv_on_path
from atelier_ia.exercises.course import COURSE, FORMGRADE_GROUP, GRADER, LEARNERS_GROUP
from atelier_ia.exercises.progress import counts
from atelier_ia.hub.spawner import CODE_GROUP
from atelier_ia.settings import load_settings
from tests.hub_harness import atelier, run_in_kernel

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0, reason="Unix accounts need root (CI runs as root)"
)

ASSIGNMENT = "01-courrier-structure"
RIGHT, WRONG, CHEAT = "amelie", "bastien", "chloe"

GOOD_PROMPT = (
    "Tu es agent d'accueil de la mairie.\nContexte : la réparation est prévue lundi.\n"
    "Tâche : rédige la réponse.\nFormat : une lettre de 150 mots au plus."
)
GOOD_REPLY = (
    "Objet : lampadaire de la rue des Écoles\n\nMonsieur,\n\nNous avons bien reçu votre "
    "courrier et nous vous prions d'excuser ce délai. La pièce est commandée : la réparation "
    "est prévue lundi, et un éclairage provisoire sera posé dès jeudi au carrefour.\n\n"
    "Le service technique répond au 05 53 00 00 00, du lundi au vendredi.\n\nNous vous "
    "prions d'agréer, Monsieur, l'expression de nos salutations distinguées.\n"
)
# No format in the prompt; no closing formula in the reply.
WEAK_PROMPT = "Tu es agent de la mairie. Contexte : un lampadaire. Rédige la réponse."
WEAK_REPLY = "Objet : lampadaire\n\nMonsieur,\n\nOn s'en occupe. Appelez l'accueil.\n"

# Run in a learner's own kernel; prints one JSON line.
LEARNER_STEPS = r"""
import json
from atelier_ia.exercises import learner
out = {{"before": [a.state for a in learner.assignments() if a.id == {assignment!r}]}}
path = learner.fetch({assignment!r})
learner.write_answers(path, {answers!r})
out["check"] = [[r.question, r.passed, r.message] for r in learner.check(path)]
learner.submit({assignment!r})
out["after"] = learner.find({assignment!r}).state
print("RESULT" + json.dumps(out))
"""

# Chloé submits her own work, then a copy in Amélie's name, then goes after Amélie's files.
CHEAT_STEPS = r"""
import json, os
from atelier_ia.exercises import learner
out = {{}}
path = learner.fetch({assignment!r})
learner.write_answers(path, {answers!r})
learner.submit({assignment!r})

# nbgrader's own submit, configured by her as she likes: no course check, another's name.
from nbgrader.auth import Authenticator
from nbgrader.coursedir import CourseDirectory
from nbgrader.exchange.default.submit import ExchangeSubmit
c = learner._config()
c.Authenticator.plugin_class = "nbgrader.auth.NoAuthPlugin"
c.CourseDirectory.student_id = {victim!r}
c.CourseDirectory.assignment_id = {assignment!r}
ExchangeSubmit(
    coursedir=CourseDirectory(config=c), authenticator=Authenticator(config=c), config=c
).start()

def attempt(name, action):
    try:
        out[name] = ["ok", action()]
    except Exception as exc:
        out[name] = [type(exc).__name__, str(exc)[:120]]

T = json.loads({targets!r})
attempt("list_inbound", lambda: os.listdir(T["inbound"]))
attempt("read_submission", lambda: len(open(T["victim_notebook"]).read()))
attempt("replace_submission", lambda: os.rename(T["victim_notebook"], T["victim_notebook"] + "x"))
attempt("move_submission", lambda: os.rename(T["victim_dir"], T["victim_dir"] + "x"))
print("RESULT" + json.dumps(out))
"""

FEEDBACK_STEPS = r"""
import json, os
from atelier_ia.exercises import learner
page = learner.fetch_feedback({assignment!r})
item = learner.find({assignment!r})
out = {{"state": item.state, "page": page.read_text() if page else ""}}
try:
    out["others"] = os.listdir({feedback!r})
except OSError as exc:
    out["others"] = type(exc).__name__
print("RESULT" + json.dumps(out))
"""


def result(text: str) -> dict:
    line = next(line for line in text.splitlines() if line.startswith("RESULT"))
    return json.loads(line.removeprefix("RESULT"))


def in_kernel(platform, learners, name: str, template: str, **values) -> dict:
    """Run one of the templates above in the learner's own kernel; what it printed."""
    code = template.format(assignment=ASSIGNMENT, **values)
    return result(run_in_kernel(platform, learners[name], name, code))


@pytest.fixture(scope="module")
def course(platform):
    trainer = platform.login("formateur", platform.admin_password)
    learners = {name: platform.login(name) for name in (RIGHT, WRONG, CHEAT)}
    for group in (LEARNERS_GROUP, CODE_GROUP):
        platform.api(trainer, "POST", f"/groups/{group}")  # 201, or 409 when it is there
        response = platform.api(
            trainer, "POST", f"/groups/{group}/users", json={"users": list(learners)}
        )
        assert response.status_code == 200, response.text
    for name, session in learners.items():
        platform.start_server(session, name)
    released = atelier(platform, "exercises", "release", ASSIGNMENT)
    assert released.returncode == 0, released.stdout + released.stderr
    return trainer, learners


def test_the_grader_is_a_hub_user_and_an_account_of_its_own(platform, course):
    trainer, _ = course
    group = platform.api(trainer, "GET", f"/groups/{FORMGRADE_GROUP}").json()
    assert GRADER in group["users"]
    entry = platform.account(GRADER)
    assert entry is not None and entry.pw_uid != 0
    course_dir = platform.state_dir / "exercises"
    assert course_dir.stat().st_uid == entry.pw_uid
    assert course_dir.stat().st_mode & 0o777 == 0o700
    # No one logs in as the grader, not even with the shared workshop password.
    assert platform.login(GRADER).login_status == 403


def test_publishing_again_asks_for_force(platform, course):
    again = atelier(platform, "exercises", "release", ASSIGNMENT)
    assert again.returncode == 1
    assert "est déjà publié" in again.stderr and "--force" in again.stderr
    forced = atelier(platform, "exercises", "release", ASSIGNMENT, "--force")
    assert forced.returncode == 0, forced.stdout + forced.stderr
    unknown = atelier(platform, "exercises", "release", "99-inconnu")
    assert unknown.returncode == 2 and "pas de devoir « 99-inconnu »" in unknown.stderr


def test_release_then_learners_fetch_check_and_submit(platform, course):
    _, learners = course
    right, wrong = (
        in_kernel(platform, learners, name, LEARNER_STEPS, answers=answers)
        for name, answers in (
            (RIGHT, {"demande": GOOD_PROMPT, "reponse": GOOD_REPLY}),
            (WRONG, {"demande": WEAK_PROMPT, "reponse": WEAK_REPLY}),
        )
    )
    assert right["before"] == ["à récupérer"]
    assert all(passed for _, passed, _ in right["check"]), right["check"]
    assert right["after"] == "remis"

    messages = {question: message for question, passed, message in wrong["check"] if not passed}
    # « Vérifier ma réponse » names what is missing, in French.
    assert "le format attendu" in messages["test_demande"]
    assert "formule de politesse" in messages["test_reponse"].lower()
    assert wrong["after"] == "remis"


def submissions(platform, who: str) -> list:
    inbound = platform.state_dir / "exchange" / COURSE / "inbound"
    return sorted(inbound.glob(f"{who}+{ASSIGNMENT}+*"))


def test_a_learner_cannot_cheat_on_another(platform, course, tmp_path):
    _, learners = course
    victim_dir = submissions(platform, RIGHT)[0]
    targets = {
        "inbound": str(victim_dir.parent),
        "victim_dir": str(victim_dir),
        "victim_notebook": str(victim_dir / f"{ASSIGNMENT}.ipynb"),
    }
    out = in_kernel(
        platform,
        learners,
        CHEAT,
        CHEAT_STEPS,
        answers={"demande": WEAK_PROMPT, "reponse": "Objet : copie\n"},
        victim=RIGHT,
        targets=json.dumps(targets),
    )
    print(json.dumps(out, indent=1, ensure_ascii=False))
    for attack in (
        "list_inbound",
        "read_submission",
        "replace_submission",
        "move_submission",
    ):
        assert out[attack][0] == "PermissionError", (attack, out[attack])
    # The forged submission did get into the exchange, in Amélie's name and Chloé's account,
    # open to all as nbgrader's submit leaves it, where Amélie's own is closed to others...
    chloe = platform.account(CHEAT).pw_uid
    forged = [p for p in submissions(platform, RIGHT) if p.stat().st_uid == chloe]
    assert len(forged) == 1
    assert (forged[0] / f"{ASSIGNMENT}.ipynb").stat().st_mode & 0o004
    assert not victim_dir.stat().st_mode & 0o007 and forged[0].stat().st_mode & 0o007
    # ...and nbgrader's own collect, which only warns, would take it as Amélie's latest work.
    plain = Config()
    plain.CourseDirectory.root = str(tmp_path)
    plain.CourseDirectory.course_id = COURSE
    plain.CourseDirectory.assignment_id = ASSIGNMENT
    plain.CourseDirectory.db_url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    plain.Exchange.root = str(platform.state_dir / "exchange")
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory

    coursedir = CourseDirectory(config=plain)
    with venv_on_path():  # nbgrader's gradebook shells out to alembic
        ExchangeCollect(
            coursedir=coursedir, authenticator=Authenticator(config=plain), config=plain
        ).start()
    taken = (tmp_path / "submitted" / RIGHT / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text()
    assert "Objet : copie" in taken


def test_collect_refuses_the_forgery_and_autograde_scores_each_learner(platform, course, tmp_path):
    collected = atelier(platform, "exercises", "collect", ASSIGNMENT)
    assert collected.returncode == 0, collected.stdout + collected.stderr
    assert "Remise refusée" in collected.stderr
    assert (platform.state_dir / "exercises" / "refused").is_dir()
    graded = atelier(platform, "exercises", "autograde", ASSIGNMENT)
    assert graded.returncode == 0, graded.stdout + graded.stderr
    report = tmp_path / "notes.csv"
    reported = atelier(platform, "exercises", "report", ASSIGNMENT, "--output", str(report))
    assert reported.returncode == 0, reported.stdout + reported.stderr
    print(reported.stdout)
    data = report.read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = {
        row["apprenant"]: row
        for row in csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";")
    }
    assert rows[RIGHT]["test_demande"] == "2" and rows[RIGHT]["test_reponse"] == "3"
    assert rows[RIGHT]["total"] == "5"
    assert rows[WRONG]["test_demande"] == "0" and rows[WRONG]["test_reponse"] == "0"
    # Amélie's grade is her own work, not Chloé's forgery.
    assert rows[CHEAT]["total"] == "0"
    assert rows["(maximum)"]["total"] == "5"


def test_feedback_reaches_the_right_learner_only(platform, course):
    _, learners = course
    released = atelier(platform, "exercises", "feedback", ASSIGNMENT)
    assert released.returncode == 0, released.stdout + released.stderr
    feedback = str(platform.state_dir / "exchange" / COURSE / "feedback")
    pages = {
        name: in_kernel(platform, learners, name, FEEDBACK_STEPS, feedback=feedback)
        for name in (RIGHT, WRONG)
    }
    # The trainers' live view counts where the assignment stands.
    (counted,) = [
        c for c in counts(load_settings(environ=platform.env)) if c.assignment == ASSIGNMENT
    ]
    assert counted.released and counted.submitted == 3  # the forgery was set aside
    assert counted.collected == counted.graded == counted.feedback == 3
    # The released feedback pages of everyone are in one folder nobody but the grader lists.
    assert pages[RIGHT]["others"] == pages[WRONG]["others"] == "PermissionError"
    assert pages[RIGHT]["state"] == pages[WRONG]["state"] == "corrigé"
    score = re.compile(r"Score:\s*([\d.]+)\s*/\s*([\d.]+)")
    assert score.search(pages[RIGHT]["page"]).groups() == ("5.0", "5.0")
    assert score.search(pages[WRONG]["page"]).groups() == ("0.0", "5.0")
    # Each page is its learner's own work.
    assert "salutations distinguées" in pages[RIGHT]["page"]
    assert "On s&#39;en occupe" in pages[WRONG]["page"] or "On s'en occupe" in pages[WRONG]["page"]
    assert "On s'en occupe" not in pages[RIGHT]["page"]


def hops(response) -> str:
    """Each request of a redirect chain: status, URL and the size of what was sent, so that a
    refusal other than the hub's 403 says where it came from (CI once got a 431 here)."""
    return "".join(
        f"\n{r.status_code} {r.request.url[:160]} (URL {len(r.request.url)} B, "
        f"cookies {len(r.request.headers.get('Cookie', ''))} B)"
        for r in [*response.history, response]
    )


def platform_lines(platform, word: str, last: int = 40) -> str:
    return "\n" + "\n".join([line for line in platform.log().splitlines() if word in line][-last:])


def test_the_formgrader_opens_for_trainers_only(platform, course):
    trainer, learners = course
    # A learner with code has nbgrader's assignment list in her own server, not its grader.
    token = platform.new_token(learners[RIGHT], RIGHT)
    own = f"{platform.url}/user/{RIGHT}"
    headers = {"Authorization": f"token {token}"}
    listed = requests.get(f"{own}/assignments?course_id={COURSE}", headers=headers)
    assert listed.status_code == 200, listed.text[:300]
    assert ASSIGNMENT in listed.text
    assert requests.get(f"{own}/formgrader", headers=headers).status_code == 404
    url = f"{platform.url}/services/{COURSE}/formgrader"
    refused = learners[RIGHT].get(url)
    assert refused.status_code == 403, hops(refused) + platform_lines(platform, COURSE)
    page = trainer.get(url)
    assert page.status_code == 200, page.text[:500]
    assert "formgrader" in page.text.lower() and ASSIGNMENT in requests.utils.unquote(
        trainer.get(f"{platform.url}/services/{COURSE}/formgrader/api/assignments").text
    )
