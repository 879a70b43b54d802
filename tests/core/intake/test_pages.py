"""A PDF's pages as one text: running heads and page numbers out, sentences joined again."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from casefile.intake import extract, read_bytes
from casefile.intake.pages import stitch_pages
from tests.core.intake.pdf_builder import pdf_of_pages

HEAD = "Caught at Sea - Fishers' Rights Network 2025"


def test_running_heads_and_page_numbers_are_left_out() -> None:
    pages = [
        f"{HEAD}\n\nThe first page ends here.\n\n12",
        f"{HEAD}\n\nThe second page ends here.\n\n13",
        f"{HEAD}\nThe third page.\nPage 14 of 20",
    ]
    assert stitch_pages(pages) == (
        "The first page ends here.\n\nThe second page ends here.\n\nThe third page."
    )


def test_a_sentence_over_a_page_break_is_joined_and_its_footnotes_follow_it() -> None:
    pages = [
        f"{HEAD}\n\nThe department told the Network that more than 1,200 vessels were\n"
        "inspected, and\n\n3 Interviews were conducted in Thai.\n\n12",
        f'{HEAD}\n\nthat "no case of forced labour was found".\n\nA new paragraph.\n\n13',
    ]
    assert stitch_pages(pages) == (
        "The department told the Network that more than 1,200 vessels were\n"
        'inspected, and\nthat "no case of forced labour was found".\n\n'
        "3 Interviews were conducted in Thai.\n\nA new paragraph."
    )


def test_a_page_ending_a_sentence_keeps_its_own_paragraph_and_order() -> None:
    pages = ["It ended.\n\n12 men came back.", "Then nothing happened."]
    assert stitch_pages(pages) == "It ended.\n\n12 men came back.\n\nThen nothing happened."


def test_one_page_keeps_every_line() -> None:
    assert stitch_pages([f"{HEAD}\nOnly page.\n3"]) == f"{HEAD}\nOnly page."


def test_a_pdf_report_reads_as_one_text_and_its_reported_speech_is_whole() -> None:
    data = pdf_of_pages(
        [
            [
                HEAD,
                "",
                "Thailand's Department of Fisheries told the Network that more than",
                "1,200 vessels had been inspected at sea during 2024, and",
                "",
                "12",
            ],
            [HEAD, "", "that no case of forced labour was identified on any of them.", "", "13"],
        ]
    )
    document = read_bytes(data, "report.pdf")
    assert HEAD not in document.text and "\n12\n" not in document.text
    (reported,) = extract(document.text).quotes
    assert reported.speaker == "Thailand's Department of Fisheries"
    assert " ".join(reported.text.split()).endswith("identified on any of them")


@given(st.lists(st.text(alphabet="ab 1\n.\r", max_size=40), max_size=5))
def test_stitching_invents_no_line(pages: list[str]) -> None:
    lines = {line for page in pages for line in page.replace("\r", "\n").split("\n")}
    assert all(line in lines for line in stitch_pages(pages).split("\n") if line)
