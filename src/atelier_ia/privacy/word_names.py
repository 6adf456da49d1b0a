"""Names that no cue announces, told from words: a known first name that is not a French word
(« thierry », « Inès », but not « rose » or « Pierre », which are words too).

- In lower case, as messages typed in haste write them (« rappel : francisco javier ruiz veut
  louer le gymnase », « msg du placier : gulsen demande… »): the first name, and the words after
  it that are not French words either (the surname: « thierry kalonji »).
- Capitalised and alone in the middle of a sentence (« la cantine de Inès », « Bénévoles :
  Annaïg, Loeiz ») — a first name followed by a surname is `names.by_first_name`'s.

French words are told by `french_words.is_french_word`; places and businesses named after
someone (« salle Lina-Margy ») are filtered afterwards, as for every name detector.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from atelier_ia.privacy.cue_names import (
    FEASTS,
    LOWER_WORD,
    PARTICLES,
    TITLES,
    past_blanks,
    stop_words,
)
from atelier_ia.privacy.findings import Finding
from atelier_ia.privacy.french_words import is_french_word
from atelier_ia.privacy.names import CAP, NOT_NAMES, SENTENCE_START, insee_first_names

# Diminutives that sign quick messages (« sms de seb », « c flo de l'accueil »); none is a
# French word.
NICKNAMES = {
    "seb",
    "flo",
    "steph",
    "nico",
    "manu",
    "titi",
    "jeanno",
    "fredo",
    "mimi",
    "gigi",
    "lulu",
    "vivi",
    "nath",
    "cathy",
    "val",
    "momo",
    "dédé",
    "jerem",
    "juju",
    "jeje",
}
# First names that French messages mostly use as something else: abbreviations (« 10 places
# max »), words of other languages, cities, brands.
NOT_IN_LOWER_CASE = {
    "max",
    "mama",
    "lala",
    "ben",
    "al",
    "ted",
    "lys",
    "india",
    "nancy",
    "april",
    "june",
    "hope",
    "faith",
    "lucky",
    "sunny",
    "windy",
    "dusty",
    "candy",
    "dior",
    "santa",
    "messi",
    "rio",
    "tosca",
    "happy",
    "come",
    "july",
    # the State's AI service (« Albert / OpenGateLLM »), named in this platform's own pages
    "albert",
    # the labels of bank and identity numbers, which precede them in lower case too
    "iban",
    "rib",
    "bic",
}
# A word glued to these is part of an address, a file or a handle, not a name.
GLUED = "@./_\\:#"
LOWER = re.compile(LOWER_WORD)
CAPITALISED = re.compile(CAP)


@lru_cache(maxsize=1)
def given_in_france() -> frozenset[str]:
    """INSEE's first names, lower-cased; not the lists of other countries, whose names here
    would also be English or Turkish words (« server », « alone »)."""
    return frozenset(n.lower() for n in insee_first_names())


@lru_cache(maxsize=1)
def _english_stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _not_a_word_list_entry(word: str) -> bool:
    """Not in a stop list (French or English), nor a title, a particle, a known abbreviation."""
    return (
        word not in stop_words()
        and word not in _english_stop_words()
        and word not in NOT_IN_LOWER_CASE
        and word not in TITLES
        and word not in PARTICLES
    )


def _is_name_word(word: str) -> bool:
    return _not_a_word_list_entry(word) and not is_french_word(word)


def _alone(text: str, start: int, end: int) -> bool:
    """Not glued to an e-mail address, a web address, a file name or a hashtag."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return (
        before not in GLUED
        and after not in "@/_\\#+"  # (« Rémi+ », a service's brand)
        and not (after == "." and text[end + 1 : end + 2].isalnum())
    )


# (« nacida el 19 de julio de 1972 », « nascido a 12 de março de 1991 »: with « de » between)
DAY_BEFORE = re.compile(r"\b\d{1,2}[ \t]+(?:de[ \t]+)?$")
YEAR_AFTER = re.compile(r"[ \t]+(?:de[ \t]+)?\d{4}\b")


def in_lower_case(text: str) -> Iterator[Finding]:
    position = 0
    while word := LOWER.search(text, position):
        position = word.end()
        first = word.group()
        if word.start() and text[word.start() - 1].isalnum():
            continue  # inside a word
        if len(first) < 2:
            continue  # « I'm writing »: a letter alone (INSEE lists a few), no first name
        if not _alone(text, word.start(), word.end()) or first in FEASTS:
            continue
        if DAY_BEFORE.search(text, max(0, word.start() - 8), word.start()) and YEAR_AFTER.match(
            text, word.end()
        ):
            continue  # « geboren op 3 mei 1958 »: a month in another language
        start = word.start()
        if SAINT_BEFORE.search(text, max(0, start - 8), start):
            continue  # « j'habite … st marcel les annonay »: a place named after a saint
        if first in NICKNAMES:
            end = word.end()
        elif len(first) >= 3 and _given(first) and _is_name_word(first):
            end = _surname_end(text, word.end())
            start = _first_name_before(text, start)
        elif _given(first) and first not in FEASTS and _not_a_word_list_entry(first):
            # « olivier leclerc »: a first name that is also a word, then a surname
            end = _surname_end(text, word.end(), at_most=1, particles=False)
            if end == word.end():
                continue
            if _a_bond(first):
                start = past_blanks(text, word.end())  # « son papa anli »: the name is anli
        else:
            continue
        position = end
        yield Finding(
            start,
            end,
            "PERSONNE",
            text[start:end],
            "prénom connu en minuscules, qui n'est pas un mot français",
        )


