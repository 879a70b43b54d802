"""The one table of unit synonyms: what a written unit measures and how it converts."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from casefile.analysis.words import fold, singular
from casefile.domain.enums import Period


class UnitFamily(StrEnum):
    """What kind of quantity a unit measures; only the same family can ever be compared."""

    CURRENCY = "currency"
    PEOPLE = "people"
    DURATION = "duration"
    DISTANCE = "distance"
    WEIGHT = "weight"
    PERCENTAGE = "percentage"
    COUNT = "count"  # a count of a named thing ("permits"); the thing is the canonical unit


@dataclass(frozen=True, slots=True)
class UnitInfo:
    """A written unit resolved: family, canonical unit, and the factor num/den to reach it."""

    family: UnitFamily
    canonical: str
    num: Decimal = Decimal(1)
    den: Decimal = Decimal(1)
    # True when the factor stands for calendar months, which really last 28 to 31 days.
    calendar: bool = False


# A year of 365.25 days counts leap years in and keeps every factor an exact decimal; a month is
# a twelfth of it (30.4375 days), so 12 months is exactly a year and 1 month is 4.348 weeks.
DAYS_PER_YEAR = Decimal("365.25")
DAYS_PER_WEEK = Decimal(7)

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}

_D = Decimal
_CURRENCIES: dict[str, tuple[str, ...]] = {
    "USD": ("$", "us$", "usd", "dollar", "us dollar", "u.s. dollar", "american dollar"),
    "EUR": ("€", "eur", "euro"),
    # "pounds" are taken as sterling: money is far more often claimed than weight in pounds,
    # and weight in pounds is written "lb".
    "GBP": ("£", "gbp", "pound", "pound sterling", "sterling", "british pound"),
    "JPY": ("¥", "jpy", "yen"),
    "RUB": ("₽", "rub", "rouble", "ruble"),
    "UAH": ("₴", "uah", "hryvnia", "hryvnya"),
    "SYP": ("syp", "syrian pound"),
    "TRY": ("₺", "try", "lira", "turkish lira"),
    "ILS": ("₪", "ils", "shekel"),
    "NGN": ("₦", "ngn", "naira"),
    "CHF": ("chf", "swiss franc"),
    "CNY": ("cny", "rmb", "yuan", "renminbi"),
    "INR": ("₹", "inr", "indian rupee"),
}

# Everything a reporter may write for "people"; the subject says who is counted.
_PEOPLE = (
    "person", "people", "individual", "man", "woman", "child", "recruit", "fighter", "worker",
    "soldier", "troop", "civilian", "migrant", "refugee", "resident", "inhabitant", "employee",
    "staff", "volunteer", "mercenary", "combatant", "militant", "conscript", "detainee",
    "prisoner", "victim", "policeman", "police officer", "officer", "guard", "member",
)  # fmt: skip

# Words after "per" that mean one person ("per head", "per capita", "per fighter").
PER_PERSON = frozenset({*_PEOPLE, "head", "capita", "each"})

# (family, canonical unit, num, den, calendar, written forms); the factor is num/den.
_MEASURES: tuple[tuple[UnitFamily, str, Decimal, Decimal, bool, tuple[str, ...]], ...] = (
    (UnitFamily.DURATION, "days", _D(1), _D(1), False, ("day", "d")),
    (UnitFamily.DURATION, "days", _D(1), _D(24), False, ("hour", "hr", "hrs", "h")),
    (UnitFamily.DURATION, "days", _D(1), _D(1440), False, ("minute", "min", "mins")),
    (UnitFamily.DURATION, "days", DAYS_PER_WEEK, _D(1), False, ("week", "wk", "wks")),
    (UnitFamily.DURATION, "days", _D(14), _D(1), False, ("fortnight",)),
    (
        UnitFamily.DURATION,
        "days",
        DAYS_PER_YEAR,
        _D(12),
        True,
        ("month", "mo", "mos", "mth", "mths"),
    ),
    (UnitFamily.DURATION, "days", DAYS_PER_YEAR, _D(1), False, ("year", "yr", "yrs")),
    (UnitFamily.DURATION, "days", DAYS_PER_YEAR * 10, _D(1), False, ("decade",)),
    (UnitFamily.DISTANCE, "km", _D(1), _D(1), False, ("km", "kilometre", "kilometer")),
    (UnitFamily.DISTANCE, "km", _D(1), _D(1000), False, ("metre", "meter")),
    (UnitFamily.DISTANCE, "km", _D("1.609344"), _D(1), False, ("mile", "mi")),
    (UnitFamily.DISTANCE, "km", _D("1.852"), _D(1), False, ("nautical mile",)),
    (UnitFamily.WEIGHT, "kg", _D(1), _D(1), False, ("kg", "kilogram", "kilo")),
    (UnitFamily.WEIGHT, "kg", _D(1), _D(1000), False, ("g", "gram", "gramme")),
    # A "ton" is taken as the metric tonne; a short ton is 9 % less, inside any "about" band.
    (UnitFamily.WEIGHT, "kg", _D(1000), _D(1), False, ("tonne", "ton", "t", "metric ton")),
    (UnitFamily.WEIGHT, "kg", _D("0.45359237"), _D(1), False, ("lb",)),
    (UnitFamily.PERCENTAGE, "%", _D(1), _D(1), False, ("%", "percent", "per cent", "pct")),
)

# ISO 4217 codes a reporter may type in lower case; upper-case three-letter units are codes too.
_ISO_CODES = frozenset({
    "usd", "eur", "gbp", "jpy", "chf", "cny", "rub", "uah", "syp", "iqd", "lyd", "sdg", "try",
    "egp", "sar", "aed", "qar", "kwd", "jod", "lbp", "ils", "irr", "afn", "pkr", "inr", "ngn",
    "kes", "etb", "zar", "cad", "aud", "nzd", "brl", "mxn", "cop", "ars", "xof", "xaf", "mad",
    "dzd", "tnd", "yer", "omr", "bhd", "sek", "nok", "dkk", "pln", "czk", "huf", "ron", "bgn",
})  # fmt: skip


def _build_table() -> dict[str, UnitInfo]:
    table: dict[str, UnitInfo] = {}
    for code, forms in _CURRENCIES.items():
        for form in forms:
            table[form] = UnitInfo(UnitFamily.CURRENCY, code)
    for form in _PEOPLE:
        table[form] = UnitInfo(UnitFamily.PEOPLE, "people")
    for family, canonical, num, den, calendar, forms in _MEASURES:
        for form in forms:
            table[form] = UnitInfo(family, canonical, num, den, calendar)
    return table


UNITS = _build_table()


# Memoised (a pure function of a string): a case writes the same few units over and over, and
# normalising 50k claims should not fold and singularise "USD" 50k times.
@lru_cache(maxsize=4096)
def lookup_unit(unit: str) -> UnitInfo:
    """Resolves a unit as written ("US$", "dollars", "recruits", "months", "permits").

    Unknown units are counts of the thing they name, in the singular ("permits" → "permit"), so
    "5 permits" compares with "7 permit" but never with "5 visas".
    """
    text = fold(unit).rstrip(".")
    if text in UNITS:
        return UNITS[text]
    words = text.split()
    singular_text = " ".join([*words[:-1], singular(words[-1])]) if words else ""
    if singular_text in UNITS:
        return UNITS[singular_text]
    written = unit.strip()
    if (len(written) == 3 and written.isascii() and written.isalpha() and written.isupper()) or (
        text in _ISO_CODES
    ):
        return UnitInfo(UnitFamily.CURRENCY, written.upper())
    return UnitInfo(UnitFamily.COUNT, singular_text)


@lru_cache(maxsize=4096)
def written_unit_key(unit: str) -> str:
    """The written unit resolved but not converted: "€" → "EUR", "Months" → "month"."""
    info = lookup_unit(unit)
    if info.family is UnitFamily.CURRENCY:
        return info.canonical
    words = fold(unit).rstrip(".").split()
    return " ".join([*words[:-1], singular(words[-1])]) if words else ""


def currency_code(unit: str) -> str | None:
    """The ISO code of a currency as written ("€" → "EUR"), or None when it is not money."""
    info = lookup_unit(unit)
    return info.canonical if info.family is UnitFamily.CURRENCY else None


# Rates are compared per month: most pay and cost claims are monthly or yearly, and a year is
# exactly 12 months. Days and weeks convert through the average month (30.4375 days), which is
# a calendar approximation. Hourly rates are not converted at all (see normalise).
RATE_TO_MONTH: dict[Period, tuple[Decimal, Decimal, bool]] = {
    Period.DAY: (DAYS_PER_YEAR, _D(12), True),
    Period.WEEK: (DAYS_PER_YEAR, _D(12) * DAYS_PER_WEEK, True),
    Period.MONTH: (_D(1), _D(1), False),
    Period.YEAR: (_D(1), _D(12), False),
}
