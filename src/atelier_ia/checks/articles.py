"""References shaped like articles of a code (« L. 2121-29 », « R2121-9 », « article L311-3-1 »)
and the whitelist of real articles shipped with the project (checks/data/articles.json)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

# L. 2121-29, L.2121-29, L2121-29, L 2122-22, R. 311-3-1-1, and « L.2121.15 » as real records
# write it with dots; a number without its hyphen (« L.270 » of the code électoral) only right
# after « article », where it cannot be a postcode or a plot of land.
REFERENCE = re.compile(
    r"\b(?P<letter>[LRD])\.?\s?\*?(?P<number>\d{3,4}(?:[-.]\d{1,3}){1,3})\b"
    r"|\bart(?:icles?|\.)\s+(?P<letter2>[LRD])\.?\s?(?P<number2>\d{2,4})\b(?![-.]\d)"
)


@lru_cache(maxsize=1)
def known_articles() -> frozenset[str]:
    data = json.loads(
        resources.files("atelier_ia.checks")
        .joinpath("data/articles.json")
        .read_text(encoding="utf-8")
    )
    return frozenset(a for articles in data["codes"].values() for a in articles)


def normalise(letter: str, number: str) -> str:
    return f"{letter}{number.replace('.', '-')}"


def references(text: str) -> list[tuple[str, tuple[int, int]]]:
    found = []
    for m in REFERENCE.finditer(text):
        letter, number = m.group("letter") or m.group("letter2"), m.group("number")
        if number is None:
            number = m.group("number2")
            start = m.start("letter2")
        else:
            start = m.start()
        found.append((normalise(letter, number), (start, m.end())))
    return found


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
