"""Pairing quotation marks in a block: straight, curly, mismatched, low-9 and guillemets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from casefile.intake.layout import Span

_DOUBLE_MARKS = re.compile(r"[\"“”„«»‟″]")
_SINGLE_MARKS = re.compile(r"['‘’‚‹›]")
_OPENING_ONLY = frozenset("“„«‟")
_CLOSING_ONLY = frozenset("”»″")
_SINGLE_OPENING_ONLY = frozenset("‘‚‹")
_SINGLE_CLOSING_ONLY = frozenset("›")
_BEFORE_OPENING = frozenset("([{—–-/:")
_AFTER_CLOSING = frozenset(".,;:!?)]}—–-…")
# A quotation longer than this inside one block is a stray mark, not a quotation.
MAX_QUOTE_LENGTH = 3000
_MAX_SINGLE_QUOTE_LENGTH = 1200


@dataclass(frozen=True, slots=True)
class MarkedQuote:
    """Quotation marks and the words between them (`inner`), in source offsets."""

    open_at: int
    inner: Span
    close_end: int  # just after the closing mark, or the end of the inner text when unclosed
    closed: bool


def _flanks(text: str, index: int, block: Span) -> tuple[str, str]:
    before = text[index - 1] if index > block[0] else " "
    after = text[index + 1] if index + 1 < block[1] else " "
    return before, after


def _straight_role(text: str, index: int, block: Span) -> str:
    """'open', 'close' or 'either' for a straight mark, from the characters around it."""
    before, after = _flanks(text, index, block)
    space_before, space_after = before.isspace(), after.isspace()
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    if not space_before and not space_after:
        if before in _BEFORE_OPENING or before in "“‘«„":
            return "open"
        if after in _AFTER_CLOSING:
            return "close"
    return "either"


def double_quotes(text: str, block: Span) -> list[MarkedQuote]:
    """Double-quoted spans of one block, tolerant of mismatched and missing marks."""
    found: list[MarkedQuote] = []
    open_at: int | None = None
    opener = ""
    for match in _DOUBLE_MARKS.finditer(text, block[0], block[1]):
        index, mark = match.start(), match.group()
        if open_at is not None and index - open_at > MAX_QUOTE_LENGTH:
            open_at = None
        role = _straight_role(text, index, block) if mark in '"″' else ""
        if open_at is None:
            if mark in _OPENING_ONLY or role in ("open", "either"):
                open_at, opener = index, mark
            continue
        closes = (
            mark in _CLOSING_ONLY
            or (mark == '"' and role != "open")
            or (mark == "“" and opener == "„")
        )
        if closes:
            found.append(MarkedQuote(open_at, (open_at + 1, index), index + 1, closed=True))
            open_at = None
        else:
            # A second opening mark: the first was never closed. Keep the newer one.
            open_at, opener = index, mark
    if open_at is not None:
        unclosed = _unclosed(text, open_at, block)
        if unclosed:
            found.append(unclosed)
    return found


def _unclosed(text: str, open_at: int, block: Span) -> MarkedQuote | None:
    """A quotation whose closing mark is missing runs to the end of its line."""
    line_end = text.find("\n", open_at, block[1])
    end = block[1] if line_end < 0 else line_end
    if end - open_at > MAX_QUOTE_LENGTH:
        return None
    return MarkedQuote(open_at, (open_at + 1, end), end, closed=False)


def single_quotes(text: str, block: Span, taken: list[Span]) -> list[MarkedQuote]:
    """Single-quoted spans ('like this'), outside the spans already taken by double quotes.

    Apostrophes look like closing marks, so a closing mark must be followed by punctuation, a
    space and no lower-case word, or the end of the block; the first such mark wins.
    """
    found: list[MarkedQuote] = []
    marks = [m.start() for m in _SINGLE_MARKS.finditer(text, block[0], block[1])]
    position = 0
    while position < len(marks):
        index = marks[position]
        position += 1
        if _inside(index, taken) or not _opens_single(text, index, block):
            continue
        close = _find_single_close(text, marks, position, index, block)
        if close is None:
            continue
        if _inside(close, taken):
            continue
        found.append(MarkedQuote(index, (index + 1, close), close + 1, closed=True))
        while position < len(marks) and marks[position] <= close:
            position += 1
    return found


def _inside(index: int, spans: list[Span]) -> bool:
    return any(start <= index < end for start, end in spans)


def _opens_single(text: str, index: int, block: Span) -> bool:
    mark = text[index]
    if mark in _SINGLE_CLOSING_ONLY or mark == "’":
        return False
    before, after = _flanks(text, index, block)
    if not (after.isalnum() or after in '“"…'):
        return False
    if after.isdigit():
        return False  # '90s, '24
    return (
        mark in _SINGLE_OPENING_ONLY
        or before.isspace()
        or before in _BEFORE_OPENING
        or before in '"“'
    )


def _find_single_close(
    text: str, marks: list[int], position: int, open_at: int, block: Span
) -> int | None:
    weak: int | None = None
    for index in marks[position:]:
        if index - open_at > _MAX_SINGLE_QUOTE_LENGTH:
            break
        mark = text[index]
        if mark in _SINGLE_OPENING_ONLY:
            continue
        before, after = _flanks(text, index, block)
        if before.isspace() or after.isalnum():
            continue  # an opening mark, or an apostrophe inside a word (don't, l'Orient)
        if after in _AFTER_CLOSING or after in '"”\n':
            return index
        if after.isspace():
            following = text[index + 2] if index + 2 < block[1] else " "
            if before == "s" and following.islower():
                weak = weak if weak is not None else index  # the workers' pay
                continue
            return index
    return weak
