"""Pydantic validation errors told in French, for settings files and gateway requests alike."""

from __future__ import annotations

from typing import Any

_EXPECTED = {
    "int_parsing": "un nombre entier",
    "int_type": "un nombre entier",
    "int_from_float": "un nombre entier",
    "float_parsing": "un nombre",
    "float_type": "un nombre",
    "bool_parsing": "true ou false",
    "bool_type": "true ou false",
    "string_type": "un texte entre guillemets",
    "list_type": "une liste [ ... ]",
    "extra_forbidden": "aucune clé de ce nom (clé inconnue, faute de frappe ?)",
    "missing": "une valeur (clé obligatoire absente)",
    "path_type": "un chemin de dossier",
    "json_invalid": "du JSON valide",
    "string_too_short": "un texte non vide",
    "too_short": "une liste non vide",
}
_BOUNDS = {
    "greater_than_equal": "supérieur ou égal à",
    "less_than_equal": "inférieur ou égal à",
    "greater_than": "strictement supérieur à",
    "less_than": "strictement inférieur à",
}


def expected_form(error: dict[str, Any], *, object_word: str) -> str:
    """What the value should have been, in French (`object_word` names a mapping)."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind in _BOUNDS:
        return f"un nombre {_BOUNDS[kind]} {next(iter(ctx.values()))}"
    if kind == "literal_error":
        return "une de ces valeurs : " + str(ctx.get("expected", ""))
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return object_word
    return _EXPECTED.get(kind, error["msg"])
