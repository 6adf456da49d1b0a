"""The checkers read French administrative writing as real council records write it
(tests/data/real): counts and dates in words, quorum derivable, numbered agendas, dotted
article numbers; and still report what a record really lacks."""

from __future__ import annotations

import json
from pathlib import Path

from atelier_ia.checks import reading
from atelier_ia.checks.articles import (
    check_references,
    known_articles,
    other_text_references,
    references,
)
from atelier_ia.checks.deliberation import check_deliberation
from atelier_ia.checks.pv import check_pv

REAL = Path(__file__).resolve().parents[1] / "data" / "real"


def rules(findings) -> dict[str, str]:
    return {f.rule: f.severity for f in findings}


def test_numbers_in_words():
    assert reading.words_value("vingt-sept") == 27
    assert reading.words_value("quatre-vingt-dix-neuf") == 99
    assert reading.words_value("trente et un") == 31
    assert reading.count("Conseillers en exercice : 33 – Présents : 29", "présents")[0] == 29
    assert reading.count("onze conseillers présents", "présents")[0] == 11


def test_date_and_hour_in_words():
    text = (
        "L'an deux mille trois, le vingt sept mars, à vingt heures trente, le conseil s'est réuni."
    )
    assert reading.seance_date(text) and reading.seance_hour(text)
    found = rules(check_pv(text, published=False))
    assert found["pv.date_heure"] == "ok"
    assert (
        rules(check_pv("Le conseil s'est réuni le 27 mars 2003.", published=False))["pv.date_heure"]
        == "erreur"
    )


def test_quorum_stated_derived_or_missing():
    assert reading.quorum("Conseillers en exercice : 33 – Présents : 29").reached is True
    assert reading.quorum("En exercice : 33, présents : 12").reached is False
    assert reading.quorum("formant la majorité des membres en exercice").reached is True
    assert reading.quorum("Le conseil s'est réuni le 27 mars.").reached is None
    assert (
        rules(check_pv("Présents : 29 ; en exercice : 33.", published=False))["pv.quorum"] == "ok"
    )
    assert (
        rules(check_deliberation("Objet : budget\nLe conseil adopte."))["deliberation.quorum"]
        == "erreur"
    )


def test_agenda_as_numbered_sections():
    text = "I - ADMINISTRATION GÉNÉRALE\n1 - Composition des commissions\n2 - Budget primitif\n"
    assert rules(check_pv(text, published=False))["pv.ordre_du_jour"] == "ok"
    assert (
        rules(check_pv("Le maire ouvre la séance.", published=False))["pv.ordre_du_jour"]
        == "erreur"
    )


def test_articles_with_dots_spaces_and_without_hyphen():
    text = "l'article L.2121.15 du CGCT ; L 2122-22 ; l’article L.270 du code électoral ; 75001"
    assert [r for r, _ in references(text)] == ["L2121-15", "L2122-22", "L270"]


def test_broken_vote_count_is_reported():
    broken = "Le budget est adopté par 6 voix pour, 9 contre et 2 abstentions."
    assert rules(check_pv(broken, published=False))["pv.decompte"] == "erreur"
    fine = "Le budget est adopté par 25 voix pour, 3 contre et 2 abstentions."
    assert "pv.decompte" not in rules(check_pv(fine, published=False))


def test_no_false_finding_on_a_real_record_that_states_everything():
    # Held-out record: quorum in counts, date in words, numbered agenda, votes.
    records = {r["file"]: r for r in json.loads((REAL / "corpus.json").read_text("utf-8"))}
    for name, record in records.items():
        if record["kind"] == "deliberation" or not record["labels"]["agenda"]:
            continue
        text = (REAL / name).read_text(encoding="utf-8")
        found = rules(check_pv(text, published=False))
        assert found["pv.ordre_du_jour"] == "ok", name
        if record["labels"]["quorum_stated"] or record["labels"]["quorum_derivable"]:
            assert found["pv.quorum"] == "ok", name


# What the second held-out set of real records (files 22-38) showed the checkers missed.


def test_ordinal_dates_and_a_dash_before_the_hour():
    text = "L’An Deux Mille Vingt et Un et le dix-huitième jour du mois de novembre à 19h00"
    assert reading.seance_date(text).group() == "dix-huitième jour du mois de novembre"
    heading = "PROCES VERBAL\nDU CONSEIL\nDE LA COMMUNE\n\nJEUDI 18 NOVEMBRE 2021 - 19H00\n"
    assert reading.seance_date(heading).group() == "18 NOVEMBRE 2021"
    # A date the record gives for something else stays out.
    body = "PROCÈS-VERBAL\nCommune de Grans\nConseil municipal\n\nConvoqué le 12 novembre 2021."
    assert reading.seance_date(body) is None


def test_quorum_formulas_and_their_negation():
    assert reading.quorum("s’est réuni au nombre\nprescrit par la loi").reached
    assert reading.quorum(
        "17 membres étant présents, le conseil peut valablement délibérer"
    ).reached
    missed = reading.quorum("Le quorum n'étant pas réuni, le conseil ne peut délibérer.")
    assert missed.reached is False
    # Citing the rule is not saying it failed, nor that it held.
    assert (
        reading.quorum("Le conseil ne peut délibérer que si la majorité est présente.").reached
        is None
    )
    # « Membres en fonction » (Alsace) is the count of members in office.
    assert reading.quorum("Membres en fonction : 15 Membres présents : 7").reached is False
    assert reading.quorum("Membres en fonction : 15 Membres présents : 15").reached


def test_secretary_in_the_forms_records_use():
    for text in (
        "Madame COUCHOT est élue secrétaire.",
        "Secrétaire de la séance : Schwarte Patricia",
        "Secrétaire : Mme CAPRON",
        "M. Helal qui assurera les fonctions de Secrétaire.",
        "Mme Jeanne POUHE est nommé(e) Secrétaire à l’ouverture de la séance",
    ):
        assert reading.secretary(text), text
        assert rules(check_pv(text, published=False))["pv.secretaire"] == "ok"
    # A department of the mairie is not the séance's secretary.
    assert reading.secretary("COMMUNE DE VILLENAVE D’ORNON Secrétariat Général SLG/MZ") is None
    assert rules(check_pv("Le conseil s'est réuni.", published=False))["pv.secretaire"] == "erreur"


def test_question_numbers_are_an_agenda():
    text = "Question 1 – Adhésion à la convention de participation santé\nLe conseil approuve."
    assert reading.agenda(text)


def test_articles_in_a_list_and_of_other_texts():
    listed = references("Vu les articles L. 2541-6 et 2541-7 du CGCT")
    assert [r for r, _ in listed] == ["L2541-6", "L2541-7"]
    # The « L » left out, the CGCT named: still judged, and an invented one still flagged.
    invented = check_references(
        "Vu l’article 2121-97 du code général des collectivités territoriales"
    )
    assert [f.severity for f in invented] == ["attention"]
    # An article of another text is read, and not called invented.
    other = check_references("conformément au 1 de l’article 1650 du Code Général des Impôts")
    assert [f.severity for f in other] == ["ok"] and "non vérifiée" in other[0].message
    assert check_references("la salle n° 3 et 25 chaises") == []


# What the third held-out set (files 39-52) showed.


def test_elected_members_count_and_bare_numbered_items():
    assert reading.quorum("Nombre de conseillers élus : 15\nConseillers présents : 14").reached
    agenda = "1 Compte rendu du conseil du 2 septembre\nAdopté.\n2 Fixation de la redevance\n"
    assert reading.agenda(agenda).group("title") == "Compte rendu du conseil du 2 septembre"
    # A line that starts with a count is not an agenda.
    assert reading.agenda("15 Conseillers présents\nLe Maire ouvre la séance.") is None


def test_an_article_of_another_code_is_not_judged_as_the_cgcts():
    text = "l'article L. 2125-1 du Code général de la propriété des personnes publiques"
    assert references(text) == []
    assert [f.severity for f in check_references(text)] == ["ok"]
    both = "les articles L. 2121-10 et L. 2121-97 du Code général des collectivités territoriales"
    assert [f.severity for f in check_references(both)] == ["ok", "attention"]


# The fourth held-out set of real records (files 53-66), after its first run.


def test_plural_secretaries_and_the_quorum_as_records_word_it():
    assert reading.secretary("Secrétaires de séance :\nMme Inconnu, Mr Montoille")
    assert reading.quorum("s’est réuni en nombre prescrit par la loi").reached is True
    stated = "Le Conseil Municipal, réuni à la majorité de ses membres en exercice, a désigné"
    assert reading.quorum(stated).reached is True
    # Not a quorum: the public-ballot threshold, or a rule quoted without a séance.
    assert reading.quorum("supérieur au quart des membres présents").reached is None
    assert reading.quorum("Le conseil délibère à la majorité des suffrages.").reached is None


def test_degree_numbered_items_and_numbered_deliberations_in_a_run():
    assert reading.agenda("COMMUNICATIONS\n\n1° Arrêté préfectoral portant création de la commune")
    run = "Délibération n°1 : Approbation du compte rendu\n\nDélibération n°2 : Statuts\n"
    assert reading.agenda(run)
    # One numbered deliberation is an extract's own heading, not an agenda.
    assert reading.agenda("Délibération n°5 : Tarifs de la cantine\nLe conseil adopte.") is None


def test_a_regulatory_article_outside_the_list_is_read_not_judged():
    text = "désigné conformément à l’article R 2121-15 du Code Général des Collectivités"
    (finding,) = check_references(text)
    assert finding.severity == "ok" and "non vérifiée" in finding.message
    # A legislative one outside the list is still a possible invention; L2121-34 is listed.
    (invented,) = check_references("Vu l'article L. 2121-97 du CGCT")
    assert invented.severity == "attention"
    (listed,) = check_references("(articles L 2121-34)")
    assert listed.severity == "ok" and "connu" in listed.message


