"""Full-text search (SQLite FTS5) across sources, documents, quotes, claims and notes.

What the user types is never handed to MATCH as syntax: it is split into words, and each word
becomes a quoted prefix term, so `"unbalanced AND (` searches for the words "unbalanced" and
"and" instead of failing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from casefile.domain.enums import Protection, RecordKind
from casefile.domain.ids import RecordId
from casefile.storage.records import (
    ClaimRecord,
    DocumentRecord,
    NoteRecord,
    QuoteRecord,
    SourceRecord,
)

# Kind codes of the search index rowid (code << 40 | pk); part of the file format (migration 0001).
KIND_CODES: dict[int, tuple[RecordKind, Any]] = {
    1: (RecordKind.SOURCE, SourceRecord),
    2: (RecordKind.DOCUMENT, DocumentRecord),
    3: (RecordKind.QUOTE, QuoteRecord),
    4: (RecordKind.CLAIM, ClaimRecord),
    5: (RecordKind.NOTE, NoteRecord),
}
MAX_TERMS = 16
MAX_TERM_LENGTH = 64
SNIPPET_BEFORE, SNIPPET_AFTER = 40, 100
FOLD_LIMIT = 20_000


@dataclass(frozen=True)
class SearchHit:
    kind: RecordKind
    id: RecordId
    title: str
    snippet: str
    # The source a hit is (for sources) or is attributed to (quotes, claims): lets a view mask it.
    source_id: RecordId | None = None
    protection: Protection | None = None
    pseudonym: str = ""
    source_name: str = ""


def terms_of(query: str) -> list[str]:
    """The words of a query: runs of letters, marks and digits; everything else separates."""
    words: list[str] = []
    current: list[str] = []
    for ch in unicodedata.normalize("NFC", query):
        if unicodedata.category(ch)[0] in "LMN":
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return [w[:MAX_TERM_LENGTH] for w in words[:MAX_TERMS]]


def match_expression(query: str) -> str | None:
    terms = terms_of(query)
    if not terms:
        return None
    return " ".join(f'"{t}"*' for t in terms)


def _fold(s: str) -> str:
    decomposed = unicodedata.normalize("NFKD", s.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def snippet_of(body: str, terms: list[str]) -> str:
    """A short window of `body` around the first term found, case-blind (and accent-blind
    within the first FOLD_LIMIT characters). Works on the raw text: a document of several
    megabytes is searched, not copied or folded whole."""
    position = -1
    for term in terms:
        found = re.search(re.escape(term), body, re.IGNORECASE)
        if found:
            position = found.start()
            break
    if position < 0:
        head = body[:FOLD_LIMIT]
        folded = _fold(head)
        for term in terms:
            at = folded.find(_fold(term))
            if at >= 0:
                position = int(at * len(head) / max(1, len(folded)))
                break
    position = max(position, 0)
    start = max(0, position - SNIPPET_BEFORE)
    end = min(len(body), position + SNIPPET_AFTER)
    window = " ".join(body[start:end].split())
    return ("…" if start > 0 else "") + window + ("…" if end < len(body) else "")


def _rowids(session: Session, expression: str, code: int, limit: int) -> list[int]:
    """Matching index rows of one kind, newest first.

    Newest rather than most relevant: ranking (bm25) costs ~1 µs per match, so a word found
    in 200k quotes took 0.2 s to rank; by recency it is a few milliseconds whatever the size,
    and a reporter scanning hits of a common word wants the recent ones."""
    rows = session.execute(
        text(
            "SELECT rowid FROM search_index WHERE search_index MATCH :q "
            "AND rowid BETWEEN :lo AND :hi ORDER BY rowid DESC LIMIT :n"
        ),
        {"q": expression, "lo": code << 40, "hi": ((code + 1) << 40) - 1, "n": limit},
    ).all()
    return [int(r[0]) for r in rows]


def search(session: Session, query: str, *, limit: int = 200) -> list[SearchHit]:
    """Hits grouped by kind (sources, documents, quotes, claims, notes), at most `limit` of
    each kind, newest first."""
    expression = match_expression(query)
    if expression is None:
        return []
    order = [rowid for code in KIND_CODES for rowid in _rowids(session, expression, code, limit)]
    by_code: dict[int, list[int]] = {}
    for rowid in order:
        by_code.setdefault(rowid >> 40, []).append(rowid & ((1 << 40) - 1))
    terms = terms_of(query)
    found: dict[int, SearchHit] = {}
    for code, pks in by_code.items():
        if code not in KIND_CODES:
            continue
        kind, table = KIND_CODES[code]
        records = session.scalars(select(table).where(table.pk.in_(pks))).all()
        sources = _sources_of(session, kind, records)
        for record in records:
            found[(code << 40) + record.pk] = _hit(kind, record, terms, sources)
    return [found[r] for r in order if r in found]


def _sources_of(session: Session, kind: RecordKind, records: Any) -> dict[str, SourceRecord]:
    if kind is RecordKind.SOURCE:
        return {r.id: r for r in records}
    if kind not in (RecordKind.QUOTE, RecordKind.CLAIM):
        return {}
    ids = {r.source_id for r in records if r.source_id}
    if not ids:
        return {}
    return {s.id: s for s in session.scalars(select(SourceRecord).where(SourceRecord.id.in_(ids)))}


def _hit(
    kind: RecordKind, record: Any, terms: list[str], sources: dict[str, SourceRecord]
) -> SearchHit:
    source: SourceRecord | None = None
    if kind is RecordKind.SOURCE:
        source = record
        title = record.name
        body = "\n".join(
            [record.pseudonym, record.role, record.affiliation, record.location, record.notes]
        )
    elif kind is RecordKind.DOCUMENT:
        title, body = record.title, record.text
    elif kind is RecordKind.QUOTE:
        source = sources.get(record.source_id) if record.source_id else None
        title, body = record.text[:120], record.text + "\n" + record.context
    elif kind is RecordKind.CLAIM:
        source = sources.get(record.source_id) if record.source_id else None
        title, body = record.subject, record.raw_text or record.subject
    else:
        title, body = record.text[:120], record.text
    return SearchHit(
        kind=kind,
        id=RecordId(record.id),
        title=" ".join(title.split()),
        snippet=snippet_of(body, terms),
        source_id=RecordId(source.id) if source is not None else None,
        protection=source.protection if source is not None else None,
        pseudonym=source.pseudonym if source is not None else "",
        source_name=source.name if source is not None else "",
    )


def forget_removed_terms(session: Session) -> None:
    """Rewrites the search index so that words of deleted or edited records are gone from the
    file, not merely unreachable. FTS5's secure-delete drops a record's positions at once but
    keeps its words in the term dictionary until segments merge; `optimize` merges them all.
    Run after a source (whose name is indexed) is renamed or deleted, and after a note is
    deleted. About 1 s on a 200k-quote case, once; near nothing after that."""
    session.execute(text("INSERT INTO search_index(search_index) VALUES('optimize')"))
