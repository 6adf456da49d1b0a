"""A record exported by software, read by its fields' names: the values of a person's name
fields are people's names.

A mairie's agents paste what their software exports: JSON from an online form (« "nom":
"Vignaud", "prenom": "Gaspard" »), XML from the civil register or the electoral roll
(« <nomNaissance>KARAKAYA</nomNaissance> »), a form's data (« nom=Lefort »), a phone's contacts
as vCard (« N:Le Moal;Fañch;;; »), a calendar's invitation (« ORGANIZER;CN="Tharshan
Sivakumar" »), a directory's LDIF (« sn: Jaffard »), a database's dump (« INSERT INTO famille
(nom_resp1, prenom_resp1, …) VALUES ('HOUOT', 'Aurélie', …) »), a PDF form's data (« /T (nom)
/V (POUGET) »). A value alone (« Gaspard ») says nothing a detector can read; its field's name
says it all, as a table's header does (table_columns.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote_plus

from atelier_ia.privacy.findings import Finding
from atelier_ia.privacy.french_words import without_accents
from atelier_ia.privacy.names import a_thing
from atelier_ia.privacy.table_columns import DATE_CELL, a_name_cell

WHY = "valeur d'un champ de nom dans un export (JSON, XML, SQL, formulaire, vCard, agenda)"
WHY_BIRTH = "valeur d'un champ « date de naissance » dans un export (SQL)"

# A field's name, its words split (« nomNaissance », « last_name », « given-name ») and folded
NAME_FIELD = re.compile(
    r"(?:nom|noms|prenoms?|nom prenoms?|name|first ?name|last ?name|given ?name|family ?name|"
    r"surname|full ?name|display ?name|nachname|vorname|apellidos?|nombre|cn|sn)"
    r"(?: (?:de |d')?(?:naissance|usage|famille|jeune fille|contact|complet|epouse|marital))?"
)
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")

# « "nom": "Vignaud" » (JSON), « nom="Oudot" » (an XML attribute): quoted
QUOTED = re.compile(
    r"\"?(?P<key>[A-Za-z][\w.-]{0,30})\"?[ \t]*[:=][ \t]*\"(?P<value>[^\"\n]{1,60})\""
)
# « <nomNaissance>KARAKAYA</nomNaissance> » (XML)
ELEMENT = re.compile(
    r"<(?P<key>[A-Za-z][\w.:-]{0,30})(?:[ \t][^<>\n]*)?>(?P<value>[^<>\n]{1,60})</(?P=key)>"
)
# « nom=Lefort », « &prenom=Josselin » (a form's data, URL-encoded or one field a line)
FORM = re.compile(
    r"(?:^|(?<=[&?]))(?P<key>[A-Za-z][\w.-]{0,30})=(?P<value>[^&\s\"][^&\n]{0,59})", re.M
)
# « sn: Jaffard » (LDIF), « prenom: Inmaculada » (a form's notification), one field a line;
# indented, perhaps a list's item, its value perhaps quoted (YAML: « - nom: 'FERREIRA LOPES' »)
LDIF = re.compile(
    r"^[ \t]*(?:-[ \t]+)?(?P<key>[A-Za-z][\w.-]{0,30}):[ \t]*(?P<value>[^\n\[{]{1,60})$", re.M
)
# A YAML or JSON list of names: « prenoms: ["Baptistine", "Angèle"] »
NAME_LIST = re.compile(
    r"\"?(?P<key>[A-Za-z][\w.-]{0,30})\"?[ \t]*:[ \t]*\[(?P<items>[^\]\n]{1,200})\]"
)
LIST_ITEM = re.compile(r"[\"'](?P<value>[^\"'\n]{1,60})[\"']")
# An XML element whose one attribute holds the value: « <Nom V="SCHIRRMEISTER"/> » (the
# Treasury's PES flows), « <prenom value="Rúben"/> »
ATTRIBUTE = re.compile(
    r"<(?P<key>[A-Za-z][\w.:-]{0,30})[ \t]+(?:V|v|value|val)=\"(?P<value>[^\"\n]{1,60})\""
)
# An HTML page's label then value: « <th>Nom</th><td>Riehl</td> », « <dt>Prénom</dt><dd>… »,
# « <label>Nom</label><input name="nom" value="Haddou-Vinson"> »
HTML_PAIR = re.compile(
    r"<(?:th|td|dt|label|b|strong)\b[^<>\n]*>[ \t]*(?P<key>[^<>\n]{1,30}?)[ \t]*:?[ \t]*"
    r"</(?:th|td|dt|label|b|strong)>\s*<(?:td|dd|span)\b[^<>\n]*>(?P<value>[^<>\n]{1,60})"
    r"</(?:td|dd|span)>"
)
INPUT = re.compile(
    r"<input\b[^<>\n]*?\bname=\"(?P<key>[^\"\n]{1,30})\"[^<>\n]*?\bvalue=\"(?P<value>[^\"\n]{1,60})\""
)
# A program's dump of an array (PHP's print_r): « [nom] => Vasseur »
PRINT_R = re.compile(
    r"\[(?P<key>[A-Za-z][\w.-]{0,30})\][ \t]*=>[ \t]*(?P<value>[^\n]{1,60})$", re.M
)
# A passport's machine-readable line (ICAO 9303): « P<FRAESCANDE<<MATHILDE<LOUISE<<<<… »:
# the surname, « << », the given names, « < » for each blank
MRZ = re.compile(
    r"^P[A-Z<][A-Z<]{3}(?P<surname>[A-Z]+(?:<[A-Z]+)*)<<(?P<given>[A-Z]+(?:<[A-Z]+)*)<*[ \t]*$",
    re.M,
)
WHY_MRZ = "nom de la ligne lisible par machine d'un passeport"
# « << /T (nom_naissance) /V (POUGET) >> » (a PDF form's data, FDF)
FDF = re.compile(r"/T[ \t]*\((?P<key>[^()\n]{1,30})\)[ \t]*/V[ \t]*\((?P<value>[^()\n]{1,60})\)")
# « INSERT INTO famille (id, nom_resp1, prenom_resp1, …) VALUES ('FAM0311', 'HOUOT', … ), … »
INSERT = re.compile(
    r"INSERT[ \t]+INTO[ \t]+\S+[ \t]*\((?P<columns>[^()]{1,800})\)\s*VALUES\s*", re.I
)
ROW_GAP = re.compile(r"\s*,\s*")
SQL_VALUE = re.compile(r"\s*(?:'(?P<quoted>(?:[^'\\\n]|''|\\.)*)'|(?P<bare>[^,()\s]+))\s*")
# vCard: « N:family;given;additional;prefix;suffix », « FN:full name »
VCARD_N = re.compile(r"^N(?:;[^:\n]*)?:(?P<value>[^\n]*)$", re.M)
VCARD_FN = re.compile(r"^FN(?:;[^:\n]*)?:(?P<value>[^\n]{1,80})$", re.M)
ACRONYM = re.compile(r"[A-Z]{2,3}")
# iCalendar: an organiser's or attendee's common name, quoted or not
ICAL_CN = re.compile(
    r"^(?:ORGANIZER|ATTENDEE)[^\n]*?;CN=(?:\"(?P<quoted>[^\"\n]{1,60})\"|(?P<value>[^;:\n]{1,60}))",
    re.M,
)


# A bare « name » or « nom » may be a thing's (« "name": "Marché de Noël" », an event's)
BARE = {"nom", "noms", "name", "cn"}
GIVEN_NEAR = 200


# Whose the field is, in a column's name (« nom_resp1 », « resp_prenom », « nomEnfant »)
WHOSE = {"resp", "responsable", "parent", "pere", "mere", "enfant", "eleve", "titulaire"}
WHOSE |= {"demandeur", "beneficiaire", "adherent", "agent", "conjoint", "tuteur", "legal"}
BIRTH_FIELD = re.compile(
    r"date (?:de )?naiss(?:ance)?|naiss(?:ance)?|ddn|date of birth|dob|birth ?date|birthday|"
    r"geburtsdatum|fecha (?:de )?nacimiento|data (?:de |di )?nascita|data (?:de )?nascimento"
)


def _folded(key: str) -> str:
    words = CAMEL.sub(" ", key).replace("_", " ").replace("-", " ").replace(".", " ")
    words = " ".join(without_accents(words).casefold().split())
    # (« nom_resp1 »: the first parent's surname)
    words = [w.rstrip("0123456789") for w in words.split()]
    return " ".join(w for w in words if w and w not in WHOSE)


def _field(key: str) -> str | None:
    """The field's name, folded, if it holds a person's name."""
    folded = _folded(key)
    return folded if NAME_FIELD.fullmatch(folded) else None


def _birth_field(key: str) -> bool:
    return BIRTH_FIELD.fullmatch(_folded(key)) is not None


# What a software or a tester puts in a name's field when there is nobody
PLACEHOLDERS = {"test", "essai", "exemple", "demo", "xxx", "inconnu", "inconnue", "anonyme"}
PLACEHOLDERS |= {"famille", "enfant", "nom", "prenom", "toto", "null", "none", "n/a"}


def _placeholder(value: str) -> bool:
    return without_accents(value.strip()).casefold().rstrip("0123456789 ") in PLACEHOLDERS


def _finding(text: str, start: int, end: int, bare: bool = False) -> Finding | None:
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    if end - start > 2 and text[start] in "\"'" and text[end - 1] == text[start]:
        start, end = start + 1, end - 1  # (a quoted value: « 'FERREIRA LOPES' »)
    value = text[start:end]
    # (judged as a person reads it: « Jean+Dupont », « Ma%C3%ABlys » of a URL-encoded form)
    if not value or any(c.isdigit() for c in value) or "@" in value or _placeholder(value):
        return None
    if not a_name_cell(unquote_plus(value)) or (bare and a_thing(value)):
        return None
    return Finding(start, end, "PERSONNE", value, WHY)


def _sql_rows(text: str) -> Iterator[tuple[list[str], list[tuple[int, int]]]]:
    """Each row an INSERT gives: its columns' names and its values' spans, quotes left out."""
    for insert in INSERT.finditer(text):
        columns = [c.strip(' `"[]\n\t') for c in insert["columns"].split(",")]
        position = insert.end()
        while position < len(text) and text[position] == "(":
            spans, position = [], position + 1
            while (value := SQL_VALUE.match(text, position)) and len(spans) < len(columns):
                group = "quoted" if value["quoted"] is not None else "bare"
                spans.append(value.span(group))
                position = value.end()
                if text[position : position + 1] != ",":
                    break
                position += 1
            if text[position : position + 1] != ")":
                break
            yield columns, spans
            gap = ROW_GAP.match(text, position + 1)
            if not gap:
                break
            position = gap.end()


def field_values(text: str) -> Iterator[Finding]:
    if "INSERT" in text.upper():
        for columns, spans in _sql_rows(text):
            # (a software's test row, « 'TEST', 'Enfant', '1900-01-01' », is nobody)
            row = list(zip(columns, spans, strict=False))
            if any(_field(c) and _placeholder(text[a:b]) for c, (a, b) in row):
                continue
            # (beside a given name's column, « nom » is the surname: « PINÇON » is no thing)
            given = any((f := _field(c)) and f not in BARE for c in columns)
            for column, (a, b) in row:
                field = _field(column)
                bare = field in BARE and not given
                if field and (found := _finding(text, a, b, bare=bare)):
                    yield found
                elif _birth_field(column) and DATE_CELL.fullmatch(text[a:b]):
                    yield Finding(a, b, "DATE_NAISSANCE", text[a:b], WHY_BIRTH)
    for pattern in (QUOTED, ELEMENT, FORM, LDIF, FDF, ATTRIBUTE, HTML_PAIR, INPUT, PRINT_R):
        fields = [(m, _field(m["key"])) for m in pattern.finditer(text)]
        # (a given name's field near: « nom » beside it is the surname, « Vasseur » no thing)
        given = [m.start() for m, f in fields if f and f not in BARE]
        for m, field in fields:
            bare = field in BARE and not any(abs(g - m.start()) < GIVEN_NEAR for g in given)
            if field and (found := _finding(text, *m.span("value"), bare=bare)):
                yield found
    for m in NAME_LIST.finditer(text):
        if _field(m["key"]):
            for item in LIST_ITEM.finditer(text, m.start("items"), m.end("items")):
                if found := _finding(text, *item.span("value")):
                    yield found
    for m in MRZ.finditer(text):
        for part in ("surname", "given"):
            yield Finding(m.start(part), m.end(part), "PERSONNE", m[part], WHY_MRZ)
    if "BEGIN:VCARD" in text:
        for m in VCARD_N.finditer(text):
            # (a service's card: « N:Gendarmerie;Brigade de Saint-Calais;;; », « N:PCS;Salle de
            # crise;;; », « N:Astreinte;Eau potable;;; »)
            family, given = (m["value"].split(";") + [""])[:2]
            if family.strip() and (a_thing(family.strip()) or ACRONYM.fullmatch(family.strip())):
                continue
            if given.strip() and not a_name_cell(given.strip()):
                continue
            # (family, given and additional names; a prefix « Mme » and a suffix are not)
            position = m.start("value")
            for part in m["value"].split(";")[:3]:
                if found := _finding(text, position, position + len(part)):
                    yield found
                position += len(part) + 1
        for m in VCARD_FN.finditer(text):
            if found := _finding(text, *m.span("value")):
                yield found
    for m in ICAL_CN.finditer(text):
        group = "quoted" if m["quoted"] else "value"
        if found := _finding(text, *m.span(group)):
            yield found
