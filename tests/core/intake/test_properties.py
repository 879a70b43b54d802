"""Property tests: for any string, extraction never raises and every span points at its text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.intake import extract, names_match, normalise_name
from casefile.intake.charclasses import LINE_BREAKS
from casefile.intake.layout import unwrapped

FRAGMENTS = [
    '"',
    "“",
    "”",
    "„",
    "«",
    "»",
    "'",
    "‘",
    "’",
    ",",
    ".",
    ":",
    ";",
    "—",
    "-",
    "–",
    "(",
    ")",
    " ",
    "\n",
    "\n\n",
    "\t",
    "\r",
    "\x00",
    "\x0b",
    "\u2028",
    "\u200f",
    "\u202e",
    "said",
    "says",
    "told",
    "he",
    "she",
    "it",
    "according to",
    "that",
    "the ministry",
    "Lucas Ferreira",
    "Ferreira",
    "Mr",
    "al-Halabi",
    "سمير الحلبي",
    "قال",
    "ـ",
    "َ",
    "Q:",
    "A:",
    "FERREIRA:",
    "- ",
    "* ",
    "Interview with",
    "$",
    "US$",
    "€",
    "£",
    "USD",
    "1,500",
    "1 500",
    "1.5",
    "2024",
    "March 3, 2026",
    "350",
    "three",
    "hundred",
    "twenty-five",
    "a dozen",
    "half a million",
    "million",
    "bn",
    "m",
    "per month",
    "a month",
    "monthly",
    "aged",
    "-year-old",
    "%",
    "percent",
    "between",
    "and",
    "to",
    "about",
    "up to",
    "at least",
    "men",
    "permits",
    "weeks",
    "months",
    "of them",
    "10:30",
    "18th",
    "COVID-19",
    "+44 20 7946 0000",
]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=5)), max_size=40).map(" ".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_extraction_never_raises_and_every_span_is_exact(text: str) -> None:
    result = extract(text)
    for quote in result.quotes:
        assert 0 <= quote.start <= quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        assert 0.0 <= quote.confidence <= 1.0
        if quote.speaker is not None:
            assert quote.speaker_start is not None and quote.speaker_end is not None
            assert text[quote.speaker_start : quote.speaker_end] == quote.speaker
    for number in result.numbers:
        assert 0 <= number.start <= number.end <= len(text)
        assert text[number.start : number.end] == number.raw
        assert number.value_max is None or number.value_max > number.value
        assert 0.0 <= number.confidence <= 1.0
    for date in result.dates:
        assert text[date.start : date.end] == date.raw


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_name_matching_never_raises_and_is_symmetric(first: str, second: str) -> None:
    normalise_name(first)
    assert names_match(first, second) == names_match(second, first)
    assert names_match(first, first) == bool(normalise_name(first))


@pytest.mark.parametrize(
    "text", ['"\x0c"', "“\u2028”", "'\x1c'", '"\u00a0,"', "Q: \nA: \x0b", "‘’", '""""']
)
def test_quotation_marks_around_nothing_but_space(text: str) -> None:
    assert extract(text).quotes == ()


def test_a_hundred_thousand_character_line_is_handled() -> None:
    line = ('He said "we were paid $500 a month" and 350 men left, ' * 2000)[:100_000]
    result = extract(line)
    assert result.numbers
    assert all(line[q.start : q.end] == q.text for q in result.quotes)


def test_a_line_of_quotation_marks_and_digits_is_handled() -> None:
    for text in ('"' * 50_000, "1," * 40_000, "'" * 50_000, "a-" * 40_000, "“" * 30_000):
        result = extract(text)
        assert all(text[q.start : q.end] == q.text for q in result.quotes)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_unwrapping_changes_only_line_breaks_and_no_offset(text: str) -> None:
    joined = unwrapped(text)
    assert len(joined) == len(text)
    assert all(a == b or (a in LINE_BREAKS and b == " ") for a, b in zip(text, joined, strict=True))
