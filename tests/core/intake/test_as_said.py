"""Quotations stored as said: rejoined across the line breaks and hyphens of the page."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casefile.intake import as_said
from casefile.intake.charclasses import LINE_BREAKS


@pytest.mark.parametrize(
    ("found", "said"),
    [
        ("We were\n  told nothing", "We were told nothing"),
        ("We were \r\ntold nothing", "We were told nothing"),
        ("the recruit-\nment agency", "the recruitment agency"),
        ("flights to Thai-\nland", "flights to Thailand"),
        ("the Indo-\nNepal border", "the Indo-Nepal border"),  # a capital: a real hyphen
        ("paid 2,000-\n3,000 baht", "paid 2,000-3,000 baht"),
        ("the end -\nand then", "the end - and then"),
        ("no breaks at all", "no breaks at all"),
    ],
)
def test_a_quotation_is_rejoined_across_the_lines_of_its_page(found: str, said: str) -> None:
    assert as_said(found) == said


_PAGE_TEXT = st.text(alphabet=st.sampled_from(["a", "B", "7", "-", " ", "\t", "\n", "\r", "é"]))


@given(_PAGE_TEXT)
def test_rejoining_loses_no_letter_and_leaves_no_line_break(text: str) -> None:
    said = as_said(text)
    assert not any(ch in LINE_BREAKS for ch in said)
    assert as_said(said) == said

    def letters(s: str) -> str:
        return "".join(ch for ch in s if ch.isalnum())

    assert letters(said) == letters(text)
