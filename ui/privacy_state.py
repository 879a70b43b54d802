"""What the window may show right now: the privacy screen, and which sources were revealed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from casefile.domain.enums import Protection
from casefile.privacy.policy import screen_contact, screen_name


class PrivacyState(QObject):
    """changed() is emitted whenever what may be shown changes; views repaint."""

    changed = Signal()

    def __init__(self, *, privacy_screen: bool = False) -> None:
        super().__init__()
        self._screen = privacy_screen
        self._revealed: set[str] = set()

    @property
    def privacy_screen(self) -> bool:
        return self._screen

    def set_privacy_screen(self, on: bool) -> None:
        if on != self._screen:
            self._screen = on
            self.changed.emit()

    def is_revealed(self, source_id: str | None) -> bool:
        return source_id is not None and source_id in self._revealed

    def reveal(self, source_id: str) -> None:
        if source_id not in self._revealed:
            self._revealed.add(source_id)
            self.changed.emit()

    def hide(self, source_id: str) -> None:
        if source_id in self._revealed:
            self._revealed.discard(source_id)
            self.changed.emit()

    def forget(self) -> None:
        """On lock or close: nothing stays revealed."""
        if self._revealed:
            self._revealed.clear()
            self.changed.emit()

    def name(
        self, source_id: str | None, name: str, pseudonym: str, protection: Protection | None
    ) -> str:
        return screen_name(
            name,
            pseudonym,
            protection,
            revealed=self.is_revealed(source_id),
            privacy_screen=self._screen,
        )

    def contact(self, source_id: str | None, contact: str, protection: Protection | None) -> str:
        return screen_contact(
            contact, protection, revealed=self.is_revealed(source_id), privacy_screen=self._screen
        )
