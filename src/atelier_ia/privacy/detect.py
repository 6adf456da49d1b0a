"""Find the personal data in a French text: every detector, then one finding per place."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from atelier_ia.privacy.cue_names import (
    after_a_role,
    by_address_owner,
    by_cue,
    by_english_cue,
    by_married_name,
    by_nickname_or_sender,
    by_parties,
)
from atelier_ia.privacy.famous_people import famous_spans
from atelier_ia.privacy.field_values import field_values
from atelier_ia.privacy.findings import Finding
from atelier_ia.privacy.names import (
    CIVILITY,
    NAME_DETECTORS,
    by_model,
    ends_a_place,
    historical,
    names_a_place,
    repeated_surnames,
)
from atelier_ia.privacy.nobodys import nobodys_removed
from atelier_ia.privacy.patterns import DETECTORS, births_after_names
from atelier_ia.privacy.quoted_printable import decoded_view
from atelier_ia.privacy.table_columns import table_cells
from atelier_ia.privacy.word_names import capitalised_alone, in_lower_case

# When two findings overlap, the one with the stronger evidence stays: checksums first, then
# shapes, then names (a street named after a person is an address).
PRIORITY = {
    "NIR": 0,
    "IBAN": 0,
    "SIRET": 0,
    "SIREN": 1,
    "EMAIL": 1,
    "TELEPHONE": 2,
    "PLAQUE": 2,
    "DATE_NAISSANCE": 2,
    "NUMERO_DOSSIER": 3,
    "ADRESSE": 4,
    "PERSONNE": 5,
}


# The commune the text is about, as it names it (« Conseil municipal de Murat », « mairie de
# Murat »): Murat is also a first name, but alone in that text it is the town.
COMMUNE_NAMED = re.compile(
    # (« la police municipale de Josselin », « le centre-ville de Josselin »)
    r"\b(?:[Mm]airie|[Cc]ommune|[Vv]ille|[Cc]onseil\s+municipal|CCAS|[Mm]aire|"
    r"[Pp]olice\s+municipale|[Cc]entre-ville)\s+"
    r"(?:de|d['’])\s*(?P<name>[A-ZÀ-Ÿ][\w'’-]+(?:[ ][A-ZÀ-Ÿ][\w'’-]+){0,2})"
)
# A town the text writes after a postcode (« 16700 Ruffec »): alone elsewhere in that text
# (« Dr Chabot, Ruffec », « gagnèrent Ruffec à pied »), the same word is the town.
TOWN_AFTER_POSTCODE = re.compile(
    r"(?<!\d)(?<!\d[ .])\d{5}[ \t]+(?P<name>[A-ZÀ-Ÿ][\w'’-]+(?:[ ][A-ZÀ-Ÿ][\w'’-]+){0,2})"
)
CIVILITY_BEFORE = re.compile(rf"\b{CIVILITY}\s*$")


def _the_commune(text: str, finding: Finding, communes: set[str]) -> bool:
    return finding.text in communes and not CIVILITY_BEFORE.search(
        text, max(0, finding.start - 12), finding.start
    )


def find(text: str, use_model: bool = True) -> list[Finding]:
    """Personal data in `text`, in reading order, without overlaps."""
    view = decoded_view(text)
    if view is None:
        return _found(text, use_model)
    decoded, starts, ends = view
    # (read decoded, put back where the encoded text has it)
    return [
        Finding(
            starts[f.start], ends[f.end - 1], f.kind, text[starts[f.start] : ends[f.end - 1]], f.why
        )
        for f in _found(decoded, use_model)
    ]


def _found(text: str, use_model: bool) -> list[Finding]:
    communes = {m["name"] for m in COMMUNE_NAMED.finditer(text)}
    communes |= {m["name"] for m in TOWN_AFTER_POSTCODE.finditer(text)}
    famous = famous_spans(text, CIVILITY_BEFORE)
    candidates: list[Finding] = []
    for detector in DETECTORS:
        candidates.extend(detector(text))
    candidates.extend(table_cells(text))
    candidates.extend(field_values(text))
    for detector in (
        *NAME_DETECTORS,
        by_cue,
        by_nickname_or_sender,
        by_english_cue,
        after_a_role,
        by_address_owner,
        by_parties,
        by_married_name,
        in_lower_case,
        capitalised_alone,
    ):
        candidates.extend(_likely_people(text, detector(text), communes, famous))
    if use_model:  # last: it reads only what the others left unexplained
        candidates.extend(_likely_people(text, by_model(text, candidates), communes, famous))
    kept = _resolve(candidates)
    kept = _resolve(
        kept + list(_likely_people(text, repeated_surnames(text, kept), communes, famous))
    )
    kept = _resolve(kept + list(births_after_names(text, kept)))
    return _joined(text, sorted(nobodys_removed(text, kept)))


# « du Morvan », « au Toursky », « les Pitchouns »: French puts no article before a person's
# name alone; one word after it is a region's, a place's or a thing's name.
# (in lower case: « Le Goff », « La Fontaine » are surnames)
ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:du|des|au|aux|le|la|les|l['’])[ \t]?$")


def _likely_people(
    text: str, found: Iterable[Finding], communes: set[str], famous: list[tuple[int, int]]
) -> Iterator[Finding]:
    """The names that may be someone the text is about: not a place's, the commune's, someone
    of history's or everyone knows, nor a word after an article."""
    for f in found:
        if (
            not any(f.start < end and start < f.end for start, end in famous)
            and not names_a_place(text, f.start)
            and not ends_a_place(text, f.start, f.end)
            and not historical(text, f.start, f.end)
            and not _the_commune(text, f, communes)
            and not (
                " " not in f.text and ARTICLE_BEFORE.search(text, max(0, f.start - 5), f.start)
            )
        ):
            yield f


# What may stand between two parts of one name: a blank, or a particle that French never
# writes between two people (« Ana Lúcia Ferreira dos Santos »; not « de »)
BETWEEN_PARTS = re.compile(
    r"[ \t](?:(?:dos|da|das|do|van(?: der| den)?|von|del|della|di|ter|ten) )?"
    # (« Titouan Le Cozannet »: a Breton surname's article, capitalised)
    r"|[ \t](?:Le|La) "
)


def _joined(text: str, findings: list[Finding]) -> list[Finding]:
    """Two names with a blank or a foreign particle between are one: « Angel Dela » and the
    surname found again elsewhere, « Cruz »."""
    out: list[Finding] = []
    for finding in findings:
        last = out[-1] if out else None
        if (
            last
            and last.kind == finding.kind == "PERSONNE"
            and BETWEEN_PARTS.fullmatch(text, last.end, finding.start)
        ):
            out[-1] = Finding(
                last.start, finding.end, "PERSONNE", text[last.start : finding.end], last.why
            )
        else:
            out.append(finding)
    return out


def _resolve(candidates: list[Finding]) -> list[Finding]:
    ranked = sorted(candidates, key=lambda f: (PRIORITY[f.kind], -(f.end - f.start), f.start))
    kept: list[Finding] = []
    for finding in ranked:
        if all(finding.end <= k.start or finding.start >= k.end for k in kept):
            kept.append(finding)
    return kept
