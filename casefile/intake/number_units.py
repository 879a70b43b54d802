"""What a number measures: money, a share, a duration, an age or a count of something."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from casefile.domain.enums import Period, Qualifier
from casefile.intake import number_context as around
from casefile.intake.candidates import NumberKind
from casefile.intake.lazy import LazyPattern
from casefile.intake.number_lexicon import (
    PEOPLE,
    QUALIFIER_AFTER,
    TIME_UNIT_FACTOR,
    TIME_UNITS,
    qualifier_after,
)
from casefile.intake.number_tokens import tidy
from casefile.intake.speakers import NAME
from casefile.intake.table_headers import header_reading

_INTEREST = re.compile(r"[ \t]+(?:interest|growth|inflation)\b", re.IGNORECASE)
_PERCENT = re.compile(r"[ \t]?%|[ \t]+(?:percent|per[ \t]+cent|pct)\b", re.IGNORECASE)
_TIME_UNIT = re.compile(
    r"(?:[ \t]+|-)(?P<unit>hours?|days?|weeks?|fortnights?|months?|years?|decades?|minutes?)"
    r"(?:-long)?\b",
    re.IGNORECASE,
)
_OLD = re.compile(r"(?:-|[ \t]+)old\b", re.IGNORECASE)
_OF_WHAT = re.compile(
    r"[ \t]+of[ \t]+(?:the[ \t]+|their[ \t]+|his[ \t]+|her[ \t]+)?(?P<noun>[a-z][\w-]{2,})\b"
)
_WHO = re.compile(r"[ \t]+who\b")
_AGO = re.compile(r"[ \t]+(?:ago|earlier|later|before|after)\b", re.IGNORECASE)
_IN_NOUN = re.compile(r"[ \t]+(?:in|of)[ \t]+(?P<noun>[a-z]+s)\b")
_OF = re.compile(r"[ \t]+of(?:[ \t]+(?:the|all|its|their))?[ \t]")
_INHERIT_REACH = 1000


@dataclass(frozen=True, slots=True)
class Reading:
    """A number being read, before it becomes a candidate."""

    start: int
    end: int
    value: Decimal
    value_max: Decimal | None = None
    qualifier: Qualifier = Qualifier.EXACT
    currency: str | None = None
    unit: str = ""
    period: Period = Period.TOTAL
    per: str = ""
    subject: str = ""
    kind: NumberKind = NumberKind.QUANTITY
    confidence: float = 0.2


def with_unit(text: str, reading: Reading, earlier: list[Reading]) -> Reading | None:
    percent = _PERCENT.match(text, reading.end)
    if percent:
        # "24% a year", "5% interest a month": a rate of interest or of growth
        interest = _INTEREST.match(text, percent.end())
        _, period, _ = around.rate_after(text, interest.end() if interest else percent.end())
        reading = replace(
            reading,
            end=percent.end(),
            unit="percent",
            kind=NumberKind.PERCENTAGE,
            period=period or Period.TOTAL,
            confidence=0.9,
        )
        return with_share_of(text, reading)
    if reading.currency or reading.unit:
        return _amount(text, reading, earlier)
    time_unit = _TIME_UNIT.match(text, reading.end)
    if time_unit:
        return _duration(text, reading, time_unit)
    if (
        around.age_before(text, reading.start)
        or around.age_in_clause(text, reading.start, reading.end)
        or (
            reading.value_max is None
            and around.age_in_apposition(text, reading.start, reading.end)
            and reading.value == reading.value.to_integral_value()
            and 1 <= reading.value <= 120
        )
    ):
        return replace(
            reading,
            unit="years",
            kind=NumberKind.AGE,
            subject=_age_of(text, reading.start),
            confidence=0.85,
        )
    return _count(text, reading, earlier)


# Whose age: "K. Ramesh, 29,", "Ahmed* (27)", "recruits aged 19", "a Cambodian fisher, 26,".
_WHOSE_AGE = LazyPattern(
    rf"(?:(?P<name>{NAME})|(?P<noun>[a-z][\w-]*))[*†‡]?"
    rf"(?:,[ \t]*(?:then[ \t]+|now[ \t]+)?(?:aged[ \t]+)?|[ \t]*\([ \t]*(?:aged[ \t]+)?"
    rf"|[ \t]+aged[ \t]+(?:between[ \t]+)?)$"
)


def _age_of(text: str, start: int) -> str:
    """The subject of an age: whose it is, so that two people's ages are never set against
    each other, while two figures for one person's age are."""
    found = _WHOSE_AGE.search(text, max(0, start - 80), start)
    if found is None:
        return "age"
    who = (found.group("name") or found.group("noun")).rstrip("*†‡")
    return f"age of {who.lower() if who.lower() in PEOPLE else who}"  # "Recruits aged 19"


