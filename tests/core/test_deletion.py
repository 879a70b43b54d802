"""Deleting never orphans or cascades silently, and every delete can be restored exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest

from casefile.domain.enums import ChangeAction, RecordKind
from casefile.domain.errors import InUse
from casefile.domain.records import ContradictionDraft, MemberRef, NoteDraft, TagDraft
from casefile.services import (
    changelog,
    claims,
    contradictions,
    deletion,
    notes,
    quotes,
    sources,
    tags,
)
from casefile.services.case import OpenCase
from casefile.services.deletion import OnReferences
from tests import factories


def build(case: OpenCase) -> dict[str, str]:
    with case.transaction() as s:
        src = sources.add(s, factories.protected_source())
        q = quotes.add(s, factories.quote(source_id=src.id))
        a = claims.add(s, factories.claim(source_id=src.id, quote_id=q.id))
        b = claims.add(s, factories.claim(value=Decimal(1000)))
        k = contradictions.add(
            s,
            ContradictionDraft(
                members=(MemberRef(RecordKind.CLAIM, a.id), MemberRef(RecordKind.CLAIM, b.id))
            ),
        )
        t = tags.add(s, TagDraft(name="key"))
        tags.tag(s, t.id, RecordKind.SOURCE, src.id)
        n = notes.add(
            s, NoteDraft(text="met at the port", target_kind=RecordKind.SOURCE, target_id=src.id)
        )
    return {
        "source": src.id,
        "quote": q.id,
        "a": a.id,
        "b": b.id,
        "k": k.id,
        "tag": t.id,
        "note": n.id,
    }


def test_deleting_a_referenced_source_is_refused_by_default(case: OpenCase) -> None:
    ids = build(case)
    with pytest.raises(InUse, match="1 quote and 1 claim"), case.transaction() as s:
        deletion.delete(s, RecordKind.SOURCE, ids["source"])
    with case.read() as s:
        assert sources.count(s) == 1


def test_unlink_then_restore_puts_everything_back(case: OpenCase) -> None:
    ids = build(case)
    with case.read() as s:
        before_source = sources.get(s, ids["source"])
    tx = case.transaction()
    with tx as s:
        removed = deletion.delete(
            s, RecordKind.SOURCE, ids["source"], on_references=OnReferences.UNLINK
        )
    assert (RecordKind.SOURCE, ids["source"]) in tx.changes.deleted
    assert (RecordKind.QUOTE, ids["quote"]) in tx.changes.updated
    with case.read() as s:
        assert quotes.get(s, ids["quote"]).source_id is None
        assert claims.get(s, ids["a"]).source_id is None
        assert notes.count(s) == 0
        assert tags.usage(s) == {}
    with case.transaction() as s:
        deletion.restore(s, removed)
    with case.read() as s:
        assert sources.get(s, ids["source"]) == before_source
        assert quotes.get(s, ids["quote"]).source_id == ids["source"]
        assert claims.get(s, ids["a"]).source_id == ids["source"]
        assert [n.id for n in notes.notes_on(s, RecordKind.SOURCE, ids["source"])] == [ids["note"]]
        assert tags.usage(s) == {ids["tag"]: 1}


def test_deleting_a_claim_in_a_contradiction_and_restoring_it(case: OpenCase) -> None:
    ids = build(case)
    with case.transaction() as s:
        removed = deletion.delete(s, RecordKind.CLAIM, ids["a"], on_references=OnReferences.UNLINK)
    with case.read() as s:
        assert [m.id for m in contradictions.get(s, ids["k"]).members] == [ids["b"]]
    with case.transaction() as s:
        deletion.restore(s, removed)
    with case.read() as s:
        assert [m.id for m in contradictions.get(s, ids["k"]).members] == [ids["a"], ids["b"]]


def test_deleting_a_contradiction_keeps_its_claims(case: OpenCase) -> None:
    ids = build(case)
    with case.transaction() as s:
        removed = deletion.delete(s, RecordKind.CONTRADICTION, ids["k"])
    with case.read() as s:
        assert claims.count(s) == 2
        assert contradictions.count(s) == 0
    with case.transaction() as s:
        deletion.restore(s, removed)
    with case.read() as s:
        assert len(contradictions.get(s, ids["k"]).members) == 2


def test_the_change_log_records_every_mutation_without_identifying_values(case: OpenCase) -> None:
    draft = factories.protected_source()
    with case.transaction("Reporter") as s:
        src = sources.add(s, draft)
    with case.transaction("Reporter") as s:
        deletion.delete(s, RecordKind.SOURCE, src.id)
    with case.read() as s:
        entries = changelog.history(s, RecordKind.SOURCE, src.id)
    assert [e.action for e in entries] == [ChangeAction.CREATE, ChangeAction.DELETE]
    assert entries[0].by == "Reporter"
    assert entries[0].fields["pseudonym"] == draft.pseudonym
    flat = repr([e.fields for e in entries])
    for token in (*draft.name.split(), draft.contact):
        assert token not in flat


def test_the_change_log_is_append_only(case: OpenCase) -> None:
    with case.transaction() as s:
        sources.add(s, factories.source())
    with case.store.engine.connect() as conn, pytest.raises(Exception, match="append-only"):
        conn.exec_driver_sql("DELETE FROM change_log")
