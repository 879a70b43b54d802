"""Tests of the printable summaries (pure: no database, no Qt)."""
