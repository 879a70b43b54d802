"""Documents: the material a reporter worked from, kept with their full, unedited text."""

from __future__ import annotations

import hashlib

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casefile.domain.enums import RecordKind
from casefile.domain.errors import InvalidValue
from casefile.domain.ids import RecordId
from casefile.domain.records import Document, DocumentDraft, DocumentInfo
from casefile.domain.validation import MAX_DOCUMENT_TEXT, MAX_SHORT_TEXT, clean_line, parse_date
from casefile.services import _crud
from casefile.storage.records import DocumentRecord


def clean(_session: Session, draft: DocumentDraft) -> DocumentDraft:
    if not isinstance(draft.text, str):
        raise InvalidValue("text", "must be text")
    if "\x00" in draft.text:
        raise InvalidValue("text", "contains NUL characters", hint="the file is probably not text")
    if len(draft.text) > MAX_DOCUMENT_TEXT:
        raise InvalidValue("text", f"is longer than {MAX_DOCUMENT_TEXT:,} characters")
    if not draft.text.strip():
        raise InvalidValue("text", "is empty")
    sha256 = draft.sha256 or hashlib.sha256(draft.text.encode("utf-8")).hexdigest()
    return DocumentDraft(
        title=clean_line("title", draft.title, required=True),
        # The text is kept exactly as imported: spans of quotes and numbers point into it.
        text=draft.text,
        origin=clean_line("origin", draft.origin, max_len=MAX_SHORT_TEXT),
        url=clean_line("url", draft.url, max_len=MAX_SHORT_TEXT),
        file_name=clean_line("file name", draft.file_name),
        media_type=clean_line("media type", draft.media_type) or "text/plain",
        published_on=parse_date("published on", draft.published_on),
        retrieved_on=parse_date("retrieved on", draft.retrieved_on),
        language=clean_line("language", draft.language),
        sha256=clean_line("sha256", sha256),
        size_bytes=max(0, int(draft.size_bytes or len(draft.text.encode("utf-8")))),
    )


SPEC = _crud.KindSpec(RecordKind.DOCUMENT, DocumentRecord, Document, DocumentDraft, clean)


def add(session: Session, draft: DocumentDraft, *, record_id: RecordId | None = None) -> Document:
    record, _ = _crud.add(session, SPEC, draft, record_id=record_id)
    return SPEC.value_of(session, record)


def get(session: Session, document_id: str) -> Document:
    return _crud.get(session, SPEC, document_id)


def update(session: Session, document_id: str, draft: DocumentDraft) -> Document:
    """Edits the document's description; its text never changes after import."""
    current = get(session, document_id)
    if draft.text != current.text:
        raise InvalidValue(
            "text", "a document's text is never edited after import", hint="annotate it with a note"
        )
    record, _, _ = _crud.update(session, SPEC, document_id, draft)
    return SPEC.value_of(session, record)


def _info(record: DocumentRecord, text_length: int) -> DocumentInfo:
    return DocumentInfo(
        id=RecordId(record.id),
        created_at=record.created_at,
        updated_at=record.updated_at,
        created_by=record.created_by,
        title=record.title,
        origin=record.origin,
        file_name=record.file_name,
        media_type=record.media_type,
        published_on=record.published_on,
        retrieved_on=record.retrieved_on,
        language=record.language,
        sha256=record.sha256,
        size_bytes=record.size_bytes,
        text_length=text_length,
    )


def list_info(session: Session) -> list[DocumentInfo]:
    """Every document without its text (lists never load full texts)."""
    from sqlalchemy.orm import defer

    rows = session.execute(
        select(DocumentRecord, func.length(DocumentRecord.text))
        .options(defer(DocumentRecord.text))
        .order_by(DocumentRecord.title, DocumentRecord.pk)
    )
    return [_info(record, length) for record, length in rows]


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(DocumentRecord)) or 0


def text_length(session: Session, document_id: str) -> int:
    length = session.scalar(
        select(func.length(DocumentRecord.text)).where(DocumentRecord.id == document_id)
    )
    if length is None:
        _crud.find(session, SPEC, document_id)
    return int(length or 0)


def excerpt(
    session: Session, document_id: str, start: int, end: int, *, margin: int = 160
) -> tuple[str, str, str]:
    """The text around a span: (before, the span, after), without loading the whole text."""
    from sqlalchemy import func as f

    lo = max(0, start - margin)
    row = session.execute(
        select(
            f.substr(DocumentRecord.text, lo + 1, start - lo),
            f.substr(DocumentRecord.text, start + 1, end - start),
            f.substr(DocumentRecord.text, end + 1, margin),
        ).where(DocumentRecord.id == document_id)
    ).first()
    if row is None:
        _crud.find(session, SPEC, document_id)
        return ("", "", "")
    before, span, after = row
    return (("…" if lo > 0 else "") + (before or ""), span or "", (after or "") + "…")


def title_of(session: Session, document_id: str) -> str:
    title = session.scalar(select(DocumentRecord.title).where(DocumentRecord.id == document_id))
    if title is None:
        _crud.find(session, SPEC, document_id)
    return title or ""