def test_after_the_fifth_held_out_set():
    counts = "Conseillers en exercice au jour de la séance : 35\nPrésents : 31 ; Pouvoirs : 4 ."
    assert reading.quorum(counts).reached is True
    opening = "L’an deux mil douze, le Vendredi 23 du mois de Mars, à dix-Sept heures, le Conseil"
    assert reading.seance_date(opening)
    # A doubled separator is a slip: « L.2121.-7 » is L2121-7, a known article.
    assert [r for r, _ in references("conformément à l’article L.2121.-7 du CGCT")] == ["L2121-7"]
    (listed,) = check_references("(article L 2121-27-1 du CGCT)")
    assert listed.severity == "ok"


def test_wider_readings_made_before_the_sixth_held_out_set():
    table = "Nombre de membres\nEn exercice   Présents   Votants\n15   12   14\nLe conseil …"
    assert reading.quorum(table) == reading.Quorum(
        True, "12 présents pour 15 en exercice", reading.quorum(table).span
    )
    # The same table without its header says nothing.
    assert reading.quorum("15   12   14\nLe conseil …").reached is None
    assert reading.secretary("M. Dupont a été choisi pour secrétaire.")
    assert reading.secretary("Secrétaire désignée : Mme Martin")
    assert not reading.secretary("La secrétaire de mairie assiste à la séance.")
    assert reading.quorum("plus de la moitié des membres en exercice étant présents").reached
    assert reading.quorum("les conseillers étant en nombre suffisant pour délibérer").reached
    assert reading.seance_date("Séance du premier juillet deux mille neuf")
    assert reading.seance_date("Réunion du conseil du 12 sept. 2019 à 20 h")
    items = "Point n° 1 : Budget primitif\nPoint n° 2 : Subventions aux associations\n"
    assert reading.agenda_sections(items)  # a run: numbered items, read as the agenda
    assert reading.agenda_sections("Point n° 5 : Questions diverses\n") == []
    # Every article of the CGCT's legislative part is known; an invented one is not.
    (real,) = check_references("en application de l'article L. 2122-23 du CGCT")
    assert real.severity == "ok"
    (invented,) = check_references("Vu l'article L. 2121-97 du CGCT ;")
    assert invented.severity == "attention"


def test_after_the_sixth_held_out_set():
    """The council's stated decision is a vote's result (88-lutterbach-2015: the secretary's
    designation, its only one)."""
    text = "Le conseil désigne Francis WIRA, directeur général des services, comme secrétaire."
    assert reading.outcomes(text)
    assert not reading.outcomes("Le conseil municipal prend acte de cette communication.")


def test_after_the_seventh_held_out_set():
    """An item's marker alone on its line (106-propriano-2021), and items' own headings in a
    run whatever their numbering (103-champillon-2019, whose PDF doubled its digits)."""
    assert reading.agenda("(2)\n2\nI.\n\nCréation de deux postes de chefs de poste\n")
    assert not reading.agenda("(2)\n2\n\nCréation de deux postes de chefs de poste\n")
    headings = (
        "DELIBERATION 201920192019-2019 ---27272727 : MISE A DISPOSITION DE LA SALLE\n"
        "Le conseil accepte.\n"
        "DELIBERATION 201920192019-2019 ---28282828 : RAPPORT EAU 2018\n"
    )
    assert reading.agenda(headings)
    assert not reading.agenda(headings.split("Le conseil")[0])  # one alone: an extract's title


def test_after_the_eighth_held_out_set():
    """« Présents à la séance : 132 » (110-cherbourg-en-cotentin-2016), a one-word heading in
    capitals (109-meslan-2014, the PDF put the rest below), « les articles L.1411 et suivants »
    (121-le-gosier-2015), a chapter of known articles."""
    counts = "Nombre de Conseillers en exercice : 163 – Présents à la séance : 132"
    assert reading.quorum(counts).reached is True
    assert reading.agenda("à l'unanimité.\n1- DESIGNATION\nDES\nMEMBRES\n")
    assert not reading.agenda("à l'unanimité.\n1- Désignation\n")
    (chapter,) = check_references("Vu les articles L.1411 et suivants du CGCT ;")
    assert chapter.severity == "ok"
    (invented,) = check_references("Vu l'article L.2199 du CGCT ;")  # no such chapter
    assert invented.severity == "attention"


def test_after_the_ninth_held_out_set():
    """A list numbered under « Étaient présents : » beside the counts' column
    (126-marle-2016), an agenda item numbered « 1/ » (129-uzes-2018), and the articles of a
    law named in the sentence that lists them (123-marseille-2000)."""
    marle = (
        "Étaient présents :\n1 - M Jacques SEVRAIN, Maire Nombre de conseillers\n"
        "2 - M Jean FICNER, Maire adjoint En exercice : 16\n"
        "3 - Mme Éliane LOISON, Maire adjoint Quorum : 9\n"
        "4 - M Jean-Pierre SORLIN, Maire adjoint Présents : 13\n"
    )
    assert reading.count(marle, reading.COUNT_LABELS["presents"])[0] == 13
    assert reading.quorum(marle).reached is True
    # the counts' own dash is no list: « Présents : 29 - Votants : 33 »
    assert reading.count("Présents : 29 - Votants : 33", "pr[ée]sents?")[0] == 29
    assert reading.agenda("Le procès-verbal est approuvé.\n\n1/ Charges de scolarisation 2018\n")
    assert not reading.agenda("éditées le\n12/03/2026 à la mairie\n")
    law = (
        "la Loi précitée stipule :\n\n  • dans l'article 8, que les organes délibérants se "
        "prononcent ;\n\n  • dans l'article 5 II que les SEML doivent fournir un bilan."
    )
    assert [text for text, _ in other_text_references(law)] == ["article 8", "article 5 II"]
    assert references(law) == []


def test_after_the_tenth_held_out_set():
    """A count box with each label and figure on its own line, « en exercice actuellement »
    (141-la-bresse-2016)."""
    box = (
        "Nombre effectif et légal des membres du Conseil Municipal.\n27\n"
        "Nombre des membres en exercice actuellement\n27\n"
        "Nombre des membres présents à la séance\n22\n"
    )
    assert reading.quorum(box).reached is True
    assert reading.quorum(box.replace("\n22\n", "\n12\n")).reached is False


def test_after_the_eleventh_held_out_set():
    """A secretary elected who « accepte de remplir cette fonction » (157-sassierges-saint-
    germain-2014), « Le Conseil donne son accord » as a vote's outcome (161-les-aspres-2017),
    « Nombre de Conseillers qui assistent à la séance : 15 » (163-saillans-2020)."""
    assert reading.secretary(
        "il a été procédé à l'élection d'un secrétaire pris au sein du Conseil Municipal pour "
        "la présente session. Mr AUBRUN Michel accepte de remplir cette fonction."
    )
    assert not reading.secretary("il sera procédé à l'élection d'un secrétaire.")
    assert reading.OUTCOME.search("Le Conseil donne son accord pour l'intégration des communes")
    box = (
        "Nombre de Conseillers en exercice : 15\n\n"
        "Nombre de Conseillers qui assistent à la séance : 15\n"
    )
    assert reading.quorum(box).reached is True


def test_subjects_listed_in_a_margin_before_the_record_opens():
    """153-domme-2014: the register sheet lists the séance's three subjects, unnumbered and
    unheaded, before « L'an deux mil quatorze … » (a line the PDF wrapped belongs to the one
    before). A header block in capitals, or two lines, are no agenda."""
    sheet = (
        "DEPARTEMENT Dordogne ARRONDISSEMENT\n\nSarlat CANTON\n\nDomme\n\n"
        "Le présent procès-verbal est approuvé le : 15/12/2014.\n\n"
        "Dossier PAVE : choix d’un bureau d’étude\n\n"
        "Référé administratif Commune de Domme c/ Jean Lambert : désignation\n\n"
        "d’un avocat pour plaider en appel\n\nSite internet communal\n\n"
        "COMMUNE DE DOMME\n\nL’an deux mil quatorze, le 20 octobre à 20 heures 30, le Conseil"
    )
    assert reading.agenda(sheet).group().startswith("Dossier PAVE")
    two = sheet.replace("Site internet communal\n\n", "")
    assert reading.agenda(two) is None
    assert reading.margin_subjects(sheet.replace("L’an deux mil quatorze", "Le")) is None


def test_wider_readings_made_before_the_twelfth_held_out_set():
    """Made without seeing the twelfth set: « réunissant la majorité de ses membres en
    exercice » states the quorum, as « formant la majorité des membres » does."""
    said = "Le Conseil Municipal, réunissant la majorité de ses membres en exercice, délibère."
    assert reading.quorum(said).reached is True
    assert reading.quorum("Le Conseil Municipal délibère.").reached is not True


def test_after_the_twelfth_held_out_set():
    """« Scrétaire de séance : » (166-coulgens-2008), « I - Délibérations : » as the one part of
    the order of business the excerpt holds (167-trespoux-rassiels-2011), a date in words that
    the opening formula follows (173-mogneneins-2016); and, to keep real lacks reported, the
    words « ordre du jour » in passing are no agenda."""
    assert reading.secretary("Scrétaire de séance : Nathalie VIDMAR")
    assert reading.agenda("Secrétaire de séance : ASNAR Ohria\n\nI - Délibérations :\n\nStatuts")
    assert not reading.agenda("Secrétaire de séance : ASNAR Ohria\n\n1. Liste des présents :\n")
    opening = (
        "Le huit décembre deux mille seize\nLe Conseil Municipal, légalement convoqué, s’est réuni"
    )
    assert reading.seance_date(opening).group() == "huit décembre deux mille seize"
    assert not reading.agenda("Avant d’aborder l’ordre du jour, Monsieur le Maire informe.")
    assert not reading.agenda("Le Maire propose d’ajouter un point à l’ordre du jour : la cantine.")
    assert reading.agenda("Séance du 17 juin 2020\n\nORDRE DU JOUR :\n\n- Indemnités")
    assert reading.agenda("procéder à l’examen de l’ordre du jour suivant :\n- Approbation")
    headings = (
        "DE 037-2019/07-001 APPROBATION DU PROCES-VERBAL\nLe conseil approuve.\n"
        "DE 038-2019/07-002 DECISIONS MODIFICATIVES BUDGETAIRES N°3\n"
    )
    assert reading.agenda(headings)
    assert not reading.agenda(headings.split("Le conseil")[0])  # one alone: an extract's own


