"""Tests of the exchange package (age format, passphrases)."""
