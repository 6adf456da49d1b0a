"""Checks a procès-verbal of a council meeting and its « liste des délibérations » against the
rules in force since 1 July 2022 (ordonnance 2021-1310, décret 2021-1311: CGCT art. L2121-15
and L2121-25) and against the transcript: nothing the transcript does not say."""

from __future__ import annotations

import re
import unicodedata

from atelier_ia.checks import reading
from atelier_ia.checks.articles import check_references
from atelier_ia.checks.findings import CheckFinding
from atelier_ia.privacy import find

AGENDA_ITEM = re.compile(r"^\s*(\d+)[.)]\s+(?P<title>.+?)\s*$", re.M)
NUMBER = re.compile(r"\b\d{1,3}(?:[  ]\d{3})+(?:,\d+)?\b|\b\d+(?:,\d+)?\b")
STOPWORDS = {
    "de",
    "du",
    "des",
    "la",
    "le",
    "les",
    "l",
    "d",
    "à",
    "a",
    "pour",
    "et",
    "au",
    "aux",
    "en",
    "sur",
    "un",
    "une",
}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def agenda(transcript: str) -> list[str]:
    """The numbered agenda items of a transcript (« 1. Subvention à … »)."""
    return [m.group("title") for m in AGENDA_ITEM.finditer(transcript)]


def _keywords(title: str) -> list[str]:
    words = re.findall(r"[\wÀ-ÿ]+", _fold(title))
    return [w for w in words if w not in STOPWORDS and len(w) > 3][:4]


