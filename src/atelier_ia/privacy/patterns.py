"""Personal data with a shape: found by patterns, confirmed by checksums where there is one.

python-stdnum checks the NIR key, IBAN and SIREN/SIRET checksums; phonenumbers (Google's
libphonenumber) validates French phone numbers in all their usual writings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers
from stdnum import iban as std_iban
from stdnum.ch import ssn as std_avs
from stdnum.fr import nir as std_nir
from stdnum.fr import siren as std_siren
from stdnum.fr import siret as std_siret
from stdnum.iso7064 import mod_97_10 as std_mod_97_10

from atelier_ia.french_numbers import NUMBER_WORDS, number_groups, words_value
from atelier_ia.privacy.findings import Finding

EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}\b")
# sex, year, month (or 20+ for special cases), département (2A/2B), commune, order, key
# Groups may be split by a line break (a number at the end of a line), and the key set apart
# with a dash (« 1 71 12 40 192 030 - 75 »).
# « 2-78-12-99-397-045-72 »: dashes between every group, too. Born overseas, the
# département has three digits and the commune two (« 2 72 09 971 20 084 10 »).
_NIR_BODY = (
    r"\b[12][ .\n-]?\d{2}[ .\n-]?(?:0[1-9]|1[0-2]|[2-9]\d)[ .\n-]?"
    r"(?:(?:\d{2}|2[ABab])[ .\n-]?\d{3}|97\d[ .\n-]?\d{2})"
    r"[ .\n-]?\d{3}"
)
NIR = re.compile(_NIR_BODY + r"(?:[ .\n]?|[ \t]?[-–][ \t]?)\d{2}\b")
# The key written apart, named: « 1 70 03 99 352 261, clé 49 »
KEY_WORD = re.compile(r",?[ \t]*(?:cl[ée]|key)[ \t]*:?", re.I)
KEYED_NIR = re.compile(_NIR_BODY + KEY_WORD.pattern + r"[ \t]*\d{2}\b", re.I)
# People type their IBAN in lower case too (« mon iban c'est fr76 … »).
IBAN = re.compile(
    # (a line break inside a group too, before a figure: « … 8274 1⏎01 »; a letter after a
    # line break starts the next word, « … 115⏎SIREN »)
    # (groups of two or three too, a bank's national layout: « ES61 2085 5200 85 0330 4127 36 »)
    # (« FR76 1610 6000 ⏎4127 … »: a space left before the line break too)
    # (a French RIB's groups after the key: « FR76 10096 18201 00072593146 22 »)
    r"\b[A-Z]{2}\d{2}(?:(?:[ \t]\n|[ \n])?(?:\d{5}(?=[ \t]\d)|[A-Z0-9]{11}(?=[ \t]\d\d\b)|"
    r"[A-Z0-9](?:[A-Z0-9]|\n\d){3}|\d{2,3}(?!\d))){2,12}"
    r"(?:(?:[ \t]\n|[ \n])?[A-Z0-9](?:[A-Z0-9]|\n\d){0,2})?\b",
    re.IGNORECASE,
)
# 732 829 320 00074, 732 829 320 000 74, 732 829 320-00074, or broken at the end of a line.
# « 429-180-375-00017 »: dashes between the groups too, as between the SIREN and the NIC
# (« 798274155⏎000 26 »: the NIC in three and two after a line break)
# (« 501 273 841 ⏎00012 »: a space left before the line break too)
_GAP = r"(?:[ \t]\n|[ .\n-])"
SIRET = re.compile(
    rf"\b\d{{3}}{_GAP}?\d{{3}}{_GAP}?\d{{3}}"
    rf"(?:{_GAP}?\d{{5}}|(?:[ \t]\n|[ .\n])\d{{3}}[ .]\d{{2}})\b"
)


# Right after its label, a number typed in any grouping: « SIRET 81-274-136-1-00-01-6 »,
# « SIREN 9124 1836 5 » (the key decides)
def _after_its_label(label: str, digits: int) -> re.Pattern:
    return re.compile(
        rf"(?<={label})[ \t]*:?[ \t]*(?:n[°o][ \t]*)?(?P<n>\d(?:[ .-]?\d){{{digits - 1}}})(?![\d])"
    )


LABELLED_SIRET = _after_its_label("SIRET", 14)
LABELLED_SIREN = _after_its_label("SIREN", 9)
SIREN = re.compile(rf"\b\d{{3}}{_GAP}?\d{{3}}{_GAP}?\d{{3}}\b")  # cut at a line's end too
# (« +40 745 218 396 », « 0040 745 218 396 »: a phone dialled from abroad)
DIALLING_CODE_BEFORE = re.compile(r"(?:\+|(?<!\d)00)(?:\d{1,3}[ .]?)?$")
# « numéro fiscal 08 41 273 650 127 »: digit groups before, the nine digits are the tail of a
# longer number
GROUP_BEFORE = re.compile(r"(?<![\w.])\d{1,3}[ .]$")
GROUP_AFTER = re.compile(r"[ .]\d{1,4}(?![\w.,])")
SIRET_TAIL = re.compile(rf"(?:{_GAP}?\d{{5}}|[ .]\d{{3}}[ .]\d{{2}})\b")
# Plates since 2009 (SIV): AB-123-CD (letters taken widely: people mistype I and O); older
# plates (FNI), still on the road: 123-ABC-47; Belgian plates: 1-ABC-123. The old series with
# one letter (« 3 E 12 ») ran out decades ago, while archives (« 3 E 45 », « 2 O 46 ») and
# cadastres number that way: two or three letters.
PLATE = re.compile(
    # (not the tail of a longer code: « terminal n° 65-286-TPV-04 »; nor dates' halves:
    # « COLLECTE LES 06/11 ET 20/11 »)
    r"(?<![\w/-])(?:[A-Z]{2}-\d{3}-[A-Z]{2}|[A-Z]{2} \d{3} [A-Z]{2}"
    r"|\d{1,4}[- ][A-Z]{2,3}[- ](?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6])"
    # Belgian plates, common near the border: 1-ABC-123
    r"|[1-9]-[A-Z]{3}-\d{3})\b(?![/-]\w)"
)
MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    "novembre|décembre|decembre"
)
MONTHS += r"|janv\.|f[ée]vr?\.|avr\.|juil\.|sept\.|oct\.|nov\.|d[ée]c\."  # « 14 janv. 2009 »
DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}"
    rf"|(?:1er|\d{{1,2}})\s+(?:{MONTHS})\s+(?:19|20)\d{{2}})"
)
BIRTH = re.compile(
    # « né le … », « née à Ajaccio le … », « Né(e) le : … », « date de naissance : … »; after
    # those words a year may have two digits (« né le 12/10/03 »).
    # « née Lefebvre le 12/01/1956 »: a maiden name between
    rf"(?:\bn[ée]e?(?:\(e\))?\s+(?:[A-ZÀ-Ý][\w'’-]+\s+)?(?:[àa]\s+[^,;\n]{{1,40}}?\s+)?le\s*:?|"
    rf"date\s+de\s+naissance\s*:?|naissance\s*:)"
    # dictated, in words: « né le onze mars mille neuf cent quarante »
    rf"\s*(?P<date>{DATE}|\d{{1,2}}/\d{{1,2}}/\d{{2}}\b|"
    rf"(?:1er|premier|{NUMBER_WORDS})\s+(?:{MONTHS})\s+{NUMBER_WORDS}\b)",
    re.IGNORECASE,
)
_LABEL = (
    r"(?:dossier|compte|client|abonné|abonnée|allocataire|contrat|contribuable|usager|"
    r"référence|réf\.|facture|adhérent|adhérente|sinistre|bail|attestation\s+d['’]accueil|"
    # a payroll number, a SEPA mandate's reference (RUM), a grave's concession, a voter's,
    # a library card's, a taxpayer's
    r"matricule|RUM|concession|électeur|electeur|lecteur|carte|fiscal|avis\s+d['’]imposition|"
    # a voter's national number (NNE), a social-housing application's « numéro unique »
    r"NNE|unique|"
    # identity and status papers, a sports licence, a pupil's national number, a family's
    # account: « titre de séjour n° », « passeport n° », « licence FFA n° », « INE »
    r"titre\s+de\s+s[ée]jour|passeport|licence|permis\s+de\s+(?:d[ée]tention|conduire)|INE|"
    r"famille|caf|CAF|cpam|CPAM)"
)
_NUMBER_WORD = r"(?:n°|no\.?|nº|numéro|numero|num\.)"
_WHOSE = (
    r"(?:client|famille|usager|abonn[ée]e?|allocataire|demande|dossier|adh[ée]rente?|locataire|"
    r"b[ée]n[ée]ficiaire|foyer|payeur|d[ée]biteur|avis|redevable)"
)
DOSSIER = re.compile(
    # « numéro national d'électeur 24851037 »
    rf"(?:\b{_NUMBER_WORD}\s*(?:national\s+)?(?:de\s+|d['’]\s*)?{_LABEL}"
    # « référence client 3000 1245 7811 », « référence de la demande MPR-7K4F2Q », « Compte
    # famille n° FAM-004127 »
    # (a person's: « référence fournisseur PR-450-BL » is a supplier's)
    rf"|\b{_LABEL}(?:\s+(?:de\s+la\s+|de\s+l['’]|du\s+|de\s+|d['’])?{_WHOSE}(?=\s+(?:{_NUMBER_WORD}|"
    r"[A-Z0-9-]*\d)))?"
    # « licence FFVoile n° », « carte CAF n° »: the body's short name between
    rf"(?:\s+[A-Z][A-Za-z]{{1,9}}(?=\s+{_NUMBER_WORD}))?\s*{_NUMBER_WORD}?"
    # « Dossier de mariage n° MAR-2025-0087 », « Demande de logement social n° unique … »
    # « carte nationale d'identité n° … », « notification MDPH de la Nièvre n° … »
    # « contrat saisonnier n° », « attestation de domiciliation n° »
    # « agrément n° AM-53-2018-0417 » (a childminder's), « titre de séjour « Accord de retrait
    # du Royaume-Uni » n° … », « autorisation frontalière (permis G) n° … »
    rf"|\b(?:dossier|demande|carte|carta|cartão|notification|contrat|attestation|certificat|"
    rf"autorisation|agrément|agrement|titre\s+de\s+s[ée]jour)(?:\s+[\w'’«»()-]+){{0,8}}?\s+"
    rf"{_NUMBER_WORD}"
    r"(?:\s+unique)?"
    # « Dossier de mariage MAR-MD-2025-006 »: a coded number right after, without « n° »
    # « numéro de famille pour la cantine et la garderie FAM-SSC-0127 »
    r"|\b(?:dossier|num[ée]ro\s+de\s+famille)(?:\s+[\w'’-]+){1,6}?"
    r"(?=\s+[A-Z]{2,}[A-Z0-9]*-[A-Z0-9-]*\d))"
    r"(?:\s+[A-Z]{2,5}(?=[\s:]))?\s*:?\s*"
    # at least four characters, one of them a digit (« compte 2 350 habitants » is no account);
    # groups of digits set apart by a space (« 3000 1245 7811 ») stay one number
    r"(?P<number>(?=[A-Z0-9./-]*\d)[A-Z0-9][A-Z0-9./-]{2,}[A-Z0-9](?: \d{3,}(?![\w-]))*"
    # or digits in groups of two to four (« numéro fiscal 31 12 456 789 012 »)
    r"|\d{2,4}(?: \d{2,4}){2,}(?![\w-])"
    # a letter set apart before the digits: a Swiss cross-border permit « G 0418 2753 »
    r"|[A-Z] \d{4}(?: \d{3,4})+(?![\w-]))"
    r"(?![\w-])",
    re.IGNORECASE,
)
# Planning applications, numbered in one national form: type (PC, DP, PA, PD, CU), département,
# commune, year, then a letter or digit and four digits: « PC 047 123 25 A0012 ».
URBANISM = re.compile(r"\b(?:PC|DP|PA|PD|CU[ab]?)[ ]?\d{3}[ ]?\d{3}[ ]?\d{2}[ ]?[A-Z0-9]\d{4}\b")
PUBLIC_NOTICE = re.compile(
    r"march[ée]\s+public|BOAMP|JOUE|appel\s+d['’]offres|avis\s+d['’]appel|consultation\s+n°",
    re.I,
)
STREET_TYPES = (
    # « venelle du Prat », « village de Kergoff » (Brittany's islands and countryside)
    # « 24 allées Jean-Jaurès » (Toulouse, Marseille): a street named in the plural
    r"rue|ruelle|avenue|av\.|boulevard|bd|chemin|impasse|allées|allees|allée|allee|place|route|"
    r"quai|cours|venelle|"
    r"sente|traverse|montée|clos|parvis|levée|digue|chenal|"
    r"village|"
    r"lotissement|lieu-dit|résidence|residence|square|passage|faubourg|sentier|voie|hameau|"
    r"cité|cite|rond-point|esplanade|promenade|chaussée|"
    # a house or an estate by its name, as the countryside writes addresses
    r"maison|villa|domaine|mas|ferme|quartier|camping|"
    # Corsica's « strada di u Mulinu », « piazza di a Chjesa »; Brittany's bilingual signs
    # (« 6 hent Kroaz-Min », « straed ar Vilin »)
    r"strada|piazza|hent|straed"
)
# Street words stay on one line and start with a capital or a digit (« rue des Lilas »); the
# street type itself may be written in any case.
_STREET_NAME = (
    # « route de Penn ar Lan »: Breton articles inside a name
    # (« strada di a Funtana »: Corsican ones)
    r"(?:[ \t]+(?:de[ \t]+la|de[ \t]+l'|des|du|de|d'|la|le|les|l'|aux|à[ \t]+la|ar|an|al|"
    r"di[ \t]+[ua]|di[ \t]+i|di)?[ \t]*"
    r"[A-ZÀ-Ÿ0-9][\w'’-]*){1,5}"
)
# A street type abbreviated with its dot (« 12 r. des Lilas », « 3 av. Foch », « lot. Les Hauts »)
# (not « 52 av. J.-C. », before Christ)
STREET_ABBREVIATIONS = r"(?:r|av(?![.][ \t]?J[.]?-C)|bd|bld|imp|pl|ch|rte|all|sq|fg|lot|r[ée]s)\."
STREET_TYPE = rf"(?:(?i:{STREET_TYPES})\b|(?i:{STREET_ABBREVIATIONS}))"
# « 12 Grande Rue », « 5 Grand'Rue »: the village's main street, named by its type alone
MAIN_STREET = r"(?i:grande?[ \t'’-]rue)\b"
# « 12-14 rue … », « 12/14 rue … »: a building on two numbers
STREET = re.compile(
    rf"\b\d{{1,4}}(?:[-/]\d{{1,4}})?(?:[ \t]?(?:bis|ter|quater|[A-D]))?,?[ \t]+"
    rf"(?:{STREET_TYPE}{_STREET_NAME}|{MAIN_STREET})"
)
# A street named without a number counts only when a postcode follows (« rue de Berger,
# 22725 Perrot »): alone, « avenue de la Libération » is a place, not someone's address.
NAMED_STREET = re.compile(rf"\b{STREET_TYPE}" + _STREET_NAME)
# Typed in haste: « le 14 av du general de gaulle », all in lower case, abbreviated.
LOWER_STREET = re.compile(
    r"\b\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?:rue|av\.?|avenue|bd|boulevard|chemin|ch\.?|"
    r"impasse|imp\.?|all[ée]e|route|rte|place|pl\.?|quai|cours)[ \t]+"
    r"(?:(?:de[ \t]+la|de[ \t]+l'|des|du|de|d'|la|le|les)[ \t]+)?"
    r"[a-zàâäçéèêëîïôöùûüÿ'-]{3,}"
    r"(?:[ \t]+(?:de[ \t]+|du[ \t]+|la[ \t]+)?[a-zàâäçéèêëîïôöùûüÿ-]{3,}){0,2}"
)
# A whole address typed in lower case, announced by who lives there, up to its postcode and
# commune and the punctuation after them: « j habite la haute folie 53270 sainte suzanne et
# chammes, … », « ici gilles au lieu dit le genestoux 63240 le mont dore, … ».
_LOW = r"[a-zàâäçéèêëîïôöùûüÿ'’-]+"
# A postcode (not a count: « 41200 euros ») and the commune in lower case, which ends at
# punctuation, or where the sentence goes on (« … la tremblade juste derriere le camping »)
_LOWER_POSTCODE_COMMUNE = (
    r"(?:0[1-9]|[1-8]\d|9[0-8])\d{3}"
    r"(?![ \t]+(?:euros?|habitants|personnes|km|hectares|ha|tonnes|litres|visiteurs)\b)"
    rf"(?:[ \t]+{_LOW}){{1,5}}?(?=[ \t]*(?:[,.;!?\n]|$)|[ \t]+(?:juste|derri[eè]re|depuis|"
    r"mais|car|pour|donc|et[ \t]+(?:je|j['’ ]|mon|ma|mes|on|nous))\b)"
)
LOWER_WHOLE_ADDRESS = re.compile(
    r"(?:\bj['’ ]?[ \t]?habite[ \t]+(?:au[ \t]+|[àa][ \t]+)?|\bhabitons[ \t]+|"
    r"\bdomicili[ée]e?s?[ \t]+(?:au[ \t]+|[àa][ \t]+)?|(?=\blieu[ -]dit[ \t]))"
    rf"(?P<address>(?:\d{{1,4}}[ \t]+)?{_LOW}(?:[ \t]+{_LOW}){{0,7}}[ \t]+"
    rf"{_LOWER_POSTCODE_COMMUNE})"
)
# The postcode and commune after a street typed in lower case, whatever comes before it (« on
# habite 12 chemin des grands pres 41200 villefranche sur cher depuis … »): the commune ends as
# in LOWER_WHOLE_ADDRESS.
LOWER_POSTCODE_CITY = re.compile(rf"[ \t]*,?[ \t]*{_LOWER_POSTCODE_COMMUNE}")
# « quatorze route de Fleurance », « douze rue des Forges »: a dictated address
SPOKEN_STREET = re.compile(
    rf"\b(?P<number>(?i:{NUMBER_WORDS}))[ \t]+(?i:{STREET_TYPES})\b" + _STREET_NAME
)
# What a dictated address goes on with: the flat (« appartement quarante-trois », « deuxième
# étage », « bâtiment B »), then, when the speaker describes the house, the description up to
# what they say next (« … à Soulan la maison avec le balcon en bois mon téléphone c'est … »,
# « … au troisième sans ascenseur », « … la case bleue derrière l'église »).
_ORDINAL = r"(?:premier|deuxi[èe]me|troisi[èe]me|quatri[èe]me|cinqui[èe]me|sixi[èe]me|dernier)"
SPOKEN_FLAT = re.compile(
    rf"(?:[ \t]+(?i:appartement|b[âa]timent|escalier|porte)[ \t]+(?:[A-Z]\b|{NUMBER_WORDS})"
    rf"|[ \t]+{_ORDINAL}[ \t]+[ée]tage|[ \t]+rez-de-chauss[ée]e)+"
)
SPOKEN_DESCRIPTION = re.compile(
    r"[ \t]+(?:(?:(?:la|le|les|une|un)[ \t]+)?(?:maison|case|porte|portail|villa|ferme|chalet|"
    r"caravane|grange|b[âa]tisse|mobil-home)"
    rf"|au[ \t]+(?:fond|bout|{_ORDINAL}|rez-de-chauss[ée]e))\b"
    # (up to what the speaker says next: « … au rez-de-chaussée il me faudrait quelqu'un »)
    r"(?:[ \t]+(?!(?:mon|ma|mes|son|sa|je|j['’]|c['’]est|rappelez|appelez|sinon|merci|et|il|elle|"
    r"on|nous|vous|ils|elles|me|m['’]|pour|qui)\b)"
    r"[\w'’-]+){0,8}"
)
# « La Grande Noue, 18120 Massay »: a hamlet named with its article, after a field's colon, a
# dash, a bracket or « à », « demeurant ». The bocage names a house within its hamlet, the
# article in lower case: « la Cour Lesouef, le Hamel-Hébert, 14570 Clécy », numbered too
# (« 12 la Cour Hébert, … »).
_HAMLET = (
    r"(?:\d{1,4}[ \t]+)?(?:Le|La|Les|L['’]|le|la|les|l['’])[ \t]*[A-ZÀ-Ÿ][\w'’-]*"
    # « Le Bief de la Chaille, 39220 Les Rousses »: particles inside the name
    r"(?:[ \t]+(?:(?:de[ \t]+la|de[ \t]+l['’]|des|du|de|d['’])[ \t]*)?[A-ZÀ-Ÿ][\w'’-]*){0,2}"
)
HAMLET_BEFORE = re.compile(
    # (« | Les Petites Bruères, 36150 Vatan », a table's cell; « bought the old farmhouse at Le
    # Grand Clot, 04200 Mison », in English)
    r"(?:^|[:;(—–,|]|\b(?:à|au|aux|demeurant|domicilié|domiciliée|habitant|at))[ \t]*"
    # (« La Guierche, Terves, 79300 Bressuire »: the hamlet, then its commune déléguée by its
    # name alone)
    rf"(?P<name>{_HAMLET}(?:,[ \t]*(?:{_HAMLET}|[A-ZÀ-Ÿ][\w'’-]*)){{0,2}}),"
    r"[ \t]*$",
    re.M,
)
# « La Ville-Gourio ⏎ La Poterie ⏎ 22400 Lamballe-Armor »: a letter's lines, the hamlet's line
# first, its commune déléguée's next (not « Le Maire ⏎ 38000 Grenoble », the sender's office)
HAMLET_LINES_BEFORE = re.compile(
    r"^[ \t]*(?!(?:Le|La|L['’])[ \t]*(?:Maire|Mairie|Pr[ée]sidente?|Direct(?:eur|rice)|"
    r"Conseil|Service|Secr[ée]taire)\b)"
    rf"(?P<name>{_HAMLET}(?:[ \t]*\n[ \t]*(?:{_HAMLET}|[A-ZÀ-Ÿ][\w'’-]*)){{0,1}})[ \t]*\n[ \t]*$",
    re.M,
)
POSTCODE_CITY = re.compile(
    # (not a register's reference: « compte de propriété 12145 C 00318 », « lot 22198 TLS 01 »)
    r"\b(?:0[1-9]|[1-8]\d|9[0-8])\d{3}[ \t]+(?![A-Z]{1,3}[ \t]+\d)"
    r"[A-ZÀ-Ÿ][\w'’-]*(?:[ -][A-ZÀ-Ÿ][\w'’-]*){0,3}"
)
# A neighbour country's postcode after a street written the French way: « 27 rue de l'Alzette,
# L-4011 Esch-sur-Alzette, Luxembourg », « 3 rue du Lac, CH-1201 Genève », « B-7500 Tournai »
BORDER_POSTCODE_CITY = re.compile(
    r"\b(?:L|B|CH|D|F|I|E|MC)-\d{4,5}[ \t]+[A-ZÀ-Ÿ][\w'’-]*(?:[ -][A-ZÀ-Ÿ][\w'’-]*){0,3}"
    r"(?:,[ \t]*[A-ZÀ-Ÿ][\w'’-]*)?"
)
# After a street only, the postcode as people also type it: « 29 000 Quimper », « 29000,
# Quimper » (alone, « 12 000 Euros » would be one).
POSTCODE_CITY_AFTER_STREET = re.compile(
    r"\b(?:0[1-9]|[1-8]\d|9[0-8])[ ]?\d{3},?[ \t]+[A-ZÀ-Ÿ][\w'’-]*(?:[ -][A-ZÀ-Ÿ][\w'’-]*){0,3}"
)


def _digits(text: str) -> str:
    return re.sub(r"[\s.–-]", "", text)


# A service's mailbox names nobody: every word before the @ is a service's or a machine's
# (« accueil@ », « etat-civil@ », « police.municipale@ », « direction.ecoles@ », « no-reply@ »,
# « mailer-daemon@ », a software's « test@test.fr »), or it is the mairie's, then its commune
# (« mairie.circourt@orange.fr »), or a school's official one, « ce. » then its UAI
# (« ce.0160987X@ac-poitiers.fr »). A business's « contact@ » stays: it is often one person's.
SERVICE_MAILBOX_WORDS = frozenset(
    "accueil mairie maire secretariat etat civil etatcivil urbanisme dpo rgpd police municipale "
    "pm cimetiere cimetieres camping communication spanc plu recrutement rh drh fetes direction "
    "ecole ecoles scan mfs no reply noreply ne pas repondre mailer daemon postmaster test tests "
    "elections population finances comptabilite ccas cantine scolaire periscolaire mediatheque "
    "bibliotheque piscine tourisme service services technique techniques standard courrier "
    "social enfance jeunesse sport sports culture eau assainissement dechets environnement "
    "voirie marches cabinet dgs location salles reservation reservations wordpress webmaster "
    "admin".split()
)
SCHOOL_MAILBOX = re.compile(r"ce\.\d{7}[a-z]", re.I)


def a_service_mailbox(address: str) -> bool:
    local = address.split("@")[0].casefold()
    words = [w for w in re.split(r"[._+-]", local) if w and not w.isdigit()]
    return bool(words) and (
        words[0] == "mairie"
        or all(w in SERVICE_MAILBOX_WORDS for w in words)
        or bool(SCHOOL_MAILBOX.fullmatch(local))
    )


def emails(text: str) -> Iterator[Finding]:
    for m in EMAIL.finditer(text):
        if not a_service_mailbox(m.group()):
            yield Finding(m.start(), m.end(), "EMAIL", m.group(), "forme d'une adresse e-mail")


# Overseas numbers, which libphonenumber files under their own regions rather than FR
# (ARCEP's numbering plan): Guadeloupe and Saint-Martin 0590/0690-0691, Martinique
# 0596/0696-0697, Guyane 0594/0694, La Réunion 0262-0263/0692-0693, Mayotte 0269/0639.
TEN_DIGITS = re.compile(r"(?<![\w/-])0\d(?:[ .-]?\d{2}){4}(?![\w/-])")
OVERSEAS_PREFIX = re.compile(r"0(?:590|69[0-7]|59[46]|26[239]|639)")
LINE_ENDS_NUMBER = re.compile(r"[ \t]*(?:\n|$)")
# A scanned letter's OCR reads 0 as « O » and 1 as « l » (« O4 75 35 l8 62 »); a web page's
# source or a form's log keeps its blanks encoded (« 06&nbsp;12&nbsp;58… », « 06%2012%2058… »)
OCR_OR_ENCODED_PHONE = re.compile(
    r"(?<![\w/-])[0O][1-9lI](?:(?:[ .]|&nbsp;|%20)[0-9OolI]{2}){4}(?![\w/-])"
)
OCR_DIGITS = str.maketrans("OolI", "0011")
# The same dialled from abroad: « +262 639 48 25 71 » (the phonenumbers release may not know
# every new range yet)
OVERSEAS_DIALLED = re.compile(
    r"(?<![\w+])\+(?:262|590|594|596)[ .]?(?:6(?:39|9[0-7])|26[239]|59[04]|596)(?:[ .]?\d{2}){3}"
    r"(?![\w/-])"
)
# « 082/22 41 73 », « 0475/12 34 56 »: Belgium's way, the zone code before a slash (checked as a
# Belgian number)
BELGIAN_ZONE = re.compile(r"(?<![\w/])0\d{1,3}/\d{2,3}(?:[ .]?\d{2}){2}(?![\w/-])")
# « (902) 483-2716 »: the North American way, the area code in brackets
NORTH_AMERICAN = re.compile(r"(?<![\w)])\(\d{3}\)[ ]?\d{3}-\d{4}(?![\w-])")
# Saint-Pierre-et-Miquelon's six digits dialled locally (41, 55 for the islands' lines), after
# a word that announces a number: « mon num 55 38 21 »
SAINT_PIERRE_LOCAL = re.compile(
    r"\b(?:t[ée]l[ée]?(?:phone)?|tel|num(?:[ée]ro)?|portable|fixe|joindre|appel(?:er|ez))\.?"
    r"[ \t:]*(?:au[ \t]+|le[ \t]+)?(?P<number>(?<![\d+])(?:41|55)(?:[ .]\d{2}){2})(?![\d ]?\d)",
    re.I,
)
# A number dialled from abroad that the phonenumbers release does not know as allocated (« +44
# 7700 912 604 »): possible for its country is enough after a « + ».
DIALLED_FROM_ABROAD = re.compile(
    r"(?<![\w+])\+\d{1,3}(?:[ .]?\(0\))?(?:[ .-]?\d{1,4}){2,5}(?![\w/-])"
)
# « le numéro d'engagement 06 25 11 40 87 »: a number announced as something other than a
# phone is a reference that happens to look like one.
PHONE_WORD = r"t[ée]l|portable|mobile|fixe|fax|contact|joindre|appel|urgence|astreinte|permanence"
# (« numéros de série 07 81 22 40 16 à 07 81 22 40 30 »: the plural too)
ANNOUNCED_AS = rf"\b(?:n°|num[ée]ros?)\s+(?:de\s+|d['’]\s*)(?!{PHONE_WORD})\w+"
OTHER_NUMBER_BEFORE = re.compile(
    rf"{ANNOUNCED_AS}(?:\s+(?:de\s+|d['’]\s*)?\w+){{0,2}}\s*:?\s*$"
    # « Consultation n° 0612 4870 95 », « lot d'impression n° 03 20 14 58 72 »: a thing's
    # number (not « au n° », « mon n° », « tél. n° »)
    r"|\b(?!(?:t[ée]l[ée]?\w*|portable|mobile|fixe|fax|au|mon|ma|son|sa|ton|ta|le|ce|votre|"
    r"notre|du|un|leur)\b)[a-zàâçéèêëîïôûù]{3,}\s+n°\s*$"
    # the end of a range of such numbers (« palettes n° 06 27 41 83 90 à 06 27 41 83 97 »), a
    # batch (« lot L 06 41 28 73 95 »)
    # or a list of them (« bons de commande n° 01 34 19 02 77 et 01 34 19 02 78 »)
    rf"|(?:n°|{ANNOUNCED_AS})\s*\d[\d .]{{8,16}}\s+(?:à|au|et|,)\s*$|\blot\s+(?:n°\s*)?[A-Z]?\s*$"
    # a sports federation's licence (« licence FFR 0207-118427 », « licence 0207-120963 »)
    r"|\blicences?(?:\s+[A-Z]{2,6})?\s*(?:n°\s*)?:?\s*$",
    re.I,
)


# Dictated to a phone's assistant: « zéro six douze quarante-huit trente-sept quatre-vingt-onze ».
SPOKEN_NUMBER = re.compile(
    rf"\bz[ée]ro\b(?:[ \t,]+(?:z[ée]ro\b|(?:{NUMBER_WORDS})\b)){{4,12}}", re.I
)
SPOKEN_WORD = re.compile(r"[^\s,-]+")


NATIONAL = re.compile(r"0[1-9]\d{8}")


def _spoken_digits(tokens, reading, words, start: int) -> tuple[str, dict[int, int]]:
    """The digits the words say, read as `reading` groups them, and where in the text each
    count of digits ends."""
    digits, ends = "", {}
    for value, width, last in number_groups(tokens, reading):
        digits += f"{value:0{width}d}"
        ends[len(digits)] = start + words[last].end()
    return digits, ends


def spoken_phones(text: str) -> Iterator[Finding]:
    """Ten digits read in groups: « zéro » then a digit, then four numbers of two digits (or
    single digits, « zéro deux six deux … »); or, dialled abroad, « zéro zéro », the country
    code and the number, as long as it is valid. Hyphens or blanks alike: a text message writes
    « quatre vingt dix sept »."""
    for m in SPOKEN_NUMBER.finditer(text):
        words = list(SPOKEN_WORD.finditer(m.group()))
        tokens = [w.group().lower() for w in words]
        hyphens = [
            i > 0 and "-" in m.group()[words[i - 1].end() : w.start()] for i, w in enumerate(words)
        ]
        # As the hyphens group the words; else, as if there were none (« zéro six quarante neuf
        # quatre-vingts … », a transcription that wrote some and not others): ten digits decide.
        readings = [
            _spoken_digits(tokens, reading, words, m.start())
            for reading in (hyphens, [False] * len(words))
        ]
        national = next(
            (
                ends[10]
                for digits, ends in readings
                if 10 in ends and NATIONAL.fullmatch(digits[:10])
            ),
            None,
        )
        if national is not None:
            yield Finding(
                m.start(), national, "TELEPHONE", text[m.start() : national], "numéro dicté en mots"
            )
            continue
        digits, ends = readings[0]
        if digits.startswith("00"):
            # « zéro zéro quarante-neuf soixante-dix-huit … »: the longest valid number
            for length in sorted((n for n in ends if n >= 10), reverse=True):
                try:
                    number = phonenumbers.parse("+" + digits[2:length])
                except phonenumbers.NumberParseException:
                    continue
                if phonenumbers.is_valid_number(number):
                    end = ends[length]
                    yield Finding(
                        m.start(),
                        end,
                        "TELEPHONE",
                        text[m.start() : end],
                        "numéro de l'étranger dicté en mots",
                    )
                    break


def phones(text: str) -> Iterator[Finding]:
    # Numbers split over two lines are still numbers: read the text with newlines as spaces
    # (same length, so spans stay right).
    flat = text.replace("\n", " ").replace("\r", " ")
    found = []
    matcher = phonenumbers.PhoneNumberMatcher(flat, "FR", leniency=phonenumbers.Leniency.VALID)
    # (« DP 007 346 26 00013 »: a planning application's number holds ten digits a phone could)
    applications = [m.span() for m in URBANISM.finditer(flat)]
    for match in matcher:
        if any(a <= match.start and match.end <= b for a, b in applications):
            continue
        # Digits inside a longer code (« DP-047-2025-118 ») are a reference, not a phone.
        before = flat[match.start - 1 : match.start]
        after = flat[match.end : match.end + 1]
        if (before and (before.isalnum() or before in "-/")) or (
            after and (after.isalnum() or after in "-/")
        ):
            continue
        found.append(
            (match.start, match.end, "numéro de téléphone valide (bibliothèque phonenumbers)")
        )
    for m in TEN_DIGITS.finditer(flat):
        if OVERSEAS_PREFIX.match(re.sub(r"[ .-]", "", m.group())):
            found.append((m.start(), m.end(), "numéro d'outre-mer"))
        elif (
            # (« …\t06 25 48 13 97 ⏎ 15\tNadine … », a table's row: read flat, the next line's
            # first figures made one long number of it, which the library's matcher drops)
            LINE_ENDS_NUMBER.match(text, m.end())
            and not any(a < m.end() and m.start() < b for a, b, _ in found)
            and not any(a <= m.start() and m.end() <= b for a, b in applications)
            and phonenumbers.is_valid_number(phonenumbers.parse(m.group(), "FR"))
        ):
            found.append(
                (m.start(), m.end(), "numéro de téléphone valide (bibliothèque phonenumbers)")
            )
    for m in OCR_OR_ENCODED_PHONE.finditer(flat):
        digits = re.sub(r"&nbsp;|%20|[ .]", "", m.group()).translate(OCR_DIGITS)
        if (
            not TEN_DIGITS.fullmatch(m.group())
            and not any(a < m.end() and m.start() < b for a, b, _ in found)
            and phonenumbers.is_valid_number(phonenumbers.parse(digits, "FR"))
        ):
            found.append((m.start(), m.end(), "numéro de téléphone (lu par l'OCR, ou encodé)"))
    for m in OVERSEAS_DIALLED.finditer(flat):
        found.append((m.start(), m.end(), "numéro d'outre-mer composé de l'étranger"))
    for m in NORTH_AMERICAN.finditer(flat):
        found.append((m.start(), m.end(), "numéro nord-américain (indicatif entre parenthèses)"))
    for m in BELGIAN_ZONE.finditer(flat):
        if phonenumbers.is_valid_number(phonenumbers.parse(m.group().replace("/", " "), "BE")):
            found.append((m.start(), m.end(), "numéro belge (indicatif de zone et barre oblique)"))
    for m in SAINT_PIERRE_LOCAL.finditer(flat):
        found.append(
            (m.start("number"), m.end("number"), "numéro local de Saint-Pierre-et-Miquelon")
        )
    for m in DIALLED_FROM_ABROAD.finditer(flat):
        if any(a < m.end() and m.start() < b for a, b, _ in found):
            continue
        try:
            number = phonenumbers.parse(m.group())
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number):
            found.append(
                (m.start(), m.end(), "numéro composé de l'étranger, possible pour son pays")
            )
    # Both may find one number: find() keeps one finding per place.
    for start, end, why in found:
        if not OTHER_NUMBER_BEFORE.search(flat, max(0, start - 40), start):
            yield Finding(start, end, "TELEPHONE", text[start:end], why)


# Any grouping of the fifteen characters, for the ways no one has written yet: the key decides.
LOOSE_NIR = re.compile(
    r"(?<!\w)[12](?:[ .\n-]?[\dABab]){12}(?:[ .\n]?|[ \t]?[-–][ \t]?)\d{2}(?!\w)"
)


# The month: 01 to 12, or 20 to 42 and 50 to 99 for a birth whose record gave none (INSEE);
# « 10 243.70 9 257.64 12 », amounts in a table, pass the key by chance but not this.
NIR_MONTH = re.compile(r"0[1-9]|1[0-2]|[23]\d|4[0-2]|[5-9]\d")


def nirs(text: str) -> Iterator[Finding]:
    taken = []
    for m in (*KEYED_NIR.finditer(text), *NIR.finditer(text), *LOOSE_NIR.finditer(text)):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        digits = _digits(KEY_WORD.sub("", m.group())).upper()
        if std_nir.is_valid(digits) and NIR_MONTH.fullmatch(digits[3:5]):
            taken.append(m.span())
            yield Finding(m.start(), m.end(), "NIR", m.group(), "15 chiffres dont la clé est juste")


# « compte ML78 D008 9017 … »: a country's IBAN that the registry python-stdnum follows does not
# list (West Africa's banks use them): announced as an account, the ISO 13616 key alone decides.
IBAN_LABEL_BEFORE = re.compile(r"\b(?:IBAN|RIB|compte|virement|versement)\b[^\n;,]{0,12}$", re.I)


def _iban_key_right(compact: str) -> bool:
    return (
        15 <= len(compact) <= 34
        and compact[:2].isalpha()
        and compact[2:4].isdigit()
        and std_mod_97_10.is_valid(compact[4:] + compact[:4])
    )


def _iban_valid(candidate: str, announced: bool) -> bool:
    compact = re.sub(r"\s", "", candidate).upper()
    return std_iban.is_valid(compact) or (announced and _iban_key_right(compact))


def ibans(text: str) -> Iterator[Finding]:
    position = 0
    while m := IBAN.search(text, position):
        announced = bool(IBAN_LABEL_BEFORE.search(text, max(0, m.start() - 20), m.start()))
        # the longest run of groups whose key is right: a number after the IBAN (« … 36 12 € »)
        # may have been read into it
        candidate = m.group()
        while candidate and not _iban_valid(candidate, announced):
            cut = max(candidate.rfind(" "), candidate.rfind("\n"))
            candidate = candidate[:cut] if cut > 4 else ""
        if candidate:
            position = m.start() + len(candidate)
            yield Finding(m.start(), position, "IBAN", candidate, "IBAN dont la clé est juste")
        else:
            position = m.start() + 1
    for m in RIB.finditer(text):
        if _rib_key_right(m["bank"], m["branch"], m["account"], m["key"]):
            yield Finding(m.start(), m.end(), "IBAN", m.group(), "RIB dont la clé est juste")
    for m in NATIONAL_LAYOUT_IBAN.finditer(text):
        # the longest run of groups that is a whole IBAN, its country's length and key right
        candidate = m.group()
        while candidate and not std_iban.is_valid(re.sub(r"\s", "", candidate)):
            cut = candidate.rfind(" ")
            candidate = candidate[:cut] if cut > 4 else ""
        if candidate:
            end = m.start() + len(candidate)
            yield Finding(m.start(), end, "IBAN", candidate, "IBAN dont la clé est juste")


# An IBAN in its bank's national groups, of any size: « IT13 X 03069 11884 000007351824 » (the
# Italian CIN, ABI, CAB and account). Only a whole valid IBAN counts (length and key).
NATIONAL_LAYOUT_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ \t][A-Z0-9]{1,16}){2,8}\b")
# A French account as a RIB writes it, without the IBAN's country and key: bank, branch,
# account, RIB key (« 16606 30031 00712846593 73 »)
RIB = re.compile(
    r"(?<![\w-])(?P<bank>\d{5})[ \t]?(?P<branch>\d{5})[ \t]?(?P<account>[0-9A-Z]{11})[ \t]?"
    r"(?P<key>\d{2})(?![\w-])"
)
# The letters an account may hold count as these figures in the RIB key (Banque de France)
RIB_LETTERS = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "12345678912345678923456789")


def _rib_key_right(bank: str, branch: str, account: str, key: str) -> bool:
    account = int(account.translate(RIB_LETTERS))
    return 97 - (89 * int(bank) + 15 * int(branch) + 3 * account) % 97 == int(key)


SOCIAL_INSURANCE_BEFORE = re.compile(
    r"\b(?:assurance\s+sociale|social\s+insurance|NAS|SIN)\b[^\n;]{0,30}$", re.I
)


# The SIRET written as its two parts, the SIREN then the establishment's NIC: « SIRET 508 361
# 425, NIC 00038 »
SIREN_AND_NIC = re.compile(
    rf"\b\d{{3}}{_GAP}?\d{{3}}{_GAP}?\d{{3}}(?:,?[ \t]+NIC[ \t]*:?|[ \t]*/)[ \t]*\d{{5}}\b"
)


IDENTITY_PAPER_BEFORE = re.compile(
    r"\b(?:passeport|passport|pasaporte|passaporto|carte\s+(?:nationale\s+)?d['’]identit[ée]|"
    r"titre\s+de\s+s[ée]jour|permis\s+de\s+conduire)\b[^;\n\d]{0,12}$",
    re.I,
)


def companies(text: str) -> Iterator[Finding]:
    taken: list[tuple[int, int]] = []
    for m in SIREN_AND_NIC.finditer(text):
        if std_siret.is_valid(re.sub(r"\D", "", m.group())):
            taken.append(m.span())
            yield Finding(m.start(), m.end(), "SIRET", m.group(), "SIREN et NIC, clé de Luhn juste")
    for m in SIRET.finditer(text):
        if std_siret.is_valid(_digits(m.group())):
            taken.append(m.span())
            yield Finding(m.start(), m.end(), "SIRET", m.group(), "14 chiffres, clé de Luhn juste")
    for pattern, kind, check in (
        (LABELLED_SIRET, "SIRET", std_siret),
        (LABELLED_SIREN, "SIREN", std_siren),
    ):
        for m in pattern.finditer(text):
            span = m.span("n")
            if check.is_valid(_digits(m["n"])) and not any(
                a < span[1] and span[0] < b for a, b in taken
            ):
                taken.append(span)
                yield Finding(*span, kind, m["n"], "numéro après son libellé, clé de Luhn juste")
    for m in SIREN.finditer(text):
        inside = any(a <= m.start() < b for a, b in taken)
        # « +376 356 218 »: a phone's country code, then its number (Luhn passes by chance)
        # (« +40 741 283 956 »: a country code, a blank, then the number)
        dialled = bool(DIALLING_CODE_BEFORE.search(text, max(0, m.start() - 6), m.start()))
        # « référence de la consultation 505 624 189 00024 »: the shape of a SIRET whose key
        # fails; its first nine digits pass the SIREN's by chance.
        # (« convention CAF n° 085 113 041 27 »: a group after, the nine digits are its head)
        longer = (
            SIRET_TAIL.match(text, m.end())
            or GROUP_BEFORE.search(text, max(0, m.start() - 4), m.start())
            or GROUP_AFTER.match(text, m.end())
        )
        # « passeport n° 197318462 »: an identity paper's number that passes Luhn by chance
        paper = IDENTITY_PAPER_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if (
            not inside
            and not dialled
            and not longer
            and not paper
            and std_siren.is_valid(_digits(m.group()))
        ):
            if SOCIAL_INSURANCE_BEFORE.search(text, max(0, m.start() - 50), m.start()):
                # A Canadian social insurance number has the SIREN's Luhn key: a person's
                yield Finding(
                    m.start(), m.end(), "NUMERO_DOSSIER", m.group(), "numéro d'assurance sociale"
                )
                continue
            yield Finding(m.start(), m.end(), "SIREN", m.group(), "9 chiffres, clé de Luhn juste")


# « L'harmonie municipale, née le 11 novembre 1919 »: a group is born too, and that is no
# one's birth date. Only when the group opens the clause (« l'élève de l'école Jules Ferry, née
# le … » is a child's).
GROUP_CLAUSE = re.compile(
    r"(?:^|[.;:!?\n])\s*(?:l['’]|la\s+|le\s+|les\s+|cette\s+|notre\s+|votre\s+)"
    r"(?:association|harmonie|fanfare|chorale|orchestre|troupe|compagnie|club|amicale|"
    r"soci[ée]t[ée]|entreprise|commune|ville|[ée]cole|comit[ée]|f[ée]d[ée]ration|union|"
    r"paroisse|coop[ée]rative|biblioth[èe]que|m[ée]diath[èe]que|f[êe]te|foire|festival)\b"
    r"[^.;:!?\n]{0,60}$",
    re.I,
)


# A date in brackets right after a person's name: « Noah Declercq (12/05/2016), Imran Bouzid
# (03/11/2015) », as lists of children or of applicants write the date of birth.
DATE_AFTER_NAME = re.compile(rf"[ \t]*\((?:n[ée]e?\s+le\s+)?(?P<date>{DATE})\)")


def births_after_names(text: str, found: list[Finding]) -> Iterator[Finding]:
    for person in found:
        if person.kind != "PERSONNE":
            continue
        m = DATE_AFTER_NAME.match(text, person.end)
        if m:
            yield Finding(
                m.start("date"),
                m.end("date"),
                "DATE_NAISSANCE",
                m.group("date"),
                "date entre parenthèses juste après un nom",
            )


def births(text: str) -> Iterator[Finding]:
    for m in BIRTH.finditer(text):
        if GROUP_CLAUSE.search(text, max(0, m.start() - 100), m.start()):
            continue
        yield Finding(
            m.start("date"),
            m.end("date"),
            "DATE_NAISSANCE",
            m.group("date"),
            "date précédée de « né(e) le » ou « date de naissance »",
        )


# A supplier's reference can have a plate's shape (« référence fournisseur PR-450-BL »); in
# lower case (« une golf grise fm 725 zd »), a plate only where a vehicle is spoken of.
# « marché n° 2025-BIB-04 », « référence de la pièce GY-204-KT », « kit de filtration
# DR-417-FX »: a number, not a plate
REFERENCE_BEFORE = re.compile(
    r"(?:\br[ée]f(?:[ée]rence)?\.?|\bn[°o]|\bmarch[ée]|\bcommande|\blot|\bkit|\bpi[èe]ce|"
    # « cote 3 E 12 »: an archive's call number
    # (« cotes 3 E 1457 et 2 O 46/12 »: the list goes on)
    # « délibération 2026 DVD 41 »: a Paris deliberation's code (year, direction, number)
    r"\bmod[èe]le|\bs[ée]rie|\barticle|\bcode|\bcotes?|\bd[ée]lib[ée]ration)"
    r"(?:\s+[\w'’/]+){0,5}?\s*:?\s*$",
    re.I,
)
# « réf. HK-527-TR et DZ-318-PL »: the list of references goes on (not « macaron n° RES-2025-0142
# pour GK-318-PT », a permit for a car), or their range (« arrêtés n° 2026-DEL-01 à 2026-DEL-07 »)
REFERENCE_LIST_BEFORE = re.compile(
    r"(?:\br[ée]f(?:[ée]rence)?s?\.?|\bn[°o]s?)\s*:?\s*[A-Z0-9][\w/-]*"
    r"(?:\s*(?:,|\bet\b)\s*[A-Z0-9][\w/-]*)*\s*(?:,|\bet\b|\bà\b|\bau\b)\s*$",
    re.I,
)
# A boat and its registration, which may have a plate's shape
BOAT_BEFORE = re.compile(
    r"\b(?:vedette|bateau|navire|embarcation|chalutier|barque|voilier|canot|péniche|pinasse|"
    r"jet-ski|zodiac|semi-rigide)s?\b(?:[ \t]+[\w'’]+){0,4}?[ \t]*:?[ \t]*$",
    re.I,
)
LOWER_PLATE = re.compile(
    r"\b(?:[a-z]{2}[- ]\d{3}[- ][a-z]{2}"
    # the old numbering, in lower case: « 8123 wl 69 »
    r"|\d{2,4}[ ]?[a-z]{2,3}[ ]?(?:0[1-9]|[1-8]\d|9[0-5]|2[ab]|97[1-6]))\b"
)
VEHICLE_BEFORE = re.compile(
    r"\b(?:voiture|véhicule|vehicule|auto|camion|camionnette|moto|scooter|fourgon|"
    r"camping-car|plaque|immatricul\w*|contraventions?|stationnement|fourrière|PV|"
    # « une clio », « le trafic », « il est garé devant la MJC »
    r"4x4|utilitaire|minibus|taxi|tracteur|quad|clio|twingo|kangoo|trafic|master|berlingo|remorque|"
    r"partner|jumpy|pick-up|camping[ -]car|gar[ée]e?s?)\b[^.\n]{0,80}$",
    re.I,
)


# Another country's plate, right after the vehicle (and its country): « voiture ukrainienne BC
# 4718 KM », « immatriculation allemande HB-KR 4127 », « véhicule LD21 XFN », « camion HD512LM »;
# letters and figures both, two at least of each.
PLATE_AFTER_VEHICLE = re.compile(
    r"\b(?i:voiture|v[ée]hicule|camion|camionnette|remorque|moto|immatriculation)"
    r"(?:[ \t]+[a-zé]+(?:aise|ande|ienne|aine|ine|ise|ole|que|e))?[ \t]*:?[ \t]+"
    r"(?P<plate>[A-Z0-9]{2,8}(?:[ -][A-Z0-9]{2,4}){0,2})(?![\w-])"
)


def _plate_shape(code: str) -> bool:
    letters = sum(c.isalpha() for c in code)
    figures = sum(c.isdigit() for c in code)
    return letters >= 2 and figures >= 2 and 5 <= letters + figures <= 9


# « les 14 et 15 », « du 14 au 25 »: days, not the old numbering's letters
NOT_PLATE_LETTERS = {"au", "aux", "et", "ou", "le", "la", "les", "du", "de", "des", "en", "un"}


def plates(text: str) -> Iterator[Finding]:
    for m in LOWER_PLATE.finditer(text):
        letters = re.search(r"[a-z]+", m.group()).group()
        if letters in NOT_PLATE_LETTERS:
            continue
        if VEHICLE_BEFORE.search(text, max(0, m.start() - 100), m.start()):
            yield Finding(
                m.start(), m.end(), "PLAQUE", m.group(), "plaque en minuscules après un véhicule"
            )
    for m in PLATE.finditer(text):
        if REFERENCE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue
        if BOAT_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # « vedette de la brigade nautique ST-342-PM »: a boat's registration
        if REFERENCE_LIST_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue
        yield Finding(
            m.start(),
            m.end(),
            "PLAQUE",
            m.group(),
            "forme d'une plaque d'immatriculation (AB-123-CD)",
        )
    for m in PLATE_AFTER_VEHICLE.finditer(text):
        if _plate_shape(m["plate"]):
            yield Finding(
                m.start("plate"),
                m.end("plate"),
                "PLAQUE",
                m["plate"],
                "immatriculation juste après le véhicule",
            )


# The commune's own applications for funding: « Dossier de subvention DETR n° », « dossier
# communal n° » (a person's grant is « ma demande d'aide », and its number stays personal).
COLLECTIVITY_OWN = re.compile(
    # (the European programmes too: « dossier Interreg Grande Région n° », « dossier POCTEFA n° »)
    r"\b(?:DETR|DSIL|DSID|FEDER|FEADER|LEADER|Interreg|POCTEFA|ALCOTRA|FEAMPA?|FNADT|"
    r"communal|de\s+la\s+commune|subvention|entretien|"
    # « dossier de la Région n° 081.905.278 »: a funder's file on the commune's project
    r"maintenance|de\s+la\s+R[ée]gion|de\s+l['’][ÉE]tat|du\s+D[ée]partement|"
    # the services' fuel card; a wind farm's or a plant's permit (« dossier d'autorisation
    # environnementale n° », « ICPE n° »)
    r"carburant|environnementale|ICPE|"
    # the employer's group insurance for its staff (« contrat groupe de prévoyance n° »)
    r"contrat\s+groupe|"
    # a club's or an association's own file: « le dossier de l'Étoile cycliste porte le n° »
    r"dossier\s+(?:de\s+l['’]|du\s+|de\s+la\s+)(?:association|amicale|[ée]toile|club|"
    r"comit[ée]|entente|union|soci[ée]t[ée]))\b",
    re.I,
)
# (« pièces du chariot élévateur réf. », « treuil réf. »: machines and their parts, in the plural
# too)
PRODUCT_BEFORE = re.compile(
    r"\b(?:pi[èe]ce|article|mod[èe]le|produit|mat[ée]riel|tracteur|chaudi[èe]re|moteur|"
    r"compresseur|pompe|appareil|[ée]quipement|machine|remorque|serveur|cam[ée]ra|ordinateur|"
    r"s[ée]rie|treuil|grue|chariot|nacelle|dameuse|engin|outil|t[ée]l[ée]si[èe]ge|t[ée]l[ée]ski|"
    # a public charging point, « borne de recharge réf. »; street furniture (« plaque de rue
    # « place Darche » réf. PD-054-12 »); the services' own kit (« vélo électrique de service
    # réf. », « gyrophare réf. », « radar pédagogique réf. »)
    r"borne|plaque\s+de\s+rue|panneau|candélabre|luminaire|mobilier|vélo|gyrophare|radar|quad|"
    r"saleuse|tronçonneuse)"
    r"s?\b[^;\n]{0,40}$",
    re.I,
)
# The commune's own business, said just before the number: a loan (« emprunt … contrat n° »),
# an order (« commandées sous la référence … »), a fund's file (« Fonds de revitalisation :
# dossier n° … »).
COMMUNE_BUSINESS_BEFORE = re.compile(
    r"\b(?:emprunt|pr[êe]t\s+bancaire|command[ée]e?s?|bon\s+de\s+commande|fonds|programme|"
    r"interreg|appel\s+[àa]\s+projets)\b[^\n]{0,60}$",
    re.I,
)
# A company's or an establishment's number, not a person's file: « inscrit au RCS de Luxembourg
# …, autorisation d'établissement n° … », « crèche Els Cirerers, agrément PMI n° … » (a
# childminder's « agrément n° » stays hers).
BODY_BEFORE = re.compile(
    r"(?:\bRCS\b|\bregistre\s+du\s+commerce)[^;\n]{0,80}$"
    r"|\b(?:cr[èe]che|micro-cr[èe]che|multi-accueil|accueil\s+de\s+loisirs|"
    r"centre\s+de\s+loisirs)\b(?:[^;,\n]{0,40},){0,2}[^;,\n]{0,40}$",
    re.I,
)
SUPPLIER_INVOICE = re.compile(r"factures?\s+n[°o]", re.I)
# The budget's accounts (M14, M57 nomenclatures: two to six digits, classes 1 to 7): « Compte
# 60612 : – 5 000.00 € », « compte 6232 » under « En fonctionnement : ». A household's account
# at the water service has more digits, or letters.
BUDGET_ACCOUNT = re.compile(r"comptes?\s+(?:n[°o]\s*)?[1-7]\d{1,5}", re.I)
BUDGET_WORDS = re.compile(
    r"\b(?:imput[ée]e?s?|fonctionnement|investissement|chapitre|budg[ée]taire|budget|cr[ée]dits|"
    r"d[ée]cision\s+modificative|imputation|nomenclature|M14|M57)\b",
    re.I,
)
# « Compte 6232 : – 20 000.00 € »: a budget line, the account then the sum it moves
BUDGET_LINE_AMOUNT = re.compile(r"[ \t]*[:–-][ \t]*[–+-]?[ \t]*\d[\d  .]*(?:[.,]\d{2})?[ \t]*€")
AMOUNT_AFTER = re.compile(
    r"\s+(?:de|d['’]un\s+montant\s+de)\s+\d[\d  .]*(?:,\d{2})?\s*(?:€|euros|CHF)"
)
# A supplier's invoice says who sells (a SIRET, a sole trader, a quote, a price before or after
# tax); one sent to a household says to whom (« adressée à la famille … », « votre facture »).
SUPPLIER_SIGNS = re.compile(
    r"\b(?:SIRET|SIREN|TTC|HT|EI|IDE|TVA|entrepreneur|entreprise|fournisseur|SARL|SAS|EURL|devis)\b",
    re.I,
)
HOUSEHOLD_SIGNS = re.compile(r"\b(?:adress[ée]e?\s+[àa]|famille|votre|ma|mon|usager)\b", re.I)
# « concession n° 1208, carré F »: a grave's plot number, not the file of the family that holds
# it (« Concession n° C-1992-0418, acquise par … » is one).
PLOT_NUMBER = re.compile(r"concessions?\s+n[°o]\s*\d{1,4}$", re.I)
# (« permis de construire de la Ville pour la nouvelle crèche PC … »)
COMMUNE_OWN = re.compile(r"\b(?:communa(?:l|le|ux)|de\s+la\s+(?:ville|commune))\b[^.;\n]*$", re.I)


def _suppliers(text: str, invoice: re.Match) -> bool:
    """Whether an invoice number is a supplier's to the commune, by what its line says."""
    if AMOUNT_AFTER.match(text, invoice.end("number")):
        return True
    line_start = text.rfind("\n", 0, invoice.start()) + 1
    line_end = text.find("\n", invoice.end())
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return bool(SUPPLIER_SIGNS.search(line)) and not HOUSEHOLD_SIGNS.search(line)


