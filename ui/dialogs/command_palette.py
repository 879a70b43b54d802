"""The command palette (Ctrl+K): every action of the window, found by fuzzy typing."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget


def fuzzy_score(query: str, text: str) -> int | None:
    """How well `query` matches `text` as an in-order subsequence (higher is better), or None.

    Matches at word starts and consecutive matches score more, so "nq" finds "New Quote"
    before "Unlink quote"."""
    q = query.casefold().replace(" ", "")
    t = text.casefold()
    if not q:
        return 0
    score = 0
    position = -1
    previous = -2
    for ch in q:
        position = t.find(ch, position + 1)
        if position < 0:
            return None
        if position == 0 or not t[position - 1].isalnum():
            score += 10
        if position == previous + 1:
            score += 5
        score -= 1 if position - previous > 1 else 0
        previous = position
    return score - len(t) // 20


def plain_action_text(action: QAction) -> str:
    return action.text().replace("&", "").replace("…", "").strip()


class CommandPalette(QDialog):
    def __init__(self, parent: QWidget | None, actions: Sequence[QAction]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Command palette"))
        self.setObjectName("command_palette")
        self.setMinimumWidth(520)
        self._actions = [a for a in actions if a.text() and a.isVisible()]
        layout = QVBoxLayout(self)
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Type a command…"))
        self.query.textChanged.connect(self._filter)
        self.query.installEventFilter(self)
        layout.addWidget(self.query)
        self.results = QListWidget()
        self.results.itemActivated.connect(self._run)
        layout.addWidget(self.results)
        self.chosen: QAction | None = None
        self._filter("")

    def _filter(self, text: str) -> None:
        self.results.clear()
        scored = []
        for action in self._actions:
            score = fuzzy_score(text, plain_action_text(action))
            if score is not None:
                scored.append((score, plain_action_text(action), action))
        scored.sort(key=lambda x: (-x[0], x[1]))
        for _score, label, action in scored:
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            item = QListWidgetItem(f"{label}    {shortcut}" if shortcut else label)
            item.setData(
                Qt.ItemDataRole.UserRole, len(self._actions) and self._actions.index(action)
            )
            if not action.isEnabled():
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)
        for i in range(self.results.count()):
            if self.results.item(i).flags() & Qt.ItemFlag.ItemIsEnabled:
                self.results.setCurrentRow(i)
                break

    def labels(self) -> list[str]:
        return [self.results.item(i).text() for i in range(self.results.count())]

    def _run(self, item: QListWidgetItem) -> None:
        if not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return
        self.chosen = self._actions[int(item.data(Qt.ItemDataRole.UserRole))]
        self.accept()

    def accept_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self._run(item)

    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            watched is self.query
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
        ):
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
                self.results.setCurrentRow(row)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept_current()
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]