def _amount(text: str, reading: Reading, earlier: list[Reading]) -> Reading:
    qualified = _qualifier_after(text, reading.end, reading)  # "$500 or so"
    end, period, per = around.rate_after(text, qualified.end)
    period = (
        period
        or around.period_adjective_before(text, reading.start)
        or _rate_said_before(text, reading, earlier)
        or Period.TOTAL
    )
    subject = around.subject_before(text, reading.start, count=False)
    if not subject:
        in_noun = _IN_NOUN.match(text, end)
        subject = in_noun.group("noun") if in_noun else ""
    return replace(
        reading,
        end=end,
        unit=reading.currency or reading.unit,
        period=period,
        per=per,
        qualifier=qualified.qualifier,
        subject=subject,
        kind=NumberKind.AMOUNT,
        confidence=0.9 if reading.currency else 0.75,
    )


@dataclass(frozen=True, slots=True)
class _End:
    end: int
    qualifier: Qualifier


def _qualifier_after(text: str, position: int, reading: Reading) -> _End:
    match = QUALIFIER_AFTER.match(text, position)
    if not match or reading.qualifier is not Qualifier.EXACT:
        return _End(position, reading.qualifier)
    word = match.group("words") or match.group("odd") or match.group("plus")
    return _End(match.end(), qualifier_after(word))


def _duration(text: str, reading: Reading, time_unit: re.Match[str]) -> Reading | None:
    word = time_unit.group("unit").lower().rstrip("s")
    end = time_unit.end()
    if _AGO.match(text, end):
        return None  # "three years ago" dates something; it does not claim a duration
    factor = TIME_UNIT_FACTOR.get(word, 1)
    value = tidy(reading.value * factor)
    value_max = tidy(reading.value_max * factor) if reading.value_max is not None else None
    old = _OLD.match(text, end)
    if old:
        aged = around.counted_after(text, old.end(), False)
        return replace(
            reading,
            end=old.end(),
            value=value,
            value_max=value_max,
            unit=TIME_UNITS[word],
            kind=NumberKind.AGE,
            subject=f"age of {aged.subject}" if aged else _age_of(text, reading.start),
            confidence=0.85,
        )
    end, period, per = around.rate_after(text, end)
    qualified = _qualifier_after(text, end, reading)
    subject = ""
    if time_unit.group().startswith("-"):  # "three-month contracts": the contracts last
        counted = around.counted_after(text, qualified.end, True)
        subject = counted.subject if counted else ""
    elif of_what := _OF_WHAT.match(text, qualified.end):  # "15 days of training"
        subject = of_what.group("noun")
    return replace(
        reading,
        end=qualified.end,
        value=value,
        value_max=value_max,
        unit=TIME_UNITS[word],
        period=period or Period.TOTAL,
        per=per,
        qualifier=qualified.qualifier,
        subject=subject,
        kind=NumberKind.DURATION,
        confidence=0.8,
    )


