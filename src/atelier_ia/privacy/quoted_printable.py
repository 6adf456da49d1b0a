"""A mail pasted raw, its accents still encoded: read as its reader would, found where it is.

A mailbox that shows the source, or a forwarded message gone wrong, gives « From:
=?UTF-8?Q?Fran=C3=A7oise_B=C3=BChler?= » and « mes p=\\narents, Andr=C3=A9 B=C3=BChler »
(quoted-printable, RFC 2045 and 2047). No detector reads a name in that; decoded, « Françoise
Bühler » is plain. `decoded_view` gives the decoded text and, for each of its characters, where
it came from, so that what is found there is put back on the encoded text the user pasted.
"""

from __future__ import annotations

import re

# A UTF-8 letter written in quoted-printable: its lead byte, then its continuation bytes
ENCODED_LETTER = re.compile(r"=[C-F][0-9A-F]=[89AB][0-9A-F]")
ENCODED_WORD_START = re.compile(r"=\?utf-8\?q\?", re.I)
HEX_BYTE = re.compile(r"=([0-9A-F]{2})")


def _utf8_length(lead: int) -> int:
    return 1 if lead < 0x80 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4


def decoded_view(text: str) -> tuple[str, list[int], list[int]] | None:
    """The decoded text, and each of its characters' start and end in `text`; None when `text`
    shows no encoded letter (a text with « =C3=A9 » but no other sign stays as it is)."""
    if len(ENCODED_LETTER.findall(text)) < 2 and not ENCODED_WORD_START.search(text):
        return None
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    in_word = False
    i = 0
    while i < len(text):
        if not in_word and (word := ENCODED_WORD_START.match(text, i)):
            in_word, i = True, word.end()
            continue
        if in_word and text.startswith("?=", i):
            in_word, i = False, i + 2
            continue
        if text.startswith("=\n", i):
            i += 2  # a soft line break: the line goes on
            continue
        if byte := HEX_BYTE.match(text, i):
            lead = int(byte[1], 16)
            n = _utf8_length(lead)
            raw, j = bytearray([lead]), byte.end()
            while len(raw) < n and (more := HEX_BYTE.match(text, j)):
                raw.append(int(more[1], 16))
                j = more.end()
            try:
                chars.append(raw.decode("utf-8"))
            except UnicodeDecodeError:
                chars.append(text[i])
                j = i + 1
            starts.append(i)
            ends.append(j)
            i = j
            continue
        chars.append(" " if in_word and text[i] == "_" else text[i])
        starts.append(i)
        ends.append(i + 1)
        i += 1
    return "".join(chars), starts, ends
