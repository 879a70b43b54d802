"""Finding the numbers in a text, in digits or in words, with their scale ("1.2 million")."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from casefile.intake.number_words import NUMBER_WORDS, SCALES, parse_number_words

_DIGITS = re.compile(
    # not inside a longer figure, a code or a version number; "Rs.900" and "Sh120,000" are
    # money, though
    r"(?:(?<![\w,])|(?<=\bSh)|(?<=\bShs)|(?<=KSh)|(?<=Ksh)|(?<=\bRs)|(?<=\bTk)|(?<=\bRp)"
    r"|(?<=\bRM)|(?<=\bDh))(?<!(?<!Rs)\.)(?:"
    r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,])"  # 1,20,000: lakhs grouped the Indian way
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,500 and 1,500.50
    r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?"  # 1 500 with a no-break space
    r"|\d{1,3}(?: \d{3})+(?![\d])(?![ \t]+\d)"  # 1 500, not in a row of table figures
    r"|\d+(?:\.\d+)?"
    r")(?:(?P<suffix>bn|mn|tn|k|m|b)"
    r"|[ \t]+(?P<scale>thousand|million|billion|trillion|lakhs?|lacs?|crores?)\b)?"
    r"(?![\w])",
    re.IGNORECASE,
)
_SUFFIX_SCALE = {
    "k": Decimal(1000),
    "m": Decimal(1_000_000),
    "mn": Decimal(1_000_000),
    "b": Decimal(1_000_000_000),
    "bn": Decimal(1_000_000_000),
    "tn": Decimal(1_000_000_000_000),
}
# "one" alone is too often not a quantity ("one of the men", "no one"); so are "a"/"an".
_LONE_ONE = frozenset({"one", "a", "an"})
_TIME_UNIT_NEXT = re.compile(r"[ \t-]+(?:hours?|days?|weeks?|months?|years?|decades?)\b")


@dataclass(frozen=True, slots=True)
class NumberToken:
    """A number as written: `start:end` covers its digits or words and any scale word."""

    start: int
    end: int
    value: Decimal
    scaled: bool  # a scale word or suffix ("million", "bn") was part of it
    suffix: str  # "k", "m", "bn": only meaningful with a currency
    scale: Decimal = Decimal(1)  # what a scale word multiplied the written number by


# Digits a written figure may have: a trillion has 13; more is a code, and would overflow
# Decimal's 28 digits once a scale word ("crore", "trillion") multiplies it.
_MAX_DIGITS = 15


def tidy(value: Decimal) -> Decimal:
    """A value without needless decimals or exponent: 1500000.0 -> 1500000, 1.50 -> 1.5."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def number_tokens(text: str) -> list[NumberToken]:
    """Every number in `text`, sorted; number words overlapping digits are dropped."""
    tokens: list[NumberToken] = []
    for match in _DIGITS.finditer(text):
        token = _digit_token(match)
        if token is not None:
            tokens.append(token)
    starts = [t.start for t in tokens]
    for match in NUMBER_WORDS.finditer(text):
        for token in _word_tokens(text, match):
            if not _overlaps(token, tokens, starts):
                tokens.append(token)
    tokens.sort(key=lambda t: t.start)
    return tokens


def _digit_token(match: re.Match[str]) -> NumberToken | None:
    scale_word = match.group("scale")
    suffix = (match.group("suffix") or "").lower()
    end_of_digits = match.start("scale") if scale_word else match.end() - len(suffix)
    written = match.string[match.start() : end_of_digits].strip()
    cleaned = re.sub(r"[,\u00a0\u202f\u2009 ]", "", written)
    if len(cleaned) > _MAX_DIGITS:
        return None  # an account number or a string of digits, not a figure anyone claims
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    scale = SCALES[scale_word.lower()] if scale_word else Decimal(1)
    return NumberToken(
        match.start(), match.end(), tidy(value * scale), bool(scale_word), suffix, scale
    )


def apply_suffix(token: NumberToken) -> NumberToken:
    """The token with its "k"/"m"/"bn" suffix applied (when a currency says it is money)."""
    if not token.suffix:
        return token
    scale = _SUFFIX_SCALE[token.suffix]
    return NumberToken(token.start, token.end, tidy(token.value * scale), True, "", scale)


def _word_tokens(text: str, match: re.Match[str]) -> list[NumberToken]:
    """The number a phrase of number words makes, or the numbers its parts joined by "and"
    make when together they make none: "between two and four years" is two and four."""
    whole = _word_token(text, match.start(), match.end())
    if whole is not None or _AND.search(match.group()) is None:
        return [whole] if whole is not None else []
    parts: list[NumberToken] = []
    start = match.start()
    for joint in _AND.finditer(text, match.start(), match.end()):
        parts.append(_word_token(text, start, joint.start(), in_range=True) or _NOTHING)
        start = joint.end()
    parts.append(_word_token(text, start, match.end(), in_range=True) or _NOTHING)
    return [] if _NOTHING in parts else parts


_SCALE_WORDS = ("thousand", "million", "billion", "lakh", "lac", "crore")
_AND = re.compile(r"[ \t]+and[ \t]+", re.IGNORECASE)
_NOTHING = NumberToken(-1, -1, Decimal(0), False, "")


def _word_token(text: str, start: int, end: int, *, in_range: bool = False) -> NumberToken | None:
    phrase = text[start:end]
    lone = phrase.lower() in _LONE_ONE and not in_range
    if lone and not _TIME_UNIT_NEXT.match(text, end):
        return None
    value = parse_number_words(phrase)
    if value is None:
        return None
    scaled = any(word in phrase.lower() for word in _SCALE_WORDS)
    return NumberToken(start, end, tidy(value), scaled, "")


def _overlaps(token: NumberToken, digits: list[NumberToken], starts: list[int]) -> bool:
    index = bisect_left(starts, token.end) - 1
    return index >= 0 and digits[index].end > token.start
