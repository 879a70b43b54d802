"""Numbers written in words: "three hundred", "twenty-five", "a dozen", "half a million"."""

from __future__ import annotations

import re
from decimal import Decimal

_SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": Decimal(100),
    "thousand": Decimal(1000),
    "million": Decimal(1_000_000),
    "billion": Decimal(1_000_000_000),
    "trillion": Decimal(1_000_000_000_000),
    # South Asian scales: "Rs 9 lakh" is 900,000, "2 crore" 20 million.
    "lakh": Decimal(100_000),
    "lakhs": Decimal(100_000),
    "lac": Decimal(100_000),
    "lacs": Decimal(100_000),
    "crore": Decimal(10_000_000),
    "crores": Decimal(10_000_000),
}
_DOZEN = "dozen"
_WORD = "(?:" + "|".join(sorted([*_SMALL, *_TENS, *SCALES, _DOZEN], key=len, reverse=True)) + ")"
NUMBER_WORDS = re.compile(
    rf"(?<![\w-])(?:(?:an?|half[ \t]+an?)[ \t]+(?=(?:hundred|thousand|million|billion|dozen)\b))?"
    rf"{_WORD}(?:(?:[ \t]+and[ \t]+|[ \t]+|-)(?:a[ \t]+half\b|{_WORD}\b))*(?![\w])",
    re.IGNORECASE,
)
_TOKENS = re.compile(r"[a-z]+")


def parse_number_words(phrase: str) -> Decimal | None:
    """The value of a phrase of number words, or None when the words do not make a number.

    "three hundred and fifty" -> 350, "half a million" -> 500000, "two dozen" -> 24,
    "one and a half" -> 1.5. Sequences such as "one two three" are not numbers.
    """
    words = [w for w in _TOKENS.findall(phrase.lower()) if w != "and"]
    state = _Reading()
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if word in ("a", "an") and index < len(words) and words[index] == "half":
            state.current = (state.current or Decimal(0)) + Decimal("0.5")  # "one and a half"
            state.last = "small"
            index += 1
        elif not state.take(word):
            return None
    value = (state.total + (state.current or Decimal(0))) * state.fraction
    if value == 0 and "zero" not in words:
        return None
    return value


class _Reading:
    """The running total of a phrase of number words, and what kind of word came last."""

    def __init__(self) -> None:
        self.total = Decimal(0)
        self.current: Decimal | None = None
        self.fraction = Decimal(1)
        self.last = ""  # "small", "tens", "hundred", "scale", "article"

    def take(self, word: str) -> bool:
        """Add one word; False when it cannot follow the words before it."""
        if word in ("a", "an"):
            if self.current is None:
                self.current, self.last = Decimal(1), "article"
            return True
        if word == "half":
            self.fraction = Decimal("0.5")
            return True
        if word in _SMALL:
            return self._add(Decimal(_SMALL[word]), "small", _SMALL[word] >= 10)
        if word in _TENS:
            return self._add(Decimal(_TENS[word]), "tens", True)
        if word == _DOZEN:
            self.current, self.last = (self.current or Decimal(1)) * 12, "scale"
            return True
        if word == "hundred":
            if self.last == "hundred":
                return False
            self.current, self.last = (self.current or Decimal(1)) * 100, "hundred"
            return True
        if word in SCALES:
            self.total += (self.current or Decimal(1)) * SCALES[word]
            self.current, self.last = None, "scale"
            return True
        return False

    def _add(self, value: Decimal, kind: str, not_after_tens: bool) -> bool:
        if self.last in ("small", "article") or (self.last == "tens" and not_after_tens):
            return False
        if self.last == "article":
            self.current = None
        self.current = (self.current or Decimal(0)) + value
        self.last = kind
        return True
