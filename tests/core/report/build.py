"""In-memory case snapshots for the report tests (no database): records with valid meta."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from casefile.domain.enums import (
    ContradictionKind,
    ContradictionStatus,
    Medium,
    Period,
    Protection,
    QuoteStatus,
    RecordKind,
    Reliability,
)
from casefile.domain.ids import new_id
from casefile.domain.records import (
    Case,
    Claim,
    Contradiction,
    Document,
    MemberRef,
    Quote,
    Source,
)
from casefile.domain.snapshot import CaseSnapshot
from tests.factories import canary_name, canary_phone

NOW = datetime(2026, 5, 1, tzinfo=UTC)
PRINTED = date(2026, 6, 1)


def meta() -> dict[str, Any]:
    return {"id": new_id(), "created_at": NOW, "updated_at": NOW, "created_by": "Reporter Name"}


@dataclass
class Story:
    """A small case: a named Arabic-named father, an anonymous mother (canary identity), a
    never-reveal insider (canary identity), their quotes, numbers and contradictions."""

    snapshot: CaseSnapshot
    father: Source
    mother: Source
    insider: Source
    canaries: list[str]
    quotes: dict[str, Quote]
    claims: dict[str, Claim]


def story() -> Story:
    mother_name, insider_name = canary_name(), canary_name()
    mother_phone = canary_phone()
    father = Source(
        **meta(),
        name="سمير الحلبي",
        protection=Protection.NAMED,
        role="Father of a recruit",
        reliability=Reliability.B,
        reliability_note="Consistent twice",
        first_contact_on=date(2026, 5, 10),
        first_contact_how="Introduced by a neighbour",
    )
    mother = Source(
        **meta(),
        name=mother_name,
        pseudonym="a relative of a recruit",
        protection=Protection.ANONYMOUS,
        role=f"Mother of {mother_name.split()[0]}",
        location="Quarry Lane 7",
        contact=mother_phone,
        reliability=Reliability.C,
        reliability_note=f"Cousin of {mother_name}",
        first_contact_how=f"Via {mother_name.split()[1]}",
        notes=f"Lives with {mother_name}",
    )
    insider = Source(**meta(), name=insider_name, pseudonym="", protection=Protection.NEVER_REVEAL)
    doc = Document(**meta(), title="Harbour families say sons were lured", text="x" * 500)
    q = {
        "father": Quote(
            **meta(),
            text="They promised him US$2000 per month",
            source_id=father.id,
            document_id=doc.id,
            span_start=10,
            span_end=45,
            said_on=date(2026, 5, 10),
            status=QuoteStatus.CONFIRMED,
        ),
        "mother": Quote(
            **meta(),
            text="The first transfer was $1000",
            source_id=mother.id,
            medium=Medium.PHONE,
            place=f"at {mother_name.split()[1]}'s house",
            said_on=date(2026, 5, 12),
        ),
        "insider": Quote(**meta(), text="Bonus per recruit was secret", source_id=insider.id),
    }
    c = {
        "father": Claim(
            **meta(),
            subject="monthly pay",
            value=Decimal(2000),
            unit="USD",
            period=Period.MONTH,
            source_id=father.id,
            raw_text="US$2000 per month",
            as_of=date(2026, 5, 10),
        ),
        "mother": Claim(
            **meta(),
            subject="monthly pay",
            value=Decimal(1000),
            unit="USD",
            period=Period.MONTH,
            source_id=mother.id,
            raw_text="$1000",
            as_of=date(2026, 5, 12),
        ),
        "agrees": Claim(
            **meta(),
            subject="Monthly pay",
            value=Decimal(24000),
            unit="USD",
            period=Period.YEAR,
            source_id=mother.id,
            raw_text="$24,000 a year",
        ),
        "insider": Claim(
            **meta(), subject="bonus", value=Decimal(500), unit="USD", source_id=insider.id
        ),
    }
    contradictions = (
        Contradiction(
            **meta(),
            members=(
                MemberRef(RecordKind.CLAIM, c["father"].id),
                MemberRef(RecordKind.CLAIM, c["mother"].id),
            ),
            kind=ContradictionKind.NUMERIC,
            description="Monthly pay: 2,000 vs 1,000",
            settle_by="A pay slip",
        ),
        Contradiction(
            **meta(),
            members=(
                MemberRef(RecordKind.QUOTE, q["father"].id),
                MemberRef(RecordKind.QUOTE, q["insider"].id),
            ),
            status=ContradictionStatus.EXPLAINED,
            description="Bonus or salary",
            resolution="Both were paid",
        ),
    )
    snapshot = CaseSnapshot(
        case=Case(**meta(), title="Harbour Road recruits", summary="Young men recruited abroad."),
        sources=(father, mother, insider),
        documents=(doc,),
        quotes=tuple(q.values()),
        claims=tuple(c.values()),
        contradictions=contradictions,
    )
    canaries = [*mother_name.split(), *insider_name.split(), mother_phone, "Quarry"]
    return Story(snapshot, father, mother, insider, canaries, q, c)
