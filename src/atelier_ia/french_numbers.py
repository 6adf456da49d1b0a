"""Numbers as French writes them in words: « vingt et une », « quatre-vingt-dix-huit »,
« mil neuf cent quatre vingt dix huit ». Council records write counts, dates and hours so; a
message dictated to a phone writes phone numbers so (« zéro six douze quarante-huit … »)."""

from __future__ import annotations

import re

_VALUES = {
    "zéro": 0,
    "un": 1,
    "une": 1,
    "premier": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "vingts": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "cent": 100,
    "cents": 100,
    "mil": 1000,
    "mille": 1000,
}
WORD = "|".join(sorted(_VALUES, key=len, reverse=True))
# « vingt et une », « quatre-vingt-dix-huit », « mil neuf cent quatre vingt dix huit ».
NUMBER_WORDS = rf"(?:{WORD})(?:(?:[\s-]+et)?[\s-]+(?:{WORD}))*"


def words_value(words: str) -> int | None:
    """The value of a number written in French words, or None if it is not one."""
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t and t != "et"]
    if not tokens or any(t not in _VALUES for t in tokens):
        return None
    total = current = 0
    for token in tokens:
        value = _VALUES[token]
        if value == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif value == 100:
            current = max(current, 1) * 100
        elif value == 20 and current % 100 == 4:  # quatre-vingt(s)
            current += 76
        else:
            current += value
    return total + current
