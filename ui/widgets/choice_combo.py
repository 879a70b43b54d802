"""A combo box over a fixed list of values (an enum, or none), each with a label and a tooltip."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget


@dataclass(frozen=True)
class Choice[T]:
    value: T
    label: str
    explanation: str = ""


class ChoiceCombo[T](QComboBox):
    """Picks one of `choices`; `value()` is the chosen value. Emits QComboBox's
    currentIndexChanged(int) when the choice changes."""

    def __init__(
        self, choices: Sequence[Choice[T]], *, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._choices = list(choices)
        for index, choice in enumerate(self._choices):
            self.addItem(choice.label)
            if choice.explanation:
                self.setItemData(index, choice.explanation, Qt.ItemDataRole.ToolTipRole)

    def value(self) -> T:
        return self._choices[max(self.currentIndex(), 0)].value

    def set_value(self, value: T) -> None:
        for index, choice in enumerate(self._choices):
            if choice.value == value:
                self.setCurrentIndex(index)
                return
        raise ValueError("not one of this field's choices")

    def explanation(self) -> str:
        return self._choices[max(self.currentIndex(), 0)].explanation

    def values(self) -> list[T]:
        return [c.value for c in self._choices]
