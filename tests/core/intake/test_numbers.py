"""Number candidates: digits and words, money, ranges, qualifiers, rates, ages, subjects."""

from __future__ import annotations

from decimal import Decimal

import pytest

from casefile.domain.enums import Period, Qualifier
from casefile.intake import (
    PROPOSED,
    NumberCandidate,
    NumberKind,
    extract_dates,
    extract_numbers,
)


def numbers_of(text: str) -> list[NumberCandidate]:
    found = extract_numbers(text)
    for number in found:
        assert text[number.start : number.end] == number.raw
    return found


def only(text: str) -> NumberCandidate:
    found = [n for n in numbers_of(text) if n.confidence >= 0.3]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They hired 1,500 men.", "1500"),
        ("They hired 1 500 men.", "1500"),
        ("They hired 1\u00a0500 men.", "1500"),
        ("It took 1.5 years.", "1.5"),
        ("They hired three hundred men.", "300"),
        ("They hired twenty-five men.", "25"),
        ("They hired a dozen men.", "12"),
        ("They hired two dozen men.", "24"),
        ("It cost half a million dollars.", "500000"),
        ("It cost $1.2 million.", "1200000"),
        ("It cost €2bn.", "2000000000"),
        ("It cost $3m.", "3000000"),
        ("They hired three hundred and fifty men.", "350"),
        ("The fee was Rs 9 lakh.", "900000"),
        ("The fee was 12.5 lakh rupees.", "1250000"),
        ("It cost two crore fifty lakh rupees.", "25000000"),
    ],
)
def test_values_in_digits_and_words(text: str, value: str) -> None:
    assert only(text).value == Decimal(value)


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("paid US$500", "USD"),
        ("paid $500", "USD"),
        ("paid USD 500", "USD"),
        ("paid 500 USD", "USD"),
        ("paid €500", "EUR"),
        ("paid EUR 500", "EUR"),
        ("paid £500", "GBP"),
        ("paid GBP 500", "GBP"),
        ("paid 500 dollars", "USD"),
        ("paid 500 US dollars", "USD"),
        ("paid 500 euros", "EUR"),
        ("paid 500 pounds", "GBP"),
        ("paid 500 Syrian pounds", "SYP"),
        ("paid R$500", "BRL"),
        ("paid 500 hryvnias", "UAH"),
        ("paid 500 Nepali rupees", "NPR"),
        ("paid 500 Indian rupees", "INR"),
        ("paid NRs 500", "NPR"),
        ("paid NPR 500", "NPR"),
        ("paid 8,000 baht", "THB"),
        ("paid 8,000 kyat", "MMK"),
        ("paid 8,000 ringgit", "MYR"),
        ("paid 8,000 taka", "BDT"),
        ("paid ฿8,000", "THB"),
        ("paid KSh 45,000", "KES"),
        ("paid KSh45,000", "KES"),
        ("paid Tk 8,000", "BDT"),
        ("paid Rp 500,000", "IDR"),
        ("paid 500 Norwegian kroner", "NOK"),
    ],
)
def test_currencies(text: str, currency: str) -> None:
    number = only(text)
    assert (number.currency, number.unit, number.kind) == (currency, currency, NumberKind.AMOUNT)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("paid 900,000 rupees", "900000"),
        ("paid Rs 900,000", "900000"),
        ("paid Rs. 900,000", "900000"),
        ("paid Rs.900,000", "900000"),
        ("paid Rs 5m", "5000000"),
    ],
)
def test_rupees_of_no_stated_country_are_money_without_a_guessed_currency(
    text: str, value: str
) -> None:
    """India, Nepal, Pakistan and Sri Lanka all pay in rupees: no code is assumed."""
    number = only(text)
    assert (number.value, number.currency, number.unit, number.kind) == (
        Decimal(value), None, "rupees", NumberKind.AMOUNT,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("KATHMANDU — Each family paid the agent Rs 900,000.", "NPR"),
        ("Recruits in Saudi Arabia were promised 1,500 riyals a month.", "SAR"),
        (  # the story is about Nepal, the paragraph with the amount does not say
            "Nepali families are still waiting. In Nepal, few talk about it.\n\n"
            "Each paid the agent 900,000 rupees.",
            "NPR",
        ),
        (  # this paragraph names two countries whose rupees differ: nobody can tell
            "Nepali families are still waiting. In Nepal, few talk about it.\n\n"
            "Indian and Nepali agents charged 900,000 rupees.",
            None,
        ),
        (  # one passing mention is not enough for a whole text
            "The men flew from Nepal.\n\nEach paid the agent 900,000 rupees.",
            None,
        ),
        (  # a text about two countries as much as each other
            "India and Nepal, Nepal and India.\n\nEach paid the agent 900,000 rupees.",
            None,
        ),
        ("Workers in Sharjah are owed between 8,000 and 20,000 dirhams.", "AED"),
        ("Nurses in Nairobi earn Sh120,000; in Kenya few earn more.", "KES"),
        ("Each paid Rs900 to the agent in Nepal.", "NPR"),
        ("Each paid Dh 900 in Dubai.", "AED"),
    ],
)
def test_whose_currency_a_shared_word_is_comes_from_the_places_named(
    text: str, currency: str | None
) -> None:
    number = only(text)
    assert number.currency == currency
    assert number.unit == (currency or number.raw.split()[-1])


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("the pay was closer to $1,000 monthly", Qualifier.ABOUT),
        ("His salary is about $900 a month.", Qualifier.ABOUT),
        ("They were paid $500.", Qualifier.EXACT),
    ],
)
def test_a_figure_in_a_copular_sentence_has_no_guessed_subject(
    text: str, qualifier: Qualifier
) -> None:
    """ "the pay was $1,000" next to "he would earn $2,000": a subject read from one sentence
    and not the other would keep the two claims from being compared."""
    number = only(text)
    assert (number.subject, number.qualifier) == ("", qualifier)


