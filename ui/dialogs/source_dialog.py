"""Editor of a source: identity, protection, reliability and first contact."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from casefile.domain.enums import Protection, Reliability, SourceKind
from casefile.domain.records import SourceDraft
from casefile.domain.validation import MAX_SHORT_TEXT, clean_line, clean_text
from ui.widgets.choice_combo import Choice, ChoiceCombo
from ui.widgets.date_field import DateField
from ui.widgets.fields import line_edit, plain_label, text_edit, text_of
from ui.widgets.form_dialog import FormDialog, first_invalid
from ui.widgets.protection_badge import (
    ProtectionBadge,
    protection_explanation,
    protection_text,
)


class SourceDialog(FormDialog):
    """New source (draft=None) or edit of one; `values()` returns the SourceDraft."""

    def __init__(self, parent: QWidget | None, *, draft: SourceDraft | None = None) -> None:
        super().__init__(
            parent, title=self.tr("New source") if draft is None else self.tr("Edit source")
        )
        self.setMinimumWidth(520)
        d = draft or SourceDraft(name="")
        self.name = line_edit(d.name, name="name", placeholder=self.tr("Real name"))
        self.pseudonym = line_edit(
            d.pseudonym,
            name="pseudonym",
            placeholder=self.tr("How it may be cited, e.g. “a relative of a recruit”"),
        )
        self.protection = ChoiceCombo(
            [Choice(p, protection_text(p), protection_explanation(p)) for p in Protection],
            name="protection",
        )
        self.protection.set_value(d.protection)
        self.badge = ProtectionBadge(d.protection)
        self.protection_help = plain_label(name="protectionHelp", wrap=True)
        self.pseudonym_warning = plain_label(
            name="pseudonymWarning", wrap=True, role="protection-warning"
        )
        self.kind = ChoiceCombo(
            [
                Choice(SourceKind.PERSON, self.tr("Person")),
                Choice(SourceKind.ORGANISATION, self.tr("Organisation")),
                Choice(SourceKind.DOCUMENT, self.tr("Document")),
                Choice(SourceKind.RECORDING, self.tr("Recording")),
                Choice(SourceKind.OTHER, self.tr("Other")),
            ],
            name="kind",
        )
        self.kind.set_value(d.kind)
        self.role = line_edit(d.role, name="role", placeholder=self.tr("e.g. recruiter"))
        self.affiliation = line_edit(d.affiliation, name="affiliation")
        self.location = line_edit(d.location, name="location")
        self.contact = text_edit(
            d.contact, name="contact", lines=2, placeholder=self.tr("Phone, e-mail, Signal…")
        )
        self.reliability = ChoiceCombo[Reliability | None](
            [Choice(None, self.tr("Not graded"))] + [Choice(r, r.label) for r in Reliability],
            name="reliability",
        )
        self.reliability.set_value(d.reliability)
        self.reliability_note = line_edit(d.reliability_note, name="reliabilityNote")
        self.first_contact_on = DateField(d.first_contact_on, name="firstContactOn")
        self.first_contact_how = line_edit(
            d.first_contact_how,
            name="firstContactHow",
            placeholder=self.tr("e.g. introduced by a colleague"),
        )
        self.notes = text_edit(d.notes, name="notes", lines=4)

        protection_row = QHBoxLayout()
        protection_row.addWidget(self.protection, 1)
        protection_row.addWidget(self.badge)
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.first_contact_on)
        contact_row.addWidget(self.first_contact_how, 1)
        row = self.add_row
        row(self.tr("&Name"), self.name)
        row(self.tr("&Pseudonym"), self.pseudonym)
        row(self.tr("P&rotection"), protection_row, buddy=self.protection)
        self.add_note(self.protection_help)
        self.add_note(self.pseudonym_warning)
        row(self.tr("&Kind"), self.kind)
        row(self.tr("Rol&e"), self.role)
        row(self.tr("&Affiliation"), self.affiliation)
        row(self.tr("&Location"), self.location)
        row(self.tr("&Contact"), self.contact)
        row(self.tr("Reliabilit&y"), self.reliability)
        row(self.tr("Reliability no&te"), self.reliability_note)
        row(self.tr("&First contact"), contact_row, buddy=self.first_contact_on)
        row(self.tr("Note&s"), self.notes)

        self.protection.currentIndexChanged.connect(self._protection_changed)
        self.pseudonym.textChanged.connect(self._protection_changed)
        self.watch(
            self.name,
            self.pseudonym,
            self.role,
            self.affiliation,
            self.location,
            self.contact,
            self.reliability_note,
            self.first_contact_how,
            self.notes,
        )
        self.tab_through(
            self.name,
            self.pseudonym,
            self.protection,
            self.kind,
            self.role,
            self.affiliation,
            self.location,
            self.contact,
            self.reliability,
            self.reliability_note,
            self.first_contact_on,
            self.first_contact_how,
            self.notes,
        )
        self._protection_changed()
        self.refresh()
        self.name.setFocus()

    def _protection_changed(self) -> None:
        protection = self.protection.value()
        self.badge.set_protection(protection)
        self.protection_help.setText(protection_explanation(protection))
        warning = self.pseudonym_warning_text()
        self.pseudonym_warning.setText(warning)
        self.pseudonym_warning.setVisible(bool(warning))

    def pseudonym_warning_text(self) -> str:
        """A masked source with no pseudonym is saved, but cited only as "protected source"."""
        if self.protection.value().masks_identity and not self.pseudonym.text().strip():
            return self.tr(
                "This source is masked but has no pseudonym: the window and every output will "
                "call it “protected source”. Add a pseudonym it may be cited by."
            )
        return ""

    def problem(self) -> str:
        if not self.name.text().strip():
            return self.tr("Give the source a name (its real name stays in this case).")
        return first_invalid(
            [
                (self.tr("Name"), lambda: clean_line("name", self.name.text())),
                (self.tr("Pseudonym"), lambda: clean_line("pseudonym", self.pseudonym.text())),
                (self.tr("Role"), lambda: _short("role", self.role.text())),
                (self.tr("Affiliation"), lambda: _short("affiliation", self.affiliation.text())),
                (self.tr("Location"), lambda: _short("location", self.location.text())),
                (
                    self.tr("Contact"),
                    lambda: clean_text("contact", text_of(self.contact), max_len=MAX_SHORT_TEXT),
                ),
                (
                    self.tr("Reliability note"),
                    lambda: clean_text("reliability note", self.reliability_note.text()),
                ),
                (
                    self.tr("First contact"),
                    lambda: _short("first contact how", self.first_contact_how.text()),
                ),
                (self.tr("Notes"), lambda: clean_text("notes", text_of(self.notes))),
            ]
        )

    def values(self) -> SourceDraft:
        return SourceDraft(
            name=self.name.text().strip(),
            pseudonym=self.pseudonym.text().strip(),
            protection=self.protection.value(),
            kind=self.kind.value(),
            role=self.role.text().strip(),
            affiliation=self.affiliation.text().strip(),
            location=self.location.text().strip(),
            contact=text_of(self.contact).strip(),
            reliability=self.reliability.value(),
            reliability_note=self.reliability_note.text().strip(),
            first_contact_on=self.first_contact_on.date(),
            first_contact_how=self.first_contact_how.text().strip(),
            notes=text_of(self.notes).strip(),
        )


def _short(field: str, text: str) -> str:
    return clean_line(field, text, max_len=MAX_SHORT_TEXT)
