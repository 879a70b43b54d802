"""Preferences: display name (recorded as author of changes), privacy, recent files, theme,
auto-lock and backups."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from casefile.settings import Settings


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, settings: Settings) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._settings = settings
        form = QFormLayout(self)
        self.display_name = QLineEdit(settings.display_name)
        self.display_name.setObjectName("display_name")
        self.display_name.setPlaceholderText(self.tr("Shown as the author of your changes"))
        form.addRow(self.tr("Your name"), self.display_name)
        self.privacy_on_start = QCheckBox(self.tr("Start with the privacy screen on"))
        self.privacy_on_start.setChecked(settings.privacy_screen_on_start)
        form.addRow("", self.privacy_on_start)
        self.recent = QCheckBox(
            self.tr("Remember recently opened cases (their file names show in the menu)")
        )
        self.recent.setChecked(settings.recent_files_enabled)
        form.addRow("", self.recent)
        self.theme = QComboBox()
        for value, text in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme.addItem(text, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        form.addRow(self.tr("Theme"), self.theme)
        self.idle_lock = QSpinBox()
        self.idle_lock.setRange(0, 240)
        self.idle_lock.setSuffix(self.tr(" min"))
        self.idle_lock.setSpecialValueText(self.tr("Never"))
        self.idle_lock.setValue(settings.idle_lock_minutes)
        form.addRow(self.tr("Lock after idle"), self.idle_lock)
        self.backup_keep = QSpinBox()
        self.backup_keep.setRange(1, 50)
        self.backup_keep.setValue(settings.backup_keep)
        form.addRow(self.tr("Backups to keep"), self.backup_keep)
        self.backup_interval = QSpinBox()
        self.backup_interval.setRange(5, 24 * 60)
        self.backup_interval.setSuffix(self.tr(" min"))
        self.backup_interval.setValue(settings.backup_interval_minutes)
        form.addRow(self.tr("Back up every"), self.backup_interval)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> Settings:
        recent = self.recent.isChecked()
        updated = replace(
            self._settings,
            display_name=" ".join(self.display_name.text().split())[:200],
            privacy_screen_on_start=self.privacy_on_start.isChecked(),
            recent_files_enabled=recent,
            theme=str(self.theme.currentData()),
            idle_lock_minutes=self.idle_lock.value(),
            backup_keep=self.backup_keep.value(),
            backup_interval_minutes=self.backup_interval.value(),
        )
        return updated if recent else updated.without_recent()
