"""Dates, years and other numbers that are not claims: times, ordinals, phone numbers, names."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from casefile.intake.candidates import DateCandidate
from casefile.intake.layout import Span

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# Month names are capitalised in English; "may" and "march" in lower case are verbs.
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])\.?)"
)
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d|2100)"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DATE_PATTERNS = [
    re.compile(r"(?<![\w.-])(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?![\w-])"),
    re.compile(
        r"(?<![\w./-])(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4}|\d{2})(?![\w./-])"
    ),
    re.compile(
        rf"(?<![\w])(?:{_MONTH}[ \t]+{_DAY}(?:,?[ \t]+{_YEAR})?)(?![\w])".replace(
            "(?P<day>", "(?P<day>", 1
        )
    ),
    re.compile(rf"(?<![\w])(?:{_DAY}[ \t]+(?:of[ \t]+)?{_MONTH}(?:,?[ \t]+{_YEAR})?)(?![\w])"),
    re.compile(rf"(?<![\w])(?:{_MONTH}[ \t]+{_YEAR})(?![\w])"),
]
# A year range or a decade: "2024-2025" (any dash), "2019-20", "the 1990s", "'90s".
_YEAR_RANGE = re.compile(rf"(?<![\w.,$€£-]){_YEAR}[-–—/](?P<end>\d{{2}}|\d{{4}})(?![\w-])")
_DECADE = re.compile(r"(?<![\w.,$€£])(?:1[5-9]\d0|20\d0)['’]?s\b|['’]\d0s\b")
_LONE_YEAR = re.compile(rf"(?<![\w.,$€£/-]){_YEAR}(?![\w/-]|[.,]\d)")
# Prepositions and words that make a lone four-digit number a year.
_YEAR_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|of|during|before|after|early|late|mid|year|years"
    r"|fiscal|summer|winter|spring|autumn|fall|through|between|and|to|the|since|around|circa"
    r"|Q[1-4]|[Jj]anuary|[Ff]ebruary|March|April|May|June|July|August|September|October"
    r"|November|December)[ \t-]+|[,(][ \t]*)$"
)
_COUNTED_AFTER = re.compile(r"[ \t]+(?!(?:and|or|to|in|on|at|the|a|was|were|is|when)\b)[a-z]{3,}")

_TIME = re.compile(
    r"(?<![\w.:])\d{1,2}[:.]\d{2}(?::\d{2})?(?:[ \t]*[ap]\.?m\.?)?(?![\w:])"
    r"|(?<![\w.])\d{1,2}[ \t]*(?:a\.m\.|p\.m\.|am|pm)(?![\w])",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"(?<![\w.])\d+(?:st|nd|rd|th)\b", re.IGNORECASE)
_PHONE = re.compile(
    r"\+\d[\d \t().-]{6,}\d|\(\d{2,5}\)[ \t]?\d{3,4}[ \t.-]\d{3,4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b"
)
# Digits that are part of a name or code: "COVID-19", "F-16", "M23", "A4", "9/11", "v1.2.3";
# not money written after its letters ("Sh120,000", "Rs900", "KSh45,000").
_MONEY_LETTERS = r"(?<!\bSh)(?<!\bShs)(?<!KSh)(?<!Ksh)(?<!\bRs)(?<!\bTk)(?<!\bRp)(?<!\bRM)(?<!\bDh)"
_IDENTIFIER = re.compile(
    rf"(?<=[A-Za-z]){_MONEY_LETTERS}[-/]?\d+[\w-]*"
    r"|(?<![\w.,])\d+/\d+(?![\w])|(?<![\w.])\d+(?:\.\d+){2,}|(?<![\w])\d+[A-Za-z]+\d[\w]*"
)
# The number of a numbered heading at the start of a line: "3.2 Recruitment and debt".
_SECTION_NUMBER = re.compile(r"(?m)^[ \t]*\d{1,2}(?:\.\d{1,2})+\.?(?=[ \t]+[A-Z])")
# Numbers that follow these words refer to something (page 12, article 5, flight 370).
_REFERENCE = re.compile(
    r"\b(?:page|pages|p\.|pp\.|article|art\.|section|sec\.|chapter|ch\.|paragraph|para\.|no\."
    r"|number|nos\.|decree|law|resolution|act|route|flight|room|flat|apartment|unit|box|item"
    r"|case|file|clause|figure|fig\.|table|vol\.|volume|issue|episode|season|level|grade"
    r"|platform|gate|highway|road|bus|line|version|channel|phase|stage|step|division|brigade"
    r"|battalion|regiment|corps|district|zone|sector|block|building|plot|lot|batch|series"
    r"|class|category|tier|round|update|exhibit|annex|appendix|camp|checkpoint|kilometre"
    r"|kilometer|km|mile|plan|code|id|ref|reference|#)[ \t]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class NotClaims:
    """Dates found in a text, and every span whose digits are not claims (dates included)."""

    dates: list[DateCandidate]
    spans: list[Span]


def find_dates(text: str) -> NotClaims:
    """Dates, years, times, ordinals, phone numbers and codes in `text`."""
    dates: list[DateCandidate] = []
    taken = _Occupied()

    def add(match: re.Match[str], date: DateCandidate | None) -> None:
        taken.add(match.start(), match.end())
        if date is not None:
            dates.append(date)

    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            date = _date_of(match)
            if date is not None and not taken.overlaps(match.start(), match.end()):
                add(match, date)
    for match in _YEAR_RANGE.finditer(text):
        if not taken.overlaps(match.start(), match.end()) and _is_year_range(match):
            add(match, _year(match))
    for match in _DECADE.finditer(text):
        if not taken.overlaps(match.start(), match.end()):
            add(match, None)
    for match in _LONE_YEAR.finditer(text):
        if not taken.overlaps(match.start(), match.end()) and _is_year(text, match):
            add(match, _year(match))
    spans = taken.spans() + _other_spans(text)
    dates.sort(key=lambda d: d.start)
    return NotClaims(dates, sorted(spans))


def _year(match: re.Match[str]) -> DateCandidate:
    year = int(match.group("year"))
    return DateCandidate(match.group(), match.start(), match.end(), year, None, None)


class _Occupied:
    """Non-overlapping spans, kept sorted to test a new span for overlap in log time."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_left(self._starts, end) - 1
        return index >= 0 and self._ends[index] > start

    def add(self, start: int, end: int) -> None:
        index = bisect_left(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)

    def spans(self) -> list[Span]:
        return list(zip(self._starts, self._ends, strict=True))


