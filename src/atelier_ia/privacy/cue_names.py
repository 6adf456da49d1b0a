"""Names found by the words before them, whatever their case: messages to a mairie are often
written in haste, in lower case (« slt c karim du 2e », « je suis samia el amrani », « le
chauffe eau de mme benhamou fuit »), and a first name alone signs many of them (« Merci,
Isabelle »).

Capitals are what the other name detectors go by; here the cue is the words before: a civility
in lower case, or a known first name right after « je suis », « je m'appelle », « c'est »,
« moi c'est », « c » (texting), a greeting (« coucou mireille »), « avec », a word of kinship
(« ma femme ophélie »), « appeler » or a sign-off (« merci, karim »); another after « et »; and
one signing right before a phone number. Words of the French stop list (spaCy's) and texting
words end a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from atelier_ia.privacy.findings import Finding
from atelier_ia.privacy.french_words import is_french_noun, is_french_word, without_accents
from atelier_ia.privacy.names import CAP, LEGAL_FORM, LOWER, NOT_NAMES, UPPER, a_thing, first_names

LOWER_WORD = rf"[{LOWER}]+(?:['’-][{LOWER}]+)*"
ANY_WORD = rf"[{UPPER}{LOWER}]+(?:['’-][{UPPER}{LOWER}]+)*"
# Inside a name in lower case; « le », « la », « des », « du » there are the sentence's
# (« c kader le fils de mme haddad »).
PARTICLES = {"de", "van", "von", "da", "di", "ben", "el", "al", "ait"}
# Words a civility is followed by that are not a name (« madame la maire », « monsieur le
# directeur »), besides the stop list.
TITLES = {
    "maire",
    "adjoint",
    "adjointe",
    "directeur",
    "directrice",
    "président",
    "présidente",
    "conseiller",
    "conseillère",
    "secrétaire",
    "responsable",
    "préfet",
    "préfète",
    "docteur",
    "bonjour",
    "merci",
}
# Texting words, which end a name as stop words do (« coucou mireille c dom »).
TEXTING = {
    "c",
    "cc",
    "jsuis",
    "jvoudrai",
    "jvoudrais",
    "svp",
    "stp",
    "tt",
    "tte",
    "vs",
    "ns",
    "pr",
    "ds",
    "bjr",
    "slt",
    "bsr",
    "mdr",
    "qqn",
    "pcq",
    "tjrs",
}
# A signature right before a phone number: « … c pour lola. jessica moulin 06 51 87 22 04 ».
BEFORE_PHONE = re.compile(
    rf"(?<![\w'’-])(?P<name>{LOWER_WORD}(?:[ \t]+{LOWER_WORD})?)[ \t]*[,:]?[ \t]*"
    r"(?=(?:\+33[ .]?|0)[1-9](?:[ .-]?\d{2}){4}\b)"
)
# First names that are also feasts, after « c'est » or « merci » more often than people.
FEASTS = {"noël", "pâques", "toussaint"}
# (not « le monsieur dort dedans », « un monsieur qu'elle connaît pas »: the noun, after its
# article or a determiner)
CIVILITY = re.compile(
    r"(?<!\ble )(?<!\bun )(?<!\bce )(?<!\bcette )(?<!\bune )(?<!\bla )(?<!\bdu )(?<!\bau )"
    rf"\b(?i:mme|mr|m\.|monsieur|madame|mlle|melle)[ \t]+(?={LOWER_WORD})"
    # (not « bonjour madame c'est la maman de louison »: an elided pronoun begins a sentence)
    r"(?!(?:c|j|qu|n|s|m|t)['’])"
    # (« Mme veuve LE TEXIER »: her widowhood, not her name)
    r"(?!(?:veuve|vve)\b)"
)
INTRODUCTION = re.compile(
    r"(?i:\b(?:je\s+suis|je\s+m['’ ]?appelle|je\s+me\s+nomme|moi\s+c['’]?est|c['’]est|c|ici|"
    r"appele[rz]|appelle[rz]?|contacte[rz]|demande[rz]|avec|"
    # greetings: « coucou mireille », « Bonjour Pantxika »
    r"bonjour|bjr|bonsoir|bsr|salut|slt|coucou|"
    # « ma femme ophélie », « le mari de josiane », « la maman de lenny »
    r"(?:ma|mon|mes|le|la|les)\s+(?:femme|mari|fils|fille|m[èe]re|p[èe]re|maman|papa|voisin|"
    r"voisine|fr[èe]re|s(?:œ|oe)ur|compagne|compagnon)(?:\s+d['’e])?|"
    r"merci|cordialement|signé|de\s+la\s+part\s+de))"
    rf"[ \t,:]+(?={ANY_WORD})"
)
# « bonjour je suis sitti ahamada, je voudrais … »: someone introducing themselves, two words
# that are no French words then a comma, the line's end or « de », « du », « la » (« je suis
# karan bhojwani du 12 rue … »): their name, known first name or not
SELF_INTRODUCED = re.compile(
    r"(?i:\bje\s+suis|\bje\s+m['’ ]?appelle|\bmoi\s+c['’ ]?est)[ \t]+"
    r"(?P<first>[a-zà-ÿ'’-]+)[ \t]+(?P<last>[a-zà-ÿ'’-]+)"
    r"(?=[ \t]*(?:[,.\n]|$)|[ \t]+(?:de|du|la|le|et)\b)"
)
WORD = re.compile(LOWER_WORD)
ANY = re.compile(ANY_WORD)
CAPITALISED = re.compile(CAP)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    from spacy.lang.fr.stop_words import STOP_WORDS

    return (frozenset(STOP_WORDS) | TEXTING | DICTATED) - PARTICLES


# Punctuation said aloud to a phone's dictation (« madame virgule suite à votre appel »)
DICTATED = {"virgule", "point", "tiret", "arobase", "slash", "guillemets", "parenthèse"}


def _known_first_name(word: str) -> bool:
    if len(word) < 2:
        return False  # « c'est M. Dupont »: an initial
    return "-".join(part.capitalize() for part in word.split("-")) in first_names()


def _name_from(text: str, start: int, words_at_most: int) -> tuple[int, int] | None:
    """The name that starts at ``start``: words that are not stop words, particles only between
    two of them; None if the first word cannot start a name."""
    stop = stop_words()
    end, taken = start, 0
    position = start
    while taken < words_at_most:
        word = WORD.match(text, position)
        if word and word.group() in ("le", "la") and taken:
            # « c'est audrey le gall »: a Breton surname's article, before a word that is no
            # French word (not « audrey la maman »)
            after = WORD.match(text, past_blanks(text, word.end()))
            if after and not is_french_word(after.group()) and not _known_first_name(after.group()):
                position = past_blanks(text, word.end())
                continue
        if not word or word.group() in stop or word.group() in TITLES:
            break
        if word.group() in PARTICLES:
            after = WORD.match(text, past_blanks(text, word.end()))
            if taken == 0 or not after or after.group() in stop | PARTICLES:
                break
        elif taken and _a_word_not_a_name(word.group()):
            break  # « mon fils mathis veut s'inscrire »: the sentence goes on
        else:
            end, taken = word.end(), taken + 1
        position = past_blanks(text, word.end())
        if position == word.end():
            break  # no blank after it: punctuation or the end
    return (start, end) if end > start else None


def _a_word_not_a_name(word: str) -> bool:
    """A verb, an adverb, an adjective (« veut », « passe », « demain »): a French word that is
    no noun and no first name; a surname may be a noun (« martin », « boulanger »)."""
    return is_french_word(word) and not is_french_noun(word) and not _known_first_name(word)


BLANKS = re.compile(r"[ \t]*")


def past_blanks(text: str, position: int) -> int:
    return BLANKS.match(text, position).end()


def _capitalised_from(start: int, text: str) -> tuple[int, int]:
    """« Isabelle », « Isabelle Martin »: the capitalised words from ``start``, three at most."""
    end = start
    for _ in range(3):
        word = CAPITALISED.match(text, end if end == start else past_blanks(text, end))
        if not word or (end != start and text[end : word.start()] not in (" ", "\u00a0")):
            break
        end = word.end()
    return start, end


# « mr le boterff », « mme de souza »: a surname's article or particle after the civility, then
# a word that is no French word (not « mr le maire »)
ARTICLE_THEN_SURNAME = re.compile(
    rf"(?:le|la|de|du|da|di|van|von|ben|el)[ \t]+(?P<surname>{LOWER_WORD})(?![\w'’-])"
)


def by_cue(text: str) -> Iterator[Finding]:
    for m in CIVILITY.finditer(text):
        article = ARTICLE_THEN_SURNAME.match(text, m.end())
        if article and not is_french_word(article["surname"]):
            yield _finding(text, article.span(), "nom en minuscules après une civilité")
            continue
        first = WORD.match(text, m.end())
        # « mme benhamou »; « mr karim dupont »: two words when the first is a first name.
        most = 3 if _known_first_name(first.group()) else 1
        span = _name_from(text, m.end(), most)
        if span:
            yield _finding(text, span, "nom en minuscules après une civilité")
    for m in SELF_INTRODUCED.finditer(text):
        if _not_a_word(m["first"]) and _not_a_word(m["last"]):
            span = (m.start("first"), m.end("last"))
            yield _finding(text, span, "deux mots inconnus après « je suis », « je m'appelle »")
    for m in INTRODUCTION.finditer(text):
        first = ANY.match(text, m.end())
        word = first.group().lower()
        if not _known_first_name(word) or word in stop_words() or word in FEASTS:
            continue
        if first.group().islower():
            span = _name_from(text, m.end(), 3)
        else:
            span = _capitalised_from(m.end(), text)
        while span:
            yield _finding(text, span, "prénom connu après « je suis », « c'est », « merci »…")
            span = _joined(text, span[1])
    for m in BEFORE_PHONE.finditer(text):
        first = WORD.match(text, m.start("name"))
        if _known_first_name(first.group()) and first.group() not in stop_words():
            span = _name_from(text, m.start("name"), 2)
            if span:
                yield _finding(text, span, "prénom connu en minuscules juste avant un téléphone")


AND = re.compile(r"[ \t]+et[ \t]+")


def _joined(text: str, end: int) -> tuple[int, int] | None:
    """« c pour lola et timeo »: a known first name right after « et » is another name."""
    joined = AND.match(text, end)
    if not joined:
        return None
    word = ANY.match(text, joined.end())
    if not word or not _known_first_name(word.group().lower()):
        return None
    if word.group().islower():
        return _name_from(text, joined.end(), 3)
    return _capitalised_from(joined.end(), text)


def _finding(text: str, span: tuple[int, int], why: str) -> Finding:
    return Finding(span[0], span[1], "PERSONNE", text[span[0] : span[1]], why)


# « Chamsia Ahamadi, dite « Chacha » », « Ibrahim Saïd, dit « Bibou » »: a nickname in quotes.
NICKNAME = re.compile(
    rf"\b(?i:dite?|surnomm[ée]e?|alias)[ \t]+[«\"“][ \t\u00a0]*(?P<name>{ANY_WORD})"
    r"[ \t\u00a0]*[»\"”]"
)
# A chat's transcript: « [groupe WhatsApp …] Nadjim : barrage levé … ⏎ Abdou : ok … »: the
# sender opens each line. Only where the text says it is a chat.
CHAT = re.compile(r"(?i:whats\s?app|messenger|telegram|signal|sms|texto|groupe\s+de\s+discussion)")
SENDER = re.compile(rf"^(?:\[[^\]\n]*\][ \t]*)?(?P<name>{ANY_WORD})[ \t]*:[ \t]", re.M)
# A chat's export, each line opening with its time, then its sender: WhatsApp's « 12/02/2026,
# 21:17 - Dédé Carlier 🚲: … », « [04/02/2026 21:02:11] Véro adjointe: … »; the time says it
# is a chat, whatever the text calls it
TIMESTAMPED_SENDER = re.compile(
    r"^(?:\[[ \t]*(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?[ \t]*)?\d{1,2}:\d{2}(?::\d{2})?[ \t]*\]|"
    r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?[ \t]*-)[ \t]*"
    r"(?P<name>[^\W\d][^:\n]{0,38}?)[ \t]*:[ \t]",
    re.M,
)
# Any line's speaker, one to three words (« nath p. : moi, j'ai 4 places »)
SPEAKER = re.compile(r"^(?:\[[^\]\n]*\][ \t]*)?(?P<label>[^\W\d][^\n:]{0,24}?)[ \t]*:[ \t]", re.M)
# « sms de babou (taxi) », « message de Siobhan »
# « reçue par courriel de Nouvelle-Calédonie »: where it comes from, not who
TERRITORY = re.compile(
    r"Nouvelle-Cal[ée]donie|Polyn[ée]sie|Guadeloupe|Martinique|Guyane|Mayotte|Wallis|Futuna|"
    r"Saint-Pierre-et-Miquelon|Saint-Barth[ée]lemy|Saint-Martin|Corse|Belgique|Suisse|Espagne|"
    r"Italie|Allemagne|Luxembourg|Andorre|Monaco|Portugal"
)
MESSAGE_FROM = re.compile(
    rf"\b(?i:sms|texto|message|mail|e-mail|courriel|mot)[ \t]+de[ \t]+(?P<name>{ANY_WORD})\b"
)


def _not_a_word(word: str) -> bool:
    lower = word.lower()
    if ELIDED.match(lower):
        return False  # « sms de l'astreinte »: a noun with its article
    return len(word) > 2 and lower not in stop_words() and not is_french_word(lower)


ELIDED = re.compile(r"[ldjmnst]['’]|qu['’]")


# A mail's header lines in the languages residents write in (« asunto: », « assunto: »,
# « Betreff: »): not a chat line's sender
MAIL_HEADERS = {"asunto", "assunto", "assumpte", "subject", "betreff", "oggetto", "onderwerp"}
# A form's or a note's labels, repeated line after line (« objet : … ⏎ réponse : … »)
NOT_SENDERS = {
    "objet",
    "date",
    "heure",
    "réponse",
    "reponse",
    "question",
    "note",
    "info",
    "rappel",
    "nom",
    "prénom",
    "prenom",
    "adresse",
    "tel",
    "tél",
    "mail",
    "email",
    # the roles a service's chat names its speakers by (« Lectrice : … — Bibliothécaire : … »)
    "lecteur",
    "lectrice",
    "bibliothécaire",
    "agent",
    "agente",
    "usager",
    "usagère",
    "client",
    "cliente",
    "conseiller",
    "conseillère",
    "accueil",
    "mairie",
    "secrétariat",
    "habitant",
    "habitante",
    "visiteur",
    "visiteuse",
    "opérateur",
    "opératrice",
    "assistant",
    "assistante",
}


def by_nickname_or_sender(text: str) -> Iterator[Finding]:
    """Names that no list knows, given away by their place: a nickname after « dit », a chat
    line's sender, the author of a message."""
    for m in NICKNAME.finditer(text):
        yield _finding(text, m.span("name"), "surnom après « dit », « dite », « alias »")
    senders = list(SENDER.finditer(text)) if CHAT.search(text) else []
    # « kiki : qui emmene … ⏎ nath p. : moi … ⏎ kiki : … »: a sender who speaks twice, another
    # speaking between, is someone even when the nickname is also a word (« kiki », « bichette »)
    labels = [m.group("name").lower() for m in senders]
    speakers = {m.group("label").lower() for m in SPEAKER.finditer(text)} if senders else set()
    in_turn = {
        label
        for label in labels
        if labels.count(label) >= 2 and len(speakers) >= 2 and label not in stop_words()
    }
    for m in senders:
        label = m.group("name")
        if (
            (_not_a_word(label) or label.lower() in in_turn)
            and not CHAT.fullmatch(label)
            and label.lower() not in MAIL_HEADERS
            and label.lower() not in NOT_SENDERS
        ):
            yield _finding(text, m.span("name"), "nom de l'auteur d'une ligne de discussion")
    for m in MESSAGE_FROM.finditer(text):
        if _not_a_word(m.group("name")) and not TERRITORY.fullmatch(m.group("name")):
            yield _finding(text, m.span("name"), "auteur d'un message (« sms de … »)")
    for m in TIMESTAMPED_SENDER.finditer(text):
        words = list(CAPITALISED.finditer(text, *m.span("name")))
        # (its capitalised words in a row, the first one opening the name: « Véro adjointe » is
        # Véro, « DESCHAMPS Laurent (Mairie de Ribérac) » is DESCHAMPS Laurent)
        if not words or words[0].start() != m.start("name"):
            continue
        row = 1
        while row < len(words) and (
            not (gap := text[words[row - 1].end() : words[row].start()].strip())
            # (« Lemesle, Agathe », a directory's « surname, first name »)
            or (gap == "," and words[row].group() in first_names())
        ):
            row += 1
        words = words[:row]
        label = words[0].group()
        if label.lower() in MAIL_HEADERS or label.lower() in NOT_SENDERS or label in NOT_NAMES:
            continue
        if (len(words) == 1 and not _not_a_word(label)) or a_thing(label):
            continue  # « Vous », « Accueil », « Service Technique »
        span = (words[0].start(), words[-1].end())
        yield _finding(text, span, "nom de l'auteur d'une ligne de discussion")


