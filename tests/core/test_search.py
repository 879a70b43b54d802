"""Full-text search: prefix matching, any input safe, deletes leave the index."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.domain.enums import RecordKind
from casefile.domain.records import DocumentDraft, NoteDraft
from casefile.services import claims, deletion, documents, notes, quotes, search, sources
from casefile.services.case import OpenCase
from tests import factories


def fill(case: OpenCase) -> dict[str, str]:
    with case.transaction() as s:
        src = sources.add(s, factories.source(name="Lucas Ferreira", role="crane operator"))
        arabic = sources.add(s, factories.source(name="سمير الحلبي"))
        q = quotes.add(
            s, factories.quote(text="The offer was rejected by the majority", source_id=src.id)
        )
        c = claims.add(s, factories.claim(subject="overtime rate", raw_text="$18 an hour"))
        d = documents.add(
            s,
            DocumentDraft(
                title="Port workers",
                text="Dock workers say overtime pay was cut. Café owners agree.",
            ),
        )
        n = notes.add(s, NoteDraft(text="Ask the union about overtime"))
    return {"src": src.id, "arabic": arabic.id, "q": q.id, "c": c.id, "d": d.id, "n": n.id}


def kinds(hits: list[search.SearchHit]) -> set[RecordKind]:
    return {h.kind for h in hits}


def test_finds_each_kind_by_prefix(case: OpenCase) -> None:
    ids = fill(case)
    with case.read() as s:
        assert [h.id for h in search.search(s, "rejec")] == [ids["q"]]
        assert [h.id for h in search.search(s, "ferr")] == [ids["src"]]
        assert kinds(search.search(s, "overtime")) == {
            RecordKind.CLAIM,
            RecordKind.DOCUMENT,
            RecordKind.NOTE,
        }
        assert [h.id for h in search.search(s, "الحلبي")] == [ids["arabic"]]
        assert [h.id for h in search.search(s, "cafe")] == [ids["d"]]  # diacritics ignored


def test_hits_carry_snippets_and_the_source_for_masking(case: OpenCase) -> None:
    ids = fill(case)
    with case.read() as s:
        (hit,) = search.search(s, "majority")
    assert "majority" in hit.snippet
    assert hit.source_id == ids["src"]


def test_stray_syntax_is_searched_as_words(case: OpenCase) -> None:
    fill(case)
    with case.read() as s:
        for query in ['"unbalanced AND (', "NEAR(", "*", "-", "col:umn", '""', "AND OR NOT", "^x"]:
            search.search(s, query)  # no exception is the behaviour under test
        assert search.search(s, '"rejected') != []


@settings(max_examples=200, deadline=None)
@given(query=st.text(max_size=80))
def test_any_query_is_safe(query: str) -> None:
    assert search.match_expression(query) is None or '"' in search.match_expression(query)  # type: ignore[operator]


def test_any_query_runs_against_a_real_index(case: OpenCase) -> None:
    fill(case)

    @settings(max_examples=150, deadline=None)
    @given(query=st.text(max_size=60))
    def run(query: str) -> None:
        with case.read() as s:
            hits = search.search(s, query)
        assert all(h.kind in RecordKind for h in hits)

    run()


def test_deleted_and_edited_records_leave_the_index(case: OpenCase) -> None:
    ids = fill(case)
    with case.transaction() as s:
        deletion.delete(
            s, RecordKind.SOURCE, ids["src"], on_references=deletion.OnReferences.UNLINK
        )
        q = quotes.get(s, ids["q"])
        from dataclasses import replace

        quotes.update(s, q.id, replace(q.draft(), text="A completely different sentence"))
    with case.read() as s:
        assert search.search(s, "ferreira") == []
        assert search.search(s, "majority") == []
        assert [h.id for h in search.search(s, "different")] == [ids["q"]]
