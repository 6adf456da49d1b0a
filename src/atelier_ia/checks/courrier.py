"""Checks a reply to a citizen's letter (« courrier à un usager ») for the elements an
administration's letter carries: an object line, a salutation, an actual answer, a way to get
in touch, a closing formula, and no placeholder left behind."""

from __future__ import annotations

import re

from atelier_ia.checks.findings import CheckFinding
from atelier_ia.checks.placeholders import placeholders

OBJECT = re.compile(r"^[ \t]*(?:Objet|OBJET)[ \t]*:[ \t]*\S.*$", re.M)
SALUTATION = re.compile(
    r"^[ \t]*(?:(?:Chère|Cher)[ \t]+)?(?:Madame|Monsieur|Mademoiselle|Mesdames|Messieurs)"
    r"(?:[ \t]+(?:la|le)[ \t]+\w+)?(?:[ \t]*,[ \t]*(?:Madame|Monsieur|Messieurs))?[ \t]*,",
    re.M,
)
CLOSING = re.compile(
    r"(?:(?:je|nous)\s+vous\s+prions?\s+d['’]agréer|veuillez\s+agréer|"
    r"recevez[^.]{0,80}(?:salutations|sentiments|considération)|"
    r"l['’]expression\s+de\s+(?:mes|nos)\s+(?:salutations|sentiments)|"
    r"(?:mes|nos)\s+salutations\s+(?:distinguées|respectueuses|les\s+meilleures))",
    re.I,
)
INFORMAL_CLOSING = re.compile(r"\b(?:cordialement|bien\s+à\s+vous|bonne\s+journée)\b", re.I)
CONTACT = re.compile(
    r"(?:\b0\d(?:[ .]?\d{2}){4}\b|[\w.+-]+@[\w-]+\.[\w.]+|\bcontacte[rz]\b|\bjoindre\b|"
    r"\baccueil\b|\bhoraires?\b|\bguichet\b|\bservice\s+(?:de|des|du)\b|\brendez-vous\b|"
    r"\bpermanence\b|\bsite\s+(?:internet|de\s+la)\b)",
    re.I,
)


def check_reply(text: str) -> list[CheckFinding]:
    """One finding per element, in the order a letter reads."""
    findings: list[CheckFinding] = []

    def found(
        rule: str, match: re.Match | None, ok: str, missing: str, severity: str = "erreur"
    ) -> None:
        if match is not None:
            findings.append(CheckFinding(rule, "ok", ok, match.span()))
        else:
            findings.append(CheckFinding(rule, severity, missing))  # type: ignore[arg-type]

    found(
        "courrier.objet",
        OBJECT.search(text),
        "Une ligne « Objet : » annonce le sujet.",
        "Il manque la ligne « Objet : … » qui dit en quelques mots de quoi parle la lettre.",
    )
    found(
        "courrier.formule_appel",
        SALUTATION.search(text),
        "La lettre s'ouvre par une formule d'appel (« Madame, », « Monsieur, »…).",
        "Il manque la formule d'appel (« Madame, », « Monsieur, ») en tête de lettre.",
    )

    body = _body(text)
    words = len(re.findall(r"\w+", body))
    sentences = len(re.findall(r"[.!?](?:\s|$)", body))
    if words >= 25 and sentences >= 2:
        findings.append(
            CheckFinding(
                "courrier.reponse", "ok", f"Le corps répond en {sentences} phrases ({words} mots)."
            )
        )
    else:
        findings.append(
            CheckFinding(
                "courrier.reponse",
                "erreur",
                f"Le corps de la lettre est trop court pour répondre ({words} mots, {sentences} "
                "phrases) : dites ce qui est décidé ou ce qui va se passer, et pourquoi.",
            )
        )

    found(
        "courrier.contact",
        CONTACT.search(text),
        "La lettre dit comment joindre la mairie ou le service.",
        "Il manque un moyen de contact (service, téléphone, courriel, horaires d'accueil).",
    )

    closing = CLOSING.search(text)
    if closing is not None:
        findings.append(
            CheckFinding(
                "courrier.politesse",
                "ok",
                "La lettre se termine par une formule de politesse.",
                closing.span(),
            )
        )
    else:
        informal = INFORMAL_CLOSING.search(text)
        if informal is not None:
            findings.append(
                CheckFinding(
                    "courrier.politesse",
                    "attention",
                    f"« {informal.group()} » convient à un courriel ; une lettre de la mairie se "
                    "termine plutôt par « Je vous prie d'agréer, Madame, l'expression de mes "
                    "salutations distinguées. »",
                    informal.span(),
                )
            )
        else:
            findings.append(
                CheckFinding(
                    "courrier.politesse",
                    "erreur",
                    "Il manque la formule de politesse finale (« Je vous prie d'agréer… »).",
                )
            )

    for where, hole in placeholders(text):
        findings.append(
            CheckFinding(
                "courrier.trou",
                "erreur",
                f"Un emplacement à compléter est resté dans le texte : « {hole} ».",
                where,
            )
        )
    return findings


def _body(text: str) -> str:
    """The letter without its object line, salutation and closing sentence."""
    body = OBJECT.sub("", text)
    body = SALUTATION.sub("", body)
    closing = CLOSING.search(body)
    if closing is not None:
        start = body.rfind(".", 0, closing.start()) + 1
        body = body[:start]
    return body