# A role or a bond, then a name no list may know: « son fils Hamada », « témoin : Ibrahim
# Saïd », « déclarant : son frère, Nassur Mohamed », « mère restée à Anjouan : Echati Bacar ».
ROLE = re.compile(
    # in lower case: « Oberlé et Fils » is a firm, « Grand-Mère Kal » a tale's character
    r"\b(?P<role>fils|fille|m[èe]re|p[èe]re|fr[èe]re|s(?:œ|oe)ur|tante|oncle|neveu|ni[èe]ce|"
    r"[ée]pou(?:x|se)|veu(?:f|ve)|conjointe?|grand-m[èe]re|grand-p[èe]re|petite?-fille|"
    r"petit-fils|t[ée]moins?|d[ée]clarante?|d[ée]funte?|mandataire|mandante?|tut(?:eur|rice)|"
    r"trésori(?:er|ère)|locataire|pétitionnaires?|demandeu(?:r|se)|b[ée]n[ée]ficiaire|"
    r"élève|enfant)"
    # up to three words in lower case between (« son fils », « sa fille aînée »), not a
    # preposition last: « restée à Anjouan » names a place
    rf"(?P<between>(?:[ \t]+{LOWER_WORD}){{0,3}}?)(?<![ \t]à)(?<![ \t]au)(?<![ \t]aux)(?<![ \t]de)"
    r"(?<![ \t]du)(?<![ \t]en)(?<![ \t]chez)(?<![ \t]sur)(?<![ \t]dans)"
    r"[ \t]*[:,]?[ \t]+(?=[A-ZÀ-Ý])"
)
POSSESSIVES = {"son", "sa", "ses", "leur", "leurs", "mon", "ma", "mes", "notre", "votre"}
UNKNOWN_NAME = re.compile(rf"{CAP}(?:[ \t]+{CAP}){{0,2}}")