def _given(word: str) -> bool:
    """« louis-marcel »: a compound is given when each part is (« saint-joseph » is a place)."""
    parts = word.split("-")
    return parts[0] not in ("saint", "sainte") and all(p in given_in_france() for p in parts)


PREVIOUS_LOWER = re.compile(rf"(?<![\w@./-])({LOWER_WORD})[ \t]$")


SAINT_BEFORE = re.compile(r"\b(?:st|ste|saint|sainte)[ \t]$", re.I)


def _a_bond(word: str) -> bool:
    """« papa », « tonton »: a word of kinship that is also a given name, not one here (« son
    papa anli »)."""
    from atelier_ia.privacy.names import PERSON_WORDS

    return word in PERSON_WORDS


def _first_name_before(text: str, start: int) -> int:
    """« jean luc »: a first name that is also a word (« jean ») right before another."""
    before = PREVIOUS_LOWER.search(text, max(0, start - 30), start)
    if before and _given(before[1]) and before[1] not in stop_words() and not _a_bond(before[1]):
        return before.start(1)
    return start


PRONOUN_JOINED = re.compile(r"-(?:vous|nous|moi|toi|le|la|les|lui|leur|y|en|je|tu|il|elle|on)$")


def _surname_end(text: str, end: int, at_most: int = 2, particles: bool = True) -> int:
    """« francisco javier ruiz », « nguyen van long »: the words after the first name that are
    not French words (a particle between two of them), two at most."""
    taken = 0
    while taken < at_most:
        after = past_blanks(text, end)
        if after == end or after - end > 2:
            break
        word = LOWER.match(text, after)
        if not word or not _alone(text, word.start(), word.end()):
            break
        if "'" in word.group() or "’" in word.group() or PRONOUN_JOINED.search(word.group()):
            break  # « iban c'est »; « romain adressez-vous », a verb and its pronoun
        if word.group() in PARTICLES and particles:
            following = LOWER.match(text, past_blanks(text, word.end()))
            if following and _is_name_word(following.group()):
                end, taken = following.end(), taken + 1
                continue
            break
        if not _is_name_word(word.group()) or len(word.group()) < 3:
            break
        end, taken = word.end(), taken + 1
    return end


# Words after which a lone first name names a firm, a club or a thing, not a person.
OWNERS = {
    "société",
    "entreprise",
    "entreprises",
    "établissements",
    "ets",
    "cabinet",
    "chez",
    "club",
    "association",
    "capitaine",
    "prix",
    "trophée",
    "fondation",
    "lecture",
}
# The capitalised word (or « Jardins d' ») right before: the first name is part of a longer
# name (« Victor Hugo », « BARRY Fatoumata Binta », « Les Jardins d'Aliénor »), found whole or
# not at all.
CAPITALISED_BEFORE = re.compile(rf"{CAP}[ \u00a0]+$|{CAP}[ \u00a0]+[dD]['’]$")
PREVIOUS_WORD = re.compile(r"([\w-]+)[ \u00a0]+$")
# « Hortense de Lasbordes »: a particle and a capitalised word after the first name.
PARTICLE_NAME = re.compile(rf"[ \u00a0]+(?:de|du|des|d['’]|da|van|von|ben|el)[ \u00a0]*{CAP}")


# « prénoms les plus donnés : Jade, Léo, Emma … », « le palmarès des prénoms »: first names
# cited as words, a register's statistics, no one's
NAMES_AS_WORDS = re.compile(
    r"\bpr[ée]noms\s+(?:les\s+)?plus\s+(?:donn|port|attribu|choisi|fr[ée]quent|populaire)\w*|"
    r"\b(?:palmar[èe]s|classement|top(?:\s+\d+)?)\s+des\s+pr[ée]noms",
    re.I,
)


def _names_as_words(text: str, start: int) -> bool:
    sentence = max(text.rfind(mark, 0, start) for mark in ".!?\n")
    return bool(NAMES_AS_WORDS.search(text, sentence + 1, start))


def capitalised_alone(text: str) -> Iterator[Finding]:
    for word in CAPITALISED.finditer(text):
        name = word.group()
        if not name[1:].islower() or name in NOT_NAMES or len(name) < 3:
            continue
        if name.lower() not in given_in_france() or not _is_name_word(name.lower()):
            continue
        if SENTENCE_START.search(text, max(0, word.start() - 3), word.start()):
            continue
        if not _alone(text, word.start(), word.end()):
            continue
        following = CAPITALISED.match(text, past_blanks(text, word.end()))
        if following and past_blanks(text, word.end()) - word.end() == 1:
            continue  # « Inès Martin »: by_first_name's, or a place's (« Lina Margy »)
        before = text[max(0, word.start() - 40) : word.start()]
        previous = PREVIOUS_WORD.search(before)
        if CAPITALISED_BEFORE.search(before) or (previous and previous[1].lower() in OWNERS):
            continue
        if text[word.end() : word.end() + 3] == " & ":
            continue  # « les épices Fatima & Filles »
        if _names_as_words(text, word.start()):
            continue
        end = word.end()
        if particle := PARTICLE_NAME.match(text, end):
            end = particle.end()
        yield Finding(
            word.start(),
            end,
            "PERSONNE",
            text[word.start() : end],
            "prénom connu, seul, qui n'est pas un mot français",
        )
