"""Reading the words around a number: what it counts, its rate, its qualifier, its currency."""

from __future__ import annotations

import re
from dataclasses import dataclass

from casefile.domain.enums import Period, Qualifier
from casefile.intake.number_lexicon import (
    CURRENCY_BEFORE,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    LETTER_PREFIXES,
    LETTERS_BEFORE,
    LIMIT_BEFORE,
    PEOPLE,
    PEOPLE_STATES,
    PERIOD_ADVERBS,
    QUALIFIER_BEFORE,
    TIME_UNITS,
    period_of,
    qualifier_of,
)
from casefile.intake.wordlists import words

_BEFORE_REACH = 30
_RANGE_OPENING = re.compile(r"\b(?P<word>between|from)[ \t]+$", re.IGNORECASE)
_AGE_BEFORE = re.compile(
    r"\b(?:aged|ages|age|at[ \t]+the[ \t]+age[ \t]+of|at[ \t]+age|age[ \t]+of)[ \t]+$",
    re.IGNORECASE,
)
# "Lucas Ferreira, 24," / "Lima, now 21," / "Ferreira (24)": an age in apposition to a name.
_NAME_BEFORE_AGE = re.compile(
    r"[A-Z][\w'’-]+[*†‡]?(?:,[ \t]*(?:then|now|aged)?[ \t]*|[ \t]*\([ \t]*)$"
)
_AGE_APPOSITION_AFTER = re.compile(r"[ \t]*[,)]")
_PERSON_BEFORE_AGE = re.compile(
    r"\b(?P<noun>[a-z]+)(?:,[ \t]*(?:then|now|aged)?[ \t]*|[ \t]*\([ \t]*)$"
)
_PERIOD_WORD = re.compile(
    r"(?P<joiner>[ \t]*/[ \t]*|[ \t]+(?:per|an?|each|every)[ \t]+|-(?:a|an|per)-)"
    r"(?P<period>hours?|hr|h|days?|weeks?|wk|months?|mo|years?|yr|annum)\b(?:(?<=hr|mo|yr|wk)\.)?",
    re.IGNORECASE,
)
_PERIOD_ADVERB_AFTER = re.compile(
    r"[ \t]+(?P<adverb>monthly|weekly|daily|hourly|annually|yearly|a[ \t]+year)\b", re.IGNORECASE
)
_PER_NOUN = re.compile(
    r"[ \t]+(?:per|for[ \t]+each|for[ \t]+every|a)[ \t]+(?P<noun>[a-z][a-z-]{2,})\b"
)
_PER_A_NOUNS = frozenset({"head", "person", "piece", "recruit", "worker", "fighter", "man"})
_PERIOD_ADJECTIVE = re.compile(
    r"\b(?P<adjective>monthly|weekly|daily|hourly|annual|yearly)\b", re.IGNORECASE
)
_CLAUSE_BREAK = re.compile(r"[.;!?\n,]|\d")
_FOLLOWING_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
_PARTITIVE = re.compile(
    r"[ \t]+of[ \t]+(?:(?P<pronoun>them|those|these|us|whom)\b|(?:the|his|her|their|its|our|my"
    r"|these|those)[ \t]+(?:\d[\d,.]*[ \t]+)?)"
)
_NP_STOP = words(
    """the a an and or but of to in on at for from with by as that which who whom whose were
    was is are be been being have has had will would could should may might must can do does
    did not no said says told per each every than more less this these those it its their
    his times fold her our my your into over under about after before since until while when
    where what how why also only just so very too then there here if because although though
    during between among against without within across through like"""
)
_PARENTS = frozenset({"mother", "father", "parent", "parents", "mothers", "fathers"})
_CONTAINERS = frozenset(
    {"groups", "group", "squads", "squad", "teams", "team", "batches", "shifts"}
)
_SUBJECT_BEFORE = re.compile(
    r"(?P<np>(?:[a-z][a-z'’-]*[ \t]+){0,2}[a-z][a-z'’-]*)[ \t]+(?:of|worth)[ \t]+$"
)
_LABEL_BEFORE = re.compile(r"(?P<np>[A-Za-z][a-z'’-]*(?:[ \t]+[a-z'’-]+){0,2})[ \t]*:[ \t]*$")
_CUT_BEFORE = words("a an the his her their its our my this each every in at on for by to with")


