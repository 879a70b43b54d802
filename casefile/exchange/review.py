"""The review before a redacted export: passages that would leave the case and that mention an
identifying detail (a name token, a phone number, an e-mail address) of the protected source
they are linked to. Redaction blanks fields; it cannot know that a quote says "I, Samir, …"."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from casefile.domain.enums import Protection, RecordKind
from casefile.domain.records import Source
from casefile.domain.snapshot import CaseSnapshot
from casefile.privacy.policy import Audience
from casefile.privacy.redaction import RedactionOptions, redact

MIN_TOKEN = 3
MIN_PHONE_DIGITS = 7
_PHONE = re.compile(r"\+?\d[\d ().\-/]{5,}\d")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_WORD = re.compile(r"\w+")
DEFAULT_OPTIONS = RedactionOptions()

# The free-text fields of each kind that travel in a redacted export.
TEXT_FIELDS: dict[RecordKind, tuple[str, ...]] = {
    RecordKind.SOURCE: ("pseudonym",),
    RecordKind.QUOTE: ("text", "context"),
    RecordKind.CLAIM: ("subject", "raw_text", "note", "per"),
    RecordKind.NOTE: ("text",),
    RecordKind.CONTRADICTION: ("description", "settle_by", "resolution"),
}


@dataclass(frozen=True)
class Finding:
    """One passage to look at. `what` is "name", "phone" or "e-mail"; never the matched text."""

    source_id: str
    record_kind: RecordKind
    record_id: str
    field: str
    what: str

    @property
    def key(self) -> str:
        """Stable between runs: what an acknowledgement refers to."""
        return (
            f"{self.record_kind.value}:{self.record_id}:{self.field}:{self.source_id}:{self.what}"
        )


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass(frozen=True)
class _Identity:
    tokens: frozenset[str]
    phones: frozenset[str]
    emails: frozenset[str]

    @classmethod
    def of(cls, source: Source) -> _Identity:
        words = _WORD.findall(_fold(source.name))
        tokens = frozenset(w for w in words if len(w) >= MIN_TOKEN and not w.isdigit())
        phones = frozenset(
            d for d in (_digits(m) for m in _PHONE.findall(source.contact)) if len(d) >= 7
        )
        emails = frozenset(_fold(m) for m in _EMAIL.findall(source.contact))
        return cls(tokens, phones, emails)

    def mentions(self, text: str) -> Iterator[str]:
        folded = _fold(text)
        if self.tokens and not self.tokens.isdisjoint(_WORD.findall(folded)):
            yield "name"
        if self.phones:
            found = {_digits(m) for m in _PHONE.findall(folded)}
            if any(p.endswith(f[-MIN_PHONE_DIGITS:]) or f.endswith(p[-MIN_PHONE_DIGITS:])
                   for p in self.phones for f in found if len(f) >= MIN_PHONE_DIGITS):  # fmt: skip
                yield "phone"
        if self.emails and any(e in folded for e in self.emails):
            yield "e-mail"


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def review_findings(
    snapshot: CaseSnapshot, options: RedactionOptions = DEFAULT_OPTIONS
) -> list[Finding]:
    """Findings for the redacted export of `snapshot` (a full, unredacted snapshot)."""
    identities: dict[str, _Identity] = {
        s.id: _Identity.of(s)
        for s in snapshot.sources
        if s.protection is not Protection.NAMED and not s.name_withheld
    }
    if not identities:
        return []
    shown = redact(snapshot, Audience.REDACTED, options)
    linked: dict[tuple[RecordKind, str], set[str]] = {}

    def link(kind: RecordKind, record_id: str, source_id: str | None) -> None:
        if source_id in identities:
            linked.setdefault((kind, record_id), set()).add(source_id)

    for source in shown.sources:
        link(RecordKind.SOURCE, source.id, source.id)
    for quote in shown.quotes:
        link(RecordKind.QUOTE, quote.id, quote.source_id)
    for claim in shown.claims:
        link(RecordKind.CLAIM, claim.id, claim.source_id)
    for note in shown.notes:
        for owner in linked.get((note.target_kind, note.target_id or ""), set()).copy():
            link(RecordKind.NOTE, note.id, owner)
    for contradiction in shown.contradictions:
        for member in contradiction.members:
            for owner in linked.get((member.kind, member.id), set()).copy():
                link(RecordKind.CONTRADICTION, contradiction.id, owner)
    records: dict[tuple[RecordKind, str], Any] = {
        (kind, r.id): r
        for kind, group in (
            (RecordKind.SOURCE, shown.sources),
            (RecordKind.QUOTE, shown.quotes),
            (RecordKind.CLAIM, shown.claims),
            (RecordKind.NOTE, shown.notes),
            (RecordKind.CONTRADICTION, shown.contradictions),
        )
        for r in group
    }
    return _scan(linked, records, identities)


def _scan(
    linked: dict[tuple[RecordKind, str], set[str]],
    records: dict[tuple[RecordKind, str], Any],
    identities: dict[str, _Identity],
) -> list[Finding]:
    findings: list[Finding] = []
    for (kind, record_id), owners in linked.items():
        record = records[(kind, record_id)]
        for name in TEXT_FIELDS[kind]:
            text = getattr(record, name)
            if not text:
                continue
            for source_id in sorted(owners):
                findings.extend(
                    Finding(source_id, kind, record_id, name, what)
                    for what in identities[source_id].mentions(text)
                )
    return findings


def unacknowledged(findings: list[Finding], acknowledged: frozenset[str]) -> list[Finding]:
    return [f for f in findings if f.key not in acknowledged]
