"""Export of the case: where the file goes, how it is locked (passphrase or colleagues' keys),
what goes in; the full export asks for FULL and the case passphrase."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from casefile.exchange.age import is_valid_recipient
from casefile.exchange.passphrase import generate_passphrase
from ui.clipboard import copy_secret
from ui.widgets.fields import line_edit, plain_label, text_edit, text_of
from ui.widgets.form_dialog import FormDialog

SUFFIX = ".casefile.age"  # casefile.services.exchange.EXPORT_SUFFIX (a test keeps them equal)
MIN_EXPORT_PASSPHRASE = 12  # typed ones; a generated one has ≥ 6 random words
CONFIRM_WORD = "FULL"
NOTE_WIDTH = 480
_SECRET_KEY_PREFIX = "age-secret-key-"  # noqa: S105 (a prefix to recognise)


@dataclass(frozen=True)
class ExportChoice:
    """What the reporter chose. Exactly one of `passphrase` and `recipients` is set.
    `case_passphrase` is given only for a full export of an encrypted case (the caller checks
    it); `include_never_reveal` is True in a full export, which holds everything anyway."""

    path: Path
    passphrase: str | None
    recipients: tuple[str, ...]
    include_never_reveal: bool
    case_passphrase: str | None


def export_path(text: str, folder: Path) -> Path | None:
    """The file the typed name stands for: relative names land in `folder`, and the name ends in
    .casefile.age ("x" → "x.casefile.age", "x.casefile" → "x.casefile.age"). None: no name."""
    text = text.strip()
    if not text:
        return None
    path = Path(text).expanduser()
    if not path.is_absolute():
        path = folder / path
    name = path.name
    if not name or name in {".", ".."}:
        return None
    if name.endswith(SUFFIX):
        return path
    if name.endswith(".casefile"):
        return path.with_name(name + ".age")
    if name.endswith(".age"):
        return path.with_name(name.removesuffix(".age") + SUFFIX)
    return path.with_name(name + SUFFIX)


def recipient_lines(text: str) -> tuple[list[str], list[int], list[int]]:
    """(valid keys in order without repeats, numbers of lines that are not public keys, numbers
    of lines that are secret keys). Blank lines and "#" comments are skipped, as age does."""
    keys: list[str] = []
    bad: list[int] = []
    secret: list[int] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.lower().startswith(_SECRET_KEY_PREFIX):
            secret.append(number)
        elif not is_valid_recipient(line):
            bad.append(number)
        elif line not in keys:
            keys.append(line)
    return keys, bad, secret


def numbers_text(numbers: list[int]) -> str:
    """ "2", "2 and 5", "2, 5 and 7", "2, 5, 7 and 4 more"."""
    shown = [str(n) for n in numbers[:3]]
    rest = len(numbers) - len(shown)
    if rest > 0:
        more = QCoreApplication.translate("ExportDialog", "and {0} more").format(rest)
        return ", ".join(shown) + " " + more
    if len(shown) == 1:
        return shown[0]
    return (
        ", ".join(shown[:-1])
        + " "
        + QCoreApplication.translate("ExportDialog", "and")
        + " "
        + shown[-1]
    )


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)  # Enter in a field never presses it
    return button


def _row(*widgets: QWidget) -> QHBoxLayout:
    """The first widgets stretch (fields), the rest keep their size (buttons)."""
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
    return row


def _note(text: str, name: str, *, role: str = "") -> QLabel:
    """A wrapped line of help under a field. A form row is as tall as its label's size hint,
    which a wrapped label computes for a narrow width: a width near the column's keeps the note
    from floating in blank space."""
    note = plain_label(text, name=name, wrap=True, role=role)
    note.setMinimumWidth(NOTE_WIDTH)
    return note


def _secret(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class ExportDialog(FormDialog):
    """Built from plain values; `values()` returns the ExportChoice. OK stays disabled while
    something required is missing; in a full export Cancel is the default button."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        suggested_path: Path,
        full: bool = False,
        case_encrypted: bool = True,
    ) -> None:
        title = (
            self.tr("Export FULL case — contains protected identities")
            if full
            else self.tr("Export case (redacted)")
        )
        super().__init__(parent, title=title)
        self.setMinimumWidth(640)
        self._full = full
        self._case_encrypted = case_encrypted
        self._folder = suggested_path.parent
        self._suggested = suggested_path
        self._generated: str | None = None
        self._shape: tuple[bool, ...] = ()
        self._add_banner()
        self._build_fields()
        self._lay_out()

        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.setText(self.tr("Export full case") if full else self.tr("Export"))
        if full:
            self.ok_button.setAutoDefault(False)
            cancel.setDefault(True)

        self.choose.clicked.connect(self._choose)
        self.mode.buttonToggled.connect(self._update)
        self.generate.clicked.connect(self._generate)
        self.own.clicked.connect(self._type_own)
        self.copy.clicked.connect(self._copy)
        self.include_never_reveal.toggled.connect(self._update)
        self.path.textChanged.connect(self._update)
        self.watch(self.passphrase, self.again, self.recipients, self.confirm, self.case_passphrase)
        self.tab_through(
            self.path,
            self.choose,
            self.use_passphrase,
            self.use_keys,
            self.passphrase,
            self.generated,
            self.generate,
            self.copy,
            self.own,
            self.again,
            self.recipients,
            self.include_never_reveal,
            self.confirm,
            self.case_passphrase,
        )
        self._update()
        (self.confirm if full else self.passphrase).setFocus()

    def _add_banner(self) -> None:
        self.banner = plain_label(
            self.tr(
                "This file will hold everything in the case: the real names, contacts and notes "
                "of protected sources — never-reveal ones too. Anyone who gets the file and its "
                "passphrase or key can read them. Send it only to someone who must have them."
            ),
            name="fullBanner",
            wrap=True,
        )
        # The style sheet's never-reveal colours (white on red) make it a banner.
        self.banner.setProperty("badge", "protection")
        self.banner.setProperty("protection", "never_reveal")
        self.banner.setMargin(8)
        self.banner.setVisible(self._full)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(0, self.banner)

    def _build_fields(self) -> None:
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.path = line_edit(str(self._suggested), name="path")
        self.choose = _button(self.tr("C&hoose…"), "choose")
        self.path_note = _note("", "pathNote")

        self.use_passphrase = QRadioButton(self.tr("&A passphrase"))
        self.use_passphrase.setObjectName("usePassphrase")
        self.use_keys = QRadioButton(self.tr("Colleagues’ public &keys"))
        self.use_keys.setObjectName("useKeys")
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.use_passphrase)
        self.mode.addButton(self.use_keys)
        self.use_passphrase.setChecked(True)

        self.passphrase = _secret("passphrase")
        self.passphrase.setPlaceholderText(
            self.tr("At least {0} characters").format(MIN_EXPORT_PASSPHRASE)
        )
        self.generated = QLineEdit()
        self.generated.setObjectName("generated")
        self.generated.setReadOnly(True)  # read-only still lets it be selected and copied
        self.generate = _button(self.tr("&Generate"), "generate")
        self.copy = _button(self.tr("&Copy"), "copy")
        self.own = _button(self.tr("Type &my own"), "own")
        self.again = _secret("again")
        self.copied_note = _note("", "copiedNote")
        self.channel_note = _note(
            self.tr(
                "Send the passphrase by a different channel than the file — read it out on a "
                "call, say — never in the same message or e-mail."
            ),
            "channelNote",
        )
        self.recipients = text_edit(
            name="recipients", lines=3, placeholder=self.tr("age1… — one key per line")
        )
        self.recipients.setFont(mono)
        self.recipients.setLineWrapMode(QTextEdit.LineWrapMode.NoWrap)
        self.recipients_note = _note(
            self.tr(
                "Only these colleagues can open the file, each with the secret half of their "
                "key; no passphrase has to travel. They find their public key under "
                "“My sharing key”."
            ),
            "recipientsNote",
        )

        self.include_never_reveal = QCheckBox(self.tr("Include what &never-reveal sources said"))
        self.include_never_reveal.setObjectName("includeNeverReveal")
        self.include_note = _note(
            self.tr(
                "Quotes and numbers of sources marked never reveal stay out of a redacted "
                "export. Tick this to send them too, cited by pseudonym only; names and "
                "contacts stay out either way."
            ),
            "includeNote",
        )
        self.include_warning = _note(
            self.tr(
                "What never-reveal sources said will be in the file. Their own words can give "
                "them away: send them only to a colleague who must read them."
            ),
            "includeWarning",
            role="protection-warning",
        )

        self.confirm = line_edit(name="confirm", placeholder=CONFIRM_WORD)
        self.case_passphrase = _secret("casePassphrase")

    def _lay_out(self) -> None:
        path_row = _row(self.path, self.choose)
        mode_row = _row(self.use_passphrase, self.use_keys)
        mode_row.addStretch(1)
        self._passphrase_row = _row(self.passphrase, self.generated)
        self._generate_row = _row(self.generate, self.copy, self.own)
        self._generate_row.addStretch(1)
        row = self.add_row
        row(self.tr("&Save to"), path_row, buddy=self.path)
        self.add_note(self.path_note)
        row(self.tr("Lock it with"), mode_row, buddy=self.use_passphrase)
        row(self.tr("&Passphrase"), self._passphrase_row, buddy=self.passphrase)
        self.form.addRow("", self._generate_row)
        row(self.tr("Aga&in"), self.again)
        self.add_note(self.copied_note)
        self.add_note(self.channel_note)
        row(self.tr("&Their keys"), self.recipients)
        self.add_note(self.recipients_note)
        self.form.addRow("", self.include_never_reveal)
        self.add_note(self.include_note)
        self.add_note(self.include_warning)
        row(self.tr("Type {0} to c&onfirm").format(CONFIRM_WORD), self.confirm)
        row(self.tr("Cas&e passphrase"), self.case_passphrase)

    # -- state ------------------------------------------------------------------------------

    def by_keys(self) -> bool:
        return self.use_keys.isChecked()

    def _update(self) -> None:
        by_keys = self.by_keys()
        generated = self._generated is not None
        path_note = self._path_note()
        self.path_note.setText(path_note)
        rows: dict[QWidget | QHBoxLayout, bool] = {
            self.path_note: bool(path_note),
            self._passphrase_row: not by_keys,
            self._generate_row: not by_keys,
            self.again: not by_keys and not generated,
            self.copied_note: not by_keys and bool(self.copied_note.text()),
            self.channel_note: not by_keys,
            self.recipients: by_keys,
            self.recipients_note: by_keys,
            self.include_never_reveal: not self._full,
            self.include_note: not self._full,
            self.include_warning: not self._full and self.include_never_reveal.isChecked(),
            self.confirm: self._full,
            self.case_passphrase: self._full and self._case_encrypted,
        }
        for item, shown in rows.items():
            self.form.setRowVisible(item, shown)
        # Showing a row shows all it holds: then hide what this state does not use.
        for widget, shown in (
            (self.passphrase, not generated),
            (self.generated, generated),
            (self.copy, generated),
            (self.own, generated),
        ):
            widget.setVisible(shown and not by_keys)
        self.generate.setText(self.tr("&Generate another") if generated else self.tr("&Generate"))
        self.refresh()
        shape = (*rows.values(), generated, bool(self.problem()))
        if shape != self._shape:
            self._shape = shape
            self._fit()

    def _fit(self) -> None:
        """Hidden rows give their height back, and wrapped notes take only the height they need
        at the dialog's width (a window is not sized by height-for-width on its own)."""
        layout = self.layout()
        if self.isVisible() and layout is not None and layout.hasHeightForWidth():
            layout.activate()
            self.resize(self.width(), layout.totalHeightForWidth(self.width()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def _path_note(self) -> str:
        path = export_path(self.path.text(), self._folder)
        if path is None:
            return ""
        if path.exists():
            return self.tr("A file named “{0}” is there already; it will be replaced.").format(
                path.name
            )
        if path.name != Path(self.path.text().strip()).name:
            return self.tr("Saved as “{0}”.").format(path.name)
        return ""

    def _choose(self) -> None:
        current = export_path(self.path.text(), self._folder)
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save export as"),
            str(current or self._folder),
            self.tr("Casefile exports (*.casefile.age)"),
        )
        if chosen:
            path = export_path(chosen, self._folder)
            self.path.setText(str(path or chosen))

    def _generate(self) -> None:
        self._generated = generate_passphrase()
        self.generated.setText(self._generated)
        self.generated.setCursorPosition(0)
        self.copied_note.setText("")
        self._update()
        self.generated.setFocus()
        self.generated.selectAll()

    def _type_own(self) -> None:
        self._generated = None
        self.generated.clear()
        self.copied_note.setText("")
        self._update()
        self.passphrase.setFocus()

    def _copy(self) -> None:
        if self._generated is None:
            return
        delay = copy_secret(self._generated)
        self.copied_note.setText(
            self.tr("Copied to the clipboard; it will be cleared in {0} seconds.").format(
                delay // 1000
            )
        )
        self._update()

    # -- checks and values ------------------------------------------------------------------

    def problem(self) -> str:
        text = self.path.text()
        path = export_path(text, self._folder)
        if path is None:
            return self.tr("Choose where to save the export.")
        typed = Path(text.strip()).expanduser()
        if typed.is_dir():
            return self.tr("That is a folder: add a file name.")
        if not path.parent.is_dir():
            return self.tr("The folder “{0}” does not exist.").format(str(path.parent))
        problem = self._keys_problem() if self.by_keys() else self._passphrase_problem()
        if problem:
            return problem
        if self._full:
            if self.confirm.text().strip() != CONFIRM_WORD:
                return self.tr(
                    "Type {0} to confirm that protected identities go into this file."
                ).format(CONFIRM_WORD)
            if self._case_encrypted and not self.case_passphrase.text():
                return self.tr("Enter this case’s passphrase.")
        return ""

    def _passphrase_problem(self) -> str:
        if self._generated is not None:
            return ""
        if len(self.passphrase.text()) < MIN_EXPORT_PASSPHRASE:
            return self.tr(
                "The passphrase needs at least {0} characters — or press Generate for one of "
                "seven random words."
            ).format(MIN_EXPORT_PASSPHRASE)
        if self.passphrase.text() != self.again.text():
            return self.tr("The two passphrases differ.")
        return ""

    def _keys_problem(self) -> str:
        keys, bad, secret = recipient_lines(text_of(self.recipients))
        if secret:
            return (
                self.tr(
                    "Line {0} is a secret key: never paste or send one. Ask for the public key "
                    "(age1…) instead."
                )
                if len(secret) == 1
                else self.tr(
                    "Lines {0} are secret keys: never paste or send one. Ask for the public "
                    "keys (age1…) instead."
                )
            ).format(numbers_text(secret))
        if bad:
            return (
                self.tr("Line {0} is not a public key: each line holds one age1… key.")
                if len(bad) == 1
                else self.tr("Lines {0} are not public keys: each line holds one age1… key.")
            ).format(numbers_text(bad))
        if not keys:
            return self.tr("Paste at least one colleague’s public key (age1…).")
        return ""

    def values(self) -> ExportChoice:
        path = export_path(self.path.text(), self._folder)
        if self.by_keys():
            passphrase = None
            recipients = tuple(recipient_lines(text_of(self.recipients))[0])
        else:
            passphrase = self._generated if self._generated is not None else self.passphrase.text()
            recipients = ()
        return ExportChoice(
            path=path if path is not None else self._folder,
            passphrase=passphrase,
            recipients=recipients,
            include_never_reveal=self._full or self.include_never_reveal.isChecked(),
            case_passphrase=(
                self.case_passphrase.text() if self._full and self._case_encrypted else None
            ),
        )
