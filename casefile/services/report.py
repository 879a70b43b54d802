"""Printable summaries of the open case: reads a snapshot and builds the redacted document."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from casefile.domain.errors import NotFound
from casefile.domain.ids import parse_id
from casefile.privacy.policy import Audience
from casefile.report import PrintDocument, case_summary, source_summary
from casefile.report.numbers import NumberContext
from casefile.services import analysis
from casefile.services.snapshot import take
from casefile.storage import files

# The window saves PDFs through the same crash-safe writer as everything else, but the ui package
# may not import storage: it takes the writer (and the disk-full check) from here.
write_atomically = files.atomic_write
raise_if_disk_full = files.raise_if_disk_full

Progress = Callable[[int, int], None]

__all__ = ["print_case", "print_source", "raise_if_disk_full", "write_atomically"]


def _numbers(session: Session) -> NumberContext:
    """The exchange rates and base currency set on the case, for normalised values."""
    rates, base = analysis.rates(session)
    return NumberContext(rates, base)


def _no_progress(done: int, total: int) -> None:
    del done, total


def print_source(
    session: Session,
    source_id: str,
    audience: Audience = Audience.REDACTED,
    *,
    printed_on: date | None = None,
    progress: Progress = _no_progress,
) -> PrintDocument:
    """The source summary of `source_id`, redacted for `audience` (the default withholds every
    protected identity)."""
    wanted = parse_id(source_id, field="source id")
    snapshot = take(session)
    if snapshot.source(wanted) is None:
        raise NotFound("source", wanted)
    day = printed_on or date.today()
    numbers = _numbers(session)
    return source_summary(snapshot, wanted, audience, day, progress=progress, numbers=numbers)


def print_case(
    session: Session,
    audience: Audience = Audience.REDACTED,
    *,
    printed_on: date | None = None,
    progress: Progress = _no_progress,
) -> PrintDocument:
    """The case summary, redacted for `audience`."""
    day = printed_on or date.today()
    numbers = _numbers(session)
    return case_summary(take(session), audience, day, progress=progress, numbers=numbers)