def test_after_the_thirteenth_held_out_set():
    """A secretary named after « la nomination d'un secrétaire » on the next line
    (180-rolampont-2002), « Le secretariat est assure par » without accents (185-roquebrune-
    cap-martin-2016), « Un scrutin a eu lieu, … a été nommé » and « DECIDE » opening a line as
    outcomes (183-cuq-toulza-2014, 192-brando-2021), « forment la majorité de ceux actuellement
    en exercice » (186-saulxures-sur-moselotte-2017), lettered points with a vote between them
    (191-le-chambon-sur-lignon-2021) — but not the mayor's lettered decisions (04)."""
    assert reading.secretary(
        "il a été procédé à la nomination d'un secrétaire pris au sein du Conseil.\n\n"
        "Mme RUEL ayant obtenu la majorité des suffrages, a été désignée pour remplir ces fonctions"
    )
    assert reading.secretary("Le secretariat est assure par :\nChristophe GLASSER")
    assert reading.OUTCOME.search("Un scrutin a eu lieu, Monsieur Michel BATUT a été nommé pour")
    assert reading.OUTCOME.search("Après en avoir délibéré,\nDECIDE de solliciter une aide")
    assert not reading.OUTCOME.search("Le maire décide seul des dates.")
    said = "Lesquels membres présents forment la majorité de ceux actuellement en exercice."
    assert reading.quorum(said).reached is True
    points = (
        "a) Huis-clos du conseil municipal Monsieur le maire propose le huis clos.\n\n"
        "Vote à l’unanimité\n\nb) Modification de l’ordre du jour du Conseil municipal\n"
    )
    assert reading.agenda(points)
    decisions = (
        "a) Régie de recettes voyage retraités – Création\nA compter du 1er février 2006, il a "
        "été institué une régie.\nb) Régie de recettes Piscine – Création\n"
    )
    assert reading.agenda(decisions) is None


def test_wider_readings_made_before_the_fourteenth_held_out_set():
    """Writings of the standard register forms, listed from how French councils write and
    not from a record of the corpus, read before the fourteenth set was collected."""
    assert reading.seance_date("Réunion du mardi 12-03-2019, 20:30")
    assert not reading.seance_date("Réunion du mardi 12-03/2019, 20:30")  # two separators
    # Present out of a total, and the council's seats: more than half of them is a quorum.
    assert reading.quorum("Présents : 12 membres sur 15").reached is True
    assert reading.quorum("Présents : 12 / 15").reached is True
    assert reading.quorum("Présents : 6 / 15").reached is False
    assert reading.quorum("Effectif légal du conseil : 15 - Présents : 12").reached is True
    # Half the seats or fewer says nothing: a seat may be vacant.
    assert reading.quorum("Effectif légal du conseil : 15 - Présents : 7").reached is None
    # « 43 Présents : » heads a list; the 43 is the number of councillors.
    listed = "Nombre de conseillers : 43 Présents :\nMr A, Mme B\nEffectif légal : 43\n"
    assert reading.count(listed, reading.COUNT_LABELS["presents"])[0] is None
    assert reading.count("21 PRÉSENTS : M. CAZABAT", reading.COUNT_LABELS["presents"])[0] == 21
    said = "la majorité absolue des conseillers municipaux en exercice étant présente"
    assert reading.quorum(said).reached is True
    assert reading.quorum("le nombre des membres présents atteignant la majorité").reached
    assert reading.quorum("les élus constituant la majorité municipale").reached is None
    # The form's both genders, and the secretariat assured.
    assert reading.secretary("Mme Anne DURAND a été désigné(e) secrétaire.")
    assert reading.secretary("M. DURAND assure le secrétariat.")
    assert reading.secretary("Secrétaire(s) de séance : M. DURAND")
    assert not reading.secretary("Mme X assure le secrétariat général de la mairie.")
    # Numbered objects and deliberations numbered by year, in a run.
    assert reading.agenda("Objet 1 : Budget primitif\nObjet 2 : Voirie communale\n")
    assert reading.agenda("Délibération 2019-01 : Budget\nDélibération 2019-02 : Voirie\n")
    assert reading.agenda("Objet : Budget primitif 2019\n") is None
    # Votes without colons, as a table, or as the resolution's verb.
    for said in (
        "Pour 12 Contre 0 Abstention 1",
        "Pour | Contre | Abstention\n12 | 0 | 1",
        "AUTORISE Monsieur le Maire à signer la convention.",
        "ÉMET un avis défavorable au projet.",
        "Voté à la majorité.",
        "Le Conseil municipal fixe le tarif à 3 €.",
    ):
        assert reading.outcomes(said), said
    assert not reading.outcomes("PREND ACTE de la communication.")
    # Article numbers typed with a dash other than the hyphen, spaced, or with a paragraph.
    for said, article in (
        ("Vu l'article L 2122–22 du CGCT", "L2122-22"),
        ("l'article L 2122 - 22 du CGCT", "L2122-22"),
        ("en application de l'article L.2122‑22", "L2122-22"),
        ("article L.2122-22-4° du CGCT", "L2122-22"),
    ):
        assert [a for a, _ in references(said)] == [article], said
        assert all(f.severity == "ok" for f in check_references(said))


def test_after_the_fourteenth_held_out_set():
    """Its first run's false findings: a count box laid out as two columns, labels then
    figures (195-ormesson-sur-marne-2011); deliberations headed « 2014/006-… »
    (196-la-chapelle-vendomoise-2014); « Avec l'accord du conseil municipal » (201-semussac-
    2018); a web page's list that numbers every item « 1. » (206-mainxe-gondeville-2022)."""
    box = (
        "Nombre de Conseillers :\nEn exercice : ..........\nPrésents : ..........\n"
        "Représentés : ..........\n29\n24\n4\nSEANCE DU 16 NOVEMBRE 2011\n"
    )
    assert reading.quorum(box) == reading.Quorum(
        True, "24 présents pour 29 en exercice", reading.quorum(box).span
    )
    # Figures that do not line up with the labels say nothing.
    assert reading.quorum(box.replace("4\n", "")).reached is None
    headings = (
        "2014/006-Approbation compte administratif\ntexte\n2014/007-Affectation du résultat\n"
    )
    assert reading.agenda(headings)
    assert reading.agenda("2014/006-Approbation compte administratif\n") is None
    assert reading.outcomes("Avec l’accord du conseil municipal, ajout d’une délibération.")
    restarted = "  1. Convention de voirie – Programme 2022 :\nTexte.\n  1. Révision du loyer :\n"
    assert reading.agenda(restarted)
    # One item alone ending in « : » introduces a list, unless an action opens it (below).
    assert reading.agenda("  1. Liste des voies concernées :\nTexte.\n") is None


def test_more_readings_made_before_the_fifteenth_held_out_set():
    """From the register forms, before the fifteenth set: present, represented and absent
    counted (more than half present is a quorum; fewer says nothing), « Secrétariat : »,
    « secrétaire de la réunion », parts lettered « A – », « B – », « accord unanime »."""
    counted = "Présents : 12 – Représentés : 2 – Absents : 1"
    assert reading.quorum(counted).reached is True
    assert reading.quorum("Présents : 5 – Représentés : 2 – Absents : 8").reached is None
    assert reading.secretary("Secrétariat : Mme Claire Petit")
    assert reading.secretary("Secrétaire de la réunion : M. Paul Roux")
    assert reading.agenda("A – FINANCES\nLe budget …\nB – URBANISME\nLe PLU …\n")
    assert reading.agenda("A. Martin\nB. Dupont\n") is None
    assert reading.outcomes("Accord unanime du conseil.")


def test_after_the_sixteenth_held_out_set():
    """Its first run's false findings: « prend place en qualité de secrétaire » (222-chaumont-
    2009); « SOMMAIRE » and « Délibération n 1 : », the degree sign lost (225-le-bourget-2010);
    « Extrait des délibérations du Conseil Municipal ⏎ Du 25 juin 2015 » and an excerpt cut
    after « 1)Approbation des Comptes de Gestion 2014 : … : » (229-trets-2015)."""
    assert reading.secretary("M. Paul FOURNIE prend place en qualité de secrétaire.")
    assert reading.agenda("3 SOMMAIRE\nApprobation du procès-verbal du 6 octobre\n")
    items = "Délibération n 1 : Adhésion au SIGEIF\nDélibération n 2 : Rapport annuel\n"
    assert reading.agenda(items)
    header = (
        "DEPARTEMENT des BOUCHES-DU-RHÔNE\nArrondissement d'Aix\nMAIRIE DE TRETS\n"
        "Trets, le 03 juillet 2015\nCOMPTE RENDU\nExtrait des délibérations du Conseil Municipal\n"
        "Du 25 juin 2015\nSALLE DES COLOMBES 18 h 00-\n"
    )
    assert reading.seance_date(header).group() == "25 juin 2015"  # not the letter's date
    cut = "Observation : Adopté.\n1)Approbation des Comptes de Gestion 2014 : Commune :"
    assert reading.agenda(cut)
    assert reading.agenda("1) Liste des présents :\n") is None