def after_a_role(text: str) -> Iterator[Finding]:
    """Capitalised words that are not French words, right after a role or a bond."""
    for m in ROLE.finditer(text):
        name = UNKNOWN_NAME.match(text, m.end())
        between = m.group("between").split()
        if not name or any(w in stop_words() and w not in POSSESSIVES for w in between):
            continue  # « arrivée enfant avec la Retirada »: the words between are the sentence's
        words = name.group().split()
        kept = []
        for word in words:
            acronym = word.isupper() and len(word) <= 4  # « SCI », « CCAS »
            if acronym or is_french_word(word.lower()) or word.lower() in stop_words():
                break
            if word in NOT_NAMES:
                break  # « défunte : Sra. Elena Lozano »: a civility, the name after it
            kept.append(word)
        if not kept:
            continue
        end = m.end() + len(" ".join(kept)) if len(kept) == len(words) else None
        if end is None:
            end = m.end() + name.group().find(kept[-1]) + len(kept[-1])
        yield _finding(
            text, (m.end(), end), "nom après un lien ou un rôle (« son fils », « témoin »)"
        )


# An e-mail in English from a resident abroad: « my name is Rhiannon Cadwallader », « My husband
# Gareth and I », « my grandmother, Evelyn Prosser, born … », signed « Best wishes, Gareth ».
# Names no French list knows, given away by the English words before them.
ENGLISH_CUE = re.compile(
    r"\b(?:[Mm]y[ \t]+name[ \t]+is|[Mm]y[ \t]+(?:husband|wife|partner|son|daughter|mother|"
    r"father|grandmother|grandfather|brother|sister|uncle|aunt|late[ \t]+husband|late[ \t]+wife)"
    r",?|(?:Best[ \t]+wishes|Kind[ \t]+regards|Many[ \t]+thanks|Yours[ \t]+sincerely|"
    r"Best[ \t]+regards|Warm[ \t]+regards|Regards|Cheers),)"
    rf"[ \t\n]+(?P<name>{CAP}(?:[ \t]+{CAP}){{0,2}})"
)
# English words a capital may start that are no one's name (« My husband and I », « Best
# wishes, The Smith family »)
ENGLISH_NOT_NAMES = {"The", "And", "I", "We", "Our", "My", "Mr", "Mrs", "Ms", "Dr", "From"}


