"""What a claim counts: subject keys, suggestions from the text, look-alikes and merges."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from casefile.analysis.words import ARTICLES, fold, key_words, singular

MAX_SIMILAR = 10
FUZZY_CUTOFF = 0.75
MAX_SUBJECT_WORDS = 4
MAX_WINDOW = 400


@lru_cache(maxsize=65_536)  # pure; a case has a few thousand subjects, each claimed many times
def subject_key(subject: str) -> str:
    """The grouping key of a subject: "The monthly salaries " → "monthly salary"."""
    return " ".join(key_words(subject))


# --- suggestions -------------------------------------------------------------------------------

_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty"
    "|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|dozen|dozens|half"
    "|million|millions"
)
_NUMBER = (
    rf"(?:(?:us\$|[$€£¥₽₴₺₪₦₹]|[a-z]{{3}}\s)\s?)?(?:\d[\d,.\u00a0\u202f']*|(?:{_NUMBER_WORDS})\b)"
)
_QUALIFIERS = (
    r"(?:(?:about|around|approximately|roughly|some|nearly|almost|up to|at least|at most"
    r"|more than|over|less than|under|fewer than|between|as many as|as much as|only|just)\s+)*"
)
_VERBS = (
    r"(?:was|were|is|are|stood at|stands at|reached|reaches|numbered|numbers|totalled|totaled"
    r"|totals|rose to|fell to|came to|amounted to|amounts to|of|at)"
)
# "a monthly salary of $1,000", "the death toll stood at 300"
_HEAD_BEFORE = re.compile(rf"(?P<head>[^\W\d][\w'’ -]*?)\s+{_VERBS}\s+{_QUALIFIERS}{_NUMBER}")
# "350 fighters", "three-month contracts", "$1,000 in salaries"
_HEAD_AFTER = re.compile(
    rf"{_NUMBER}(?:-(?P<unit>[a-z]+))?\s+(?P<tail>[^\W\d_]+(?:[ '’-]+[^\W\d_]+)*)"
)

# Words that start a clause or carry no subject: a suggestion starts after the last of them.
_STOP = frozenset(
    {
        *ARTICLES, "their", "his", "her", "its", "our", "your", "my", "this", "that", "these",
        "those", "some", "they", "he", "she", "we", "i", "you", "it", "there", "and", "or", "but",
        "said", "says", "told", "promised", "paid", "received", "offered", "earned", "got",
        "given", "with", "to", "for", "by", "from", "on", "in", "per", "each", "every", "was",
        "were", "is", "are", "had", "has", "have", "been", "be", "according", "which",
        "who", "whose", "total", "number",
    }
)  # fmt: skip
# Words between a number and what it counts ("$2,000 a month in wages") that are not the subject.
_FILLER = frozenset(
    {"a", "an", "per", "each", "every", "month", "year", "week", "day", "hour", "in", "of", "for"}
)
_DURATION_WORDS = frozenset({"day", "week", "month", "year", "hour"})
_TAIL_END = re.compile(r"\b(?:from|of|in|at|on|for|to|with|who|that|which|and|per|a|each)\b")


def suggest_subject(raw_text: str, context: str = "") -> str:
    """A subject for a claim from its text: "a monthly salary of $1,000" → "monthly salary".

    Tries the raw text first, then the context around it. Returns "" when nothing fits; the
    reporter always sees and edits the suggestion.
    """
    for text in _windows(raw_text, context):
        head = _HEAD_BEFORE.search(text)
        if head:
            words = _after_last_stop(head.group("head").split())
            if words:
                return " ".join(words[-MAX_SUBJECT_WORDS:])
        for after in _HEAD_AFTER.finditer(text):
            tail = after.group("tail").split()
            while tail and tail[0] in _FILLER:
                tail = tail[1:]
            words = _TAIL_END.split(" ".join(tail))[0].split()[:MAX_SUBJECT_WORDS]
            if words and after.group("unit") in _DURATION_WORDS:
                # "three-month contracts" count how long a contract lasts.
                return " ".join([*words[:-1], singular(words[-1]), "length"])
            if words:
                return " ".join(words)
    return ""


def _windows(raw_text: str, context: str) -> Iterable[str]:
    # Bounded so that a pasted paragraph cannot make the patterns crawl.
    yield fold(raw_text)[:MAX_WINDOW]
    text = fold(context)
    if not text:
        return
    at = text.find(fold(raw_text)) if raw_text.strip() else -1
    if at < 0:
        yield text
        return
    # The clause around the claim: back to the previous sentence end, on past the claim a little.
    start = max(text.rfind(". ", 0, at) + 2, at - 120, 0)
    yield text[start : at + len(fold(raw_text)) + 60]


def _after_last_stop(words: list[str]) -> list[str]:
    cleaned = [w.strip("'’-") for w in words]
    for i in range(len(cleaned) - 1, -1, -1):
        if cleaned[i] in _STOP:
            return [w for w in cleaned[i + 1 :] if w]
    return [w for w in cleaned if w]


# --- look-alikes -------------------------------------------------------------------------------


def similar_subjects(text: str, existing: Sequence[str], *, limit: int = MAX_SIMILAR) -> list[str]:
    """The case's subjects to offer while the reporter types, best first.

    Same key first, then subjects whose key starts with what was typed, then subjects with a word
    starting with it, then close spellings of the key or one of its words ("salery" → "monthly
    salary"). One entry per key; ties go to the shorter subject.
    """
    typed = subject_key(text)
    if not typed:
        return []
    # SequenceMatcher caches what it knows about its second sequence: set it once.
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(typed)
    ranked: list[tuple[int, float, int, str]] = []
    seen: set[str] = set()
    for subject in existing:
        key = subject_key(subject)
        if not key or key in seen:
            continue
        seen.add(key)
        rank = _rank(typed, key, matcher)
        if rank is not None:
            ranked.append((rank[0], -rank[1], len(subject), subject))
    ranked.sort()
    return [subject for *_, subject in ranked[:limit]]


def _rank(typed: str, key: str, matcher: difflib.SequenceMatcher[str]) -> tuple[int, float] | None:
    """(tier, closeness) of a key for what was typed, or None when it is not worth offering."""
    if key == typed:
        return 0, 1.0
    if key.startswith(typed):
        return 1, len(typed) / len(key)
    if f" {typed}" in f" {key}":
        return 2, len(typed) / len(key)
    if len(typed) < 3:
        return None
    # Typing usually stops part-way through a word: also compare with the starts of words.
    width = len(typed) + 1
    words = key.split()
    best = 0.0
    for candidate in (key, key[:width], *words, *(w[:width] for w in words)):
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() >= FUZZY_CUTOFF and matcher.quick_ratio() >= FUZZY_CUTOFF:
            best = max(best, matcher.ratio())
    return (3, best) if best >= FUZZY_CUTOFF else None


# --- merges ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SubjectMap:
    """Subjects the reporter merged: each merged subject key → the key it now counts as."""

    merges: tuple[tuple[str, str], ...] = ()
    _lookup: Mapping[str, str] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        lookup: dict[str, str] = {}
        for merged, into in self.merges:
            lookup[merged] = into
        # Follow chains (a → b → c) once here so every lookup is one step; a cycle stops at the
        # first repeat instead of looping.
        resolved: dict[str, str] = {}
        for start, first in lookup.items():
            seen, key = {start}, first
            while key in lookup and key not in seen:
                seen.add(key)
                key = lookup[key]
            if key != start:
                resolved[start] = key
        object.__setattr__(self, "_lookup", resolved)

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str]]) -> SubjectMap:
        """A map from (merged subject, canonical subject) pairs as written."""
        keyed = ((subject_key(a), subject_key(b)) for a, b in pairs)
        return cls(tuple(sorted((a, b) for a, b in keyed if a and b and a != b)))

    def merged(self, subject: str, into: str) -> SubjectMap:
        """A new map in which `subject` counts as `into` (and so does whatever pointed to it).

        The latest merge wins: if `into` had itself been merged away, it becomes canonical again.
        """
        target = subject_key(into)
        kept = [(a, b) for a, b in self.merges if a != target]
        return SubjectMap.of([*kept, (subject, into)])

    def key_of(self, key: str) -> str:
        """The canonical key for an already computed subject key."""
        return self._lookup.get(key, key)

    def canonical(self, subject: str) -> str:
        """The key a subject is grouped under, after merges."""
        return self.key_of(subject_key(subject))

    def keys_into(self, keys: Iterable[str]) -> set[str]:
        """Every subject key that groups under one of these canonical keys (themselves included)."""
        targets = set(keys)
        return targets | {k for k, v in self._lookup.items() if v in targets}

    def as_dict(self) -> dict[str, str]:
        return dict(self._lookup)
