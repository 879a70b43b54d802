"""Every stored column, classified. Exports, printouts, the clipboard, the privacy screen and the
change log decide what may leave by this table alone; a test fails for any unclassified column.

- PUBLIC: structure with no content (ids, enums, links, sizes). May appear in logs.
- CONFIDENTIAL: unpublished material (quotes, numbers, titles). Encrypted at rest; travels in
  redacted exports; never in logs, settings or file names.
- IDENTIFYING: could point to a person. For sources whose protection masks their identity it
  leaves the case only in a full export or printout; the change log never stores its values.
"""

from __future__ import annotations

from enum import StrEnum


class FieldClass(StrEnum):
    PUBLIC = "public"
    CONFIDENTIAL = "confidential"
    IDENTIFYING = "identifying"


P, C, ID = FieldClass.PUBLIC, FieldClass.CONFIDENTIAL, FieldClass.IDENTIFYING

_META = {"pk": P, "id": P, "created_at": P, "updated_at": P, "created_by": C}

CLASSIFICATION: dict[str, dict[str, FieldClass]] = {
    "case_info": {
        **_META,
        "title": C,
        "summary": C,
        "languages": P,
        "currency_rates": C,
        "base_currency": P,
        "sharing_identity": ID,  # a secret key: the most restricted class there is
    },
    "sources": {
        **_META,
        "kind": P,
        "name": ID,
        "pseudonym": C,
        "protection": P,
        "role": ID,
        "affiliation": ID,
        "location": ID,
        "contact": ID,
        "reliability": C,
        "reliability_note": ID,
        "first_contact_on": C,
        "first_contact_how": ID,
        "notes": ID,
        "name_withheld": P,
    },
    "documents": {
        **_META,
        "title": C,
        "origin": C,
        "url": C,
        "file_name": C,
        "media_type": P,
        "published_on": C,
        "retrieved_on": C,
        "language": P,
        "text": C,
        "sha256": C,
        "size_bytes": P,
    },
    "quotes": {
        **_META,
        "text": C,
        "source_id": P,
        "document_id": P,
        "span_start": P,
        "span_end": P,
        "medium": P,
        "place": ID,
        "said_on": C,
        "context": C,
        "status": P,
        "kind": P,
        "language": P,
    },
    "claims": {
        **_META,
        "subject": C,
        "value": C,
        "value_max": C,
        "qualifier": P,
        "unit": P,
        "period": P,
        "per": C,
        "as_of": C,
        "source_id": P,
        "quote_id": P,
        "document_id": P,
        "span_start": P,
        "span_end": P,
        "raw_text": C,
        "note": C,
    },
    "contradictions": {
        **_META,
        "kind": P,
        "origin": P,
        "status": P,
        "description": C,
        "settle_by": C,
        "resolution": C,
        "signature": P,
    },
    "contradiction_members": {
        "pk": P,
        "contradiction_id": P,
        "position": P,
        "claim_id": P,
        "quote_id": P,
    },
    "tags": {**_META, "name": C, "color": P},
    "record_tags": {"tag_id": P, "record_kind": P, "record_id": P},
    "notes": {**_META, "text": C, "target_kind": P, "target_id": P},
    # Random export ids and keyed hashes: structure, no content.
    "exchange_ids": {
        "export_id": P,
        "record_kind": P,
        "record_id": P,
        "direction": P,
        "export_nonce": P,
        "at": P,
        "fingerprint": P,
    },
    "change_log": {
        "seq": P,
        "at": P,
        "by": C,
        "record_kind": P,
        "record_id": P,
        "action": P,
        "fields": ID,
    },
}


def field_class(table: str, column: str) -> FieldClass:
    """The class of a column; KeyError for an unclassified one (tests make that impossible)."""
    return CLASSIFICATION[table][column]


def identifying_fields(table: str) -> frozenset[str]:
    return frozenset(c for c, k in CLASSIFICATION[table].items() if k is FieldClass.IDENTIFYING)


def public_fields(table: str) -> frozenset[str]:
    return frozenset(c for c, k in CLASSIFICATION[table].items() if k is FieldClass.PUBLIC)