def test_wider_readings_made_before_the_seventeenth_held_out_set():
    """Made without a new record to guide them: « secrétaire » and a person in one sentence
    names the séance's secretary (not the mairie's or an association's); the header's first
    date, before the record opens, is the séance's unless it is a letter's, a notice's or a
    posting's. Neither changed what the checkers report on the 234 records already read."""
    assert reading.secretary("Mme Claire PETIT remplit les fonctions de secrétaire.")
    assert reading.secretary("Secrétaire – Mme Claire PETIT")
    assert not reading.secretary("La secrétaire de mairie, Mme PETIT, assiste à la séance.")
    assert not reading.secretary("Mme PETIT, secrétaire générale, présente le budget.")
    header = (
        "MAIRIE DE X\nCOMPTE RENDU\nAffiché le 2 mars 2019\nRéunion\n12 mars 2019\nPrésents : A"
    )
    assert reading.seance_date(header).group() == "12 mars 2019"
    letter = "MAIRIE DE TRETS\nCOMPTE RENDU\nObjet\nTrets, le 2 mars 2019\nPrésents : A"
    assert reading.seance_date(letter) is None


def test_quorum_present_members_a_majority_of_those_in_office_in_any_words():
    said = (
        "Les conseillers présents constituant bien, à cette heure, la majorité de l'effectif en "
        "exercice."
    )
    assert reading.quorum(said).reached is True
    assert (
        reading.quorum("Adopté par les présents à la majorité des suffrages exprimés.").reached
        is None
    )


def test_after_the_seventeenth_held_out_set():
    """Its first run's one false finding: a compte rendu sommaire that says what the council did
    under one opening, « Au cours de cette séance, le Conseil Municipal a : … procédé au
    remplacement de Madame … » (238-dijon-2013). Taking note is still no decision."""
    summary = (
        "Au cours de cette séance, le Conseil Municipal a :\n\n"
        "1 - Installation de Madame Laurence Favier\n\n"
        " pris acte de l'installation de Madame Favier et procédé au remplacement de Madame "
        "Bernard dans les commissions.\n"
    )
    assert len(reading.outcomes(summary)) == 1
    assert reading.outcomes(summary.replace(" et procédé au remplacement de", ", comme de")) == []
    # without the summary's opening, a past participle is no decision of its own
    assert reading.outcomes("Le maire a désigné un agent pour la sono.") == []


def test_after_the_eighteenth_held_out_set():
    """Its first run's false findings: a count table flattened one cell per line, headers
    without colons, one broken over two lines and one written « Absent(s) » (252-vierzon-2015).
    Left: Molsheim's (251) margin box interleaved with the lists, its figures away from their
    labels. Headers that are not counts are not read as a table."""
    table = (
        "sous la présidence de M. Nicolas SANSU, Député-Maire.\nLégal\nEn\nexercice\nPrésents\n"
        "Pouvoirs\nAbsent(s)\n35\n35\n32\n3\n0\nSecrétaire de séance : M. Gérard MASSICARD\n"
    )
    assert reading.count(table, reading.COUNT_LABELS["en_exercice"])[0] == 35
    assert reading.count(table, reading.COUNT_LABELS["presents"])[0] == 32
    assert reading.quorum(table).reached
    other = "N°\nLibellé\nRapporteur\n3\n4\n5\n"
    assert reading.count(other, reading.COUNT_LABELS["presents"])[0] is None
    # lines that are no table's headers, then a box with colons: the box is still read
    box = "Foo bar\nBaz qux\nEn exercice :\nPrésents :\nVotants :\n15\n12\n14\n"
    assert reading.count(box, reading.COUNT_LABELS["presents"])[0] == 12
    said = "Nombre des membres qui ont assisté à la séance : 23"
    assert reading.count(said, reading.COUNT_LABELS["presents"])[0] == 23


def test_after_the_nineteenth_held_out_set():
    """Its first run's false findings: deliberations titled in capitals, each with its register
    number alone on the next line (267-etreux-2021); items numbered by rank fused with the
    séance's date, « 119072016 – … » (269-treignac-2016); « au nombre prescrit par la loi » with
    a margin's words slipped in by a two-column copy (272-saint-pee-sur-nivelle-2016). One such
    line is no agenda."""
    register = (
        "AJOUT D'UN POINT\nDél. N°2-2021-01\nLe conseil accepte.\n"
        "DECISIONS ET ACTES DU MAIRE\nDél. N°2-2021-02\nLecture est donnée.\n"
    )
    assert reading.agenda(register)
    assert reading.agenda("AJOUT D'UN POINT\nDél. N°2-2021-01\nLe conseil accepte.\n") is None
    dated = "119072016 – Convention d'adhésion\nTexte.\n219072016 – Devenir du village\n"
    assert reading.agenda(dated)
    slipped = "s'est réuni au nombre Conseil exercice Délibération prescrit par la loi, dans"
    assert reading.quorum(slipped).reached
    assert (
        reading.quorum("au nombre de 12, sans rien prescrire, la loi étant muette").reached is None
    )


def test_after_the_twentieth_held_out_set():
    """Its first run's false findings: a margin box interleaved with the opening sentence, each
    figure between its label's two halves (282-locqueltas-2019); a copy that lost its line
    breaks, the first item run into the text after a full stop (288-cavalaire-sur-mer-2011).
    A « 1 - » inside a sentence, or with a title not in capitals, stays no agenda."""
    box = (
        "Nombre de Conseillers en 19 L'an deux mil dix-neuf, le 2 décembre, le exercice Nombre "
        "de Conseil Municipal de la Commune, dûment Conseillers 17 convoqué, s'est réuni au lieu "
        "habituel de présents ses séances."
    )
    assert reading.count(box, reading.COUNT_LABELS["en_exercice"])[0] == 19
    assert reading.count(box, reading.COUNT_LABELS["presents"])[0] == 17
    assert reading.quorum(box).reached
    run_in = "Le procès-verbal est approuvé à l'unanimité. 1 - APPROBATION du COMPTE-RENDU annuel"
    assert reading.agenda(run_in)
    assert reading.agenda("Il reste 1 - APPROBATION du COMPTE-RENDU annuel") is None
    assert reading.agenda("Approuvé à l'unanimité. 1 - Approbation du compte rendu") is None


def test_a_margin_box_interleaved_with_the_lists():
    """Molsheim (251), misread since held_out_18: the box's « Nombre des membres qui ont assisté à
    la séance : » has its figure after a list heading the layout put between; the figure that
    ends « en fonctions : », a blank line away, is not the next label's."""
    box = (
        "Nombre des membres qui se trouvent en fonctions:\n\n29 Absent(s) étant excusé(s) : "
        "HELLER D., SITTER M. Nombre des membres qui ont assisté à la séance : "
        "Absent(s) non excusé(s) : 23 Procuration(s) : Me HITIER A."
    )
    assert reading.count(box, reading.COUNT_LABELS["absents"])[0] is None
    assert reading.count(box, reading.COUNT_LABELS["presents"])[0] == 23
    assert reading.quorum(box).how == "23 présents pour 29 en exercice"
    # A figure with no box label before it stays unread.
    lists = "Présents : M. SIMON J.\nAbsent(s) non excusé(s) : 23"
    assert reading.count(lists, reading.COUNT_LABELS["presents"])[0] is None


def test_after_the_twenty_second_held_out_set():
    """Its first run's false findings (the twenty-first set had none): a first item named
    « Question n°1 Objet : » (306-lectoure-2017) or « RAPPORT N° 1 : » after a PDF's page number
    and date (314-chatillon-sur-chalaronne-2017), and one after a list's dash, « - 1) »
    (308-veyrac-2019), read as no agenda; « l'article 2122-18 ⏎ du Code Général des Collectivités
    Territoriales », its code on the next line, not read (307-ceret-2015); the old code des
    communes' « L.121-12 » taken for invented (315-boen-sur-lignon-2017)."""
    assert reading.agenda("Télétransmis le :\n\nQuestion n°1 Objet : Approbation du compte-rendu")
    assert reading.agenda("1 18/12/2017 RAPPORT N° 1 : Révision des tarifs municipaux 2018")
    assert reading.agenda("L'ordre des sujets.\n\n- 1) Approbation du procès-verbal du 4 décembre")
    # A lone later item heads an extract; a dash before a count is no item.
    assert not reading.agenda("RAPPORT N° 5 : Révision des tarifs municipaux")
    assert not reading.agenda("Étaient présents :\n- 1 conseiller excusé\n- 2 absents")
    text = "conformément à l’article 2122-18\ndu Code Général des Collectivités Territoriales"
    assert [r for r, _ in references(text)] == ["L2122-18"]
    old = check_references("en application de l’article L.121-12 du Code Général des Collectivités")
    assert [f.passed for f in old] == [True]
    assert "ancien code des communes" in old[0].message
    # A four-digit number that is no CGCT article is still reported.
    made_up = check_references("Vu l'article L. 2121-97 du code général des collectivités")
    assert [f.passed for f in made_up] == [False]


def test_after_the_twenty_third_and_twenty_fourth_held_out_sets():
    """Their first runs' false findings (same code): « CONSEIL MUNICIPAL EN DATE DU 7 NOVEMBRE
    2014 » taken for another act's date (320-belvedere-2014); « 22 SEPT 2023 », the month cut
    without its dot (346-annay-2023); a tally with slashes, « Pour 31/Abstention 0 /Contre 0 »
    (339-seniergues-2017), and « le Conseil Municipal nomme pour secrétaire » (337-talmont-
    saint-hilaire-2017), read as no vote; a garbled « 23-51 du CGCT » not read (327-saou-2016);
    an OCR'd « 2" - » item whose paragraph brings in its table (330-septmoncel-les-molunes)."""
    title = "COMPTE-RENDU DU CONSEIL MUNICIPAL EN DATE DU 7 NOVEMBRE 2014 A 18H00.\n"
    assert reading.seance_date(title + "Date convocation : 31 octobre 2014.").group() == (
        "7 NOVEMBRE 2014"
    )
    assert reading.seance_date("Convocation en date du 3 mars 2019.\n") is None
    assert (
        reading.seance_date("SEANCE DU VENDREDI\n22 SEPT 2023\nEtaient").group() == "22 SEPT 2023"
    )
    assert reading.seance_date("le vingt sept mars 2019, le conseil s'est réuni").group() == (
        "vingt sept mars 2019"
    )
    assert reading.outcomes("(Pour 31/Abstention 0 /Contre 0)")
    assert reading.outcomes("le Conseil Municipal nomme pour secrétaire de séance Mme X")
    assert not reading.outcomes("Le maire nomme les membres de la commission.")
    garbled = "Or l’arrêté du 30 novembre 2015 23-51 du CGCT a supprimé ces exonérations."
    assert [r for r, _ in other_text_references(garbled)] == ["23-51"]
    assert other_text_references("la délibération 2019-12 du conseil municipal") == []
    paragraph = (
        "2\" - Il s'agit d'une décision modificative d'ordre technique. Le Conseil Municipal, "
        "après en avoir délibéré, décide de procéder à la régularisation suivante :"
    )
    assert reading.agenda(paragraph)
    assert not reading.agenda("1. Liste des pièces jointes :")  # a short line brings in a list


