"""Claimed numbers in one comparable form: unit family, canonical unit, base period, interval."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from casefile.analysis.interval import ARITH, Interval, widened
from casefile.analysis.units import (
    PER_PERSON,
    RATE_TO_MONTH,
    UnitFamily,
    currency_code,
    lookup_unit,
    written_unit_key,
)
from casefile.analysis.words import key_words
from casefile.domain.enums import Period, Qualifier

ROUNDING_ALLOWANCE = Decimal("0.01")
CALENDAR_ALLOWANCE = Decimal("0.03")
EXCHANGE_ALLOWANCE = Decimal("0.02")
ABOUT_BAND = Decimal("0.10")
ROUND_NUMBER_BAND = Decimal("0.20")
BASE_CURRENCY = "USD"

_ZERO = Decimal(0)
_ONE = Decimal(1)
_PER_WORDS = frozenset({"per", "each", "every", "for", "a"})


@dataclass(frozen=True, slots=True)
class Stated:
    """The claim as the source put it, kept for display."""

    value: Decimal
    value_max: Decimal | None
    qualifier: Qualifier
    unit: str
    period: Period
    per: str
    unit_key: str  # the written unit resolved, before conversion: "EUR", "month", "permit"


@dataclass(frozen=True, slots=True)
class Normalised:
    """A claim in comparable form; claims compare only when their `compat` strings are equal."""

    family: UnitFamily
    unit: str  # "USD", "people", "days", "km", "kg", "%", or the singular thing counted
    period: Period  # TOTAL, MONTH (every calendar rate) or HOUR
    per: str  # "" for a total, "person" for per-head figures, else the singular thing
    interval: Interval  # in unit per period, as the claim states it (no allowance)
    allowance: Decimal  # relative slack added to each bound before comparing
    low_key: Decimal  # the widened bounds compared by detection; ±Infinity when unbounded
    high_key: Decimal
    stated: Stated
    converted: bool  # True when the comparable form differs from what was written
    compat: str  # "family:unit:period:per"
    note: str = ""  # how a conversion was made, e.g. "1 EUR = 1.08 USD"


# The six positional parameters are the claim's own columns, in the order a claim lists them.
def normalise(  # noqa: PLR0917
    value: Decimal,
    value_max: Decimal | None,
    qualifier: Qualifier | str,
    unit: str,
    period: Period | str,
    per: str,
    *,
    rates: Mapping[str, Decimal] | None = None,
    base_currency: str = BASE_CURRENCY,
) -> Normalised:
    """The comparable form of one claim. Never raises on values a claim can hold.

    Conventions (each chosen so that a flagged difference is one a reporter would ask about):

    * Rates are compared **per month**. A year is exactly 12 months; a day and a week convert
      through the average month of 30.4375 days (365.25 / 12), so $100/week is $434.82/month. Hourly
      rates are **not converted**: hours worked per month range from 160 (office week) to 300 and
      more (fighters, domestic workers), so $10/hour compares only with other hourly rates.
    * Durations are compared **in days**: week 7, month 30.4375, year 365.25, fortnight 14, decade
      3652.5, hour 1/24. Distances in km, weights in kg, percentages as percentage points.
    * `per` keeps per-head figures apart from totals: "per fighter", "per head", "each" and every
      people word mean "per person"; any other thing ("per family") is kept as written, singular.
    * Intervals: exact X → [X, X]; range → [value, value_max]; up to X → [0, X];
      less than X → [0, X); at least X → [X, ∞); more than X → (X, ∞); nearly X → [X − band, X);
      about X → X ± band. The band is 10 % of X, or 20 % when X has one significant digit (300,
      2,000, 0.5): a source who rounds that far is saying "somewhere around", and the wider band
      keeps "about 2,000" consistent with 2,300. Up to / less than a negative X have no lower bound.
      Open ends are kept in `interval` for display; comparisons widen every bound (below), so a
      shared endpoint never makes a conflict.
    * Money in another currency is **not converted silently**: without a rate on the case, EUR only
      compares with EUR. With `rates={"EUR": Decimal("1.08")}` (1 EUR = 1.08 units of
      `base_currency`, USD unless the caller says otherwise), EUR figures become USD figures.
    * Comparison allowance: every bound is widened by 1 % (sources round, and round what they
      convert: $1,000/year is "$83/month"), plus 3 % when calendar months are involved (a month
      lasts 28 to 31 days: "3 months" vs "90 days", "$500/week" vs "$2,150/month"), plus 2 % after a
      currency conversion (rates move). Two claims conflict only when even their widened intervals
      are apart, so figures within about 2 % of each other never do ("$1,980" vs "$2,000" is a
      rounding, not a story), and a shared endpoint ("more than 2,000" vs "2,000") is never a
      conflict.
    """
    qualifier = Qualifier(qualifier)
    period = Period(period)
    info = lookup_unit(unit)
    low, high = (value, value) if value_max is None else sorted((value, value_max))
    num, den = info.num, info.den
    calendar = info.calendar
    allowance = ROUNDING_ALLOWANCE
    canonical, note = info.canonical, ""
    base = currency_code(base_currency) or base_currency.strip().upper()
    if info.family is UnitFamily.CURRENCY and canonical != base:
        rate = _rate(rates, canonical)
        if rate is not None:
            num, note = ARITH.multiply(num, rate), f"1 {canonical} = {rate} {base}"
            canonical = base
            allowance += EXCHANGE_ALLOWANCE
    base_period = period
    if period in RATE_TO_MONTH:
        period_num, period_den, period_calendar = RATE_TO_MONTH[period]
        num, den = ARITH.multiply(num, period_num), ARITH.multiply(den, period_den)
        calendar = calendar or period_calendar
        base_period = Period.MONTH
    if calendar:
        allowance += CALENDAR_ALLOWANCE
    interval = _scaled(_stated_interval(low, high, qualifier), num, den)
    low_key, high_key = widened(interval, allowance)
    per_key = normalise_per(per)
    return Normalised(
        family=info.family,
        unit=canonical,
        period=base_period,
        per=per_key,
        interval=interval,
        allowance=allowance,
        low_key=low_key,
        high_key=high_key,
        stated=Stated(
            value,
            value_max,
            qualifier,
            unit.strip(),
            period,
            _per_label(per),
            written_unit_key(unit),
        ),
        converted=num != den or canonical != info.canonical,
        compat=f"{info.family}:{canonical}:{base_period}:{per_key}",
        note=note,
    )


@lru_cache(maxsize=4096)  # pure, and a case repeats the same few wordings
def normalise_per(per: str) -> str:
    """The key of what a figure is per: "" for totals, "person" for any per-head wording."""
    words = key_words(per)
    if words == ["each"]:
        return "person"
    while words and words[0] in _PER_WORDS:
        words = words[1:]
    text = " ".join(words)
    return "person" if text in PER_PERSON else text


def comparable(a: Normalised, b: Normalised) -> bool:
    return a.compat == b.compat


def overlaps(a: Normalised, b: Normalised) -> bool:
    """True when two comparable claims can both be true within the allowance."""
    return comparable(a, b) and a.low_key <= b.high_key and b.low_key <= a.high_key


def why_not_comparable(a: Normalised, b: Normalised) -> str | None:
    """One sentence saying why two claims cannot be compared, or None when they can."""
    if a.family is not b.family:
        return f"{a.family} vs {b.family}: different kinds of quantity"
    if a.unit != b.unit:
        if a.family is UnitFamily.CURRENCY:
            return f"{a.unit} vs {b.unit}: no exchange rate on the case"
        return f"{a.unit or 'no unit'} vs {b.unit or 'no unit'}: different things counted"
    if a.period is not b.period:
        if Period.HOUR in (a.period, b.period):
            return "hourly vs other rates: the hours worked are unknown"
        return "a rate vs a total"
    if a.per != b.per:
        return f"{_per_text(a.per)} vs {_per_text(b.per)}"
    return None


def _per_text(per: str) -> str:
    return f"per {per}" if per else "total"


def _per_label(per: str) -> str:
    text = " ".join(per.split())
    return text[4:] if text.casefold().startswith("per ") else text


def _rate(rates: Mapping[str, Decimal] | None, code: str) -> Decimal | None:
    """The case's rate for a currency, or None when there is none usable (never raises)."""
    if not rates:
        return None
    for key, raw in rates.items():
        if (currency_code(key) or key.strip().upper()) != code:
            continue
        try:
            rate = raw if isinstance(raw, Decimal) else Decimal(str(raw))
        except (InvalidOperation, ValueError):
            return None
        return rate if rate.is_finite() and rate > 0 else None
    return None


