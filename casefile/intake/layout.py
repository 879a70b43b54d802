"""The shape of a text: its lines, its blocks (paragraphs, list items) and their sentences."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from casefile.intake.charclasses import CASELESS, LINE_BREAKS, UPPER
from casefile.intake.wordlists import words

Span = tuple[int, int]

_LINE = re.compile(rf"[^{LINE_BREAKS}]*")
_BLANK = re.compile(r"\s*")
# A line that starts a list item, an interview turn or a labelled line begins a block of its own
# even without a blank line before it: quotes must never pair across two list items.
_STRUCTURED_LINE = re.compile(
    rf"[ \t]*(?:[-*•·‣▪◦–—>]\s|\d{{1,3}}[.)]\s|[{UPPER}{CASELESS}][^:\n]{{0,40}}:\s)"
)
_SENTENCE_END = re.compile(
    rf"[.!?…]+[\"”’'»)\]]*(?=\s+[\"“‘'«(\[{UPPER}{CASELESS}\d])|[{LINE_BREAKS}]"
)
# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = words(
    """mr mrs ms dr prof gen col lt capt sgt maj cpl rev st sen rep gov jr sr no nos vs etc e.g
    i.e inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec mt ft approx avg
    a.m p.m u.s u.k u.n dept est fig al gov't supt insp cmdr brig adm"""
)
_WORD_BEFORE = re.compile(r"([\w.']+)\.*$")
_NEXT_LINE_START = re.compile(rf"[{LINE_BREAKS}]+[ \t]*(\w)")
# Words a heading does not end on but a wrapped line of running text often does.
_CARRY_ON_WORDS = words(
    """a an the of to and or but in on at for with by as from that than more his her their
    its our was were is are had has have be been who which whose into about"""
)
_MAX_HEADING = 70


def line_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The spans of the lines of text[start:end], without their line breaks."""
    stop = len(text) if end is None else end
    spans: list[Span] = []
    position = start
    while position <= stop:
        match = _LINE.match(text, position, stop)
        line_end = match.end() if match else position
        spans.append((position, line_end))
        position = line_end + 1
    return spans


_PROSE_LINE = 40  # characters: a wrapped line of running text, not a heading or a table cell
_COLUMNS = re.compile(r"\S(?:\t| {2,})\S")


def unwrapped(text: str) -> str:
    """`text` with the line breaks inside hard-wrapped prose turned into spaces, every character
    at the same offset: "£400 a\nweek" reads as "£400 a week". Breaks after short lines
    (headings), before blank lines, list items or labels, and in columns of figures stay."""
    base = text.replace("\r\n", " \n")  # same length: one break per line, CRLF or not
    chars: list[str] | None = None
    lines = line_spans(base)
    for (start, end), (next_start, next_end) in pairwise(lines):
        if end - start < _PROSE_LINE or is_blank(base, (next_start, next_end)):
            continue
        if _COLUMNS.search(base, start, end) or _COLUMNS.search(base, next_start, next_end):
            continue
        if _STRUCTURED_LINE.match(base, next_start, next_end):
            continue
        chars = chars if chars is not None else list(base)
        chars[end] = " "
    return base if chars is None else "".join(chars)


def is_blank(text: str, span: Span) -> bool:
    match = _BLANK.match(text, span[0], span[1])
    return match is not None and match.end() == span[1]


def block_spans(text: str) -> list[Span]:
    """Paragraphs split on blank lines, and list items or labelled lines on their own."""
    blocks: list[Span] = []
    current: Span | None = None
    for line in line_spans(text):
        if is_blank(text, line):
            if current:
                blocks.append(current)
            current = None
            continue
        if current and _STRUCTURED_LINE.match(text, line[0], line[1]):
            blocks.append(current)
            current = None
        current = (current[0], line[1]) if current else line
    if current:
        blocks.append(current)
    return [_trimmed(text, block) for block in blocks]


def _trimmed(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(frozen=True, slots=True)
class Protected:
    """Sorted, non-overlapping spans (quotations) inside which sentences do not end."""

    starts: Sequence[int]
    ends: Sequence[int]

    def covers(self, position: int) -> bool:
        index = bisect_right(self.starts, position) - 1
        return index >= 0 and position < self.ends[index]

    def closes_at(self, position: int) -> bool:
        """True when a protected span ends exactly at `position` ('... home."| Her')."""
        index = bisect_right(self.starts, position) - 1
        return index >= 0 and self.ends[index] == position


NOTHING_PROTECTED = Protected((), ())


def sentence_spans(text: str, block: Span, protected: Protected = NOTHING_PROTECTED) -> list[Span]:
    """The sentences of a block; a full stop inside a protected span (a quotation) is not an end."""
    start, end = block
    spans: list[Span] = []
    sentence_start = start
    for match in _SENTENCE_END.finditer(text, start, end):
        boundary = match.end()
        inside = protected.covers(match.start()) and not protected.closes_at(match.end())
        if inside or _after_abbreviation(text, sentence_start, match):
            continue
        if text[match.start()] in LINE_BREAKS and not _line_ends_sentence(
            text, sentence_start, match.start()
        ):
            continue
        spans.append((sentence_start, boundary))
        sentence_start = boundary
    spans.append((sentence_start, end))
    return [span for span in (_trimmed(text, s) for s in spans) if span[0] < span[1]]


def _after_abbreviation(text: str, sentence_start: int, match: re.Match[str]) -> bool:
    if text[match.start()] != "." or match.end() - match.start() > 1:
        return False
    window_start = max(sentence_start, match.start() - 12)
    word = _WORD_BEFORE.search(text, window_start, match.start())
    if not word:
        return False
    token = word.group(1).lower()
    # A single letter before a full stop is an initial ("M. Costa"), not the end of a sentence.
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _line_ends_sentence(text: str, sentence_start: int, line_end: int) -> bool:
    """A line break ends a sentence after a heading-like line or a line ending in punctuation.

    A short first line is a heading unless the text goes on mid-sentence: hard-wrapped copy
    (e-mail, PDF text, 72-column files) breaks lines anywhere, so a line ending on "a" or
    "the", or followed by a line in lower case, carries its sentence on.
    """
    line_start = text.rfind("\n", 0, line_end) + 1
    line = text[max(line_start, sentence_start) : line_end].rstrip()
    if not line:
        return True
    ending = line.rstrip('"”’»)]')
    if ending[-1:] in (".", "!", "?", ":", ";", "…"):
        return True  # 'He left.' or '"He left."' but not 'had shown "no real remorse"'
    if len(line) > _MAX_HEADING or line_start < sentence_start:
        return False
    last_word = line.rsplit(None, 1)[-1]
    following = _NEXT_LINE_START.match(text, line_end)
    continues = following is not None and following.group(1).islower()
    return not continues and last_word not in _CARRY_ON_WORDS
