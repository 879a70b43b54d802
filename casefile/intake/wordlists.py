"""Sets of words written as one string: long word lists read best as running text."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The set of whitespace-separated words in `text`."""
    return frozenset(text.split())
