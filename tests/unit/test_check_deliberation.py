"""The délibération checker, on a correct and a flawed example (invented commune and people)."""

from __future__ import annotations

from pathlib import Path

from atelier_ia.apps.deliberation import EXAMPLE
from atelier_ia.checks.articles import known_articles, references
from atelier_ia.checks.deliberation import DeliberationForm, check_deliberation

DATA = Path(__file__).resolve().parents[1] / "data" / "deliberations"
GOOD = (DATA / "bonne.txt").read_text(encoding="utf-8")
BAD = (DATA / "fautive.txt").read_text(encoding="utf-8")

# The form the workshop opens with: the facts the shipped examples were written from.
FORM = EXAMPLE


def failures(text: str, form: DeliberationForm | None = FORM) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for f in check_deliberation(text, form):
        if not f.passed:
            found.setdefault(f.rule, []).append(f.message)
    return found


def test_a_correct_deliberation_gets_no_finding():
    assert failures(GOOD) == {}
    rules = {f.rule for f in check_deliberation(GOOD, FORM)}
    for rule in (
        "objet",
        "date_seance",
        "convocation",
        "secretaire",
        "effectifs",
        "quorum",
        "pouvoirs",
        "decompte",
        "majorite",
        "vu",
        "vu_cgct",
        "considerant",
        "delibere",
        "decide",
        "articles",
        "signature",
    ):
        assert f"deliberation.{rule}" in rules


def test_each_flaw_is_found_with_its_rule():
    found = failures(BAD)
    assert "L2121-17" in found["deliberation.quorum"][0]
    assert "L2121-20" in found["deliberation.pouvoirs"][0]
    assert "6 pour + 7 contre + 1 abstentions = 14" in found["deliberation.decompte"][0]
    assert "L2121-20" in found["deliberation.majorite"][0]
    assert "L. 2121-99" in found["deliberation.reference"][0]
    assert "1er, 3" in found["deliberation.articles"][0]
    assert "[Nom du maire]" in found["deliberation.trou"][0]
    assert any("2 500 €" in m for m in found["deliberation.hors_formulaire"])
    assert any("« presents », le formulaire 11" in m for m in found["deliberation.hors_formulaire"])


def test_missing_structure_is_reported():
    bare = "Le conseil municipal décide d'acheter un tracteur."
    found = failures(bare, None)
    for rule in (
        "objet",
        "date_seance",
        "convocation",
        "secretaire",
        "effectifs",
        "vu",
        "considerant",
        "delibere",
        "decide",
        "articles",
        "signature",
        "decompte",
    ):
        assert f"deliberation.{rule}" in found, rule


def test_second_meeting_without_quorum_is_allowed_when_said():
    second = (
        GOOD.replace("Présents : 11", "Présents : 5")
        .replace("Représentés : 2", "Représentés : 2")
        .replace("Votants : 13", "Votants : 7")
        .replace("Pour : 12", "Pour : 6")
        .replace("Séance du 12 mars 2025", "Séance du 12 mars 2025, sur seconde convocation")
    )
    found = failures(second, None)
    assert "deliberation.quorum" not in found


def test_algorithmic_decision_needs_the_crpa_mention():
    text = GOOD.replace(
        "Article 2 :",
        "Article 2 : Les places sont attribuées par un algorithme de classement.\nArticle 3 :",
    )
    found = failures(text, None)
    assert "L311-3-1" in found["deliberation.mention_algorithme"][0]


def test_references_and_whitelist():
    refs = [r for r, _ in references("Vu les articles L. 2121-29, L2121-17 et R. 311-3-1-1.")]
    assert refs == ["L2121-29", "L2121-17", "R311-3-1-1"]
    assert {"L2121-29", "L2121-17", "L311-3-1"} <= known_articles()
    assert "L2121-99" not in known_articles()
