"""What the graded cells of the course call. Each function checks one thing of a learner's
answer with the project's checkers (never a model) and raises AssertionError with a French
message saying what is missing: nbgrader counts the cell as failed, and « Vérifier ma
réponse » shows the message."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from atelier_ia.checks.courrier import check_reply
from atelier_ia.checks.deliberation import check_deliberation
from atelier_ia.checks.figures import check_figures
from atelier_ia.checks.findings import CheckFinding
from atelier_ia.data.territory import load_communes


def _fold(text: str) -> str:
    text = text.replace("’", "'")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", plain.lower())


def _answered(texte: object, quoi: str) -> str:
    if not isinstance(texte, str) or not texte.strip():
        raise AssertionError(f"Vous n'avez pas encore écrit {quoi}.")
    return texte


def _fail_on(findings: list[CheckFinding], rules: tuple[str, ...] | None = None) -> None:
    wrong = [
        f
        for f in findings
        if f.severity == "erreur" and (rules is None or f.rule.startswith(rules))
    ]
    if wrong:
        raise AssertionError("\n".join(f"- {f.message}" for f in wrong))


# -- 1. A structured prompt, then the reply sent ---------------------------------------------

PROMPT_PARTS = {
    "un rôle (« Tu es… », « Vous êtes… », « En tant que… »)": re.compile(
        r"\b(?:tu es|vous etes|en tant que|joue le role|agis comme)\b"
    ),
    "le contexte (une ligne « Contexte : » ou ce que le modèle ne peut pas savoir)": re.compile(
        r"\bcontexte\b"
    ),
    "la tâche (« Rédige… », « Réponds… », ou une ligne « Tâche : »)": re.compile(
        r"\b(?:tache|redige[sz]?|reponds|ecris|repondez|redigez|ecrivez)\b"
    ),
    "le format attendu (une ligne « Format : », une longueur, une forme)": re.compile(
        r"\b(?:format|mots au plus|lignes?|sous (?:la )?forme|paragraphes?)\b"
    ),
}


def verifier_demande(demande: object) -> None:
    """The prompt has the four parts the workshop « Structurer une demande » teaches."""
    folded = _fold(_answered(demande, "votre demande au modèle"))
    missing = [part for part, pattern in PROMPT_PARTS.items() if not pattern.search(folded)]
    if missing:
        raise AssertionError("Il manque à votre demande : " + " ; ".join(missing) + ".")


def verifier_courrier(reponse: object) -> None:
    """The reply has what an administration's letter carries (the workshop's checker)."""
    _fail_on(check_reply(_answered(reponse, "la réponse au courrier")))


# -- 2. A faulty délibération, corrected -----------------------------------------------------

DELIBERATION_FAULTS = {
    "quorum": ("deliberation.quorum",),
    "decompte": ("deliberation.decompte", "deliberation.majorite", "deliberation.effectifs"),
    "secretaire": ("deliberation.secretaire", "deliberation.signature"),
}


def verifier_deliberation(texte: object, point: str) -> None:
    """One of the faults is gone: `point` is "quorum", "decompte", "secretaire" or
    "article" (no reference outside the list of real articles)."""
    findings = check_deliberation(_answered(texte, "la délibération corrigée"))
    objet = next((f for f in findings if f.rule == "deliberation.objet"), None)
    if objet is None or not objet.passed:
        raise AssertionError("La délibération doit garder sa ligne « Objet : ».")
    if point == "article":
        unknown = [f for f in findings if f.rule == "deliberation.reference" and not f.passed]
        if unknown:
            raise AssertionError("\n".join(f"- {f.message}" for f in unknown))
        return
    _fail_on(findings, DELIBERATION_FAULTS[point])


# -- 3. A question on the département's data -------------------------------------------------


def _epci_with_most_communes() -> tuple[str, int]:
    counts = Counter(c.epci for c in load_communes("47") if c.epci)
    return counts.most_common(1)[0]


def _distinctive(epci: str) -> str:
    """« CA Val de Garonne Agglomération » → « val de garonne »: what a person would write."""
    name = _fold(epci)
    name = re.sub(r"^(?:ca|cc|cu|communaute (?:de communes|d'agglomeration))\b\s*", "", name)
    name = re.sub(r"\b(?:agglomeration|du|de la|des|de|d')\s*$", "", name).strip()
    return re.sub(r"^(?:du|de la|des|de|d')\s*", "", name).strip()


def verifier_intercommunalite(reponse: object) -> None:
    """The answer names the intercommunality with the most communes, from the data."""
    epci, _ = _epci_with_most_communes()
    if _distinctive(epci) not in _fold(_answered(reponse, "votre réponse")):
        raise AssertionError(
            "Ce n'est pas l'intercommunalité qui compte le plus de communes dans les données "
            "(ou son nom n'apparaît pas tel qu'il est écrit dans le tableau)."
        )


def verifier_nombre_de_communes(reponse: object) -> None:
    """The answer gives that intercommunality's number of communes, and every figure it
    quotes is in the data."""
    texte = _answered(reponse, "votre réponse")
    _, count = _epci_with_most_communes()
    numbers = {int(n) for n in re.findall(r"\b\d+\b", texte)}
    if count not in numbers:
        raise AssertionError(
            "Le nombre de communes de cette intercommunalité n'est pas dans votre réponse, "
            "ou il n'est pas celui des données."
        )
    unknown = [f for f in check_figures(texte, load_communes("47")) if not f.passed]
    if unknown:
        raise AssertionError("\n".join(f"- {f.message}" for f in unknown))


# -- 4. The quiz on the law ------------------------------------------------------------------


def verifier_quiz(reponses: object, questions: dict[str, list[str]]) -> None:
    """Every question has one answer among its choices (the right ones are checked by the
    hidden tests, at grading time)."""
    if not isinstance(reponses, dict):
        raise AssertionError("Les réponses doivent rester sous la forme {« q1 » : « b », …}.")
    missing = [q for q in questions if not str(reponses.get(q) or "").strip()]
    if missing:
        raise AssertionError("Vous n'avez pas répondu à : " + ", ".join(missing) + ".")
    wrong = [q for q, choices in questions.items() if str(reponses[q]).strip() not in choices]
    if wrong:
        raise AssertionError(
            "Réponse hors des choix proposés pour : " + ", ".join(wrong) + " (une lettre)."
        )
