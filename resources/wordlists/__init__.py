"""Bundled word lists (the EFF large list, for generated passphrases)."""
