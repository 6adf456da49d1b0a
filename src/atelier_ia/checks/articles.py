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
# A doubled separator (« L.2121.-7 ») is a typing slip: the same article; so are a dash other
# than the hyphen (« L 2122–22 », a word processor's) and spaces around it (« L 2122 - 22 »).
# A last group before « ° » is a paragraph (« L.2122-22-4° », the 4th delegation of L2122-22).
SEP = r"(?:[ \t]?[-.‐‑‒–—]{1,2}[ \t]?)"
GROUPS = rf"\d{{3,4}}(?:{SEP}\d{{1,3}}(?![\d°])){{1,3}}"
REFERENCE = re.compile(
    # (in lower case after « article(s) » or « à »: « des articles l214-1 à l214-6 »,
    # « l'article r.214-1 »)
    # (« L. ⏎ ⏎ 2122-8 »: after the letter's dot, a page break's blank line; « son article
    # L-123-6 » of a CCAS's record: a hyphen after the letter, right after « article », for
    # « n°D-2020-63 » is a deliberation's number)
    rf"\b(?P<letter>[LRD]|(?:(?<=article )|(?<=articles )|(?<=à ))[lr])"
    rf"(?:\.\s{{1,3}}|\.?\s?|(?:(?<=article [LRD])|(?<=articles [LRD]))-)\*?"
    # (« L. 2121-12du code », a copy that lost the blank before « du »)
    rf"(?P<number>{GROUPS})(?:\b|(?=d[ue]s?\s))"
    # (« DE L’ARTICLE L 2122 DU CODE », a heading in capitals)
    rf"|\b(?i:art(?:icles?|\.))\s+(?P<letter2>[LRD])\.?\s?(?P<number2>\d{{2,4}})\b(?!{SEP}\d)"
)


@lru_cache(maxsize=1)
def known_articles() -> frozenset[str]:
    data = json.loads(
        resources.files("atelier_ia.checks")
        .joinpath("data/articles.json")
        .read_text(encoding="utf-8")
    )
    # The hand-checked list (with the articles created since 2015) and the legislative parts.
    lists = [*data["codes"].values(), *data["legislative_parts"]["codes"].values()]
    return frozenset(a for articles in lists for a in articles)


# « les articles L. 2541-6 et 2541-7 »: the numbers after the first keep its letter.
CONTINUATION = re.compile(rf"\s*(?:,|\bet\b|\bou\b|\bà\b)\s*(?P<number>{GROUPS})\b")
# « aux articles L2121-10 et 12 du Code … »: after a plural « articles », a bare last group
# stands for the first number with that group changed (L2121-12), when the list ends there.
SHORT_CONTINUATION = re.compile(
    r"\s*(?:,|\bet\b|\bà\b)\s*(?P<number>\d{1,3})(?![\d°])\b"
    r"(?=\s*(?:\bdu\b|\bde\b|,|;|\)|\.|$|\bet\b\s*\d))"
)
# (« aux articles L.2121-10, L.2122-8 et L.5211-8 à 10 »: the list's word, some references back)
PLURAL_BEFORE = re.compile(r"\barticles\s(?:[^;\n]{0,80}\s)?$", re.I)
# « l'article 1650 du code général des impôts », « la loi n° 84-53 …, notamment l'article 25 »:
# an article of a text the list does not hold (checks/data/articles.json has codes the council
# records cite most). It is read, so that the checker does not treat it as a number, and not
# judged.
OTHER_TEXT_ARTICLE = re.compile(
    # « l'article 5 II » of a law: its paragraph in Roman figures
    r"\bart(?:icles?|\.)\s+(?P<number>\d{1,4}(?:-\d{1,3})*(?:\s+(?:bis|ter|[IVX]{1,4}))?)\b"
    r"(?![-.]\d)",
    re.I,
)
OTHER_TEXT_AFTER = re.compile(
    # (« l'article 4 de l'arrêté du 16 décembre susvisé »: a ministerial order's)
    r"[^.;\n]{0,40}?\b(?:du\s+code|de\s+la\s+loi|du\s+d[ée]cret|de\s+l['’]ordonnance|"
    r"de\s+l['’]arr[êe]t[ée]\s+(?:du|minist[ée]riel|interminist[ée]riel|pr[ée]fectoral)|"
    r"du\s+CGI|du\s+r[èe]glement\s+\(?(?:UE|CE))\b",
    re.I,
)
# The text named before, in the same sentence: « la loi précitée stipule : • dans l'article 8,
# que … ; • dans l'article 5 II que … » (a list's items end in « ; », the sentence in « . »).
TEXT_NAMED = re.compile(r"\b(?:loi|d[ée]cret|ordonnance|code)\b", re.I)
OTHER_TEXT_BEFORE = re.compile(TEXT_NAMED.pattern + r"[^.]{0,600}$", re.I)
# « La loi n° 2023-175 du 10 mars 2023 … vise à … . En particulier, son article 15 permet … »:
# the possessive points back to the text the sentence before named.
POSSESSIVE_BEFORE = re.compile(r"\b(?:son|ses|leur|leurs)\s+$", re.I)


