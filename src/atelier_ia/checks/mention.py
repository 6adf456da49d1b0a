"""Checks the explicit mention that an individual decision taken on the basis of an
algorithmic processing must carry (CRPA art. L311-3-1), for the elements art. R311-3-1-1 lists:
the purpose of the processing, the right to have its rules communicated, and how to exercise
that right (and, usefully, the CADA if the administration does not answer)."""

from __future__ import annotations

import re

from atelier_ia.checks.findings import CheckFinding

ALGORITHM = re.compile(r"\b(?:traitement\s+algorithmique|algorithme|traitement\s+automatis)", re.I)
PURPOSE = re.compile(
    r"\b(?:finalité|a\s+pour\s+(?:objet|but|finalité)|sert\s+à|permet\s+de|afin\s+de|"
    r"pour\s+(?:calculer|déterminer|attribuer|classer|évaluer|instruire|répartir))",
    re.I,
)
RULES_RIGHT = re.compile(
    r"(?:droit|pouvez|possibilité)[^.]{0,80}(?:communication|obtenir|connaître|demander)"
    r"[^.]{0,80}\brègles\b|\brègles\b[^.]{0,80}(?:communiquées|communiquer|sur\s+demande)",
    re.I,
)
HOW = re.compile(
    r"(?:en\s+(?:écrivant|vous\s+adressant|adressant)|par\s+(?:courrier|courriel|écrit)|"
    r"auprès\s+d[eu]|à\s+l['’]adresse|@|\bformulaire\b|\bguichet\b|\bservice\s+\w+)",
    re.I,
)
CADA = re.compile(r"\bCADA\b|commission\s+d['’]accès\s+aux\s+documents\s+administratifs", re.I)


def check_mention(text: str) -> list[CheckFinding]:
    findings: list[CheckFinding] = []

    def rule(
        name: str, match: re.Match | None, ok: str, missing: str, severity: str = "erreur"
    ) -> None:
        if match is not None:
            findings.append(CheckFinding(name, "ok", ok, match.span()))
        else:
            findings.append(CheckFinding(name, severity, missing))  # type: ignore[arg-type]

    rule(
        "mention.algorithme",
        ALGORITHM.search(text),
        "La mention dit que la décision repose sur un traitement algorithmique.",
        "Dites que la décision a été prise sur le fondement d'un traitement algorithmique "
        "(CRPA, art. L311-3-1).",
    )
    rule(
        "mention.finalite",
        PURPOSE.search(text),
        "La finalité du traitement est indiquée.",
        "Indiquez la finalité du traitement : à quoi il sert (CRPA, art. R311-3-1-1).",
    )
    rule(
        "mention.droit_aux_regles",
        RULES_RIGHT.search(text),
        "La mention rappelle le droit d'obtenir la communication des règles du traitement.",
        "Rappelez le droit d'obtenir la communication des règles qui définissent le traitement "
        "et de ses principales caractéristiques (CRPA, art. R311-3-1-1).",
    )
    rule(
        "mention.modalites",
        HOW.search(text),
        "La mention dit comment exercer ce droit (à qui, comment).",
        "Dites comment exercer ce droit : à quel service, par quel moyen (CRPA, art. R311-3-1-1).",
    )
    rule(
        "mention.cada",
        CADA.search(text),
        "La mention cite la CADA, à saisir si l'administration ne répond pas.",
        "Vous pouvez citer la CADA (Commission d'accès aux documents administratifs), à saisir "
        "en cas de refus ou de silence.",
        severity="attention",
    )
    return findings
