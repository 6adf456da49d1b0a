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


_UNITS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7}
_UNITS |= {"huit": 8, "neuf": 9}
_TEENS = {"dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15}
_TEENS |= {"seize": 16}
_TENS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}


def _below_twenty(tokens: list[str], i: int, joined) -> tuple[int, int]:
    """The value from 1 to 19 that starts at token i (« dix huit », « douze », « sept »), and
    the index past it; (0, i) when there is none."""
    word = tokens[i] if i < len(tokens) else ""
    if word == "dix" and joined(i + 1) and tokens[i + 1] in ("sept", "huit", "neuf"):
        return 10 + _UNITS[tokens[i + 1]], i + 2
    if word in _TEENS:
        return _TEENS[word], i + 1
    if word in _UNITS:
        return _UNITS[word], i + 1
    return 0, i


def number_groups(tokens: list[str], hyphens: list[bool]) -> list[tuple[int, int, int]]:
    """A number said in groups of at most two digits, as a phone number is dictated (« zéro six
    quatre-vingt-dix-sept trente et un »): each group's value, how many digits it stands for,
    and the index of its last token; it stops at the first token that starts no group.
    `hyphens[i]` says whether token i is joined to the one before by a hyphen. Where the text
    writes hyphens, a blank ends a group (« soixante dix-huit » is 60 and 18); where it writes
    none, as a text message does, a tens word takes the unit after it (« trente huit » is 38)."""
    spaced = not any(hyphens)

    def joined(i: int) -> bool:
        return i < len(tokens) and (spaced or hyphens[i])

    groups, i = [], 0
    while i < len(tokens):
        word = tokens[i]
        if word in ("zéro", "zero"):
            groups.append((0, 1, i))
            i += 1
            continue
        if word == "quatre" and joined(i + 1) and tokens[i + 1] in ("vingt", "vingts"):
            extra, j = _below_twenty(tokens, i + 2, joined) if joined(i + 2) else (0, i + 2)
            groups.append((80 + extra, 2, j - 1))
            i = j
            continue
        if word in _TENS:
            base, j = _TENS[word], i + 1
            # (« vingt et un », « soixante et onze »: « et » only before one or eleven)
            if j + 1 < len(tokens) and tokens[j] == "et" and tokens[j + 1] in ("un", "une", "onze"):
                j += 1
                extra, j = _below_twenty(tokens, j, joined)
            elif not joined(j):
                extra = 0
            elif base == 60:
                extra, j = _below_twenty(tokens, j, joined)
            elif tokens[j] in _UNITS:
                extra, j = _UNITS[tokens[j]], j + 1
            else:
                extra = 0
            groups.append((base + extra, 2, j - 1))
            i = j
            continue
        value, j = _below_twenty(tokens, i, joined)
        if j == i:
            break
        groups.append((value, 1 if value < 10 else 2, j - 1))
        i = j
    return groups
