"""Persistence: typed ORM records, the one engine factory, migrations and full-text search.

Only casefile.services uses this package.
"""
