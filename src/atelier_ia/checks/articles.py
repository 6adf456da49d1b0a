"""References shaped like articles of a code (« L. 2121-29 », « R2121-9 », « article L311-3-1 »)
and the whitelist of real articles shipped with the project (checks/data/articles.json)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

# L. 2121-29, L.2121-29, L2121-29, R. 311-3-1-1 ; the letter, then numbers joined by hyphens.
REFERENCE = re.compile(r"\b(?P<letter>[LRD])\.?\s?\*?(?P<number>\d{3,4}(?:-\d{1,3}){1,3})\b")


@lru_cache(maxsize=1)
def known_articles() -> frozenset[str]:
    data = json.loads(
        resources.files("atelier_ia.checks")
        .joinpath("data/articles.json")
        .read_text(encoding="utf-8")
    )
    return frozenset(a for articles in data["codes"].values() for a in articles)


def normalise(letter: str, number: str) -> str:
    return f"{letter}{number}"


def references(text: str) -> list[tuple[str, tuple[int, int]]]:
    return [
        (normalise(m.group("letter"), m.group("number")), m.span())
        for m in REFERENCE.finditer(text)
    ]


def check_references(text: str, rule: str = "references.article") -> list:
    """One finding per article reference: known (ok) or not in the list (perhaps invented)."""
    from atelier_ia.checks.findings import CheckFinding

    findings = []
    for reference, where in references(text):
        quoted = text[where[0] : where[1]]
        if reference in known_articles():
            findings.append(CheckFinding(rule, "ok", f"« {quoted} » est un article connu.", where))
        else:
            findings.append(
                CheckFinding(
                    rule,
                    "attention",
                    f"« {quoted} » n'est pas dans la liste des articles connus : il est peut-être "
                    "inventé. Vérifiez-le sur Légifrance.",
                    where,
                )
            )
    return findings
