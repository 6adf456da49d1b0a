"""Someone everyone knows: « Frédéric Mistral », « Colbert », « Richard Cœur de Lion ».

A town's history panel, a school's namesake, a festival's programme name people of history and
of the arts in the same shapes as residents; no context word tells them apart (« Colbert fonda
la manufacture »). `data/famous_people.txt` lists about 9,000 of them, written from general
knowledge in two rounds by people who had seen neither the detector nor its evaluation sets
(the second added actors, musicians, authors, sportspeople and regional figures): full names
first, then, after « # mononyms », the single names that alone almost always mean the famous
person (« Voltaire », « Vauban »; not « Rousseau » or « Pasteur », ordinary surnames or words).

The text is read for those names written whole, capitalised; a name candidate that overlaps
one is dropped, so that a detector's part of it (« Richard Cœur », « Emmanuel » of « Emmanuel
Mounier ») goes too. Not after a civility (« Mme Colbert », « M. Victor Hugo » are someone the
text is about), nor a name with a word in capitals, as council lists write their members
(« Bernard CAZENEUVE », « Présents : COLBERT, … »), nor in lower case, as a chat writes people
(« claudel »), nor a name that another capitalised word continues (« Victor Hugo Durand »). A
resident who shares a famous person's whole name is missed: rare, and a reader would hesitate
too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from atelier_ia.privacy.french_words import without_accents

LIST = "data/famous_people.txt"
MONONYMS = "# mononyms"

# A word of a name: letters, with its inner apostrophes and hyphens (« d'Arc », « Saint-Exupéry »)
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
BLANK = re.compile(r"[ \t]+")


def _key(name: str) -> str:
    """« Frédéric  Mistral », « FRÉDÉRIC MISTRAL », « Saint-Exupéry »: one form for each."""
    name = without_accents(name.replace("œ", "oe").replace("Œ", "Oe")).casefold()
    return " ".join(re.split(r"[\s\-‐–]+", name.replace("’", "'")))


@lru_cache(maxsize=1)
def _entries() -> tuple[frozenset[str], frozenset[str], frozenset[str], int]:
    """The full names, the single names, every name's first word, and the most words a full
    name has."""
    full: set[str] = set()
    single: set[str] = set()
    target = full
    text = resources.files("atelier_ia.privacy").joinpath(LIST).read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if line == MONONYMS:
            target = single
        elif line and not line.startswith("#"):
            target.add(_key(line))
    longest = max(len(WORD.findall(name)) for name in full)
    firsts = {_key(WORD.match(name).group()) for name in full | single}
    return frozenset(full), frozenset(single), frozenset(firsts), longest


def _name_goes_on(text: str, words: list, i: int, last: int, both_sides: bool) -> bool:
    """« Victor Hugo Durand », « Jean Colbert »: a capitalised word right after the name (or,
    for a single name, right before it) makes it someone else's longer name."""

    def capitalised(k: int) -> bool:
        return words[k].group()[0].isupper()

    after = last + 1 < len(words) and (
        BLANK.fullmatch(text, words[last].end(), words[last + 1].start()) and capitalised(last + 1)
    )
    before = (
        both_sides
        and i > 0
        and BLANK.fullmatch(text, words[i - 1].end(), words[i].start())
        and capitalised(i - 1)
    )
    return bool(after or before)


def famous_spans(text: str, civility_before: re.Pattern[str]) -> list[tuple[int, int]]:
    """Where the text names someone famous, longest names first; `civility_before` matches a
    civility ending where a name starts."""
    full, single, firsts, longest = _entries()
    words = list(WORD.finditer(text))
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        first = words[i]
        found = None
        if (
            first.group()[0].isupper()
            and _key(first.group()) in firsts
            and not civility_before.search(text, max(0, first.start() - 12), first.start())
        ):
            for last in range(min(len(words), i + longest) - 1, i - 1, -1):
                if any(
                    not BLANK.fullmatch(text, words[k].end(), words[k + 1].start())
                    for k in range(i, last)
                ):
                    continue  # a name's words stand on one line, blanks between
                name = text[first.start() : words[last].end()]
                key = _key(name)
                if (
                    (key in full or (last == i and key in single))
                    and not any(len(w) > 1 and w.isupper() for w in name.split())
                    and not _name_goes_on(text, words, i, last, both_sides=key not in full)
                ):
                    found = last
                    break
        if found is None:
            i += 1
        else:
            spans.append((first.start(), words[found].end()))
            i = found + 1
    return spans