def _count(text: str, reading: Reading, earlier: list[Reading]) -> Reading:
    qualified = _qualifier_after(text, reading.end, reading)
    reading = replace(reading, qualifier=qualified.qualifier)
    counted = around.counted_after(text, qualified.end, reading.value == 1)
    if counted and counted.unit == "others":  # "14 Nepalis and about 100 others": Nepalis
        before = _previous_count(earlier, reading.start)
        counted = replace(counted, unit=before.unit) if before else counted
    if counted and counted.unit:
        confidence = 0.85 if counted.unit == "people" else 0.7
        _, period, per = around.rate_after(text, counted.end)
        return replace(
            reading,
            end=qualified.end,
            subject=counted.subject,
            unit=counted.unit,
            period=period or Period.TOTAL,
            per=per,
            kind=NumberKind.COUNT,
            confidence=confidence,
        )
    if counted:  # "40 of them": the unit of the count they belong to
        before = _previous_count(earlier, reading.start)
        if before is not None:
            return replace(
                reading,
                end=qualified.end,
                subject=counted.subject,
                unit=before.unit,
                kind=NumberKind.COUNT,
                confidence=0.6,
            )
    if _WHO.match(text, qualified.end):  # "I know of four who died"
        return replace(
            reading, end=qualified.end, unit="people", kind=NumberKind.COUNT, confidence=0.6
        )
    state = around.people_by_state(text, qualified.end)
    if state:
        return replace(
            reading,
            end=qualified.end,
            subject=state,
            unit="people",
            kind=NumberKind.COUNT,
            confidence=0.75,
        )
    contrasted = _contrasted(text, reading, earlier) or _paid_at_a_rate(text, reading, earlier)
    if contrasted is not None:
        return contrasted
    subject = around.subject_before(text, reading.start, count=True)
    unit = around.people_or_noun(subject)
    if subject:
        kind = NumberKind.COUNT if unit else NumberKind.QUANTITY
        return replace(
            reading,
            end=qualified.end,
            subject=subject,
            unit=unit,
            kind=kind,
            confidence=0.6 if unit else 0.35,
        )
    return replace(reading, end=qualified.end, confidence=0.2)


def _contrasted(text: str, reading: Reading, earlier: list[Reading]) -> Reading | None:
    """ "400 dollars, not 1,200": the bare number is in the unit of the amount before it."""
    if not earlier or earlier[-1].kind is not NumberKind.AMOUNT:
        return None
    before = earlier[-1]
    if not around.set_against(text, before.end, reading.start):
        return None
    return replace(
        reading,
        currency=before.currency,
        unit=before.unit,
        period=before.period,
        kind=NumberKind.AMOUNT,
        confidence=0.6,
    )


def _rate_said_before(text: str, reading: Reading, earlier: list[Reading]) -> Period | None:
    """ "cut from $18 an hour ... the rate had been $15, not $18": an amount called the rate,
    with no period of its own, is at the rate of the last amount in its currency that had one."""
    if not _RATE_WORD.search(text, max(0, reading.start - _RATE_WORD_REACH), reading.start):
        return None
    for before in reversed(earlier):
        if reading.start - before.end > _INHERIT_REACH:
            return None
        if before.currency == reading.currency and before.period is not Period.TOTAL:
            return before.period
    return None


_RATE_WORD = re.compile(r"\b(?:rate|rates|hourly|daily|weekly|monthly)\b", re.IGNORECASE)
_RATE_WORD_REACH = 40


def _paid_at_a_rate(text: str, reading: Reading, earlier: list[Reading]) -> Reading | None:
    """ "fifteen hundred euros a month ... then three hundred and fifty a month for a bed": a
    bare number paid at a rate is money, in the currency of the amount just before it."""
    end, period, per = around.rate_after(text, reading.end)
    if period is None or period is Period.TOTAL:
        return None
    before = next((r for r in reversed(earlier) if r.kind is NumberKind.AMOUNT), None)
    if before is None or before.currency is None or reading.start - before.end > _RATE_REACH:
        return None
    return replace(
        reading,
        end=end,
        currency=before.currency,
        unit=before.unit,
        period=period,
        per=per,
        kind=NumberKind.AMOUNT,
        confidence=0.5,
    )


_RATE_REACH = 300  # characters: the same paragraph, about


def _previous_count(earlier: list[Reading], position: int) -> Reading | None:
    for reading in reversed(earlier):
        if position - reading.end > _INHERIT_REACH:
            return None
        if reading.kind is NumberKind.COUNT and reading.unit:
            return reading
    return None


def with_share_of(text: str, reading: Reading) -> Reading:
    """ "15% of recruits": the percentage is a share of the recruits."""
    of = _OF.match(text, reading.end)
    counted = around.counted_after(text, of.end() - 1, False) if of else None
    return replace(reading, subject=counted.subject) if counted else reading


def in_table(reading: Reading, header: str, row_label: str) -> Reading | None:
    found = header_reading(header)
    if found.is_date:
        return None
    subject = f"{found.subject} ({row_label})" if row_label and found.subject else found.subject
    kind = found.kind or NumberKind.QUANTITY
    return replace(
        reading,
        currency=found.currency,
        unit=found.unit,
        period=found.period,
        subject=subject or row_label,
        kind=kind,
        confidence=0.8 if found.unit else 0.4,
    )
