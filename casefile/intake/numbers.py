"""Number candidates: each number claimed in a text, with its unit, rate, qualifier and subject."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import replace

from casefile.domain.enums import Qualifier
from casefile.intake import number_context as around
from casefile.intake.candidates import NumberCandidate, NumberKind, QuoteCandidate
from casefile.intake.currency_context import settle_currencies
from casefile.intake.dates import NotClaims, find_dates, is_reference
from casefile.intake.fractions import fraction_readings
from casefile.intake.layout import unwrapped
from casefile.intake.number_lexicon import (
    CURRENCY_CODE_AFTER,
    CURRENCY_SYMBOLS,
    CURRENCY_WORD_AFTER,
    LETTER_PREFIXES,
    currency_of_word,
)
from casefile.intake.number_tokens import NumberToken, apply_suffix, number_tokens, tidy
from casefile.intake.number_units import Reading, in_table, with_unit
from casefile.intake.quotes import find_quotes
from casefile.intake.speakers_of_numbers import speaker_finder
from casefile.intake.tables import TableCells, find_tables

# "between $1,500 and $2,000", "₹50,000 to ₹1 lakh", "Rs 8 to Rs 10 lakh": the second
# figure may repeat the currency.
_SECOND_CURRENCY = "|".join(
    re.escape(written)
    for written in sorted([*CURRENCY_SYMBOLS, *LETTER_PREFIXES], key=len, reverse=True)
)
_RANGE_JOINER = re.compile(
    rf"[ \t]*(?P<joiner>-|–|—|to|and|or)[ \t]*(?:(?:{_SECOND_CURRENCY})\.?)?[ \t]*",
    re.IGNORECASE,
)
_DENIED = re.compile(r"\b(?:not|never|rather[ \t]+than|instead[ \t]+of)[ \t]+$", re.IGNORECASE)
_DENIED_CONFIDENCE = 0.25
_WEIGHT_OF = re.compile(r"[ \t]+of\b")  # "50 pounds of rice" is a weight


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
    # Read on the text with wrapped prose rejoined ("£400 a\nweek"), offsets unchanged; raw
    # spellings still come from the text itself.
    prose = unwrapped(text)
    skip = not_claims.spans
    skip_starts = [s for s, _ in skip]
    shares = fraction_readings(prose)
    skip = sorted([*skip, *((r.start, r.end) for r in shares)])
    skip_starts = [s for s, _ in skip]
    tokens = [t for t in number_tokens(prose) if not _covered(t, skip, skip_starts)]
    speaker_of = speaker_finder(text, quotes)
    readings: list[Reading] = []
    consumed: set[int] = set()
    for index, token in enumerate(tokens):
        if index in consumed:
            continue
        reading = _read(prose, tokens, index, consumed=consumed, tables=tables, earlier=readings)
        if reading is not None and _DENIED.search(prose, max(0, reading.start - 20), reading.start):
            # "$15, not $18": a figure the speaker denies is nobody's claim; shown, unsure
            reading = replace(reading, confidence=min(reading.confidence, _DENIED_CONFIDENCE))
        if reading is not None:
            readings.append(reading)
        if progress is not None and index % 256 == 0:
            progress(token.start)
    readings = settle_currencies(prose, sorted([*readings, *shares], key=lambda r: r.start))
    return [_candidate(text, r, speaker_of(r.start, r.end)) for r in readings]


def _covered(token: NumberToken, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """True when a date, time or code overlaps the token (spans sorted by start)."""
    last = bisect_left(starts, token.end) - 1
    return any(
        start < token.end and token.start < end for start, end in spans[max(0, last - 4) : last + 1]
    )


def _read(
    text: str,
    tokens: list[NumberToken],
    index: int,
    *,
    consumed: set[int],
    tables: TableCells,
    earlier: list[Reading],
) -> Reading | None:
    token = tokens[index]
    if is_reference(text, token.start):
        return None
    start = token.start
    currency: str | None = None
    money_word = ""
    found_currency = around.currency_before(text, start)
    if found_currency:
        start, currency = found_currency
    elif letters := around.letters_before(text, start):
        start, currency, money_word = letters
    if token.suffix:
        counted = around.counted_after(text, token.end, False)
        if currency is None and not money_word and not (counted and counted.unit):
            return None  # "5m" is five metres; "$5m" and "1.2m visas" are millions
        token = apply_suffix(token)
    qualifier = Qualifier.EXACT
    found_qualifier = around.qualifier_before(text, start)
    if found_qualifier:
        start, qualifier = found_qualifier
    reading = Reading(
        start, token.end, token.value, qualifier=qualifier, currency=currency, unit=money_word
    )
    reading = _with_money_word(text, reading)
    reading = _with_range(text, tokens, index, consumed, reading)
    reading = _with_money_word(text, reading)
    if reading.currency is None:
        cell = tables.at(token.start)
        if cell is not None:
            return in_table(reading, cell.header, cell.row_label)
    return with_unit(text, reading, earlier)


def _with_money_word(text: str, reading: Reading) -> Reading:
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
    text: str, tokens: list[NumberToken], index: int, consumed: set[int], reading: Reading
) -> Reading:
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
    if second.scaled and not tokens[index].scaled and low * second.scale <= second.value:
        low = tidy(low * second.scale)  # "between 1.5 and 2 million": both are millions
    if second.value <= low:
        return reading
    consumed.add(index + 1)
    start = opening[0] if opening else reading.start
    if reading.qualifier is not Qualifier.EXACT:
        start = reading.start
    return replace(
        reading, start=min(start, reading.start), end=second.end, value=low, value_max=second.value
    )


def _candidate(text: str, reading: Reading, speaker: str | None) -> NumberCandidate:
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
