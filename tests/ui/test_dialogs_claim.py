"""The number editor, alone: values checked as the core checks them, and a live reading."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from casefile.domain.enums import Period, Qualifier
from casefile.domain.ids import RecordId
from casefile.domain.records import ClaimDraft
from tests.ui.test_dialogs_quote import label
from tests.ui.test_dialogs_widgets import find, tab_order
from ui.dialogs.claim_dialog import COMMON_UNITS, ClaimDialog

HTML = '<b>x</b><img src="http://127.0.0.1:1/x">'
SUBJECTS = ["monthly pay per fighter", "recruits from Harbour Road", "contract length"]

DRAFTS = {
    "required only": ClaimDraft(subject="recruits", value=Decimal(300), unit="people"),
    "one optional": ClaimDraft(
        subject="monthly pay", value=Decimal(2000), unit="USD", period=Period.MONTH
    ),
    "many optional": ClaimDraft(
        subject="monthly pay per fighter",
        value=Decimal("1500.50"),
        value_max=Decimal(2000),
        unit="USD",
        qualifier=Qualifier.UP_TO,
        period=Period.MONTH,
        per="fighter",
        as_of=date(2024, 5, 1),
        source_id=RecordId("id-relative"),
        quote_id=RecordId("id-quote"),
        document_id=RecordId("id-doc"),
        span_start=10,
        span_end=42,
        raw_text="up to $2,000 a month",
        note="from the second interview",
    ),
}


def make(qtbot: QtBot, draft: ClaimDraft | None = None) -> ClaimDialog:
    asked: list[str] = []

    def subjects(prefix: str) -> list[str]:
        asked.append(prefix)
        return [s for s in SUBJECTS if prefix.casefold() in s.casefold()]

    dialog = ClaimDialog(
        None, draft=draft, find_sources=find, source_label=label, subjects=subjects
    )
    dialog.asked = asked  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize("draft", DRAFTS.values(), ids=DRAFTS.keys())
def test_a_draft_comes_back_unchanged(qtbot: QtBot, draft: ClaimDraft) -> None:
    dialog = make(qtbot, draft)
    assert dialog.ok_button.isEnabled(), dialog.problem()
    assert dialog.values() == draft


def test_a_new_number_needs_subject_value_and_unit(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    assert not dialog.ok_button.isEnabled()
    assert "subject" in dialog.problem_label.text()
    dialog.subject.setText("recruits")
    assert "number" in dialog.problem_label.text()
    dialog.value.setText("2,000")
    dialog.unit.setCurrentText("")
    assert "unit" in dialog.problem_label.text()
    dialog.unit.setCurrentText("people")
    assert dialog.ok_button.isEnabled()
    assert dialog.values() == ClaimDraft(subject="recruits", value=Decimal(2000), unit="people")


@pytest.mark.parametrize(
    ("value", "value_max", "message"),
    [
        ("12x", "", "Value: is not a number"),
        ("nan", "", "Value: is not a number"),
        ("1e400", "", "Value: is not a number"),
        ("2000", "abc", "Upper value: is not a number"),
        ("2000", "1500", "below the value"),
        ("1" * 20, "", "Value: is too large"),
    ],
)
def test_bad_numbers_show_the_error_and_disable_ok(
    qtbot: QtBot, value: str, value_max: str, message: str
) -> None:
    dialog = make(qtbot, DRAFTS["one optional"])
    dialog.value.setText(value)
    dialog.value_max.setText(value_max)
    assert not dialog.ok_button.isEnabled()
    assert message in dialog.problem_label.text()
    assert dialog.problem_label.isVisibleTo(dialog)
    assert dialog.preview.text() in ("—", dialog.preview_text())


@pytest.mark.parametrize(
    ("draft_name", "reads"),
    [
        ("required only", "300 people"),
        ("one optional", "2,000 USD / month"),
        ("many optional", "up to 1500.5–2,000 USD per fighter / month"),
    ],
)
def test_the_preview_reads_like_the_lists(qtbot: QtBot, draft_name: str, reads: str) -> None:
    dialog = make(qtbot, DRAFTS[draft_name])
    assert dialog.preview.text() == reads


def test_the_preview_follows_each_edit(qtbot: QtBot) -> None:
    dialog = make(qtbot, DRAFTS["one optional"])
    dialog.qualifier.set_value(Qualifier.UP_TO)
    assert dialog.preview.text() == "up to 2,000 USD / month"
    dialog.value.setText("1,500")
    dialog.value_max.setText("2000")
    dialog.period.set_value(Period.TOTAL)
    assert dialog.preview.text() == "up to 1,500–2,000 USD"
    dialog.value.setText("")
    assert dialog.preview.text() == "—"


def test_units_offer_the_common_ones_and_take_any(qtbot: QtBot) -> None:
    dialog = make(qtbot, DRAFTS["required only"])
    assert [dialog.unit.itemText(i) for i in range(dialog.unit.count())] == list(COMMON_UNITS)
    assert "percent" in COMMON_UNITS
    dialog.unit.setCurrentText("fighters")
    assert dialog.values().unit == "fighters"


def test_the_subject_completes_from_the_case(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    qtbot.keyClicks(dialog.subject, "pay")
    assert dialog.asked[-1] == "pay"  # type: ignore[attr-defined]
    assert dialog.subject_model.stringList() == ["monthly pay per fighter"]


def test_html_in_fields_stays_literal(qtbot: QtBot) -> None:
    draft = ClaimDraft(subject=HTML, value=Decimal(1), unit="people", raw_text=HTML, per=HTML)
    dialog = make(qtbot, draft)
    assert dialog.values() == draft
    assert HTML in dialog.preview.text()
    assert dialog.preview.textFormat().name == "PlainText"


def test_the_quote_and_document_it_came_from_are_kept_and_named(qtbot: QtBot) -> None:
    dialog = make(qtbot, DRAFTS["many optional"])
    assert dialog.found_in.text() == "a quote; a document, characters 10–42"


def test_tab_goes_down_the_form(qtbot: QtBot) -> None:
    dialog = make(qtbot, DRAFTS["many optional"])
    assert tab_order(dialog, dialog.subject, 12) == [
        "subject",
        "qualifier",
        "value",
        "valueMax",
        "unit",
        "period",
        "per",
        "asOfEdit",
        "asOfClear",
        "sourceSearch",
        "sourceClear",
        "rawText",
        "note",
    ]