def test_after_the_twenty_fifth_and_twenty_sixth_held_out_sets():
    """Their first runs' false findings (same code): articles whose number the copy broke, « L21
    22-7-2 », « L21 1-7 » (351-loudes-2025), « L 212112 » (357-loches-2015), not read; items
    headed « Délibération 2025 26 01/60 : » (351), « 1/Modification des statuts » (371-pierrerue-
    2022) and « ordre du jour : a, b, c » inside a line (365-alquines-2015) read as no agenda; a
    margin box that put the list inside its label, « Conseillers en … fonction : ENGEL Alain - …
    23 » (360-duttlenheim-2015); « les rejets de cette usine », a paragraph after a tally, read as
    the vote's outcome (372-gizy-2015, where a broken count went unseen for the same reason)."""
    broken = check_references("les articles L2122-4, L21 1-7, L21 22-7-2 et L 212112 du CGCT")
    assert [f.passed for f in broken] == [True] * 4
    assert "L2122-7-2" in broken[2].message and "L2121-12" in broken[3].message
    assert "sans doute" not in broken[1].message  # L211-7 is no article: read, not judged
    # after « l'article », the broken number is not also read as an article « L21 »
    assert references("notamment l’article L21 21-15, Vu le projet") == []
    items = (
        "Délibération 2025 26 01/60 : Approbation du procès-verbal\n"
        "Délibération 2025 26 01/61 : Suppression du poste d'adjoint\n"
    )
    assert reading.agenda(items)
    assert reading.agenda("1/Modification des statuts :\nTexte.\n2/Acquisition de matériel :\n")
    assert not reading.agenda("Payé le 1/12/2015 à la trésorerie.")
    assert reading.agenda("Tous présents. ordre du jour : demande de subvention, voirie, divers.")
    assert not reading.agenda("Il propose d'ajouter à l'ordre du jour : la vente, sans débat.")
    box = (
        "Conseillers en Mmes & MM. les Conseillers Municipaux : fonction : ENGEL Alain - HUBER "
        "Cathie - GOEPP Christian 23 (arrivé au point 8) - STOEFFLER Patrick - Conseillers "
        "DENISTY Alexandre présents: 20 Procurations : Mme ESQUIROL"
    )
    assert reading.quorum(box).how == "20 présents pour 23 en exercice"
    tally = "Sont : POUR : 14 CONTRE : 0\n\nle sol ne permet pas une absorption des rejets ;"
    assert reading.contradictions(tally) == []
    broken_count = "Sont : adopté par 6 voix pour, 9 contre\n\nune absorption des rejets ;"
    assert len(reading.contradictions(broken_count)) == 1
    assert reading.contradictions("La proposition est rejetée par 12 voix pour et 3 contre.")


def test_the_ordinal_indicator_for_the_degree_sign():
    """Made before held_out_27's first run: word processors put « º » (the ordinal indicator)
    for « ° » in « Nº 1 », « Délibération nº 3 »; a line that starts with a lower-case « n° »
    is most often a reference the line before wrapped, and stays no item."""
    assert reading.agenda("Séance.\nNº 1 : Approbation du compte rendu\n")
    assert reading.agenda("Délibération nº 3 : Vente\nDélibération nº 4 : Achat d'un terrain\n")
    assert not reading.agenda("selon la délibération\nn° 2.1A). Excusés ayant donné pouvoir : X")


def test_after_the_twenty_seventh_and_twenty_eighth_held_out_sets():
    """Their first runs' one false finding (the twenty-seventh set had none): « à vingt-heure »,
    a hyphen for the blank, read as no hour (402-la-boissiere-des-landes-2016)."""
    opening = (
        "L'an deux mille seize, le dix novembre, à vingt-heure le Conseil Municipal s'est réuni"
    )
    assert reading.HOUR.search(opening).group() == "vingt-heure"
    assert not reading.HOUR.search("les vingt-huit conseillers")


def test_after_the_thirty_first_and_thirty_second_held_out_sets():
    """Their first runs' one false finding (the thirty-first set had none): « Affaires inscrites à
    l'ordre du jour » heading items numbered « 2021_05_01 - » (442-le-fenouiller-2021)."""
    assert reading.agenda("Séance.\nAffaires inscrites à l’ordre du jour\n\nTexte suivi.")
    items = "2021_05_01 - Modification des statuts\n2021_05_02 - Augmentation du temps de travail\n"
    assert reading.agenda(items)
    # in passing, the words are no heading
    assert not reading.agenda("Les affaires inscrites à l'ordre du jour seront vues plus tard.")


def test_after_the_thirty_third_and_thirty_fourth_held_out_sets():
    """Their first runs' false findings (the thirty-third set had none): two secretaries
    « désignés pour remplir les fonctions de Secrétaires de l'Assemblée »
    (457-bourg-saint-maurice-2009); items numbered « I ADOPTION … », « II ATTRIBUTION … » with
    no mark after the numeral (458-saint-louis-de-montferrand-2017); votes « Approbation à la
    majorité : 10 pour (8 + 2 procurations) et 5 contre » (459-viens-2022)."""
    two = (
        "Monsieur Mathieu FOURNET et Mademoiselle Sophie COCHET ont été désignés pour remplir "
        "les fonctions de Secrétaires de l'Assemblée."
    )
    assert reading.secretary(two)
    assert not reading.secretary("Monsieur FOURNET remplit les fonctions de trésorier.")
    roman = "I ADOPTION DU PROCES-VERBAL\n\nTexte.\n\nII ATTRIBUTION DE COMPENSATION\n"
    assert reading.agenda(roman)
    # one Roman numeral alone, or numerals out of order, make no run
    assert not reading.agenda("I ADOPTION DU PROCES-VERBAL\n\nTexte.\n")
    assert not reading.agenda("I ADOPTION DU PROCES-VERBAL\n\nIII ATTRIBUTION DE COMPENSATION\n")
    tally = "Approbation à la majorité : 10 pour (8 + 2 procurations) et 5 contre."
    assert len(reading.outcomes(tally)) >= 1
    assert reading.outcomes("Accord à la majorité : 9 pour et 2 contre")
    # « 10 pour cent » is no vote, nor a title that announces an approval
    assert not reading.outcomes("Une hausse de 10 pour cent du tarif de la cantine.")
    assert not reading.outcomes("Approbation du Compte de Gestion 2021 du Receveur municipal")


def test_after_the_thirty_fifth_and_thirty_sixth_held_out_sets():
    """Their first runs' false findings: « à vingtheures », a web page's glued words
    (468-trocheres-2016); « 2 I AFFAIRES FINANCIERES », a page number then the one part of the
    order in the excerpt (470-venette-2012); « Après approbation du dernier procès-verbal de
    séance », the approval told as done (482-sigoyer-2014)."""
    assert reading.seance_hour("L’an deux mil seize le six juin à vingtheures, le conseil")
    assert reading.agenda("Texte de la page un. 1\n\n2 I AFFAIRES FINANCIERES\n")
    # a page number before a heading is no item (334-villepreux-2009), nor is a part in lower
    # case a title in capitals
    assert not reading.agenda("Texte de la page un. P. 1\n\n2 DECISIONS\n")
    assert not reading.agenda("I Affaires financières de la commune\n")
    done = "Après approbation du dernier procès-verbal de séance, le maire ouvre la séance."
    assert reading.outcomes(done)
    assert not reading.outcomes("Approbation du dernier procès-verbal de séance")


def test_after_the_thirty_seventh_and_thirty_eighth_held_out_sets():
    """Their first runs' one false finding (the thirty-eighth set had none): a web page glued
    the next heading to the secretary's word, « désignée en qualité de secrétaireAjout de 2
    sujets » (489-maresquel-ecquemicourt-2023)."""
    glued = "Mme MARIETTE Nadine a été désignée en qualité de secrétaireAjout de 2 sujets :"
    assert reading.secretary(glued)
    # a longer word is no secretary (« secrétairerie » is an office)
    assert not reading.secretary("Il a été désigné pour la secrétairerie d'État.")


def test_after_the_thirty_ninth_and_fortieth_held_out_sets():
    """Their first runs' false findings: the secretary's election told by its result,
    « Madame RENAUDIN ayant obtenu la majorité des suffrages » (506-lannion-2009); a lone first
    part « A - Informations relatives aux décisions prises par délégation : »
    (517-maraussan-2014); the register's formula « il a été procédé en conformité de l'article
    L.212115 … à la désignation d'un secrétaire » (520-les-mathes-2018)."""
    assert reading.outcomes("Madame RENAUDIN ayant obtenu la majorité des suffrages, a été")
    assert reading.outcomes("M. Paul MER, ayant obtenu 25 voix, est élu adjoint.")
    assert not reading.outcomes("La liste a obtenu le soutien des associations.")
    part = "Texte.\n\nA - Informations relatives aux décisions prises par délégation :\n\nTexte."
    assert reading.agenda(part)
    # a lone « A - » heading on something else is no order of business
    assert not reading.agenda("Texte.\n\nA - Madame Dupont rappelle les faits :\n\nTexte.")
    formula = (
        "il a été procédé en conformité de l'article L.212115 du Code précité à la "
        "désignation d'un secrétaire."
    )
    assert reading.secretary(formula)
    assert not reading.secretary("il a été procédé à la désignation d'un délégué au SIVOM.")


