"""Detection and pseudonymisation of French personal data, before a model or a log sees it.

`find(text)` lists what it found (kind, span, why); `Pseudonymiser` replaces it by consistent
surrogates and restores the originals in the model's answer. Pseudonymised data remain personal
data (RGPD art. 4(5) and recital 26): whoever holds the mapping can restore them.
"""

from atelier_ia.privacy.detect import find
from atelier_ia.privacy.findings import KINDS, Finding
from atelier_ia.privacy.pseudonymise import Pseudonymised, Pseudonymiser, StreamRestorer

__all__ = ["KINDS", "Finding", "Pseudonymised", "Pseudonymiser", "StreamRestorer", "find"]
