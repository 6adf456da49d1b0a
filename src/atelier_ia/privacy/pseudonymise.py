"""Replace personal data by consistent surrogates, and put the originals back in an answer.

The same person gets the same surrogate throughout a text and a session: « Mme Rose Martin »,
« Martin » and « Rose Martin » are one person. The mapping lives in memory only, in the
Pseudonymiser object (one per session, per app or per request), and is gone with it.

Surrogates are tags (« [PERSONNE_1] », the default: a reader sees at once what was replaced)
or realistic fakes from Faker fr_FR (« Mme Lucie Garnier »: the model writes more naturally).
Pseudonymised data are still personal data (RGPD recital 26): the key to restore them exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from atelier_ia.privacy.detect import find
from atelier_ia.privacy.findings import Finding

Style = Literal["tag", "fake"]


@dataclass
class Pseudonymised:
    text: str
    findings: list[Finding]
    # surrogate → original, for what this text replaced
    replaced: dict[str, str] = field(default_factory=dict)


class Pseudonymiser:
    def __init__(self, style: Style = "tag", seed: int = 0, use_model: bool = True) -> None:
        self.style = style
        self.use_model = use_model
        self._faker = None
        self._seed = seed
        # (kind, key) → surrogate, and surrogate → original as first seen
        self._surrogates: dict[tuple[str, str], str] = {}
        self._originals: dict[str, str] = {}
        # surname → full-name key of a person already seen, for mentions by surname only
        self._surnames: dict[str, str] = {}
        self._counts: dict[str, int] = {}

    # -- surrogates ---------------------------------------------------------------------------

    def _key(self, finding: Finding) -> str:
        text = " ".join(finding.text.split())
        if finding.kind == "PERSONNE":
            surname = text.split()[-1].lower()
            if len(text.split()) == 1 and surname in self._surnames:
                return self._surnames[surname]
            key = text.lower()
            self._surnames.setdefault(surname, key)
            return key
        if finding.kind in ("TELEPHONE", "NIR", "IBAN", "SIRET", "SIREN"):
            return re.sub(r"\D", "", text) or text
        return text.lower()

    def _new_surrogate(self, finding: Finding) -> str:
        number = self._counts.get(finding.kind, 0) + 1
        self._counts[finding.kind] = number
        if self.style == "tag":
            return f"[{finding.kind}_{number}]"
        return self._fake(finding.kind, number)

    def _fake(self, kind: str, number: int) -> str:
        if self._faker is None:
            from faker import Faker

            self._faker = Faker("fr_FR")
            self._faker.seed_instance(self._seed)
        fake = self._faker
        makers = {
            "PERSONNE": lambda: f"{fake.first_name()} {fake.last_name()}",
            "EMAIL": fake.free_email,
            "TELEPHONE": lambda: (
                "01 " + " ".join(f"{fake.random_int(0, 99):02d}" for _ in range(4))
            ),
            "ADRESSE": lambda: fake.address().replace("\n", ", "),
        }
        value = makers.get(kind, lambda: f"[{kind}_{number}]")()
        while value in self._originals:  # two originals must never share a surrogate
            value = makers.get(kind, lambda: f"[{kind}_{number}_{fake.random_int()}]")()
        return value

    def surrogate(self, finding: Finding) -> str:
        key = (finding.kind, self._key(finding))
        if key not in self._surrogates:
            surrogate = self._new_surrogate(finding)
            self._surrogates[key] = surrogate
            self._originals[surrogate] = finding.text
        surrogate = self._surrogates[key]
        if finding.kind == "PERSONNE" and self.style == "fake" and len(finding.text.split()) == 1:
            # "Martin" alone stands for "Rose Martin": use the fake's surname alone.
            short = surrogate.split()[-1]
            self._originals.setdefault(short, finding.text)
            return short
        return surrogate

    # -- the two directions -------------------------------------------------------------------

    def pseudonymise(self, text: str) -> Pseudonymised:
        findings = find(text, use_model=self.use_model)
        parts: list[str] = []
        replaced: dict[str, str] = {}
        position = 0
        for finding in findings:
            surrogate = self.surrogate(finding)
            parts.append(text[position : finding.start])
            parts.append(surrogate)
            replaced[surrogate] = finding.text
            position = finding.end
        parts.append(text[position:])
        return Pseudonymised("".join(parts), findings, replaced)

    def restore(self, text: str) -> str:
        """Put the originals back wherever a surrogate of this session appears."""
        if not self._originals:
            return text
        ordered = sorted(self._originals, key=len, reverse=True)  # longest first
        pattern = re.compile("|".join(map(re.escape, ordered)))
        return pattern.sub(lambda m: self._originals[m.group()], text)

    @property
    def mapping(self) -> dict[str, str]:
        return dict(self._originals)


class StreamRestorer:
    """Restore surrogates in an answer that arrives piece by piece: a tag cut in two
    (« [PERSON » then « NE_1] ») is held back until it is whole."""

    def __init__(self, pseudonymiser: Pseudonymiser) -> None:
        self.pseudonymiser = pseudonymiser
        self._pending = ""

    def feed(self, piece: str) -> str:
        text = self._pending + piece
        cut = text.rfind("[")
        if cut != -1 and "]" not in text[cut:] and len(text) - cut < 32:
            self._pending, text = text[cut:], text[:cut]
        else:
            self._pending = ""
        return self.pseudonymiser.restore(text)

    def flush(self) -> str:
        text, self._pending = self._pending, ""
        return self.pseudonymiser.restore(text)