def test_an_item_that_announces_the_secretary_is_not_the_designation():
    """« 1 - NOMINATION D'UN SECRETAIRE DE SEANCE » in an order of business (507-epernay-2010)
    announces the designation; the record that lacks it keeps its finding. The register's own
    formula (« Il a été procédé … à la désignation d'un secrétaire de séance. », file 318) and a
    heading followed by the name still count."""
    order = "ORDRE DU JOUR\n1 - NOMINATION D'UN SECRETAIRE DE SEANCE\n2 - COMMUNICATION\n"
    assert not reading.secretary(order)
    formula = (
        "Il a été procédé conformément à l’article L. 2121-15 du Code Général des Collectivités "
        "Territoriales à la désignation d’un secrétaire de séance.\n"
    )
    assert reading.secretary(formula)
    assert reading.secretary("1 - Désignation du secrétaire de séance : M. Paul MARTIN\n")


def test_after_the_forty_first_and_forty_second_held_out_sets():
    """Their first runs' false findings (the forty-first set had none): « DE L’ARTICLE L 2122 DU
    CODE GENERAL … » in a heading in capitals, a chapter's number (539-saint-cere-2018); a
    bulleted list whose first item is « Ø Délibération n°1 : Débat d'Orientation Budgétaire »
    (544-aubignan-2018)."""
    heading = (
        "DECISIONS PRISES EN APPLICATION DE L’ARTICLE L 2122 DU CODE GENERAL DES COLLECTIVITES"
    )
    assert [reference for reference, _ in references(heading)] == ["L2122"]
    assert all(f.passed for f in check_references(heading))
    bulleted = "Ø Délibération n°1 : Débat d’Orientation Budgétaire 2018 de la commune\n"
    assert reading.agenda(bulleted)
    # without its bullet, « Délibération n°1 » alone heads an extract of that deliberation
    assert not reading.agenda("Délibération n°1 : Débat d’Orientation Budgétaire 2018\n")


def test_after_the_forty_fourth_and_forty_fifth_held_out_sets():
    """Their first runs' one false finding (the forty-fifth, intercommunal, set had none):
    « conformément aux articles L2121-10 et 12 du Code général … », the second article written
    as its last group only (550-cormeilles-en-parisis-2011)."""
    cited = (
        "conformément aux articles L2121-10 et 12 du Code général des collectivités territoriales."
    )
    assert references(cited) == [("L2121-10", (26, 34)), ("L2121-12", (38, 40))]
    assert all(f.passed for f in check_references(cited))
    listed = "vu les articles L2122-22, 23 et 24 du CGCT."
    assert [reference for reference, _ in references(listed)] == [
        "L2122-22",
        "L2122-23",
        "L2122-24",
    ]
    # one article, then a count: « 12 » is no article
    assert [r for r, _ in references("selon l'article L2121-10 et 12 conseillers présents")] == [
        "L2121-10"
    ]


def test_after_the_forty_sixth_and_forty_seventh_held_out_sets():
    """Their first runs' false findings: a prefect's count box whose labels end in dotted
    leaders, one label over two lines, and whose values (two counts, two dates) stand below
    (571-cu-cherbourg-2010); « 2 1) Administration Générale - … », a copy's page number before
    the first item (582-pontarlier-2014)."""
    box = (
        "Nombre de conseillers en exercice.............................\n"
        "Nombre de conseillers présents à la séance................\n"
        "Date de l'avis de la convocation, de son affichage et\n"
        "de la mention qui en a été faite au registre...................\n"
        "Date de l'affichage du procès-verbal.............................\n"
        "50\n37\n22 septembre 2010\n7 octobre 2010\n"
    )
    assert reading.count(box, reading.COUNT_LABELS["en_exercice"])[0] == 50
    assert reading.count(box, reading.COUNT_LABELS["presents"])[0] == 37
    # four labels over two figures: which figure is whose cannot be told
    unsure = box.replace("22 septembre 2010\n7 octobre 2010\n", "")
    assert reading.count(unsure, reading.COUNT_LABELS["presents"])[0] is None
    paged = "Séance du 6 octobre\n2 1) Administration Générale - Règlement intérieur du Conseil\n"
    assert reading.agenda(paged)
    assert not reading.agenda("Séance du 6 octobre\n2 1) de la commune\n")


def test_after_the_forty_eighth_and_forty_ninth_held_out_sets():
    """Their first runs' false findings: « aux articles L.2121-10, L.2122-8 et L.5211-8 à 10 »,
    the plural word some references back (592-scot-chalons-en-champagne-2003); « le Comité
    désigne Monsieur … comme Secrétaire de Séance », a syndicat's body deciding
    (597-si-piscine-saint-germain-en-laye-2011); « CONSEIL MUNICIPAL : 1/ Approbation du compte
    rendu … », the first item after the body's heading (602-cires-les-mello-2012); « des articles
    l214-1 à l214-6 », « l'article r.214-1 » in lower case (604-font-romeu-odeillo-via-2019)."""
    listed = "aux articles L.2121-10, L.2122-8 et L.5211-8 à 10 du Code Général des Collectivités"
    assert [r for r, _ in references(listed)][-1] == "L5211-10"
    lower = "au titre des articles l214-1 à l214-6 du code de l’environnement ; l’article r.214-1"
    # the code de l'environnement's: read, not judged
    assert [quoted for quoted, _ in other_text_references(lower)] == ["l214-1", "l214-6"]
    assert [r for r, _ in references(lower)] == ["R214-1"]
    # a plot, a lower-case letter with no « article » before it: no reference
    assert references("la parcelle l 214-1 et r 12-3") == []
    designated = "Sur proposition du Président, le Comité désigne Monsieur Abel VINTRAUD comme"
    assert reading.OUTCOME.search(designated)
    assert not reading.OUTCOME.search("le Comité des fêtes prépare la kermesse")
    headed = (
        "Séance du 19 décembre\nCONSEIL MUNICIPAL : 1/ Approbation du compte rendu de la séance\n"
    )
    assert reading.agenda(headed)
    assert not reading.agenda("Séance du 19 décembre\nPRESENTS : 1/ M. Paul DURAND\n")


def test_after_the_fiftieth_and_fifty_first_held_out_sets():
    """Their first runs' one false finding (the fiftieth, intercommunal, set had none): « Les
    membres présents sont favorables pour l'ajout de ce point », the members' consent to an added
    item, is a vote's result (623-peille-2020); one person's opinion is not."""
    assert reading.OUTCOME.search("Les membres présents sont favorables pour l’ajout de ce point.")
    assert reading.OUTCOME.search("le conseil municipal se déclare favorable à ce projet")
    assert not reading.OUTCOME.search("Monsieur le Maire est favorable à ce projet.")


def test_after_the_fifty_fourth_and_fifty_fifth_held_out_sets():
    """Their first runs' false findings (the fifty-fourth, intercommunal, set had none): « par un
    vote à mains levées de 10 pour et 5 abstentions », a tally without « contre »
    (662-parce-sur-sarthe-2012); « Monsieur DEVAUX rappelle l’ ORDRE DU JOUR » ending its line,
    the items below (664-la-quinte-2018)."""
    assert reading.OUTCOME.search("par un vote à mains levées de 10 pour et 5 abstentions")
    assert not reading.OUTCOME.search("les 10 pour cent des crédits restent")
    recalled = "Monsieur DEVAUX rappelle l’ ORDRE DU JOUR\n\nURBANISME : DIA vente parcelle AA3\n"
    assert reading.agenda(recalled)
    assert not reading.agenda("Un point est ajouté à l’ORDRE DU JOUR\nLe Maire lit une lettre.\n")


def test_after_the_fifty_sixth_and_fifty_seventh_held_out_sets():
    """The one false finding of their first runs (the fifty-seventh set had none): a count box a
    two-column copy interleaved with the lists of names, each figure after the list that follows
    its label (672-cc-thiers-dore-et-montagne-2020)."""
    box = (
        "Conseillers en exercice : Didier STURMA, Sophie DELAIGUE, Tahar 58 BOUANANE, Pierre ROZE. "
        "Conseillers présents : Conseiller.e.s ayant donné pouvoir : 52 Michel COUPERIER à "
        "Patrick SAUZEDDE"
    )
    assert reading.count(box, reading.COUNT_LABELS["en_exercice"])[0] == 58
    assert reading.count(box, reading.COUNT_LABELS["presents"])[0] == 52
    assert reading.quorum(box).reached is True
    assert reading.quorum(box.replace(": 52 ", ": 22 ")).reached is False


def test_after_the_fifty_eighth_and_fifty_ninth_held_out_sets():
    """Their first runs' false findings: an intercommunal count box « Nombre de Titulaires : 83 ⏎
    Présents : 77 » (694-cc-mortainais-2013); an agenda sent with the convocation, « Vous
    trouverez ci-joint l ordre du jour et les documents … : » over a dashed list
    (704-paris-18e-arrondissement-2006)."""
    box = "Nombre de Titulaires : 83\nPrésents : 77\nVotants : 77\n"
    assert reading.quorum(box).reached is True
    assert reading.quorum(box.replace(": 77\nV", ": 37\nV")).reached is False
    assert reading.quorum("Délégués titulaires présents : 20\n").reached is None
    sent = (
        "Vous trouverez ci-joint l ordre du jour et les documents relatifs aux questions qui y "
        "figurent :\n- Approbation du compte rendu\n- Convention relative à un local\n"
    )
    assert reading.agenda(sent)
    added = "Le maire propose d'ajouter à l'ordre du jour le point suivant :\n- Motion\n- Vœu\n"
    assert not reading.agenda(added)
    assert not reading.agenda(sent.replace("\n- Convention", "\nLa convention"))


