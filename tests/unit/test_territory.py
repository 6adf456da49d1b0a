"""Territorial data (Etalab, INSEE populations) and the figure checker."""

from __future__ import annotations

import json

import pytest

from atelier_ia.checks.figures import check_figures
from atelier_ia.data.territory import departement_map_svg, load_communes

COMMUNES = load_communes("47")


def test_shipped_lot_et_garonne_subset():
    assert len(COMMUNES) == 319
    agen = next(c for c in COMMUNES if c.code == "47001")
    assert agen.nom == "Agen" and agen.population > 30_000 and "47000" in agen.codes_postaux
    assert sum(c.population for c in COMMUNES) == 333_602
    assert all(c.code.startswith("47") for c in COMMUNES)


def test_other_departements_need_the_full_package(tmp_path):
    with pytest.raises(ValueError, match="@etalab/decoupage-administratif"):
        load_communes("33", full_package=tmp_path)
    (tmp_path / "communes.json").write_text(
        json.dumps(
            [
                {
                    "code": "33063",
                    "nom": "Bordeaux",
                    "departement": "33",
                    "type": "commune-actuelle",
                    "population": 260000,
                    "codesPostaux": ["33000"],
                },
                {
                    "code": "47001",
                    "nom": "Agen",
                    "departement": "47",
                    "type": "commune-actuelle",
                    "population": 32801,
                },
            ]
        )
    )
    (tmp_path / "epci.json").write_text(
        json.dumps([{"nom": "Bordeaux Métropole", "membres": [{"code": "33063"}]}])
    )
    [bordeaux] = load_communes("33", full_package=tmp_path)
    assert bordeaux.epci == "Bordeaux Métropole" and bordeaux.population == 260000


def test_map_highlights_the_departement():
    svg = departement_map_svg("47")
    assert svg.startswith("<svg") and ".z47 path{fill:#0b3d91" in svg
    assert 'class="z47 departement map-element"' in svg


def test_figures_true_rounded_and_invented():
    comment = (
        "Agen compte 32 801 habitants sur 333 602, soit 9,8 %. Le département a 319 "
        "communes, environ 334 000 habitants ; Marmande en aurait 25 000."
    )
    by_text = {comment[f.span[0] : f.span[1]]: f.severity for f in check_figures(comment, COMMUNES)}
    assert by_text == {
        "32 801": "ok",
        "333 602": "ok",
        "9,8": "ok",
        "319": "ok",
        "334 000": "attention",
        "25 000": "erreur",
    }


def test_a_comment_without_figures_has_no_finding():
    assert check_figures("Agen est la préfecture.", COMMUNES) == []
