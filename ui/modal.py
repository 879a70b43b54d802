"""Runs a modal dialog and lets it go afterwards.

A dialog parented to the window outlives exec() as a hidden child: every passphrase dialog,
export dialog and message box ever shown would stay in memory (with what was typed into it)
until the window closes, and the Python wrappers of their widgets sit in reference cycles that
the garbage collector then tears down at an arbitrary moment, which PySide does not always
survive. So every modal dialog is deleted once it has answered: `deleteLater()` waits until
control is back in the event loop, so the caller can still read the dialog's fields.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QDialog


def run_modal(dialog: QDialog) -> int:
    """`dialog.exec()`, then the dialog is scheduled for deletion."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


@contextmanager
def disposing(dialog: QDialog) -> Iterator[QDialog]:
    """For a dialog shown more than once (asked again after a wrong answer): deleted when the
    block ends, however it ends."""
    try:
        yield dialog
    finally:
        dialog.deleteLater()