def test_after_the_sixtieth_and_sixty_first_held_out_sets():
    """Their first runs' false findings (the sixty-first set had none): an article whose number
    a page break put after a blank line, « L. ⏎ ⏎ 2122-8 » (716-petr-coeur-de-lorraine-2020); the
    items' table flattened onto one line, « N° OBJET Vote … 1. Validation … 2. Délibération …
    3. Délibération … » (711-cc-portes-entre-deux-mers-2019)."""
    cut = "conformément aux articles L. 2122-7 et L.\n\n2122-8 du Code Général des Collectivités"
    assert [name for name, _ in references(cut)] == ["L2122-7", "L2122-8"]
    flat = (
        "N° OBJET Vote ou information d’ordre 1. Validation du compte-rendu Adopté à l’unanimité "
        "2. Délibération approuvant les statuts Adopté 3. Délibération portant création du CIAS\n"
    )
    assert reading.agenda(flat)
    assert not reading.agenda("Voir les pages 1. et 2. du rapport, puis la 3. annexe.\n")


def test_after_the_sixty_second_and_sixty_third_held_out_sets():
    """Their first runs' false findings: « Présents ce jour : 77 » (731-tregor-communaute-2020);
    a margin box's dotted leaders run into the lists, « EN EXERCICE……….. 15 … PRESENTS…………….
    10 » (742-le-verger-2019); a register-numbered deliberation heading the business after the
    séance has opened, « Délibération n° 2020-0506-1 : FINANCES »
    (744-eslourenties-daban-2020)."""
    assert reading.quorum("Membres en exercice : 85 titulaires Présents ce jour : 77").reached
    box = "Absents excusés : A. B, EN EXERCICE……….. 15 Florence TOQUÉ PRESENTS……………. 10\n"
    assert reading.quorum(box).reached is True
    assert reading.quorum(box.replace(". 10", ". 6")).reached is False
    record = "L’an deux mille vingt, le cinq juin, le Conseil s’est réuni.\n\n"
    item = "Délibération n° 2020-0506-1 : FINANCES\n\nFixation des indemnités\n"
    assert reading.agenda(record + item)
    assert not reading.agenda(item + record)


def test_after_the_sixty_sixth_held_out_set():
    """Its first run's false findings (the sixty-fourth, sixty-fifth and sixty-seventh sets,
    on the same code, had none): « SOMMAIRE : » with the parts' names on its line
    (771-cabourg-2008); an article number run into « du » by the copy, « L. 2121-12du code »
    (774-laval-2018); an article of a ministerial order, « l'article 4 de l'arrêté du 16
    décembre » (775-sivry-la-perche-2019); items headed by their title, then the register's
    number, « ÉLECTION DU MAIRE – DEL N°18/2020 » (776-xonrupt-longemer-2020)."""
    summary = "SOMMAIRE : Administration Générale : Finances :\nFixation des tarifs.\n"
    assert reading.agenda(summary)
    assert not reading.agenda("Le sommaire du bulletin : la fête, le marché.\n")
    glued = "comme le prévoient les articles L. 2121-10 et L. 2121-12du code général"
    assert [name for name, _ in references(glued)] == ["L2121-10", "L2121-12"]
    order = "conformément à l’article 4 de l’arrêté du 16 décembre susvisé, l’indemnité"
    assert [number for number, _ in other_text_references(order)] == ["article 4"]
    assert other_text_references("l'article 4 du règlement de la salle") == []
    items = (
        "INSTALLATION DU NOUVEAU CONSEIL MUNICIPAL – DEL N°17/2020\nLa séance a été ouverte.\n"
        "ÉLECTION DU MAIRE – DEL N°18/2020\nM. Noël QUINANZONI a pris la présidence.\n"
    )
    assert reading.agenda(items)
    assert not reading.agenda(items.split("La séance")[0])


def test_after_the_sixty_ninth_held_out_set():
    """Its first run's false findings (the sixty-eighth set, on the same code, had none): the
    present members counted in the imperfect, « Nombre de conseillers qui assistaient à la
    séance : 34 » (801-sydetom-66-2014); a margin box's « Membres titulaires 35 » without its
    colon, interleaved with the opening (805-cc-vezere-monedieres-millesources-2020)."""
    old = (
        "Nombre de membres en exercice : 42\n"
        "Nombre de conseillers qui assistaient à la séance : 34\n"
    )
    assert reading.quorum(old).reached is True
    assert reading.quorum(old.replace(": 34", ": 14")).reached is False
    box = "Membres titulaires 35 Le vingt et un septembre, Titulaires Présents 31 les membres\n"
    assert reading.quorum(box).reached is True
    assert reading.quorum(box.replace("Présents 31", "Présents 12")).reached is False
    assert reading.quorum("Délégués titulaires 2 et suppléants 1 par commune\n").reached is None


def test_after_the_seventieth_and_seventy_first_held_out_sets():
    """Their first runs' false findings: « L ordre du jour portant sur 31 délibérations a été
    rappelé », the copy having lost the apostrophe (811-lanton-2009); a count box laid out as
    two columns whose last value is a date in figures, « … Date de la convocation : ⏎ 85 ⏎ 63 ⏎
    76 ⏎ 03/12/2013 » (824-ca-chalon-val-de-bourgogne-2013)."""
    assert reading.agenda("L ordre du jour portant sur 31 délibérations a été rappelé.\n")
    assert not reading.agenda("Le maire ajoute un point à l ordre du jour : la motion.\n")
    box = (
        "Conseillers en exercice :\nPrésents à la Séance :\nNombre de votants :\n"
        "Date de la convocation :\n85\n63\n76\n03/12/2013\n"
    )
    assert reading.quorum(box).reached is True
    assert reading.quorum(box.replace("\n63\n", "\n33\n")).reached is False


def test_after_the_seventy_second_held_out_set():
    """Its first run's false findings (the seventy-third set, on the same code, had none): the
    agenda given by its count, « 57 questions ont été présentées à l'ordre du jour »
    (831-albi-2009); items headed by their register number in lower case, « n° 12-106 :
    Détermination … », under a heading in doubled letters (833-amboise-2012). One such number
    alone is a wrapped reference, and questions added to the agenda are no agenda."""
    assert reading.agenda("57 questions ont été présentées à l'ordre du jour du Conseil\n")
    assert not reading.agenda("2 questions ont été ajoutées à l'ordre du jour\n")
    items = (
        "n° 12-106 : Détermination et reprise des résultats définitifs page 02\n"
        "n° 12-107 : Décision modificative n°1 exercice 2012 page 03\n"
    )
    assert reading.agenda(items)
    assert not reading.agenda("selon la délibération\nn° 12-106 : Détermination des tarifs\n")


def test_after_the_seventy_fifth_held_out_set():
    """Its first run's false finding (the seventy-fourth set, on the same code, had none): a
    line that gives each figure before its label, « 79 conseillers en exercice : 67 présents 10
    pouvoirs 2 excusés », read as « en exercice : 67 » and « présents 10 »
    (865-bievre-isere-communaute-2017). A line of labels then figures stays read as before."""
    line = "79 conseillers en exercice : 67 présents 10 pouvoirs 2 excusés\n"
    quorum = reading.quorum(line)
    assert quorum.reached is True and quorum.how == "67 présents pour 79 en exercice"
    assert reading.quorum(line.replace(": 67", ": 27")).reached is False
    labels_first = "Présents : 11 Votants : 12 En exercice : 15\n"
    assert reading.count(labels_first, reading.COUNT_LABELS["presents"])[0] == 11
    assert reading.count(labels_first, reading.COUNT_LABELS["en_exercice"])[0] == 15


def test_after_the_seventy_sixth_and_seventy_seventh_held_out_sets():
    """Their first run's false finding: a count box laid out with its figures above their
    labels, « 27 ⏎ 16 ⏎ 3 ⏎ 19 ⏎ Nombre de Conseillers en exercice ⏎ Présents ⏎ Procurations ⏎
    Votants » (873-mazeres-2023). And a lack kept silent: a table of delegates numbered by their
    sector, « 1 Thierry GLORIEUX P Luc DARDENNE ⏎ 1 … ⏎ 2 … », read as the agenda
    (884-sdem50-2020). Items numbered once each stay an agenda."""
    box = "27\n16\n3\n19\nNombre de Conseillers en exercice\nPrésents\nProcurations\nVotants\n"
    quorum = reading.quorum(box)
    assert quorum.reached is True and quorum.how == "16 présents pour 27 en exercice"
    assert reading.quorum(box.replace("\n16\n", "\n11\n")).reached is False
    # labels that are not all counts' make no box
    assert reading.quorum("27\n16\nSalle des fêtes\nPrésents\n").reached is None
    rows = (
        "1 Thierry GLORIEUX P Luc DARDENNE\n1 Sandrine POULET EX Véronique CHAUVIN\n"
        "2 Jean-Paul BRIONNE P Gilbert DANIEL\n2 Patrice GARNIER EX Philippe RALLU\n"
    )
    assert not reading.agenda(rows)
    items = "1 Compte rendu de la séance précédente\n2 Budget primitif 2020\n"
    assert reading.agenda(items)


