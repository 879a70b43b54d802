"""Editor of a quote: its words, who said them, and where and when."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from casefile.domain.enums import Medium, QuoteKind, QuoteStatus
from casefile.domain.ids import RecordId
from casefile.domain.records import QuoteDraft
from casefile.domain.validation import MAX_SHORT_TEXT, clean_line, clean_text
from ui.widgets.choice_combo import Choice, ChoiceCombo
from ui.widgets.date_field import DateField
from ui.widgets.fields import line_edit, plain_label, text_edit, text_of
from ui.widgets.form_dialog import FormDialog, first_invalid
from ui.widgets.provenance import found_in_text
from ui.widgets.source_picker import FindSources, SourceLabel, SourcePicker, choice_for


class QuoteDialog(FormDialog):
    """New quote (draft=None) or edit of one; `values()` returns the QuoteDraft. The document
    link and span are kept from the draft unchanged (shown, not edited): quotes are tied to a
    document where they are found, in the document's view."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        draft: QuoteDraft | None = None,
        find_sources: FindSources,
        source_label: SourceLabel,
        document_title: str = "",
    ) -> None:
        super().__init__(
            parent, title=self.tr("New quote") if draft is None else self.tr("Edit quote")
        )
        self.setMinimumWidth(560)
        self._draft = d = draft or QuoteDraft(text="")
        self.text = text_edit(d.text, name="text", lines=5, placeholder=self.tr("The words said"))
        self.source = SourcePicker(find_sources, name="source")
        self.source.set_source(choice_for(d.source_id, source_label))
        self.medium = ChoiceCombo[Medium | None](
            [
                Choice(None, self.tr("Not stated")),
                Choice(Medium.INTERVIEW, self.tr("Interview")),
                Choice(Medium.PHONE, self.tr("Phone")),
                Choice(Medium.MESSAGE, self.tr("Message")),
                Choice(Medium.STATEMENT, self.tr("Statement")),
                Choice(Medium.DOCUMENT, self.tr("Document")),
                Choice(Medium.OTHER, self.tr("Other")),
            ],
            name="medium",
        )
        self.medium.set_value(d.medium)
        self.said_on = DateField(d.said_on, name="saidOn")
        self.place = line_edit(d.place, name="place")
        self.context = text_edit(
            d.context, name="context", lines=2, placeholder=self.tr("What was being discussed")
        )
        self.status = ChoiceCombo(
            [
                Choice(QuoteStatus.UNVERIFIED, self.tr("Unverified")),
                Choice(QuoteStatus.CONFIRMED, self.tr("Confirmed")),
                Choice(QuoteStatus.DISPUTED, self.tr("Disputed")),
                Choice(QuoteStatus.RETRACTED, self.tr("Retracted")),
            ],
            name="status",
        )
        self.status.set_value(d.status)
        self.kind = ChoiceCombo(
            [
                Choice(QuoteKind.DIRECT, self.tr("Direct quote (verbatim)")),
                Choice(QuoteKind.PARAPHRASE, self.tr("Paraphrase")),
            ],
            name="kind",
        )
        self.kind.set_value(d.kind)
        self.language = line_edit(d.language, name="language", placeholder=self.tr("e.g. ar, en"))
        self.document = plain_label(
            found_in_text(d.document_id, d.span_start, d.span_end, document_title),
            name="document",
            wrap=True,
        )

        row = self.add_row
        row(self.tr("&Quote"), self.text)
        row(self.tr("&Said by"), self.source, buddy=self.source.line)
        row(self.tr("&How"), self.medium)
        row(self.tr("Said o&n"), self.said_on)
        row(self.tr("&Place"), self.place)
        row(self.tr("Con&text"), self.context)
        row(self.tr("S&tatus"), self.status)
        row(self.tr("&Kind"), self.kind)
        row(self.tr("&Language"), self.language)
        if d.document_id is not None:
            row(self.tr("Found in"), self.document)

        self.watch(self.text, self.source, self.place, self.context, self.language)
        self.tab_through(
            self.text,
            self.source,
            self.medium,
            self.said_on,
            self.place,
            self.context,
            self.status,
            self.kind,
            self.language,
        )
        self.refresh()
        self.text.setFocus()

    def problem(self) -> str:
        if not text_of(self.text).strip():
            return self.tr("Write the words of the quote.")
        if self.source.is_pending():
            return self.tr("Pick the source from the list, or clear the field (unattributed).")
        return first_invalid(
            [
                (self.tr("Quote"), lambda: clean_text("quote text", text_of(self.text))),
                (
                    self.tr("Place"),
                    lambda: clean_line("place", self.place.text(), max_len=MAX_SHORT_TEXT),
                ),
                (self.tr("Context"), lambda: clean_text("context", text_of(self.context))),
                (self.tr("Language"), lambda: clean_line("language", self.language.text())),
            ]
        )

    def values(self) -> QuoteDraft:
        source_id = self.source.source_id()
        d = self._draft
        return QuoteDraft(
            text=text_of(self.text).strip(),
            source_id=None if source_id is None else RecordId(source_id),
            document_id=d.document_id,
            span_start=d.span_start,
            span_end=d.span_end,
            medium=self.medium.value(),
            place=self.place.text().strip(),
            said_on=self.said_on.date(),
            context=text_of(self.context).strip(),
            status=self.status.value(),
            kind=self.kind.value(),
            language=self.language.text().strip(),
        )
