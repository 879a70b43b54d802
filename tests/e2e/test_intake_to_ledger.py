"""From an article to the ledger: intake, accept, detect; dismiss one, detect again."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from casefile.domain.enums import ContradictionKind, ContradictionStatus, SourceKind
from casefile.domain.records import Document
from casefile.intake import read_bytes
from casefile.services import analysis, contradictions, intake
from casefile.services.case import OpenCase
from casefile.services.intake import AcceptReport

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


def take_in(
    case: OpenCase, text: str, name: str, published_on: date | None = None
) -> tuple[Document, AcceptReport]:
    """Reads `text` as the file `name`, adds it to the case and accepts every candidate."""
    read = read_bytes(text.encode("utf-8"), name)
    result = intake.propose(read.text)
    with case.transaction() as s:
        document = intake.add_document(s, read, published_on=published_on)
        return document, intake.accept(s, document, result.quotes, result.numbers)


def test_article_conflicts_reach_the_ledger_and_dismissal_sticks(case: OpenCase) -> None:
    document, report = take_in(case, ARTICLE, "velmar.txt", date(2026, 5, 14))
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
    _, report = take_in(case, text, "sources.txt")
    kinds = {src.name: src.kind for src in report.sources_created}
    assert kinds.get("A document seen by the Post") is SourceKind.DOCUMENT, kinds
    assert kinds.get("The foreign ministry") is SourceKind.ORGANISATION, kinds
    assert kinds.get("A relative of one recruit") is SourceKind.PERSON, kinds
    assert kinds.get("Local officials") is SourceKind.PERSON, kinds


PDF_PAGE = (
    "Caught at Sea — Fishers' Rights Network\n"
    "\n"
    "A fisherman from Myanmar, Ko Aung Min, 31, told researchers that the recruit-\n"
    'ment agent had kept his passport. "We worked twenty hours and were paid\n'
    'for none of them," said Ko Aung Min. Crews were promised 8,000 baht a\n'
    "month in Thailand and Thai crews earn more, according to the union.\n"
)


def test_a_quotation_from_a_wrapped_page_is_stored_as_said_and_points_at_the_page(
    case: OpenCase,
) -> None:
    _, report = take_in(case, PDF_PAGE, "report.txt")
    texts = {q.text for q in report.quotes}
    assert "We worked twenty hours and were paid for none of them" in texts
    assert "the recruitment agent had kept his passport" in texts
    with case.read() as s:
        from casefile.services import quotes

        for stored in report.quotes:
            found = quotes.get(s, stored.id)
            on_page = PDF_PAGE[found.span_start : found.span_end]
            assert "\n" in on_page or on_page == found.text  # the span is the page as it was
    (pay,) = [c for c in report.claims if c.unit == "THB"]
    assert (pay.value, pay.period.value, pay.raw_text) == (
        Decimal(8000),
        "month",
        "8,000 baht a month",
    )


def test_the_ages_of_different_people_are_never_a_contradiction(case: OpenCase) -> None:
    text = (
        '"We were not paid," said Suman Budha, 24, a recruit.\n\n'
        '"Nobody told us," said K. Ramesh, 29, a native of Kollam.\n\n'
        "Sita Magar, 52, said her son was 19 years old when he left.\n"
    )
    _, report = take_in(case, text, "ages.txt")
    assert len([c for c in report.claims if c.unit == "years"]) >= 3
    with case.transaction() as s:
        assert analysis.run_detection(s).added == ()