# "Six are confirmed dead", "14 were still missing": people counted by what happened to them.
_STATE_AFTER = re.compile(
    r"[ \t]+(?:are|were|was|is|have[ \t]+been|had[ \t]+been|remain|remained)[ \t]+"
    r"(?:(?:confirmed|reported|now|still|feared|believed|presumed)[ \t]+)?"
    r"(?P<state>dead|killed|missing|injured|wounded|arrested|detained|displaced)\b"
)
# "who was 19 at the time", "she was 17 when": an age in a clause about a person.
_AGE_CLAUSE_BEFORE = re.compile(
    r"\b(?:who|he|she|I|they|we)[ \t]+(?:was|is|were|are|turned|turns)[ \t]+$"
)
_AGE_CLAUSE_AFTER = re.compile(r"[ \t]+at[ \t]+the[ \t]+time\b|[ \t]+when\b|[ \t]*[,.;)]")
# "400 dollars, not 1,200": a bare number set against an amount shares its currency.
_CONTRAST = re.compile(
    r"[^.;!?\n]{0,40}?\b(?:not|than|instead[ \t]+of|rather[ \t]+than|versus|vs\.?|or)"
    r"[ \t]+$"
)


@dataclass(frozen=True, slots=True)
class Counted:
    """What a number counts: the noun phrase as written and the unit it gives."""

    subject: str
    unit: str
    end: int


def currency_before(text: str, start: int) -> tuple[int, str] | None:
    match = CURRENCY_BEFORE.search(text, max(0, start - 6), start)
    if not match:
        return None
    written = match.group().strip()
    code = CURRENCY_SYMBOLS.get(written, written if written in CURRENCY_CODES else "USD")
    return match.start(), code


def letters_before(text: str, start: int) -> tuple[int, str | None, str] | None:
    """(start, currency code or None, currency word) of letters such as "Rs", "KSh" or "Tk"
    written just before an amount."""
    match = LETTERS_BEFORE.search(text, max(0, start - 7), start)
    if not match:
        return None
    code, word = LETTER_PREFIXES[match.group("prefix")]
    return match.start(), code, word


def qualifier_before(text: str, start: int) -> tuple[int, Qualifier] | None:
    match = QUALIFIER_BEFORE.search(text, max(0, start - _BEFORE_REACH), start)
    if match:
        return match.start(), qualifier_of(match.group("words") or match.group("tilde"))
    limit = LIMIT_BEFORE.search(text, max(0, start - 40), start)
    if limit:
        word = limit.group("limit").lower()
        return start, Qualifier.UP_TO if word.startswith("max") else Qualifier.AT_LEAST
    return None


def range_opening(text: str, start: int) -> tuple[int, str] | None:
    match = _RANGE_OPENING.search(text, max(0, start - 10), start)
    return (match.start(), match.group("word").lower()) if match else None


def age_before(text: str, start: int) -> bool:
    return _AGE_BEFORE.search(text, max(0, start - 20), start) is not None


def age_in_apposition(text: str, start: int, end: int) -> bool:
    """ "Lucas Ferreira, 24," or "a Cambodian fisher, 26,": a number set off after a name or
    a word for a person."""
    if not _AGE_APPOSITION_AFTER.match(text, end):
        return False
    if _NAME_BEFORE_AGE.search(text, max(0, start - 40), start):
        return True
    person = _PERSON_BEFORE_AGE.search(text, max(0, start - 40), start)
    return person is not None and person.group("noun") in PEOPLE


def rate_after(text: str, position: int) -> tuple[int, Period | None, str]:
    """(end, period, per) of "a month", "per fighter per month", "/month", "monthly"."""
    period: Period | None = None
    per = ""
    for _ in range(2):
        match = _PERIOD_WORD.match(text, position)
        if match and period is None:
            period = period_of(_singular(match.group("period")))
            position = match.end()
            continue
        adverb = _PERIOD_ADVERB_AFTER.match(text, position)
        if adverb and period is None:
            period = PERIOD_ADVERBS.get(re.sub(r"\s+", " ", adverb.group("adverb").lower()))
            position = adverb.end()
            continue
        noun = _PER_NOUN.match(text, position)
        if noun and not per and noun.group("noun").rstrip("s") not in TIME_UNITS:
            is_a = noun.group().split()[0] == "a"
            if not is_a or noun.group("noun") in _PER_A_NOUNS:
                per = noun.group("noun")
                position = noun.end()
                continue
        break
    return position, period, per


