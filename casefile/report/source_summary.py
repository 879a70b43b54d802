"""The source summary: one source's profile, every quote and number, its contradictions."""

from __future__ import annotations

from datetime import date

from casefile.domain.enums import Protection
from casefile.domain.records import Source
from casefile.domain.snapshot import CaseSnapshot
from casefile.privacy.policy import Audience
from casefile.report.model import Block, Heading, KeyValues, Paragraph, PrintDocument, Tone
from casefile.report.numbers import NumberContext
from casefile.report.prepared import Printable, prepare
from casefile.report.sections import (
    Progress,
    contradiction_blocks,
    corroboration_table,
    frame,
    key_values,
    no_progress,
    numbers_table,
    quote_block,
)
from casefile.report.text import PROTECTION_MEANINGS, count, day, enum_word

TITLE = "Source summary"


def source_summary(
    snapshot: CaseSnapshot,
    source_id: str,
    audience: Audience,
    printed_on: date,
    *,
    progress: Progress = no_progress,
    numbers: NumberContext | None = None,
) -> PrintDocument:
    """The summary of one source for `audience`. Redacts first: what a redacted export would
    withhold never reaches the document."""
    printable = prepare(snapshot, audience, numbers)
    source = printable.source(source_id)
    return frame(
        printable,
        title=TITLE,
        printed_on=printed_on,
        blocks=source_blocks(printable, source, progress),
    )


def source_blocks(printable: Printable, source: Source, progress: Progress) -> list[Block]:
    quotes = printable.quotes_of(source.id)
    claims = printable.claims_of(source.id)
    blocks: list[Block] = [
        Paragraph(TITLE, Tone.MUTED),
        Heading(printable.cited(source.id), level=1),
        profile(printable, source, len(quotes), len(claims)),
    ]
    blocks.extend(withheld_notes(printable, source))

    blocks.append(Heading(f"Quotes ({len(quotes)})"))
    if not quotes:
        blocks.append(Paragraph("No quotes in this printout.", Tone.MUTED))
    for done, quote in enumerate(quotes, start=1):
        blocks.append(quote_block(printable, quote))
        if done % 100 == 0:
            progress(done, len(quotes))
    progress(len(quotes), len(quotes))

    blocks.append(Heading(f"Numbers ({len(claims)})"))
    blocks.append(
        numbers_table(printable, claims)
        if claims
        else Paragraph("No numbers in this printout.", Tone.MUTED)
    )

    mine = {q.id for q in quotes} | {c.id for c in claims}
    involved = [
        k for k in printable.snapshot.contradictions if any(m.id in mine for m in k.members)
    ]
    blocks.append(Heading(f"Contradictions ({len(involved)})"))
    if not involved:
        blocks.append(Paragraph("Part of no contradiction.", Tone.MUTED))
    for contradiction in involved:
        blocks.extend(contradiction_blocks(printable, contradiction))

    blocks.append(Heading("Corroborations"))
    table = corroboration_table(printable, claims)
    blocks.append(
        table
        if table is not None
        else Paragraph("No number of this source is matched by another source.", Tone.MUTED)
    )
    return blocks


def profile(printable: Printable, source: Source, quotes: int, claims: int) -> KeyValues:
    """Who the source is, as far as this audience may know."""
    if source.name_withheld:  # came from a redacted export: `name` is only a label
        names = [
            ("Cited as", printable.cited(source.id)),
            ("Name", "not in this case (imported redacted)"),
        ]
    elif printable.audience is Audience.FULL:
        names = [("Name", source.name), ("Pseudonym", source.pseudonym)]
    elif source.protection is Protection.NAMED:
        names = [("Name", source.name)]
    else:
        names = [("Cited as", printable.cited(source.id))]
    meaning = PROTECTION_MEANINGS[source.protection]
    first_contact = ", ".join(
        p for p in (day(source.first_contact_on), source.first_contact_how) if p
    )
    return key_values(
        *names,
        ("Protection", f"{source.protection.label} ({meaning})"),
        ("Kind", enum_word(source.kind)),
        ("Role", source.role),
        ("Affiliation", source.affiliation),
        ("Location", source.location),
        ("Reliability", source.reliability.label if source.reliability else ""),
        ("Reliability note", source.reliability_note),
        ("First contact", first_contact),
        ("In this printout", f"{count(quotes, 'quote')}, {count(claims, 'number')}"),
    )


def withheld_notes(printable: Printable, source: Source) -> list[Block]:
    """Says plainly what a redacted printout leaves out about this source, so a reader does not
    take a gap for an absence."""
    if printable.audience is Audience.FULL:
        if source.protection.masks_identity:
            return [
                Paragraph(
                    "FULL printout: this source's identity is protected. Keep this paper with "
                    "the same care as the case file.",
                    Tone.WARNING,
                )
            ]
        return []
    notes: list[Block] = []
    if source.protection is Protection.BACKGROUND:
        notes.append(Paragraph("On background: identifying details are withheld.", Tone.MUTED))
    elif source.protection.masks_identity:
        notes.append(
            Paragraph("Identity withheld: only the pseudonym and protection level are shown.")
        )
    if source.protection is Protection.NEVER_REVEAL:
        notes.append(
            Paragraph(
                "Quotes and numbers of a never-reveal source are left out of redacted printouts.",
                Tone.MUTED,
            )
        )
    return notes
