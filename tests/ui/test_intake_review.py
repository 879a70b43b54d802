"""Intake in the window: paste, extraction off the UI thread, review with J/K/A/R/E, speakers
created or kept, spans made into quotes by hand, a 'Show in document' that highlights."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from casefile.domain.enums import RecordKind
from casefile.intake import PROPOSED
from casefile.services import claims, documents, quotes, sources
from casefile.services.case import open_case
from tests.ui.modal import on_next_modal
from ui.case_controller import CaseController
from ui.main_window import MainWindow
from ui.views.intake_review import IntakeReview, State

TEXT = (
    "Port workers say overtime pay was cut\n\n"
    'Dock workers say their rate was cut. "We were told it was temporary," said Lucas Ferreira, '
    "a crane operator.\n\n"
    'The operator said in a statement that "about 40 workers" were affected.\n'
    "Overtime was $18 an hour before March, not $20.\n"
)


def start_review(
    window: MainWindow, controller: CaseController, qtbot: QtBot, tmp_path: Path
) -> IntakeReview:
    from casefile.services import intake

    controller.create(tmp_path / "intake.casefile", title="Intake", passphrase=None)
    task = window.intake.start(None, intake.read_text(TEXT, title="Port workers"))
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: window.intake.review is not None and window.intake.review.isVisible())
    review = window.intake.review
    assert review is not None
    qtbot.addWidget(review)
    return review


def press(review: IntakeReview, key: str) -> None:
    QTest.keyClicks(review.list, key)


def test_review_accept_reject_and_edit_by_keyboard(
    window: MainWindow, controller: CaseController, qtbot: QtBot, tmp_path: Path
) -> None:
    review = start_review(window, controller, qtbot, tmp_path)
    kinds = [i.is_quote for i in review.items]
    assert any(kinds) and not all(kinds)
    row = next(
        i
        for i, item in enumerate(review.items)
        if "temporary" in getattr(item.candidate, "text", "")
    )
    review.list.setCurrentRow(row)
    first = review.current()
    assert first is not None and first.is_quote

    def create_source(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and "Lucas Ferreira" in box.text()
        box.defaultButton().click()  # "Create this source"

    on_next_modal(create_source)
    press(review, "A")
    assert first.state is State.ACCEPTED
    with controller.require().read() as s:
        (src,) = [x for x in sources.list_all(s) if x.name == "Lucas Ferreira"]
        (q,) = quotes.list_all(s, source_id=src.id)
        doc = documents.get(s, q.document_id)  # type: ignore[arg-type]
    assert doc.text[q.span_start : q.span_end] == q.text
    # the next pending candidate is current; R rejects it, K goes back, J forward
    second = review.current()
    assert second is not None and second is not first
    press(review, "R")
    assert second.state is State.REJECTED
    here = review.list.currentRow()
    press(review, "K")
    assert review.list.currentRow() == here - 1
    press(review, "J")
    assert review.list.currentRow() == here
    # undo removes what was accepted, source included
    window.commands["undo"].trigger()
    with controller.require().read() as s:
        assert quotes.count(s) == 0 and sources.count(s) == 0


def test_accept_all_and_selection_to_quote(
    window: MainWindow, controller: CaseController, qtbot: QtBot, tmp_path: Path
) -> None:
    review = start_review(window, controller, qtbot, tmp_path)
    review.accept_all()
    for item in review.items:  # the unsure ("$20" that the text denies) wait for the reporter
        unsure = item.candidate.confidence < PROPOSED
        assert item.state is (State.PENDING if unsure else State.ACCEPTED)
        assert item.label().endswith("(unsure)") == unsure
    assert any(i.state is State.PENDING for i in review.items)
    assert "unsure candidates left pending" in review.status.text()
    with controller.require().read() as s:
        assert claims.count(s) >= 1 and quotes.count(s) >= 2
    # select "Dock workers say their rate was cut" by hand and make it a quote
    start = TEXT.index("Dock workers say")
    end = start + len("Dock workers say their rate was cut")
    cursor = review.reader.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    review.reader.setTextCursor(cursor)

    def accept_quote(dialog: QWidget) -> None:
        assert dialog.text.toPlainText() == "Dock workers say their rate was cut"  # type: ignore[attr-defined]
        dialog.accept()  # type: ignore[attr-defined]

    on_next_modal(accept_quote)
    review.quote_from_selection()
    with controller.require().read() as s:
        made = [q for q in quotes.list_all(s) if q.text == "Dock workers say their rate was cut"]
    assert len(made) == 1 and (made[0].span_start, made[0].span_end) == (start, end)
    # the quote page's "Show in document" highlights exactly that span
    review.close()
    window.jump_to(RecordKind.QUOTE, made[0].id)
    window.detail.quote_page.in_document.click()
    assert window.detail.document_page.highlighted_span() == (start, end)


def test_a_file_that_cannot_be_read_says_why(
    window: MainWindow, controller: CaseController, qtbot: QtBot, tmp_path: Path
) -> None:
    controller.create(tmp_path / "x.casefile", title="X", passphrase=None)
    junk = tmp_path / "photo.jpg"
    junk.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    seen: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        seen.append(box.text())
        box.close()

    on_next_modal(read_and_close)
    task = window.intake.start(junk, None)
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert "photo.jpg" in seen[0]
    with controller.require().read() as s:
        assert documents.count(s) == 0
    del task


def test_a_document_read_for_a_case_closed_meanwhile_goes_nowhere(
    window: MainWindow, controller: CaseController, tmp_path: Path
) -> None:
    from casefile.services import intake

    controller.create(tmp_path / "first.casefile", title="First", passphrase=None)
    window.intake.start(None, intake.read_text(TEXT, title="Port workers"))
    # the reporter switches cases before the reading is done: the result is delivered while
    # the first case closes, and must not land in the second
    controller.create(tmp_path / "second.casefile", title="Second", passphrase=None)
    assert window.intake.review is None
    assert "nothing was added" in window.statusBar().currentMessage()
    for name in ("first", "second"):
        with open_case(tmp_path / f"{name}.casefile") as case, case.read() as s:
            assert documents.count(s) == 0


def test_a_number_without_a_unit_is_left_for_the_reporter_to_complete(
    window: MainWindow, controller: CaseController, qtbot: QtBot, tmp_path: Path
) -> None:
    from casefile.services import intake

    controller.create(tmp_path / "unit.casefile", title="Unit", passphrase=None)
    text = (
        TEXT.replace(", not $20", "") + "Independent groups put the figure at more than 15,000.\n"
    )
    task = window.intake.start(None, intake.read_text(text, title="Port workers"))
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: window.intake.review is not None)
    review = window.intake.review
    assert review is not None
    qtbot.addWidget(review)
    review.accept_all()
    pending = [i for i in review.items if i.state is State.PENDING]
    assert [i.candidate.raw for i in pending] == ["more than 15,000"]  # type: ignore[union-attr]
    assert all(i.state is State.ACCEPTED for i in review.items if i not in pending)
    assert "1 numbers do not say what they count" in review.status.text()
    review.list.setCurrentRow(review.items.index(pending[0]))
    press(review, "A")
    assert pending[0].state is State.PENDING
    assert "“more than 15,000” does not say what it counts" in review.status.text()
