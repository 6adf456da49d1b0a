"""Write corpus.jsonl: the hand-written cases plus sentences made with Faker fr_FR.

Run: .venv/bin/python tests/data/privacy/make_corpus.py (deterministic: fixed seed).
Every person, address and number is invented.
"""

from __future__ import annotations

import json
import random
import re
from datetime import date
from pathlib import Path

from faker import Faker

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\{([A-Z_]+):(.*?)\}", re.S)

TEMPLATES = [
    "Je soussigné{e} {civ} {PERSONNE}, demeurant {ADRESSE}, sollicite un rendez-vous.",
    "Vous pouvez me joindre au {TELEPHONE} ou par courriel à {EMAIL}.",
    "Mon numéro de sécurité sociale est le {NIR}.",
    "Merci de verser le remboursement sur le compte {IBAN}.",
    "L'entreprise {company} (SIRET {SIRET}) interviendra lundi.",
    "La société {company}, SIREN {SIREN}, a répondu à l'appel d'offres.",
    "{PERSONNE}, né{e} le {DATE_NAISSANCE}, est inscrit{e} sur la liste électorale.",
    "Le véhicule immatriculé {PLAQUE} stationne devant chez moi depuis une semaine.",
    "Dossier n° {NUMERO_DOSSIER} : la demande de permis est complète.",
    "{civ} {PERSONNE} a signalé une fuite d'eau {ADRESSE}.",
    "Pour toute question, contactez {PERSONNE} au {TELEPHONE}.",
    "Adresse de facturation : {ADRESSE}.",
    "Date de naissance : {DATE_NAISSANCE}. Téléphone : {TELEPHONE}.",
    "Réponse à envoyer à {EMAIL} avant la fin du mois.",
    "{PERSONNE} et {PERSONNE} ont rejoint le conseil des sages.",
]
NEGATIVES = [
    "Le conseil municipal a adopté le budget à l'unanimité.",
    "La bibliothèque sera fermée pendant les vacances de printemps.",
    "Les travaux de voirie commenceront après la récolte des prunes.",
    "La commune compte 2 350 habitants selon le dernier recensement.",
    "Le marché a lieu tous les mardis matin sur la place de l'église.",
    "Une réunion d'information sur le tri des déchets est prévue en mars.",
    "Le budget de fonctionnement s'élève à 1 245 000 euros pour 2025.",
    "Les horaires de la mairie changent à partir du 1er septembre.",
]


BORN_FROM, BORN_UNTIL = date(1931, 1, 1), date(2008, 12, 31)


def fill(fake: Faker, rng: random.Random, template: str) -> str:
    feminine = rng.random() < 0.5
    values = {
        "e": "e" if feminine else "",
        "civ": rng.choice(["Mme", "Madame"] if feminine else ["M.", "Monsieur"]),
        "company": fake.company(),
    }
    text = template
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    makers = {
        "PERSONNE": lambda: (
            (fake.first_name_female() if feminine else fake.first_name_male())
            + " "
            + fake.last_name()
        ),
        "ADRESSE": lambda: f"{fake.street_address()}, {fake.postcode()} {fake.city()}",
        "TELEPHONE": fake.phone_number,
        "EMAIL": fake.email,
        "NIR": fake.ssn,
        "IBAN": lambda: " ".join(re.findall(".{1,4}", fake.iban())),
        "SIRET": fake.siret,
        "SIREN": fake.siren,
        # Between fixed dates, not an age: Faker's ages count from today, and the corpus would
        # change with the day it is generated on.
        "DATE_NAISSANCE": lambda: fake.date_between(BORN_FROM, BORN_UNTIL).strftime("%d/%m/%Y"),
        "PLAQUE": fake.license_plate,
        "NUMERO_DOSSIER": lambda: (
            f"{rng.choice(['URB', 'DP', 'PC', '47'])}-{fake.random_int(2019, 2026)}"
            f"-{fake.random_int(1, 9999):04d}"
        ),
    }
    for kind, make in makers.items():
        while "{" + kind + "}" in text:
            text = text.replace("{" + kind + "}", "{" + kind + ":" + make() + "}", 1)
    return text


def parse(marked: str, source: str) -> dict:
    text, spans, position = "", [], 0
    for m in MARK.finditer(marked):
        text += marked[position : m.start()]
        start = len(text)
        text += m.group(2)
        spans.append([start, len(text), m.group(1)])
        position = m.end()
    text += marked[position:]
    return {"text": text, "spans": spans, "source": source}


def main() -> None:
    fake = Faker("fr_FR")
    fake.seed_instance(47)
    rng = random.Random(47)
    items = []
    for line in (HERE / "hand_written.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            items.append(parse(line.replace("\\n", "\n"), "hand_written"))
    # Written after the detectors were tuned on the cases above, and not tuned on since.
    for line in (HERE / "held_out.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            items.append(parse(line.replace("\\n", "\n"), "held_out"))
    for i in range(180):
        items.append(parse(fill(fake, rng, TEMPLATES[i % len(TEMPLATES)]), "faker"))
    for sentence in NEGATIVES * 3:
        items.append(parse(sentence, "negative"))
    # Later held-out sets, each written after the fixes the previous one showed and committed
    # before its first run (bench/privacy.py reports each one apart).
    for path in sorted(HERE.glob("held_out_*.txt"), key=lambda p: int(p.stem.rsplit("_", 1)[1])):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                items.append(parse(line.replace("\\n", "\n"), path.stem))
    with (HERE / "corpus.jsonl").open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(items)} items written to {HERE / 'corpus.jsonl'}")


if __name__ == "__main__":
    main()
