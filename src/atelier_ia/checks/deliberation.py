"""Checks a draft délibération of a municipal council: its header, its counts, its structure
(visas, considérants, « DÉCIDE », numbered articles), its signatures, and that every amount,
date and name it states comes from what the person typed in the form. The model drafts; this
code verifies, and says which rule each finding comes from."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from atelier_ia.checks import reading
from atelier_ia.checks.articles import check_references
from atelier_ia.checks.findings import CheckFinding
from atelier_ia.checks.mention import check_mention
from atelier_ia.checks.placeholders import placeholders


@dataclass
class DeliberationForm:
    """What the person typed: the facts the draft may state, and nothing else."""

    objet: str = ""
    date_seance: str = ""
    date_convocation: str = ""
    en_exercice: int = 0
    presents: int = 0
    representes: int = 0
    votants: int = 0
    pour: int = 0
    contre: int = 0
    abstentions: int = 0
    secretaire: str = ""
    maire: str = ""
    # Context given to the model (amounts, names, reasons): facts the draft may repeat.
    contexte: str = ""
    extra: list[str] = field(default_factory=list)

    def text(self) -> str:
        return " ".join(
            [
                self.objet,
                self.date_seance,
                self.date_convocation,
                self.secretaire,
                self.maire,
                self.contexte,
                *self.extra,
            ]
        )


# The counts a délibération gives, read as real records write them (checks/reading.py).
NUMBER_LABELS = reading.COUNT_LABELS
MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    "novembre|décembre|decembre"
)
DATE = re.compile(
    rf"\b(?:\d{{1,2}}/\d{{1,2}}/\d{{4}}|(?:1er|\d{{1,2}})\s+(?:{MONTHS})\s+\d{{4}})\b", re.I
)
AMOUNT = re.compile(r"\b\d{1,3}(?:[  .]\d{3})*(?:,\d{1,2})?\s?(?:€|euros?\b)", re.I)
PERSON = re.compile(
    r"\b(?:M\.|Mme|Monsieur|Madame)[ \t]+(?P<name>[A-ZÀ-Ÿ][\w'’-]+(?:[ \t]+[A-ZÀ-Ÿ][\w'’-]+){0,2})"
)
ARTICLE = re.compile(r"^\s*Article\s+(?P<n>1er|\d+)\b", re.M | re.I)


def _fold(text: str) -> str:
    """Lower case, no accents, no spaces in numbers: « 12 500 € » and « 12500 euros » match."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"(?<=\d)[  .](?=\d{3}\b)", "", text).replace("euros", "€").replace("euro", "€")


def _count(text: str, label: str) -> tuple[int | None, tuple[int, int] | None]:
    """« Présents : 11 », « présents : onze », « 11 présents » (reading.count)."""
    return reading.count(text, label)


