"""What intake proposes: quote, number and date candidates, each pointing into the text it read."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from casefile.domain.enums import Period, Qualifier, QuoteKind


class NumberKind(StrEnum):
    """What a number measures; decides how analysis compares it with others."""

    AMOUNT = "amount"  # money, with a currency
    COUNT = "count"  # people or things counted
    DURATION = "duration"  # days, weeks, months, years
    AGE = "age"  # years of age
    PERCENTAGE = "percentage"
    QUANTITY = "quantity"  # a number whose unit intake could not tell


# Candidates at or above this confidence are proposed: stored by `casefile intake --accept`.
# Below it (scare quotes, a lone "one", a figure the text denies) they are shown marked unsure
# for the reporter to take or leave, and stored only when asked for (`--accept-all`).
PROPOSED = 0.3


@dataclass(frozen=True, slots=True)
class QuoteCandidate:
    """Words a speaker said, quoted (direct) or reported (paraphrase).

    `text == source[start:end]`. When a speaker is known, `speaker == source[speaker_start:
    speaker_end]`: the span may point before the quote, where a pronoun or surname was resolved
    to the full name it stands for, or after it, where a headline's words are someone's later.
    """

    text: str
    start: int
    end: int
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    kind: QuoteKind
    confidence: float


@dataclass(frozen=True, slots=True)
class NumberCandidate:
    """A number claimed in the text, with what it counts (`raw == source[start:end]`)."""

    raw: str
    start: int
    end: int
    value: Decimal
    value_max: Decimal | None
    qualifier: Qualifier
    unit: str
    currency: str | None
    period: Period
    per: str
    subject: str
    kind: NumberKind
    speaker: str | None
    confidence: float


@dataclass(frozen=True, slots=True)
class DateCandidate:
    """A date or year in the text; kept apart from numbers so that years never become claims."""

    raw: str
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None


@dataclass(frozen=True, slots=True)
class IntakeResult:
    """Everything `extract` found in one text, in text order."""

    quotes: tuple[QuoteCandidate, ...]
    numbers: tuple[NumberCandidate, ...]
    dates: tuple[DateCandidate, ...] = ()
