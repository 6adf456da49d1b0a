"""A table pasted as text, read by its header: the cells under « Nom », « Prénom » are people's
names, those under « Date de naissance » birth dates.

Exports and spreadsheets reach the mairie's agents as CSV (« Date;Nom;Prénom;Email »), tab-
separated rows or Markdown tables (« | Nom | Prénom | Classe | »). A cell alone (« Haddad »,
« Lina ») says nothing a detector can read; its column says it all. The header is a line with
two cells at least under one separator (« ; », a tab, « | » or « , »), one of them a name's or a
birth date's label; the rows are the lines right below with the same separator and as many
cells (a Markdown rule line, « |---|---| », skipped).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from atelier_ia.privacy.findings import Finding
from atelier_ia.privacy.french_words import without_accents
from atelier_ia.privacy.names import a_thing

SEPARATORS = (";", "\t", "|", ",")

# (accents and case folded, « (s) » and « (e) » dropped)
NAME_HEADER = re.compile(
    r"(?:nom|prenoms?|nom de famille|nom d'usage|nom de naissance|nom et prenoms?|nom prenoms?|"
    r"prenoms? nom|nom complet|(?:first|last|full|given|family) name|surname|name|nachname|"
    r"vorname|apellidos?|nombre)"
    r"(?: de l'enfant| du responsable| de l'adherent| du demandeur| de l'eleve| du beneficiaire)?"
)
# A column named after whom it lists (« Élève », « Responsable légal », « Titulaire »): its
# cells may also be a shop, a family's label or a kinship (« Fromagerie Chassaing », « sa
# mère »), which a « Nom » column does not hold
ROLE_HEADER = re.compile(
    r"eleves?|enfants?|responsables?(?: legal| legaux)?|representant legal|titulaires?|"
    r"demandeur|demandeuse|beneficiaires?|locataires?|adherents?|conjoints?|redevables?|"
    r"passagers?|benevoles?|participants?|declarants?|temoins?|residents?|parents?|pere|mere"
)
BIRTH_HEADER = re.compile(
    r"date de naissance|ne le|nee le|naissance|ddn|date of birth|dob|birth date|geburtsdatum|"
    r"fecha de nacimiento"
)
DATE_CELL = re.compile(
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:er)?\s+[a-zéû]+\.?\s+\d{4}", re.I
)
RULE_LINE = re.compile(r"[\s|:-]+")
LETTER = re.compile(r"[^\W\d_]")


PARTICLES = {"de", "du", "des", "la", "le", "van", "von", "der", "den", "da", "dos", "di", "del"}


def a_name_cell(cell: str) -> bool:
    """A name's cell: four words at most, no remark in brackets, and its words capitalised (or
    all in lower case, as some exports keep them), particles apart; not « Comité des fêtes de
    Mésanger », « SCI LES REMPARTS (gérant …) », « (nom illisible) »."""
    words = cell.split()
    # (nor « [PERSONNE_7] », the placeholder a pseudonymised table holds: found trying the
    # change as a user, the check after pseudonymising read it as a name left)
    if not LETTER.search(cell) or len(words) > 4 or any(c in cell for c in "()[]"):
        return False
    lower = [w for w in words if w[0].islower() and w not in PARTICLES]
    return not lower or len(lower) == len(words)


def _label(cell: str) -> str:
    cell = without_accents(cell).casefold().replace("(s)", "").replace("(e)", "e")
    return " ".join(re.sub(r"[^\w' ]+", " ", cell).replace("’", "'").split())


def _cells(text: str, start: int, end: int, separator: str) -> list[tuple[int, int]]:
    """The line's cells as spans, blanks and quotes around each left out."""
    spans, cell_start = [], start
    for i in range(start, end + 1):
        if i == end or text[i] == separator:
            a, b = cell_start, i
            while a < b and text[a] in " \t\"'":
                a += 1
            while b > a and text[b - 1] in " \t\"'":
                b -= 1
            spans.append((a, b))
            cell_start = i + 1
    return spans


def _column_kind(label: str) -> str | None:
    if NAME_HEADER.fullmatch(label):
        return "PERSONNE"
    if ROLE_HEADER.fullmatch(label):
        return "ROLE"
    return "DATE_NAISSANCE" if BIRTH_HEADER.fullmatch(label) else None


def _header(text: str, start: int, end: int) -> tuple[str, list[str | None]] | None:
    """The line's separator and what each of its columns holds, if it heads such a table."""
    for separator in SEPARATORS:
        if text.find(separator, start, end) < 0:
            continue
        cells = _cells(text, start, end, separator)
        if len(cells) < (3 if separator == "," else 2) or any(b - a > 40 for a, b in cells):
            continue
        kinds = [_column_kind(_label(text[a:b])) for a, b in cells]
        if any(kinds):
            return separator, kinds
    return None


# A listing in fixed-width columns, as old billing or civil-register software prints it
# (« NOM                 PRENOM      TEL »): its cells are runs of text two blanks apart, each
# under its column's label
GAP = re.compile(r"[ \t]{2,}")
CHUNK = re.compile(r"\S+(?: \S+)*")


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in CHUNK.finditer(text[start:end])]


def _fixed_width_cells(text: str, lines: list[tuple[int, int]], i: int) -> Iterator[Finding]:
    """Under a fixed-width header (line i), the rows' cells that start where a name's or a birth
    date's column does (two characters apart at most), until a blank line."""
    start, end = lines[i]
    if not GAP.search(text, start, end):
        return
    columns = [(a - start, _column_kind(_label(text[a:b]))) for a, b in _chunks(text, start, end)]
    if len(columns) < 3 or not any(kind for _, kind in columns):
        return
    previous_end = end
    for row_start, row_end in lines[i + 1 :]:
        if text.count("\n", previous_end, row_start) > 1:
            return  # a blank line: the listing is over
        for a, b in _chunks(text, row_start, row_end):
            kind = next((k for at, k in columns if k and abs(a - row_start - at) <= 2), None)
            if kind and (found := _cell(text, a, b, kind)):
                yield found
        previous_end = row_end


def _cell(text: str, a: int, b: int, kind: str) -> Finding | None:
    """The cell under a name's or a birth date's column, if its value is one."""
    value = text[a:b]
    if kind == "PERSONNE" and a_name_cell(value):
        return Finding(a, b, kind, value, "cellule d'une colonne « Nom » ou « Prénom »")
    if kind == "ROLE" and a_name_cell(value) and not value.islower() and not a_thing(value):
        why = "cellule d'une colonne qui nomme des personnes (« Élève », « Titulaire »)"
        return Finding(a, b, "PERSONNE", value, why)
    if kind == "DATE_NAISSANCE" and DATE_CELL.fullmatch(value):
        return Finding(a, b, kind, value, "cellule d'une colonne « Date de naissance »")
    return None


def table_cells(text: str) -> Iterator[Finding]:
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    i = 0
    while i < len(lines):
        header = _header(text, *lines[i])
        i += 1
        if header is None:
            yield from _fixed_width_cells(text, lines, i - 1)
            continue
        separator, kinds = header
        while i < len(lines):
            start, end = lines[i]
            if separator == "|" and RULE_LINE.fullmatch(text[start:end]):
                i += 1
                continue
            row = _cells(text, start, end, separator)
            if len(row) != len(kinds):
                break
            i += 1
            for kind, (a, b) in zip(kinds, row, strict=True):
                if kind and (found := _cell(text, a, b, kind)):
                    yield found
