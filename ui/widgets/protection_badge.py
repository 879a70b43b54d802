"""A small coloured badge naming a source's protection level (Named … Never reveal)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from casefile.domain.enums import Protection


def protection_text(protection: Protection) -> str:
    """The level's name as the window shows it (translatable)."""
    tr = QCoreApplication.translate
    return {
        Protection.NAMED: tr("ProtectionBadge", "Named"),
        Protection.BACKGROUND: tr("ProtectionBadge", "On background"),
        Protection.ANONYMOUS: tr("ProtectionBadge", "Anonymous"),
        Protection.NEVER_REVEAL: tr("ProtectionBadge", "Never reveal"),
    }[protection]


def protection_explanation(protection: Protection) -> str:
    """What the level means for the reporter, in one sentence."""
    tr = QCoreApplication.translate
    return {
        Protection.NAMED: tr("ProtectionBadge", "May be named in the story and in exports."),
        Protection.BACKGROUND: tr(
            "ProtectionBadge", "Use what they say, but do not name them; cited by pseudonym."
        ),
        Protection.ANONYMOUS: tr(
            "ProtectionBadge",
            "Never named outside this case: the window shows the pseudonym until revealed.",
        ),
        Protection.NEVER_REVEAL: tr(
            "ProtectionBadge",
            "Not even colleagues may learn who this is: masked everywhere, in every output.",
        ),
    }[protection]


class ProtectionBadge(QLabel):
    """Styled from resources/app.qss by the dynamic properties badge="protection" and
    protection="named|background|anonymous|never_reveal"; with no level it is empty and takes no
    space (the style sheet pads only the four levels), so it never toggles its own visibility."""

    def __init__(self, protection: Protection | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("protectionBadge")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setProperty("badge", "protection")
        self._protection: Protection | None = None
        self.set_protection(protection)

    def protection(self) -> Protection | None:
        return self._protection

    def set_protection(self, protection: Protection | None) -> None:
        self._protection = protection
        self.setProperty("protection", "" if protection is None else protection.value)
        self.setText("" if protection is None else protection_text(protection))
        self.setToolTip("" if protection is None else protection_explanation(protection))
        # A dynamic property takes effect in the style sheet only after a re-polish.
        self.style().unpolish(self)
        self.style().polish(self)
