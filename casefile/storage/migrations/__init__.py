"""Alembic migrations of the case file schema (batch mode for SQLite). Run on open."""
