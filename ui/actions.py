"""Every action of the main window, with its shortcut, in menus, toolbar and command palette."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

Key = QKeySequence | QKeySequence.StandardKey | str | None


@dataclass
class Actions:
    """Named actions; `all` lists them in menu order for the command palette."""

    by_name: dict[str, QAction] = field(default_factory=dict)

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    @property
    def all(self) -> list[QAction]:
        return list(self.by_name.values())


def make(
    window: QMainWindow,
    actions: Actions,
    name: str,
    text: str,
    slot: Callable[[], object],
    *,
    shortcut: Key = None,
    checkable: bool = False,
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.setCheckable(checkable)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    if checkable:
        action.toggled.connect(lambda _on: slot())
    else:
        action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # shortcuts work wherever focus is in the window
    actions.by_name[name] = action
    return action


def fill_menu(menu: QMenu, actions: Actions, names: Sequence[str | None]) -> None:
    for name in names:
        if name is None:
            menu.addSeparator()
        else:
            menu.addAction(actions[name])
