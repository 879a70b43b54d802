"""Source and case summaries as document models: what they carry, and what redaction withholds."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from casefile.domain.errors import NotFound
from casefile.privacy.policy import Audience
from casefile.report import (
    Heading,
    KeyValues,
    PrintDocument,
    QuoteBlock,
    Table,
    case_summary,
    source_summary,
)
from casefile.report.numbers import NumberContext
from casefile.report.prepared import Printable, prepare
from casefile.report.text import PDI, first_strong
from tests.core.report.build import PRINTED, Story, story


def text_of(document: PrintDocument) -> str:
    return "\n".join(document.strings()).casefold()


def leaked(document: PrintDocument, canaries: list[str]) -> list[str]:
    text = text_of(document)
    return [c for c in canaries if c.casefold() in text]


def headings(document: PrintDocument) -> list[str]:
    return [b.text for b in document.blocks if isinstance(b, Heading)]


def facts(document: PrintDocument) -> dict[str, str]:
    found: dict[str, str] = {}
    for block in document.blocks:
        if isinstance(block, KeyValues):
            found.update(block.rows)
    return found


@pytest.fixture
def s() -> Story:
    return story()


def test_source_summary_of_a_named_source_has_profile_quotes_numbers_and_conflicts(
    s: Story,
) -> None:
    doc = source_summary(s.snapshot, s.father.id, Audience.REDACTED, PRINTED)
    assert doc.title == doc.job_name == "Source summary"
    assert doc.audience_label == "Redacted — for editor"
    assert "Harbour Road recruits" in doc.header_text and "2026-06-01" in doc.header_text
    profile = facts(doc)
    assert profile["Name"] == "سمير الحلبي"
    assert profile["Protection"].startswith("Named")
    assert profile["Reliability"].startswith("B")
    assert profile["Reliability note"] == "Consistent twice"
    assert profile["First contact"] == "2026-05-10, Introduced by a neighbour"
    quotes = [b for b in doc.blocks if isinstance(b, QuoteBlock)]
    assert [q.text for q in quotes] == ["They promised him US$2000 per month"]
    details = " ".join(quotes[0].details)
    assert "Said on 2026-05-10" in details and "confirmed" in details
    assert "Harbour families say sons were lured" in details and "characters 11–45" in details
    numbers = next(b for b in doc.blocks if isinstance(b, Table) and b.header[0] == "Subject")
    assert numbers.rows[0][:2] == ("monthly pay", "$2,000/month")
    assert numbers.rows[0][3] == "US$2000 per month"
    assert "Contradictions (1)" in headings(doc)  # the other one involves a withheld quote
    assert "Monthly pay: 2,000 vs 1,000" in headings(doc)
    full = source_summary(s.snapshot, s.father.id, Audience.FULL, PRINTED)
    assert "Contradictions (2)" in headings(full)
    assert "Bonus or salary" in headings(full)


def test_corroboration_uses_the_analysis_and_the_pseudonym(s: Story) -> None:
    doc = source_summary(s.snapshot, s.father.id, Audience.REDACTED, PRINTED)
    table = next(
        b
        for b in doc.blocks
        if isinstance(b, Table) and b.header[0] == "Subject" and b.header[1] == "Who agrees"
    )
    ((subject, summary),) = table.rows
    assert subject.casefold() == "monthly pay"
    assert "a relative of a recruit" in summary and "2 sources agree" in summary
    assert not leaked(doc, s.canaries)


def test_numbers_are_shown_as_compared_with_the_case_rates(s: Story) -> None:
    doc = source_summary(s.snapshot, s.mother.id, Audience.REDACTED, PRINTED)
    rows = {r[3]: r for b in doc.blocks if isinstance(b, Table) for r in b.rows if len(r) == 5}
    assert rows["$24,000 a year"][2] == "$2,000/month"
    doc_eur = source_summary(
        s.snapshot,
        s.mother.id,
        Audience.REDACTED,
        PRINTED,
        numbers=NumberContext({"USD": Decimal("0.5")}, "EUR"),
    )
    rows = {r[3]: r for b in doc_eur.blocks if isinstance(b, Table) for r in b.rows if len(r) == 5}
    assert "1,000" in rows["$24,000 a year"][2]


def test_redacted_summary_of_an_anonymous_source_carries_no_canary(s: Story) -> None:
    doc = source_summary(s.snapshot, s.mother.id, Audience.REDACTED, PRINTED)
    assert leaked(doc, s.canaries) == []
    assert facts(doc)["Cited as"] == "a relative of a recruit"
    assert "Name" not in facts(doc)
    # the quote and number themselves are unpublished material, not identity: they stay
    assert "The first transfer was $1000" in "\n".join(doc.strings())
    assert "Reporter Name" not in "\n".join(doc.strings())


def test_full_summary_of_the_same_source_names_it(s: Story) -> None:
    """Positive control: the canary is findable when it is there."""
    doc = source_summary(s.snapshot, s.mother.id, Audience.FULL, PRINTED)
    assert set(s.mother.name.split()) <= set(leaked(doc, s.canaries))
    assert facts(doc)["Name"] == s.mother.name
    assert facts(doc)["Pseudonym"] == "a relative of a recruit"
    assert doc.audience_label == "FULL — contains protected identities"


def test_never_reveal_source_redacted_has_no_quotes_or_numbers(s: Story) -> None:
    doc = source_summary(s.snapshot, s.insider.id, Audience.REDACTED, PRINTED)
    assert leaked(doc, s.canaries) == []
    assert not [b for b in doc.blocks if isinstance(b, QuoteBlock)]
    assert "Bonus per recruit was secret" not in "\n".join(doc.strings())
    assert "left out of redacted printouts" in text_of(doc)
    assert facts(doc)["Cited as"] == "protected source 1"


def test_contradiction_member_of_a_withheld_source_is_not_described(s: Story) -> None:
    doc = case_summary(s.snapshot, Audience.REDACTED, PRINTED)
    # the explained contradiction had two members, one of them withheld: it is left out whole
    assert "Bonus or salary" not in "\n".join(doc.strings())
    assert leaked(doc, s.canaries) == []


def test_case_summary_sections(s: Story) -> None:
    doc = case_summary(s.snapshot, Audience.REDACTED, PRINTED)
    assert doc.title == doc.job_name == "Case summary"
    names = headings(doc)
    assert names[0] == "Harbour Road recruits"
    for wanted in ("Sources (3)", "Named (1)", "Anonymous (1)", "Never reveal (1)"):
        assert wanted in names
    assert any(n.startswith("Contradictions") for n in names)
    assert any(n.startswith("Numbers by subject") for n in names)
    assert any(n.startswith("Timeline") for n in names)
    side = next(b for b in doc.blocks if isinstance(b, Table) and b.header[0].startswith("Open"))
    assert side.header == ("Open (1)", "Resolved (0)") and side.lead
    numbers = next(b for b in doc.blocks if isinstance(b, Table) and "As compared" in b.header)
    subjects = [r[0] for r in numbers.rows]
    assert subjects[0].casefold() == "monthly pay" and subjects[1:] == ["", ""]  # one group
    timeline = next(b for b in doc.blocks if isinstance(b, Table) and b.header[0] == "Date")
    dates = [r[0] for r in timeline.rows]
    assert dates == sorted(d for d in dates if d != "undated") + ["undated"] * dates.count(
        "undated"
    )


def test_case_summary_full_names_everyone_and_side_by_side_shows_resolved(s: Story) -> None:
    doc = case_summary(s.snapshot, Audience.FULL, PRINTED)
    assert set(leaked(doc, s.canaries)) >= {*s.mother.name.split(), *s.insider.name.split()}
    side = next(b for b in doc.blocks if isinstance(b, Table) and b.header[0].startswith("Open"))
    assert side.header == ("Open (1)", "Resolved (1)")
    assert "Both were paid" in side.rows[0][1]


def test_a_printable_cannot_be_made_without_redaction(s: Story) -> None:
    with pytest.raises(TypeError):
        Printable(s.snapshot, Audience.REDACTED, None, key=object())  # type: ignore[arg-type]
    assert prepare(s.snapshot, Audience.REDACTED).source(s.mother.id).name == ""


def test_unknown_source_is_a_clear_error(s: Story) -> None:
    with pytest.raises(NotFound):
        source_summary(s.snapshot, "00000000-0000-4000-8000-000000000000", Audience.FULL, PRINTED)


def test_case_data_inside_mixed_lines_is_isolated(s: Story) -> None:
    doc = source_summary(s.snapshot, s.mother.id, Audience.REDACTED, PRINTED)
    between = facts(doc)["Between"]
    assert "\u2068سمير الحلبي" + PDI in between


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("سمير الحلبي", "rtl"),
        ("Name: سمير", "ltr"),
        ("2026 سمير", "rtl"),
        ("\u2068سمير\u2069: 2,000 USD", "ltr"),
        ("12345", None),
        ("", None),
    ],
)
def test_first_strong_character_skips_isolates(text: str, expected: str | None) -> None:
    found = first_strong(text)
    assert (found.value if found else None) == expected


def test_a_source_imported_redacted_is_not_given_a_name_it_does_not_have(s: Story) -> None:
    imported = replace(s.mother, name="a relative of a recruit", name_withheld=True)
    snapshot = replace(s.snapshot, sources=(s.father, imported, s.insider))
    doc = source_summary(snapshot, imported.id, Audience.FULL, PRINTED)
    assert facts(doc)["Name"] == "not in this case (imported redacted)"
