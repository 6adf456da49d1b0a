"""Places left to fill in a draft: « [Nom] », « XXX », « … », « <date> », « {montant} »."""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"\[[^\]\n]{0,40}\]|\bX{3,}\b|\.\.\.|…|<[^>\n]{1,30}>|\{[^}\n]{1,30}\}")


def placeholders(text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in PLACEHOLDER.finditer(text)]