def _singular(word: str) -> str:
    lowered = word.lower()
    return lowered[:-1] if lowered.endswith("s") else lowered


def period_adjective_before(text: str, start: int) -> Period | None:
    """ "a monthly salary of $2,000": the rate named before the amount, in the same clause."""
    window_start = max(0, start - 60)
    last_break = None
    for match in _CLAUSE_BREAK.finditer(text, window_start, start):
        last_break = match.end()
    adjective = None
    for match in _PERIOD_ADJECTIVE.finditer(text, last_break or window_start, start):
        adjective = match
    if adjective is None:
        return None
    return PERIOD_ADVERBS.get(adjective.group("adjective").lower())


def counted_after(text: str, position: int, value_is_one: bool) -> Counted | None:
    """The noun phrase a count counts: "350 young men" -> ("young men", "people")."""
    partitive = _PARTITIVE.match(text, position)
    if partitive and partitive.group("pronoun"):
        return Counted(partitive.group("pronoun"), "", partitive.end())
    if partitive:
        position = partitive.end() - 1
    words: list[re.Match[str]] = []
    while len(words) < 4:
        match = _FOLLOWING_WORD.match(text, position)
        if not match or match.group(1).lower() in _NP_STOP:
            break
        words.append(match)
        position = match.end()
    for index, word in enumerate(words):
        lowered = word.group(1).lower()
        if lowered in PEOPLE or (index < 2 and lowered in PEOPLE_STATES):
            return _counted(text, words[: index + 1], "people")
        if _looks_plural(lowered):
            return _counted(text, words[: index + 1], lowered)
    if words and value_is_one:
        return _counted(text, words[:1], words[0].group(1).lower())
    return None


def _counted(text: str, words: list[re.Match[str]], unit: str) -> Counted:
    subject = text[words[0].start(1) : words[-1].end(1)]
    return Counted(subject, unit, words[-1].end(1))


def _looks_plural(word: str) -> bool:
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ous"))
        and word[0].isalpha()
    )


def people_by_state(text: str, position: int) -> str:
    """ "dead" in "Six are confirmed dead"; "" when no such state follows."""
    match = _STATE_AFTER.match(text, position)
    return match.group("state") if match else ""


def age_in_clause(text: str, start: int, end: int) -> bool:
    return bool(
        _AGE_CLAUSE_BEFORE.search(text, max(0, start - 20), start)
        and _AGE_CLAUSE_AFTER.match(text, end)
    )


def set_against(text: str, previous_end: int, start: int) -> bool:
    """True when the number at `start` is contrasted with the one ending at `previous_end`."""
    return 0 <= start - previous_end <= 60 and bool(_CONTRAST.match(text, previous_end, start))


def subject_before(text: str, start: int, *, count: bool) -> str:
    """ "a fee of $4,000" -> "fee"; "recruits: 350" -> "recruits"."""
    window_start = max(0, start - 40)
    # Not "the pay was $1,000" → "pay": a subject read from one claim's sentence and not from
    # another's ("he would earn $2,000 a month") would keep the two apart in detection.
    match = _SUBJECT_BEFORE.search(text, window_start, start) or _LABEL_BEFORE.search(
        text, window_start, start
    )
    if not match:
        return ""
    words = match.group("np").split()
    determiners = [i for i, w in enumerate(words) if w.lower() in _CUT_BEFORE]
    words = words[determiners[-1] + 1 :] if determiners else words
    words = [w for w in words if w.lower() not in PERIOD_ADVERBS and w.lower() != "at"]
    if not words or (count and words[-1].lower() in _CONTAINERS):
        return ""
    if count and words[-1].lower() in _PARENTS:
        return "children"  # "a father of six"
    return " ".join(words[-2:])


def people_or_noun(subject: str) -> str:
    """The unit a subject found before a number gives: "people" for persons, else its noun."""
    last = subject.rsplit(maxsplit=1)[-1].lower() if subject else ""
    if last in PEOPLE:
        return "people"
    return last if _looks_plural(last) else ""
