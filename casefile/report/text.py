"""Wording of printouts: dates, numbers, labels, and bidi isolation of case data in mixed lines."""

from __future__ import annotations

import unicodedata
from datetime import date
from enum import StrEnum

from casefile.domain.enums import Medium, Protection
from casefile.privacy.policy import Audience

FSI, PDI = "\u2068", "\u2069"  # first-strong isolate and its terminator (UAX #9)
ISOLATE_OPENERS = frozenset("\u2066\u2067\u2068")
NONE = "—"

AUDIENCE_LABELS = {
    Audience.REDACTED: "Redacted — for editor",
    Audience.FULL: "FULL — contains protected identities",
}

PROTECTION_MEANINGS = {
    Protection.NAMED: "may be named",
    Protection.BACKGROUND: "use, don't name",
    Protection.ANONYMOUS: "never name outside the case",
    Protection.NEVER_REVEAL: "not even to colleagues",
}

_MEDIUM_WORDS = {
    Medium.DOCUMENT: "document",
    Medium.INTERVIEW: "interview",
    Medium.PHONE: "phone call",
    Medium.STATEMENT: "statement",
    Medium.MESSAGE: "message",
    Medium.OTHER: "other",
}


class Direction(StrEnum):
    LTR = "ltr"
    RTL = "rtl"


def isolate(value: str) -> str:
    """Case data placed inside a line of other text: isolated, so an Arabic name before a date
    cannot reorder the date ("2026-05-10" read as "10-05-2026"), and stray direction marks in
    imported text end with the value."""
    return f"{FSI}{value}{PDI}" if value else value


def first_strong(text: str) -> Direction | None:
    """The direction of a paragraph by its first strong character, skipping isolated runs as
    UAX #9 (P2) does; None when the text has no strong character."""
    depth = 0
    for ch in text:
        if ch in ISOLATE_OPENERS:
            depth += 1
            continue
        if ch == PDI:
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return Direction.LTR
        if kind in ("R", "AL"):
            return Direction.RTL
    return None


def count(n: int, noun: str, plural: str = "") -> str:
    """ "1 quote", "2 quotes"."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def one_line(text: str) -> str:
    return " ".join(text.split())


def shorten(text: str, width: int = 120) -> str:
    flat = one_line(text)
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def day(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def medium_word(medium: Medium | None) -> str:
    return "" if medium is None else _MEDIUM_WORDS[medium]


def enum_word(value: StrEnum | None) -> str:
    return "" if value is None else value.value.replace("_", " ")
