"""Editor of a document's description; its text is shown but never edited after import."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from casefile.domain.records import DocumentDraft
from casefile.domain.validation import MAX_SHORT_TEXT, clean_line
from ui.widgets.date_field import DateField
from ui.widgets.fields import line_edit, plain_label, read_only_text
from ui.widgets.form_dialog import FormDialog, first_invalid


class DocumentDialog(FormDialog):
    """Edit of a document; `values()` returns the DocumentDraft with the text, file name, media
    type, hash and size unchanged (quotes and numbers point into the text by position)."""

    def __init__(self, parent: QWidget | None, *, draft: DocumentDraft) -> None:
        super().__init__(parent, title=self.tr("Document"))
        self.setMinimumSize(600, 560)
        self._draft = draft
        self.title = line_edit(draft.title, name="title")
        self.origin = line_edit(
            draft.origin, name="origin", placeholder=self.tr("Publisher, archive, who gave it")
        )
        # The address is plain text in a line edit: never a link that opens by a click.
        self.url = line_edit(draft.url, name="url", placeholder="https://…")
        self.published_on = DateField(draft.published_on, name="publishedOn")
        self.retrieved_on = DateField(draft.retrieved_on, name="retrievedOn")
        self.language = line_edit(
            draft.language, name="language", placeholder=self.tr("e.g. ar, en")
        )
        facts = [self.tr("{0} characters").format(f"{len(draft.text):,}")]
        if draft.file_name:
            facts.insert(0, draft.file_name)
        if draft.sha256:
            facts.append(f"SHA-256 {draft.sha256[:16]}…")
        self.facts = plain_label(" · ".join(facts), name="facts", wrap=True)
        self.text = read_only_text(draft.text, name="text")
        self.text.setMinimumHeight(200)

        dates = QHBoxLayout()
        dates.addWidget(self.published_on)
        retrieved = QLabel(self.tr("&Retrieved"))
        retrieved.setTextFormat(Qt.TextFormat.PlainText)
        retrieved.setBuddy(self.retrieved_on)
        dates.addWidget(retrieved)
        dates.addWidget(self.retrieved_on)
        dates.addStretch(1)
        row = self.add_row
        row(self.tr("&Title"), self.title)
        row(self.tr("&Origin"), self.origin)
        row(self.tr("&Address"), self.url)
        row(self.tr("&Published"), dates, buddy=self.published_on)
        row(self.tr("&Language"), self.language)
        row(self.tr("File"), self.facts)
        row(self.tr("Te&xt"), self.text)

        self.watch(self.title, self.origin, self.url, self.language)
        self.tab_through(
            self.title,
            self.origin,
            self.url,
            self.published_on,
            self.retrieved_on,
            self.language,
            self.text,
        )
        self.refresh()
        self.title.setFocus()

    def problem(self) -> str:
        if not self.title.text().strip():
            return self.tr("Give the document a title.")
        return first_invalid(
            [
                (self.tr("Title"), lambda: clean_line("title", self.title.text())),
                (
                    self.tr("Origin"),
                    lambda: clean_line("origin", self.origin.text(), max_len=MAX_SHORT_TEXT),
                ),
                (
                    self.tr("Address"),
                    lambda: clean_line("url", self.url.text(), max_len=MAX_SHORT_TEXT),
                ),
                (self.tr("Language"), lambda: clean_line("language", self.language.text())),
            ]
        )

    def values(self) -> DocumentDraft:
        return replace(
            self._draft,
            title=self.title.text().strip(),
            origin=self.origin.text().strip(),
            url=self.url.text().strip(),
            published_on=self.published_on.date(),
            retrieved_on=self.retrieved_on.date(),
            language=self.language.text().strip(),
        )
