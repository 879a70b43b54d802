"""Normalisation: the unit table, periods, durations, intervals by qualifier, currencies."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casefile.analysis.interval import Interval
from casefile.analysis.normalise import (
    Normalised,
    about_band,
    normalise,
    normalise_per,
    why_not_comparable,
)
from casefile.analysis.units import UnitFamily, currency_code, lookup_unit
from casefile.domain.enums import Period, Qualifier

D = Decimal


def n(value: str, unit: str = "people", *, qualifier: str = "exact", period: str = "total",
      per: str = "", value_max: str | None = None, **kw: object) -> Normalised:  # fmt: skip
    high = None if value_max is None else D(value_max)
    return normalise(D(value), high, qualifier, unit, period, per, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("written", "family", "canonical"),
    [
        ("US$", UnitFamily.CURRENCY, "USD"),
        ("$", UnitFamily.CURRENCY, "USD"),
        ("usd", UnitFamily.CURRENCY, "USD"),
        ("dollars", UnitFamily.CURRENCY, "USD"),
        ("US dollars", UnitFamily.CURRENCY, "USD"),
        ("€", UnitFamily.CURRENCY, "EUR"),
        ("Euros", UnitFamily.CURRENCY, "EUR"),
        ("SYP", UnitFamily.CURRENCY, "SYP"),
        ("iqd", UnitFamily.CURRENCY, "IQD"),
        ("men", UnitFamily.PEOPLE, "people"),
        ("recruits", UnitFamily.PEOPLE, "people"),
        ("fighters", UnitFamily.PEOPLE, "people"),
        ("workers", UnitFamily.PEOPLE, "people"),
        ("People", UnitFamily.PEOPLE, "people"),
        ("month", UnitFamily.DURATION, "days"),
        ("months", UnitFamily.DURATION, "days"),
        ("yrs", UnitFamily.DURATION, "days"),
        ("km", UnitFamily.DISTANCE, "km"),
        ("miles", UnitFamily.DISTANCE, "km"),
        ("kg", UnitFamily.WEIGHT, "kg"),
        ("tonnes", UnitFamily.WEIGHT, "kg"),
        ("lbs", UnitFamily.WEIGHT, "kg"),
        ("%", UnitFamily.PERCENTAGE, "%"),
        ("per cent", UnitFamily.PERCENTAGE, "%"),
        ("permits", UnitFamily.COUNT, "permit"),
        ("Work Permits", UnitFamily.COUNT, "work permit"),
        ("", UnitFamily.COUNT, ""),
    ],
)
def test_one_table_resolves_every_synonym(written: str, family: UnitFamily, canonical: str) -> None:
    info = lookup_unit(written)
    assert (info.family, info.canonical) == (family, canonical)


def test_currency_code_is_none_for_things_that_are_not_money() -> None:
    assert currency_code("€") == "EUR"
    assert currency_code("men") is None


@pytest.mark.parametrize(
    ("value", "period", "per_month"),
    [
        ("24000", "year", "2000"),
        ("2000", "month", "2000"),
        ("7", "week", "30.4375"),  # a month is 365.25 / 12 days: 7/week is 1/day
        ("1", "day", "30.4375"),
        ("1000", "year", "83.33333333333333333333333333333333"),
    ],
)
def test_rates_are_compared_per_month(value: str, period: str, per_month: str) -> None:
    got = n(value, "$", period=period)
    assert got.period is Period.MONTH
    assert got.interval == Interval(D(per_month), D(per_month))


def test_hourly_rates_are_kept_hourly() -> None:
    got = n("10", "$", period="hour")
    assert got.period is Period.HOUR
    assert got.interval == Interval(D(10), D(10))
    assert "hours worked" in (why_not_comparable(got, n("1600", "$", period="month")) or "")


@pytest.mark.parametrize(
    ("value", "unit", "days"),
    [("3", "months", "91.3125"), ("2", "weeks", "14"), ("1", "year", "365.25"),
     ("48", "hours", "2"), ("1", "fortnight", "14"), ("10", "days", "10")],
)  # fmt: skip
def test_durations_are_in_days(value: str, unit: str, days: str) -> None:
    got = n(value, unit)
    assert (got.family, got.unit) == (UnitFamily.DURATION, "days")
    assert got.interval == Interval(D(days), D(days))


@pytest.mark.parametrize(
    ("qualifier", "value_max", "expected"),
    [
        ("exact", None, Interval(D(350), D(350))),
        ("exact", "400", Interval(D(350), D(400))),
        ("about", None, Interval(D(315), D(385))),  # two significant digits: ±10 %
        ("about", "400", Interval(D(315), D(480))),  # 400 has one significant digit: +20 %
        ("nearly", None, Interval(D(315), D(350), high_open=True)),
        ("up_to", None, Interval(D(0), D(350))),
        ("up_to", "400", Interval(D(0), D(400))),
        ("less_than", None, Interval(D(0), D(350), high_open=True)),
        ("at_least", None, Interval(D(350), None)),
        ("more_than", None, Interval(D(350), None, low_open=True)),
    ],
)
def test_intervals_by_qualifier(qualifier: str, value_max: str | None, expected: Interval) -> None:
    assert n("350", qualifier=qualifier, value_max=value_max).interval == expected


def test_about_a_round_number_is_wider() -> None:
    assert about_band(D(2000)) == D(400)  # one significant digit: ±20 %
    assert about_band(D(2500)) == D(250)
    assert about_band(D("0.5")) == D("0.1")
    assert about_band(D(0)) == 0
    assert n("2000", qualifier="about").interval == Interval(D(1600), D(2400))


def test_up_to_and_less_than_a_negative_number_have_no_lower_bound() -> None:
    assert n("-5", "%", qualifier="up_to").interval == Interval(None, D(-5))
    assert n("-5", "%", qualifier="less_than").interval == Interval(None, D(-5), high_open=True)


def test_a_reversed_range_is_read_low_to_high() -> None:
    assert n("400", value_max="350").interval == Interval(D(350), D(400))


def test_open_ends_exclude_their_bound_but_the_allowance_lets_them_touch() -> None:
    more = n("300", qualifier="more_than")
    exactly = n("300")
    assert not more.interval.overlaps(exactly.interval)
    assert more.low_key < exactly.high_key


def test_per_person_wordings_meet_and_stay_apart_from_totals() -> None:
    assert {normalise_per(p) for p in ("per fighter", "a head", "each", "Per Capita", "person",
                                       "recruits", "per man")} == {"person"}  # fmt: skip
    assert normalise_per("") == ""
    assert normalise_per("per family") == "family"
    assert normalise_per("households") == "household"


def test_no_silent_currency_conversion() -> None:
    euros = n("2000", "€", period="month")
    assert euros.unit == "EUR"
    assert not euros.converted
    assert why_not_comparable(euros, n("2000", "$", period="month")) == (
        "EUR vs USD: no exchange rate on the case"
    )


def test_a_rate_on_the_case_converts_to_the_base_currency() -> None:
    euros = n("2000", "€", period="month", rates={"eur": D("1.08")})
    assert (euros.unit, euros.converted, euros.note) == ("USD", True, "1 EUR = 1.08 USD")
    assert euros.interval == Interval(D("2160.00"), D("2160.00"))
    base_euro = n("2000", "$", rates={"USD": D("0.92")}, base_currency="€")
    assert (base_euro.unit, base_euro.interval.low) == ("EUR", D("1840.00"))


@pytest.mark.parametrize("rate", [D(0), D(-1), D("NaN"), "abc"])
def test_an_unusable_rate_is_ignored(rate: object) -> None:
    got = n("2000", "EUR", rates={"EUR": rate})
    assert got.unit == "EUR"


def test_allowances() -> None:
    assert n("2000", "$").allowance == D("0.01")
    assert n("3", "months").allowance == D("0.04")  # calendar months vary
    assert n("500", "$", period="week").allowance == D("0.04")
    assert n("500", "EUR", rates={"EUR": D(1)}).allowance == D("0.03")
    assert (n("2000", "$").low_key, n("2000", "$").high_key) == (D(1980), D(2020))


def test_reasons_two_claims_cannot_be_compared() -> None:
    assert why_not_comparable(n("3", "people"), n("3", "km")) == (
        "people vs distance: different kinds of quantity"
    )
    assert why_not_comparable(n("3", "permits"), n("3", "visas")) == (
        "permit vs visa: different things counted"
    )
    assert why_not_comparable(n("3", "$", period="month"), n("3", "$")) == "a rate vs a total"
    assert why_not_comparable(n("3", per="family"), n("3")) == "per family vs total"
    assert why_not_comparable(n("3"), n("4")) is None


# --- properties ------------------------------------------------------------------------------

UNITS = ["$", "US$", "EUR", "€", "SYP", "people", "men", "months", "weeks", "days", "hours",
         "km", "miles", "kg", "tonnes", "%", "permits", "", "ünïcode", "per cent"]  # fmt: skip
values = st.decimals(
    min_value=D("-1e14"), max_value=D("1e14"), allow_nan=False, allow_infinity=False, places=6
)


@given(
    value=values,
    value_max=st.none() | values,
    qualifier=st.sampled_from(Qualifier),
    unit=st.sampled_from(UNITS) | st.text(max_size=20),
    period=st.sampled_from(Period),
    per=st.sampled_from(["", "per fighter", "family", "each"]) | st.text(max_size=10),
    rate=st.none() | st.decimals(min_value=D("0.0001"), max_value=D(10_000), places=4),
)
def test_normalise_never_raises_and_low_is_never_above_high(
    *,
    value: Decimal,
    value_max: Decimal | None,
    qualifier: Qualifier,
    unit: str,
    period: Period,
    per: str,
    rate: Decimal | None,
) -> None:
    rates = None if rate is None else {"EUR": rate, "SYP": rate}
    got = normalise(value, value_max, qualifier, unit, period, per, rates=rates)
    low, high = got.interval.low, got.interval.high
    if low is not None and high is not None:
        assert low <= high
    assert got.low_key <= got.high_key
    assert got.period in (Period.TOTAL, Period.MONTH, Period.HOUR)
    if got.interval.is_point:
        assert got.low_key <= got.interval.low <= got.high_key  # type: ignore[operator]
