"""The pair table: two claims each, and what detection must make of them, in both orders."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tests.core.analysis.build import (
    AGREE,
    CONFLICT,
    MAY_14,
    NOT_COMPARABLE,
    NOT_COMPARED,
    ONE_STATEMENT,
    Said,
    verdict,
)

B = "B"  # a second, independent source; claims come from source A on 12 May unless told
RATE = {"EUR": Decimal("1.08")}  # 1 EUR = 1.08 USD, for the rows that put a rate on the case


def pair(name: str, first: Said, second: Said, expected: str, rates: Any = None) -> Any:
    return pytest.param(first, second, expected, rates, id=name)


def usd(value: str, **kw: Any) -> Said:
    """Dollars per month unless told otherwise."""
    return Said(value, "$", **{"period": "month", **kw})


def people(value: str, **kw: Any) -> Said:
    return Said(value, "people", **{"subject": "fighters in the brigade", **kw})


def lasting(value: str, unit: str, **kw: Any) -> Said:
    return Said(value, unit, **{"subject": "contract length", **kw})


# fmt: off
PAIRS = [
    # Equal, near and far.
    pair("equal", usd("2000"), usd("2000", source=B), AGREE),
    pair("disjoint", usd("2000"), usd("1000", source=B), CONFLICT),
    pair("currency-synonyms", Said("2000", "US$", period="month"),
         Said("2000", "dollars", period="month", source=B), AGREE),
    pair("within-rounding", usd("2000"), usd("2030", source=B), AGREE),
    pair("five-percent-apart", usd("2000"), usd("2100", source=B), CONFLICT),
    # Ranges.
    pair("inside-range", usd("1500", value_max="2000"), usd("1800", source=B), AGREE),
    pair("above-range", usd("1500", value_max="2000"), usd("2500", source=B), CONFLICT),
    pair("ranges-overlap", usd("1500", value_max="2000"),
         usd("1900", value_max="2500", source=B), AGREE),
    pair("ranges-apart", usd("1000", value_max="1200"),
         usd("1500", value_max="2000", source=B), CONFLICT),
    # Every qualifier.
    pair("about-round-number", usd("2000", qualifier="about"), usd("2300", source=B), AGREE),
    pair("about-round-too-far", usd("2000", qualifier="about"), usd("2600", source=B), CONFLICT),
    pair("about-350-vs-380", people("350", qualifier="about"), people("380", source=B), AGREE),
    pair("about-350-vs-400", people("350", qualifier="about"), people("400", source=B), CONFLICT),
    pair("nearly-below", people("2000", qualifier="nearly"), people("1700", source=B), AGREE),
    pair("nearly-above", people("2000", qualifier="nearly"), people("2500", source=B), CONFLICT),
    pair("up-to-below", usd("2000", qualifier="up_to"), usd("1500", source=B), AGREE),
    pair("up-to-above", usd("2000", qualifier="up_to"), usd("2500", source=B), CONFLICT),
    pair("less-than-above", people("100", qualifier="less_than"), people("150", source=B),
         CONFLICT),
    pair("less-than-endpoint", people("100", qualifier="less_than"), people("100", source=B),
         AGREE),
    pair("at-least-above", people("300", qualifier="at_least"), people("500", source=B), AGREE),
    pair("at-least-below", people("300", qualifier="at_least"), people("200", source=B),
         CONFLICT),
    pair("more-than-endpoint", people("300", qualifier="more_than"), people("300", source=B),
         AGREE),
    pair("more-than-below", people("300", qualifier="more_than"), people("250", source=B),
         CONFLICT),
    pair("at-least-vs-up-to", people("300", qualifier="at_least"),
         people("200", qualifier="up_to", source=B), CONFLICT),
    pair("up-to-vs-at-least", people("500", qualifier="up_to"),
         people("400", qualifier="at_least", source=B), AGREE),
    # Periods: per month ↔ per year ↔ per week ↔ per day; hourly stays apart.
    pair("year-vs-month", usd("24000", period="year"), usd("2000", source=B), AGREE),
    pair("year-vs-month-apart", usd("12000", period="year"), usd("2000", source=B), CONFLICT),
    pair("week-vs-month", usd("500", period="week"), usd("2150", source=B), AGREE),
    pair("week-vs-month-apart", usd("500", period="week"), usd("1000", source=B), CONFLICT),
    pair("day-vs-month", usd("70", period="day"), usd("2130", source=B), AGREE),
    pair("day-vs-week-apart", usd("100", period="day"), usd("500", period="week", source=B),
         CONFLICT),
    pair("hourly-vs-monthly", usd("10", period="hour"), usd("1600", source=B), NOT_COMPARABLE),
    pair("hourly-vs-hourly", usd("10", period="hour"), usd("12", period="hour", source=B),
         CONFLICT),
    pair("rate-vs-total", usd("2000"), usd("2000", period="total", source=B), NOT_COMPARABLE),
    # Per person vs total.
    pair("per-person-vs-total", usd("2000", per="per fighter"), usd("2000", source=B),
         NOT_COMPARABLE),
    pair("per-fighter-is-per-head", usd("2000", per="per fighter"),
         usd("2000", per="a head", source=B), AGREE),
    pair("per-family-vs-per-person", usd("500", per="family"),
         usd("500", per="person", source=B), NOT_COMPARABLE),
    pair("per-person-apart", usd("2000", per="fighter"), usd("1000", per="recruits", source=B),
         CONFLICT),
    # Currencies: never converted without a rate on the case.
    pair("euro-vs-dollar-no-rate", Said("2000", "€", period="month"), usd("2000", source=B),
         NOT_COMPARABLE),
    pair("euro-vs-dollar-rate", Said("2000", "EUR", period="month"), usd("2160", source=B),
         AGREE, RATE),
    pair("euro-vs-dollar-rate-apart", Said("2000", "euros", period="month"),
         usd("1000", source=B), CONFLICT, RATE),
    pair("euro-vs-euro-rate", Said("2000", "€"), Said("2000", "eur", source=B), AGREE, RATE),
    pair("sterling-synonyms", Said("900", "£"), Said("900", "pounds", source=B), AGREE),
    pair("code-any-case", Said("5000", "SYP"), Said("5000", "syp", source=B), AGREE),
    pair("code-apart", Said("5000", "SYP"), Said("9000", "SYP", source=B), CONFLICT),
    # Durations in different units.
    pair("three-vs-two-months", lasting("3", "months"), lasting("2", "month", source=B),
         CONFLICT),
    pair("three-months-vs-90-days", lasting("3", "months"), lasting("90", "days", source=B),
         AGREE),
    pair("13-weeks-vs-3-months", lasting("13", "weeks"), lasting("3", "months", source=B), AGREE),
    pair("year-vs-12-months", lasting("1", "year"), lasting("12", "months", source=B), AGREE),
    pair("half-year-vs-year", lasting("6", "months"), lasting("1", "year", source=B), CONFLICT),
    pair("hours-vs-days", lasting("48", "hours"), lasting("2", "days", source=B), AGREE),
    # Units.
    pair("people-synonyms", Said("350", "fighters"), Said("350", "men", source=B), AGREE),
    pair("people-vs-distance", Said("350", "fighters"), Said("350", "km", source=B),
         NOT_COMPARABLE),
    pair("different-things-counted", Said("5", "permits"), Said("5", "visas", source=B),
         NOT_COMPARABLE),
    pair("same-thing-counted", Said("5", "permits"), Said("9", "permit", source=B), CONFLICT),
    pair("km-vs-miles", Said("10", "km"), Said("6.2", "miles", source=B), AGREE),
    pair("tonnes-vs-kg", Said("2", "tonnes"), Said("2000", "kg", source=B), AGREE),
    pair("percentages", Said("10", "%"), Said("20", "percent", source=B), CONFLICT),
    # Subjects: spellings meet; a missing subject meets any subject of its unit family and
    # period ("paid $1,000 a month" may well be the "salary of $2,000 per month").
    pair("subject-spellings", usd("2000", subject="The monthly salaries"),
         usd("1000", subject="monthly salary", source=B), CONFLICT),
    pair("no-subject-same-kind", people("350", subject=""),
         people("500", subject="", source=B), CONFLICT),
    pair("no-subject-vs-subject", people("350", subject=""),
         people("500", subject="death toll", source=B), CONFLICT),
    pair("different-subjects", usd("2000", subject="monthly pay"),
         usd("1000", subject="rent", source=B), NOT_COMPARED),
    # Sources and dates.
    pair("same-source-same-date", usd("2000"), usd("1000"), ONE_STATEMENT),
    pair("same-source-other-date", usd("2000"), usd("1000", on=MAY_14), CONFLICT),
    pair("same-source-one-undated", usd("2000"), usd("1000", on=None), CONFLICT),
    pair("same-source-both-undated", usd("2000", on=None), usd("1000", on=None), ONE_STATEMENT),
    pair("unattributed-both", usd("2000", source=None), usd("1000", source=None), CONFLICT),
]
# fmt: on


@pytest.mark.parametrize(("first", "second", "expected", "rates"), PAIRS)
def test_pair(first: Said, second: Said, expected: str, rates: dict[str, Decimal] | None) -> None:
    assert verdict(first, second, rates) == expected


@pytest.mark.parametrize(("first", "second", "expected", "rates"), PAIRS)
def test_pair_the_other_way_round(
    first: Said, second: Said, expected: str, rates: dict[str, Decimal] | None
) -> None:
    assert verdict(second, first, rates) == expected


def test_the_table_is_big_enough_and_has_every_verdict() -> None:
    assert len(PAIRS) >= 40
    verdicts = {p.values[2] for p in PAIRS}
    assert verdicts == {CONFLICT, AGREE, NOT_COMPARABLE, NOT_COMPARED, ONE_STATEMENT}
