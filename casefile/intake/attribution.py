"""Finding who said a quotation: the words right after it, right before it, or in its sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from casefile.intake.layout import Span
from casefile.intake.lazy import LazyPattern
from casefile.intake.speakers import (
    ADVERB,
    APPOSITION,
    CASELESS_NAME,
    INVERTED_VERB,
    LOOSE_VERB,
    NAME,
    NOT_A_SUBJECT,
    PLACE_OR_TIME,
    RELATIVE,
    SAY_VERB,
    SPEAKER,
    SPEECH_TIME,
    VERB_PHRASE,
    SpeakerKind,
    clean_speaker,
    speaker_kind,
)
from casefile.intake.speakers import GAP as _GAP

WINDOW = 250  # characters looked at on each side of a quotation

_ADVERBS = rf"(?:{ADVERB}[ \t]+){{0,2}}"
_DASH = r"(?:[-—–][ \t]*)?"
# '"...," she said' / '"...," the company's chief executive, Viktor Bondar, told Wire'
_AFTER_SPEAKER_VERB = LazyPattern(
    rf"\s*,?\s*{_DASH}(?P<speaker>{SPEAKER})(?P<apposition>{APPOSITION})?,?{_GAP}"
    rf"{_ADVERBS}(?:was[ \t]+quoted[ \t]+as[ \t]+saying|{SAY_VERB})\b"
)
# '"...," said Ferreira, 24, a former driver'
_AFTER_VERB_SPEAKER = LazyPattern(
    rf"\s*,?\s*{_DASH}(?:{ADVERB}[ \t]+)?{INVERTED_VERB}{_GAP}(?P<speaker>{SPEAKER})"
    rf"(?P<apposition>,[ \t]+{NAME}(?=[ \t]*(?:[,.;:!?)\n]|$)))?"
    rf"(?=[ \t]*(?:[,.;:!?)\n]|$|[ \t]+(?:on|in|at|last|this|yesterday|today|who|after|when)\b))"
)
_AFTER_ACCORDING = LazyPattern(
    rf"[ \t]*,?[ \t]*according[ \t]+to[ \t]+(?P<speaker>{SPEAKER})(?P<apposition>{APPOSITION})?"
)
# Before the opening mark: Ferreira said, she said, the ministry said in a statement.
_BEFORE_SPEAKER_VERB = LazyPattern(
    rf"(?P<speaker>{SPEAKER})(?:{RELATIVE}|(?P<apposition>{APPOSITION}))?,?{SPEECH_TIME}?"
    rf"{_GAP}{_ADVERBS}{VERB_PHRASE}"
    rf"(?:{_GAP}{PLACE_OR_TIME}){{0,2}}\s*(?:[,:]|\sthat)?\s*$"
)
_BEFORE_ACCORDING = LazyPattern(
    rf"[Aa]ccording[ \t]+to[ \t]+(?P<speaker>{SPEAKER})(?P<apposition>{APPOSITION})?[ \t]*,?[ \t]*$"
)
# 'Ferreira: "..."' at the start of a line.
_BEFORE_LABEL = LazyPattern(rf"(?:^|\n)[ \t]*(?:[-*•][ \t]*)?(?P<speaker>{NAME})[ \t]*:[ \t]*$")
# Somewhere earlier in the sentence: 'Ferreira described the camp as "a prison"'.
_IN_SENTENCE_SAY = LazyPattern(
    rf"(?P<speaker>{SPEAKER})(?:{RELATIVE}|(?P<apposition>{APPOSITION}))?,?{SPEECH_TIME}?"
    rf"{_GAP}{_ADVERBS}{SAY_VERB}\b"
)
_IN_SENTENCE_ACCORDING = LazyPattern(
    rf"[Aa]ccording[ \t]+to[ \t]+(?P<speaker>{SPEAKER})(?P<apposition>{APPOSITION})?[ \t]*,"
)
_IN_SENTENCE_LOOSE = LazyPattern(
    rf"(?P<speaker>{SPEAKER})(?P<apposition>{APPOSITION})?,?{_GAP}{_ADVERBS}{LOOSE_VERB}\b"
)
# A pull quote signed on its own line or after a dash: '“...”\n— Karim Haddad, a driver'.
_DASH_SIGNATURE = LazyPattern(
    rf"[ \t]*(?:\r?\n[ \t]*)?[—–―][ \t]*(?P<speaker>{NAME}|{CASELESS_NAME})"
    rf"(?:(?:,[ \t]+[^\n\"“”.,;]{{1,60}}){{1,4}}|(?:,[ \t]+[^\n\"“”.,;]{{1,60}})?\.)?"
    rf"[ \t]*(?=\r?\n|$)"
)
# "who asked to be named as Umm Ahmad", "who gave his name only as Mr Otieno", "named Ana".
_NAMED_AS = LazyPattern(
    rf"\b(?:(?:named|identified|known|called)(?:[ \t]+only)?(?:[ \t]+as)?"
    rf"|gave[ \t]+(?:his|her|their)[ \t]+(?:first[ \t]+)?name[ \t]+(?:only[ \t]+)?as)"
    rf"[ \t]+(?P<name>{NAME}|{CASELESS_NAME})[ \t]*$"
)
# "His counsel, advocate Neha Bhardwaj, claimed": a name after a job in lower case.
_JOB_THEN_NAME = LazyPattern(rf"[ \t]*(?:[a-z][\w-]*[ \t]+){{1,3}}(?P<name>{NAME})[ \t]*")
_WHOLE_NAME = LazyPattern(rf"[ \t]*(?P<name>{NAME})[ \t]*")


class How:
    """How an attribution was found; decides the confidence of the candidate."""

    ADJACENT = "adjacent"
    SENTENCE = "sentence"


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: Span
    how: str


def speaker_span(match: re.Match[str]) -> Span:
    """The speaker of a match; a name in apposition wins over a description before it."""
    span = match.start("speaker"), match.end("speaker")
    apposition = match.groupdict().get("apposition")
    base = match.group("speaker")
    if apposition and speaker_kind(base) is not SpeakerKind.PERSON:
        first_part = apposition[1:].split(",")[0]
        name = (
            _WHOLE_NAME.fullmatch(first_part)
            or _JOB_THEN_NAME.fullmatch(first_part)
            or _NAMED_AS.search(first_part)
        )
        if name:
            offset = match.start("apposition") + 1 + name.start("name")
            span = offset, offset + len(name.group("name"))
    relative = match.groupdict().get("relative")
    if relative and speaker_kind(base) is not SpeakerKind.PERSON:
        name = _NAMED_AS.search(relative)  # "a man who gave his name as Khaled al-Ali"
        if name:
            offset = match.start("relative") + name.start("name")
            span = offset, offset + len(name.group("name"))
    return clean_speaker(match.string, *span) or span


def after(text: str, start: int, limit: int) -> Attribution | None:
    """An attribution right after a closing mark at `start` (not past `limit`)."""
    stop = min(limit, start + WINDOW)
    for pattern in (_AFTER_SPEAKER_VERB, _AFTER_VERB_SPEAKER, _AFTER_ACCORDING):
        match = pattern.match(text, start, stop)
        if match:
            return Attribution(speaker_span(match), How.ADJACENT)
    return None


def signature(text: str, close_end: int) -> Attribution | None:
    """A dash and a name right after a quotation, on its line or the next, and nothing more."""
    match = _DASH_SIGNATURE.match(text, close_end, min(len(text), close_end + WINDOW))
    if match is None:
        return None
    span = clean_speaker(text, match.start("speaker"), match.end("speaker"))
    return Attribution(span or (match.start("speaker"), match.end("speaker")), How.ADJACENT)


def before(text: str, end: int, limit: int) -> Attribution | None:
    """An attribution right before an opening mark at `end` (not before `limit`)."""
    start = max(limit, end - WINDOW)
    for pattern in (_BEFORE_SPEAKER_VERB, _BEFORE_ACCORDING, _BEFORE_LABEL):
        match = _last_match(pattern, text, start, end)
        if match:
            return Attribution(speaker_span(match), How.ADJACENT)
    return None


def in_sentence(text: str, sentence_start: int, quote_start: int) -> Attribution | None:
    """A speaker and a speech verb earlier in the quotation's sentence."""
    start = max(sentence_start, quote_start - WINDOW)
    for pattern in (_IN_SENTENCE_SAY, _IN_SENTENCE_ACCORDING, _IN_SENTENCE_LOOSE):
        last: re.Match[str] | None = None
        check = pattern is not _IN_SENTENCE_ACCORDING
        for match in subject_matches(pattern, text, start, quote_start, check=check):
            last = match
        if last:
            return Attribution(speaker_span(last), How.SENTENCE)
    return None


def _last_match(pattern: LazyPattern, text: str, start: int, end: int) -> re.Match[str] | None:
    """The match of an end-anchored pattern that starts earliest in text[start:end]."""
    check = pattern is not _BEFORE_ACCORDING
    return next(subject_matches(pattern, text, start, end, check=check), None)


def subject_matches(
    pattern: LazyPattern, text: str, start: int, end: int, *, check: bool = True
) -> Iterator[re.Match[str]]:
    """Matches of `pattern` whose speaker is the subject of its clause, not an object.

    In "one of the men, who asked to be named as Umm Ahmad, said", "the men" is skipped (it
    follows "of") and the search goes on to "Umm Ahmad".
    """
    position = start
    while position < end:
        match = pattern.search(text, position, end)
        if match is None:
            return
        speaker_start = match.start("speaker")
        nobody = clean_speaker(text, speaker_start, match.end("speaker")) is None
        if nobody or (
            check and NOT_A_SUBJECT.search(text, max(start, speaker_start - 30), speaker_start)
        ):
            position = speaker_start + 1
            continue
        yield match
        position = max(match.end(), position + 1)