def _mentions(text: str, title: str) -> bool:
    """An item is covered if most of its main words appear in the text."""
    words = _keywords(title)
    folded = _fold(text)
    return bool(words) and sum(w in folded for w in words) >= max(1, (len(words) + 1) // 2)


def _numbers(text: str) -> set[str]:
    return {re.sub(r"[  ]", "", m.group()) for m in NUMBER.finditer(text)}


def inventions(output: str, transcript: str) -> list[tuple[str, str, tuple[int, int]]]:
    """Names and figures in the output that the transcript does not contain."""
    found = []
    known_numbers = _numbers(transcript)
    for m in NUMBER.finditer(output):
        value = re.sub(r"[  ]", "", m.group())
        # « 0 abstention » says what « aucune » said.
        if value != "0" and value not in known_numbers:
            found.append(("chiffre", m.group(), m.span()))
    folded = _fold(transcript)
    for finding in find(output):
        if finding.kind == "PERSONNE" and _fold(finding.text.split()[-1]) not in folded:
            found.append(("nom", finding.text, (finding.start, finding.end)))
    return sorted(found, key=lambda item: item[2])


def check_pv(pv: str, transcript: str | None = None, published: bool = True) -> list[CheckFinding]:
    """Check a procès-verbal; against its transcript when there is one (workshop 4), or on its
    own (a real record a trainer pastes), where only what the record itself says is read."""
    findings: list[CheckFinding] = []
    add = findings.append

    def found(rule: str, where: tuple[int, int] | None, ok: str, missing: str) -> None:
        add(CheckFinding(rule, "ok", ok, where) if where else CheckFinding(rule, "erreur", missing))

    def present(rule: str, pattern: str, ok: str, missing: str) -> None:
        match = re.search(pattern, pv, re.I | re.M)
        add(
            CheckFinding(rule, "ok", ok, match.span())
            if match
            else CheckFinding(rule, "erreur", missing)
        )

    head = pv[:300]
    title = re.search(r"compte[\s-]+rendu", head, re.I)
    if title:
        add(
            CheckFinding(
                "pv.titre",
                "erreur",
                "Depuis le 1er juillet 2022, le « compte rendu » du conseil n'existe plus : "
                "on rédige un procès-verbal (CGCT, art. L2121-15) et une liste des "
                "délibérations (art. L2121-25).",
                title.span(),
            )
        )
    else:
        present(
            "pv.titre",
            r"procès[\s-]+verbal",
            "Le document s'intitule « procès-verbal ».",
            "Intitulez le document « Procès-verbal de la séance du … ».",
        )
    day, hour = reading.seance_date(pv), reading.seance_hour(pv)
    if day and hour:
        add(
            CheckFinding(
                "pv.date_heure",
                "ok",
                "La date et l'heure de la séance sont indiquées.",
                hour.span(),
            )
        )
    else:
        lacking = " et ".join(w for w, m in (("la date", day), ("l'heure", hour)) if not m)
        add(CheckFinding("pv.date_heure", "erreur", f"Indiquez {lacking} de la séance."))
    present(
        "pv.president",
        r"présid\w*|sous\s+la\s+présidence",
        "La présidence de la séance est indiquée.",
        "Indiquez qui a présidé la séance.",
    )
    present(
        "pv.presents",
        r"\bprésents?\b",
        "Les membres présents sont indiqués.",
        "Indiquez les membres présents.",
    )
    present(
        "pv.representes",
        r"représenté|pouvoir|procuration",
        "Les membres représentés (pouvoirs) sont indiqués.",
        "Indiquez les membres représentés et à qui ils ont donné pouvoir.",
    )
    named = reading.secretary(pv)
    found(
        "pv.secretaire",
        named.span() if named else None,
        "Le ou la secrétaire de séance est indiqué(e) (CGCT, art. L2121-15).",
        "Indiquez le ou la secrétaire de séance (CGCT, art. L2121-15).",
    )
    stated = reading.quorum(pv)
    if stated.reached is None:
        add(
            CheckFinding(
                "pv.quorum", "erreur", "Mentionnez que le quorum est atteint (CGCT, art. L2121-17)."
            )
        )
    elif stated.reached:
        add(
            CheckFinding(
                "pv.quorum",
                "ok",
                f"Le quorum est établi : {stated.how} (CGCT, art. L2121-17).",
                stated.span,
            )
        )
    else:
        add(
            CheckFinding(
                "pv.quorum",
                "erreur",
                f"Quorum non atteint : {stated.how}. Le conseil ne délibère valablement que si "
                "plus de la moitié des membres en exercice est présente, sinon sur une seconde "
                "convocation (CGCT, art. L2121-17).",
                stated.span,
            )
        )
    heading = reading.agenda(pv)
    found(
        "pv.ordre_du_jour",
        heading.span() if heading else None,
        "L'ordre du jour est rappelé.",
        "Rappelez l'ordre du jour.",
    )
    items = agenda(transcript) if transcript else []
    # An item is treated when the body speaks of it, not when the agenda line lists it.
    body = re.sub(r"^.*ordre\s+du\s+jour.*$", "", pv, flags=re.I | re.M)
    for item in items:
        if _mentions(body, item):
            add(CheckFinding("pv.point", "ok", f"Le point « {item} » est traité."))
        else:
            add(
                CheckFinding(
                    "pv.point",
                    "erreur",
                    f"Le point « {item} » de l'ordre du jour n'apparaît pas dans le procès-verbal.",
                )
            )
    results = len(reading.outcomes(pv))
    if results >= max(1, len(items)):
        add(CheckFinding("pv.votes", "ok", "Le résultat de chaque vote est indiqué."))
    else:
        add(
            CheckFinding(
                "pv.votes",
                "erreur",
                f"{results} résultat(s) de vote pour {len(items)} point(s) : indiquez "
                "pour chaque délibération si elle est adoptée ou rejetée, et le "
                "décompte des voix.",
            )
        )
    for tally, why in reading.contradictions(pv):
        add(CheckFinding("pv.decompte", "erreur", why, tally.span))
    findings.extend(check_references(pv, rule="pv.reference"))
    if transcript is not None:
        if re.search(r"bulletin\s+secret", transcript, re.I):
            present(
                "pv.scrutin",
                r"bulletin\s+secret",
                "La demande de vote à bulletin secret figure au procès-verbal.",
                "La transcription contient une demande de vote à bulletin secret : le "
                "procès-verbal doit la mentionner.",
            )
        for kind, text, where in inventions(pv, transcript):
            add(
                CheckFinding(
                    "pv.invention",
                    "erreur",
                    f"Le {kind} « {text} » n'apparaît pas dans la transcription : le "
                    "modèle l'a peut-être inventé.",
                    where,
                )
            )
    if published:
        if re.search(r"intelligence\s+artificielle|\bIA\b|assist\w+\s+par|relu", pv, re.I):
            add(
                CheckFinding(
                    "pv.mention_ia",
                    "ok",
                    "Une note dit que le texte a été préparé avec une IA et relu.",
                )
            )
        else:
            add(
                CheckFinding(
                    "pv.mention_ia",
                    "attention",
                    "Ajoutez une note : « Projet préparé avec l'aide d'un outil d'IA, "
                    "relu et validé par le secrétaire de séance. » (transparence "
                    "envers le public).",
                )
            )
    return findings


def check_liste(liste: str, transcript: str) -> list[CheckFinding]:
    """One line per item of the agenda, each with « adopté » or « rejeté » (CGCT, L2121-25)."""
    findings: list[CheckFinding] = []
    lines = [line for line in liste.splitlines() if line.strip()]
    for item in agenda(transcript):
        line = next((line for line in lines if _mentions(line, item)), None)
        if line is None:
            findings.append(
                CheckFinding(
                    "liste.point",
                    "erreur",
                    f"La liste ne contient pas le point « {item} » (CGCT, art. L2121-25).",
                )
            )
        elif re.search(r"adopt|rejet|approuv", line, re.I):
            findings.append(
                CheckFinding("liste.point", "ok", f"« {item} » : une ligne, avec son résultat.")
            )
        else:
            findings.append(
                CheckFinding(
                    "liste.point",
                    "erreur",
                    f"La ligne du point « {item} » ne dit pas s'il est adopté ou rejeté.",
                )
            )
    return findings
