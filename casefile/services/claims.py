"""Claims: numbers a source stated, as exact typed values that can be compared."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casefile.domain.enums import Period, Qualifier, RecordKind
from casefile.domain.errors import InvalidValue
from casefile.domain.ids import RecordId
from casefile.domain.records import Claim, ClaimDraft
from casefile.domain.validation import (
    MAX_SHORT_TEXT,
    clean_line,
    clean_text,
    parse_date,
    parse_decimal,
    parse_enum,
)
from casefile.services import _crud, _links
from casefile.storage.records import ClaimRecord

CURRENCY_ALIASES = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}


def normalise_unit(unit: str) -> str:
    """Units as stored: currency codes upper-case ("usd" → "USD"), other units lower-case."""
    text = clean_line("unit", unit, required=True, max_len=100)
    if text in CURRENCY_ALIASES:
        return CURRENCY_ALIASES[text]
    if (len(text) == 3 and text.isalpha() and text.isupper()) or text.lower() in _KNOWN_CODES:
        return text.upper()
    return text.lower()


_KNOWN_CODES = {
    "usd", "eur", "gbp", "jpy", "chf", "cny", "rub", "uah", "syp", "iqd", "lyd", "sdg", "try",
    "egp", "sar", "aed", "qar", "kwd", "jod", "lbp", "ils", "irr", "afn", "pkr", "inr", "ngn",
    "kes", "etb", "zar", "cad", "aud", "nzd", "brl", "mxn", "cop", "ars", "xof", "xaf", "mad",
    "dzd", "tnd", "yer", "omr", "bhd", "sek", "nok", "dkk", "pln", "czk", "huf", "ron", "bgn",
}  # fmt: skip


def clean(session: Session, draft: ClaimDraft) -> ClaimDraft:
    value = parse_decimal("value", draft.value)
    value_max = None if draft.value_max is None else parse_decimal("value max", draft.value_max)
    if value_max is not None and value_max < value:
        raise InvalidValue(
            "value max", "is smaller than the value", hint="a range goes from low to high"
        )
    document_id = _links.existing(session, "document", draft.document_id)
    start, end = draft.span_start, draft.span_end
    if document_id is None:
        start = end = None
    _links.span_in_document(session, document_id, start, end)
    return ClaimDraft(
        # May be empty: "what is counted" is not always said, and detection then compares
        # claims of the same unit and period.
        subject=clean_line("subject", draft.subject),
        value=value,
        unit=normalise_unit(draft.unit),
        value_max=value_max,
        qualifier=parse_enum("qualifier", Qualifier, draft.qualifier),
        period=parse_enum("period", Period, draft.period),
        per=clean_line("per", draft.per),
        as_of=parse_date("as of", draft.as_of),
        source_id=_links.existing(session, "source", draft.source_id),
        quote_id=_links.existing(session, "quote", draft.quote_id),
        document_id=document_id,
        span_start=start,
        span_end=end,
        raw_text=clean_line("raw text", draft.raw_text, max_len=MAX_SHORT_TEXT),
        note=clean_text("note", draft.note),
    )


SPEC = _crud.KindSpec(RecordKind.CLAIM, ClaimRecord, Claim, ClaimDraft, clean)


def add(session: Session, draft: ClaimDraft, *, record_id: RecordId | None = None) -> Claim:
    record, _ = _crud.add(session, SPEC, draft, record_id=record_id)
    return SPEC.value_of(session, record)


def get(session: Session, claim_id: str) -> Claim:
    return _crud.get(session, SPEC, claim_id)


def update(session: Session, claim_id: str, draft: ClaimDraft) -> Claim:
    record, _, _ = _crud.update(session, SPEC, claim_id, draft)
    return SPEC.value_of(session, record)


def list_all(
    session: Session, *, source_id: str | None = None, quote_id: str | None = None
) -> list[Claim]:
    query = select(ClaimRecord).order_by(ClaimRecord.subject, ClaimRecord.pk)
    if source_id is not None:
        query = query.where(ClaimRecord.source_id == source_id)
    if quote_id is not None:
        query = query.where(ClaimRecord.quote_id == quote_id)
    return [SPEC.value_of(session, r) for r in session.scalars(query)]


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ClaimRecord)) or 0


def subjects(session: Session) -> list[tuple[str, int]]:
    """The case's subjects with how many claims use each, most used first."""
    rows = session.execute(
        select(ClaimRecord.subject, func.count())
        .group_by(ClaimRecord.subject)
        .order_by(func.count().desc(), ClaimRecord.subject)
    )
    return [(subject, n) for subject, n in rows]


def units(session: Session) -> list[str]:
    """The units the case's claims use, for filters."""
    return sorted(session.scalars(select(ClaimRecord.unit).distinct()))
