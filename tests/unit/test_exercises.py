"""The course's graded cells and the learner's answers, without a hub: what each check
accepts, what it refuses and what it says."""

from __future__ import annotations

import shutil

import nbformat
import pytest
from traitlets.config import Config

from atelier_ia.exercises import grading, learner
from atelier_ia.exercises.config import configure_course, configure_learner
from atelier_ia.exercises.course import SHIPPED_DIR, shipped_assignments


def fails(check, *args) -> str:
    with pytest.raises(AssertionError) as caught:
        check(*args)
    return str(caught.value)


def test_four_assignments_ship_with_the_course():
    assert shipped_assignments() == [
        "01-courrier-structure",
        "02-deliberation-fautive",
        "03-donnees-47",
        "04-quiz-droit",
    ]


def test_a_prompt_needs_its_four_parts():
    grading.verifier_demande(
        "Tu es agent d'accueil. Contexte : la pièce est commandée. Rédige la réponse. "
        "Format : une lettre de 150 mots au plus."
    )
    said = fails(grading.verifier_demande, "Rédige une réponse au courrier.")
    assert "un rôle" in said and "le contexte" in said and "le format" in said
    assert "la tâche" not in said
    assert "pas encore écrit" in fails(grading.verifier_demande, "  \n")


def test_a_reply_is_checked_by_the_workshops_checker():
    said = fails(grading.verifier_courrier, "Objet : lampadaire\n\nMonsieur,\n\nC'est noté.\n")
    assert "formule de politesse" in said.lower()


FAULTY = SHIPPED_DIR / "source" / "02-deliberation-fautive" / "02-deliberation-fautive.ipynb"


def faulty_and_fixed() -> tuple[str, str]:
    """The délibération as learners get it, and the solution (from the source notebook)."""
    import ast

    cell = next(
        c
        for c in nbformat.read(FAULTY, as_version=4).cells
        if c.metadata.get("nbgrader", {}).get("solution")
    )
    assigned = [s.value.value for s in ast.parse(cell.source).body if isinstance(s, ast.Assign)]
    return assigned[0], assigned[1]


@pytest.mark.parametrize("point", ["quorum", "decompte", "secretaire", "article"])
def test_each_fault_of_the_deliberation_is_found_then_gone_once_fixed(point):
    faulty, fixed = faulty_and_fixed()
    said = fails(grading.verifier_deliberation, faulty, point)
    expected = {
        "quorum": "Quorum non atteint",
        "decompte": "ne tombe pas juste",
        "secretaire": "secrétaire de séance",
        "article": "L. 2121-58",
    }[point]
    assert expected in said
    grading.verifier_deliberation(fixed, point)


def test_a_deliberation_without_its_object_is_refused():
    _, fixed = faulty_and_fixed()
    without = "\n".join(line for line in fixed.splitlines() if not line.startswith("Objet"))
    assert "Objet" in fails(grading.verifier_deliberation, without, "quorum")


def test_the_data_answer_is_graded_against_the_shipped_data():
    epci, count = grading._epci_with_most_communes()
    assert (epci, count) == ("CA Agglomération d'Agen", 44)
    grading.verifier_intercommunalite("L’Agglomération d’Agen")
    grading.verifier_nombre_de_communes("L'agglomération d'Agen : 44 communes.")
    # The close second is refused, and so is a figure the data do not hold.
    fails(grading.verifier_intercommunalite, "Val de Garonne Agglomération, 43 communes")
    fails(grading.verifier_nombre_de_communes, "Agglomération d'Agen, 43 communes")
    said = fails(grading.verifier_nombre_de_communes, "Agen : 44 communes, 98765 habitants")
    assert "98765" in said


def test_the_quiz_check_shows_only_the_form_of_the_answers():
    questions = {"q1": ["a", "b", "c"], "q2": ["a", "b", "c"]}
    grading.verifier_quiz({"q1": "a", "q2": "c"}, questions)  # wrong answers pass the form
    assert "q2" in fails(grading.verifier_quiz, {"q1": "a", "q2": ""}, questions)
    assert "hors des choix" in fails(grading.verifier_quiz, {"q1": "z", "q2": "a"}, questions)


def test_learners_version_keeps_no_answer_of_the_quiz(tmp_path):
    """The right answers are hidden tests: nbgrader strips them from the learners' version."""
    from nbgrader.apps import NbGraderAPI

    from atelier_ia.exercises.authoring import venv_on_path

    shutil.copytree(SHIPPED_DIR / "source", tmp_path / "source")
    api = NbGraderAPI(config=configure_course(Config(), tmp_path))
    with venv_on_path():
        assert api.generate_assignment("04-quiz-droit")["success"]
    released = (tmp_path / "release" / "04-quiz-droit" / "04-quiz-droit.ipynb").read_text()
    source = (tmp_path / "source" / "04-quiz-droit" / "04-quiz-droit.ipynb").read_text()
    assert "la bonne réponse est" in source and "la bonne réponse est" not in released
    assert '\\"q1\\": \\"b\\"' in source and '\\"q1\\": \\"b\\"' not in released