def by_english_cue(text: str) -> Iterator[Finding]:
    for m in ENGLISH_CUE.finditer(text):
        words = list(CAPITALISED.finditer(text, m.start("name"), m.end("name")))
        while words and words[-1].group() in ENGLISH_NOT_NAMES:
            words.pop()
        if not words or words[0].group() in ENGLISH_NOT_NAMES or words[0].group() in NOT_NAMES:
            continue
        span = (words[0].start(), words[-1].end())
        yield _finding(text, span, "nom après une formule anglaise (« my name is »…)")


# « Van: Sanne van der Meulen <sanne.vdmeulen@ziggo.nl> », « "Maarten de Vries"
# <maarten.devries@…> »: a display name before an address, in any language's mail header
ADDRESS_OWNER = re.compile(
    r"(?:^|[:,;]|(?<=\s))[ \t]*\"?(?P<name>[^\W\d_][^<>\"\n:;,@]{1,50}?)\"?[ \t]*"
    r"<(?P<local>[\w.+-]+)@[\w.-]+>",
    re.M,
)
FOLD_WORD = re.compile(r"[a-z]{3,}")


def by_address_owner(text: str) -> Iterator[Finding]:
    """The display name of an address whose user part holds one of its words (« sanne » of
    « sanne.vdmeulen »): the address's owner. A service's name most often shares none with its
    address (« Mairie de Bar-sur-Aube <accueil@…> »), or opens with a noun (« Service
    Urbanisme »)."""
    for m in ADDRESS_OWNER.finditer(text):
        name = m["name"].strip()
        words = name.split()
        if not 1 <= len(words) <= 5 or any(w[0].islower() for w in words if len(w) > 3):
            continue
        if a_thing(name):  # « Service Urbanisme <urbanisme@…> »
            continue
        local = without_accents(m["local"]).lower()
        folded = FOLD_WORD.findall(without_accents(name).lower())
        if any(word in local for word in folded):
            start = m.start("name") + m["name"].index(name)
            yield _finding(text, (start, start + len(name)), "nom devant son adresse électronique")