# The Swiss social-insurance number (AVS), 756 then ten digits, the last a check digit:
# « 756.4182.7395.14 », « 7568271364021 ».
AVS = re.compile(r"(?<![\w.])756(?:\.?\d{4}){2}\.?\d{2}(?![\w.])")


# « réf. » alone after a noun, before a number, without a colon or a word saying whose: in the
# corpus it numbered things (a blade, a vehicle, street signs, a speed gun), never a person's
# file; « Réf. URB-2025-0456 — permis de … » heading a letter, « réf. : … », « réf. client … »
# stay.
BARE_REFERENCE = re.compile(r"réf\.[ \t]*")
# A national form (« formulaire cerfa n° 14069*04 ») is numbered, and edited (« *04 »)
CERFA_EDITION = re.compile(r"\*\d{2}\b")
CERFA_BEFORE = re.compile(r"\bcerfa\b[^\n]*$", re.I)


ANNOUNCED_FILE = "numéro annoncé comme dossier, compte, contrat ou référence"


def dossiers(text: str) -> Iterator[Finding]:
    for m in AVS.finditer(text):
        if std_avs.is_valid(m.group()):
            yield Finding(
                m.start(), m.end(), "NUMERO_DOSSIER", m.group(), "numéro AVS suisse (clé juste)"
            )
    planning = [m.span() for m in URBANISM.finditer(text)]
    for start, end in planning:
        if COMMUNE_OWN.search(text, max(0, start - 80), start):
            continue  # « permis d'aménager communal PA … »: the commune's own application
        yield Finding(
            start, end, "NUMERO_DOSSIER", text[start:end], "numéro de demande d'urbanisme"
        )
    for m in DOSSIER.finditer(text):
        if any(a <= m.start("number") < b for a, b in planning):
            continue
        if PUBLIC_NOTICE.search(text, max(0, m.start() - 80), m.start()):
            continue  # a public contract's or notice's reference, not someone's file
        if PRODUCT_BEFORE.search(text, max(0, m.start() - 50), m.start("number")):
            continue  # « pièce de rechange du tracteur réf. HK-418-ZT », « numéro de série »
        if COLLECTIVITY_OWN.search(m.group()):
            continue  # « dossier de subvention DETR n° … », « dossier communal n° … »
        if SUPPLIER_INVOICE.match(m.group()) and _suppliers(text, m):
            continue  # « facture n° 2025-0311 de 3 412,80 € »: a supplier's, to the commune
        if COMMUNE_BUSINESS_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue  # the commune's loan, order or fund, not a person's file
        if PLOT_NUMBER.search(m.group()):
            continue
        if BODY_BEFORE.search(text, max(0, m.start() - 80), m.start()):
            continue  # a company's or a crèche's number
        if (
            BUDGET_ACCOUNT.fullmatch(m.group().strip(" :"))
            and (
                BUDGET_WORDS.search(text, max(0, m.start() - 300), m.start())
                # « redevance au compte 7336 »: a sum put to an account is the budget's
                or re.search(r"\bau\s+$", text[max(0, m.start() - 4) : m.start()])
                or BUDGET_LINE_AMOUNT.match(text, m.end())
            )
        ):
            continue  # an account of the commune's budget, not someone's
        if BARE_REFERENCE.fullmatch(text, m.start(), m.start("number")) and re.search(
            r"[^\W\d_]\s$", text[max(0, m.start() - 2) : m.start()]
        ):
            continue  # « lame réf. HK-274-DN », « vérin réf. … »: a part's or a kit's number
        if re.search(r"carte\s+bancaire", m.group(), re.I):
            continue  # a card payment's ticket, not the card holder's file
        if re.fullmatch(r"(?:19|20)\d\d", m.group("number")):
            continue  # « avis d'imposition 2025 »: its year, not its number
        if CERFA_EDITION.match(text, m.end("number")) or CERFA_BEFORE.search(
            text, max(0, m.start() - 12), m.start("number")
        ):
            continue  # « cerfa n° 10798*05 »: the national form's number, not the file's
        yield Finding(
            m.start("number"),
            m.end("number"),
            "NUMERO_DOSSIER",
            m.group("number"),
            ANNOUNCED_FILE,
        )


