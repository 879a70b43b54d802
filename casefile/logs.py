"""Casefile's log: a private file in the user's log folder, sanitised.

We log what happened and where in our code, never field values. As a second line of defence,
exceptions attached to log records are reduced to their type and our own frames (exception
messages can quote data), and message arguments that are not plain numbers are withheld.
CASEFILE_LOG_LEVEL=DEBUG raises the detail (still sanitised).
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

from casefile.crash import report

APP = "Casefile"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP, appauthor=False))


class Sanitise(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            record.msg = f"{record.msg}\n{report(record.exc_info[1])}"
            record.exc_info = None
            record.exc_text = None
        if record.args:
            safe = (
                tuple(a if isinstance(a, (int, float)) else _safe_text(a) for a in record.args)
                if isinstance(record.args, tuple)
                else record.args
            )
            record.args = safe
        return True


def _safe_text(value: object) -> str:
    text = str(value)
    # Our own log calls pass short identifiers (event names, task names, kinds); anything else
    # is withheld rather than risk writing case content.
    if len(text) <= 64 and all(ch.isalnum() or ch in " ._-:/()" for ch in text):
        return text
    return "(withheld)"


def configure(level: str | None = None) -> Path:
    """Sends our log records to the private log file; returns its path."""
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / "casefile.log"
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=2, encoding="utf-8")
    handler.addFilter(Sanitise())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("casefile")
    ui_root = logging.getLogger("ui")
    chosen = (level or os.environ.get("CASEFILE_LOG_LEVEL") or "WARNING").upper()
    for logger in (root, ui_root):
        logger.handlers = [handler]
        logger.setLevel(chosen if chosen in logging.getLevelNamesMapping() else "WARNING")
        logger.propagate = False
    if path.exists():
        path.chmod(0o600)
    return path
