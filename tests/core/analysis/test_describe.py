"""Readable figures: as stated, as compared, and with who said them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from casefile.analysis.describe import (
    citation,
    cited_figures,
    describe,
    describe_compared,
    rounded_text,
)
from casefile.analysis.normalise import normalise
from tests.core.analysis.build import Said, facts

RATE = {"EUR": Decimal("1.08")}


@pytest.mark.parametrize(
    ("said", "stated", "compared"),
    [
        (Said("2000", "$", period="month"), "$2,000/month", "$2,000/month"),
        (Said("24000", "US$", period="year"), "$24,000/year", "$2,000/month"),
        (Said("350", "people", qualifier="about"), "about 350 people", "315–385 people"),
        (Said("3", "months"), "3 months", "91.31 days"),
        (Said("1", "month"), "1 month", "30.44 days"),
        (Said("1", "people"), "1 person", "1 person"),
        (Said("2000", "€", qualifier="up_to", period="month", per="fighter"),
         "up to €2,000 per fighter per month", "up to $2,160 per person per month"),
        (Said("1500", "$", value_max="2000", period="month"), "$1,500–$2,000/month",
         "$1,500–$2,000/month"),
        (Said("5", "permit", qualifier="more_than"), "more than 5 permits", "more than 5 permits"),
        (Said("10", "%", qualifier="about"), "about 10%", "8–12%"),
        (Said("2E+3", "SYP"), "SYP 2,000", "SYP 2,000"),
        (Said("300", "recruits", qualifier="nearly"), "nearly 300 recruits", "240–300 people"),
        (Said("3", "miles"), "3 miles", "4.83 km"),
        (Said("100", "$", period="week"), "$100/week", "$434.82/month"),
        (Said("500", "$", per="family"), "$500 per family", "$500 per family"),
        (Said("-2", "%", qualifier="less_than"), "less than -2%", "less than -2%"),
        (Said("-50", "$"), "-$50", "-$50"),
        (Said("12", "$", period="hour", qualifier="at_least"), "at least $12/hour",
         "at least $12/hour"),
    ],
)  # fmt: skip
def test_describe(said: Said, stated: str, compared: str) -> None:
    claim = facts("x", said, RATE)
    assert describe(claim) == stated
    assert describe(claim.normalised) == stated
    assert describe_compared(claim.normalised) == compared


def test_citations() -> None:
    assert citation(facts("x", Said("1", "$"))) == "Source A, 12 May 2025"
    assert citation(facts("x", Said("1", "$", on=None))) == "Source A"
    assert citation(facts("x", Said("1", "$", source=None, on=None))) == "unattributed"


def test_cited_figures_group_by_figure_and_cap() -> None:
    claims = [facts(f"c{i}", Said("2000", "$", source=str(i), on=None)) for i in range(5)]
    claims += [facts(f"d{i}", Said(str(2001 + i), "$", source="Z", on=None)) for i in range(4)]
    assert cited_figures(claims) == (
        "$2,000 (Source 0; Source 1; Source 2; 2 more), $2,001 (Source Z), $2,002 (Source Z), "
        "2 more claims"
    )


@pytest.mark.parametrize(
    ("number", "text"),
    [("2000", "2,000"), ("2000.00", "2,000"), ("91.3125", "91.31"), ("0.5", "0.5"),
     ("1E+3", "1,000"), ("-1234.567", "-1,234.57")],
)  # fmt: skip
def test_rounded_text(number: str, text: str) -> None:
    assert rounded_text(Decimal(number)) == text


def test_describe_works_on_a_bare_normalised_value() -> None:
    value = normalise(Decimal(3), None, "exact", "months", "total", "")
    assert describe(value) == "3 months"
