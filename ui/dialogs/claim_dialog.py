"""Editor of a claimed number: what is counted, the value or range, its unit, rate and source."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLabel, QWidget

from casefile.domain.enums import Period, Qualifier
from casefile.domain.errors import InvalidValue
from casefile.domain.ids import RecordId
from casefile.domain.records import ClaimDraft
from casefile.domain.validation import (
    MAX_SHORT_TEXT,
    clean_line,
    clean_text,
    decimal_text,
    parse_decimal,
)
from ui.models.columns import claim_value_text
from ui.widgets.choice_combo import Choice, ChoiceCombo
from ui.widgets.date_field import DateField
from ui.widgets.fields import line_edit, plain_label, text_edit, text_of
from ui.widgets.form_dialog import FormDialog, first_invalid
from ui.widgets.provenance import found_in_text
from ui.widgets.source_picker import FindSources, SourceLabel, SourcePicker, choice_for

COMMON_UNITS = ("USD", "EUR", "GBP", "people", "days", "weeks", "months", "years", "percent")
Subjects = Callable[[str], list[str]]


class ClaimDialog(FormDialog):
    """New claim (draft=None) or edit of one; `values()` returns the ClaimDraft. The quote,
    document and span it was taken from are kept from the draft unchanged."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        draft: ClaimDraft | None = None,
        find_sources: FindSources,
        source_label: SourceLabel,
        subjects: Subjects,
        document_title: str = "",
    ) -> None:
        super().__init__(
            parent, title=self.tr("New number") if draft is None else self.tr("Edit number")
        )
        self.setMinimumWidth(560)
        self._draft = draft
        self._subjects = subjects
        self._make_fields(draft, find_sources, source_label)
        self._lay_out(self._found_in_text(draft, document_title))
        self.watch(
            self.subject,
            self.value,
            self.value_max,
            self.qualifier,
            self.unit,
            self.period,
            self.per,
            self.source,
            self.raw_text,
            self.note,
        )
        self.tab_through(
            self.subject,
            self.qualifier,
            self.value,
            self.value_max,
            self.unit,
            self.period,
            self.per,
            self.as_of,
            self.source,
            self.raw_text,
            self.note,
        )
        self.refresh()
        self.subject.setFocus()

    def _make_fields(
        self, d: ClaimDraft | None, find_sources: FindSources, source_label: SourceLabel
    ) -> None:
        self.subject = line_edit(
            "" if d is None else d.subject,
            name="subject",
            placeholder=self.tr("What is counted, e.g. monthly pay per fighter"),
        )
        self.subject_model = QStringListModel(self)
        self.subject_completer = QCompleter(self.subject_model, self)
        self.subject_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.subject_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.subject.setCompleter(self.subject_completer)
        self.subject.textEdited.connect(self._find_subjects)
        self.value = line_edit(
            "" if d is None else decimal_text(d.value), name="value", placeholder="2000"
        )
        self.value_max = line_edit(
            "" if d is None or d.value_max is None else decimal_text(d.value_max),
            name="valueMax",
            placeholder=self.tr("(a range only)"),
        )
        self.qualifier = ChoiceCombo(
            [
                Choice(Qualifier.EXACT, self.tr("Exactly")),
                Choice(Qualifier.ABOUT, self.tr("About")),
                Choice(Qualifier.NEARLY, self.tr("Nearly")),
                Choice(Qualifier.UP_TO, self.tr("Up to")),
                Choice(Qualifier.LESS_THAN, self.tr("Less than")),
                Choice(Qualifier.AT_LEAST, self.tr("At least")),
                Choice(Qualifier.MORE_THAN, self.tr("More than")),
            ],
            name="qualifier",
        )
        self.qualifier.set_value(Qualifier.EXACT if d is None else d.qualifier)
        self.unit = QComboBox()
        self.unit.setObjectName("unit")
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit.addItems(list(COMMON_UNITS))
        self.unit.setCurrentText("" if d is None else d.unit)
        self.period = ChoiceCombo(
            [
                Choice(Period.TOTAL, self.tr("Total (not a rate)")),
                Choice(Period.HOUR, self.tr("Per hour")),
                Choice(Period.DAY, self.tr("Per day")),
                Choice(Period.WEEK, self.tr("Per week")),
                Choice(Period.MONTH, self.tr("Per month")),
                Choice(Period.YEAR, self.tr("Per year")),
            ],
            name="period",
        )
        self.period.set_value(Period.TOTAL if d is None else d.period)
        self.per = line_edit(
            "" if d is None else d.per, name="per", placeholder=self.tr("e.g. fighter")
        )
        self.as_of = DateField(None if d is None else d.as_of, name="asOf")
        self.source = SourcePicker(find_sources, name="source")
        self.source.set_source(choice_for(None if d is None else d.source_id, source_label))
        self.raw_text = line_edit(
            "" if d is None else d.raw_text,
            name="rawText",
            placeholder=self.tr("As written, e.g. “up to $2,000 a month”"),
        )
        self.note = text_edit("" if d is None else d.note, name="note", lines=3)
        self.preview = plain_label(name="preview", wrap=True, role="preview")

    def _found_in_text(self, d: ClaimDraft | None, document_title: str) -> str:
        if d is None:
            return ""
        found = found_in_text(d.document_id, d.span_start, d.span_end, document_title)
        if d.quote_id is None:
            return found
        return self.tr("a quote; {0}").format(found) if found else self.tr("a quote")

    def _lay_out(self, found: str) -> None:
        self.found_in = plain_label(found, name="foundIn", wrap=True)
        value_row = QHBoxLayout()
        value_row.addWidget(self.qualifier)
        value_row.addWidget(self.value, 1)
        to = QLabel(self.tr("to"))
        to.setTextFormat(Qt.TextFormat.PlainText)
        value_row.addWidget(to)
        value_row.addWidget(self.value_max, 1)
        rate_row = QHBoxLayout()
        rate_row.addWidget(self.period)
        per = QLabel(self.tr("per"))
        per.setTextFormat(Qt.TextFormat.PlainText)
        rate_row.addWidget(per)
        rate_row.addWidget(self.per, 1)
        row = self.add_row
        row(self.tr("S&ubject"), self.subject)
        row(self.tr("&Value"), value_row, buddy=self.value)
        row(self.tr("U&nit"), self.unit)
        row(self.tr("&Rate"), rate_row, buddy=self.period)
        row(self.tr("Reads"), self.preview)
        row(self.tr("As o&f"), self.as_of)
        row(self.tr("&Said by"), self.source, buddy=self.source.line)
        row(self.tr("As &written"), self.raw_text)
        row(self.tr("N&ote"), self.note)
        if found:
            row(self.tr("Taken from"), self.found_in)

    def _find_subjects(self, text: str) -> None:
        self.subject_model.setStringList(self._subjects(text.strip()) if text.strip() else [])

    def _numbers(self) -> tuple[Decimal, Decimal | None]:
        """The value and upper value as typed, in plain form (2000, not 2E+3); raises
        InvalidValue."""
        value = _number("value", self.value.text())
        upper = self.value_max.text().strip()
        return value, None if not upper else _number("value max", upper)

    def problem(self) -> str:
        if not self.subject.text().strip():
            return self.tr("Say what is counted (the subject).")
        if not self.value.text().strip():
            return self.tr("Write the number.")
        if not self.unit.currentText().strip():
            return self.tr("Give the unit (USD, people, months…).")
        invalid = first_invalid(
            [
                (self.tr("Subject"), lambda: clean_line("subject", self.subject.text())),
                (self.tr("Value"), lambda: parse_decimal("value", self.value.text())),
                (self.tr("Upper value"), self._numbers),
                (
                    self.tr("Unit"),
                    lambda: clean_line("unit", self.unit.currentText(), max_len=100),
                ),
                (self.tr("Per"), lambda: clean_line("per", self.per.text())),
                (
                    self.tr("As written"),
                    lambda: clean_line("raw text", self.raw_text.text(), max_len=MAX_SHORT_TEXT),
                ),
                (self.tr("Note"), lambda: clean_text("note", text_of(self.note))),
            ]
        )
        if invalid:
            return invalid
        value, upper = self._numbers()
        if upper is not None and upper < value:
            return self.tr("The upper value is below the value: a range goes from low to high.")
        if self.source.is_pending():
            return self.tr("Pick the source from the list, or clear the field (unattributed).")
        return ""

    def refresh(self) -> None:
        super().refresh()
        self.preview.setText(self.preview_text())

    def preview_text(self) -> str:
        """How the number will read in lists and printouts, or "—" while it is not a number."""
        try:
            value, upper = self._numbers()
        except InvalidValue:
            return "—"
        return claim_value_text(
            value,
            value_max=upper,
            qualifier=self.qualifier.value(),
            unit=" ".join(self.unit.currentText().split()),
            period=self.period.value(),
            per=" ".join(self.per.text().split()),
        )

    def values(self) -> ClaimDraft:
        """The claim as typed; call only when problem() is "" (raises InvalidValue otherwise)."""
        value, upper = self._numbers()
        source_id = self.source.source_id()
        d = self._draft
        return ClaimDraft(
            subject=self.subject.text().strip(),
            value=value,
            unit=self.unit.currentText().strip(),
            value_max=upper,
            qualifier=self.qualifier.value(),
            period=self.period.value(),
            per=self.per.text().strip(),
            as_of=self.as_of.date(),
            source_id=None if source_id is None else RecordId(source_id),
            quote_id=None if d is None else d.quote_id,
            document_id=None if d is None else d.document_id,
            span_start=None if d is None else d.span_start,
            span_end=None if d is None else d.span_end,
            raw_text=self.raw_text.text().strip(),
            note=text_of(self.note).strip(),
        )


def _number(field: str, text: str) -> Decimal:
    return Decimal(decimal_text(parse_decimal(field, text)))
