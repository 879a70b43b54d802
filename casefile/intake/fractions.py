"""Shares written as fractions: "three quarters of the farms", "a third of the crew", "half of
the men" are percentages, comparable with "75%" said elsewhere."""

from __future__ import annotations

import re
from decimal import Decimal

from casefile.domain.enums import Qualifier
from casefile.intake.candidates import NumberKind
from casefile.intake.number_context import qualifier_before
from casefile.intake.number_tokens import tidy
from casefile.intake.number_units import Reading, with_share_of

_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5}
# Only before "of" (a share of something), and not of a time ("a quarter of an hour").
FRACTION = re.compile(
    r"(?<![\w-])(?:(?P<numerator>a|an|one|two|three|four)[ \t-]+)?"
    r"(?P<denominator>half|halves|thirds?|quarters?|fifths?)"
    r"(?=[ \t]+of[ \t]+(?!(?:an?|the)?[ \t]*(?:hour|day|week|month|year|century|mile|kilo)))",
    re.IGNORECASE,
)
# "one in five workers", "three out of four cases".
_SMALL_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10,
}  # fmt: skip
_WORD_OR_DIGITS = "(?:" + "|".join(_SMALL_NUMBERS) + r"|\d{1,3})"
ONE_IN = re.compile(
    rf"(?<![\w-])(?P<part>{_WORD_OR_DIGITS})[ \t]+(?:in|out[ \t]+of)[ \t]+"
    rf"(?P<whole>{_WORD_OR_DIGITS})(?![\w-])",
    re.IGNORECASE,
)
_CONFIDENCE = 0.6


def fraction_readings(text: str) -> list[Reading]:
    """A percentage reading for each fraction of something in `text`."""
    readings = []
    for match in FRACTION.finditer(text):
        numerator_word = (match.group("numerator") or "").lower()
        denominator_word = match.group("denominator").lower()
        singular = denominator_word.rstrip("s") if denominator_word != "halves" else "half"
        if not numerator_word and singular != "half":
            continue  # "thirds of" alone is not a share anyone states
        numerator = _NUMERATORS.get(numerator_word, 1)
        denominator = _DENOMINATORS[singular]
        if numerator >= denominator or (numerator > 1) != denominator_word.endswith("s"):
            continue  # "four thirds", "two third": not a share of a whole
        share = tidy((Decimal(100) * numerator / denominator).quantize(Decimal("0.1")))
        start, qualifier = qualifier_before(text, match.start()) or (match.start(), Qualifier.EXACT)
        reading = Reading(
            start,
            match.end(),
            share,
            qualifier=qualifier,
            unit="percent",
            kind=NumberKind.PERCENTAGE,
            confidence=_CONFIDENCE,
        )
        readings.append(with_share_of(text, reading))
    for match in ONE_IN.finditer(text):
        part, whole = _count_of(match.group("part")), _count_of(match.group("whole"))
        if not 0 < part < whole:
            continue
        share = tidy((Decimal(100) * part / whole).quantize(Decimal("0.1")))
        readings.append(
            with_share_of(
                text,
                Reading(
                    match.start(),
                    match.end(),
                    share,
                    unit="percent",
                    kind=NumberKind.PERCENTAGE,
                    confidence=_CONFIDENCE,
                ),
            )
        )
    return sorted(readings, key=lambda r: r.start)


def _count_of(written: str) -> int:
    return int(written) if written.isdigit() else _SMALL_NUMBERS[written.lower()]
