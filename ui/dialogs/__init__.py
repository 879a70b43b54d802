"""Dialogs built from plain values; `exec()` only in the caller."""
