"""Commands of the intake features (filled in by their issues)."""

from __future__ import annotations

from typing import Any


def add_parsers(sub: Any, case_arg: Any) -> None:
    del sub, case_arg
