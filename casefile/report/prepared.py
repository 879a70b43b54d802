"""A case already redacted for its audience: the only input the summary sections accept."""

from __future__ import annotations

from casefile.domain.errors import NotFound
from casefile.domain.records import Claim, Contradiction, Document, Quote, Source
from casefile.domain.snapshot import CaseSnapshot
from casefile.privacy.policy import Audience
from casefile.privacy.redaction import cited, redact
from casefile.report.numbers import NumberContext, Numbers
from casefile.report.text import isolate, shorten

_KEY = object()
UNATTRIBUTED = "unattributed"


class Printable:
    """A redacted snapshot with lookups. Made only by `prepare`, which redacts first: a section
    builder cannot be handed unredacted data, because it takes nothing else."""

    def __init__(
        self, snapshot: CaseSnapshot, audience: Audience, numbers: Numbers, *, key: object
    ) -> None:
        if key is not _KEY:
            raise TypeError("a Printable is made by prepare(snapshot, audience), which redacts")
        self.snapshot = snapshot
        self.audience = audience
        self.numbers = numbers
        self.sources: dict[str, Source] = {s.id: s for s in snapshot.sources}
        self.documents: dict[str, Document] = {d.id: d for d in snapshot.documents}
        self.quotes: dict[str, Quote] = {q.id: q for q in snapshot.quotes}
        self.claims: dict[str, Claim] = {c.id: c for c in snapshot.claims}

    def source(self, source_id: str) -> Source:
        found = self.sources.get(source_id)
        if found is None:
            raise NotFound("source", source_id)
        return found

    def cited(self, source_id: str | None) -> str:
        """How this printout names a source: its name, or its pseudonym when redacted."""
        if source_id is None or source_id not in self.sources:
            return UNATTRIBUTED
        # Redaction already blanked what must not leave; `cited` picks name or pseudonym.
        return cited(self.sources[source_id], self.audience, {})

    def quotes_of(self, source_id: str) -> list[Quote]:
        return [q for q in self.snapshot.quotes if q.source_id == source_id]

    def claims_of(self, source_id: str) -> list[Claim]:
        return [c for c in self.snapshot.claims if c.source_id == source_id]

    def sources_in(self, contradiction: Contradiction) -> set[str]:
        """The sources a contradiction involves (through its quotes and claims)."""
        found: set[str] = set()
        for member in contradiction.members:
            record = self.quotes.get(member.id) or self.claims.get(member.id)
            if record is not None and record.source_id is not None:
                found.add(record.source_id)
        return found

    def document_title(self, document_id: str | None) -> str:
        if document_id is None or document_id not in self.documents:
            return ""
        return self.documents[document_id].title

    def describe_member(self, record_id: str) -> str:
        """One line for a member of a contradiction: who, and what they said or claimed."""
        quote = self.quotes.get(record_id)
        if quote is not None:
            return f"{isolate(self.cited(quote.source_id))}: “{isolate(shorten(quote.text))}”"
        claim = self.claims.get(record_id)
        if claim is not None:
            return (
                f"{isolate(self.cited(claim.source_id))}: {isolate(self.numbers.stated(claim))}"
                f" ({isolate(claim.subject)})"
            )
        return "(left out of this printout)"


def prepare(
    snapshot: CaseSnapshot, audience: Audience, numbers: NumberContext | None = None
) -> Printable:
    """Redacts `snapshot` for `audience` (FULL keeps everything) and wraps it for the builders."""
    context = numbers or NumberContext()
    return Printable(redact(snapshot, audience), audience, Numbers(context), key=_KEY)
