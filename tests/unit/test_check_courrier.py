"""The reply-letter checker, on letters written for the test (the people are invented)."""

from __future__ import annotations

from atelier_ia.checks.courrier import check_reply

GOOD = """Objet : réparation de l'éclairage public, rue des Écoles

Monsieur,

Vous nous avez signalé la panne du lampadaire situé à l'angle de la rue des Écoles et du chemin
du Lavoir. Nos services techniques ont commandé la pièce défectueuse ; la réparation aura lieu
la semaine prochaine. En attendant, un éclairage provisoire sera installé dès jeudi.

Pour toute question, le service technique est joignable au 05 53 00 00 00, du lundi au
vendredi.

Je vous prie d'agréer, Monsieur, l'expression de mes salutations distinguées.

Le Maire"""


def by_rule(text: str) -> dict[str, str]:
    return {f.rule: f.severity for f in check_reply(text)}


def test_a_good_reply_has_every_element_and_no_false_finding():
    findings = check_reply(GOOD)
    assert all(f.passed for f in findings), [f.message for f in findings if not f.passed]
    assert {f.rule for f in findings} == {
        "courrier.objet",
        "courrier.formule_appel",
        "courrier.reponse",
        "courrier.contact",
        "courrier.politesse",
    }
    objet = next(f for f in findings if f.rule == "courrier.objet")
    assert GOOD[objet.span[0] : objet.span[1]].startswith("Objet :")


def test_each_missing_element_is_named_in_french():
    no_object = GOOD.replace("Objet : réparation de l'éclairage public, rue des Écoles\n", "")
    assert by_rule(no_object)["courrier.objet"] == "erreur"
    no_salutation = GOOD.replace("Monsieur,\n", "")
    assert by_rule(no_salutation)["courrier.formule_appel"] == "erreur"
    no_contact = GOOD.replace(
        "Pour toute question, le service technique est joignable au 05 53 00 00 00, du lundi au\n"
        "vendredi.\n",
        "",
    )
    assert by_rule(no_contact)["courrier.contact"] == "erreur"
    informal = GOOD.replace(
        "Je vous prie d'agréer, Monsieur, l'expression de mes salutations distinguées.",
        "Cordialement,",
    )
    assert by_rule(informal)["courrier.politesse"] == "attention"
    none = GOOD.replace(
        "Je vous prie d'agréer, Monsieur, l'expression de mes salutations distinguées.", ""
    )
    finding = next(f for f in check_reply(none) if f.rule == "courrier.politesse")
    assert finding.severity == "erreur" and "formule de politesse" in finding.message


def test_a_vague_answer_and_placeholders_are_flagged():
    short = "Monsieur,\n\nC'est noté.\n\nCordialement"
    rules = by_rule(short)
    assert rules["courrier.reponse"] == "erreur"
    holes = GOOD.replace("Le Maire", "[Nom du maire]").replace("jeudi", "XXX")
    trous = [f for f in check_reply(holes) if f.rule == "courrier.trou"]
    assert {holes[f.span[0] : f.span[1]] for f in trous} == {"[Nom du maire]", "XXX"}