# « Résidence Les Chênes, bât. C, appt 12, 40100 Dax »: the parts of a building between the
# street and the postcode.
# After a comma or a dash, or in brackets (« 12 rue des Lilas (2e étage) »); a post-office box
# (« BP 45 », « CS 70001 ») too.
BUILDING_PART = re.compile(
    r"[ \t]*(?:[,–—-]|(?=\())[ \t]*\(?(?:"
    r"(?i:bât\.?|bâtiment|bat\.?|appt\.?|app\.|appartement|apt\.?|esc\.?|escalier|"
    r"porte|étage|etage|entrée|case|studio|chambre|logement|emplacement|bungalow|mobil-home)"
    r"[ \t]*(?:droite|gauche|face|fond|[\w-]{1,4})\b"
    # « 3e étage », « 9ème étage gauche », « rez-de-chaussée »
    r"|\d{1,2}(?:e|ème|er|eme)[ \t]+(?i:étage|etage)(?:[ \t]+(?i:gauche|droite|face|fond))?"
    r"|(?i:rez-de-chauss[ée]e|RDC)"
    r"|(?:BP|CS|TSA)[ \t]?\d{1,6}\b"
    r")\)?"
)
# Between the street and the postcode, a hamlet or quarter, or a building by its name:
# « 5 impasse des Goyaviers, Langevin, 97480 Saint-Joseph », « 12 rue de la Chollière,
# résidence Les Séracs, appt 23 ». Counted only when a postcode follows.
LOCALITY_PART = re.compile(
    r"[ \t]*,[ \t]*(?:(?i:résidence|residence|lotissement|hameau|lieu-dit|quartier|chalet|villa|"
    # a mining town's « cité du 9 », « cité des Provinces »
    # (« quartier de l'Anse »)
    r"cité|cite|domaine|ZAC|ZA|village)[ \t]+"
    r"(?:(?:de[ \t]+la|de[ \t]+l['’]|des|du|de|d['’])[ \t]*)?)?"
    r"[A-ZÀ-Ÿ0-9][\w'’-]*(?:[ \t]+(?:de[ \t]+la|des|du|de|d'|les|le|la|ar|an)?[ \t]*"
    r"[A-ZÀ-Ÿ][\w'’-]*){0,3}"
    # « 4 rue Schœlcher, bourg, 97214 Le Lorrain »: the town's centre, in lower case
    r"|[ \t]*,[ \t]*(?:le[ \t]+)?bourg\b"
)
# The postal norm's lines before the street (NF Z10-011): the flat, the floor, the building —
# « résidence Les Sapins, bât. B, 2e étage, appt 21, 14 avenue des Belges » — each followed by
# a comma, right before the street's number.
_BUILDING_SEGMENT = (
    r"(?:(?i:studio|appt\.?|appartement|apartment|flat|apt\.?|app\.?|bât\.?|bâtiment|bat\.?|esc\.?|escalier|"
    # (the word whole: not « Villatte » as « villa » and « tte »)
    r"porte|entrée|logement|chambre|immeuble|tour|villa)(?![^\W\d_])[ \t]*[\w-]{1,8}"
    r"(?:[ \t]+[A-ZÀ-Ÿ][\w'’-]*){0,2}"
    r"|\d{1,2}(?:e|ème|er|eme)[ \t]+(?i:étage|etage)"
    r"|(?i:rez-de-chauss[ée]e|RDC)"
    r"|(?i:résidence|residence|cité|cite|lotissement|domaine|hameau|ZA|ZAC|ZI|lieu-dit|lieudit|HLM|"
    r"zone[ \t]+(?:industrielle|artisanale|d['’]activit[ée]s?)|cabane[ \t]+n°[ \t]*\d{1,4}|"
    r"quartier|mas|ferme|camping|village)[ \t]+"
    # « résidence des saisonniers Le Rioumajou »: who it houses, then its name
    r"(?:(?:de[ \t]+la|des|du|de|d')[ \t]*)?(?:[a-zé]{4,}[ \t]+)?[A-ZÀ-Ÿ][\w'’-]*"
    r"(?:[ \t]+[A-ZÀ-Ÿ][\w'’-]*){0,3}"
    # « chez sa cousine, 14 rue des Balisiers »: lodged with kin or friends (not « chez M. X »,
    # a person)
    r"|chez[ \t]+(?:sa|son|ses|leur|leurs|un|une|des)[ \t]+[a-zà-ÿ'’-]{3,}"
    r"(?:[ \t]+[a-zà-ÿ'’-]{2,}){0,2})"
)
# A dwelling without a street, named by its kind and then narrowed down, each part followed by a
# comma, right before the postcode: « foyer de jeunes travailleurs, chambre 21, 18100 Vierzon »,
# « bungalow 3 du camping municipal, 29242 Ouessant », « cabane pastorale d'Aunac, estive de
# Salau, 09140 Seix », « cité Bellevue, immeuble Acajou, appt 7, 97320 … ».
# A civility, starting a person, not a place's name (« M'tsapéré » is a place).
_NOT_A_CIVILITY = r"(?!(?:M|MM|Mme|Mmes|Mlle|Monsieur|Madame|Me|Dr)\b(?!['’]))"
_DWELLING_SEGMENT = (
    r"(?i:foyer|cabane|bungalow|mobil-home|caravane|aire|cité|cite|immeuble|moulin|estive|chalet|"
    r"gîte|gite|ferme|mas|camping|résidence|residence|hameau|lieu-dit|village|quartier|domaine|"
    r"lotissement|maison|refuge|buron|bergerie|chambre|emplacement|appt\.?|appartement|bât\.?|"
    # Guiana's « carbet » (an open hut) and « dégrad » (a river landing), the Landes' « airial »
    # (a farm's clearing in the pines), Mayotte's « banga » (a hut); a landing stage, a zone, an
    # old building reused (« ancienne gare »), a road by its number (« route nationale 1 »)
    r"bâtiment|studio|logement|villa|carbet|dégrad|degrad|airial|banga|ponton|zone|route|"
    # Réunion's « îlet » (a hamlet in the cirques), the Basque « borda » (a farm), Roubaix's
    # « courée »
    r"îlet|ilet|borda|courée|"
    # a boat one lives on, its mooring (« péniche « Zeemeeuw », quai n° 5, port du Commerce »,
    # « bateau « Ma Loute », anneau 36, port de plaisance », « narrowboat "Kingfisher", pontoon
    # B »), a home for the elderly (« foyer-logement Les Mariniers », « EHPAD Les Terrasses »)
    r"bateau-logement|bateau|péniche|peniche|barge|narrowboat|house-?boat|voilier|anneau|pontoon|"
    r"halte|port|foyer-logement|ehpad|"
    # Guadeloupe's « habitation » (an old estate), « section » (a rural quarter) and « morne »
    # (a hill), a Caribbean « case »; the Cévennes' « causse » and « clède »; an « anse »; a
    # boat's « chantier »
    r"habitation|section|morne|case|causse|clède|clede|anse|chantier|"
    # Corsica's « Casa Filippi » (the family's house), the Loire's « coteau des Perrières »
    r"casa|coteau|château|chateau|lot|"
    # (a building: not « ancien maire »)
    r"ancienne?(?=[ \t]+(?:gare|école|ecole|poste|mairie|presbytère|usine|caserne|forge|"
    r"laiterie|cure|ferme|grange|moulin|halle)\b))"
    # (its name, not a person's: « chantier chez Mme Malgorn » is hers, not the address)
    # (« ponton de M'tsapéré » is a place)
    rf"(?:[ \t]+{_NOT_A_CIVILITY}[\w'’.«»\"-]+){{1,6}}"
)
# after the dwelling, the place it stands in: « maison Quédinet, Île aux Marins, 97500 … »
# (not a person after a civility: « logement social, Mme Dupont, 38000 … »)
_CAP_PLACE = (
    _NOT_A_CIVILITY
    # (« Penn ar Hoat »: Breton articles inside the name)
    + r"[A-ZÀ-Ÿ][\w'’-]*(?:[ \t]+(?:aux|au|de|du|des|la|le|les|d['’]|ar|an|al)?[ \t]*"
    r"[A-ZÀ-Ÿ][\w'’-]*){0,3}"
    # a numbered quarter: « Tsoundzou 2 »
    r"(?:[ \t]+\d{1,2})?"
)
# Any building or place by its kind and a proper name, « rucher de Penn ar Hoat », « longère de
# Kerbournet »: a lower-case noun, « de », then the name; not a person's kin or office (« fils
# de Jean Le Goff »).
_KIND_OF_NAME = (
    r"(?!(?:fils|fille|filles|épouse|époux|veuve|veuf|mère|père|frère|sœur|soeur|nièce|neveu|"
    r"cousine?|oncle|tante|enfants?|amie?|voisine?|compagnon|compagne|famille|succession|"
    r"héritiers?|ayants?|président|présidente|directeur|directrice|gérant|gérante|maire|"
    r"adjointe?|agente?|conseill[eè]re?|part|nom|compte|auprès|près|lors|suite|cause|"
    r"propriétaire|locataire|tuteur|tutrice|curateur|curatrice|mandataire)\b)"
    r"(?-i:[a-zà-ÿ][a-zà-ÿ'’-]{2,14})[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|des|du|de|d['’])[ \t]*"
    + _CAP_PLACE
)
DWELLING_BEFORE = re.compile(
    rf"(?<![\w'’-])(?:{_DWELLING_SEGMENT}|{_KIND_OF_NAME})[ \t]*,[ \t]*"
    rf"(?:(?:{_DWELLING_SEGMENT}|{_CAP_PLACE})[ \t]*,[ \t]*){{0,2}}$"
)
BUILDING_BEFORE = re.compile(
    rf"(?:(?<![\w'’-])(?:{_BUILDING_SEGMENT}|{_DWELLING_SEGMENT})[ \t]*,[ \t]*){{1,4}}$"
)
BOX_BEFORE = re.compile(r"\b(?:BP|CS|TSA)[ \t]?\d{1,6}[ \t]*[,–—-]?[ \t]*$")
CEDEX_NUMBER = re.compile(r"(?<=[Cc][Ee][Dd][Ee][Xx])[ \t]+\d{1,2}\b")
HOUR_BEFORE = re.compile(r"\d{1,2}[ \t]?h[ \t]?$")
# « carré 7, allée des Tilleuls »: a cemetery's plot, not a house number.
NOT_A_HOUSE_NUMBER_BEFORE = re.compile(
    r"\b(?:carr[ée]|rang|tombe|emplacement|case|caveau|concessions?[ \t]+n[°o])[ \t]*$"
    # a road's number (« sur la RD 978, route de Château-Chinon », « la D 12 »)
    r"|(?-i:\b(?:RD|RN|RM|CD|VC|CR)|\bla[ \t](?-i:D|N))[ \t]?$"
    # a cadastral parcel (« cession de la parcelle AB 317, boulevard … »)
    r"|\b(?:parcelles?|cadastr[ée]e?s?|section)[ \t]+(?-i:[A-Z]{1,2})[ \t]*(?:n[°o][ \t]*)?$"
    # the tail of a longer number (« la caméra n° 08 409 042 place d'Armes »; not « appt 4 12
    # rue … », a flat then the house)
    r"|\d[ \t]\d+[ \t]$",
    re.I,
)
# A year, not a house number: « parc créé en 1970, Maison du Parc » (but « vivo en 14 rue … »)
# (nor a year and a serial number: « arrêté A-2026-0231, rue de la République fermée »)
YEAR_NOT_NUMBER = re.compile(r"(?<=\ben[ \t])(?:1[5-9]|20)\d\d\b|(?:19|20)\d\d-\d{3,}\b")


