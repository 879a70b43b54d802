"""Redaction by audience: protected identities never reach a redacted snapshot."""

from __future__ import annotations

from dataclasses import replace

from casefile.domain.enums import Protection, RecordKind
from casefile.domain.records import ContradictionDraft, MemberRef, NoteDraft
from casefile.privacy.policy import Audience
from casefile.privacy.redaction import RedactionOptions, redact
from casefile.services import claims, contradictions, notes, quotes, snapshot, sources
from casefile.services.case import OpenCase
from tests import factories


def build(case: OpenCase) -> dict[str, object]:
    anon = factories.protected_source(role="Driver in the 18th", location="Port Velmar")
    never = factories.protected_source(protection=Protection.NEVER_REVEAL, pseudonym="")
    with case.transaction() as s:
        a = sources.add(s, anon)
        n = sources.add(s, never)
        named = sources.add(s, factories.source(name="Named Okafor"))
        qa = quotes.add(
            s,
            factories.quote(text="They promised two thousand", source_id=a.id, place="at his home"),
        )
        qn = quotes.add(s, factories.quote(text="Bonus per recruit", source_id=n.id))
        ca = claims.add(s, factories.claim(source_id=a.id))
        cn = claims.add(s, factories.claim(source_id=n.id))
        cx = claims.add(s, factories.claim(source_id=named.id))
        contradictions.add(
            s,
            ContradictionDraft(
                members=(MemberRef(RecordKind.CLAIM, ca.id), MemberRef(RecordKind.CLAIM, cn.id))
            ),
        )
        contradictions.add(
            s,
            ContradictionDraft(
                members=(MemberRef(RecordKind.CLAIM, ca.id), MemberRef(RecordKind.CLAIM, cx.id))
            ),
        )
        notes.add(
            s,
            NoteDraft(
                text="Her brother works at the port", target_kind=RecordKind.SOURCE, target_id=a.id
            ),
        )
    return {"anon": anon, "never": never, "a": a, "n": n, "qa": qa, "qn": qn}


def test_redacted_snapshot_carries_no_protected_identity(case: OpenCase) -> None:
    made = build(case)
    with case.read() as s:
        full = snapshot.take(s)
    red = redact(full, Audience.REDACTED)
    text = repr(red)
    for draft in (made["anon"], made["never"]):
        for token in (*draft.name.split(), draft.contact):  # type: ignore[attr-defined]
            assert token not in text
    assert "Driver in the 18th" not in text and "Port Velmar" not in text
    assert "at his home" not in text
    assert "Her brother" not in text
    assert "Bonus per recruit" not in text  # never_reveal content is left out
    (anon,) = [x for x in red.sources if x.protection is Protection.ANONYMOUS]
    assert (anon.name, anon.pseudonym) == ("", "a relative of a recruit")
    (never,) = [x for x in red.sources if x.protection is Protection.NEVER_REVEAL]
    assert never.pseudonym == "protected source 1"
    assert len(red.contradictions) == 1  # the one with a never_reveal member fell below two
    assert "Named Okafor" in text
    assert "They promised two thousand" in text


def test_positive_control_full_keeps_everything(case: OpenCase) -> None:
    made = build(case)
    with case.read() as s:
        full = snapshot.take(s)
    assert redact(full, Audience.FULL) == full
    assert made["anon"].name in repr(full)  # type: ignore[attr-defined]


def test_never_reveal_content_can_be_included_deliberately(case: OpenCase) -> None:
    build(case)
    with case.read() as s:
        full = snapshot.take(s)
    red = redact(full, Audience.REDACTED, RedactionOptions(include_never_reveal=True))
    assert "Bonus per recruit" in repr(red)
    assert len(red.contradictions) == 2


def test_background_sources_are_cited_by_pseudonym(case: OpenCase) -> None:
    with case.transaction() as s:
        sources.add(
            s,
            replace(
                factories.protected_source(), protection=Protection.BACKGROUND, role="Official"
            ),
        )
    with case.read() as s:
        red = redact(snapshot.take(s))
    (bg,) = red.sources
    assert bg.name == "" and bg.role == "" and bg.pseudonym == "a relative of a recruit"
