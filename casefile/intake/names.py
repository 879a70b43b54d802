"""Comparing names as reporters write them: case, accents, "al-" prefixes, Arabic spellings."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Article prefixes of Arabic names written in Latin script ("al-Halabi", "El Masri", "ad-Din"):
# spelled with or without them, the name is the same person.
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir"})
# "Abdul Rahman", "Abd al-Rahman" and "Abdel Rahman" are spellings of one name.
_ABD_PREFIX = re.compile(r"^(?:abdul|abdel|abdal|abdoul|abdu)")

_ALEF_FORMS = str.maketrans(
    {
        "\u0622": "\u0627",  # alef with madda
        "\u0623": "\u0627",  # alef with hamza above
        "\u0625": "\u0627",  # alef with hamza below
        "\u0671": "\u0627",  # alef wasla
        "\u0649": "\u064a",  # alef maqsura written for final ya
        "\u0629": "\u0647",  # ta marbuta, often typed as ha
        "\u0640": None,  # tatweel (kashida) only stretches the line
    }
)
_ARABIC_ARTICLE = "\u0627\u0644"
_SEPARATORS = re.compile(r"[\s\-‐-―'’`ʼ.,·_]+")


@lru_cache(maxsize=4096)
def normalise_name(name: str) -> str:
    """A comparison key for `name`: lower case, no accents or tashkeel, articles and titles dropped.

    "Samir Al-Halabi", "samir al halabi" and "Samír Halabi" give the same key; so do "سمير الحلبي"
    and "سَمير حلبي". The key is for matching only, never for display.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = unicodedata.normalize("NFC", bare).translate(_ALEF_FORMS).casefold()
    words: list[str] = []
    for written in _SEPARATORS.split(bare):
        if not written or written in _ARTICLES or written in _HONORIFICS:
            continue
        word = _ABD_PREFIX.sub("abd", written)
        if word.startswith(_ARABIC_ARTICLE) and len(word) > 3:
            word = word[len(_ARABIC_ARTICLE) :]
        words.append(word)
    return " ".join(words)


def names_match(first: str, second: str) -> bool:
    """True when two spellings name the same person or body ("Al-Halabi" and "al Halabi").

    Spaces and hyphens are not significant ("Abdulrahman" and "Abdul-Rahman" match), but words
    are: "Ferreira" does not match "Lucas Ferreira" (the caller decides about partial names).
    """
    key_first, key_second = normalise_name(first), normalise_name(second)
    if not key_first or not key_second:
        return False
    if key_first == key_second:
        return True
    return key_first.replace(" ", "") == key_second.replace(" ", "")
