"""Casefile's core: the case file of a story, usable without any window."""

__version__ = "0.1.0"
