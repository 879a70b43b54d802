"""Claims as short readable text: "$2,000/month", "about 350 people", "3 months"."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

from casefile.analysis.facts import ClaimFacts
from casefile.analysis.interval import ARITH, Interval
from casefile.analysis.normalise import Normalised
from casefile.analysis.units import CURRENCY_SYMBOLS, UnitFamily
from casefile.analysis.words import fold, singular
from casefile.domain.enums import Period, Qualifier

QUALIFIER_WORDS = {
    Qualifier.EXACT: "",
    Qualifier.ABOUT: "about ",
    Qualifier.NEARLY: "nearly ",
    Qualifier.UP_TO: "up to ",
    Qualifier.LESS_THAN: "less than ",
    Qualifier.AT_LEAST: "at least ",
    Qualifier.MORE_THAN: "more than ",
}
_CENTS = Decimal("0.01")
MAX_FIGURES = 3
MAX_CITATIONS = 3


def describe(item: Normalised | ClaimFacts) -> str:
    """The claim as its source put it: "up to €2,000 per fighter per month"."""
    n = item.normalised if isinstance(item, ClaimFacts) else item
    s = n.stated
    one = s.value_max is None and abs(s.value) == 1
    if n.family is UnitFamily.CURRENCY:
        amount = _span(s.value, s.value_max, lambda x: _money(s.unit_key, number_text(x)))
    else:
        amount = _with_unit(n.family, _span(s.value, s.value_max, number_text), s.unit, one)
    return f"{QUALIFIER_WORDS[s.qualifier]}{amount}{_rate_text(s.period, s.per)}"


def describe_compared(n: Normalised) -> str:
    """The claim as it is compared, in canonical units: "$2,173.66/month", "91.31 days"."""
    interval = n.interval
    if n.stated.qualifier in (Qualifier.UP_TO, Qualifier.LESS_THAN) and interval.low == 0:
        interval = Interval(None, interval.high, high_open=interval.high_open)
    if n.family is UnitFamily.CURRENCY:
        amount = _bounds(interval, lambda x: _money(n.unit, rounded_text(x)))
    else:
        amount = _bounds(interval, rounded_text) + _canonical_unit(n, interval)
    return f"{amount}{_rate_text(n.period, n.per)}"


def citation(facts: ClaimFacts) -> str:
    """Who said it and when, as outputs may show it: "Source A, 12 May 2025"."""
    label = facts.source_label or ("unnamed source" if facts.source_id else "unattributed")
    return f"{label}, {date_text(facts.as_of)}" if facts.as_of else label


def cited_figures(facts: Sequence[ClaimFacts]) -> str:
    """Figures with who said them, each figure once: "$1,000/month (A, 12 May 2025; B)".

    Shows the first three figures (and three sources each), then how many claims are left out.
    """
    cited: dict[str, list[ClaimFacts]] = {}
    shown = 0
    for f in facts:
        text = describe(f)
        if text not in cited and len(cited) == MAX_FIGURES:
            break
        cited.setdefault(text, []).append(f)
        shown += 1
    parts = []
    for text, same in cited.items():
        sources = "; ".join(citation(f) for f in same[:MAX_CITATIONS])
        if len(same) > MAX_CITATIONS:
            sources += f"; {len(same) - MAX_CITATIONS} more"
        parts.append(f"{text} ({sources})")
    if shown < len(facts):
        rest = len(facts) - shown
        parts.append(f"{rest} more claim{'' if rest == 1 else 's'}")
    return ", ".join(parts)


def stated_form(facts: ClaimFacts) -> tuple[str, Period]:
    """The unit and period a figure was written in ("USD", "month"), to tell conversions apart."""
    return facts.normalised.stated.unit_key, facts.normalised.stated.period


def date_text(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def number_text(x: Decimal) -> str:
    """Digits as written, grouped by thousands, never in exponent form: 2E+3 → "2,000"."""
    return format(x, ",f")


def rounded_text(x: Decimal) -> str:
    """A computed number for display: at most two decimals, none when it is whole."""
    if x == x.to_integral_value():
        return number_text(x.quantize(Decimal(1), context=ARITH))
    if x.as_tuple().exponent < -2:  # type: ignore[operator]
        x = x.quantize(_CENTS, rounding=ROUND_HALF_EVEN, context=ARITH)
    return number_text(x)


def _span(low: Decimal, high: Decimal | None, show: Callable[[Decimal], str]) -> str:
    if high is None or high == low:
        return show(low)
    return f"{show(min(low, high))}–{show(max(low, high))}"


def _bounds(interval: Interval, show: Callable[[Decimal], str]) -> str:
    low, high = interval.low, interval.high
    if high is None:
        if low is None:
            return "any value"
        return f"{'more than' if interval.low_open else 'at least'} {show(low)}"
    if low is None:
        return f"{'less than' if interval.high_open else 'up to'} {show(high)}"
    if low == high:
        return show(low)
    return f"{show(low)}–{show(high)}"


def _money(code: str, digits: str) -> str:
    symbol = CURRENCY_SYMBOLS.get(code)
    if symbol is None:
        return f"{code} {digits}"
    return f"-{symbol}{digits[1:]}" if digits.startswith("-") else f"{symbol}{digits}"


def _with_unit(family: UnitFamily, amount: str, unit: str, one: bool) -> str:
    if family is UnitFamily.PERCENTAGE:
        return f"{amount}%"
    label = " ".join(unit.split())
    if family is UnitFamily.PEOPLE and fold(label) in ("people", "person", ""):
        label = "person" if one else "people"
    elif family in (UnitFamily.DURATION, UnitFamily.COUNT):
        label = _counted(label, one)
    return f"{amount} {label}" if label else amount


def _counted(label: str, one: bool) -> str:
    """The noun in the number the amount asks for: "3 month" → "3 months", "1 days" → "1 day"."""
    words = label.split()
    if not words or not words[-1].isalpha():
        return label
    last = words[-1]
    single = singular(last.lower())
    if one:
        words[-1] = single if last.lower() != single else last
    elif last.lower() == single:
        words[-1] = _plural(last)
    return " ".join(words)


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("sh", "ch", "x", "z")):
        return word + "es"
    return word + "s"


def _canonical_unit(n: Normalised, interval: Interval) -> str:
    if n.family is UnitFamily.PERCENTAGE:
        return "%"
    one = interval.is_point and interval.low == 1
    if n.family is UnitFamily.PEOPLE:
        return " person" if one else " people"
    if not n.unit:
        return ""
    if n.family in (UnitFamily.DURATION, UnitFamily.COUNT):
        return " " + _counted(n.unit, one)
    return f" {n.unit}"


def _rate_text(period: Period, per: str) -> str:
    per_text = f" per {per}" if per else ""
    if period is Period.TOTAL:
        return per_text
    return f"{per_text} per {period}" if per_text else f"/{period}"
