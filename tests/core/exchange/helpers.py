"""Shared by the exchange tests: plaintext "sealing" (the age module has its own tests), a case
with every kind of record, and comparisons of cases modulo local ids."""

from __future__ import annotations

import json
from dataclasses import fields
from decimal import Decimal
from pathlib import Path
from typing import Any

from casefile.domain.enums import Protection, RecordKind
from casefile.domain.records import (
    ContradictionDraft,
    DocumentDraft,
    MemberRef,
    NoteDraft,
    TagDraft,
)
from casefile.domain.snapshot import CaseSnapshot
from casefile.services import (
    claims,
    contradictions,
    documents,
    notes,
    quotes,
    snapshot,
    sources,
    tags,
)
from casefile.services.case import OpenCase, create_case
from casefile.services.exchange import Sealing, export_case
from casefile.services.exchange_import import MergeReport, import_file
from tests import factories

PLAIN = Sealing(encrypt=lambda p: p, label="none (tests)")


def same(data: bytes) -> bytes:
    return data


def new_case(folder: Path, name: str, actor: str = "Tester") -> OpenCase:
    return create_case(folder / f"{name}.casefile", title=name, passphrase=None, actor=actor)


def export(case: OpenCase, path: Path, **options: Any) -> dict[str, Any]:
    export_case(case, path, sealing=PLAIN, **options)
    loaded: dict[str, Any] = json.loads(path.read_bytes())
    return loaded


def import_(case: OpenCase, path: Path, **options: Any) -> MergeReport:
    return import_file(case, path, decrypt=same, **options)


def fill(case: OpenCase, canary: str = "", phone: str = "") -> dict[str, Any]:
    """One of every kind: named, background, anonymous and never-reveal sources, a document,
    quotes and claims with spans, a contradiction, tags and notes."""
    canary = canary or factories.canary_name()
    phone = phone or factories.canary_phone()
    with case.transaction("Tester") as s:
        anon = sources.add(s, factories.protected_source(name=canary, contact=phone))
        never = sources.add(
            s, factories.protected_source(protection=Protection.NEVER_REVEAL, pseudonym="")
        )
        back = sources.add(
            s, factories.protected_source(protection=Protection.BACKGROUND, pseudonym="an aide")
        )
        named = sources.add(s, factories.source(name="Named Okafor", role="spokesman"))
        doc = documents.add(
            s, DocumentDraft(title="Ministry statement", text="The pay was 2,000 USD a month.")
        )
        qa = quotes.add(s, factories.quote(text="They promised two thousand", source_id=anon.id))
        qn = quotes.add(s, factories.quote(text="Bonus per recruit", source_id=never.id))
        qd = quotes.add(
            s,
            factories.quote(
                text="The pay was",
                source_id=named.id,
                document_id=doc.id,
                span_start=0,
                span_end=11,
            ),
        )
        ca = claims.add(s, factories.claim(source_id=anon.id, quote_id=qa.id))
        cb = claims.add(s, factories.claim(source_id=back.id, value=Decimal("1500.50")))
        cn = claims.add(
            s,
            factories.claim(
                source_id=named.id,
                document_id=doc.id,
                span_start=12,
                span_end=17,
                value=Decimal(2000),
            ),
        )
        k = contradictions.add(
            s,
            ContradictionDraft(
                members=(MemberRef(RecordKind.CLAIM, ca.id), MemberRef(RecordKind.CLAIM, cb.id)),
                description="Anon and aide disagree",
            ),
        )
        tag = tags.add(s, TagDraft(name="pay", color="#aa0000"))
        tags.tag(s, tag.id, RecordKind.QUOTE, qa.id)
        tags.tag(s, tag.id, RecordKind.CLAIM, cn.id)
        notes.add(
            s, NoteDraft(text="Ask the ministry", target_kind=RecordKind.QUOTE, target_id=qd.id)
        )
        notes.add(
            s,
            NoteDraft(text="Lives near the port", target_kind=RecordKind.SOURCE, target_id=anon.id),
        )
        notes.add(s, NoteDraft(text="Deadline Friday"))
    return {
        "canary": canary,
        "phone": phone,
        "anon": anon,
        "never": never,
        "back": back,
        "named": named,
        "doc": doc,
        "qa": qa,
        "qn": qn,
        "qd": qd,
        "ca": ca,
        "cb": cb,
        "cn": cn,
        "contradiction": k,
        "tag": tag,
    }


def take(case: OpenCase) -> CaseSnapshot:
    with case.read() as s:
        return snapshot.take(s)


_IDS = {"id", "source_id", "document_id", "quote_id", "target_id", "tag_id", "record_id"}


def comparable(snap: CaseSnapshot, *, edits: bool = True) -> list[Any]:
    """The case's records with local ids replaced by stable content keys (ids differ between
    cases by design), sorted, so two cases can be compared for equality. `edits=False` leaves
    out when each record was last edited (each side stamps its own edits)."""
    keys: dict[str, str] = {}
    for group in (snap.sources, snap.documents, snap.quotes, snap.claims, snap.tags):
        for record in group:
            keys[record.id] = f"{type(record).__name__}:{record.created_at.isoformat()}:" + (
                getattr(record, "name", "")
                or getattr(record, "text", "")
                or getattr(record, "subject", "")
            )
    keys[snap.case.id] = "case"

    def value(record: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(record):
            v = getattr(record, f.name)
            if f.name in _IDS:
                v = keys.get(v, v) if v is not None else None
            elif f.name == "members":
                v = tuple(sorted(keys.get(m.id, m.id) for m in v))
            out[f.name] = v
        if not edits:
            out.pop("updated_at", None)
        if "id" in out:
            out["id"] = keys.get(record.id, "(unkeyed)")
        return out

    rows: list[Any] = []
    groups: tuple[tuple[Any, ...], ...] = (
        snap.sources,
        snap.documents,
        snap.quotes,
        snap.claims,
        snap.tags,
        snap.contradictions,
        snap.notes,
    )
    for group in groups:
        rows.extend(sorted((value(r) for r in group), key=repr))
    rows.append(
        sorted((keys[t.tag_id], t.record_kind, keys.get(t.record_id)) for t in snap.tag_links)
    )
    return rows
