"""The frame every record editor shares: a form, an inline problem line, and OK / Cancel."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from casefile.domain.errors import InvalidValue
from ui.widgets.date_field import DateField
from ui.widgets.fields import plain_label, set_tab_chain
from ui.widgets.source_picker import SourcePicker


class FormDialog(QDialog):
    """Subclasses add rows to `form`, call `watch()` on their fields, and return the first thing
    that keeps the values from being saved in `problem()`; OK stays disabled while there is one
    and the problem shows under the form. `exec()` is left to the caller."""

    def __init__(self, parent: QWidget | None, *, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(self.form)
        self.problem_label = plain_label(name="problem", wrap=True, role="error")
        outer.addWidget(self.problem_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

    def add_row(
        self, text: str, field: QWidget | QLayout, *, buddy: QWidget | None = None
    ) -> QLabel:
        """A row whose label's mnemonic (the letter after "&") focuses `buddy`, or the field."""
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        target = buddy if buddy is not None else field
        if isinstance(target, QWidget):
            label.setBuddy(target)
        if isinstance(field, QWidget):
            self.form.addRow(label, field)
        else:
            self.form.addRow(label, field)
        return label

    def add_note(self, label: QLabel) -> None:
        """A full-width line of help or warning under the field above it."""
        self.form.addRow("", label)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def problem(self) -> str:
        """Why the values cannot be saved yet, in a sentence; "" when they can."""
        return ""

    def refresh(self) -> None:
        problem = self.problem()
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self.ok_button.setEnabled(not problem)

    def accept(self) -> None:
        if self.problem():
            self.refresh()
            return
        super().accept()

    def watch(self, *fields: QWidget) -> None:
        """Re-check the values whenever one of these fields changes."""
        for field in fields:
            if isinstance(field, QLineEdit | QTextEdit | QPlainTextEdit):
                field.textChanged.connect(self.refresh)
            elif isinstance(field, QComboBox):
                field.currentIndexChanged.connect(self.refresh)
                field.editTextChanged.connect(self.refresh)
            elif isinstance(field, DateField):
                field.date_changed.connect(self.refresh)
            elif isinstance(field, SourcePicker):
                field.source_changed.connect(self.refresh)
                field.line.textChanged.connect(self.refresh)

    def tab_through(self, *fields: QWidget) -> None:
        """Tab goes through the fields in this order, then to the buttons."""
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        set_tab_chain(*fields, self.ok_button, cancel)


def first_invalid(checks: Iterable[tuple[str, Callable[[], object]]]) -> str:
    """Runs the core's own checks (clean_line, parse_decimal, …) in order, each as (field label,
    zero-argument callable), and returns the first failure as "Label: problem — hint", or ""."""
    for label, check in checks:
        try:
            check()
        except InvalidValue as error:
            problem = error.message.removeprefix(error.field).strip()
            text = f"{label}: {problem}"
            return f"{text} — {error.hint}" if error.hint else text
    return ""