def _past_building(text: str, end: int) -> int:
    while part := BUILDING_PART.match(text, end):
        end = part.end()
    return end


def _postcode_after(text: str, end: int) -> re.Match | None:
    """The postcode and commune after a street: right after it and its building, or past one
    or two hamlets or named buildings (with their own flat numbers)."""
    end = _past_building(text, end)
    for _ in range(3):
        rest = (
            POSTCODE_CITY_AFTER_STREET.match(text, _skip_separators(text, end))
            or BORDER_POSTCODE_CITY.match(text, _skip_separators(text, end))
            or (FOREIGN_CITY_POSTCODE.match(text, _skip_separators(text, end)))
        )
        if rest is not None:
            return rest
        locality = LOCALITY_PART.match(text, end)
        if locality is None or POSTCODE_CITY_AFTER_STREET.fullmatch(locality.group().strip(" ,\t")):
            return None
        end = _past_building(text, locality.end())
    return None


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= a or start >= b for a, b in taken)


def _taken_until(taken: list[tuple[int, int]], position: int) -> int:
    """Where the last address already read before `position` ends (-1: none)."""
    return max((b for a, b in taken if b <= position), default=-1)


def addresses(text: str) -> Iterator[Finding]:
    """A street (number + street type + name), with the postcode and commune that follow it;
    a postcode and commune alone are an address too."""
    # What the streets took, each address by its span: a later street does not hide an
    # earlier hamlet or dwelling (« habitation Fond-Massé, 97214 … ; … 12 allée Jean-Racine »).
    taken: list[tuple[int, int]] = []
    for m in STREET.finditer(text):
        if (
            HOUR_BEFORE.search(text, max(0, m.start() - 6), m.start())
            or NOT_A_HOUSE_NUMBER_BEFORE.search(text, max(0, m.start() - 20), m.start())
            or YEAR_NOT_NUMBER.match(text, m.start())
        ):
            continue  # « à 10 h 30, avenue … »: the minutes, not a number in the street
        end = m.end()
        rest = _postcode_after(text, end)
        # « 12 rue des Lilas, appt 4 »: the flat with its street, when no postcode follows
        end = rest.end() if rest is not None else _past_building(text, end)
        taken.append((m.start(), end))
        before = BUILDING_BEFORE.search(text, max(0, m.start() - 160), m.start())
        start = before.start() if before else m.start()
        yield Finding(
            start,
            end,
            "ADRESSE",
            text[start:end],
            "numéro et type de voie (rue, avenue…), suivis du code postal s'il y est",
        )
    for m in SPOKEN_STREET.finditer(text):
        number = words_value(m.group("number"))
        # « un domaine de Bergheim »: « un » is the article
        if number and 1 < number < 1000 and _free(taken, m.start(), m.end()):
            end = m.end()
            for part in (SPOKEN_FLAT, SPOKEN_DESCRIPTION):
                end = more.end() if (more := part.match(text, end)) else end
            yield Finding(
                m.start(), end, "ADRESSE", text[m.start() : end], "numéro de voie dicté en mots"
            )
    for m in LOWER_WHOLE_ADDRESS.finditer(text):
        if _free(taken, m.start("address"), m.end("address")):
            taken.append(m.span("address"))
            yield Finding(
                m.start("address"),
                m.end("address"),
                "ADRESSE",
                m.group("address"),
                "adresse tapée en minuscules, jusqu'au code postal et à la commune",
            )
    for m in LOWER_STREET.finditer(text):
        if (
            _free(taken, m.start(), m.end())
            and not NOT_A_HOUSE_NUMBER_BEFORE.search(text, max(0, m.start() - 20), m.start())
            and not HOUR_BEFORE.search(text, max(0, m.start() - 6), m.start())
        ):
            # « 8 allee des chenes 41600 lamotte-beuvron »: the postcode and commune after it
            rest = LOWER_POSTCODE_CITY.match(text, m.end())
            end = rest.end() if rest else m.end()
            why = "numéro et voie écrits en minuscules"
            yield Finding(m.start(), end, "ADRESSE", text[m.start() : end], why)
    for m in NAMED_STREET.finditer(text):
        rest = _postcode_after(text, m.end())
        if rest is not None:
            # « lieu-dit Les Granges, route de Lyon, 38000 Grenoble »
            before = BUILDING_BEFORE.search(text, max(0, m.start() - 160), m.start())
            start = before.start() if before else m.start()
            yield Finding(
                start,
                rest.end(),
                "ADRESSE",
                text[start : rest.end()],
                "voie (rue, chemin, lieu-dit…) suivie d'un code postal et d'une commune",
            )
        elif (flat := _past_building(text, m.end())) > m.end():
            # « résidence Le Grand Marchet, appt 214 »: a flat in a named building is someone's
            yield Finding(
                m.start(),
                flat,
                "ADRESSE",
                text[m.start() : flat],
                "voie ou résidence suivie d'un appartement, d'un bâtiment ou d'une case",
            )
    for m in POSTCODE_CITY.finditer(text):
        hamlet = HAMLET_BEFORE.search(
            text, max(0, m.start() - 120), m.start()
        ) or HAMLET_LINES_BEFORE.search(text, max(0, m.start() - 120), m.start())
        if hamlet and hamlet.start("name") > _taken_until(taken, m.start()):
            # « La Grande Noue, 18120 Massay »: a hamlet by its name, then the postcode
            start = hamlet.start("name")
            yield Finding(
                start, m.end(), "ADRESSE", text[start : m.end()], "lieu-dit suivi d'un code postal"
            )
            continue
        if _free(taken, m.start(), m.end()):
            # « BP 45 – 38001 Grenoble Cedex 1 », « CS 30001, 17000 La Rochelle »
            box = BOX_BEFORE.search(text, max(0, m.start() - 20), m.start())
            start = box.start() if box else m.start()
            if not box:
                after = max(_taken_until(taken, m.start()), m.start() - 160, 0)
                dwelling = DWELLING_BEFORE.search(text, after, m.start())
                start = dwelling.start() if dwelling else start
            if box:
                # « zone industrielle de la Feltière, BP 70112, 57190 Florange »
                before = BUILDING_BEFORE.search(text, max(0, start - 160), start)
                start = before.start() if before else start
            end = CEDEX_NUMBER.match(text, m.end())
            end = end.end() if end else m.end()
            yield Finding(
                start, end, "ADRESSE", text[start:end], "code postal suivi d'un nom de commune"
            )


