"""The CRPA L311-3-1 mention checker, on mentions written for the test."""

from __future__ import annotations

from atelier_ia.checks.mention import check_mention

GOOD = (
    "Cette décision a été prise sur le fondement d'un traitement algorithmique qui a pour "
    "finalité de classer les demandes de place en crèche selon les critères adoptés par le "
    "conseil municipal. Vous avez le droit d'obtenir la communication des règles qui "
    "définissent ce traitement et de ses principales caractéristiques, en écrivant au service "
    "petite enfance, 1 place de la Mairie, ou à petite-enfance@mairie-exemple.fr. En cas de "
    "refus ou d'absence de réponse, vous pouvez saisir la Commission d'accès aux documents "
    "administratifs (CADA)."
)


def test_a_complete_mention_passes_every_rule():
    findings = check_mention(GOOD)
    assert all(f.passed for f in findings), [f.message for f in findings if not f.passed]
    assert len(findings) == 5


def test_missing_elements_are_named_with_their_article():
    vague = "Cette décision a été prise par un algorithme. Pour toute question, contactez-nous."
    by_rule = {f.rule: f for f in check_mention(vague)}
    assert by_rule["mention.algorithme"].passed
    assert by_rule["mention.droit_aux_regles"].severity == "erreur"
    assert "R311-3-1-1" in by_rule["mention.droit_aux_regles"].message
    assert by_rule["mention.finalite"].severity == "erreur"
    assert by_rule["mention.cada"].severity == "attention"
    nothing = {f.rule: f for f in check_mention("Votre demande est refusée.")}
    assert nothing["mention.algorithme"].severity == "erreur"
    assert "L311-3-1" in nothing["mention.algorithme"].message
