"""Findings that are a service's or the commune's, not a person's, told by what is around them.

A detector reads a shape (a number announced as a file, a phone number); whose it is, the text
around says: a reference with nobody near is the commune's own, a landline after « mairie » or
« office de tourisme » is the service's. These run once every detector has spoken, as they look
at the other findings (a name between the service and its number makes the number that
person's)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from atelier_ia.privacy.findings import Finding
from atelier_ia.privacy.patterns import ANNOUNCED_FILE

# A number announced as a file, an account or a reference is someone's only where the text
# speaks of someone: a name, an address, a phone… within a few lines, « votre », « mon », « je »,
# or, around the number, a paper that only a person holds (« passeport », « n° allocataire »,
# « Dossier de mariage », « compte famille »); or it is a planning application's. With nobody
# near, it is the commune's own (its loan, invoice, order, a poster's booking code): on the
# whole invented corpus, 98 such findings were wrong and none right.
NEAR_SOMEONE = 400
SOMEONE_WORDS = re.compile(r"\b(?:votre|vos|ton|ta|tes|mon|ma|mes|je|j['’]|moi)(?!\w)", re.I)
A_PERSONS_PAPER = re.compile(
    r"\b(?:client|abonn[ée]e?|allocataire|contribuable|usager|adh[ée]rente?|sinistre|bail|"
    r"[ée]lecteur|lecteur|lectrice|matricule|fiscal|avis\s+d['’]imposition|imp[ôo]ts?|NNE|"
    r"unique|titre\s+de\s+s[ée]jour|passeport|licence|demande\s+de\s+permis|"
    r"permis\s+(?:de\s+(?:construire|conduire|d[ée]tention)|G)|INE|famille|locataire|"
    r"b[ée]n[ée]ficiaire|foyer|payeur|d[ée]biteur|redevable|mariage|PACS|naissance|d[ée]c[èe]s|"
    r"identit[ée]|MDPH|CCAS|saisonnier|travail|[ée]l[èe]ve|patient|domiciliation|RUM|"
    r"mandat\s+SEPA|pr[ée]l[èe]vement)(?!\w)",
    re.I,
)
# A planning application's number (« DP-047-2025-118 », « PC-2021-6178 ») is its applicant's
PLANNING_PREFIX = re.compile(r"(?:PC|DP|PA|PD|CU)[ -]")
ABOUT_SOMEONE = {
    "PERSONNE", "EMAIL", "TELEPHONE", "ADRESSE", "NIR", "IBAN", "DATE_NAISSANCE", "PLAQUE",
}  # fmt: skip


def _someones(text: str, finding: Finding, kept: list[Finding]) -> bool:
    start = max(0, finding.start - NEAR_SOMEONE)
    end = finding.end + NEAR_SOMEONE
    return bool(
        any(k.kind in ABOUT_SOMEONE and start < k.start < end for k in kept)
        or SOMEONE_WORDS.search(text, start, end)
        or A_PERSONS_PAPER.search(text, max(0, finding.start - 80), finding.end + 40)
        or PLANNING_PREFIX.match(finding.text)
    )


# A landline or a special-rate number written right after a public service or a business's desk
# (« office de tourisme 03 89 37 96 20 », « police municipale 04 68 31 22 70 », « numéro vert
# 0 800 68 41 27 ») is the service's, not a person's; a mobile stays (an agent's « astreinte »
# is often their own phone), and so does a number after a name or « mon », « votre ».
SERVICE_BEFORE = re.compile(
    r"(?<![@.\w-])(?:mairie|h[ôo]tel\s+de\s+ville|standard|accueil|office\s+de\s+tourisme|"
    r"police\s+municipale|gendarmerie|num[ée]ro\s+vert|renseignements|r[ée]servations?|"
    r"services?\s+techniques|CCAS|m[ée]diath[èe]que|biblioth[èe]que|piscine|d[ée]ch[èe]terie|"
    r"astreinte|antipoison|urgences?|Enedis|GRDF|SOS|pharmacie|office|secr[ée]tariat|cabinet|"
    r"service)\b[^;\n,()]{0,30}[ \t:,(]*$",
    re.I,
)
SOMEONES_BEFORE = re.compile(r"\b(?:mon|ma|mes|votre|son|sa|perso|portable|domicile|fixe)\b", re.I)
SERVICE_REACH = 50


def _a_services_phone(text: str, finding: Finding, kept: list[Finding]) -> bool:
    number = finding.text.lstrip("(")
    if number.startswith("+") and not number.startswith("+33"):
        return False  # abroad, where the prefixes say other things
    digits = re.sub(r"\D", "", number).removeprefix("33")
    digits = digits if digits.startswith("0") else "0" + digits
    if len(digits) != 10 or digits[:2] in ("06", "07"):
        return False
    start = max(0, finding.start - SERVICE_REACH)
    if any(k.kind == "PERSONNE" and start <= k.start < finding.start for k in kept):
        return False  # « accueil du public — Martine Escudier, 04 92 61 73 05 »
    if digits.startswith("08"):
        return True  # special-rate numbers are services' (« 0 800 », « 08 92 »)
    service = SERVICE_BEFORE.search(text, start, finding.start)
    return bool(service) and not SOMEONES_BEFORE.search(text, service.start(), finding.start)


def nobodys_removed(text: str, kept: list[Finding]) -> Iterator[Finding]:
    """`kept` without the commune's own references and the services' phone numbers."""
    for finding in kept:
        if finding.why == ANNOUNCED_FILE and not _someones(text, finding, kept):
            continue
        if finding.kind == "TELEPHONE" and _a_services_phone(text, finding, kept):
            continue
        yield finding