def normalise(letter: str, number: str) -> str:
    return letter.upper() + re.sub(r"[ \t]?[-.‐‑‒–—]+[ \t]?", "-", number)


# « l'article L. 2125-1 du Code général de la propriété des personnes publiques »: an article
# of a code the list does not hold, whose numbers can look like the CGCT's.
NAMED_CODE = re.compile(r"[^.;\n]{0,25}?\bdu\s+code\s+(?P<name>[^.;,()\n]{3,60})", re.I)
LISTED_CODES = re.compile(
    r"g[ée]n[ée]ral\s+des\s+collectivit[ée]s|relations\s+entre\s+le\s+public|[ée]lectoral", re.I
)


def _of_another_code(text: str, end: int) -> bool:
    named = NAMED_CODE.match(text, end)
    return bool(named) and not LISTED_CODES.match(named.group("name"))


def references(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Articles the list can judge: those of the CGCT, the CRPA and the code électoral, as
    written, and the CGCT's written without their « L »."""
    found = []
    broken = [m.span() for m in SPLIT_NUMBER.finditer(text)]
    for m in REFERENCE.finditer(text):
        if _of_another_code(text, _list_end(text, m.end())):
            continue
        letter_at = m.start("letter2") if m.group("letter2") else m.start()
        if any(a <= letter_at < b for a, b in broken):
            continue  # « article L21 21-15 »: not an article « L21 », a broken number
        letter, number = m.group("letter") or m.group("letter2"), m.group("number")
        if number is None:
            number = m.group("number2")
            start = m.start("letter2")
        else:
            start = m.start()
        found.append((normalise(letter, number), (start, m.end())))
        end = m.end()
        while more := CONTINUATION.match(text, end):
            found.append((normalise(letter, more.group("number")), more.span("number")))
            end = more.end()
        if PLURAL_BEFORE.search(text, max(0, start - 90), start):
            head = normalise(letter, number).rsplit("-", 1)[0]
            while more := SHORT_CONTINUATION.match(text, end):
                found.append((f"{head}-{more.group('number')}", more.span("number")))
                end = more.end()
    for m in OTHER_TEXT_ARTICLE.finditer(text):
        if _cgct_without_letter(text, m):
            found.append((normalise("L", m.group("number")), m.span("number")))
    return sorted(found, key=lambda reference: reference[1])


# « l'article 2121-29 du CGCT », its « L » left out: still an article the list can judge.
# (« l'article 2122-18 ⏎ du Code Général des Collectivités Territoriales »: a line between)
CGCT_AFTER = re.compile(r"[^.;]{0,40}?(?:collectivit[ée]s\s+territoriales|\bCGCT\b)", re.I)


def _cgct_without_letter(text: str, m: re.Match) -> bool:
    return re.fullmatch(r"\d{4}-\d{1,3}(?:-\d{1,3})*", m.group("number")) is not None and bool(
        CGCT_AFTER.match(text, m.end())
    )


LETTERED_CONTINUATION = re.compile(rf"\s*(?:,|\bet\b|\bà\b)\s*[LRD]\.?\s?{GROUPS}\b")


def _list_end(text: str, end: int) -> int:
    """Past « et 2541-7 », « , L. 2121-30 » after a reference: where its code is named."""
    while (
        more := CONTINUATION.match(text, end)
        or SHORT_CONTINUATION.match(text, end)
        or LETTERED_CONTINUATION.match(text, end)
    ):
        end = more.end()
    return end


# « l'arrêté du 30 novembre 2015 23-51 du CGCT »: a number a copy garbled, cited as the code's;
# read, not judged (a four-digit one is the CGCT's without its « L », judged above).
CODE_NUMBER = re.compile(r"(?<![\w.-])(?P<number>\d{1,3}-\d{1,3})\s+du\s+(?:CGCT|code)\b", re.I)


# A copy that broke an article's number: a blank inside it (« L21 22-7-2 » for L2122-7-2,
# « L21 1-7 »), or its dash lost (« L 212112 » for L2121-12).
SPLIT_NUMBER = re.compile(
    rf"\bL\.?\s?(?P<head>\d{{1,3}})[ \t](?P<tail>\d{{1,3}})"
    rf"(?P<rest>(?:{SEP}\d{{1,3}}(?![\d°])){{1,3}})\b"
)
NO_DASH = re.compile(r"\bL\.?\s?(?P<digits>\d{5,7})\b")


def broken_references(text: str) -> list[tuple[str, str, tuple[int, int]]]:
    """References whose number the copy broke: (as written, the article it may be, where). The
    article is given only when the list knows it (« L 212112 » → L2121-12, « L21 22-10 » →
    L2122-10); otherwise it is empty, and the reference is read, not judged."""
    found = []
    for m in SPLIT_NUMBER.finditer(text):
        if len(m["head"] + m["tail"]) not in (3, 4):
            continue
        article = normalise("L", m["head"] + m["tail"] + m["rest"])
        found.append((m.group(), article if article in known_articles() else "", m.span()))
    for m in NO_DASH.finditer(text):
        digits = m["digits"]
        article = f"L{digits[:4]}-{digits[4:]}"
        if article in known_articles():
            found.append((m.group(), article, m.span()))
    return found


def other_text_references(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Articles of texts outside the list (a law, the code général des impôts, the code de la
    propriété des personnes publiques), as written."""
    found = [(m["number"], m.span("number")) for m in CODE_NUMBER.finditer(text)]
    for m in REFERENCE.finditer(text):
        if _of_another_code(text, _list_end(text, m.end())):
            found.append((text[m.start() : m.end()], (m.start(), m.end())))
    for m in OTHER_TEXT_ARTICLE.finditer(text):
        if _cgct_without_letter(text, m):
            continue
        possessive = POSSESSIVE_BEFORE.search(text, max(0, m.start() - 8), m.start())
        if (
            OTHER_TEXT_AFTER.match(text, m.end())
            or OTHER_TEXT_BEFORE.search(text, max(0, m.start() - 600), m.start())
            or (possessive and TEXT_NAMED.search(text, max(0, m.start() - 400), m.start()))
        ):
            found.append((text[m.start() : m.end()], m.span("number")))
    return found


OLD_NUMBERING = re.compile(r"L[1-4]\d\d-\d{1,3}(?:-\d{1,3})*")


def check_references(text: str, rule: str = "references.article") -> list:
    """One finding per article reference: known (ok) or not in the list (perhaps invented)."""
    from atelier_ia.checks.findings import CheckFinding

    findings = []
    for reference, where in references(text):
        quoted = text[where[0] : where[1]]
        if reference in known_articles():
            findings.append(CheckFinding(rule, "ok", f"« {quoted} » est un article connu.", where))
        elif "-" not in reference and any(a.startswith(reference + "-") for a in known_articles()):
            # « les articles L.1411 et suivants »: the numbers of a chapter, not one article.
            findings.append(
                CheckFinding(
                    rule, "ok", f"« {quoted} » désigne un chapitre d'articles connus.", where
                )
            )
        elif OLD_NUMBERING.fullmatch(reference):
            # « l'article L.121-12 du CGCT » (Boën-sur-Lignon, 2017): the CGCT's articles have
            # four digits; three are the code des communes' it replaced in 1996, or another
            # code's. Not invented: out of date, or of a code the list does not hold.
            findings.append(
                CheckFinding(
                    rule,
                    "ok",
                    f"« {quoted} » n'a pas la forme d'un article du CGCT (quatre chiffres) : "
                    "numérotation de l'ancien code des communes, remplacé par le CGCT en 1996, "
                    "ou article d'un autre code ; référence lue, non vérifiée.",
                    where,
                )
            )
        elif reference[0] in "RD":
            # The list holds the legislative articles records cite, and hardly any of the
            # regulatory part: an R or D article outside it is read, not judged.
            findings.append(
                CheckFinding(
                    rule,
                    "ok",
                    f"« {quoted} » : article de la partie réglementaire que le vérificateur ne "
                    "connaît pas ; référence lue, non vérifiée.",
                    where,
                )
            )
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
    for quoted, article, where in broken_references(text):
        findings.append(
            CheckFinding(
                rule,
                "ok",
                f"« {quoted} » : numéro abîmé par la copie"
                + (f", sans doute l'article {article}, connu" if article else "")
                + " ; référence lue, non vérifiée.",
                where,
            )
        )
    for quoted, where in other_text_references(text):
        findings.append(
            CheckFinding(
                rule,
                "ok",
                f"« {quoted} » : article d'un texte que le vérificateur ne connaît pas ; "
                "référence lue, non vérifiée.",
                where,
            )
        )
    return findings
