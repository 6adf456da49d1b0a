"""What the detectors report: a kind, a span of the text, and why."""

from __future__ import annotations

from dataclasses import dataclass

# Kinds, with the French word a participant reads.
KINDS = {
    "PERSONNE": "nom de personne",
    "EMAIL": "adresse e-mail",
    "TELEPHONE": "numéro de téléphone",
    "ADRESSE": "adresse postale",
    "NIR": "numéro de sécurité sociale (NIR)",
    "IBAN": "IBAN",
    "SIRET": "numéro SIRET",
    "SIREN": "numéro SIREN",
    "DATE_NAISSANCE": "date de naissance",
    "PLAQUE": "plaque d'immatriculation",
    "NUMERO_DOSSIER": "numéro de dossier ou de compte",
}


@dataclass(frozen=True, order=True)
class Finding:
    start: int
    end: int
    kind: str
    text: str
    # Why it was found, in French: the pattern, the checksum, the list or the model.
    why: str

    @property
    def label(self) -> str:
        return KINDS[self.kind]