# A file named after its parties, in capitals, a slash between: « Dossier de mariage LE BIHAN /
# PRINTEMPS », « vente SOUCAILLE / NKOULOU » (in the corpus, every one was two people)
_CAPITALS = rf"[{UPPER}][{UPPER}'’-]+(?:[ ][{UPPER}][{UPPER}'’-]+)?"
PARTIES = re.compile(
    r"\b(?i:mariage|pacs|vente|divorce|succession|indivision|cession|donation|consorts|époux)"
    rf"[ \t]+(?P<first>{_CAPITALS})[ \t]*/[ \t]*(?P<second>{_CAPITALS})(?![\w'’-])"
)


VOWEL = re.compile(r"[AEIOUYÀÂÄÉÈÊËÎÏÔÖÛÜŸ]")


def by_parties(text: str) -> Iterator[Finding]:
    for m in PARTIES.finditer(text):
        # (« vente TTC / HT », « cession SCI / SARL »: acronyms, legal forms)
        if all(
            len(m[part]) > 2 and VOWEL.search(m[part]) and not LEGAL_FORM.fullmatch(m[part])
            for part in ("first", "second")
        ):
            for part in ("first", "second"):
                yield _finding(text, m.span(part), "nom d'une partie dans l'intitulé d'un dossier")


