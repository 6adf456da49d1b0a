"""Checks the figures a model quotes when it comments territorial data: every number must come
from the data (a commune's population, a total, a count, an average), or be a plain rounding of
one; anything else is flagged."""

from __future__ import annotations

import re
import statistics
from collections import defaultdict

from atelier_ia.checks.findings import CheckFinding
from atelier_ia.data.territory import Commune

NUMBER = re.compile(r"\b\d{1,3}(?:[  .]\d{3})+\b|\b\d+(?:,\d+)?\b")


def facts(communes: list[Commune]) -> dict[float, str]:
    """Every figure one can read in the data, with what it is."""
    known: dict[float, str] = {}
    for c in communes:
        known.setdefault(c.population, f"population : {c.nom}")
    total = sum(c.population for c in communes)
    known[total] = "population totale"
    known[len(communes)] = "nombre de communes"
    populations = [c.population for c in communes]
    known[round(statistics.mean(populations))] = "population moyenne d'une commune"
    known[round(statistics.median(populations))] = "population médiane d'une commune"
    by_epci: dict[str, list[int]] = defaultdict(list)
    for c in communes:
        if c.epci:
            by_epci[c.epci].append(c.population)
    known[len(by_epci)] = "nombre d'intercommunalités"
    for epci, members in by_epci.items():
        known.setdefault(sum(members), f"population : {epci}")
        known.setdefault(len(members), f"nombre de communes : {epci}")
    for c in communes:
        share = round(100 * c.population / total, 1)
        known.setdefault(share, f"part de la population : {c.nom}")
    return known


def _value(text: str) -> float:
    return float(re.sub(r"[  .]", "", text).replace(",", "."))


def check_figures(comment: str, communes: list[Commune]) -> list[CheckFinding]:
    known = facts(communes)
    findings = []
    for m in NUMBER.finditer(comment):
        value = _value(m.group())
        if value in known:
            findings.append(
                CheckFinding(
                    "chiffres.exact",
                    "ok",
                    f"{m.group()} : {known[value]} (dans les données).",
                    m.span(),
                )
            )
            continue
        close = [
            (fact, what)
            for fact, what in known.items()
            if fact >= 1000 and abs(fact - value) <= 0.02 * fact
        ]
        if close and value % 100 == 0:
            fact, what = min(close, key=lambda item: abs(item[0] - value))
            findings.append(
                CheckFinding(
                    "chiffres.arrondi",
                    "attention",
                    f"{m.group()} : arrondi de {int(fact)} ({what}).",
                    m.span(),
                )
            )
        else:
            findings.append(
                CheckFinding(
                    "chiffres.introuvable",
                    "erreur",
                    f"{m.group()} : ce chiffre n'est pas dans les données "
                    "(inventé, ou calcul à vérifier).",
                    m.span(),
                )
            )
    return findings
