"""One call for everything intake finds in a text, with progress for long documents."""

from __future__ import annotations

from collections.abc import Callable

from casefile.intake.candidates import DateCandidate, IntakeResult
from casefile.intake.dates import find_dates
from casefile.intake.numbers import find_numbers
from casefile.intake.quotes import find_quotes

Progress = Callable[[int, int], None]
# Progress is reported in characters over three passes: quotes, dates, numbers.
_PASSES = 3


def extract(text: str, progress: Progress | None = None) -> IntakeResult:
    """Quotes, numbers and dates found in `text`; `progress(done, total)` is called as it goes.

    `total` stays the same through one call and `done` never goes down; the last call has
    `done == total`. Rule-based and offline: nothing leaves the process.
    """
    total = max(1, len(text) * _PASSES)
    reported = 0

    def report_at(base: int) -> Callable[[int], None]:
        def report(position: int) -> None:
            nonlocal reported
            done = min(total, base + position)
            if progress is not None and done > reported:
                reported = done
                progress(done, total)

        return report

    if progress is not None:
        progress(0, total)
    quotes = find_quotes(text, report_at(0))
    not_claims = find_dates(text)
    report_at(len(text))(len(text))
    numbers = find_numbers(text, quotes, not_claims, report_at(2 * len(text)))
    if progress is not None:
        progress(total, total)
    return IntakeResult(tuple(quotes), tuple(numbers), tuple(not_claims.dates))


def extract_dates(text: str) -> list[DateCandidate]:
    """Dates and years in `text`: kept apart from numbers, so a year never becomes a claim."""
    return find_dates(text).dates
