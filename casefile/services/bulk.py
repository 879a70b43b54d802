"""Bulk writes (imports, intake of long documents, benchmarks): validated like single adds, but
inserted set-wise, never one ORM flush per row.

Rows go in as one `INSERT … SELECT FROM json_each(?)` statement per batch rather than
executemany: the search index is kept by triggers, and FTS5 flushes its pending terms at every
statement boundary a trigger runs in, so row-by-row statements are 7× slower than one statement
per batch (measured in benchmarks/bench_foundation.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import islice
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from casefile.domain.enums import ChangeAction, Medium, QuoteKind, QuoteStatus, RecordKind
from casefile.domain.errors import InvalidValue, NotFound
from casefile.domain.ids import RecordId, new_id
from casefile.domain.records import QuoteDraft
from casefile.domain.validation import (
    MAX_SHORT_TEXT,
    check_span,
    clean_line,
    clean_text,
    parse_enum,
)
from casefile.services._session import actor_of, collector_of
from casefile.storage.records import DocumentRecord, SourceRecord
from casefile.storage.types import utcnow

Progress = Callable[[int, int], None]
BATCH = 5_000


@dataclass(frozen=True)
class _Links:
    sources: frozenset[str]
    document_lengths: dict[str, int]

    @classmethod
    def load(cls, session: Session) -> _Links:
        sources = frozenset(session.scalars(select(SourceRecord.id)))
        rows = session.execute(select(DocumentRecord.id, func.length(DocumentRecord.text)))
        lengths = {doc_id: int(n) for doc_id, n in rows}
        return cls(sources, lengths)


def _quote_row(draft: QuoteDraft, links: _Links, index: int) -> dict[str, Any]:
    where = f"quote {index + 1}"
    source_id = draft.source_id
    if source_id is not None and source_id not in links.sources:
        raise NotFound("source", source_id)
    document_id = draft.document_id
    start, end = draft.span_start, draft.span_end
    if document_id is not None:
        if document_id not in links.document_lengths:
            raise NotFound("document", document_id)
        check_span(start, end, links.document_lengths[document_id])
    else:
        start = end = None
    try:
        return {
            "text": clean_text("text", draft.text, required=True),
            "source_id": source_id,
            "document_id": document_id,
            "span_start": start,
            "span_end": end,
            "medium": None
            if draft.medium is None
            else parse_enum("medium", Medium, draft.medium).value,
            "place": clean_line("place", draft.place, max_len=MAX_SHORT_TEXT),
            "said_on": draft.said_on,
            "context": clean_text("context", draft.context),
            "status": parse_enum("status", QuoteStatus, draft.status).value,
            "kind": parse_enum("kind", QuoteKind, draft.kind).value,
            "language": clean_line("language", draft.language),
        }
    except InvalidValue as problem:
        raise InvalidValue(f"{where}: {problem.field}", str(problem).split(" ", 1)[-1]) from None


def _json_default(value: Any) -> Any:
    """Only called for what json cannot write itself (enums and text already are str)."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot store a {type(value).__name__} in a bulk insert")


def insert_rows(session: Session, table: str, rows: list[dict[str, Any]]) -> None:
    """Inserts rows (dicts with the same keys, already clean) in one statement."""
    if not rows:
        return
    columns = list(rows[0])
    if not all(c.isidentifier() for c in columns) or not table.isidentifier():
        raise ValueError("bulk insert needs plain column names")
    payload = json.dumps(
        [[row[c] for c in columns] for row in rows], ensure_ascii=False, default=_json_default
    )
    picks = ", ".join(f"value->>{i}" for i in range(len(columns)))
    session.execute(
        text(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {picks} FROM json_each(:rows)"),
        {"rows": payload},
    )


def _batches[T](items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def add_quotes(
    session: Session,
    drafts: Iterable[QuoteDraft],
    *,
    total: int = 0,
    progress: Progress | None = None,
) -> list[RecordId]:
    """Adds many quotes in the caller's transaction; all or nothing. Returns their ids."""
    links = _Links.load(session)
    actor = actor_of(session)
    collector = collector_of(session)
    added: list[RecordId] = []
    for batch in _batches(enumerate(drafts), BATCH):
        now = utcnow().isoformat(timespec="microseconds")  # formatted once per batch
        rows = []
        log_rows = []
        for index, draft in batch:
            row = _quote_row(draft, links, index)
            record_id = new_id()
            row.update(id=record_id, created_at=now, updated_at=now, created_by=actor)
            rows.append(row)
            log_rows.append(
                {
                    "at": now,
                    "by": actor,
                    "record_kind": RecordKind.QUOTE,
                    "record_id": record_id,
                    "action": ChangeAction.CREATE,
                    "fields": json.dumps({"bulk": True, "status": row["status"]}),
                }
            )
            added.append(record_id)
        insert_rows(session, "quotes", rows)
        insert_rows(session, "change_log", log_rows)
        for record_id in added[-len(rows) :]:
            collector.created(RecordKind.QUOTE, record_id)
        if progress is not None:
            progress(len(added), total or len(added))
    return added
