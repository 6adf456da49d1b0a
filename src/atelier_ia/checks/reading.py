"""How French council records actually write what the checkers look for: dates and hours in
words (« le vingt sept mars, à vingt heures trente »), counts in words or figures, the quorum
stated in words or to be derived from the counts, agendas as numbered sections, votes as
« adopté à l'unanimité » or « par 25 voix pour, 3 contre et 2 abstentions ».

The PV and délibération checkers both read through these functions, so that a record a
trainer pastes from their own commune is read as it is written, not as our examples are."""

from __future__ import annotations

import re
from dataclasses import dataclass

from atelier_ia.french_numbers import NUMBER_WORDS, words_value

# -- numbers written in words -------------------------------------------------------------------

COUNT = rf"(?:\d{{1,3}}|{NUMBER_WORDS})"


def count_value(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else words_value(text)


# -- dates and hours -------------------------------------------------------------------------------

MONTHS = (
    r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|"
    r"d[ée]cembre|"
    # abbreviated, with their dot: « 12 sept. 2019 »
    r"janv\.|f[ée]vr?\.|avr\.|juil\.|sept\.|oct\.|nov\.|d[ée]c\.|"
    # without their dot, a year right after: « 22 SEPT 2023 »
    r"(?:janv|f[ée]vr?|avr|juil|sept|oct|nov|d[ée]c)(?=\s+\d{4}\b)"
)
# « 18 », « dix-huit », and the old formulas « le dix-huitième jour du mois de novembre ».
ORDINAL_DAY = (
    r"(?:premier|(?:(?:vingt|trente)(?:[\s-]+et)?[\s-]+)?(?:un|deux|trois|quatr|cinqu|six|sept|"
    r"huit|neuv|dix|onz|douz|treiz|quatorz|quinz|seiz|dix-sept|dix-huit|dix-neuv)i[èe]me|"
    r"vingti[èe]me|trenti[èe]me)\s+jour\s+du\s+mois\s+d(?:e|['’])"
)
# « le Vendredi 23 du mois de Mars »
MONTH_OF = rf"(?:1er|\d{{1,2}}|{NUMBER_WORDS})\s+du\s+mois\s+d(?:e|['’])"
# (« le mardi 1 er octobre 2019 »: a PDF's blank inside « 1er »)
DAY = rf"(?:{MONTH_OF}|1[ \t]?er|premier|\d{{1,2}}|{ORDINAL_DAY}|{NUMBER_WORDS})"
YEAR = rf"(?:\d{{4}}|{NUMBER_WORDS})"
DATE = re.compile(
    # « 12/03/2019 », « 12.03.2019 », « 12-03-2019 » (one separator throughout), « 2019-03-12 »
    rf"\b(?:\d{{1,2}}(?P<sep>[/.-])\d{{1,2}}(?P=sep)\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|{DAY}(?:\s+|(?<=['’]))(?:{MONTHS})(?:\s+{YEAR})?)\b",
    re.I,
)
HOUR = re.compile(
    rf"\b(?:\d{{1,2}}\s*h(?:eures?)?(?:\s*\d{{2}})?|\d{{1,2}}:\d{{2}}|"
    # (« à vingt-heure », a hyphen for the blank; « à vingtheures », a web page's glued words)
    rf"(?:{NUMBER_WORDS})(?:\s*|-)heures?(?:\s+(?:{NUMBER_WORDS}))?)\b",
    re.I,
)
# What introduces the séance's own date, and what shows a date is another one's.
# « Extrait des délibérations du Conseil Municipal ⏎ Du 25 juin 2015 »
SEANCE = re.compile(
    r"s[ée]ance|r[ée]union|r[ée]uni|assembl[ée]|\bl['’]an\b|\bconseil(?:\s+municipal)?\s+du\s*$",
    re.I,
)
# « convocation en date du … », « délibération en date du … »; not « CONSEIL MUNICIPAL EN DATE DU
# 7 NOVEMBRE 2014 », the séance's own
OTHER_DATE_EN_DATE = (
    r"(?<!municipal\s)(?<!conseil\s)(?<!s[ée]ance\s)(?<!r[ée]union\s)en\s+date\s+du"
)
OTHER_DATE_BEFORE = re.compile(rf"convo\w*|pr[ée]c[ée]dent\w*|{OTHER_DATE_EN_DATE}", re.I)
OTHER_DATE_AFTER = re.compile(r"^[^.\n]{0,60}\b(?:approuv|adopt)", re.I)
# An hour that is someone's arrival or departure is not the séance's.
OTHER_HOUR_BEFORE = re.compile(
    r"(?:arriv\w*|pr[ée]sente?s?|quitt\w*|d[ée]part|parti\w*|jusqu\w*)\s+(?:à\s+|a\s+)?$",
    re.I,
)


def seance_date(text: str) -> re.Match | None:
    """The date of the séance itself: in the title, or where the record says it met."""
    title_end = _title_end(text)
    for m in DATE.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        if OTHER_DATE_AFTER.search(text[m.end() :]):
            continue
        if m.start() < title_end and not NOT_SEANCE_BEFORE.search(
            text, max(0, m.start() - 45), m.start()
        ):
            return m
        if OTHER_DATE_BEFORE.search(before[-25:]):
            continue
        if (
            SEANCE.search(before)
            or HOUR.match(text, _after_separators(text, m.end()), m.end() + 40)
            or (re.match(r"\s*,?\s*(?:à|a)\s", text[m.end() : m.end() + 6]))
            or MET_AFTER.match(text, m.end())
        ):
            return m
    return _header_date(text)


# The header's dates that are not the séance's: a letter's (« Trets, le 03 juillet 2015 »), the
# notice's or the posting's.
NOT_SEANCE_BEFORE = re.compile(
    r"(?:\b[A-ZÀ-Ý][\w'’ -]{1,40},\s*le\s*|convo\w*[^\n]{0,20}|affich\w*[^\n]{0,20}|"
    r"publi\w*[^\n]{0,20}|transmis\w*[^\n]{0,20}|re[çc]u\w*[^\n]{0,20}|envoy\w*[^\n]{0,20}|"
    rf"pr[ée]c[ée]dent\w*[^\n]{{0,30}}|{OTHER_DATE_EN_DATE}\s*)$",
    re.I,
)
HEADER_END = re.compile(
    r"\bL['’]an\b|s['’]est\s+r[ée]uni|\bpr[ée]sents?\s*:|^\s*PR[ÉE]SENTS", re.I | re.M
)


def _header_date(text: str) -> re.Match | None:
    """The first date of the header, before the record opens (« L'an … », « Présents : »), that
    is not a letter's, a notice's or a posting's."""
    opens = HEADER_END.search(text)
    if not opens:
        return None
    for m in DATE.finditer(text, 0, opens.start()):
        if not NOT_SEANCE_BEFORE.search(text, max(0, m.start() - 45), m.start()):
            return m
    return None


# « Le huit décembre deux mille seize / Le Conseil Municipal, légalement convoqué, s'est
# réuni … »: the date the opening formula follows.
MET_AFTER = re.compile(
    r"[^.]{0,160}?(?:s['’]est\s+r[ée]uni|se\s+sont\s+r[ée]unis|s['’]est\s+assembl[ée])", re.I
)


def _after_separators(text: str, position: int) -> int:
    """Past the spaces, commas and dashes between a date and its hour (« 2021 - 19H00 »)."""
    return re.compile(r"[ \t,–—-]*").match(text, position).end()


def _title_end(text: str) -> int:
    """Where the title lines end: the first three lines that hold text."""
    seen = 0
    for m in re.finditer(r"[^\n]*\S[^\n]*", text):
        seen += 1
        if seen == 3:
            return m.end()
    return len(text)


# A length of time, not a time of day: « 17h30 hebdomadaires », « 35 heures par semaine »
DURATION_AFTER = re.compile(
    r"\s*(?:hebdomadaires?|mensuelles?|annuelles?|par\s+(?:semaine|mois|an)|de\s+travail)\b",
    re.I,
)


def seance_hour(text: str) -> re.Match | None:
    """An hour at which the séance is held or opened (not a late arrival's, nor a post's
    weekly hours)."""
    for m in HOUR.finditer(text):
        if not OTHER_HOUR_BEFORE.search(
            text[max(0, m.start() - 25) : m.start()]
        ) and not DURATION_AFTER.match(text, m.end()):
            return m
    return None


# -- secretary -------------------------------------------------------------------------------------

# « Secrétaire(s) de séance : », « Secrétaire de la séance : », « Secrétaire : », « est élue
# secrétaire », « désignée comme secrétaire de séance », « assurera les fonctions de secrétaire »;
# not « Secrétariat général », a department of the mairie.
SECRETARY = re.compile(
    # « Scrétaire de séance : » (a letter dropped) too
    r"s(?:e|é)?cr[ée]ta(?:ires?|riat)(?:\(s\))?\s+de\s+(?:la\s+)?(?:s[ée]ance|r[ée]union)|"
    r"\bsecr[ée]ta(?:ires?|riat)\s*:|"
    r"\bsecr\.\s+de\s+s[ée]ance|"
    # « a été choisi pour secrétaire », the old registers' formula
    # « élu(e) », « désigné(e) »: the form's both genders
    r"\b(?:[ée]lu|d[ée]sign[ée]|nomm[ée]|choisi|pris)(?:\(?e\)?)?\s+"
    r"(?:[àa]\s+l['’]unanimit[ée]\s+)?"
    # (« … en qualité de secrétaireAjout de 2 sujets » : a web page glued the next heading on)
    r"(?:comme\s+|en\s+qualit[ée]\s+de\s+|pour\s+)?secr[ée]taire(?-i:(?![a-zà-ÿ]))|"
    # « Secrétaire désigné : M. X », « Secrétaire élue : Mme Y »
    r"\bsecr[ée]taires?\s+(?:[ée]lue?s?|d[ée]sign[ée]e?s?|nomm[ée]e?s?)\s*:|"
    # « … désignés pour remplir les fonctions de Secrétaires de l'Assemblée » (two of them)
    r"\bfonctions?\s+de\s+secr[ée]taires?\b|"
    # « M. X, conseiller municipal, prend place en qualité de secrétaire »
    r"\bprend\s+place\s+(?:en\s+qualit[ée]\s+de|comme)\s+secr[ée]taire\b|"
    # « il a été procédé … à l'élection d'un secrétaire … Mr AUBRUN Michel accepte de remplir
    # cette fonction »
    r"\b(?:[ée]lection|nomination|d[ée]signation)\s+d['’]un(?:e)?\s+secr[ée]taire\b"
    r"[\s\S]{0,250}?\b(?:accept\w*|d[ée]sign[ée]e?|[ée]lue?|nomm[ée]e?)\b|"
    # « il a été procédé, en conformité de l'article L.2121-15, à la désignation d'un
    # secrétaire »: the register's formula, the designation told as done
    # (a dot inside an article's number, « L.2121-15 », ends no sentence)
    r"\bil\s+a\s+[ée]t[ée]\s+proc[ée]d[ée](?:[^.\n]|\.(?=\S)){0,100}?\b[àa]\s+(?:la\s+|l['’])"
    r"(?:[ée]lection|nomination|d[ée]signation)\s+d['’]un(?:e)?\s+secr[ée]taire\b|"
    # « Le secretariat est assure par : Christophe GLASSER » (accents dropped)
    r"\bsecr[ée]tariat\s+(?:de\s+(?:la\s+)?s[ée]ance\s+)?(?:est|[ée]tait|a\s+[ée]t[ée])\s+assur[ée]\s+par|"
    # « M. X assure le secrétariat (de séance) »
    r"\bassur\w*\s+(?:le|les\s+fonctions\s+de)\s+secr[ée]tariat\b(?!\s+g[ée]n[ée]ral)",
    re.I,
)


# Wider, for the formulas no list holds: « secrétaire » and a person in one sentence (« Mme X
# remplit les fonctions… », « secrétaire : X »), not the mairie's staff or an association's.
NOT_THE_SEANCES = (
    r"(?!\s+(?:g[ée]n[ée]ral|de\s+mairie|d['’][ée]tat|administrati|de\s+l['’]|du\s+|des\s+))"
)
SECRETARY_NAMED = re.compile(
    rf"\bs(?:e|é)?cr[ée]taire\b{NOT_THE_SEANCES}[^.\n]{{0,60}}?"
    r"(?:\bM\.|\bMme\b|\bMonsieur\b|\bMadame\b|\b[A-ZÀ-Ý]{3,}\b)"
    r"|(?:\bM\.|\bMme\b|\bMonsieur\b|\bMadame\b)[^.,;\n]{2,40},?\s+(?:est\s+|comme\s+)?"
    rf"secr[ée]taire\b{NOT_THE_SEANCES}",
    re.I,
)


# « 1 - NOMINATION D'UN SECRETAIRE DE SEANCE », « DC_2018_188 : Désignation du Secrétaire de
# séance »: an item of the order that announces the designation, its line ending there, is not
# the designation itself.
# (its number or code right before: « 1 - », « DC_2018_188 : »; not « Il a été procédé … à la
# désignation d'un secrétaire de séance. », the register's formula)
ANNOUNCED_ITEM = re.compile(
    r"(?:^|\s)(?:\d{1,3}|[IVX]{1,4}|[A-Z]{1,4}_[\w]+)[ \t]*[-.):–]*[ \t]*"
    r"(?:nomination|d[ée]signation|[ée]lection)\s+(?:d['’]une?|du|de\s+la)\s+$",
    re.I | re.M,
)


# The same item unnumbered, alone on its line, in the agenda that a heading just above opens
# (« ORDRE du JOUR ⏎ Appel nominal ⏎ Nomination du Secrétaire de Séance ⏎ N° 1.01 : … »)
AGENDA_LINE_ITEM = re.compile(
    r"^[ \t]*(?:nomination|d[ée]signation|[ée]lection)\s+(?:d['’]une?|du|de\s+la)\s+$", re.I
)


def _announced(text: str, m: re.Match) -> bool:
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    rest = text[m.end() : line_end if line_end >= 0 else len(text)]
    if rest.strip(" \t:."):
        return False
    return bool(ANNOUNCED_ITEM.search(text, line_start, m.start())) or bool(
        AGENDA_LINE_ITEM.match(text[line_start : m.start()])
        and re.search(r"ordre\s+du\s+jour", text[max(0, line_start - 300) : line_start], re.I)
    )


def secretary(text: str) -> re.Match | None:
    """Where the record designates or names its secretary of the séance (CGCT, art. L2121-15)."""
    for pattern in (SECRETARY, SECRETARY_NAMED):
        for m in pattern.finditer(text):
            if not _announced(text, m):
                return m
    return None


# -- counts and quorum -----------------------------------------------------------------------------

COUNT_LABELS = {
    # « Membres en fonction : 15 » (Alsace), « Nombre de conseillers élus : 15 »: the same count.
    # « Conseillers en exercice au jour de la séance : 35 »
    # (an intercommunal council's « Nombre de Titulaires : 83 », its délégués titulaires)
    # (« Nombre de Délégués : En service : 31 »)
    "en_exercice": r"(?:(?:membres\s+|conseillers\s+)?en\s+(?:exercice|fonctions?|service(?=\s*:))"
    # « Nombre des membres en exercice actuellement » (La Bresse), « … à ce jour »
    r"(?:\s+(?:au\s+jour\s+de\s+la\s+s[ée]ance|actuellement|[àa]\s+ce\s+jour))?|"
    r"(?:membres|conseillers)\s+(?:municipaux\s+)?[ée]lus|"
    r"(?:nombre\s+de\s+)?(?:d[ée]l[ée]gu[ée]s\s+)?titulaires(?=\s*:)|"
    # (« Membres titulaires 35 », a margin box without its colon)
    r"membres\s+titulaires(?=[ \t]+\d))",
    # « Présents à la séance : 132 », « Nombre de Conseillers qui assistent à la séance : 15 »
    # « Nombre des membres qui ont assisté à la séance : 23 »
    # « Présents ce jour : 77 », « Nombre de conseillers qui assistaient à la séance : 34 »
    # (« Présents titulaires : 51 », an intercommunal council's delegates, their substitutes apart)
    "presents": r"(?:pr[ée]sents?|(?:qui\s+)?(?:ont\s+)?assist(?:ent|ant|aient|ait|[ée]))"
    r"(?:\s+[àa]\s+la\s+s[ée]ance|\s+ce\s+jour|\s+en\s+s[ée]ance|\s+titulaires)?",
    "representes": r"(?:repr[ée]sent[ée]s?|pouvoirs?|procurations?)",
    # « Absents : 3 », « Absents excusés : 2 », « Absent non excusé : 1 »
    "absents": r"(?:absents?(?:\s+(?:non\s+)?excus[ée]s?)?|excus[ée]s?)",
    # The council's seats (« Effectif légal : 15 », « Nombre de membres afférents au conseil
    # municipal : 15 »): never fewer than the members in office, so more than half of them
    # present is a quorum; fewer says nothing (a seat may be vacant).
    "sieges": r"(?:effectif\s+l[ée]gal(?:\s+du\s+conseil(?:\s+municipal)?)?|"
    r"(?:nombre\s+de\s+)?membres\s+aff[ée]rents(?:\s+au\s+conseil(?:\s+municipal)?)?|"
    r"nombre\s+de\s+(?:si[èe]ges|membres\s+du\s+conseil(?:\s+municipal)?)|"
    # (« Nombre de membres : 50 » alone, above « Membres présents : 35 »: the council's
    # members, seats or in office; read as seats, the safe side)
    r"nombre\s+de\s+membres(?=\s*:)|"
    r"conseillers\s+municipaux(?=\s*:))",
    "votants": r"votants?",
    "pour": r"(?:voix\s+)?pour",
    "contre": r"(?:voix\s+)?contre",
    "abstentions": r"abstentions?",
}


# A margin box a two-column copy interleaved with the opening sentence, the figure between the
# label's two halves: « Nombre de Conseillers en 19 L'an deux mil dix-neuf, … le exercice ».
SPLIT_LABELS = {
    COUNT_LABELS["en_exercice"]: re.compile(
        r"\bconseillers\s+en\s+(?P<n>\d{1,3})\b[^\n]{0,120}?\bexercice\b"
        # or the figure after the list the layout put inside the label: « Conseillers en Mmes &
        # MM. les Conseillers Municipaux : fonction : ENGEL Alain - … - GOEPP Christian 23 »,
        # « Conseillers en exercice : Didier STURMA, … Tahar 58 BOUANANE »
        r"|\bconseillers\s+en\b[^\d\n]{0,60}?\b(?:fonctions?|exercice)\s*:[^\d\n]{0,300}?"
        r"(?P<n2>\d{1,3})\b"
        r"(?![/.]\d)",
        re.I,
    ),
    COUNT_LABELS["presents"]: re.compile(
        r"\bconseillers\s+(?P<n>\d{1,3})\b[^\n]{0,120}?\bpr[ée]sents\b", re.I
    ),
}

# A margin box interleaved with the lists beside it: « Nombre des membres qui ont assisté à la
# séance : Absent(s) non excusé(s) : 23 ». The box's « Nombre de(s) membres … : » asks for a
# figure; the list heading that the layout put between (no figure, no name after it) does not.
# So does « Conseillers présents : Conseiller.e.s ayant donné pouvoir : 52 », the heading
# written in inclusive spelling.
BOX_LABEL_THEN_LIST = re.compile(
    rf"\b(?:nombre\s+d(?:e|es)\s+)?(?:membres|conseillers)\s+(?P<label>{COUNT_LABELS['presents']})"
    r"\s*:\s*[A-Za-zÀ-ÿ()' ’.-]{3,40}:\s*(?P<n>\d{1,3})\b",
    re.I,
)


def count(text: str, label: str) -> tuple[int | None, tuple[int, int] | None]:
    """« Présents : 11 », « présents : onze », « 11 présents », « onze conseillers présents »."""
    after = next(
        (
            m
            # (or dotted leaders: « EN EXERCICE……….. 15 », a margin box run into the text)
            for m in re.finditer(
                rf"\b{label}\s*(?:[:=]|[.…_]{{3,}})?\s*(?P<n>{COUNT})\b", text, re.I
            )
            if not _an_item(m) and not _figures_first(text, m.start())
        ),
        None,
    )
    if after and count_value(after.group("n")) is not None:
        return count_value(after.group("n")), after.span()
    # Not « Nombre de conseillers : 43 Présents : M. X, … » nor « Effectif légal : 43 ⏎
    # Présents ou représentés », nor « en fonctions : ⏎ ⏎ 29 Absent(s) »: that number is the
    # previous label's, however many blanks lie between.
    before = next(
        (
            m
            for m in re.finditer(
                rf"\b(?P<n>{COUNT})[ \t]+(?:(?:conseillers|membres)[ \t]+)?{label}\b", text, re.I
            )
            if _figures_first(text, m.start())
            or not text[: m.start()].rstrip().endswith((":", "="))
        ),
        None,
    )
    if before and count_value(before.group("n")) is not None:
        return count_value(before.group("n")), before.span()
    found = _in_a_table(text, label)
    if found[0] is None:
        found = _in_a_column(text, label)
    if found[0] is None:
        found = _figures_above(text, label)
    if found[0] is None and (split := SPLIT_LABELS.get(label)) and (m := split.search(text)):
        found = int(m["n"] or m.groupdict().get("n2")), m.span()
    if found[0] is None and (m := BOX_LABEL_THEN_LIST.search(text.replace("\n", " "))):
        if re.fullmatch(label, m["label"], re.I):
            found = int(m["n"]), m.span()
    return found


# « Étaient présents :\n1 - M Jacques SEVRAIN »: a list's first number, on the next line.
ITEM_AFTER = re.compile(r"[ \t]*(?:[-–)]|\.(?=[ \t]*(?:M\.?|Mme|Mlle|Monsieur|Madame)[ \t]))")


# « 79 conseillers en exercice : 67 présents 10 pouvoirs 2 excusés »: a line that gives each
# figure before its label; the figure after a label there is the next label's.
FIGURES_FIRST = re.compile(
    rf"[ \t]*{COUNT}[ \t]+(?:(?:conseillers|membres)[ \t]+)?(?:{COUNT_LABELS['en_exercice']}|"
    rf"{COUNT_LABELS['presents']})\b[^\n]*?[ \t]{COUNT}[ \t]+(?:{COUNT_LABELS['presents']}|"
    rf"{COUNT_LABELS['representes']}|{COUNT_LABELS['absents']}|{COUNT_LABELS['votants']})\b",
    re.I,
)


def _figures_first(text: str, position: int) -> bool:
    return bool(FIGURES_FIRST.match(text, text.rfind("\n", 0, position) + 1))


def _an_item(m: re.Match) -> bool:
    return "\n" in m.group()[: m.start("n") - m.start()] and bool(
        ITEM_AFTER.match(m.string, m.end())
    )


TABLE_ROW = re.compile(r"^[ \t|]*(?:\d{1,3}[ \t|]+)*\d{1,3}[ \t|]*$")


def _in_a_table(text: str, label: str) -> tuple[int | None, tuple[int, int] | None]:
    """A table as records lay out their counts, a header line and the figures under it:
    « En exercice   Présents   Votants » then « 15   12   14 »."""
    lines = list(re.finditer(r"[^\n]+", text))
    for i, line in enumerate(lines[:-1]):
        header = line.group()
        if re.search(r"\d", header) or not re.search(label, header, re.I):
            continue
        columns = sorted(
            m.start()
            for pattern in COUNT_LABELS.values()
            for m in re.finditer(rf"\b{pattern}\b", header, re.I)
        )
        row = lines[i + 1]
        figures = re.findall(r"\d{1,3}", row.group())
        if len(columns) < 2 or not TABLE_ROW.match(row.group()) or len(figures) != len(columns):
            continue
        column = columns.index(re.search(label, header, re.I).start())
        return int(figures[column]), row.span()
    return None, None


# A label ends in a colon or in dotted leaders (« Nombre de conseillers en exercice……… »); one
# too long for its line begins on the line before (« Date de l'avis de la convocation, de son
# affichage et ⏎ de la mention qui en a été faite au registre……… »).
LABEL_LINE = re.compile(r"^[ \t]*(?P<label>[^\n\d:]{2,60}?)[ \t]*(?::[ \t.…_]*|[.…_]{3,}[ \t]*)$")
LABEL_BEGUN = re.compile(r"^[ \t]*(?P<label>[^\n\d:.…_]{2,80}?)[ \t]*$")
FIGURE_LINE = re.compile(r"^[ \t]*(?P<n>\d{1,3})[ \t]*$")
# Such a box's other values, after its counts: the dates of the convocation and of the posting
# (« 03/12/2013 » too)
DATE_LINE = re.compile(
    rf"^[ \t]*(?:(?:1er|\d{{1,2}})[ \t]+(?:{MONTHS})[ \t]+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})"
    r"[ \t]*$",
    re.I,
)


# A table flattened one cell per line, its headers without colons, a header sometimes broken in
# two (« Légal ⏎ En ⏎ exercice ⏎ Présents ⏎ Pouvoirs ⏎ Absent(s) ⏎ 35 ⏎ 35 ⏎ 32 ⏎ 3 ⏎ 0 »).
BARE_LABEL_LINE = re.compile(r"^[ \t]*(?P<label>[^\n\d:]{2,30}?)[ \t]*$")
KNOWN_LABEL = re.compile(
    rf"(?:(?:nombre\s+de\s+)?(?:conseillers|membres)\s+)?(?:{'|'.join(COUNT_LABELS.values())}|"
    r"l[ée]gal)",
    re.I,
)


def _bare_labels(lines: list[str]) -> list[str]:
    """The headers of a flattened table, a header broken over two lines joined again; empty
    unless every one is a count's label."""
    # « Absent(s) », « Excusé(e)s »: the plural as forms write it
    labels = [re.sub(r"\((e?s|e)\)", r"\1", line.strip()) for line in lines]
    i = 0
    while i < len(labels) - 1:
        joined = f"{labels[i]} {labels[i + 1]}"
        if not KNOWN_LABEL.fullmatch(labels[i]) and KNOWN_LABEL.fullmatch(joined):
            labels[i : i + 2] = [joined]
        i += 1
    return labels if all(KNOWN_LABEL.fullmatch(name) for name in labels) else []


def _in_a_column(text: str, label: str) -> tuple[int | None, tuple[int, int] | None]:
    """A count box a PDF has laid out as two columns, the labels then the figures:
    « En exercice : ……… ⏎ Présents : ……… ⏎ Représentés : ……… ⏎ 29 ⏎ 24 ⏎ 4 »."""
    lines = list(re.finditer(r"[^\n]*", text))
    lines = [m for m in lines if m.group().strip()]
    i = 0
    while i < len(lines):
        labels = []
        while i < len(lines):
            if label_line := LABEL_LINE.match(lines[i].group()):
                labels.append(label_line["label"])
                i += 1
            elif (
                labels
                and i + 1 < len(lines)
                and (begun := LABEL_BEGUN.match(lines[i].group()))
                and (label_line := LABEL_LINE.match(lines[i + 1].group()))
                # (not a name under « Secrétaire de séance : » before « Nombre de membres en
                # exercice : », a count's whole label on its own line)
                and not KNOWN_LABEL.fullmatch(label_line["label"].strip())
            ):
                labels.append(f"{begun['label']} {label_line['label']}")
                i += 2
            else:
                break
        if not labels:
            start, bare = i, []
            while i < len(lines) and BARE_LABEL_LINE.match(lines[i].group()):
                bare.append(lines[i].group())
                i += 1
            labels = (
                _bare_labels(bare)
                if FIGURE_LINE.match(lines[i].group() if i < len(lines) else "")
                else []
            )
            if not labels:
                i = start  # not a flattened table: read on from the line after the first
        figures = []
        while i < len(lines) and (
            FIGURE_LINE.match(lines[i].group()) or (figures and DATE_LINE.match(lines[i].group()))
        ):
            figure = FIGURE_LINE.match(lines[i].group())
            figures.append((int(figure["n"]) if figure else None, lines[i].span()))
            i += 1
        if len(labels) == len(figures) + 1:
            labels = labels[1:]  # the box's title: « Nombre de Conseillers : »
        if len(figures) == len(labels) + 1 >= 3:
            figures = _stray_figure_dropped(labels, figures)
        if len(labels) >= 2 and len(figures) == len(labels):
            for name, (value, span) in zip(labels, figures, strict=True):
                if value is not None and _labelled(name, label):
                    return value, span
        if not labels and not figures:
            i += 1
    return None, None


def _labelled(name: str, label: str) -> bool:
    return bool(
        re.fullmatch(
            rf"(?:nombre\s+d(?:e|es)\s+)?(?:(?:conseillers|membres)\s+)?{label}",
            name.strip(),
            re.I,
        )
    )


def _stray_figure_dropped(labels: list[str], figures: list) -> list:
    """One figure more than labels (« … Nombre de votants : ⏎ 1 ⏎ 23 ⏎ 18 ⏎ 4 ⏎ 22 », a page's
    number among them): the first or the last is stray, whichever leaves the présents and the
    représentés adding up to the votants; when neither or both do, the box says nothing."""

    def agrees(values: list) -> bool:
        by = {
            key: value
            for name, (value, _) in zip(labels, values, strict=True)
            for key in ("presents", "representes", "votants")
            if _labelled(name, COUNT_LABELS[key])
        }
        return (
            len(by) == 3
            and None not in by.values()
            and (by["presents"] + by["representes"] == by["votants"])
        )

    fits = [kept for kept in (figures[1:], figures[:-1]) if agrees(kept)]
    return fits[0] if len(fits) == 1 else figures


def _figures_above(text: str, label: str) -> tuple[int | None, tuple[int, int] | None]:
    """The same box with its columns the other way round, the figures above their labels:
    « 27 ⏎ 16 ⏎ 3 ⏎ 19 ⏎ Nombre de Conseillers en exercice ⏎ Présents ⏎ Procurations ⏎
    Votants ». Only as many labels as figures, every one a count's, pairs them in order."""
    lines = [m for m in re.finditer(r"[^\n]*", text) if m.group().strip()]
    i = 0
    while i < len(lines):
        start = i
        while i < len(lines) and FIGURE_LINE.match(lines[i].group()):
            i += 1
        figures = lines[start:i]
        if len(figures) < 2:
            i = start + 1
            continue
        bare = []
        while i < len(lines) and LABEL_BEGUN.match(lines[i].group()):
            bare.append(lines[i].group())
            # (a label broken over two lines joins again: one or two lines more than figures)
            labels = _bare_labels(bare)
            if len(labels) == len(figures):
                for name, figure in zip(labels, figures, strict=True):
                    if re.fullmatch(
                        rf"(?:nombre\s+d(?:e|es)\s+)?(?:(?:conseillers|membres)\s+)?{label}",
                        name,
                        re.I,
                    ):
                        return int(figure.group().strip()), figure.span()
            if len(bare) > len(figures) + 2:
                break
            i += 1
    return None, None


QUORUM_MISSED = re.compile(
    r"quorum\s+(?:n['’]\s*(?:est|étant|était|a)\s+pas|non)\s+atteint|"
    r"\bne\s+(?:peut|pouvant|pourra)\s+(?:pas\s+)?(?:valablement\s+)?d[ée]lib[ée]rer\b"
    r"(?!\s+(?:valablement\s+)?que\b)",  # « ne peut délibérer que si … » cites the rule
    re.I,
)
QUORUM_STATED = re.compile(
    r"\bquorum\b|"
    # « formant la majorité des membres en exercice »; « réunissant la majorité de ses membres
    # en exercice »
    # « les membres présents formant la majorité », « le nombre des présents atteignant la
    # majorité »; not a political majority (« constituant la majorité municipale »)
    r"(?:formant|forment|formaient|constituant|atteignant|r[ée]unissant)\s+la\s+majorit[ée]\b"
    r"(?!\s+(?:municipale|politique|pr[ée]sidentielle|sortante|d[ée]partementale|r[ée]gionale|"
    r"des\s+suffrages|absolue\s+des\s+suffrages))|"
    r"(?:formant|forment|formaient|constituant|repr[ée]sentant|r[ée]unissant)\s+la\s+majorit[ée]\s+"
    r"(?:absolue\s+)?(?:des|de\s+ses|de\s+ceux)\s+(?:(?:membres|conseillers)(?:\s+municipaux)?\s+)?"
    # « Lesquels membres présents forment la majorité de ceux actuellement en exercice »
    r"(?:actuellement\s+)?en\s+exercice|"
    r"majorit[ée]\s+(?:absolue\s+)?des\s+(?:membres|conseillers)(?:\s+municipaux)?\s+en\s+"
    r"exercice\s+(?:[ée]tant|est|[ée]tait)\s+(?:pr[ée]sente|atteinte|r[ée]unie)|"
    # The usual formulas: « s'est réuni au (en) nombre prescrit par la loi », « … étant présents, le
    # conseil peut valablement délibérer » (a negated one is QUORUM_MISSED, read first).
    # (a two-column copy may slip a few words of the margin in: « au nombre Conseil exercice
    # Délibération prescrit par la loi »)
    # (« … au nombre prescrit par le règlement », an intercommunal council's own rule)
    r"(?:au|en)\s+nombre(?:\s+\S+){0,4}?\s+prescrit\s+par\s+(?:la\s+loi|le\s+r[èe]glement)|"
    # « réuni à la majorité de ses membres en exercice »
    r"r[ée]uni\w*\s+[àa]\s+la\s+majorit[ée]\s+(?:absolue\s+)?(?:de\s+ses|des)\s+"
    r"(?:membres|conseillers)\s+en\s+exercice|"
    r"(?<!ne\s)(?:peut|pouvant|puisse)\s+(?:valablement\s+)?(?:d[ée]lib[ée]rer|si[ée]ger)\b"
    r"(?!\s+(?:valablement\s+)?que\b)|"
    # « plus de la moitié des membres en exercice étant présents », « les conseillers étant en
    # nombre suffisant », « la majorité des membres en exercice assistant à la séance »
    r"plus\s+de\s+la\s+moiti[ée]\s+des\s+(?:membres|conseillers)|"
    r"en\s+nombre\s+(?:suffisant|requis|l[ée]gal)\b|"
    # « Madame le Maire constate que le conseil réunit les conditions pour délibérer
    # valablement »
    r"r[ée]unit\s+les\s+conditions\s+(?:requises\s+|l[ée]gales\s+)?(?:pour|permettant\s+de)\s+"
    r"(?:valablement\s+)?d[ée]lib[ée]rer|"
    r"majorit[ée]\s+(?:absolue\s+)?des\s+(?:membres|conseillers)(?:\s+municipaux)?\s+en\s+"
    r"exercice\s+(?:assist|si[ée]g)\w*|"
    # wider: « présents … la majorité … en exercice » in one sentence, whatever the words
    # between (not « à la majorité des suffrages »)
    r"\bpr[ée]sent\w*[^.\n]{0,80}?\bmajorit[ée]\b(?!\s+des\s+suffrages)[^.\n]{0,40}?\bexercice\b",
    re.I,
)
SECOND_MEETING = re.compile(
    r"(?:seconde|deuxi[èe]me|nouvelle)\s+convocation|sans\s+condition\s+de\s+quorum", re.I
)


# « Présents : 12 membres sur 15 », « Présents : 12 / 15 », « 12 conseillers présents sur 15 »
PRESENT_OUT_OF = re.compile(
    rf"\bpr[ée]sents?\s*:?\s*(?P<present>{COUNT})\s*(?:(?:membres|conseillers)\s+)?"
    rf"(?:sur|/)\s*(?P<of>{COUNT})\b(?![/.]\d)|"
    rf"\b(?P<present2>{COUNT})\s+(?:(?:membres|conseillers)\s+)?pr[ée]sents?\s+sur\s+"
    rf"(?P<of2>{COUNT})\b",
    re.I,
)


@dataclass(frozen=True)
class Quorum:
    reached: bool | None  # None: the record says nothing either way
    how: str  # French, for the finding
    span: tuple[int, int] | None = None


def quorum(text: str) -> Quorum:
    """Is the quorum (CGCT, art. L2121-17) stated, or derivable from the counts?"""
    if SECOND_MEETING.search(text):
        return Quorum(True, "réunion sur seconde convocation, sans condition de quorum")
    missed = QUORUM_MISSED.search(text)
    if missed:
        return Quorum(False, "le texte dit que le quorum n'est pas atteint", missed.span())
    members, _ = count(text, COUNT_LABELS["en_exercice"])
    present, where = count(text, COUNT_LABELS["presents"])
    out_of = PRESENT_OUT_OF.search(text)
    if out_of and (members is None or present is None):
        present = count_value(out_of["present"] or out_of["present2"])
        members = count_value(out_of["of"] or out_of["of2"])
        where = out_of.span()
    if members and present is not None:
        if present > members / 2:
            return Quorum(True, f"{present} présents pour {members} en exercice", where)
        return Quorum(
            False, f"{present} présents pour {members} en exercice, pas plus de la moitié", where
        )
    seats, _ = count(text, COUNT_LABELS["sieges"])
    if seats and present is not None and present > seats / 2:
        return Quorum(True, f"{present} présents pour {seats} sièges", where)
    # « Présents : 12 – Représentés : 2 – Absents : 1 »: the members in office are at least
    # those counted; more than half of them present is a quorum (fewer says nothing: someone
    # may be left out of the counts).
    absent, _ = count(text, COUNT_LABELS["absents"])
    if present is not None and absent is not None:
        represented = count(text, COUNT_LABELS["representes"])[0] or 0
        if present > (present + absent + represented) / 2:
            return Quorum(
                True, f"{present} présents, {absent + represented} absents ou représentés", where
            )
    stated = QUORUM_STATED.search(text)
    if stated:
        return Quorum(True, "le quorum est mentionné", stated.span())
    return Quorum(None, "")


# -- agenda ----------------------------------------------------------------------------------------

# « ORDRE DU JOUR », « Ordre du jour : », « l'ordre du jour suivant : », « L'ordre du jour
# appelle : »: the heading or the words that bring in the list; not the phrase in passing
# (« avant d'aborder l'ordre du jour », « ajouter un point à l'ordre du jour »).
ORDER_OF_BUSINESS = re.compile(
    # (« L ordre du jour portant sur 31 délibérations a été rappelé », the apostrophe lost)
    r"^[ \t\-–—•]*(?:rappel\s+de\s+)?(?:l['’]\s*|l[ \t])?ordre\s+du\s+jour\b|"
    # « SOMMAIRE » over the items of a record (« SOMMAIRE : Administration Générale : Finances : »,
    # its parts' names after it)
    r"^[ \t\d]*SOMMAIRE[ \t]*(?::[^\n]*)?$|"
    r"ordre\s+du\s+jour\b(?:\s+(?:suivants?|appelle|comprendra|du\s+pr[ée]sent[^\n:]{0,40}))?"
    r"[ \t]*:[ \t]*$|"
    r"ordre\s+du\s+jour\s+(?:suivants?|appelle)\b|"
    # « Monsieur DEVAUX rappelle l’ ORDRE DU JOUR » ending its line, the items below (in
    # capitals, as a heading; not « … ajouté à l'ORDRE DU JOUR »)
    r"(?<![àa]\sl['’])(?<![àa]\sl['’]\s)(?-i:ORDRE\s+DU\s+JOUR)[ \t]*$|"
    # inside a line, a list after it: « … ordre du jour : demande de subvention, suivi des
    # dossiers en cours, questions diverses. » (not « ajouter à l'ordre du jour : … »)
    r"(?<![àa]\sl['’])(?<![àa]\sl['’]\s)ordre\s+du\s+jour\s*:[ \t]*(?=[^\n,;]{3,}[,;][^\n]{3,})|"
    # a convocation that sends it, its items in a bulleted list below: « Vous trouverez ci-joint
    # l ordre du jour et les documents relatifs aux questions qui y figurent : ⏎ - … ⏎ - … »
    r"(?<![àa]\sl['’])(?<![àa]\sl['’]\s)ordre\s+du\s+jour\b[^\n:]{0,80}:[ \t]*$"
    r"(?=\n[ \t]*[-–•][^\n]+\n[ \t]*[-–•])|"
    r"(?:points?|questions?)\s+(?:inscrit(?:e)?s\s+)?[àa]\s+l['’]\s*ordre\s+du\s+jour\s+"
    r"(?:suivants?|[ée]taient\s+les\s+suivants)|"
    # « 57 questions ont été présentées à l'ordre du jour », « … portant sur 31 délibérations »:
    # the agenda by its count
    r"\b\d{1,3}\s+(?:questions|points|affaires|dossiers|d[ée]lib[ée]rations)\s+(?:ont\s+[ée]t[ée]\s+)?"
    r"(?:pr[ée]sent[ée]e?s|inscrit(?:e)?s|port[ée]e?s)\s+[àa]\s+l['’]\s*ordre\s+du\s+jour|"
    # « Affaires inscrites à l'ordre du jour » heading its own line
    r"^[ \t]*(?:affaires|points|questions|sujets)\s+inscrit(?:e)?s\s+[àa]\s+l['’]\s*"
    r"ordre\s+du\s+jour[ \t]*:?[ \t]*$",
    re.I | re.M,
)
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
# « 1. », « 1) », « 1° », « 1 - », « I – », « POINT 1 - », « Question 1 – », « N°2004/04/01 : »
# at the start of a line.
SECTION = re.compile(
    # « - 1) Approbation du procès-verbal »: a list's dash before the number
    r"^[ \t]*(?:[-–•][ \t]*(?=\d{1,2}[.)]))?(?:(?:POINT|Point|QUESTION|Question)\s+)?"
    # « 2 1) Administration Générale - … »: a copy's page number before the item's
    r"(?:\d{1,3}[ \t]+(?=\d{1,2}[.)][ \t]+[A-ZÀ-Ý]))?"
    # « CONSEIL MUNICIPAL : 1/ Approbation du compte rendu … »: the body's heading before it
    r"(?:(?:CONSEIL\s+(?:MUNICIPAL|COMMUNAUTAIRE|SYNDICAL)|COMIT[ÉE]\s+SYNDICAL|"
    r"D[ÉE]LIB[ÉE]RATIONS?)[ \t]*:[ \t]*(?=\d{1,2}\s*[.)/]))?"
    # « 1/ Charges de scolarisation » too (the slash before a blank: not a date)
    # (« 2" - »: an OCR text layer's degree sign)
    # (« 1/Modification des statuts » too: a capital after the slash, not a date's figure)
    r"(?:(?P<n>\d{1,2}|[IVX]{1,4})\s*(?:[.)°]|\"(?=[ \t]*-)|[-–—:]|/(?=[ \tA-ZÀ-Ý]))"
    # (« Nº », the ordinal indicator word processors put for the degree sign; not a line that
    # starts with « n° », most often a reference the line before wrapped)
    r"|N[°º]\s*\d[\d/.-]*\s*:?)"
    r"[ \t]*(?P<title>\S[^\n]*?)[ \t]*$",
    re.M,
)


# « Question n°1 Objet : Approbation … », « RAPPORT N° 1 : Révision des tarifs » (after a PDF's
# page number and running date, « 1 18/12/2017 »): the séance's first item by its own name,
# alone too (an opening cut after it). A lone « Point n° 5 : » heads an extract of that one
# item; in a run, NUMBERED_ITEM reads it.
# (« OBJET 2019 03 01 Fixation du nombre de vice-présidences »: the year, the month, then the
# item's rank)
NAMED_ITEM = re.compile(
    r"^[ \t\d/.]*(?:POINT|Point|QUESTION|Question|RAPPORT|Rapport|AFFAIRE|Affaire|OBJET|Objet"
    # « Ø Délibération n°1 : Débat d'Orientation Budgétaire »: a bulleted list's first item
    # (« Délibération n°1 » alone, without its bullet, heads an extract of that deliberation)
    r"|[Øø•▪►➢][ \t]*(?:D[ée]lib[ée]ration|DELIBERATION))[ \t]+"
    r"(?:[Nn][°ºo]\.?[ \t]*)?(?:(?:19|20)\d\d[ \t./-]\d\d[ \t./-])?(?P<n>\d{1,3})\b[ \t]*[:.–—-]?"
    r"[ \t]*(?P<title>\S[^\n]*?)[ \t]*$",
    re.M,
)
# « 1 Compte rendu du conseil du 2 septembre » (the number and a space, nothing else): counted
# only in a run, where « 2 … » follows, since many lines start with a count (« 15 présents »).
# « I ADOPTION DU PROCES-VERBAL » then « II ATTRIBUTION … »: Roman numerals the same way.
BARE_SECTION = re.compile(
    r"^[ \t]*(?P<n>\d{1,2}|[IVX]{1,4})[ \t]+(?P<title>[A-ZÀ-Ý][^\n]*?)[ \t]*$", re.M
)
# « Délibération n°1 : Approbation … », « Délibération n°2 : … »: several in a run are the
# séance's items; one alone is an extract's own heading (« N° 2020/11 » is not an agenda either).
# The same for « Point n° 1 – », « Affaire n° 2 : », « Dossier n° 3 », « Rapport n° 4 ».
# « Objet 1 : », « Délibération 2019-01 : » (the year before the number) too.
NUMBERED_ITEM = re.compile(
    r"^[ \t]*(?:D[ée]lib[ée]ration|point|question|affaire|dossier|rapport|objet)\s+"
    # « Délibération n 1 : », the degree sign lost in a PDF's text
    r"(?:n[°ºo]?\.?\s*)?(?:(?:19|20)\d\d[-/.]?)?(?P<n>\d{1,3})\s*[:.–-]"
    r"[ \t]*(?P<title>\S[^\n]*?)[ \t]*$",
    re.M | re.I,
)


# « I. » alone on its line, the item's title on the next (a PDF's layout, a blank line between
# at most): with its point or dash, not a page number.
LONE_MARKER = re.compile(
    r"^[ \t]*(?P<n>\d{1,2}|[IVX]{1,4})[ \t]*[.)°–-][ \t]*\n(?:[ \t]*\n)?"
    r"[ \t]*(?P<title>[A-ZÀ-Ý][^\n]*?)[ \t]*$",
    re.M,
)
# A copy that lost its line breaks: the first item run into the text after a full stop,
# numbered and titled in capitals (« … approuvé à l'unanimité. 1 - APPROBATION du COMPTE-RENDU
# … »).
RUN_IN_FIRST_ITEM = re.compile(
    r"(?<=[.!?] )(?P<n>1)[ \t]*[.)–-][ \t]+(?P<title>[A-ZÀ-Ý]{4,}(?:[ \t]+[\wÀ-ÿ'’-]+){2,})"
)
# « DELIBERATION 2019-27 : MISE A DISPOSITION … », « DELIBERATION 2019-28 : RAPPORT … »: the
# items' own headings, whatever their numbering (a PDF's text layer may garble it); two or
# more make the séance's order.
# (« Délibération 2025 26 01/60 : Approbation … » in lower case too)
ITEM_HEADING = re.compile(
    r"^[ \t]*(?i:d[ée]lib[a-zé]*)\b[^\n:]{0,40}:[ \t]*(?P<title>[A-ZÀ-Ý][^\n]*?)[ \t]*$", re.M
)


# « A – FINANCES », « B – URBANISME »: parts lettered in capitals, counted in a run (« A »
# then « B »), their titles of two words or in capitals (not « A. Martin », an initial).
CAPITAL_LETTERED = re.compile(
    r"^[ \t]*(?P<letter>[A-H])[ \t]*[.)–—-][ \t]*(?P<title>[A-ZÀ-Ý][^\n]*?)[ \t]*$", re.M
)


def _capital_lettered(text: str) -> list[re.Match]:
    lettered = [m for m in CAPITAL_LETTERED.finditer(text) if _a_title(m["title"])]
    lettered = [m for m in lettered if len(m["title"].split()) >= 2 or m["title"].isupper()]
    in_a_run = [
        m
        for m, after in zip(lettered, lettered[1:], strict=False)
        if ord(after["letter"]) == ord(m["letter"]) + 1
    ]
    # « A - Informations relatives aux décisions prises par délégation : », the first part of
    # the order by its domain, alone too (the next one outside the excerpt)
    first_part = [m for m in lettered if m["letter"] == "A" and PART_OF_BUSINESS.match(m["title"])]
    return in_a_run + first_part


# « a) Huis-clos du conseil municipal … », « b) Modification de l'ordre du jour … »: the
# séance's points lettered at the start of their lines, counted in a run (« a) » then « b) »).
LETTERED_ITEM = re.compile(
    r"^[ \t]*(?P<letter>[a-h])\)[ \t]+(?P<title>[A-ZÀ-Ý][^\n]*?)[ \t]*$", re.M
)
# « DE 037-2019/07-001 APPROBATION DU PROCES-VERBAL … », « DE 038-2019/07-002 DECISIONS … »:
# deliberations headed by their register number (two or more make the séance's order).
# « 2014/006-Approbation compte administratif … », « 2014/007-Affectation du résultat »: the
# register's year and number heading each deliberation, counted in a run.
YEAR_NUMBERED = re.compile(
    # (« 2021_05_01 - », the year, the month and the rank joined by underscores)
    r"^[ \t]*(?:D|DE|DEL|N°|Nº)?[ \t]?(?:19|20)\d\d(?:[/-]|_\d\d_)(?P<n>\d{1,4})[ \t]*[-–:][ \t]*"
    r"(?P<title>[A-ZÀ-Ý][^\n]*?)[ \t]*$",
    re.M,
)
NUMBERED_DELIBERATION = re.compile(
    r"^[ \t]*D(?:E|EL|ÉL)\.?[ \t]+\d[\d/.-]{4,}[ \t]+(?P<title>[A-ZÀ-Ý]{2}[^\n]*?)[ \t]*$", re.M
)
# A deliberation's register number alone on the line under its title (« MISE EN PLACE D'UNE
# BORNE … ⏎ Dél. N°2-2021-02 »), and an item numbered by its rank fused with the séance's date
# (« 119072016 – Convention … », « 219072016 – Devenir … »): two at least make the agenda.
REGISTER_NUMBER_LINE = re.compile(
    r"^[ \t]*D[ée]l(?:ib[ée]ration)?\.?[ \t]*N[°o][ \t]*(?P<title>\d[\d/.-]{3,})[ \t]*$",
    re.M | re.I,
)
# « n° 12-106 : Détermination … », « n° 12-107 : Décision modificative … »: the deliberations'
# register numbers heading the items (two at least: one alone is most often a reference that the
# line before wrapped)
REGISTER_NUMBERED_ITEM = re.compile(
    r"^[ \t]*n[°º][ \t]*\d{2,4}[-/]\d{1,4}[ \t]*:[ \t]*(?P<title>[A-ZÀ-Ý][^\n]*?)[ \t]*$", re.M
)
# « INSTALLATION DU NOUVEAU CONSEIL MUNICIPAL – DEL N°17/2020 », « ÉLECTION DU MAIRE – DEL
# N°18/2020 »: the register's number after each item's title (two at least, as above).
TITLE_THEN_REGISTER_NUMBER = re.compile(
    r"^[ \t]*(?P<title>[A-ZÀ-Ý][^\n]*?)[ \t]*[–—-][ \t]*(?i:D[ée]l(?:ib[ée]ration)?|DCM)\.?[ \t]*"
    r"(?i:n[°ºo])[ \t]*\d[\d/.-]{2,}[ \t]*$",
    re.M,
)
# « DÉSIGNATION DU SECRÉTAIRE DE SÉANCE 2019045 », « APPROBATION DU PROCES-VERBAL … 2019046 »:
# each item's title in capitals, then its register number, the year and a three-figure rank;
# counted in a run of ranks.
TITLE_THEN_YEAR_RANK = re.compile(
    r"^[ \t]*(?P<title>[A-ZÀ-Ý][^\na-zà-ÿ]*?[A-ZÀ-Ý])[ \t]+(?:19|20)\d\d(?P<n>\d{3})[ \t]*$",
    re.M,
)
DATE_NUMBERED = re.compile(
    r"^[ \t]*\d{1,2}(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d[ \t]*[–-][ \t]*"
    r"(?P<title>[A-ZÀ-Ý][^\n]*?)[ \t]*$",
    re.M,
)


def _lettered_points(text: str) -> list[re.Match]:
    """Lettered lines in a run, a vote between one and the next (« a) Huis-clos … Vote à
    l'unanimité / b) Modification … »): the séance's points. The mayor's decisions reported
    under one item (« a) Régie de recettes … Création / b) Régie … »), with no vote between,
    are not its order."""
    lettered = list(LETTERED_ITEM.finditer(text))
    points = []
    for m, after in zip(lettered, lettered[1:], strict=False):
        voted = OUTCOME.search(text, m.end(), after.start())
        if ord(after["letter"]) == ord(m["letter"]) + 1 and voted:
            points.append(m)
    return points


def _in_a_run(matches: list[re.Match]) -> list[re.Match]:
    numbers = {_number(m.group("n")) for m in matches} - {None}
    return [m for m in matches if (n := _number(m.group("n"))) is not None and n + 1 in numbers]


# « 2 I AFFAIRES FINANCIERES » (a PDF's page number, then the part): a part of the order of
# business numbered in Roman and titled in capitals by its domain, alone too (the next one
# outside the excerpt). Not « 2 DECISIONS », a page number before a heading.
PART_IN_CAPITALS = re.compile(
    r"^[ \t]*(?:\d{1,3}[ \t]+)?(?P<n>[IVX]{1,4})[ \t]*[.)–-]?[ \t]+"
    r"(?P<title>(?:AFFAIRES|FINANCES|URBANISME|PERSONNEL|ADMINISTRATION|TRAVAUX|QUESTIONS|"
    r"INFORMATIONS|D[ÉE]CISIONS|VOIRIE|INTERCOMMUNALIT[ÉE]|ENVIRONNEMENT|[ÉE]COLES?|SCOLAIRE)\b"
    r"[^\na-zà-ÿ]*)$",
    re.M,
)
# « I - Délibérations : », « 1 - Finances : »: a numbered part of the order of business, even
# when the next one falls outside the excerpt.
PART_OF_BUSINESS = re.compile(
    r"(?:d[ée]lib[ée]rations?|affaires|finances|urbanisme|personnel|administration|travaux|"
    r"questions|informations|d[ée]cisions|voirie|intercommunalit[ée])\b[^\n]{0,60}:$",
    re.I,
)


# « 1)Approbation des Comptes de Gestion 2014 : Commune, … : »: what a council does to an item
# opens its title; such a line is an item even when it ends in « : ».
ACTION_TITLE = re.compile(
    r"(?:approbation|adoption|vote|d[ée]signation|[ée]lection|convention|demande|subvention|"
    r"modification|cr[ée]ation|autorisation|fixation|tarifs?|acquisition|cession|avenant|"
    r"renouvellement|attribution|indemnit[ée]s?|budget|compte\s+administratif)\b",
    re.I,
)


# « 1. M. DEGAY Jean Michel (Maire d’) Président ⏎ 2. M. JUDALET Patrick … »: a numbered list of
# the members present, each item a person by their civility, is no order of business.
PERSON_LISTED = re.compile(r"(?:M\.|MM\.|Mme|Mmes|Mlle|Madame|Monsieur|Mademoiselle)\s+[A-ZÀ-Ý]")


def agenda_sections(text: str) -> list[re.Match]:
    """The numbered sections of a record, as agendas are written without the heading.

    A numbered line that ends in « : » introduces a list or a question (« 1. Liste … : »);
    it counts as a section only when the next number follows it, or when it is a whole
    paragraph, an item's text that brings in its table (« 2" - Il s'agit d'une décision
    modificative … en intégrant les écritures suivantes : »)."""
    found = [
        m
        for m in SECTION.finditer(text)
        if _a_title(m.group("title")) and not PERSON_LISTED.match(m.group("title"))
    ]
    numbers = [_number(m.group("n")) for m in found]
    kept = []
    for i, m in enumerate(found):
        follows = numbers[i] is not None and (numbers[i] + 1) in numbers[i + 1 :]
        if (
            not m.group("title").endswith(":")
            or len(m.group("title").split()) >= 15
            or follows
            or PART_OF_BUSINESS.match(m["title"])
            or ACTION_TITLE.match(m["title"])
        ):
            kept.append(m)
    # « 1. Convention … : » then « 1. Révision du loyer … : »: a web page's list, restarted at
    # each item, that numbers them all « 1. »; two items with one number, both headed.
    headed = [m for m in found if m.group("title").endswith(":") and m not in kept]
    if len({_number(m.group("n")) for m in headed}) < len(headed):
        kept += headed
    bare = [m for m in BARE_SECTION.finditer(text) if len(m.group("title").split()) >= 2]
    # « 1 Thierry GLORIEUX P Luc DARDENNE ⏎ 1 Sandrine POULET EX … ⏎ 2 Jean-Paul BRIONNE P … »:
    # a table's rows, grouped by the sector that numbers them; an item's number comes once in a run
    bare = [
        m
        for j, m in enumerate(bare)
        if not any(0 <= k < len(bare) and bare[k]["n"] == m["n"] for k in (j - 1, j + 1))
    ]
    kept += _in_a_run(bare)
    kept += _in_a_run(list(NUMBERED_ITEM.finditer(text)))
    kept += _in_a_run(list(YEAR_NUMBERED.finditer(text)))
    kept += _in_a_run(list(TITLE_THEN_YEAR_RANK.finditer(text)))
    kept += [m for m in LONE_MARKER.finditer(text) if len(m.group("title").split()) >= 2]
    kept += list(RUN_IN_FIRST_ITEM.finditer(text))
    kept += [
        m
        for m in NAMED_ITEM.finditer(text)
        if m["n"].lstrip("0") == "1" and _a_title(m.group("title"))
    ]
    kept += _lettered_points(text)
    kept += _capital_lettered(text)
    kept += PART_IN_CAPITALS.finditer(text)
    for heading in (
        ITEM_HEADING,
        NUMBERED_DELIBERATION,
        REGISTER_NUMBER_LINE,
        TITLE_THEN_REGISTER_NUMBER,
        REGISTER_NUMBERED_ITEM,
        DATE_NUMBERED,
    ):
        headings = list(heading.finditer(text))
        if len(headings) >= 2:
            kept += headings
    return sorted(kept, key=lambda m: m.start())


def _a_title(title: str) -> bool:
    """Two words at least, or one in capitals (« 1- DESIGNATION », a PDF having put the rest of
    the heading on the lines below)."""
    return len(title.split()) >= 2 or (title.isupper() and len(title) >= 4)


def _number(n: str | None) -> int | None:
    if n is None:
        return None
    return int(n) if n.isdigit() else ROMAN.get(n)


def agenda(text: str) -> re.Match | None:
    """Where the record gives its order of business, with or without that heading."""
    heading = ORDER_OF_BUSINESS.search(text)
    if heading:
        return heading
    sections = agenda_sections(text)
    if sections:
        return sections[0]
    return margin_subjects(text) or INLINE_ITEMS.search(text) or _first_item_after_opening(text)


# « Délibération n° 2020-0506-1 : FINANCES » (the register's number: the year, the séance's day
# and month, the item's rank) heading its own line after the séance has opened: the record's
# first item, its business taken in order; before the opening, it heads an extract instead.
# « 2016.84 : DELEGATIONS DONNEES AU BUREAU … » (the year and the register's rank, the title in
# capitals) the same way.
REGISTER_ITEM = re.compile(
    r"^[ \t]*D[ée]lib[ée]ration\s+n[°ºo]\s*(?:19|20)\d\d[-/.]\d{2,4}[-/.]\d{1,3}\s*:"
    r"[ \t]*\S[^\n]*$|"
    r"^[ \t]*(?:19|20)\d\d\.\d{1,3}[ \t]*:[ \t]*(?-i:[A-ZÀ-Ý]{2}[^\na-zà-ÿ]*)$|"
    # « Délibération n°41-2016 ⏎ Approbation du procès verbal » (the rank, then the year; the
    # title on the next line)
    r"^[ \t]*D[ée]lib[ée]ration\s+n[°ºo]\s*\d{1,3}[-/](?:19|20)\d\d[ \t]*\n[ \t]*"
    r"(?-i:[A-ZÀ-Ý])[^\n]*$|"
    # « Sujet n° 1 : zone d'intérêt communautaire … »: the first of the numbered subjects
    r"^[ \t]*(?:Sujet|Point|Affaire|Question)\s+n[°º]\s*1[ \t]*:[ \t]*\S[^\n]*$|"
    # « PLUi arrêt des modalités de collaboration … (délibération 29.05.15) » (the title, then
    # the register's number in brackets: the séance's day and month, the item's rank; not a
    # recital, « Vu la délibération … »)
    r"^[ \t]*(?!Vu\b)(?-i:[A-ZÀ-Ý])[^\n]{10,}\([ \t]*d[ée]lib[ée]ration[ \t]+(?:n[°ºo]\s*)?"
    r"\d{1,4}[-/.]\d{1,4}[-/.]\d{1,4}[ \t]*\)[ \t.]*$",
    re.M | re.I,
)


def _first_item_after_opening(text: str) -> re.Match | None:
    opening = OPENING.search(text)
    return REGISTER_ITEM.search(text, opening.end()) if opening else None


# A table of the items that a copy flattened onto one line: « N° OBJET Vote … 1. Validation du
# compte-rendu … 2. Délibération approuvant … 3. Délibération portant … »: the first three
# numbers in order, each before a capitalised word.
INLINE_ITEMS = re.compile(
    r"(?:^|[ \t])1\.[ \t]+[A-ZÀ-Ý][^\n]*?[ \t]2\.[ \t]+[A-ZÀ-Ý][^\n]*?[ \t]3\.[ \t]+[A-ZÀ-Ý]", re.M
)


# The opening formula of the record itself: « L'an deux mil quatorze … », « … s'est réuni ».
OPENING = re.compile(r"\bL['’]an\s+(?:deux|mil|\d)|s['’]est\s+r[ée]uni|se\s+sont\s+r[ée]unis", re.I)
SUBJECT_LINE = re.compile(r"^[ \t]*(?P<title>[A-ZÀ-Ý][^\n\d]*[^\n\d.:;,])[ \t]*$", re.M)


HEADER_LINE = re.compile(
    r"(?:D[ée]partement|Canton|Commune|Arrondissement|R[ée]gion|R[ée]publique|Mairie|Ville|"
    r"Objet|S[ée]ance|Date|Nombre|Conseil|Extrait|Proc[èe]s|Compte|D[ée]lib[ée]ration)\b",
    re.I,
)


def margin_subjects(text: str) -> re.Match | None:
    """A register sheet's margin listing the séance's subjects before the record opens,
    unnumbered and unheaded (« Dossier PAVE : choix d'un bureau d'étude » / « Site internet
    communal »): three such lines at least in a run, in mixed case, a line that a PDF wrapped
    (« d'un avocat pour plaider en appel ») belonging to the one before."""
    opening = OPENING.search(text)
    if not opening:
        return None
    run: list[re.Match] = []
    for line in re.finditer(r"[^\n]+", text[: opening.start()]):
        content = line.group().strip()
        subject = SUBJECT_LINE.fullmatch(line.group())
        if subject and HEADER_LINE.match(content):
            subject = None  # « Département de l'AIN », « Commune de MOGNENEINS », « Objet : … »
        if (
            subject
            and len(content.split()) >= 2
            and not content.isupper()
            and (any(c.islower() for c in content.split()[0]))
        ):
            run.append(subject)
            if len(run) >= 3:
                return run[0]
        elif run and content[:1].islower() and not re.search(r"\d", content):
            continue  # the previous subject, wrapped
        elif content:
            run = []
    return None


# -- votes -----------------------------------------------------------------------------------------

OUTCOME = re.compile(
    r"\b(?:adopt|approuv|rejet|unanimit|accept)\w*|\baccord\s+unanime\b|\bavis\s+(?:d[ée])?favorable\b|\bvote\s*:|"
    r"\b\d+\s+(?:voix|votes)\s+pour\b|\bpour\s*:\s*\d+|"
    # « Madame RENAUDIN ayant obtenu la majorité des suffrages »: an election's result
    r"\bobtenu\s+(?:la\s+majorit[ée](?:\s+absolue)?\s+des\s+suffrages|\d+\s+voix)|"
    # « Après approbation du dernier procès-verbal »: the approval, told as done
    r"\bapr[èe]s\s+(?:l['’]\s*)?approbation\b|"
    # « 10 pour (8 + 2 procurations) et 5 contre »: a tally without « voix »
    # (« de 10 pour et 5 abstentions »: abstentions for the other side)
    r"\b\d+\s+pour\b(?=[^.\n]{0,80}?\b\d+\s+(?:contre|abstentions?)\b)|"
    # « Approbation à la majorité : 10 pour … », « Accord à la majorité »
    r"\b(?:approbation|accord)\s+[àa]\s+la\s+majorit[ée]\b|"
    # « Pour 12 Contre 0 », « POUR 12 - CONTRE 1 », « Pour 31/Abstention 0 /Contre 0 »: a tally
    # without its colons
    r"\bpour\s*:?\s*\d+[\s,;/–-]+(?:abstentions?\s*:?\s*\d+[\s,;/–-]+)?contre\b|"
    # « Voté à la majorité », « votée par 12 voix »
    r"\bvot[ée]e?s?\s+(?:[àa]\s+la\s+majorit|par\s+\d|[àa]\s+\d)|"
    # « Le conseil désigne X comme secrétaire », « Le Conseil municipal, après en avoir
    # délibéré, DÉCIDE »: the council's decision, stated (not « prend acte »).
    # « le Conseil Municipal nomme pour secrétaire de séance Madame … »
    # (an intercommunal body's too: « le Comité désigne Monsieur … comme Secrétaire de Séance »)
    r"\ble\s+(?:conseil(?:\s+municipal)?|comit[ée](?:\s+syndical)?)\b[^.;\n]{0,80}?"
    r"\b(?:d[ée]cide|d[ée]signe|[ée]lit|nomme|autorise|"
    # « Le Conseil donne son accord pour … », « … valide / fixe / émet / accorde … »
    r"donne\s+son\s+accord|valide|fixe|[ée]met|accorde|attribue|sollicite|refuse|s['’]oppose)\b|"
    # « Les membres présents sont favorables pour l'ajout de ce point »: the members' consent
    # (not the mayor's or one member's opinion: « le Maire est favorable à … »)
    r"\b(?:les\s+membres(?:\s+pr[ée]sents)?|le\s+conseil(?:\s+municipal)?|l['’]assembl[ée]e|"
    r"(?:tous\s+)?les\s+conseillers(?:\s+municipaux)?)\s+(?:sont|est|se\s+(?:sont\s+|est\s+)?"
    r"(?:d[ée]clar|prononc)[ée]e?s?)\s+(?:tous\s+|unanimement\s+)?favorables?\b|"
    # « Avec l'accord du conseil municipal, ajout d'une délibération »
    r"\b(?:avec|[àa])\s+l['’]accord\s+(?:unanime\s+)?du\s+conseil\b|"
    r"\bscrutin\s+a\s+eu\s+lieu\b[^.\n]{0,80}?\b(?:nomm|[ée]lu|d[ée]sign)|"
    # a resolution's verb in capitals opening its line: « DECIDE de solliciter … »,
    # « AUTORISE Monsieur le Maire … », « ÉMET un avis … » (« PREND ACTE » is not a vote)
    r"(?-i:^[ \t]*(?:D[ÉE]CIDE|APPROUVE|AUTORISE|[ÉE]MET|FIXE|VALIDE|ACCORDE|ATTRIBUE|D[ÉE]SIGNE|"
    r"[ÉE]LIT|SOLLICITE|REFUSE|ADOPTE|ACCEPTE)\b)",
    re.I | re.M,
)
TALLY = re.compile(
    # (« 13 votes pour 1 abstention », « 11 votes pour / 1 abstention / 2 contre »: « votes »
    # for « voix »)
    # (not a year's last figures: « à partir du 15 février 2022 pour toutes les associations »)
    rf"(?:(?<![\d.,])(?P<pour>{COUNT})\s+(?:(?:voix|votes)\s+)?pour|pour\s*:\s*(?P<pour2>{COUNT}))"
    rf"(?:(?:(?!abstention)[^.\n]){{0,40}}?(?:(?P<contre>{COUNT})\s+(?:(?:voix|votes)\s+)?contre|"
    rf"contre\s*:\s*(?P<contre2>{COUNT})))?"
    rf"(?:[^.\n]{{0,40}}?(?:(?P<abst>{COUNT})\s+abstentions?|abstentions?\s*:\s*(?P<abst2>{COUNT})))?"
    # (the abstentions before the votes against: « 11 votes pour / 1 abstention / 2 contre »)
    rf"(?:[^.\n]{{0,40}}?(?P<contre3>{COUNT})\s+contre\b)?",
    re.I,
)


@dataclass(frozen=True)
class Tally:
    pour: int
    contre: int
    abstentions: int
    outcome: str | None  # "adopté", "rejeté" or None when the sentence does not say
    span: tuple[int, int]


def _paragraph_start(text: str, position: int) -> int:
    blank = text.rfind("\n\n", 0, position)
    return blank + 1 if blank >= 0 else -1


def _paragraph_end(text: str, position: int) -> int:
    blank = text.find("\n\n", position)
    return blank if blank >= 0 else len(text)


def tallies(text: str) -> list[Tally]:
    """Every counted vote, with the outcome its sentence states."""
    found = []
    for m in TALLY.finditer(text):
        values = [
            count_value(m.group(a) or m.group(b) or "0") or 0
            for a, b in (("pour", "pour2"), ("contre", "contre2"), ("abst", "abst2"))
        ]
        if m["contre3"] and not values[1]:
            values[1] = count_value(m["contre3"]) or 0
        # The sentence, within its paragraph: « Sont : POUR : 14 CONTRE : 0 » then, after a
        # blank line, « … une absorption des rejets … » is another matter.
        start = max(text.rfind(".", 0, m.start()), _paragraph_start(text, m.start())) + 1
        end = min(e for e in (text.find(".", m.end()), _paragraph_end(text, m.end())) if e >= 0)
        sentence = text[start:end]
        outcome = None
        # the verb, not the noun (« les rejets de l'usine »)
        if re.search(r"\brejet(?:[ée]e?s?|te(?:nt)?)\b", sentence, re.I):
            outcome = "rejeté"
        elif re.search(r"\b(?:adopt|approuv)\w*", sentence, re.I):
            outcome = "adopté"
        found.append(Tally(*values, outcome, m.span()))
    return found


# A vote as a table: « Pour | Contre | Abstention » over « 12 | 0 | 1 ».
VOTE_TABLE = re.compile(
    r"^[^\n\d]*\bpour\b[^\n\d]*\bcontre\b[^\n\d]*\n[ \t|]*(?:\d{1,3}[ \t|]+)+\d{1,3}[ \t|]*$",
    re.I | re.M,
)


# A compte rendu sommaire lists what the council did in the past tense under one opening:
# « Au cours de cette séance, le Conseil Municipal a : … procédé au remplacement de … ».
SUMMARY_OPENING = re.compile(r"\ble\s+conseil(?:\s+municipal)?\s+a\s*:", re.I)
SUMMARY_DECISION = re.compile(
    r"\b(?:d[ée]cid[ée]|d[ée]sign[ée]|[ée]lu|autoris[ée]|fix[ée]|valid[ée]|accord[ée]|"
    r"attribu[ée]|sollicit[ée]|refus[ée]|[ée]mis\s+un\s+avis|"
    r"proc[ée]d[ée]\s+(?:au|[àa]\s+la|[àa]\s+l['’])\s*(?:remplacement|d[ée]signation|"
    r"[ée]lection|nomination))\b",
    re.I,
)


def outcomes(text: str) -> list[re.Match]:
    """Each place a vote's result is stated, in words, in figures or as a table."""
    found = list(OUTCOME.finditer(text)) + list(VOTE_TABLE.finditer(text))
    if opening := SUMMARY_OPENING.search(text):
        found += SUMMARY_DECISION.finditer(text, opening.end())
    return sorted(found, key=lambda m: m.start())


def contradictions(text: str) -> list[tuple[Tally, str]]:
    """Counted votes whose stated outcome contradicts the count, with why, in French."""
    found = []
    for tally in tallies(text):
        if tally.outcome == "adopté" and tally.pour <= tally.contre:
            found.append(
                (
                    tally,
                    f"Adopté avec {tally.pour} voix pour et {tally.contre} contre : le décompte "
                    "ou le résultat est faux (CGCT, art. L2121-20, majorité des suffrages "
                    "exprimés).",
                )
            )
        elif tally.outcome == "rejeté" and tally.pour > tally.contre:
            found.append(
                (
                    tally,
                    f"Rejeté avec {tally.pour} voix pour et {tally.contre} contre : le décompte "
                    "ou le résultat est faux (CGCT, art. L2121-20).",
                )
            )
    return found
