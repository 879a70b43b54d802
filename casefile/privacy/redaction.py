"""Redaction by audience: the one place that decides what of a case may leave it.

Exports and printouts both start from `redact(snapshot, audience)`, so a printout can never show
what an export would withhold. Rules (REDACTED audience):
- anonymous and never_reveal sources: only their pseudonym (or a neutral label) and protection
  level leave; every other field of the source is blank.
- background sources: cited by pseudonym; their identifying fields are blank.
- named sources: everything.
- quotes and claims of never_reveal sources are left out, unless `include_never_reveal`.
- fields classified IDENTIFYING on quotes (the place) are blank when the speaker is not named.
- notes attached to a source that is not named are left out.
- contradictions keep only members that are kept; with fewer than two left, they are left out.
FULL audience: everything, unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from casefile.domain.enums import Protection, RecordKind
from casefile.domain.records import Source
from casefile.domain.snapshot import CaseSnapshot
from casefile.privacy.classification import CLASSIFICATION, FieldClass
from casefile.privacy.policy import PROTECTED_PLACEHOLDER, Audience

_SOURCE_DEFAULTS: dict[str, Any] = {
    "name": "",
    "pseudonym": "",
    "role": "",
    "affiliation": "",
    "location": "",
    "contact": "",
    "reliability": None,
    "reliability_note": "",
    "first_contact_on": None,
    "first_contact_how": "",
    "notes": "",
    "created_by": "",
}


@dataclass(frozen=True)
class RedactionOptions:
    include_never_reveal: bool = False


def neutral_labels(snapshot: CaseSnapshot) -> dict[str, str]:
    """Labels for non-named sources without a pseudonym: "protected source 1", "… 2" (in the
    order the case lists them), so two such sources are never merged into one on paper."""
    labels: dict[str, str] = {}
    n = 0
    for s in snapshot.sources:
        if s.protection is not Protection.NAMED and not s.pseudonym:
            n += 1
            labels[s.id] = f"{PROTECTED_PLACEHOLDER[1:-1]} {n}"
    return labels


def cited(source: Source, audience: Audience, labels: dict[str, str]) -> str:
    """How an output names this source."""
    if audience is Audience.FULL or source.protection is Protection.NAMED:
        return source.name
    return source.pseudonym or labels.get(source.id, PROTECTED_PLACEHOLDER)


def _identifying(table: str) -> list[str]:
    return [c for c, k in CLASSIFICATION[table].items() if k is FieldClass.IDENTIFYING]


def redact_source(source: Source, labels: dict[str, str]) -> Source:
    if source.protection is Protection.NAMED:
        return source
    pseudonym = source.pseudonym or labels.get(source.id, PROTECTED_PLACEHOLDER)
    if source.protection.masks_identity:
        keep = {"id", "created_at", "updated_at", "protection", "kind"}
        blanks = {
            f.name: _SOURCE_DEFAULTS[f.name]
            for f in fields(Source)
            if f.name not in keep and f.name in _SOURCE_DEFAULTS
        }
        return replace(source, **{**blanks, "pseudonym": pseudonym})
    blanks = {name: _SOURCE_DEFAULTS[name] for name in _identifying("sources")}
    return replace(source, **blanks, pseudonym=pseudonym, created_by="")


def redact(
    snapshot: CaseSnapshot,
    audience: Audience = Audience.REDACTED,
    options: RedactionOptions = RedactionOptions(),
) -> CaseSnapshot:
    if audience is Audience.FULL:
        return snapshot
    labels = neutral_labels(snapshot)
    protection: dict[str, Protection] = {s.id: s.protection for s in snapshot.sources}

    def speaker_kept(source_id: str | None) -> bool:
        if source_id is None:
            return True
        return (
            options.include_never_reveal or protection.get(source_id) is not Protection.NEVER_REVEAL
        )

    def named(source_id: str | None) -> bool:
        return source_id is None or protection.get(source_id) is Protection.NAMED

    quotes = tuple(
        q if named(q.source_id) else replace(q, place="")
        for q in snapshot.quotes
        if speaker_kept(q.source_id)
    )
    kept_quotes = {q.id for q in quotes}
    claims = tuple(
        replace(c, quote_id=c.quote_id if c.quote_id in kept_quotes else None)
        for c in snapshot.claims
        if speaker_kept(c.source_id)
    )
    kept = {(RecordKind.QUOTE, q) for q in kept_quotes} | {(RecordKind.CLAIM, c.id) for c in claims}
    contradictions = []
    for k in snapshot.contradictions:
        members = tuple(m for m in k.members if (m.kind, m.id) in kept)
        if len(members) >= 2:
            contradictions.append(replace(k, members=members))
    hidden_sources = {s.id for s in snapshot.sources if s.protection is not Protection.NAMED}
    notes = tuple(
        n
        for n in snapshot.notes
        if not (n.target_kind is RecordKind.SOURCE and n.target_id in hidden_sources)
        and not (n.target_kind is RecordKind.QUOTE and n.target_id not in kept_quotes)
        and not (n.target_kind is RecordKind.CLAIM and n.target_id not in {c.id for c in claims})
    )
    kept_refs = (
        kept
        | {(RecordKind.SOURCE, s.id) for s in snapshot.sources}
        | {(RecordKind.DOCUMENT, d.id) for d in snapshot.documents}
        | {(RecordKind.CONTRADICTION, k.id) for k in contradictions}
        | {(RecordKind.NOTE, n.id) for n in notes}
    )
    return replace(
        snapshot,
        sources=tuple(redact_source(s, labels) for s in snapshot.sources),
        quotes=quotes,
        claims=claims,
        contradictions=tuple(contradictions),
        notes=notes,
        tag_links=tuple(t for t in snapshot.tag_links if (t.record_kind, t.record_id) in kept_refs),
        case=replace(snapshot.case, created_by=""),
    )