def test_a_point_after_other_words_still_does_not_start_a_number() -> None:
    assert [n.raw for n in extract_numbers("version 1.2.3 shipped; it was .5 off")] == []


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("paid between $1500 and $2000", "1500", "2000"),
        ("hired 20 to 30 men", "20", "30"),
        ("paid 1,500–2,000 dollars", "1500", "2000"),
        ("paid $1,500-$2,000", "1500", "2000"),
        ("hired between 1.5 and 2 million people", "1500000", "2000000"),
        ("paid between 8 and 10 lakh rupees", "800000", "1000000"),
        ("hired two or three men", "2", "3"),
        ("jailed for between two and four years", "2", "4"),
        ("jailed for between one and three years", "1", "3"),
    ],
)
def test_ranges(text: str, low: str, high: str) -> None:
    number = only(text)
    assert (number.value, number.value_max) == (Decimal(low), Decimal(high))


def test_numbers_read_across_the_line_breaks_of_wrapped_prose() -> None:
    text = (
        "The court heard that the victims had been recruited through adverts for work at £400 a\n"
        "week. The five others, including his wife, received sentences of between two\r\n"
        "and four years, and Ceban and his co-defendants opened more\n"
        "than 150 bank accounts in the names of the victims.\n"
    )
    found = [(n.value, n.value_max, n.unit, n.period, n.qualifier) for n in numbers_of(text)]
    assert (Decimal(400), None, "GBP", Period.WEEK, Qualifier.EXACT) in found
    assert (Decimal(2), Decimal(4), "years", Period.TOTAL, Qualifier.EXACT) in found
    assert (Decimal(150), None, "accounts", Period.TOTAL, Qualifier.MORE_THAN) in found


@pytest.mark.parametrize("text", ["COVID19 spread", "an A4 sheet", "the F-16 crashed", "MP3 files"])
def test_letters_and_digits_of_a_name_are_no_money(text: str) -> None:
    assert [n for n in numbers_of(text) if n.confidence >= 0.3] == []


