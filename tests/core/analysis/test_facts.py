"""ClaimFacts from stored claims: what detection knows about each claim, worked out once."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from casefile.analysis.detect import detect
from casefile.analysis.facts import facts_of
from casefile.domain.enums import Period, Qualifier
from casefile.domain.ids import RecordId, new_id
from casefile.domain.records import Claim

NOW = datetime(2025, 5, 14, tzinfo=UTC)


def stored(**fields: object) -> Claim:
    values: dict[str, object] = {
        "id": new_id(),
        "created_at": NOW,
        "updated_at": NOW,
        "created_by": "Reporter",
        "subject": "monthly pay per fighter",
        "value": Decimal(2000),
        "unit": "USD",
        "period": Period.MONTH,
        "per": "fighter",
    }
    values.update(fields)
    return Claim(**values)  # type: ignore[arg-type]


def test_facts_of_a_stored_claim() -> None:
    source = RecordId("0b0c1d2e-0000-4000-8000-000000000001")
    claim = stored(source_id=source, as_of=date(2025, 5, 12), raw_text="$2,000 a month")
    got = facts_of(claim, source_label="a relative of a recruit")
    assert (got.id, got.subject_key, got.source_id) == (claim.id, "monthly pay per fighter", source)
    assert got.normalised.compat == "currency:USD:month:person"
    assert got.origin == f"{source}|2025-05-12"
    assert got.raw_text == "$2,000 a month"


def test_facts_of_claims_feed_detection_with_the_cases_rates() -> None:
    euros = stored(unit="EUR", value=Decimal(1000), qualifier=Qualifier.ABOUT)
    dollars = stored(value=Decimal(2000))
    rates = {"EUR": Decimal("1.08")}
    found = detect([facts_of(euros, rates=rates), facts_of(dollars, rates=rates)])
    assert [set(c.members) for c in found] == [{euros.id, dollars.id}]
    assert found[0].reason == (
        "about €1,000 per fighter per month (unattributed) vs "
        "$2,000 per fighter per month (unattributed): no overlap "
        "($864–$1,296 per person per month vs $2,000 per person per month)"
    )
