"""Intake: a document into the case, its candidate quotes and numbers proposed, and the ones
the reporter accepts stored — linked to their span, their speaker (matched to an existing
source or created as one) and, for numbers said inside a quote, to that quote."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.domain.enums import Medium, Protection, SourceKind
from casefile.domain.ids import RecordId
from casefile.domain.records import (
    Claim,
    ClaimDraft,
    Document,
    DocumentDraft,
    Quote,
    QuoteDraft,
    Source,
    SourceDraft,
)
from casefile.intake import (
    IntakeResult,
    NumberCandidate,
    QuoteCandidate,
    ReadDocument,
    as_said,
    extract,
    names_match,
)
from casefile.intake.extract import Progress
from casefile.services import claims, documents, quotes, sources
from casefile.storage.records import QuoteRecord

# Speakers named like bodies become organisation sources ("the ministry", "Northstar agency").
ORGANISATION_WORDS = (
    "ministry", "agency", "company", "office", "department", "army", "police",
    "government", "council", "committee", "union", "court", "embassy", "group",
)  # fmt: skip
# Attributions to paper ("according to a document seen by the Post", "a leaked memo says")
# become document sources: the head noun, within the first words, names a kind of record.
DOCUMENT_WORDS = frozenset({
    "document", "documents", "report", "reports", "memo", "memos", "letter", "letters",
    "contract", "contracts", "record", "records", "filing", "filings", "email", "emails",
    "e-mail", "cable", "cables", "dossier", "transcript", "minutes", "study", "survey",
})  # fmt: skip


@dataclass(frozen=True)
class AcceptReport:
    quotes: tuple[Quote, ...]
    claims: tuple[Claim, ...]
    sources_created: tuple[Source, ...]
    sources_matched: tuple[Source, ...]
    # figures whose unit the text does not say ("more than 15,000" of what?): a claim must say
    # what it counts, so these wait for the reporter to set one instead of failing the rest
    needs_unit: tuple[NumberCandidate, ...] = ()


def read_text(text: str, *, title: str = "") -> ReadDocument:
    """Pasted text as a document (its SHA-256 is that of the text's UTF-8 bytes)."""
    data = text.encode("utf-8")
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return ReadDocument(
        title=title or first_line[:200] or "Pasted text",
        text=text,
        media_type="text/plain",
        sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
        file_name="",
    )


def add_document(
    session: Session,
    read: ReadDocument,
    *,
    title: str = "",
    origin: str = "",
    url: str = "",
    published_on: date | None = None,
    retrieved_on: date | None = None,
) -> Document:
    return documents.add(
        session,
        DocumentDraft(
            title=title or read.title or read.file_name or "Untitled document",
            text=read.text,
            origin=origin,
            url=url,
            file_name=read.file_name,
            media_type=read.media_type,
            published_on=published_on,
            retrieved_on=retrieved_on or date.today(),
            language=read.language,
            sha256=read.sha256,
            size_bytes=read.size_bytes,
        ),
    )


def propose(text: str, progress: Progress | None = None) -> IntakeResult:
    """Candidates only; nothing is stored (pure, safe to run in a worker)."""
    return extract(text, progress)


def match_source(existing: Sequence[Source], speaker: str) -> Source | None:
    """The source a speaker's name points to: by name or pseudonym, tolerant of case,
    diacritics and "al-"/"Al-" variants."""
    for source in existing:
        if names_match(source.name, speaker) or (
            source.pseudonym and names_match(source.pseudonym, speaker)
        ):
            return source
    return None


def _kind_of(speaker: str) -> SourceKind:
    lowered = speaker.casefold()
    if DOCUMENT_WORDS.intersection(lowered.split()[:3]):
        return SourceKind.DOCUMENT
    if any(w in lowered for w in ORGANISATION_WORDS):
        return SourceKind.ORGANISATION
    return SourceKind.PERSON


def _source_for(
    session: Session,
    speaker: str,
    *,
    known: list[Source],
    created: list[Source],
    matched: list[Source],
    kind: SourceKind | None = None,
) -> RecordId:
    found = match_source(known, speaker)
    if found is not None:
        if found not in matched and found not in created:
            matched.append(found)
        return RecordId(found.id)
    if kind is None:
        kind = _kind_of(speaker)
    # a description opens a sentence in the list of sources: "Local officials", "A relative"
    name = speaker[:1].upper() + speaker[1:]
    new = sources.add(session, SourceDraft(name=name[:500], kind=kind, protection=Protection.NAMED))
    known.append(new)
    created.append(new)
    return RecordId(new.id)


def quote_around(session: Session, document_id: str, start: int, end: int) -> Quote | None:
    """A quote already stored from this document whose span holds [start, end)."""
    record = session.scalars(
        select(QuoteRecord)
        .where(
            QuoteRecord.document_id == document_id,
            QuoteRecord.span_start <= start,
            QuoteRecord.span_end >= end,
        )
        .order_by(QuoteRecord.span_end - QuoteRecord.span_start)
        .limit(1)
    ).first()
    return None if record is None else quotes.SPEC.value_of(session, record)


def _subject(number: NumberCandidate) -> str:
    """What a number counts, when the text says it ("350 young men"). No guessing here: a
    wrong subject would hide a conflict, while claims left without one are compared with each
    other by unit and period. The window offers suggestions to the reporter."""
    return number.subject


def accept(
    session: Session,
    document: Document,
    quote_candidates: Sequence[QuoteCandidate],
    number_candidates: Sequence[NumberCandidate],
    *,
    speaker_sources: dict[str, str] | None = None,
) -> AcceptReport:
    """Stores the chosen candidates. Speakers map to sources through `speaker_sources` when the
    reporter picked one, else are matched by name, else created as named sources (the reporter
    sets a protection level afterwards). A figure the text states without saying who said it
    is the document's own claim: the publication becomes its source, so two figures of one
    article count as one source's, not as strangers' that contradict each other."""
    chosen = dict(speaker_sources or {})
    known = sources.list_all(session)
    created: list[Source] = []
    matched: list[Source] = []

    def source_of(speaker: str | None, kind: SourceKind | None = None) -> RecordId | None:
        if not speaker:
            return None
        if speaker not in chosen:
            chosen[speaker] = _source_for(
                session, speaker, known=known, created=created, matched=matched, kind=kind
            )
        return RecordId(chosen[speaker])

    def document_source() -> RecordId | None:
        return source_of(document.origin or document.title, SourceKind.DOCUMENT)

    stored_quotes: list[tuple[QuoteCandidate, Quote]] = []
    for candidate in quote_candidates:
        stored = quotes.add(
            session,
            QuoteDraft(
                text=as_said(candidate.text),
                source_id=source_of(candidate.speaker),
                document_id=RecordId(document.id),
                span_start=candidate.start,
                span_end=candidate.end,
                medium=Medium.DOCUMENT,
                said_on=document.published_on,
                kind=candidate.kind,
            ),
        )
        stored_quotes.append((candidate, stored))
    stored_claims: list[Claim] = []
    needs_unit = tuple(n for n in number_candidates if not n.unit.strip())
    for number in number_candidates:
        if not number.unit.strip():
            continue
        inside = next(
            (q for c, q in stored_quotes if c.start <= number.start and number.end <= c.end), None
        ) or quote_around(session, document.id, number.start, number.end)
        if inside is not None and inside.source_id:
            source_id: RecordId | None = inside.source_id
        else:
            source_id = source_of(number.speaker) or document_source()
        stored_claims.append(
            claims.add(
                session,
                ClaimDraft(
                    subject=_subject(number),
                    value=number.value,
                    value_max=number.value_max,
                    qualifier=number.qualifier,
                    unit=number.unit,
                    period=number.period,
                    per=number.per,
                    as_of=document.published_on,
                    source_id=source_id,
                    quote_id=RecordId(inside.id) if inside is not None else None,
                    document_id=RecordId(document.id),
                    span_start=number.start,
                    span_end=number.end,
                    raw_text=as_said(number.raw),
                ),
            )
        )
    return AcceptReport(
        tuple(q for _, q in stored_quotes),
        tuple(stored_claims),
        tuple(created),
        tuple(matched),
        needs_unit,
    )