def _other_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    for pattern in (_TIME, _ORDINAL, _PHONE, _IDENTIFIER, _SECTION_NUMBER):
        spans.extend((m.start(), m.end()) for m in pattern.finditer(text))
    return spans


def is_reference(text: str, start: int) -> bool:
    """True when the number at `start` follows a word such as "page", "article" or "flight"."""
    return _REFERENCE.search(text, max(0, start - 16), start) is not None


def _date_of(match: re.Match[str]) -> DateCandidate | None:
    groups = match.groupdict()
    month_text = groups.get("month") or ""
    month = _MONTHS.get(month_text.lower().rstrip(".")) if not month_text.isdigit() else None
    if month_text.isdigit():
        month = int(month_text)
    day = int(groups["day"]) if groups.get("day") else None
    year_text = groups.get("year")
    year = int(year_text) if year_text else None
    if year is not None and year < 100:
        year += 2000 if year < 70 else 1900
    if month is None or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return DateCandidate(match.group(), match.start(), match.end(), year, month, day)


def _is_year_range(match: re.Match[str]) -> bool:
    start, end = int(match.group("year")), match.group("end")
    end_year = int(end) if len(end) == 4 else (start // 100) * 100 + int(end)
    return start < end_year <= start + 100


def _is_year(text: str, match: re.Match[str]) -> bool:
    """A lone 1500-2100 is a year after "in", "since", a month or a comma, or when no noun
    follows it; "2000 recruits" is a count."""
    if _YEAR_CONTEXT.search(text, max(0, match.start() - 12), match.start()):
        return True
    return _COUNTED_AFTER.match(text, match.end()) is None
