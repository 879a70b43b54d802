"""Reported speech in a sentence: "X said (that) ...", "..., X said.", "According to X, ..."."""

from __future__ import annotations

import re
from dataclasses import dataclass

from casefile.intake.attribution import Attribution, How, speaker_span, subject_matches
from casefile.intake.layout import NOTHING_PROTECTED, Protected, Span
from casefile.intake.lazy import LazyPattern
from casefile.intake.speakers import (
    ADVERB,
    APPOSITION,
    OBJECT,
    PLACE_OR_TIME,
    RELATIVE,
    SPEAKER,
    SPEECH_TIME,
)
from casefile.intake.speakers import GAP as _GAP

MAX_SENTENCE = 1500  # longer "sentences" are lists or run-on text, not reported speech
_TAIL_REACH = 250

_CLAUSE_FORMS = (
    "said says say told tells added adds explained explains confirmed confirms confirm stated "
    "states insisted insists insist claimed claims claim alleged alleges allege estimated "
    "estimates estimate admitted admits acknowledged acknowledges argued argues maintained "
    "maintains noted warned warns reported reports recalled recalls announced announces wrote "
    "writes testified testifies revealed reveals disclosed assured assures denied denies deny "
    "insisted concede concedes conceded believe believes believed"
)
_CLAUSE_VERB = "(?:" + "|".join(sorted(set(_CLAUSE_FORMS.split()), key=len, reverse=True)) + ")"
# '..., said Ferreira.' Only these verbs: '..., answered the advert' names no speaker.
_TAIL_INVERTED_VERB = (
    r"(?:said|says|added|adds|wrote|writes|explained|recalled|recalls|insisted|noted|argued"
    r"|warned|stated)"
)
_NEEDS_OBJECT = frozenset({"told", "tells", "assured", "assures"})
_NEGATING = frozenset({"denied", "denies", "deny"})
# Also plural nouns ("government estimates put the toll at 300"): as verbs only before "that".
_NOUN_LIKE = frozenset({"claims", "estimates", "reports", "notes", "states", "writes"})
_THAT = LazyPattern(r"\bthat\s")
_ADVERBS = rf"(?:{ADVERB}[ \t]+){{0,2}}"

_VERB = LazyPattern(rf"\b{_CLAUSE_VERB}\b")
_SPEAKER_BEFORE_VERB = LazyPattern(
    rf"(?P<speaker>{SPEAKER})(?:{RELATIVE}|(?P<apposition>{APPOSITION}))?,?{SPEECH_TIME}?"
    rf"{_GAP}{_ADVERBS}$"
)
_AND_BEFORE = LazyPattern(r"[ \t]and[ \t]+$")
_SUBJECT_AND_VERB = LazyPattern(
    rf"(?P<speaker>{SPEAKER})(?P<apposition>{APPOSITION})?[ \t]+(?:{ADVERB}[ \t]+)?"
    rf"(?!and\b|or\b)[a-z]+\b"
)
_COORDINATED_REACH = 160  # characters from the subject's verb to "and says"
_AFTER_VERB = LazyPattern(rf"(?:{_GAP}{PLACE_OR_TIME}){{0,2}}\s*,?\s*(?:that{_GAP})?")
_AFTER_VERB_AND_OBJECT = LazyPattern(
    rf"{_GAP}{OBJECT}(?:{_GAP}{PLACE_OR_TIME}){{0,2}}\s*,?\s*(?:that{_GAP})?"
)
# "ODESA, Ukraine, May 12 (Wire) - ": where a wire story was filed, not what anyone said.
_DATELINE = LazyPattern(
    r"[A-Z][A-Z .'-]{2,40}(?:,[^\n—–]{0,60}?)?(?:[ \t]*\([^)\n]{1,30}\))?\s[-—–]{1,2}\s+"
)
_CONJUNCTION = LazyPattern(r"(?:but|and|although|though|while|as|because)\b")
_ACCORDING_HEAD = LazyPattern(
    r"(?:[^,\"“”\n]{1,60},[ \t]+)?[Aa]ccording[ \t]+to[ \t]+"
    r"(?P<speaker>[^,;:\"“”\n]{2,90}?)[ \t]*,[ \t]+"
)
_TAIL_SPEAKER_VERB = LazyPattern(
    rf"\s+(?P<speaker>{SPEAKER})(?P<apposition>{APPOSITION})?{_GAP}{_ADVERBS}{_CLAUSE_VERB}"
    rf"(?:{_GAP}{OBJECT})?(?:{_GAP}{PLACE_OR_TIME}){{0,2}}\s*[.!?]?\s*"
)
_TAIL_VERB_SPEAKER = LazyPattern(
    rf"\s+{_TAIL_INVERTED_VERB}{_GAP}(?P<speaker>{SPEAKER})(?:,[^\"“”]*)?\s*[.!?]?\s*"
)
_TAIL_ACCORDING = LazyPattern(
    r"\s+according\s+to\s+(?P<speaker>[^,;\"“”\n]{2,90}?)(?:,[^\"“”]*)?\s*[.!?]?\s*"
)
# ", Nunes said, but ..." / "At the camp, the men say, they were ..."
_INSERTED = LazyPattern(
    rf"\s+(?P<speaker>{SPEAKER}){_GAP}{_ADVERBS}{_CLAUSE_VERB}(?:{_GAP}{PLACE_OR_TIME})?,\s+"
    r"(?P<conjunction>(?:but|and|although|though|while|as|because)\b)?"
)
_HEARD = LazyPattern(
    r"(?:[^,\"“”\n]{1,40},[ \t]+)?[Tt]he[ \t]+(?:court|jury|tribunal|inquiry|inquest|hearing|trial"
    r"|committee|panel)[ \t]+(?:heard|was[ \t]+told|were[ \t]+told)[ \t]+(?:that[ \t]+)?"
)
_BULLET_VERB = LazyPattern(
    rf"(?:[-*•·][ \t]+)?(?:says|said|claims|told|tells|confirms|confirmed|adds|added)\b"
    rf"(?:[ \t]+{OBJECT})?[ \t]+(?:that[ \t]+)?"
)
_BAD_START = LazyPattern(
    r"(?:to|so|nothing|no|yes|is|are|was|were|be|been|has|have|had|will|would|can|could|it\.)\b"
    r"|[\"“”‘«]",
    re.IGNORECASE,
)
_WORD = LazyPattern(r"\S+")
# Reported speech may open with a quoted phrase when the clause goes on after it:
# '"about 40 workers" were affected and ...'.
_QUOTED_SUBJECT = LazyPattern(r"[\"“«‘][^\"”»’\n]{1,120}[\"”»’][ \t]+[^\W\d_]+[ \t]+[^\W\d_]")
_COMMA_BEFORE = LazyPattern(r",[ \t]*$")
_PARTICIPLE = LazyPattern(r"[a-z]{2,}ing\b")
_INTRODUCES_QUOTE = LazyPattern(r":\s*[\"“«‘]")


