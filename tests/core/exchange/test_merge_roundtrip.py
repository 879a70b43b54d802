"""SECURITY.md test 1: any case → export → import into an empty case gives an equal case."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.domain.enums import Medium, Period, Protection, Qualifier, QuoteStatus, RecordKind
from casefile.domain.ids import RecordId
from casefile.domain.records import (
    ClaimDraft,
    ContradictionDraft,
    MemberRef,
    NoteDraft,
    QuoteDraft,
    SourceDraft,
    TagDraft,
)
from casefile.services import claims, contradictions, notes, quotes, sources, tags
from tests.core.exchange.helpers import comparable, export, import_, new_case, take

# Text as reporters write it: letters of several scripts, digits, punctuation, spaces.
words = (
    st.text(
        alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzÀÉîøßçğالحلبيЖжΩ中文 0123456789.,'\"-"),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)
texts = (
    st.text(min_size=1, max_size=200)
    .map(lambda t: t.replace("\x00", ""))
    .filter(
        lambda t: (
            t.strip()
            and not any("\x00" <= c < " " and c not in "\t\n\r" for c in t)
            and "\x7f" not in t
        )
    )
)
source_drafts = st.builds(
    SourceDraft,
    name=words,
    pseudonym=st.one_of(st.just(""), words),
    protection=st.sampled_from(Protection),
    role=st.one_of(st.just(""), words),
    contact=st.one_of(st.just(""), words),
    notes=st.one_of(st.just(""), texts),
    first_contact_on=st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 1, 1))),
)
values = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False)


@st.composite
def cases(draw: st.DrawFn) -> dict[str, object]:
    return {
        "sources": draw(st.lists(source_drafts, max_size=5)),
        "quotes": draw(
            st.lists(
                st.tuples(
                    texts,
                    st.integers(0, 9),
                    st.sampled_from(QuoteStatus),
                    st.one_of(st.none(), st.sampled_from(Medium)),
                    words,
                ),
                max_size=6,
            )
        ),
        "claims": draw(
            st.lists(
                st.tuples(
                    words,
                    values,
                    st.sampled_from(Qualifier),
                    st.sampled_from(Period),
                    st.integers(0, 9),
                ),
                max_size=5,
            )
        ),
        "tags": draw(st.lists(words, max_size=3, unique_by=str.casefold)),
        "notes": draw(st.lists(texts, max_size=3)),
        "contradiction": draw(st.booleans()),
    }


def build(case: object, spec: dict[str, object]) -> None:
    with case.transaction("Hypothesis") as s:  # type: ignore[attr-defined]
        made = [sources.add(s, d) for d in spec["sources"]]  # type: ignore[attr-defined]
        ids = [m.id for m in made]

        def pick(i: int) -> RecordId | None:
            return ids[i % len(ids)] if ids and i % 3 else None

        qs = [
            quotes.add(s, QuoteDraft(text=t, source_id=pick(i), status=st_, medium=m, place=p))
            for t, i, st_, m, p in spec["quotes"]  # type: ignore[attr-defined]
        ]
        cs = [
            claims.add(
                s,
                ClaimDraft(
                    subject=sub, value=v, unit="USD", qualifier=q, period=per, source_id=pick(i)
                ),
            )
            for sub, v, q, per, i in spec["claims"]  # type: ignore[attr-defined]
        ]
        for name in spec["tags"]:  # type: ignore[attr-defined]
            tag = tags.add(s, TagDraft(name=name))
            for q in qs[:2]:
                tags.tag(s, tag.id, RecordKind.QUOTE, q.id)
        for text in spec["notes"]:  # type: ignore[attr-defined]
            target = qs[0] if qs else None
            notes.add(
                s,
                NoteDraft(
                    text=text,
                    target_kind=RecordKind.QUOTE if target else RecordKind.CASE,
                    target_id=target.id if target else None,
                ),
            )
        if spec["contradiction"] and len(cs) >= 1 and len(qs) >= 1:
            contradictions.add(
                s,
                ContradictionDraft(
                    members=(
                        MemberRef(RecordKind.CLAIM, cs[0].id),
                        MemberRef(RecordKind.QUOTE, qs[0].id),
                    )
                ),
            )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_any_case_round_trips_through_a_full_export(spec: dict[str, object]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        with new_case(tmp, "a") as a, new_case(tmp, "b") as b:
            build(a, spec)
            export(a, tmp / "x.casefile.age", full=True)
            report = import_(b, tmp / "x.casefile.age")
            assert report.conflicts == ()
            assert comparable(take(b)) == comparable(take(a))
            # and back again: nothing arrives that is not there already
            export(b, tmp / "y.casefile.age", full=True)
            back = import_(a, tmp / "y.casefile.age")
            assert (back.added, back.updated, back.conflicts) == ({}, {}, ())


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_any_case_round_trips_through_a_redacted_export_without_losing_or_leaking(
    spec: dict[str, object],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        with new_case(tmp, "a") as a, new_case(tmp, "b") as b:
            build(a, spec)
            before = take(a)
            export(a, tmp / "x.casefile.age", acknowledged=True)
            import_(b, tmp / "x.casefile.age")
            got = take(b)
            assert len(got.sources) == len(before.sources)
            never = {s.id for s in before.sources if s.protection is Protection.NEVER_REVEAL}
            assert len(got.quotes) == len([q for q in before.quotes if q.source_id not in never])
            # the way back changes nothing at the exporter's end, withheld fields included
            export(b, tmp / "y.casefile.age", full=True)
            import_(a, tmp / "y.casefile.age", prefer="theirs")
            after = take(a)
            assert after.sources == before.sources
            assert comparable(after) == comparable(before)
