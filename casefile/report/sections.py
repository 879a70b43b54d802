"""Pieces both summaries share: the document frame, quotes, numbers and contradictions as blocks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from casefile.domain.enums import QuoteKind
from casefile.domain.records import Claim, Contradiction, Quote
from casefile.report.model import Block, Heading, KeyValues, PrintDocument, QuoteBlock, Table
from casefile.report.prepared import Printable
from casefile.report.text import (
    AUDIENCE_LABELS,
    NONE,
    day,
    enum_word,
    isolate,
    medium_word,
)

Progress = Callable[[int, int], None]

NUMBER_HEADER = ("Subject", "As stated", "As compared", "As written", "As of")
NUMBER_WIDTHS = (26, 20, 18, 24, 12)


def no_progress(done: int, total: int) -> None:
    del done, total


def frame(
    printable: Printable, *, title: str, printed_on: date, blocks: Sequence[Block]
) -> PrintDocument:
    """The document around the blocks: neutral title and job name, header and audience label."""
    case_title = printable.snapshot.case.title
    return PrintDocument(
        title=title,
        job_name=title,
        audience=printable.audience,
        audience_label=AUDIENCE_LABELS[printable.audience],
        header_text=f"{isolate(case_title)} · printed {printed_on.isoformat()}",
        printed_on=printed_on,
        blocks=tuple(blocks),
    )


def key_values(*rows: tuple[str, str]) -> KeyValues:
    """Labelled facts; rows without a value are left out rather than printed empty."""
    return KeyValues(tuple((k, v) for k, v in rows if v.strip()))


def provenance(printable: Printable, quote: Quote) -> str:
    """Where a quote was found: a document and span, and how it was obtained, and where."""
    parts: list[str] = []
    title = printable.document_title(quote.document_id)
    if title:
        where = f"Found in {isolate(title)}"
        if quote.span_start is not None and quote.span_end is not None:
            where += f", characters {quote.span_start + 1:,}–{quote.span_end:,}"
        parts.append(where)
    how = medium_word(quote.medium)
    if how and not (title and how == "document"):
        parts.append(how.capitalize())
    if quote.place:
        parts.append(f"at {isolate(quote.place)}")
    return " · ".join(parts) if parts else "Where it was found is not recorded"


def quote_block(printable: Printable, quote: Quote, *, speaker: bool = False) -> QuoteBlock:
    said = f"Said on {quote.said_on.isoformat()}" if quote.said_on else "Date not recorded"
    facts = [said, quote.status.value]
    if quote.kind is QuoteKind.PARAPHRASE:
        facts.append("paraphrase")
    if quote.language:
        facts.append(f"language {isolate(quote.language)}")
    details = [" · ".join(facts), provenance(printable, quote)]
    if speaker:
        details.insert(0, f"Speaker: {isolate(printable.cited(quote.source_id))}")
    if quote.context:
        details.append(f"Context: {isolate(quote.context)}")
    return QuoteBlock(quote.text, tuple(details))


def number_row(printable: Printable, claim: Claim) -> tuple[str, ...]:
    return (
        claim.subject,
        printable.numbers.stated(claim),
        printable.numbers.compared(claim),
        claim.raw_text or NONE,
        day(claim.as_of) or NONE,
    )


def numbers_table(printable: Printable, claims: Iterable[Claim]) -> Table:
    return Table(NUMBER_HEADER, tuple(number_row(printable, c) for c in claims), NUMBER_WIDTHS)


@dataclass(frozen=True)
class ContradictionText:
    """A contradiction in words: what it is, its state, who says what, what would settle it."""

    title: str
    state: str
    members: tuple[str, ...]
    settle_by: str
    resolution: str

    def lines(self) -> list[str]:
        lines = [self.title, self.state, *(f"• {m}" for m in self.members)]
        if self.settle_by:
            lines.append(f"Would settle it: {isolate(self.settle_by)}")
        if self.resolution:
            lines.append(f"Resolution: {isolate(self.resolution)}")
        return lines


def contradiction_text(printable: Printable, contradiction: Contradiction) -> ContradictionText:
    kind = enum_word(contradiction.kind)
    return ContradictionText(
        title=contradiction.description or f"{kind.capitalize()} conflict",
        state=f"{contradiction.status.value} · {kind} · {contradiction.origin.value}",
        members=tuple(printable.describe_member(m.id) for m in contradiction.members),
        settle_by=contradiction.settle_by,
        resolution=contradiction.resolution,
    )


def contradiction_blocks(printable: Printable, contradiction: Contradiction) -> list[Block]:
    text = contradiction_text(printable, contradiction)
    return [
        Heading(text.title, level=3),
        key_values(
            ("Status", text.state),
            ("Between", "\n".join(text.members)),
            ("Would settle it", text.settle_by),
            ("Resolution", text.resolution),
        ),
    ]


def corroboration_table(printable: Printable, claims: Sequence[Claim]) -> Table | None:
    """The agreements (two sources or more) that any of `claims` is part of."""
    mine = {c.id for c in claims}
    # Labels are isolated: an Arabic name inside "…(name, 10 May 2026)…" must not turn the date.
    groups = printable.numbers.corroborations(
        printable.snapshot.claims, lambda source_id: isolate(printable.cited(source_id))
    )
    rows = tuple((g.subject, g.summary) for g in groups if mine.intersection(g.members))
    return Table(("Subject", "Who agrees"), rows, (28, 72)) if rows else None
