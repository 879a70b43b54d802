"""Adding, reading, editing and validating every kind of record through the services."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date
from decimal import Decimal

import pytest

from casefile.domain.enums import (
    ContradictionKind,
    ContradictionStatus,
    Period,
    Protection,
    Qualifier,
    RecordKind,
)
from casefile.domain.errors import InvalidValue, NotFound
from casefile.domain.ids import new_id
from casefile.domain.records import (
    CaseDraft,
    ContradictionDraft,
    DocumentDraft,
    MemberRef,
    NoteDraft,
    TagDraft,
)
from casefile.services import claims, contradictions, documents, notes, quotes, sources, tags
from casefile.services.case import OpenCase, get_case, update_case
from tests import factories


def test_source_round_trip_keeps_every_field(case: OpenCase) -> None:
    draft = factories.source(
        name="سمير الحلبي",
        pseudonym="a fisherman",
        protection=Protection.BACKGROUND,
        role="Father of a recruit",
        contact="+00 555 0100",
        first_contact_on=date(2026, 5, 10),
        notes="Line one\nLine two",
    )
    with case.transaction("Reporter A") as s:
        added = sources.add(s, draft)
    with case.read() as s:
        got = sources.get(s, added.id)
    assert got.draft() == draft
    assert got.created_by == "Reporter A"
    assert got.created_at.tzinfo is UTC or got.created_at.utcoffset() is not None


def test_edit_updates_fields_and_timestamp(case: OpenCase) -> None:
    with case.transaction() as s:
        added = sources.add(s, factories.source())
    with case.transaction() as s:
        edited = sources.update(s, added.id, replace(added.draft(), role="Crane operator"))
    assert edited.role == "Crane operator"
    assert edited.updated_at >= added.updated_at
    assert edited.created_at == added.created_at


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "A\u202eB"}, "name"),
        ({"name": "A\x00B"}, "name"),
        ({"name": "x" * 501}, "name"),
        ({"protection": "secret"}, "protection"),
    ],
)
def test_bad_source_values_are_refused_with_the_field_named(
    case: OpenCase, override: dict[str, str], field: str
) -> None:
    with pytest.raises(InvalidValue) as caught, case.transaction() as s:
        sources.add(s, factories.source(**override))
    assert caught.value.field == field
    with case.read() as s:
        assert sources.count(s) == 0


def test_quote_links_to_source_and_document_span(case: OpenCase) -> None:
    text = 'He said: "They promised us two thousand dollars." Then he left.'
    with case.transaction() as s:
        src = sources.add(s, factories.source())
        doc = documents.add(s, DocumentDraft(title="Article", text=text))
        start = text.index("They")
        q = quotes.add(
            s,
            factories.quote(
                text="They promised us two thousand dollars.",
                source_id=src.id,
                document_id=doc.id,
                span_start=start,
                span_end=start + 38,
            ),
        )
    assert (q.source_id, q.document_id) == (src.id, doc.id)
    assert text[q.span_start : q.span_end] == q.text


def test_a_span_outside_the_document_is_refused(case: OpenCase) -> None:
    with case.transaction() as s:
        doc = documents.add(s, DocumentDraft(title="Short", text="abc"))
    with pytest.raises(InvalidValue, match="span"), case.transaction() as s:
        quotes.add(s, factories.quote(document_id=doc.id, span_start=1, span_end=10))


def test_linking_to_a_missing_source_is_refused(case: OpenCase) -> None:
    with pytest.raises(NotFound), case.transaction() as s:
        quotes.add(s, factories.quote(source_id=new_id()))


def test_claims_keep_exact_decimals_and_normalise_units(case: OpenCase) -> None:
    with case.transaction() as s:
        c = claims.add(
            s,
            factories.claim(
                value=Decimal("1500.50"),
                value_max=Decimal("2000"),
                unit="usd",
                qualifier=Qualifier.UP_TO,
            ),
        )
    with case.read() as s:
        got = claims.get(s, c.id)
    assert got.value == Decimal("1500.50")
    assert str(got.value) == "1500.5" or got.value == Decimal("1500.5")
    assert got.value_max == Decimal(2000)
    assert (got.unit, got.period, got.qualifier) == ("USD", Period.MONTH, Qualifier.UP_TO)


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "1e400", "abc", "", "1,2,x"])
def test_non_numbers_are_refused(case: OpenCase, bad: str) -> None:
    from casefile.domain.validation import parse_decimal

    with pytest.raises(InvalidValue):
        parse_decimal("value", bad)


def test_a_range_must_go_low_to_high(case: OpenCase) -> None:
    with pytest.raises(InvalidValue, match="value max"), case.transaction() as s:
        claims.add(s, factories.claim(value=Decimal(10), value_max=Decimal(5)))


def test_contradictions_keep_members_in_order_and_change_status(case: OpenCase) -> None:
    with case.transaction() as s:
        a = claims.add(s, factories.claim(value=Decimal(2000)))
        b = claims.add(s, factories.claim(value=Decimal(1000)))
        q = quotes.add(s, factories.quote())
        members = (
            MemberRef(RecordKind.CLAIM, a.id),
            MemberRef(RecordKind.CLAIM, b.id),
            MemberRef(RecordKind.QUOTE, q.id),
        )
        k = contradictions.add(
            s, ContradictionDraft(members=members, kind=ContradictionKind.NUMERIC)
        )
    with case.transaction() as s:
        settled = contradictions.set_status(
            s, k.id, ContradictionStatus.EXPLAINED, resolution="Different periods"
        )
    assert settled.members == members
    assert (settled.status, settled.resolution) == (
        ContradictionStatus.EXPLAINED,
        "Different periods",
    )
    with case.read() as s:
        assert contradictions.count(s, status=ContradictionStatus.OPEN) == 0
        assert [c.id for c in contradictions.list_all(s, member=b.id)] == [k.id]


def test_a_contradiction_needs_two_distinct_members(case: OpenCase) -> None:
    with case.transaction() as s:
        a = claims.add(s, factories.claim())
    ref = MemberRef(RecordKind.CLAIM, a.id)
    with pytest.raises(InvalidValue, match="at least two"), case.transaction() as s:
        contradictions.add(s, ContradictionDraft(members=(ref, ref)))


def test_tags_and_notes_attach_to_records(case: OpenCase) -> None:
    with case.transaction() as s:
        src = sources.add(s, factories.source())
        tag = tags.add(s, TagDraft(name="pay", color="#c0392b"))
        tags.tag(s, tag.id, RecordKind.SOURCE, src.id)
        tags.tag(s, tag.id, RecordKind.SOURCE, src.id)  # twice is once
        note = notes.add(
            s, NoteDraft(text="Call on Tuesdays", target_kind=RecordKind.SOURCE, target_id=src.id)
        )
    with case.read() as s:
        assert [t.name for t in tags.tags_of(s, RecordKind.SOURCE, src.id)] == ["pay"]
        assert tags.usage(s) == {tag.id: 1}
        assert [n.id for n in notes.notes_on(s, RecordKind.SOURCE, src.id)] == [note.id]
    with pytest.raises(InvalidValue, match="already exists"), case.transaction() as s:
        tags.add(s, TagDraft(name="PAY"))


def test_a_document_s_text_never_changes(case: OpenCase) -> None:
    with case.transaction() as s:
        doc = documents.add(s, DocumentDraft(title="A", text="original text"))
    with pytest.raises(InvalidValue, match="never edited"), case.transaction() as s:
        documents.update(s, doc.id, replace(doc.draft(), text="changed"))
    with case.transaction() as s:
        renamed = documents.update(s, doc.id, replace(doc.draft(), title="B"))
    assert (renamed.title, renamed.text) == ("B", "original text")
    assert len(renamed.sha256) == 64


def test_case_properties_edit(case: OpenCase) -> None:
    with case.transaction() as s:
        update_case(s, CaseDraft(title="New title", summary="What the story is"))
    with case.read() as s:
        info = get_case(s)
    assert (info.title, info.summary) == ("New title", "What the story is")


def test_a_failed_unit_of_work_saves_nothing(case: OpenCase) -> None:
    def two_records_the_second_invalid() -> None:
        with case.transaction() as s:
            sources.add(s, factories.source(name="First, valid"))
            claims.add(s, factories.claim(value=Decimal(5), value_max=Decimal(1)))

    with pytest.raises(InvalidValue):
        two_records_the_second_invalid()
    with case.read() as s:
        assert sources.count(s) == 0