def check_deliberation(text: str, form: DeliberationForm | None = None) -> list[CheckFinding]:
    findings: list[CheckFinding] = []
    add = findings.append

    def present(rule: str, pattern: str, ok: str, missing: str, flags=re.I | re.M) -> bool:
        match = re.search(pattern, text, flags)
        if match:
            add(CheckFinding(rule, "ok", ok, match.span()))
        else:
            add(CheckFinding(rule, "erreur", missing))
        return bool(match)

    # -- header -------------------------------------------------------------------------------
    present(
        "deliberation.objet",
        r"^\s*objet\s*:\s*\S",
        "L'objet est indiqué.",
        "Il manque la ligne « Objet : » en tête de la délibération.",
    )
    # The form's digits first; then a real record's words (« le vingt-sept mars »).
    day = re.search(rf"(?:séance|réunion)[^.\n]{{0,40}}(?:{DATE.pattern})", text, re.I) or (
        reading.seance_date(text)
    )
    add(
        CheckFinding(
            "deliberation.date_seance", "ok", "La date de la séance est indiquée.", day.span()
        )
        if day
        else CheckFinding(
            "deliberation.date_seance",
            "erreur",
            "Il manque la date de la séance (« Séance du 12 mars 2025 »).",
        )
    )
    present(
        "deliberation.convocation",
        rf"convo\w*[^.\n]{{0,40}}(?:{DATE.pattern})",
        "La date de convocation est indiquée (CGCT, art. L2121-10).",
        "Il manque la date de convocation du conseil (CGCT, art. L2121-10 et L2121-12).",
    )
    named = reading.secretary(text)
    add(
        CheckFinding(
            "deliberation.secretaire",
            "ok",
            "Le ou la secrétaire de séance est nommé(e) (CGCT, art. L2121-15).",
            named.span(),
        )
        if named
        else CheckFinding(
            "deliberation.secretaire",
            "erreur",
            "Il manque le nom du ou de la secrétaire de séance (CGCT, art. L2121-15).",
        )
    )

    counts = {key: _count(text, label) for key, label in NUMBER_LABELS.items()}
    missing = [
        k for k in ("en_exercice", "presents", "representes", "votants") if counts[k][0] is None
    ]
    if missing:
        names = {
            "en_exercice": "en exercice",
            "presents": "présents",
            "representes": "représentés",
            "votants": "votants",
        }
        add(
            CheckFinding(
                "deliberation.effectifs",
                "erreur",
                "Il manque le nombre de membres " + ", ".join(names[k] for k in missing) + ".",
            )
        )
    else:
        add(
            CheckFinding(
                "deliberation.effectifs",
                "ok",
                "Les membres en exercice, présents, représentés et votants sont comptés.",
            )
        )
    value = {k: v[0] for k, v in counts.items()}
    span = {k: v[1] for k, v in counts.items()}
    unanimous = re.search(r"\bunanimité\b", text, re.I)

    if value["en_exercice"] is not None and value["presents"] is not None:
        second = re.search(
            r"(?:seconde|deuxième|nouvelle)\s+convocation|sans\s+condition\s+de"
            r"\s+quorum",
            text,
            re.I,
        )
        if value["presents"] > value["en_exercice"] / 2 or second:
            add(
                CheckFinding(
                    "deliberation.quorum",
                    "ok",
                    "Le quorum est atteint (CGCT, art. L2121-17).",
                    span["presents"],
                )
            )
        else:
            add(
                CheckFinding(
                    "deliberation.quorum",
                    "erreur",
                    f"Quorum non atteint : {value['presents']} présents pour "
                    f"{value['en_exercice']} en exercice. Il faut plus de la moitié "
                    "des membres en exercice, sinon une nouvelle réunion au moins trois "
                    "jours plus tard, qui doit être mentionnée (CGCT, art. L2121-17).",
                    span["presents"],
                )
            )
    elif reading.QUORUM_STATED.search(text):
        # « formant la majorité des membres en exercice »: stated in words, without counts.
        add(
            CheckFinding(
                "deliberation.quorum",
                "ok",
                "Le quorum est mentionné (CGCT, art. L2121-17).",
                reading.QUORUM_STATED.search(text).span(),
            )
        )
    else:
        add(
            CheckFinding(
                "deliberation.quorum",
                "erreur",
                "Rien ne dit que le quorum est atteint : donnez les membres en exercice et "
                "présents, ou écrivez-le (CGCT, art. L2121-17).",
            )
        )
    for tally, why in reading.contradictions(text):
        add(CheckFinding("deliberation.decompte", "erreur", why, tally.span))
    if value["representes"] is not None and value["presents"] is not None:
        if value["representes"] <= value["presents"]:
            add(
                CheckFinding(
                    "deliberation.pouvoirs",
                    "ok",
                    "Pas plus de pouvoirs que de présents (CGCT, art. L2121-20).",
                )
            )
        else:
            add(
                CheckFinding(
                    "deliberation.pouvoirs",
                    "erreur",
                    f"{value['representes']} membres représentés pour "
                    f"{value['presents']} présents : un conseiller ne peut recevoir "
                    "qu'un seul pouvoir (CGCT, art. L2121-20).",
                    span["representes"],
                )
            )
    votes = [value[k] for k in ("pour", "contre", "abstentions")]
    if value["votants"] is not None and all(v is not None for v in votes):
        total = sum(votes)  # type: ignore[arg-type]
        if total == value["votants"]:
            add(
                CheckFinding(
                    "deliberation.decompte", "ok", "Pour + contre + abstentions = votants."
                )
            )
        else:
            add(
                CheckFinding(
                    "deliberation.decompte",
                    "erreur",
                    f"Le décompte ne tombe pas juste : {votes[0]} pour + {votes[1]} "
                    f"contre + {votes[2]} abstentions = {total}, pour "
                    f"{value['votants']} votants.",
                    span["votants"],
                )
            )
    elif not unanimous:
        add(
            CheckFinding(
                "deliberation.decompte",
                "erreur",
                "Il manque le résultat du vote (pour, contre, abstentions) ou la "
                "mention « à l'unanimité ».",
            )
        )
    adopted = re.search(r"\badopt[ée]e?s?\b", text, re.I)
    if adopted and value["pour"] is not None and value["contre"] is not None:
        if value["pour"] > value["contre"]:
            add(
                CheckFinding(
                    "deliberation.majorite",
                    "ok",
                    "Adoptée à la majorité des suffrages exprimés (CGCT, art. L2121-20).",
                )
            )
        else:
            add(
                CheckFinding(
                    "deliberation.majorite",
                    "erreur",
                    f"« Adoptée » avec {value['pour']} pour et {value['contre']} "
                    "contre : il faut la majorité absolue des suffrages exprimés "
                    "(CGCT, art. L2121-20).",
                    adopted.span(),
                )
            )

    # -- body ---------------------------------------------------------------------------------
    if present(
        "deliberation.vu",
        r"^\s*vu\b",
        "Les visas (« Vu … ») sont là.",
        "Il manque les visas : au moins une ligne « Vu … » qui cite les textes.",
    ):
        present(
            "deliberation.vu_cgct",
            r"^\s*vu\b[^\n]*(?:code\s+général\s+des\s+collectivités\s+territoriales|CGCT)",
            "Un visa cite le code général des collectivités territoriales.",
            "Aucun visa ne cite le code général des collectivités territoriales (CGCT).",
        )
    # Only the doubtful references: the known ones need no line each.
    findings += [f for f in check_references(text, "deliberation.reference") if not f.passed]
    present(
        "deliberation.considerant",
        r"^\s*considérant\b",
        "Au moins un « Considérant » explique les motifs.",
        "Il manque les motifs : au moins un « Considérant … ».",
    )
    present(
        "deliberation.delibere",
        r"après\s+en\s+avoir\s+délibéré",
        "La formule « Après en avoir délibéré » est là.",
        "Il manque la formule « Après en avoir délibéré ».",
    )
    present(
        "deliberation.decide",
        r"\bDÉCIDE\b|\bDECIDE\b",
        "Le dispositif commence par « DÉCIDE ».",
        "Il manque « DÉCIDE » avant les articles.",
        flags=re.M,
    )
    numbers = [m.group("n") for m in ARTICLE.finditer(text)]
    expected = ["1er" if i == 1 else str(i) for i in range(1, len(numbers) + 1)]
    normalised = ["1er" if n.lower() in ("1", "1er") else n for n in numbers]
    if not numbers:
        add(
            CheckFinding(
                "deliberation.articles",
                "erreur",
                "Il manque les articles du dispositif (« Article 1er », « Article 2 »…).",
            )
        )
    elif normalised != expected:
        add(
            CheckFinding(
                "deliberation.articles",
                "erreur",
                f"Les articles ne se suivent pas : {', '.join(numbers)} au lieu de "
                f"{', '.join(expected)}.",
            )
        )
    else:
        add(
            CheckFinding(
                "deliberation.articles", "ok", f"{len(numbers)} article(s), numérotés dans l'ordre."
            )
        )
    signed = re.search(r"\ble\s+maire\b[^\n]*$", text[-600:], re.I | re.M) and re.search(
        r"secrétaire", text[-600:], re.I
    )
    if signed:
        add(
            CheckFinding(
                "deliberation.signature",
                "ok",
                "Le bloc de signature (maire et secrétaire de séance) est là (CGCT, "
                "art. L2121-23).",
            )
        )
    else:
        add(
            CheckFinding(
                "deliberation.signature",
                "erreur",
                "Il manque le bloc de signature du maire et du ou de la secrétaire de "
                "séance (CGCT, art. L2121-23).",
            )
        )
    for where, hole in placeholders(text):
        add(
            CheckFinding(
                "deliberation.trou",
                "erreur",
                f"Un emplacement à compléter est resté : « {hole} ».",
                where,
            )
        )

    # -- facts from the form --------------------------------------------------------------------
    if form is not None:
        source = _fold(form.text())
        for pattern, what in ((AMOUNT, "Le montant"), (DATE, "La date")):
            for m in pattern.finditer(text):
                if _fold(m.group()) not in source:
                    add(
                        CheckFinding(
                            "deliberation.hors_formulaire",
                            "erreur",
                            f"{what} « {m.group()} » ne vient pas du formulaire : "
                            "le modèle l'a peut-être inventé.",
                            m.span(),
                        )
                    )
        for m in PERSON.finditer(text):
            if _fold(m.group("name")) not in source:
                add(
                    CheckFinding(
                        "deliberation.hors_formulaire",
                        "erreur",
                        f"Le nom « {m.group('name')} » ne vient pas du formulaire : "
                        "le modèle l'a peut-être inventé.",
                        m.span("name"),
                    )
                )
        for key in (
            "en_exercice",
            "presents",
            "representes",
            "votants",
            "pour",
            "contre",
            "abstentions",
        ):
            stated = value[key]
            if stated is not None and stated != getattr(form, key):
                add(
                    CheckFinding(
                        "deliberation.hors_formulaire",
                        "erreur",
                        f"Le texte donne {stated} pour « {key.replace('_', ' ')} », le "
                        f"formulaire {getattr(form, key)}.",
                        span[key],
                    )
                )

    # -- an individual decision relying on an algorithm -------------------------------------
    if re.search(r"algorithm", text, re.I):
        missing_mention = [f for f in check_mention(text) if f.severity == "erreur"]
        if missing_mention:
            add(
                CheckFinding(
                    "deliberation.mention_algorithme",
                    "erreur",
                    "La décision s'appuie sur un algorithme : la mention explicite est "
                    "incomplète (CRPA, art. L311-3-1 et R311-3-1-1) — "
                    + " ".join(f.message for f in missing_mention),
                )
            )
        else:
            add(
                CheckFinding(
                    "deliberation.mention_algorithme",
                    "ok",
                    "La mention explicite prévue par le CRPA (art. L311-3-1) est complète.",
                )
            )
    return findings
