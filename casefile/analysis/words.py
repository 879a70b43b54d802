"""Word helpers shared by the analysis modules: folding, articles and simple singulars."""

from __future__ import annotations

import re
import unicodedata

ARTICLES = frozenset({"a", "an", "the"})

# Plurals the suffix rules below get wrong; also maps the people words used as units.
_IRREGULAR = {
    "men": "man",
    "women": "woman",
    "people": "person",
    "persons": "person",
    "children": "child",
    "policemen": "policeman",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "wives": "wife",
    "lives": "life",
    "knives": "knife",
    "halves": "half",
    "thieves": "thief",
    "lbs": "lb",
}

# Words that end in "s" but are already singular (or have no singular worth taking).
_NOT_PLURAL = frozenset(
    {"news", "series", "species", "status", "chaos", "lens", "bias", "corps", "this", "lbs"}
)

_NOT_WORD = re.compile(r"[^\w%$€£¥]+")


def fold(text: str) -> str:
    """Unicode-normalised, case-folded text with runs of whitespace collapsed to one space."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def singular(word: str) -> str:
    """The singular of a simple English plural ("salaries" → "salary", "months" → "month").

    Only suffix rules and a short irregular table: the result is a grouping key, so what matters is
    that both forms of a word land on the same key, not that the key is always a real word.
    """
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word in _NOT_PLURAL or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("s"):
        return word[:-1]
    return word


def key_words(text: str) -> list[str]:
    """A phrase's words as compared: folded, no punctuation, no articles, each singular."""
    words = _NOT_WORD.sub(" ", fold(text).replace("_", " ")).split()
    return [singular(w) for w in words if w not in ARTICLES]
