"""From an article to the ledger: intake, accept, detect; dismiss one, detect again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from casefile.domain.enums import ContradictionKind, ContradictionStatus, SourceKind
from casefile.intake import read_bytes
from casefile.services import analysis, contradictions, intake
from casefile.services.case import OpenCase

ARTICLE = (
    "Families say recruits were misled about pay and contracts\n"
    "\n"
    'PORT VELMAR, 14 May 2026 — "They told my son he would get $2,000 a month," said '
    'Yusuf Demir, whose son left in February. "He signed a three-month contract."\n'
    "\n"
    'The agency rejected the account. "Every recruit is paid $1,000 per month on a '
    'two-month contract," said Elena Varga, a spokeswoman for Northstar Placement '
    "Services.\n"
    "\n"
    "About 350 young men have left the district since January, according to the local"
    " council.\n"
)


def test_article_conflicts_reach_the_ledger_and_dismissal_sticks(case: OpenCase) -> None:
    read = read_bytes(ARTICLE.encode("utf-8"), "velmar.txt")
    result = intake.propose(read.text)
    with case.transaction() as s:
        document = intake.add_document(s, read, published_on=date(2026, 5, 14))
        report = intake.accept(s, document, result.quotes, result.numbers)
    assert {src.name for src in report.sources_created} >= {"Yusuf Demir", "Elena Varga"}
    with case.transaction() as s:
        found = analysis.run_detection(s)
    reasons = {k.kind: k.description for k in found.added}
    assert ContradictionKind.NUMERIC in reasons and ContradictionKind.DURATION in reasons
    pay, length = reasons[ContradictionKind.NUMERIC], reasons[ContradictionKind.DURATION]
    assert "$1,000/month" in pay and "$2,000/month" in pay and "no overlap" in pay
    assert "Elena Varga" in pay and "Yusuf Demir" in pay
    assert "2 months" in length and "3 months" in length
    # every member of a detected contradiction points back into the article
    with case.read() as s:
        k = next(k for k in found.added if k.kind is ContradictionKind.NUMERIC)
        from casefile.services import claims

        for member in k.members:
            claim = claims.get(s, member.id)
            assert claim.document_id == document.id
            assert ARTICLE[claim.span_start : claim.span_end] == claim.raw_text
    with case.transaction() as s:
        contradictions.set_status(
            s, k.id, ContradictionStatus.DISMISSED, resolution="Different contracts"
        )
    with case.transaction() as s:
        again = analysis.run_detection(s)
        assert again.added == ()
        assert contradictions.get(s, k.id).status is ContradictionStatus.DISMISSED
        assert contradictions.count(s) == 2


def test_pasted_text_and_files_keep_their_bytes_hash(case: OpenCase, tmp_path: Path) -> None:
    pasted = intake.read_text("A short note with “a quote,” she said.", title="Note")
    assert len(pasted.sha256) == 64 and pasted.title == "Note"
    with case.transaction() as s:
        document = intake.add_document(s, pasted)
    assert document.text == pasted.text


def test_speakers_become_sources_of_the_right_kind_named_as_in_a_list(case: OpenCase) -> None:
    text = (
        "The recruits were sent to the front, according to a document seen by the Post.\n\n"
        "About 100 men have returned, the foreign ministry said in a statement.\n\n"
        '"Nobody told us anything," said a relative of one recruit.\n\n'
        "At least 40 have died, local officials said.\n"
    )
    read = read_bytes(text.encode("utf-8"), "sources.txt")
    result = intake.propose(read.text)
    with case.transaction() as s:
        document = intake.add_document(s, read)
        report = intake.accept(s, document, result.quotes, result.numbers)
    kinds = {src.name: src.kind for src in report.sources_created}
    assert kinds.get("A document seen by the Post") is SourceKind.DOCUMENT, kinds
    assert kinds.get("The foreign ministry") is SourceKind.ORGANISATION, kinds
    assert kinds.get("A relative of one recruit") is SourceKind.PERSON, kinds
    assert kinds.get("Local officials") is SourceKind.PERSON, kinds
