"""A record exported by software, read by its fields' names: the values of a person's name
fields are people's names.

A mairie's agents paste what their software exports: JSON from an online form (« "nom":
"Vignaud", "prenom": "Gaspard" »), XML from the civil register or the electoral roll
(« <nomNaissance>KARAKAYA</nomNaissance> »), a form's data (« nom=Lefort »), a phone's contacts
as vCard (« N:Le Moal;Fañch;;; »), a calendar's invitation (« ORGANIZER;CN="Tharshan
Sivakumar" »), a directory's LDIF (« sn: Jaffard »). A value alone (« Gaspard ») says nothing
a detector can read; its field's name says it all, as a table's header does (table_columns.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote_plus

from atelier_ia.privacy.findings import Finding
from atelier_ia.privacy.french_words import is_french_noun, without_accents
from atelier_ia.privacy.names import first_names
from atelier_ia.privacy.table_columns import a_name_cell

WHY = "valeur d'un champ de nom dans un export (JSON, XML, formulaire, vCard, agenda)"

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
# « sn: Jaffard » (LDIF), one field a line
LDIF = re.compile(r"^(?P<key>cn|sn|givenName|displayName):[ \t]*(?P<value>[^\n]{1,60})$", re.M)
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


def _field(key: str) -> str | None:
    """The field's name, folded, if it holds a person's name."""
    words = CAMEL.sub(" ", key).replace("_", " ").replace("-", " ").replace(".", " ")
    folded = " ".join(without_accents(words).casefold().split())
    return folded if NAME_FIELD.fullmatch(folded) else None


def a_thing(value: str) -> bool:
    """« Marché de Noël », « Salle polyvalente »: its first word a French noun, not a first
    name (« Rose » stays someone's)."""
    first = value.split()[0]
    return is_french_noun(first.lower()) and first.capitalize() not in first_names()


def _finding(text: str, start: int, end: int, bare: bool = False) -> Finding | None:
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    value = text[start:end]
    # (judged as a person reads it: « Jean+Dupont », « Ma%C3%ABlys » of a URL-encoded form)
    if not value or any(c.isdigit() for c in value) or "@" in value:
        return None
    if not a_name_cell(unquote_plus(value)) or (bare and a_thing(value)):
        return None
    return Finding(start, end, "PERSONNE", value, WHY)


def field_values(text: str) -> Iterator[Finding]:
    for pattern in (QUOTED, ELEMENT, FORM, LDIF):
        for m in pattern.finditer(text):
            field = _field(m["key"])
            if field and (found := _finding(text, *m.span("value"), bare=field in BARE)):
                yield found
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
