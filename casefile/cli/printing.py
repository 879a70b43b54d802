"""Commands of the printing feature (filled in by its issue)."""

from __future__ import annotations

from typing import Any


def add_parsers(sub: Any, case_arg: Any) -> None:
    del sub, case_arg