# A record in capitals gives a married woman's two names around « NÉE », « ÉP. », « EPOUSE »
# (the land register's, the vehicle register's): « RAFFIN NEE DUCHENE BEATRICE », « MME
# SCHNEIDER/ALINE CLÉMENCE ÉP MEISTERMANN »; all of it is one person.
_CAPITAL_WORD = rf"(?<![\w'’-])(?!(?:MME|MMES|MLLE|MR|M|MONSIEUR|MADAME)\b)[{UPPER}][{UPPER}'’-]+"
MARRIED_NAME = re.compile(
    rf"(?:(?P<before>{_CAPITAL_WORD}(?:[ \t]{_CAPITAL_WORD}){{0,2}})[ \t]+)?"
    r"(?<![\w.])(?:ÉP\.?|EP\.?|EPOUSE|ÉPOUSE|NEE|NÉE|VEUVE|VVE)"
    rf"[ \t]+(?P<after>{_CAPITAL_WORD}(?:[ \t]{_CAPITAL_WORD}){{0,2}})(?![\w'’-])"
)


def by_married_name(text: str) -> Iterator[Finding]:
    for m in MARRIED_NAME.finditer(text):
        start = m.start("before") if m["before"] else m.start("after")
        why = "noms en capitales autour de « NÉE », « ÉP. »"
        yield _finding(text, (start, m.end("after")), why)
