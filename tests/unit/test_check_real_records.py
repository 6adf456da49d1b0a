"""The checkers read French administrative writing as real council records write it
(tests/data/real): counts and dates in words, quorum derivable, numbered agendas, dotted
article numbers; and still report what a record really lacks."""

from __future__ import annotations

import json
from pathlib import Path

from atelier_ia.checks import reading
from atelier_ia.checks.articles import references
from atelier_ia.checks.deliberation import check_deliberation
from atelier_ia.checks.pv import check_pv

REAL = Path(__file__).resolve().parents[1] / "data" / "real"


def rules(findings) -> dict[str, str]:
    return {f.rule: f.severity for f in findings}


def test_numbers_in_words():
    assert reading.words_value("vingt-sept") == 27
    assert reading.words_value("quatre-vingt-dix-neuf") == 99
    assert reading.words_value("trente et un") == 31
    assert reading.count("Conseillers en exercice : 33 – Présents : 29", "présents")[0] == 29
    assert reading.count("onze conseillers présents", "présents")[0] == 11


def test_date_and_hour_in_words():
    text = (
        "L'an deux mille trois, le vingt sept mars, à vingt heures trente, le conseil s'est réuni."
    )
    assert reading.seance_date(text) and reading.seance_hour(text)
    found = rules(check_pv(text, published=False))
    assert found["pv.date_heure"] == "ok"
    assert (
        rules(check_pv("Le conseil s'est réuni le 27 mars 2003.", published=False))["pv.date_heure"]
        == "erreur"
    )


def test_quorum_stated_derived_or_missing():
    assert reading.quorum("Conseillers en exercice : 33 – Présents : 29").reached is True
    assert reading.quorum("En exercice : 33, présents : 12").reached is False
    assert reading.quorum("formant la majorité des membres en exercice").reached is True
    assert reading.quorum("Le conseil s'est réuni le 27 mars.").reached is None
    assert (
        rules(check_pv("Présents : 29 ; en exercice : 33.", published=False))["pv.quorum"] == "ok"
    )
    assert (
        rules(check_deliberation("Objet : budget\nLe conseil adopte."))["deliberation.quorum"]
        == "erreur"
    )


def test_agenda_as_numbered_sections():
    text = "I - ADMINISTRATION GÉNÉRALE\n1 - Composition des commissions\n2 - Budget primitif\n"
    assert rules(check_pv(text, published=False))["pv.ordre_du_jour"] == "ok"
    assert (
        rules(check_pv("Le maire ouvre la séance.", published=False))["pv.ordre_du_jour"]
        == "erreur"
    )


def test_articles_with_dots_spaces_and_without_hyphen():
    text = "l'article L.2121.15 du CGCT ; L 2122-22 ; l’article L.270 du code électoral ; 75001"
    assert [r for r, _ in references(text)] == ["L2121-15", "L2122-22", "L270"]


def test_broken_vote_count_is_reported():
    broken = "Le budget est adopté par 6 voix pour, 9 contre et 2 abstentions."
    assert rules(check_pv(broken, published=False))["pv.decompte"] == "erreur"
    fine = "Le budget est adopté par 25 voix pour, 3 contre et 2 abstentions."
    assert "pv.decompte" not in rules(check_pv(fine, published=False))


def test_no_false_finding_on_a_real_record_that_states_everything():
    # Held-out record: quorum in counts, date in words, numbered agenda, votes.
    records = {r["file"]: r for r in json.loads((REAL / "corpus.json").read_text("utf-8"))}
    for name, record in records.items():
        if record["kind"] == "deliberation" or not record["labels"]["agenda"]:
            continue
        text = (REAL / name).read_text(encoding="utf-8")
        found = rules(check_pv(text, published=False))
        assert found["pv.ordre_du_jour"] == "ok", name
        if record["labels"]["quorum_stated"] or record["labels"]["quorum_derivable"]:
            assert found["pv.quorum"] == "ok", name
