"""Bundled resources: styles, fonts, word lists and the sample case."""
