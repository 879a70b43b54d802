"""One-line descriptions of records for links, lists and titles (plain text)."""

from __future__ import annotations

from casefile.domain.records import Claim, Contradiction, Quote, Source
from ui.models.columns import claim_value_text
from ui.privacy_state import PrivacyState


def claim_line(claim: Claim) -> str:
    value = claim_value_text(
        claim.value,
        value_max=claim.value_max,
        qualifier=claim.qualifier,
        unit=claim.unit,
        period=claim.period,
        per=claim.per,
    )
    return f"{claim.subject}: {value}"


def quote_line(quote: Quote, limit: int = 160) -> str:
    text = " ".join(quote.text.split())
    return f"“{text[:limit]}{'…' if len(text) > limit else ''}”"


def contradiction_line(contradiction: Contradiction) -> str:
    what = (
        contradiction.description
        or f"{len(contradiction.members)} {contradiction.kind.value} members"
    )
    return f"[{contradiction.status.value}] {what}"


def source_name(source: Source | None, privacy: PrivacyState) -> str:
    if source is None:
        return "(unattributed)"
    return privacy.name(source.id, source.name, source.pseudonym, source.protection)