def test_columns_and_short_lines_are_not_joined() -> None:
    text = "Recruits      350\nReturned      100\n\nSent home\n12 men came back"
    units = {n.raw: n.unit for n in numbers_of(text)}
    assert units["350"] != "returned"
    assert units["12"] == "people"


@pytest.mark.parametrize(
    ("word", "qualifier"),
    [
        ("about", Qualifier.ABOUT),
        ("around", Qualifier.ABOUT),
        ("roughly", Qualifier.ABOUT),
        ("some", Qualifier.ABOUT),
        ("up to", Qualifier.UP_TO),
        ("at least", Qualifier.AT_LEAST),
        ("more than", Qualifier.MORE_THAN),
        ("over", Qualifier.MORE_THAN),
        ("nearly", Qualifier.NEARLY),
        ("almost", Qualifier.NEARLY),
        ("less than", Qualifier.LESS_THAN),
        ("fewer than", Qualifier.LESS_THAN),
        ("capped at", Qualifier.UP_TO),
    ],
)
def test_qualifiers(word: str, qualifier: Qualifier) -> None:
    number = only(f"They hired {word} 350 men.")
    assert number.qualifier is qualifier
    assert number.raw == f"{word} 350"


@pytest.mark.parametrize(
    ("text", "period", "per"),
    [
        ("paid $2,000 per month", Period.MONTH, ""),
        ("paid $2,000 a month", Period.MONTH, ""),
        ("paid $2,000 monthly", Period.MONTH, ""),
        ("a monthly salary of $2,000", Period.MONTH, ""),
        ("paid $20 an hour", Period.HOUR, ""),
        ("paid $24,000 a year", Period.YEAR, ""),
        ("paid $2,000/month", Period.MONTH, ""),
        ("paid $150 per fighter per month", Period.MONTH, "fighter"),
        ("paid $4,000 per recruit", Period.TOTAL, "recruit"),
    ],
)
def test_rates(text: str, period: Period, per: str) -> None:
    number = only(text)
    assert (number.period, number.per) == (period, per)


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind"),
    [
        ("on three-month contracts", "3", "months", NumberKind.DURATION),
        ("held for two weeks", "2", "weeks", NumberKind.DURATION),
        ("held for 90 days", "90", "days", NumberKind.DURATION),
        ("a two-year contract", "2", "years", NumberKind.DURATION),
        ("recruits aged 19", "19", "years", NumberKind.AGE),
        ("a 19-year-old recruit", "19", "years", NumberKind.AGE),
        ("he is 19 years old", "19", "years", NumberKind.AGE),
        ("Lucas Ferreira, 24, said so.", "24", "years", NumberKind.AGE),
        ("A Cambodian fisher, 26, said so.", "26", "years", NumberKind.AGE),
        ("15% of recruits", "15", "percent", NumberKind.PERCENTAGE),
        ("15 per cent of recruits", "15", "percent", NumberKind.PERCENTAGE),
    ],
)
def test_durations_ages_and_percentages(text: str, value: str, unit: str, kind: NumberKind) -> None:
    number = only(text)
    assert (number.value, number.unit, number.kind) == (Decimal(value), unit, kind)


@pytest.mark.parametrize(
    ("text", "unit", "subject"),
    [
        ("They recruited 350 young men.", "people", "young men"),
        ("The ministry issued 212 work permits.", "permits", "work permits"),
        ("At least 14 women were recruited.", "people", "women"),
        ("Six are confirmed dead.", "people", "dead"),
        ("38 of the 72 men had no passport.", "people", "men"),
        ("Police named more than 40 agents and sub-agents.", "people", "agents"),
        ("I know of four who died.", "people", ""),
        ("Of the 214 fishers interviewed, most were paid late.", "people", "fishers"),
        ("Police arrested two directors of the agency.", "people", "directors"),
        ("Three others were hurt.", "others", "others"),  # others of what, the text does not say
    ],
)
def test_what_is_counted(text: str, unit: str, subject: str) -> None:
    number = numbers_of(text)[0]
    assert (number.unit, number.subject, number.kind) == (unit, subject, NumberKind.COUNT)


