"""Scoring intake against hand-made expectations: matching rules, precision and recall."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from casefile.intake import (
    NumberCandidate,
    QuoteCandidate,
    as_said,
    names_match,
    normalise_name,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "intake"
_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_EDGES = " \t\n\"'.,;:!?()[]—–-"
_FILLER = frozenset({"the", "a", "an"})


@dataclass(frozen=True, slots=True)
class Score:
    expected: int
    proposed: int
    matched: int
    misses: tuple[str, ...]
    extras: tuple[str, ...]

    @property
    def precision(self) -> float:
        return self.matched / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0


def fixture_names() -> list[str]:
    return sorted(p.stem for p in FIXTURES.glob("*.json"))


def load(name: str) -> tuple[str, dict[str, Any]]:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return text, expected


def _flat(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_QUOTE_MARKS).casefold()
    return " ".join(text.split()).strip(_EDGES)


def texts_agree(found: str, wanted: str) -> bool:
    """Equal once flattened, or one holds the other and they are of similar length."""
    a, b = _flat(found), _flat(wanted)
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return bool(shorter) and shorter in longer and len(shorter) >= 0.6 * len(longer)


def speakers_agree(found: str | None, wanted: str | None) -> bool:
    """The same speaker: both unknown, the same name, or one name within the other
    ("Minister Daniel Okafor" and "Daniel Okafor")."""
    if found is None or wanted is None:
        return found is wanted
    if names_match(found, wanted):
        return True
    a = set(normalise_name(found).split()) - _FILLER
    b = set(normalise_name(wanted).split()) - _FILLER
    return bool(a) and bool(b) and (a <= b or b <= a)


def quote_agrees(found: QuoteCandidate, wanted: dict[str, Any]) -> bool:
    # the words as stored in the case: a page's line breaks and hyphens gone
    return texts_agree(as_said(found.text), wanted["text"]) and speakers_agree(
        found.speaker, wanted["speaker"]
    )


def number_agrees(found: NumberCandidate, wanted: dict[str, Any]) -> bool:
    value_max = Decimal(wanted["value_max"]) if wanted["value_max"] is not None else None
    return (
        found.value == Decimal(wanted["value"])
        and found.value_max == value_max
        and found.unit == wanted["unit"]
        and found.period == wanted["period"]
        and found.qualifier == wanted["qualifier"]
    )


def score[C](
    found: Sequence[C],
    wanted: Sequence[dict[str, Any]],
    agrees: Callable[[C, dict[str, Any]], bool],
    describe: Callable[[C], str],
) -> Score:
    """One-to-one matching, in text order: each expectation takes the first free candidate."""
    free = list(found)
    misses: list[str] = []
    for item in wanted:
        match = next((c for c in free if agrees(c, item)), None)
        if match is None:
            misses.append(json.dumps(item, ensure_ascii=False))
        else:
            free.remove(match)
    matched = len(wanted) - len(misses)
    return Score(len(wanted), len(found), matched, tuple(misses), tuple(map(describe, free)))


def describe_quote(quote: QuoteCandidate) -> str:
    return f"{quote.kind} [{quote.speaker}] {quote.text[:70]!r} ({quote.confidence})"


def describe_number(number: NumberCandidate) -> str:
    return (
        f"{number.raw!r} = {number.value}-{number.value_max} {number.unit} {number.period} "
        f"{number.qualifier} ({number.confidence})"
    )
