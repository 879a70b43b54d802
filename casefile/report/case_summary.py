"""The case summary: sources by protection, contradictions, numbers by subject, a timeline."""

from __future__ import annotations

from collections import Counter
from datetime import date
from itertools import zip_longest

from casefile.domain.enums import ContradictionStatus, Protection
from casefile.domain.snapshot import CaseSnapshot
from casefile.privacy.policy import Audience
from casefile.report.model import Block, Heading, Paragraph, PrintDocument, Table, Tone
from casefile.report.numbers import NumberContext
from casefile.report.prepared import Printable, prepare
from casefile.report.sections import (
    Progress,
    contradiction_text,
    frame,
    key_values,
    no_progress,
)
from casefile.report.text import NONE, day, enum_word, isolate, one_line, shorten

TITLE = "Case summary"
TIMELINE_TEXT = 300  # characters of a quote in the timeline; the source summary has it whole


def case_summary(
    snapshot: CaseSnapshot,
    audience: Audience,
    printed_on: date,
    *,
    progress: Progress = no_progress,
    numbers: NumberContext | None = None,
) -> PrintDocument:
    """The whole case for `audience`, redacted first like every output."""
    printable = prepare(snapshot, audience, numbers)
    blocks: list[Block] = [*overview(printable, printed_on)]
    blocks.extend(sources_by_protection(printable))
    progress(1, 4)
    blocks.extend(contradictions_side_by_side(printable))
    progress(2, 4)
    blocks.extend(numbers_by_subject(printable))
    progress(3, 4)
    blocks.extend(timeline(printable))
    progress(4, 4)
    return frame(printable, title=TITLE, printed_on=printed_on, blocks=blocks)


def overview(printable: Printable, printed_on: date) -> list[Block]:
    snap = printable.snapshot
    open_count = sum(k.status is ContradictionStatus.OPEN for k in snap.contradictions)
    blocks: list[Block] = [Paragraph(TITLE, Tone.MUTED), Heading(snap.case.title, level=1)]
    if snap.case.summary:
        blocks.append(Paragraph(snap.case.summary))
    blocks.append(
        key_values(
            ("Printed on", printed_on.isoformat()),
            ("Sources", str(len(snap.sources))),
            ("Quotes", str(len(snap.quotes))),
            ("Numbers", str(len(snap.claims))),
            (
                "Contradictions",
                f"{open_count} open, {len(snap.contradictions) - open_count} resolved",
            ),
        )
    )
    if printable.audience is Audience.REDACTED:
        blocks.append(
            Paragraph(
                "Redacted: protected sources appear under their pseudonyms; quotes and numbers "
                "of never-reveal sources are left out.",
                Tone.MUTED,
            )
        )
    else:
        blocks.append(
            Paragraph(
                "FULL printout: real names of protected sources are shown. Keep this paper with "
                "the same care as the case file.",
                Tone.WARNING,
            )
        )
    return blocks


def sources_by_protection(printable: Printable) -> list[Block]:
    snap = printable.snapshot
    quotes = Counter(q.source_id for q in snap.quotes)
    claims = Counter(c.source_id for c in snap.claims)
    blocks: list[Block] = [Heading(f"Sources ({len(snap.sources)})")]
    if not snap.sources:
        blocks.append(Paragraph("No sources yet.", Tone.MUTED))
    for level in Protection:
        group = [s for s in snap.sources if s.protection is level]
        if not group:
            continue
        blocks.append(Heading(f"{level.label} ({len(group)})", level=3))
        rows = tuple(
            (
                printable.cited(s.id),
                enum_word(s.kind),
                s.role or NONE,
                s.reliability.value if s.reliability else NONE,
                str(quotes[s.id]),
                str(claims[s.id]),
            )
            for s in group
        )
        header = ("Source", "Kind", "Role", "Reliability", "Quotes", "Numbers")
        blocks.append(Table(header, rows, (27, 13, 27, 13, 10, 10)))
    return blocks


def contradictions_side_by_side(printable: Printable) -> list[Block]:
    snap = printable.snapshot
    open_ = [k for k in snap.contradictions if k.status is ContradictionStatus.OPEN]
    resolved = [k for k in snap.contradictions if k.status is not ContradictionStatus.OPEN]
    blocks: list[Block] = [Heading(f"Contradictions ({len(snap.contradictions)})")]
    if not snap.contradictions:
        blocks.append(Paragraph("No contradictions recorded.", Tone.MUTED))
        return blocks
    cells = (
        ["\n".join(contradiction_text(printable, k).lines()) for k in side]
        for side in (open_, resolved)
    )
    rows = tuple(zip_longest(*cells, fillvalue=""))
    header = (f"Open ({len(open_)})", f"Resolved ({len(resolved)})")
    blocks.append(Table(header, rows, (50, 50), lead=True))
    return blocks


def _subject_key(subject: str) -> str:
    return one_line(subject).casefold()


def numbers_by_subject(printable: Printable) -> list[Block]:
    claims = sorted(
        printable.snapshot.claims,
        key=lambda c: (_subject_key(c.subject), c.as_of or date.max, c.created_at),
    )
    blocks: list[Block] = [Heading(f"Numbers by subject ({len(claims)})")]
    if not claims:
        blocks.append(Paragraph("No numbers recorded.", Tone.MUTED))
        return blocks
    rows: list[tuple[str, ...]] = []
    previous = None
    for claim in claims:
        key = _subject_key(claim.subject)
        rows.append(
            (
                claim.subject if key != previous else "",
                printable.numbers.stated(claim),
                printable.numbers.compared(claim),
                printable.cited(claim.source_id),
                day(claim.as_of) or NONE,
                claim.raw_text or NONE,
            )
        )
        previous = key
    header = ("Subject", "As stated", "As compared", "Source", "As of", "As written")
    blocks.append(Table(header, tuple(rows), (17, 15, 15, 18, 14, 21)))
    return blocks


def timeline(printable: Printable) -> list[Block]:
    """Quotes by the day they were said and numbers by their as-of date; undated ones last."""
    snap = printable.snapshot
    entries: list[tuple[date | None, int, str, str, str]] = []
    for order, quote in enumerate(snap.quotes):
        text = f"“{shorten(quote.text, TIMELINE_TEXT)}”"
        entries.append((quote.said_on, order, printable.cited(quote.source_id), "quote", text))
    for order, claim in enumerate(snap.claims, start=len(snap.quotes)):
        text = f"{isolate(claim.subject)}: {isolate(printable.numbers.stated(claim))}"
        entries.append((claim.as_of, order, printable.cited(claim.source_id), "number", text))
    entries.sort(key=lambda e: (e[0] is None, e[0] or date.min, e[1]))
    blocks: list[Block] = [Heading(f"Timeline ({len(entries)})")]
    if not entries:
        blocks.append(Paragraph("Nothing dated yet.", Tone.MUTED))
        return blocks
    rows = tuple((day(when) or "undated", who, what, text) for when, _, who, what, text in entries)
    blocks.append(Table(("Date", "Source", "", "What"), rows, (13, 20, 9, 58)))
    return blocks
