"""Diceware-style passphrases drawn with `secrets` from the bundled EFF large word list."""

from __future__ import annotations

import math
import re
import secrets
from functools import cache
from importlib import resources

WORDLIST_PACKAGE = "resources.wordlists"
WORDLIST_FILE = "eff_large_wordlist.txt"
WORDLIST_SIZE = 6**5
MIN_WORDS = 6
DEFAULT_WORDS = 7
SEPARATOR = " "
_LINE = re.compile(r"([1-6]{5})\t([a-z]+(?:-[a-z]+)*)")


@cache
def load_wordlist() -> tuple[str, ...]:
    """The 7,776 words, checked: a short or duplicated list would silently weaken passphrases."""
    text = resources.files(WORDLIST_PACKAGE).joinpath(WORDLIST_FILE).read_text(encoding="ascii")
    words = []
    for line in text.splitlines():
        match = _LINE.fullmatch(line)
        if match is None:
            raise ValueError(f"malformed line in the word list: {line!r}")
        words.append(match.group(2))
    if len(words) != WORDLIST_SIZE or len(set(words)) != WORDLIST_SIZE:
        raise ValueError(f"the word list must hold {WORDLIST_SIZE} distinct words")
    return tuple(words)


def passphrase_entropy_bits(words: int = DEFAULT_WORDS) -> float:
    """Entropy of a generated passphrase: each word is an independent, uniform draw."""
    return words * math.log2(WORDLIST_SIZE)


def generate_passphrase(words: int = DEFAULT_WORDS) -> str:
    """`words` random words joined by spaces (7 words ≈ 90 bits; never fewer than 6)."""
    if words < MIN_WORDS:
        raise ValueError(f"a passphrase needs at least {MIN_WORDS} words, not {words}")
    wordlist = load_wordlist()
    return SEPARATOR.join(secrets.choice(wordlist) for _ in range(words))