@dataclass(frozen=True, slots=True)
class ReportedSpeech:
    """A paraphrase: `content` is what was said; `implicit` when the speaker goes unsaid."""

    content: Span
    attribution: Attribution | None
    implicit: bool = False


def reported_speech(
    text: str, sentence: Span, quoted: Protected = NOTHING_PROTECTED
) -> ReportedSpeech | None:
    """The reported speech of one sentence, if its shape says who said what.

    Verbs and commas inside `quoted` spans belong to someone's quoted words and are ignored.
    """
    start, end = sentence
    if end - start > MAX_SENTENCE:
        return None
    dateline = _DATELINE.match(text, start, end)
    start = dateline.end() if dateline else start
    end = _content_end(text, start, end)
    # "The ministry has confirmed 14 deaths, he said.": an attribution closing the sentence
    # reports all of it, verbs and all, so it is looked for before a verb near the start.
    found = _according_head(text, start, end) or _heard(text, start, end)
    found = found or _tail(text, start, end, quoted, inserted=False)
    found = found or _verb_head(text, start, end, quoted)
    return found or _bullet(text, start, end) or _tail(text, start, end, quoted)


def _content_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".!?;:,"):
        end -= 1
    return end


def _reported(
    text: str, content: Span, attribution: Attribution | None, *, implicit: bool = False
) -> ReportedSpeech:
    """Reported speech without the closing bracket of an aside it started inside of."""
    start, end = content
    end = _content_end(text, start, end)
    semicolon = text.find("; ", start, end)
    if semicolon > start and len(text[start:semicolon].split()) >= 3:
        end = semicolon  # what follows a semicolon is most often the writer's own clause
    if text.count(")", start, end) > text.count("(", start, end) and text[end - 1] == ")":
        end = _content_end(text, start, end - 1)
    return ReportedSpeech((start, end), attribution, implicit)


def _valid(text: str, content: Span, minimum_words: int = 3) -> bool:
    start, end = content
    if end <= start or _CONJUNCTION.match(text, start, end):
        return False
    if _BAD_START.match(text, start, end) and not _QUOTED_SUBJECT.match(text, start, end):
        return False
    if _INTRODUCES_QUOTE.search(text, start, min(end, start + 60)):
        return False  # 'told parliament on Monday: "..."' introduces direct speech
    return len(_WORD.findall(text, start, end)) >= minimum_words


def _heard(text: str, start: int, end: int) -> ReportedSpeech | None:
    """ "The court heard that ...": said in court, by someone the sentence does not name."""
    match = _HEARD.match(text, start, end)
    if not match or not _valid(text, (match.end(), end)):
        return None
    return _reported(text, (match.end(), end), None)


def _according_head(text: str, start: int, end: int) -> ReportedSpeech | None:
    match = _ACCORDING_HEAD.match(text, start, end)
    if not match or not _valid(text, (match.end(), end)):
        return None
    speaker = Attribution((match.start("speaker"), match.end("speaker")), How.ADJACENT)
    return _reported(text, (match.end(), end), speaker)