# Addresses abroad, each country's street order: « 14 Carlton Road » (the number, the name, then
# the type), « Hauptstraße 12 », « Oudegracht 212 » (the type fused with the name, then the
# number), « carrer de la Unió 7 », « rua das Flores 12 » (the type, the name, then the number).
_CAPS = r"[A-ZÀ-Ÿ][\w'’-]*"
NUMBER_FIRST = re.compile(
    rf"\b\d{{1,4}}[a-z]?,?[ \t]+(?:{_CAPS}[ \t]+){{1,3}}"
    r"(?:Road|Street|Lane|Drive|Close|Way|Avenue|Crescent|Gardens|Terrace|Grove|Square|Parade|"
    r"Place|Boulevard|Rd|St)\b"
)
FUSED_TYPE = re.compile(
    r"\b[A-ZÀ-Ÿ][\w-]*(?:stra(?:ß|ss)e|weg|platz|gasse|allee|ring|gracht|straat|laan|plein|kade|"
    # Scandinavian: « Nygårdsgaten 14 », « Storgatan 3 », « Kirkevej 5 »
    # « Prinsengracht 418-II »: the floor after the number
    # (Denmark's « Nørrebrogade 41 »)
    r"dijk|steenweg|gaten|gata|gatan|gate|gade|veien|vegen|vei|vägen|vejen|vej)[ \t]+\d{1,4}[a-z]?"
    r"(?:-[IVX]{1,3}|-[a-z])?\b"
)
TYPE_FIRST = re.compile(
    # (« rúa do Hórreo 31 », Galicia)
    r"\b(?i:calle|carrer|c/|rua|rúa|avenida|avinguda|av\.|plaza|pla[çc]a|travessa|via|viale|piazza|"
    r"corso|ulica|ul\.|strada)[ \t]+(?:(?:de[ \t]+la|de[ \t]+l['’]|del|de|das|do|dos|da|della|"
    # « ul. Długa 14/3 »: the flat after a slash
    # (« Calle 5 de Mayo 214 »: a street named after a date)
    rf"dei)[ \t]+)?(?:{_CAPS}(?:[ \t]+{_CAPS}){{0,2}}|\d{{1,2}}[ \t]+de[ \t]+{_CAPS})"
    r",?[ \t]+\d{1,4}[a-z]?(?:/\d{1,4})?\b"
)
# What may follow abroad, up to the country, in one to three parts: « , Bristol BS6 5QX, United
# Kingdom », « , 3511 NV Utrecht, Pays-Bas », « , 3r 2a, AD500 Andorra la Vella », « , 4050-262
# Porto ».
_WORD = r"[A-ZÀ-Ÿ][^\W\d_]*(?:['’-][^\W\d_]+)*\b"  # a capitalised word without digits
_PLACE = (
    rf"{_WORD}(?:[ \t]+(?:(?:la|le|de|del|do|da|dos|das|di|della|im|am|an|upon|on|sur|en)[ \t]+)?"
    rf"{_WORD}){{0,2}}"
)
_POSTCODE = (
    # « 118 63 Stockholm »: Sweden's, Czechia's, Greece's three and two digits
    r"(?:[A-Z]{1,2}\d{3,5}|\d{5}-\d{3}|\d{4}-\d{3}|\d{2}-\d{3}|\d{3}[ \t]\d{2}(?!\d)"
    r"|\d{4,5}(?:[ \t]?[A-Z]{2}(?![\w]))?"
    # six figures: Romania's, India's (« 030031 București »)
    r"|\d{6})"
)
# the British postcode, and the Irish Eircode (« T12 X8K2 »)
# and the Canadian one after its province (« Halifax NS B3J 1Y2 »)
_UK_POSTCODE = (
    r"(?:[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[A-Z]\d{2}[ \t]?[A-Z\d]{4}"
    # (« Montréal (Québec) H2J 2X1 »: the province in brackets)
    r"|(?:(?:NL|NS|NB|PE|QC|ON|MB|SK|AB|BC|\([A-ZÀ-Ÿ][\w'’-]*\))[ \t]+)?"
    r"[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)\b"
)
ABROAD_REST = re.compile(
    # (« Brugsesteenweg 212 ⏎ 8520 Kuurne »: the postcode and town on the line below; not any
    # capitalised line after a street)
    rf"(?:(?:,?[ \t]+|,?[ \t]*\n[ \t]*(?={_POSTCODE}[ \t]))"
    r"(?:\d{1,2}[a-zº°]{1,2}[ \t]+\d{1,2}[a-zª]{1,2}\b"  # « 3r 2a »
    r"|\d{1,2}\.?[ºª°][ \t]*(?i:esq|dto|dir|fte|frt)\.?"  # « 2.º esq. », « 2.º Esq. »
    r"|\d{1,2}\.?[ºª°][ \t]*[A-Z]\b"  # « 3.º B », a Spanish floor and door
    # « bus 3 » (Belgium), « apto 302 » (Brazil), « int. 3 » (Italy)
    # (« ap. 7 », Romania)
    r"|(?i:bus|bte|apto|apt|ap|dpto|piso|int|scala)\.?[ \t]+\d{1,4}[A-Z]?\b"
    r"|[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?\b"  # « NY 11230 »: a US state and its ZIP code
    r"|\([A-Z]{2}\)"  # an Italian or Brazilian province: « Gubbio (PG) »
    # Mexico's « Col. Roma Norte » (the colonia, a quarter) and a state's « Pue. », « Jal. »
    rf"|(?i:col|colonia|fracc|barrio)\.?[ \t]+{_PLACE}"
    r"|[A-Z][a-z]{1,3}\.(?=[ \t,;]|$)"
    rf"|(?:{_POSTCODE}[ \t]+)?{_PLACE}(?:[ \t]+{_UK_POSTCODE})?)){{1,5}}"
)