def about_band(x: Decimal) -> Decimal:
    """Half the width of "about x": 10 % of x, or 20 % when x has one significant digit."""
    if not x:
        return _ZERO
    digits = x.normalize(ARITH).as_tuple().digits
    fraction = ROUND_NUMBER_BAND if len(digits) == 1 else ABOUT_BAND
    return ARITH.multiply(abs(x), fraction)


def _stated_interval(low: Decimal, high: Decimal, qualifier: Qualifier) -> Interval:
    match qualifier:
        case Qualifier.EXACT:
            return Interval(low, high)
        case Qualifier.ABOUT:
            return Interval(ARITH.subtract(low, about_band(low)), ARITH.add(high, about_band(high)))
        case Qualifier.NEARLY:
            return Interval(ARITH.subtract(low, about_band(low)), high, high_open=True)
        case Qualifier.UP_TO:
            return Interval(_ZERO if high >= 0 else None, high)
        case Qualifier.LESS_THAN:
            return Interval(_ZERO if high > 0 else None, high, high_open=True)
        case Qualifier.AT_LEAST:
            return Interval(low, None)
        case Qualifier.MORE_THAN:
            return Interval(low, None, low_open=True)


def _scaled(interval: Interval, num: Decimal, den: Decimal) -> Interval:
    """The interval times num/den (both positive): multiplied first, so one rounding at most."""
    if num == den:
        return interval

    def scale(x: Decimal | None) -> Decimal | None:
        return None if x is None else ARITH.divide(ARITH.multiply(x, num), den)

    return Interval(
        scale(interval.low), scale(interval.high), interval.low_open, interval.high_open
    )