def _verb_head(text: str, start: int, end: int, quoted: Protected) -> ReportedSpeech | None:
    tried = 0
    for verb in _VERB.finditer(text, start, end):
        if quoted.covers(verb.start()):
            continue
        tried += 1
        if tried > 3:
            break
        found = _speaker_and_content(text, start, end, verb)
        if found:
            return found
    return None


def _speaker_and_content(
    text: str, start: int, end: int, verb: re.Match[str]
) -> ReportedSpeech | None:
    speaker = _speaker_before(text, max(start, verb.start() - 200), verb.start())
    if not speaker and _AND_BEFORE.search(text, max(start, verb.start() - 6), verb.start()):
        # "Kioko borrowed from a Sacco to pay his fees and says he is still repaying": the
        # subject of the sentence says it
        speaker = _coordinated_subject(text, start, verb.start())
    if not speaker:
        return None
    after_verb = _AFTER_VERB_AND_OBJECT if verb.group() in _NEEDS_OBJECT else _AFTER_VERB
    rest = after_verb.match(text, verb.end(), end)
    if rest is None:
        return None
    if verb.group() in _NOUN_LIKE and not _THAT.search(text, verb.end(), rest.end()):
        return None
    found = Attribution(speaker_span(speaker), How.ADJACENT)
    before = (start, _content_end(text, start, speaker.start()))
    if _CONJUNCTION.match(text, rest.end(), end):
        # "The men were promised a ticket, Nunes said, but ...": the words before are reported.
        return _reported(text, before, found) if _valid(text, before) else None
    inserted = _COMMA_BEFORE.search(text, max(start, speaker.start() - 3), speaker.start())
    if inserted and "," in text[verb.end() : rest.end()]:
        # "12 were held, the UN said Thursday, in a sharp ..." but "At the camp, the men say,
        # they were given ...": of the two sides of an inserted attribution, the longer.
        words_before = len(_WORD.findall(text, *before))
        participle = _PARTICIPLE.match(text, rest.end(), end)  # ", speaking on condition ..."
        if participle or words_before > len(_WORD.findall(text, rest.end(), end)):
            return _reported(text, before, found) if _valid(text, before) else None
    negating = verb.group() in _NEGATING
    content = (verb.start(), end) if negating else (rest.end(), end)
    if not _valid(text, (rest.end(), end), 2 if negating else 3):
        return None
    return _reported(text, content, found)


def _coordinated_subject(text: str, start: int, verb: int) -> re.Match[str] | None:
    """The subject of a sentence whose second verb is the speech verb at `verb`."""
    subject = _SUBJECT_AND_VERB.match(text, start, verb)
    if subject is None or verb - subject.end() > _COORDINATED_REACH:
        return None
    between = text[subject.end() : verb]
    return None if any(mark in between for mark in '"“”;:') else subject


def _speaker_before(text: str, start: int, verb: int) -> re.Match[str] | None:
    """The speaker right before a verb; one that is the object of something else is skipped."""
    return next(subject_matches(_SPEAKER_BEFORE_VERB, text, start, verb), None)


def _bullet(text: str, start: int, end: int) -> ReportedSpeech | None:
    match = _BULLET_VERB.match(text, start, end)
    if not match or not _valid(text, (match.end(), end)):
        return None
    return _reported(text, (match.end(), end), None, implicit=True)


def _tail(
    text: str, start: int, end: int, quoted: Protected, *, inserted: bool = True
) -> ReportedSpeech | None:
    comma = text.find(",", max(start, end - _TAIL_REACH), end)
    while comma >= 0:
        found = None if quoted.covers(comma) else _tail_at(text, start, end, comma, inserted)
        if found:
            return found
        comma = text.find(",", comma + 1, end)
    return None


def _tail_at(
    text: str, start: int, end: int, comma: int, with_inserted: bool
) -> ReportedSpeech | None:
    before = (start, comma)
    # Without the inserted forms, only ", X said (to Y) (on Monday)." that ends the sentence:
    # the other tails may run on past an apposition (", according to X, is a private force").
    patterns = (
        (_TAIL_SPEAKER_VERB, _TAIL_VERB_SPEAKER, _TAIL_ACCORDING)
        if with_inserted
        else (_TAIL_SPEAKER_VERB,)
    )
    for pattern in patterns:
        match = pattern.fullmatch(text, comma + 1, end)
        if match and _valid(text, before):
            return _reported(text, before, Attribution(speaker_span(match), How.ADJACENT))
    if not with_inserted:
        return None
    inserted = _INSERTED.match(text, comma + 1, end)
    if not inserted:
        return None
    speaker = Attribution(speaker_span(inserted), How.ADJACENT)
    if inserted.group("conjunction"):
        return _reported(text, before, speaker) if _valid(text, before) else None
    after = (inserted.end(), end)
    return _reported(text, after, speaker) if _valid(text, after) else None
