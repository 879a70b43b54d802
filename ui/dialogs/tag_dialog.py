"""Editor of a tag: its name and an optional colour (a few swatches, or any colour)."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

from casefile.domain.records import TagDraft
from casefile.domain.validation import clean_line
from ui.widgets.fields import line_edit, plain_label
from ui.widgets.form_dialog import FormDialog, first_invalid

SWATCHES = ("#c62828", "#ef6c00", "#f9a825", "#2e7d32", "#00838f", "#1565c0", "#6a1b9a", "#616161")


def swatch_icon(color: str, size: int = 16) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class TagDialog(FormDialog):
    """New tag (draft=None) or edit of one; `values()` returns the TagDraft. `existing` are the
    names of the case's other tags, compared without case (a tag name is unique)."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        draft: TagDraft | None = None,
        existing: Collection[str] = (),
    ) -> None:
        super().__init__(parent, title=self.tr("New tag") if draft is None else self.tr("Tag"))
        self.setMinimumWidth(420)
        d = draft or TagDraft(name="")
        own = d.name.casefold()
        self._taken = {n.strip().casefold() for n in existing} - {own}
        self._color = d.color
        self.name = line_edit(d.name, name="name")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        swatches = QHBoxLayout()
        self.none_button = QToolButton()
        self.none_button.setObjectName("noColor")
        self.none_button.setText(self.tr("None"))
        self.none_button.setCheckable(True)
        self.group.addButton(self.none_button)
        swatches.addWidget(self.none_button)
        self.none_button.clicked.connect(lambda: self.set_color(""))
        self.swatch_buttons: list[QToolButton] = []
        for color in SWATCHES:
            button = QToolButton()
            button.setObjectName(f"swatch{color[1:]}")
            button.setIcon(swatch_icon(color))
            button.setCheckable(True)
            button.setToolTip(color)
            button.setAccessibleName(self.tr("Colour {0}").format(color))
            button.clicked.connect(lambda _checked=False, c=color: self.set_color(c))
            self.group.addButton(button)
            self.swatch_buttons.append(button)
            swatches.addWidget(button)
        self.other_button = QPushButton(self.tr("&Other…"))
        self.other_button.setObjectName("otherColor")
        self.other_button.clicked.connect(self._choose_other)
        swatches.addWidget(self.other_button)
        swatches.addStretch(1)
        self.color_label = plain_label(name="color")
        self.color_sample = QLabel()
        chosen = QHBoxLayout()
        chosen.addWidget(self.color_sample)
        chosen.addWidget(self.color_label, 1)

        self.add_row(self.tr("&Name"), self.name)
        self.add_row(self.tr("&Colour"), swatches, buddy=self.none_button)
        self.form.addRow("", chosen)
        self.watch(self.name)
        self.tab_through(self.name, self.none_button, *self.swatch_buttons, self.other_button)
        self.set_color(d.color)
        self.name.setFocus()

    def color(self) -> str:
        return self._color

    def set_color(self, color: str) -> None:
        self._color = color
        checked = self.none_button if not color else None
        for swatch, swatch_color in zip(self.swatch_buttons, SWATCHES, strict=True):
            if swatch_color.casefold() == color.casefold():
                checked = swatch
        if checked is not None:
            checked.setChecked(True)
        else:
            # A colour not among the swatches: none of them stays checked.
            self.group.setExclusive(False)
            for button in self.group.buttons():
                button.setChecked(False)
            self.group.setExclusive(True)
        self.color_label.setText(color or self.tr("No colour"))
        self.color_sample.setPixmap(swatch_icon(color).pixmap(16, 16) if color else QPixmap())
        self.refresh()

    def _choose_other(self) -> None:
        chosen = QColorDialog.getColor(
            QColor(self._color) if self._color else QColor(SWATCHES[0]),
            self,
            self.tr("Tag colour"),
        )
        if chosen.isValid():
            self.set_color(chosen.name())

    def problem(self) -> str:
        name = self.name.text().strip()
        if not name:
            return self.tr("Give the tag a name.")
        if name.casefold() in self._taken:
            return self.tr("There is already a tag with this name.")
        return first_invalid([(self.tr("Name"), lambda: clean_line("tag name", name, max_len=200))])

    def values(self) -> TagDraft:
        return TagDraft(name=self.name.text().strip(), color=self._color)
