"""Use cases: the only package that touches storage. Session first; the caller commits.

Every function takes a session from `OpenCase.transaction()` (writes) or `OpenCase.read()`
and returns frozen domain values, never ORM records.
"""
