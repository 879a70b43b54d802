"""Sanitised descriptions of unexpected errors: where it happened, never what the data was.

Exception messages can quote field values (a source's name in a constraint error, say), so a
crash report carries the exception type and our own code's frames only.
"""

from __future__ import annotations

import traceback
from pathlib import Path

_OURS = ("casefile", "ui")


def frames(error: BaseException, limit: int = 12) -> list[str]:
    out: list[str] = []
    for frame in traceback.extract_tb(error.__traceback__):
        parts = Path(frame.filename).parts
        if any(p in _OURS for p in parts):
            index = max(i for i, p in enumerate(parts) if p in _OURS)
            module = "/".join(parts[index:])
            out.append(f"{module}:{frame.lineno} in {frame.name}")
    return out[-limit:]


def describe(error: BaseException) -> str:
    where = frames(error, limit=1)
    return f"{type(error).__name__}" + (f" at {where[0]}" if where else "")


def report(error: BaseException) -> str:
    """A multi-line report safe to show, copy or log: type and our frames, no messages."""
    lines = [f"Casefile internal error: {type(error).__name__}"]
    lines += [f"  {f}" for f in frames(error)]
    return "\n".join(lines)
