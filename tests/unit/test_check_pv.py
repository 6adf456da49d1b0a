"""The procès-verbal and liste checkers, against the shipped transcript (invented people)."""

from __future__ import annotations

from pathlib import Path

from atelier_ia.checks.pv import check_liste, check_pv, inventions
from atelier_ia.data import council_transcript

DATA = Path(__file__).resolve().parents[1] / "data" / "pv"
TRANSCRIPT = council_transcript()
GOOD = (DATA / "bon.txt").read_text(encoding="utf-8")
BAD = (DATA / "fautif.txt").read_text(encoding="utf-8")
LISTE = (DATA / "liste.txt").read_text(encoding="utf-8")


def failures(findings) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for f in findings:
        if not f.passed:
            found.setdefault(f.rule, []).append(f.message)
    return found


def test_a_faithful_pv_and_liste_get_no_finding():
    assert failures(check_pv(GOOD, TRANSCRIPT)) == {}
    assert failures(check_liste(LISTE, TRANSCRIPT)) == {}
    assert len([f for f in check_pv(GOOD, TRANSCRIPT) if f.rule == "pv.point"]) == 3


def test_flaws_are_found():
    found = failures(check_pv(BAD, TRANSCRIPT))
    assert "L2121-15" in found["pv.titre"][0]
    assert any("toit de l'église" in m for m in found["pv.point"])
    inventions_found = " ".join(found["pv.invention"])
    assert "1 800" in inventions_found and "Alain Verdier" in inventions_found
    assert "1 500" not in inventions_found


def test_liste_needs_every_item_with_its_result():
    found = failures(
        check_liste(
            "1. Subvention à l'association : adoptée\n2. Tarifs de la cantine scolaire", TRANSCRIPT
        )
    )
    messages = " ".join(found["liste.point"])
    assert "toit de l'église" in messages and "adopté ou rejeté" in messages


def test_missing_ai_note_is_a_warning_only_when_published():
    without = GOOD.replace(
        "Projet préparé avec l'aide d'un outil d'intelligence artificielle, "
        "relu et validé par la secrétaire de séance.\n",
        "",
    )
    assert {f.rule: f.severity for f in check_pv(without, TRANSCRIPT)}[
        "pv.mention_ia"
    ] == "attention"
    assert "pv.mention_ia" not in {f.rule for f in check_pv(without, TRANSCRIPT, published=False)}


def test_inventions_list_names_and_figures():
    assert inventions("M. Jean Castaing propose 1 500 euros.", TRANSCRIPT) == []
    found = inventions("M. Robert Nadal propose 2 000 euros.", TRANSCRIPT)
    assert [(kind, text) for kind, text, _ in found] == [
        ("nom", "Robert Nadal"),
        ("chiffre", "2 000"),
    ]
