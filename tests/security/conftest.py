"""Security tests: iteration counts for the long (fault and fuzz) loops.

CI runs reduced counts; set CASEFILE_LONG=1 for the long form (documented in the README)."""

from __future__ import annotations

import os


def iterations(ci: int, long: int) -> int:
    return long if os.environ.get("CASEFILE_LONG") == "1" else ci
