"""Who claims a number: the speaker of the quotation around it, or of its sentence."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence

from casefile.intake.candidates import QuoteCandidate

_SENTENCE_REACH = 400
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s|\n\s*\n")
_LOOK_BACK = 24  # candidates: nested ones (a quotation in an answer) sit close together


def speaker_finder(text: str, quotes: Sequence[QuoteCandidate]) -> Callable[[int, int], str | None]:
    """A function giving the speaker of the number at `start:end`, or None."""
    spoken = sorted((q for q in quotes if q.speaker), key=lambda q: q.start)
    starts = [q.start for q in spoken]

    def speaker_of(start: int, end: int) -> str | None:
        index = bisect_right(starts, start) - 1
        best: QuoteCandidate | None = None
        for candidate in spoken[max(0, index - _LOOK_BACK) : index + 1]:
            inside = candidate.start <= start and end <= candidate.end
            if inside and (best is None or candidate.end - candidate.start < best.end - best.start):
                best = candidate
        if best is not None:
            return best.speaker
        sentence_start, sentence_end = _sentence_around(text, start, end)
        low = bisect_right(starts, sentence_start - _SENTENCE_REACH)
        high = bisect_right(starts, sentence_end)
        for candidate in spoken[low:high]:
            if candidate.start < sentence_end and sentence_start < candidate.end:
                return candidate.speaker
        return None

    return speaker_of


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    window_start = max(0, start - _SENTENCE_REACH)
    sentence_start = window_start
    for match in _SENTENCE_BREAK.finditer(text, window_start, start):
        sentence_start = match.end()
    following = _SENTENCE_BREAK.search(text, end, min(len(text), end + _SENTENCE_REACH))
    return sentence_start, following.start() + 1 if following else min(len(text), end + 400)