# A British or Canadian town and postcode after a street written the French way: « 112 rue
# Principale, Chéticamp NS B0E 1H0, Canada »
FOREIGN_CITY_POSTCODE = re.compile(rf"{_PLACE}[ \t]+{_UK_POSTCODE}(?:,[ \t]*{_WORD})?")


# French street words in the Swiss (and Belgian, Luxembourg) order, the number after the name,
# then a four-digit postcode: « Rue du Marché 9, 1260 Nyon », « Chemin des Tattes 4, 1347 Le
# Sentier »; a post-office box there: « Casella postale 214, 6901 Lugano », « Case postale 12 ».
NAME_THEN_NUMBER = re.compile(
    r"\b(?i:rue|chemin|avenue|route|place|quai|boulevard|ruelle|impasse|allée|sentier|passage)"
    rf"[ \t]+(?:(?:de[ \t]+la|de[ \t]+l['’]|des|du|de|d['’])[ \t]*)?{_CAPS}(?:[ \t]+{_CAPS}){{0,2}}"
    r"[ \t]+\d{1,4}[a-z]?(?=,[ \t]*\d{4}[ \t]+[A-ZÀ-Ÿ])"
    r"|\b(?i:casella[ \t]+postale|case[ \t]+postale|postfach|P\.?O\.?[ \t]+Box)[ \t]+\d{1,6}"
    r"(?=,[ \t]*(?:\d{4}[ \t]+)?[A-ZÀ-Ÿ])"
)


def foreign_addresses(text: str) -> Iterator[Finding]:
    for pattern in (NUMBER_FIRST, FUSED_TYPE, TYPE_FIRST, NAME_THEN_NUMBER):
        for m in pattern.finditer(text):
            rest = ABROAD_REST.match(text, m.end())
            end = rest.end() if rest else m.end()
            before = BUILDING_BEFORE.search(text, max(0, m.start() - 160), m.start())
            start = before.start() if before else m.start()
            yield Finding(
                start,
                end,
                "ADRESSE",
                text[start:end],
                "adresse à l'étranger (numéro et voie à la manière du pays)",
            )


def _skip_separators(text: str, position: int) -> int:
    while position < len(text) and text[position] in " ,\n–-":
        position += 1
    return position


DETECTORS = (
    emails,
    phones,
    spoken_phones,
    nirs,
    ibans,
    companies,
    births,
    plates,
    dossiers,
    addresses,
    foreign_addresses,
)
