"""Territorial data: the communes of a département, from Etalab's découpage administratif
(see SOURCES.md). The Lot-et-Garonne (47) subset ships with the project; the full files are
read when the npm package is installed."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from atelier_ia.data import DATA_DIR
from atelier_ia.paths import PROJECT_ROOT

FULL_PACKAGE = PROJECT_ROOT / "node_modules" / "@etalab" / "decoupage-administratif" / "data"


@dataclass(frozen=True)
class Commune:
    code: str
    nom: str
    population: int
    codes_postaux: tuple[str, ...]
    epci: str


def load_communes(departement: str = "47", full_package: Path = FULL_PACKAGE) -> list[Commune]:
    if (full_package / "communes.json").exists():
        return _from_package(departement, full_package)
    if departement != "47":
        raise ValueError(
            f"Seules les communes du Lot-et-Garonne (47) sont livrées ; pour le département "
            f"{departement}, installez le paquet npm @etalab/decoupage-administratif."
        )
    with (DATA_DIR / "communes_47.csv").open(encoding="utf-8") as handle:
        return [
            Commune(
                row["code"],
                row["nom"],
                int(row["population"] or 0),
                tuple(row["codes_postaux"].split()),
                row["epci"],
            )
            for row in csv.DictReader(handle)
        ]


def _from_package(departement: str, folder: Path) -> list[Commune]:
    communes = json.loads((folder / "communes.json").read_text(encoding="utf-8"))
    epci_of = {
        member["code"]: epci["nom"]
        for epci in json.loads((folder / "epci.json").read_text(encoding="utf-8"))
        for member in epci["membres"]
    }
    return [
        Commune(
            c["code"],
            c["nom"],
            int(c.get("population") or 0),
            tuple(c.get("codesPostaux", ())),
            epci_of.get(c["code"], ""),
        )
        for c in communes
        if c.get("departement") == departement and c.get("type") == "commune-actuelle"
    ]


def departement_map_svg(highlight: str = "47") -> str:
    """France's départements, one highlighted, from the SVG pygal_maps_fr ships."""
    svg = (
        resources.files("pygal_maps_fr").joinpath("fr.departments.svg").read_text(encoding="utf-8")
    )
    style = (
        "<style>.departement path{fill:#e8e8e8;stroke:#777;stroke-width:1}"
        f".z{highlight} path{{fill:#0b3d91;stroke:#000;stroke-width:2}}</style>"
        "<title>Carte des départements de France, le département "
        f"{highlight} en bleu foncé</title>"
    )
    return svg.replace(">", ">" + style, 1).replace(
        "<svg ", "<svg role='img' aria-label='Carte des départements' width='420' ", 1
    )