def test_a_bare_figure_paid_at_a_rate_is_in_the_currency_of_the_amount_before() -> None:
    text = (
        "The contract says fifteen hundred euros a month. Then the agency takes three hundred "
        "and fifty a month for a bed. He slept four hours a night."
    )
    found = [(n.value, n.currency, n.period) for n in numbers_of(text)]
    assert found == [
        (Decimal(1500), "EUR", Period.MONTH),
        (Decimal(350), "EUR", Period.MONTH),
        (Decimal(4), None, Period.TOTAL),  # hours, not money
    ]


def test_an_average_is_about() -> None:
    number = only("Fishers worked an average of 18 hours a day.")
    assert (number.value, number.unit, number.period, number.qualifier) == (
        Decimal(18), "hours", Period.DAY, Qualifier.ABOUT,
    )  # fmt: skip


def test_others_are_more_of_what_was_counted_before() -> None:
    text = "It confirmed 14 deaths of Nepalis, 12 Nepali recruits and is tracing about 100 others."
    last = numbers_of(text)[-1]
    assert (last.value, last.unit, last.qualifier) == (Decimal(100), "people", Qualifier.ABOUT)


def test_of_them_takes_the_unit_of_the_count_before() -> None:
    found = numbers_of("About 350 men signed. At least 40 of them have not returned.")
    assert [(n.value, n.unit) for n in found] == [(Decimal(350), "people"), (Decimal(40), "people")]


def test_a_bare_number_set_against_an_amount_shares_its_currency() -> None:
    found = numbers_of("It was 400 dollars, not 1,200.")
    assert [(n.value, n.currency) for n in found] == [(Decimal(400), "USD"), (Decimal(1200), "USD")]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("They left in 2024.", "2024"),
        ("They left on March 3, 2026.", "March 3, 2026"),
        ("They left on 3 March.", "3 March"),
        ("They left on 2026-05-12.", "2026-05-12"),
        ("They left in March 2026.", "March 2026"),
        ("Figures for 2024–2025.", "2024–2025"),
    ],
)
def test_dates_are_dates_not_claims(text: str, raw: str) -> None:
    assert numbers_of(text) == []
    assert [d.raw for d in extract_dates(text)] == [raw]


@pytest.mark.parametrize(
    "text",
    [
        "He served in the 18th Brigade.",
        "See page 12 and article 5.",
        "They met at 10:30 and again at 3 p.m.",
        "The COVID-19 rules and F-16 jets.",
        "Call +44 20 7946 0000 today.",
        "It was 5m long.",
        "They came back three years ago.",
    ],
)
def test_references_times_and_codes_are_not_claims(text: str) -> None:
    assert numbers_of(text) == []


def test_a_year_followed_by_what_it_counts_is_a_count() -> None:
    number = only("They said 2000 recruits arrived.")
    assert (number.value, number.unit) == (Decimal(2000), "people")


def test_a_number_in_a_quotation_belongs_to_its_speaker() -> None:
    text = '"They paid us $400 a month," said Ana Lima. The agency had promised $2,000.'
    first, second = numbers_of(text)
    assert first.speaker == "Ana Lima"
    assert second.speaker is None


def test_numbers_in_a_table_take_their_unit_from_the_header() -> None:
    text = (
        "State        Recruits   Monthly pay (USD)   Contract (months)\n"
        "Pernambuco   350        1,650               3\n"
        "Bahia        180        1,500               6\n"
    )
    found = numbers_of(text)
    assert [(n.value, n.unit, n.period) for n in found[:3]] == [
        (Decimal(350), "people", Period.TOTAL),
        (Decimal(1650), "USD", Period.MONTH),
        (Decimal(3), "months", Period.TOTAL),
    ]
    assert found[0].subject == "recruits (Pernambuco)"