def test_after_the_seventy_eighth_and_seventy_ninth_held_out_sets():
    """Their first run's false findings: bare tallies with « votes » for « voix » (« 14 votes
    pour », « 11 votes pour / 1 abstention / 2 contre », 892-couthenans-2022), and L2224-17-1,
    created in 2015 after the copy the list of articles comes from (891-flaux-2020). And a lack
    kept silent: the secretary's nomination as an unnumbered agenda item under « ORDRE du
    JOUR », read as the secretary named (901-district-agglomeration-belfortaine-1997). A year
    before « pour » is no count; a secretary named below the item stays found."""
    assert reading.outcomes("Travaux forestiers\n11 votes pour / 1 abstention / 2 contre\n")
    [tally] = reading.tallies("11 votes pour / 1 abstention / 2 contre\n")
    assert (tally.pour, tally.contre, tally.abstentions) == (11, 2, 1)
    assert reading.tallies("à partir du 15 février 2022 pour toutes les associations\n") == []
    assert "L2224-17-1" in known_articles()
    agenda = "* * * 1 2 ORDRE du JOUR\n\nAppel nominal\n\nNomination du Secrétaire de Séance\n\n"
    assert reading.secretary(agenda) is None
    assert reading.secretary(agenda + "M. Paul Durand est nommé secrétaire de séance.\n")


def test_after_the_eighty_third_held_out_set():
    """Its first run's false findings: present delegates counted apart from their substitutes,
    « Présents titulaires : 51 » (941-cc-porte-de-dromardeche-2016); the first item numbered by
    the séance's year and month then its rank, « OBJET 2019 03 01 Fixation du nombre de
    vice-présidences » (942-cc-saone-doubs-bresse-2019). Too few present stays no quorum, and a
    later item alone is no agenda."""
    box = "NOMBRE DE CONSEILLERS EN EXERCICE : 58\nPrésents titulaires : 51 ALLOUA Jacques\n"
    quorum = reading.quorum(box)
    assert quorum.reached is True and quorum.how == "51 présents pour 58 en exercice"
    assert reading.quorum(box.replace(": 51", ": 21")).reached is False
    assert reading.agenda("OBJET 2019 03 01 Fixation du nombre de vice-présidences\n")
    assert not reading.agenda("OBJET 2019 03 05 Fixation du nombre de vice-présidences\n")


def test_after_the_ninetieth_and_ninety_first_held_out_sets():
    """Their first run's false findings: items titled in capitals, each followed by its register
    number, the year and a three-figure rank, « DÉSIGNATION DU SECRÉTAIRE DE SÉANCE 2019045 »
    (1011-amfreville-saint-amand-2019), and the first item after the opening numbered by the
    year and its rank, « 2016.84 : DELEGATIONS DONNEES AU BUREAU … » (1023-cc-pays-dazay-le-
    rideau-2016). Ranks out of a run, and such a line before the séance opens (an extract's own
    heading), stay no agenda."""
    items = (
        "DÉSIGNATION DU SECRÉTAIRE DE SÉANCE 2019045\n\nMadame Mélanie BIGOT accepte.\n\n"
        "APPROBATION DU PROCES-VERBAL DE LA DERNIERE SÉANCE 2019046\n"
    )
    assert reading.agenda(items)
    assert not reading.agenda(items.replace("2019046", "2019052"))
    opened = "L'an deux mille seize, le vingt-deux septembre, le Conseil s'est réuni.\n\n"
    item = "2016.84 : DELEGATIONS DONNEES AU BUREAU PAR LE CONSEIL COMMUNAUTAIRE\n"
    assert reading.agenda(opened + item)
    assert not reading.agenda(item + opened)


def test_after_the_ninety_fifth_held_out_set():
    """Its first run's false finding: the séance's first deliberation headed by its rank and year
    on a line of its own, its title below, « Délibération n°41-2016 ⏎ Approbation du procès
    verbal » (1062-cc-canton-de-prayssas-2016). Before the opening (an extract's own heading) it
    stays no agenda."""
    opened = "L'an deux mille seize, le vingt huit juillet, les conseillers se sont réunis.\n\n"
    item = "Délibération n°41-2016\nApprobation du procès verbal\n"
    assert reading.agenda(opened + item)
    assert not reading.agenda(item + opened)


def test_after_the_ninety_sixth_held_out_set():
    """A lack its first run kept silent: a post's weekly hours, « à temps non complet (17h30
    hebdomadaires maximum » (1073-cassagne-2009), read as the séance's hour. The séance's own
    hour stays read."""
    post = "Création d'un poste à temps non complet (17h30 hebdomadaires maximum)\n"
    assert reading.seance_hour(post) is None
    assert reading.seance_hour("La séance est ouverte à 20h30.\n" + post).group() == "20h30"


def test_after_the_hundredth_held_out_set():
    """Its first run's false findings: « Madame le Maire constate que le conseil réunit les
    conditions pour délibérer valablement » (1112-chars-2024), a stated quorum; « La loi n°
    2023-175 … vise à … . En particulier, son article 15 permet … » (1111-tronget-2023), the
    law's article read back through the possessive. A possessive with no text named before stays
    unread, and conditions of another kind state no quorum."""
    assert reading.quorum("Le conseil réunit les conditions pour délibérer valablement.\n").reached
    assert reading.quorum("Les conditions d'accès à la salle sont affichées.\n").reached is None
    law = (
        "La loi n° 2023-175 du 10 mars 2023 vise à accélérer. En particulier, son article 15 permet"
    )
    assert "article 15" in [written for written, _ in other_text_references(law)]
    plan = "Le plan vise à accélérer. En particulier, son article 15 permet"
    assert other_text_references(plan) == []


def test_after_the_hundred_and_first_held_out_set():
    """A lack its first run kept silent: the members present numbered one by one, « 1. M. DEGAY
    Jean Michel (Maire d') Président ⏎ 2. M. JUDALET Patrick … » (1124-sm-pays-de-la-chatre-en-
    berry-2019), read as the agenda. Numbered items stay an agenda."""
    members = "1. M. DEGAY Jean Michel (Maire) Président\n2. M. JUDALET Patrick (Maire)\n"
    assert reading.agenda(members) is None
    assert reading.agenda("1. Approbation du procès-verbal\n2. Budget primitif 2019\n")


def test_after_the_hundred_and_third_held_out_set():
    """Its first run's false findings: « Nombre de Délégués : En service : 31, Présents : 27 »
    (1144-cc-beauce-et-gatine-2015), the members in office « en service »; « le mardi 1 er
    octobre 2019 » (1146-cc-val-de-gray-2019), a PDF's blank inside « 1er ». Too few present
    stays no quorum; « en service » in a sentence is no count."""
    box = "Nombre de Délégués : En service : 31, Présents : 27, Votants : 30.\n"
    assert reading.quorum(box).reached is True
    assert reading.quorum(box.replace(": 27", ": 12")).reached is False
    assert (
        reading.count(
            "la salle est en service depuis 12 ans\n", reading.COUNT_LABELS["en_exercice"]
        )[0]
        is None
    )
    opened = "Le Conseil s'est réuni le mardi 1 er octobre 2019 à 19 heures.\n"
    assert reading.seance_date(opened).group() == "1 er octobre 2019"


def test_after_the_hundred_and_fifth_held_out_set():
    # « Nombre de membres : 50 » alone is the council's members: read as its seats, the safe
    # side (Bar-sur-Aube); « Nombre de membres en exercice » keeps its meaning.
    members = "Nombre de membres : 50\nMembres présents : {}\nnombre de pouvoirs : 5\n"
    assert reading.quorum(members.format(35)).reached is True
    assert reading.quorum(members.format(20)).reached is None
    assert reading.quorum("Nombre de membres en exercice : 50\nPrésents : 20").reached is False


def test_after_the_hundred_and_sixth_held_out_set():
    # A count box laid out as two columns with one figure more than its labels (1173, Val
    # Parisis: a page's number among them); the figures that add up (18 + 4 = 22 votants) are
    # the counts, and a name under « Secrétaire de séance : » is no label's first half.
    box = (
        "Secrétaire de Séance :\nPhilippe BARAT\nNombre de membres en exercice :\n"
        "Nombre de présents :\nNombre de pouvoirs :\nNombre de votants :\n{}\n"
    )
    assert reading.quorum(box.format("1\n23\n18\n4\n22")).reached is True
    assert reading.quorum(box.format("1\n23\n9\n4\n13")).reached is False
    # figures that add up under neither reading say nothing
    assert reading.quorum(box.format("1\n23\n18\n4\n21")).reached is None


def test_after_the_hundred_and_seventh_held_out_set():
    # An item titled, then its register number in brackets (1181, Créonnais: « PLUi arrêt des
    # modalités … (délibération 29.05.15) »), after the séance has opened: its business taken in
    # order. Before the opening, or a recital (« Vu la délibération … »), it is no agenda.
    opened = "L'an deux mil quinze, le conseil s'est réuni.\n"
    item = "PLUi arrêt des modalités de collaboration (délibération 29.05.15)\n"
    assert reading.agenda(opened + item)
    assert reading.agenda(item + opened) is None
    recital = "Vu la délibération du conseil du 12 mai 2014 (délibération 2014-05-12)\n"
    assert reading.agenda(opened + recital) is None


def test_after_the_hundred_and_eighth_held_out_set():
    # « s'est réuni au nombre prescrit par le règlement » (1194, an intercommunal council's
    # rule) states the quorum as « … par la loi » does; « Sujet n° 1 : … » after the opening is
    # the first of the numbered subjects (1192, Grands Lacs), « Sujet n° 4 » alone is not.
    assert reading.quorum("Le conseil s'est réuni au nombre prescrit par le règlement.").reached
    opened = "L'an deux mille trois, le conseil s'est réuni.\n"
    assert reading.agenda(opened + "Sujet n° 1 : zone d'intérêt communautaire\n")
    assert reading.agenda(opened + "Voir le sujet n° 4 : vente de terrains\n") is None


def test_a_hyphen_between_the_letter_and_the_number_after_article():
    """held_out_111's first run (a CCAS's record): « son article L-123-6 » of the code de
    l'action sociale was not read. A deliberation's number « n°D-2020-63 » stays one."""
    text = "Vu le Code de l'Action Sociale et des Familles et notamment son article L-123-6;"
    assert [r for r, _ in references(text)] == ["L123-6"]
    (finding,) = check_references(text)
    assert finding.severity == "ok" and "non vérifiée" in finding.message
    assert references("(à partir de la délibération n°D-2020-64)") == []
