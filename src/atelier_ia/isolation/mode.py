"""Which isolation is in force: Unix accounts when the platform runs as root, else a demo for one
person on loopback."""

from __future__ import annotations

import ipaddress
import os
import shutil

from atelier_ia.settings import Settings, SettingsError

ACCOUNTS = "accounts"
DEMO = "demo"

DEMO_BANNER = (
    "Mode démonstration : la plateforme ne tourne pas en root et ne peut donc pas créer un compte "
    "Unix par personne. Tout le monde partage le compte de l'opérateur : à réserver à une seule "
    "personne, sur cette machine (adresse locale uniquement)."
)


def can_create_accounts() -> bool:
    return os.geteuid() == 0 and shutil.which("useradd") is not None


def resolve(settings: Settings) -> str:
    """The mode to run in; SettingsError (French, naming the key) when it cannot hold."""
    wanted = settings.isolation.mode
    if wanted == ACCOUNTS and not can_create_accounts():
        raise SettingsError(
            "Réglage « isolation.mode » = accounts : il faut démarrer en root (avec useradd) "
            "pour créer un compte Unix par personne."
        )
    mode = ACCOUNTS if wanted == ACCOUNTS or (wanted == "auto" and can_create_accounts()) else DEMO
    if mode == DEMO:
        for key, address in (("hub.ip", settings.hub.ip), ("gateway.ip", settings.gateway.ip)):
            if not ipaddress.ip_address(address).is_loopback:
                raise SettingsError(
                    f"Réglage « {key} » = {address} refusé en mode démonstration : sans root, "
                    "tout le monde partagerait le compte de l'opérateur. Gardez une adresse "
                    "locale (127.0.0.1) ou démarrez en root pour un compte par personne."
                )
    return mode
