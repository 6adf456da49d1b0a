"""Names written in haste, all in lower case, as messages to a mairie often are: « slt c karim
du 2e », « je suis samia el amrani », « le chauffe eau de mme benhamou fuit ».

Capitals are what the other name detectors go by; here the cue is the words around: a civility
in lower case, or a known first name right after « je suis », « je m'appelle », « c'est »,
« moi c'est », « c » (texting), a word of kinship (« ma femme ophélie ») or a sign-off
(« merci, karim »). Words of the French stop list (spaCy's) end a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from atelier_ia.privacy.findings import Finding
from atelier_ia.privacy.names import first_names

LOWER_WORD = r"[a-zàâäçéèêëîïôöùûüÿœæáíóúãõñłśżźćńęą]+(?:['’-][a-zàâäçéèêëîïôöùûüÿœæáíóúãõñ]+)*"
PARTICLES = {"de", "du", "des", "d", "le", "la", "van", "von", "da", "di", "ben", "el", "al"}
# Words a civility is followed by that are not a name (« madame la maire », « monsieur le
# directeur »), besides the stop list.
TITLES = {
    "maire",
    "adjoint",
    "adjointe",
    "directeur",
    "directrice",
    "président",
    "présidente",
    "conseiller",
    "conseillère",
    "secrétaire",
    "responsable",
    "préfet",
    "préfète",
    "docteur",
    "bonjour",
    "merci",
}
CIVILITY = re.compile(rf"\b(?i:mme|mr|m\.|monsieur|madame|mlle|melle)[ \t]+(?={LOWER_WORD})")
INTRODUCTION = re.compile(
    r"\b(?:je\s+suis|je\s+m['’ ]?appelle|je\s+me\s+nomme|moi\s+c['’]?est|c['’]est|c|ici|"
    # « ma femme ophélie », « le mari de josiane »
    r"(?:ma|mon|mes|le|la|les)\s+(?:femme|mari|fils|fille|m[èe]re|p[èe]re|voisin|voisine|"
    r"fr[èe]re|s(?:œ|oe)ur|compagne|compagnon)(?:\s+d['’e])?|"
    r"merci|cordialement|signé|de\s+la\s+part\s+de)"
    rf"[ \t,:]+(?={LOWER_WORD})"
)
WORD = re.compile(LOWER_WORD)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.fr.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) - PARTICLES


def _known_first_name(word: str) -> bool:
    return "-".join(part.capitalize() for part in word.split("-")) in first_names()


def _name_from(text: str, start: int, words_at_most: int) -> tuple[int, int] | None:
    """The name that starts at ``start``: words that are not stop words, particles only between
    two of them; None if the first word cannot start a name."""
    stop = _stop_words()
    end, taken = start, 0
    position = start
    while taken < words_at_most:
        word = WORD.match(text, position)
        if not word or word.group() in stop or word.group() in TITLES:
            break
        if word.group() in PARTICLES:
            after = WORD.match(text, _past_blanks(text, word.end()))
            if taken == 0 or not after or after.group() in stop | PARTICLES:
                break
        else:
            end, taken = word.end(), taken + 1
        position = _past_blanks(text, word.end())
        if position == word.end():
            break  # no blank after it: punctuation or the end
    return (start, end) if end > start else None


def _past_blanks(text: str, position: int) -> int:
    return re.compile(r"[ \t]*").match(text, position).end()


def by_lowercase(text: str) -> Iterator[Finding]:
    for m in CIVILITY.finditer(text):
        first = WORD.match(text, m.end())
        # « mme benhamou »; « mr karim dupont »: two words when the first is a first name.
        most = 3 if _known_first_name(first.group()) else 1
        span = _name_from(text, m.end(), most)
        if span:
            yield _finding(text, span, "nom en minuscules après une civilité")
    for m in INTRODUCTION.finditer(text):
        first = WORD.match(text, m.end())
        if not _known_first_name(first.group()) or first.group() in _stop_words():
            continue
        span = _name_from(text, m.end(), 3)
        if span:
            yield _finding(text, span, "prénom connu en minuscules après « je suis », « c'est »…")


def _finding(text: str, span: tuple[int, int], why: str) -> Finding:
    return Finding(span[0], span[1], "PERSONNE", text[span[0] : span[1]], why)