@pytest.mark.parametrize(
    ("text", "share", "qualifier", "subject"),
    [
        ("Three quarters of the farms had irregularities.", "75", Qualifier.EXACT, "farms"),
        ("Nearly a third of the crew left.", "33.3", Qualifier.NEARLY, "crew"),
        ("Half of the men were never paid.", "50", Qualifier.EXACT, "men"),
        ("Two thirds of the workers signed.", "66.7", Qualifier.EXACT, "workers"),
    ],
)
def test_a_share_written_as_a_fraction_is_a_percentage(
    text: str, share: str, qualifier: Qualifier, subject: str
) -> None:
    number = only(text)
    assert (number.value, number.unit, number.kind) == (
        Decimal(share), "percent", NumberKind.PERCENTAGE,
    )  # fmt: skip
    assert (number.qualifier, number.subject) == (qualifier, subject)


@pytest.mark.parametrize(
    "text", ["It took a quarter of an hour.", "The bus left at a quarter to six.", "in half"]
)
def test_a_fraction_of_time_or_no_share_is_no_percentage(text: str) -> None:
    assert [n for n in numbers_of(text) if n.unit == "percent"] == []


def test_the_number_of_a_numbered_heading_is_no_claim() -> None:
    text = "3.3 Hours, food and violence\n\nFishers worked 18 hours a day.\n"
    assert [n.raw for n in numbers_of(text) if n.confidence >= 0.3] == ["18 hours a day"]


def test_a_figure_the_speaker_denies_is_shown_unsure() -> None:
    found = numbers_of("The rate had been $15 an hour, not $18.")
    assert [(n.raw, n.confidence >= PROPOSED) for n in found] == [
        ("$15 an hour", True),
        ("$18", False),
    ]


@pytest.mark.parametrize(
    "text", ["10000000000000000000000000000", "account 1234567890123456 crore"]
)
def test_a_string_of_digits_too_long_for_a_figure_is_no_claim(text: str) -> None:
    assert [n for n in numbers_of(text) if n.confidence >= PROPOSED] == []


@pytest.mark.parametrize(
    ("text", "value", "value_max", "unit", "period"),
    [
        ("Fees ran from ₹50,000 to ₹1 lakh each.", "50000", "100000", "INR", Period.TOTAL),
        ("He paid ₹1,20,000 to the agent.", "120000", None, "INR", Period.TOTAL),
        ("The lender charged 24% interest a year.", "24", None, "percent", Period.YEAR),
        ("Prices rose 5% a month.", "5", None, "percent", Period.MONTH),
        ("One in five workers had paid a fee.", "20", None, "percent", Period.TOTAL),
        ("Three out of four cases ended in deportation.", "75", None, "percent", Period.TOTAL),
    ],
)
def test_indian_grouping_repeated_currencies_rates_of_interest_and_one_in_five(
    text: str, value: str, value_max: str | None, unit: str, period: Period
) -> None:
    number = only(text)
    high = Decimal(value_max) if value_max else None
    assert (number.value, number.value_max, number.unit, number.period) == (
        Decimal(value), high, unit, period,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("K. Ramesh, 29, said so.", "age of K. Ramesh"),
        ("Recruits aged 19 to 25 left.", "age of recruits"),
        ("A Cambodian fisher, 26, said so.", "age of fisher"),
        ("A 22-year-old recruit said so.", "age of recruit"),
        ("Ahmed* (27) said so.", "age of Ahmed"),
        ("After 15 days of training they were sent on.", "training"),
    ],
)
def test_an_age_is_someones_and_a_duration_says_of_what(text: str, subject: str) -> None:
    """Ages of two people are two subjects: never set against each other in the ledger."""
    assert only(text).subject == subject
