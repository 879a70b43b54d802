"""Number candidates: each number claimed in a text, with its unit, rate, qualifier and subject."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from casefile.domain.enums import Period, Qualifier
from casefile.intake import number_context as around
from casefile.intake.candidates import NumberCandidate, NumberKind, QuoteCandidate
from casefile.intake.dates import NotClaims, find_dates, is_reference
from casefile.intake.number_lexicon import (
    CURRENCY_CODE_AFTER,
    CURRENCY_WORD_AFTER,
    QUALIFIER_AFTER,
    TIME_UNIT_FACTOR,
    TIME_UNITS,
    currency_of_word,
    qualifier_after,
)
from casefile.intake.number_tokens import NumberToken, apply_suffix, number_tokens, tidy
from casefile.intake.quotes import find_quotes
from casefile.intake.speakers_of_numbers import speaker_finder
from casefile.intake.table_headers import header_reading
from casefile.intake.tables import TableCells, find_tables

_PERCENT = re.compile(r"[ \t]?%|[ \t]+(?:percent|per[ \t]+cent|pct)\b", re.IGNORECASE)
_RANGE_JOINER = re.compile(
    r"[ \t]*(?P<joiner>-|–|—|to|and|or)[ \t]*(?:US\$|R\$|\$|€|£)?[ \t]*", re.IGNORECASE
)
_TIME_UNIT = re.compile(
    r"(?:[ \t]+|-)(?P<unit>hours?|days?|weeks?|fortnights?|months?|years?|decades?|minutes?)"
    r"(?:-long)?\b",
    re.IGNORECASE,
)
_OLD = re.compile(r"(?:-|[ \t]+)old\b", re.IGNORECASE)
_AGO = re.compile(r"[ \t]+(?:ago|earlier|later|before|after)\b", re.IGNORECASE)
_IN_NOUN = re.compile(r"[ \t]+(?:in|of)[ \t]+(?P<noun>[a-z]+s)\b")
_WEIGHT_OF = re.compile(r"[ \t]+of\b")
_INHERIT_REACH = 1000


@dataclass(frozen=True, slots=True)
class _Reading:
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


def extract_numbers(
    text: str, *, quotes: Sequence[QuoteCandidate] | None = None
) -> list[NumberCandidate]:
    """Every number claimed in `text` (dates and years excluded: see `extract_dates`)."""
    return find_numbers(text, quotes)


def find_numbers(
    text: str,
    quotes: Sequence[QuoteCandidate] | None = None,
    not_claims: NotClaims | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[NumberCandidate]:
    """`extract_numbers`, reusing quotes and dates already found, reporting `progress(position)`."""
    not_claims = not_claims if not_claims is not None else find_dates(text)
    quotes = quotes if quotes is not None else find_quotes(text)
    tables = find_tables(text)
    skip = not_claims.spans
    skip_starts = [s for s, _ in skip]
    tokens = [t for t in number_tokens(text) if not _covered(t, skip, skip_starts)]
    speaker_of = speaker_finder(text, quotes)
    readings: list[_Reading] = []
    consumed: set[int] = set()
    for index, token in enumerate(tokens):
        if index in consumed:
            continue
        reading = _read(text, tokens, index, consumed=consumed, tables=tables, earlier=readings)
        if reading is not None:
            readings.append(reading)
        if progress is not None and index % 256 == 0:
            progress(token.start)
    return [_candidate(text, r, speaker_of(r.start, r.end)) for r in readings]


def _covered(token: NumberToken, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    index = bisect_right(starts, token.start) - 1
    while index >= 0 and index >= bisect_right(starts, token.start) - 3:
        start, end = spans[index]
        if start <= token.start < end or (token.start <= start < token.end):
            return True
        index -= 1
    following = bisect_right(starts, token.start)
    return following < len(spans) and spans[following][0] < token.end


def _read(
    text: str,
    tokens: list[NumberToken],
    index: int,
    *,
    consumed: set[int],
    tables: TableCells,
    earlier: list[_Reading],
) -> _Reading | None:
    token = tokens[index]
    if is_reference(text, token.start):
        return None
    start = token.start
    currency: str | None = None
    found_currency = around.currency_before(text, start)
    if found_currency:
        start, currency = found_currency
    if token.suffix:
        if currency is None:
            return None  # "5m" without a currency is five metres, not five million
        token = apply_suffix(token)
    qualifier = Qualifier.EXACT
    found_qualifier = around.qualifier_before(text, start)
    if found_qualifier:
        start, qualifier = found_qualifier
    reading = _Reading(start, token.end, token.value, qualifier=qualifier, currency=currency)
    reading = _with_money_word(text, reading)
    reading = _with_range(text, tokens, index, consumed, reading)
    reading = _with_money_word(text, reading)
    if reading.currency is None:
        cell = tables.at(token.start)
        if cell is not None:
            return _in_table(reading, cell.header, cell.row_label)
    return _with_unit(text, reading, earlier)


def _with_money_word(text: str, reading: _Reading) -> _Reading:
    code = CURRENCY_CODE_AFTER.match(text, reading.end)
    if code and reading.currency is None:
        return replace(reading, end=code.end(), currency=code.group().strip(), unit="")
    word = CURRENCY_WORD_AFTER.match(text, reading.end)
    if not word or reading.currency is not None:
        return reading
    currency, unit = currency_of_word(word.group("word"), word.group("adjective"))
    if unit.startswith("pound") and _WEIGHT_OF.match(text, word.end()):
        return replace(reading, end=word.end(), unit="pounds", kind=NumberKind.QUANTITY)
    return replace(reading, end=word.end(), currency=currency, unit="" if currency else unit)


def _with_range(
    text: str, tokens: list[NumberToken], index: int, consumed: set[int], reading: _Reading
) -> _Reading:
    if index + 1 >= len(tokens):
        return reading
    joiner = _RANGE_JOINER.match(text, reading.end)
    following = tokens[index + 1]
    if not joiner or joiner.end() != following.start:
        return reading
    opening = around.range_opening(text, reading.start)
    word = joiner.group("joiner").lower()
    if word == "and" and not (opening and opening[1] == "between"):
        return reading
    if word == "to" and opening and opening[1] == "between":
        return reading
    second = apply_suffix(following) if following.suffix and reading.currency else following
    if following.suffix and not reading.currency:
        return reading
    low = reading.value
    if second.scaled and low < second.value and low * 1000 <= second.value:
        scale = Decimal(10) ** (len(str(int(second.value))) - len(str(int(low))) - 1)
        low = tidy(low * scale) if low * scale < second.value else low
    if second.value <= low:
        return reading
    consumed.add(index + 1)
    start = opening[0] if opening else reading.start
    if reading.qualifier is not Qualifier.EXACT:
        start = reading.start
    return replace(
        reading, start=min(start, reading.start), end=second.end, value=low, value_max=second.value
    )


def _with_unit(text: str, reading: _Reading, earlier: list[_Reading]) -> _Reading | None:
    percent = _PERCENT.match(text, reading.end)
    if percent:
        reading = replace(
            reading, end=percent.end(), unit="percent", kind=NumberKind.PERCENTAGE, confidence=0.9
        )
        return _with_of_subject(text, reading)
    if reading.currency or reading.unit:
        return _amount(text, reading)
    time_unit = _TIME_UNIT.match(text, reading.end)
    if time_unit:
        return _duration(text, reading, time_unit)
    if around.age_before(text, reading.start) or (
        reading.value_max is None
        and around.age_in_apposition(text, reading.start, reading.end)
        and reading.value == reading.value.to_integral_value()
        and 1 <= reading.value <= 120
    ):
        return replace(reading, unit="years", kind=NumberKind.AGE, confidence=0.85)
    return _count(text, reading, earlier)


def _amount(text: str, reading: _Reading) -> _Reading:
    qualified = _qualifier_after(text, reading.end, reading)  # "$500 or so"
    end, period, per = around.rate_after(text, qualified.end)
    period = period or around.period_adjective_before(text, reading.start) or Period.TOTAL
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


def _qualifier_after(text: str, position: int, reading: _Reading) -> _End:
    match = QUALIFIER_AFTER.match(text, position)
    if not match or reading.qualifier is not Qualifier.EXACT:
        return _End(position, reading.qualifier)
    word = match.group("words") or match.group("odd") or match.group("plus")
    return _End(match.end(), qualifier_after(word))


def _duration(text: str, reading: _Reading, time_unit: re.Match[str]) -> _Reading | None:
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
            subject=aged.subject if aged else "",
            confidence=0.85,
        )
    end, period, per = around.rate_after(text, end)
    qualified = _qualifier_after(text, end, reading)
    subject = ""
    if time_unit.group().startswith("-"):  # "three-month contracts": the contracts last
        counted = around.counted_after(text, qualified.end, True)
        subject = counted.subject if counted else ""
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


def _count(text: str, reading: _Reading, earlier: list[_Reading]) -> _Reading:
    qualified = _qualifier_after(text, reading.end, reading)
    reading = replace(reading, qualifier=qualified.qualifier)
    counted = around.counted_after(text, qualified.end, reading.value == 1)
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


def _previous_count(earlier: list[_Reading], position: int) -> _Reading | None:
    for reading in reversed(earlier):
        if position - reading.end > _INHERIT_REACH:
            return None
        if reading.kind is NumberKind.COUNT and reading.unit:
            return reading
    return None


def _with_of_subject(text: str, reading: _Reading) -> _Reading:
    counted = around.counted_after(text, reading.end, False)
    if counted and counted.subject and text.startswith(" of", reading.end):
        return replace(reading, subject=counted.subject)
    return reading


def _in_table(reading: _Reading, header: str, row_label: str) -> _Reading | None:
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


def _candidate(text: str, reading: _Reading, speaker: str | None) -> NumberCandidate:
    return NumberCandidate(
        raw=text[reading.start : reading.end],
        start=reading.start,
        end=reading.end,
        value=reading.value,
        value_max=reading.value_max,
        qualifier=reading.qualifier,
        unit=reading.unit,
        currency=reading.currency,
        period=reading.period,
        per=reading.per,
        subject=reading.subject,
        kind=reading.kind,
        speaker=speaker,
        confidence=reading.confidence,
    )