def test_answers_are_written_into_the_notebook_and_read_back(tmp_path):
    notebook = tmp_path / "exercice.ipynb"
    shutil.copy(SHIPPED_DIR / "source" / "04-quiz-droit" / "04-quiz-droit.ipynb", notebook)
    learner.write_answers(notebook, {"reponses": {"q1": "a", "q2": "c"}})
    (answer,) = learner.answers(notebook)
    assert (answer.question, answer.variable, answer.value) == (
        "reponses",
        "reponses",
        {"q1": "a", "q2": "c"},
    )
    text = tmp_path / "courrier.ipynb"
    shutil.copy(
        SHIPPED_DIR / "source" / "01-courrier-structure" / "01-courrier-structure.ipynb", text
    )
    letter = 'Objet : « test »\nMonsieur,\nIl a dit "oui"'
    learner.write_answers(text, {"reponse": letter})
    values = {a.question: a.value for a in learner.answers(text)}
    assert values["reponse"].strip() == letter
    with pytest.raises(learner.ExercisesError):
        learner.write_answers(text, {"inconnue": "x"})


def test_learner_configuration_comes_from_the_server_environment(tmp_path):
    c = configure_learner(
        Config(),
        {
            "HOME": str(tmp_path),
            "JUPYTERHUB_USER": "amelie",
            "ATELIER_EXCHANGE_DIR": "/srv/echange",
            "ATELIER_EXERCISES_TIMEOUT": "12",
        },
    )
    assert c.CourseDirectory.student_id == "amelie"
    assert c.Exchange.root == "/srv/echange"
    assert c.Exchange.assignment_dir == str(tmp_path / "exercices")
    assert c.Execute.timeout == 12
    assert c.ExchangeFactory.submit.endswith("PrivateSubmit")
    assert c.Authenticator.plugin_class == "nbgrader.auth.JupyterHubAuthPlugin"


def test_the_live_view_counts_each_assignment_from_nbgraders_folders(tmp_path):
    from atelier_ia.exercises.progress import counts
    from atelier_ia.sessions.live_view import Room, exercises_html
    from atelier_ia.settings import Settings

    settings = Settings(state_dir=tmp_path)
    course, exchange = settings.course_dir, settings.exchange_dir / "acculturation-ia"
    for name in ("01-a", "02-b"):
        (course / "source" / name).mkdir(parents=True)
    (exchange / "outbound" / "01-a").mkdir(parents=True)
    inbound = exchange / "inbound"
    for entry in ("ana+01-a+t1+x", "ana+01-a+t2+y", "bob+01-a+t1+z", "bob+02-b+t1+w"):
        (inbound / entry).mkdir(parents=True)
    for who in ("ana", "bob"):
        (course / "submitted" / who / "01-a").mkdir(parents=True)
    (course / "autograded" / "ana" / "01-a").mkdir(parents=True)
    found = {c.assignment: c for c in counts(settings)}
    assert (found["01-a"].released, found["01-a"].submitted) == (True, 2)
    assert (found["01-a"].collected, found["01-a"].graded, found["01-a"].feedback) == (2, 1, 0)
    assert (found["02-b"].released, found["02-b"].submitted, found["02-b"].collected) == (
        False,
        1,
        0,
    )
    page = exercises_html(Room(exercises=list(found.values())))
    assert "<td style='padding:2px 8px'>01-a</td><td style='padding:2px 8px'>oui</td>" in page
    assert "Aucun exercice" in exercises_html(Room())


def test_new_workshop_writes_a_notebook_an_app_and_its_test(tmp_path):
    """`atelier new-workshop`: the three files, the app builds, its test passes, and a bad
    or taken name is refused without writing anything."""
    import importlib.util
    import json
    import subprocess
    import sys

    atelier = [sys.executable, "-m", "atelier_ia.cli"]
    made = subprocess.run(
        [
            *atelier,
            "new-workshop",
            "repondre-a-un-elu",
            "--titre",
            "Répondre à un élu",
            "--dans",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    notebook = json.loads(
        (tmp_path / "workshops/repondre-a-un-elu/repondre-a-un-elu.ipynb").read_text()
    )
    assert notebook["cells"][1]["source"].endswith("RepondreAUnElu()")
    module_path = tmp_path / "src/atelier_ia/apps/repondre_a_un_elu.py"
    spec = importlib.util.spec_from_file_location("atelier_ia.apps.repondre_a_un_elu", module_path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        test_path = tmp_path / "tests/integration/test_repondre_a_un_elu_app.py"
        namespace: dict = {}
        exec(compile(test_path.read_text(), str(test_path), "exec"), namespace)
        namespace["test_the_app_builds_with_its_request_box"]()
    finally:
        del sys.modules[spec.name]
    for bad in ("Mauvais nom", "repondre-a-un-elu"):
        again = subprocess.run(
            [*atelier, "new-workshop", bad, "--dans", str(tmp_path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert again.returncode == 2 and "Erreur" in again.stderr


def test_an_endless_answer_fails_the_check_instead_of_hanging_it(tmp_path, monkeypatch):
    monkeypatch.setenv("ATELIER_EXERCISES_TIMEOUT", "5")
    notebook = tmp_path / "exercice.ipynb"
    shutil.copy(SHIPPED_DIR / "source" / "03-donnees-47" / "03-donnees-47.ipynb", notebook)
    nb = nbformat.read(notebook, as_version=4)
    answer = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution"))
    answer.source = "while True:\n    pass"
    nbformat.write(nb, notebook)
    with pytest.raises(learner.ExercisesError) as caught:
        learner.check(notebook)
    assert "calcul sans fin" in str(caught.value)
