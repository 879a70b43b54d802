"""What a table header says about the numbers under it: "Avg. monthly pay (USD)", "Recruits"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from casefile.domain.enums import Period
from casefile.intake.candidates import NumberKind
from casefile.intake.number_lexicon import CURRENCY_CODES, CURRENCY_SYMBOLS, PEOPLE, TIME_UNITS
from casefile.intake.wordlists import words

_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_PERIOD_WORDS = {
    "hourly": Period.HOUR,
    "daily": Period.DAY,
    "weekly": Period.WEEK,
    "monthly": Period.MONTH,
    "annual": Period.YEAR,
    "yearly": Period.YEAR,
}
_PER_PERIOD = re.compile(r"(?:per|/|a)[ \t]*(?P<unit>hour|day|week|month|year)\b", re.IGNORECASE)
_MONEY_WORDS = words(
    """pay salary salaries wage wages fee fees income cost costs price amount payment"""
)
_DATE_HEADERS = frozenset({"year", "date", "month", "day", "when"})


@dataclass(frozen=True, slots=True)
class HeaderReading:
    currency: str | None = None
    unit: str = ""
    period: Period = Period.TOTAL
    kind: NumberKind | None = None
    subject: str = ""
    is_date: bool = False


def header_reading(header: str) -> HeaderReading:
    """Currency, unit, rate and subject named by a column header."""
    words = _WORDS.findall(header)
    lowered = [w.lower() for w in words]
    if lowered and lowered[0] in _DATE_HEADERS and len(lowered) == 1:
        return HeaderReading(is_date=True)
    period = next((_PERIOD_WORDS[w] for w in lowered if w in _PERIOD_WORDS), Period.TOTAL)
    per_period = _PER_PERIOD.search(header)
    if per_period:
        period = Period(per_period.group("unit").lower())
    subject_words = [w for w in words if w.upper() not in CURRENCY_CODES]
    subject_words = [w for w in subject_words if w.lower() not in _PERIOD_WORDS]
    subject = " ".join(w for w in subject_words if w.lower() not in ("avg", "average", "total"))
    subject = subject.lower()
    currency = next((w.upper() for w in words if w.upper() in CURRENCY_CODES), None)
    currency = currency or next((c for s, c in CURRENCY_SYMBOLS.items() if s in header), None)
    if currency:
        return HeaderReading(currency, currency, period, NumberKind.AMOUNT, subject)
    if "%" in header or "percent" in lowered or "share" in lowered:
        return HeaderReading(None, "percent", Period.TOTAL, NumberKind.PERCENTAGE, subject)
    for word in lowered:
        singular = word.rstrip("s")
        if singular in TIME_UNITS:
            return HeaderReading(None, TIME_UNITS[singular], period, NumberKind.DURATION, subject)
        if word in ("age", "ages"):
            return HeaderReading(None, "years", Period.TOTAL, NumberKind.AGE, subject)
    for word in lowered:
        if word in PEOPLE:
            return HeaderReading(None, "people", period, NumberKind.COUNT, subject)
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            return HeaderReading(None, word, period, NumberKind.COUNT, subject)
    if set(lowered) & _MONEY_WORDS:
        return HeaderReading(None, "", period, NumberKind.AMOUNT, subject)
    return HeaderReading(subject=subject)
