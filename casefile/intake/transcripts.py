"""Transcripts and notes: "Q:"/"A:" turns, "NAME: ..." lines, and whom a document interviews."""

from __future__ import annotations

from dataclasses import dataclass

from casefile.intake.layout import Span
from casefile.intake.lazy import LazyPattern
from casefile.intake.mentions import MentionIndex
from casefile.intake.names import normalise_name
from casefile.intake.speakers import CASELESS_NAME, NAME, clean_speaker
from casefile.intake.wordlists import words

_LABEL_LINE = LazyPattern(
    rf"[ \t]*(?P<bullet>[-*•·‣▪◦][ \t]+)?"
    rf"(?P<label>Q|A|Question|Answer|VOICE-OVER|Voice-over|{NAME}|{CASELESS_NAME})"
    rf"(?:[ \t]*\([^()\n]{{1,60}}\))?[ \t]*:[ \t]+(?=\S)"
)
# The journalist's own lines: questions, links and reports, not a source's words (what they
# report others saying is found in them as in any text).
_QUESTION_LABELS = words(
    """q question interviewer reporter journalist presenter anchor host newsreader announcer
    correspondent narrator moderator"""
)
# Someone's words in another voice: a translation spoken over the person before.
_DUBBED_LABELS = words("voiceover voice-over translation translator interpreter dubbed")
_STAGE_DIRECTIONS = LazyPattern(r"(?:\s*\[[^\]\n]{1,60}\])+\s*")
_ANSWER_LABELS = frozenset({"a", "answer"})
# Labels of document structure, not of speakers ("Date: ...", "Notes: ...").
_HEADER_WORDS = words(
    """note notes date time location place source sources subject re to from cc bcc title
    update updated correction editor editor's photo caption tags summary contact email phone
    tel address total step warning background context status transcript recorded duration
    language translator translation page figure table day week month year todo item items
    attachment attachments link links url headline byline dateline category section author
    media enquiries inquiries press office filed file keywords agenda action actions next
    question questions answer answers remark remarks comment comments"""
)
_INTERVIEWEE = LazyPattern(
    rf"(?:[Ii]nterview|[Cc]onversation|[Cc]all|[Mm]eeting|[Cc]hat|[Tt]alk|INTERVIEW)[ \t]+"
    rf"(?:with|WITH)[ \t]+(?P<name>{NAME}|{CASELESS_NAME})"
    rf"|(?:Interviewee|Speaker|Witness)[ \t]*:[ \t]*(?P<labelled>{NAME}|{CASELESS_NAME})"
)
# Who asks the questions: "Interview by Claire Morin", "Interviewer: Claire Morin", a byline.
_INTERVIEWER = LazyPattern(
    rf"(?:(?:[Ii]nterview(?:ed)?|[Qq]uestions|Q&A)[ \t]+by|Interviewer[ \t]*:|(?m:^)[ \t]*By)"
    rf"[ \t]+(?P<name>{NAME}|{CASELESS_NAME})"
)
_HEADER_REACH = 600
_QUOTE_MARKS = "\"“”„«'‘"


@dataclass(frozen=True, slots=True)
class Turn:
    """What one labelled line says: `body`, by `speaker` (None: the interviewee, unnamed)."""

    body: Span
    speaker: Span | None
    label_is_name: bool
    in_list: bool  # a bullet point of notes, so a summary rather than the exact words
    silent: bool = False  # only "[speaks Nepali]": the words come in the next, dubbed turn


def interviewee(text: str) -> Span | None:
    """The person a transcript or call note is with, named in its first lines."""
    match = _INTERVIEWEE.search(text, 0, min(len(text), _HEADER_REACH))
    if not match:
        return None
    group = "name" if match.group("name") else "labelled"
    return clean_speaker(text, match.start(group), match.end(group))


def interviewer(text: str) -> str | None:
    """The name of whoever asks the questions, from the first lines of the text."""
    match = _INTERVIEWER.search(text, 0, min(len(text), _HEADER_REACH))
    if not match:
        return None
    span = clean_speaker(text, match.start("name"), match.end("name"))
    return text[span[0] : span[1]] if span else None


def _names_part_of(label: str, name: str) -> bool:
    """ "MORIN" or "Claire Morin" for Claire Morin."""
    words = normalise_name(label).split()
    return bool(words) and set(words) <= set(normalise_name(name).split())


def turn_of(
    text: str,
    block: Span,
    names: MentionIndex,
    answerer: Span | None,
    *,
    previous: Turn | None = None,
    asker: str | None = None,
) -> Turn | None:
    """The turn a block holds when it starts with a speaker label; None for the journalist's
    own lines. `previous` is the turn before, whose speaker a voice-over translates."""
    match = _LABEL_LINE.match(text, block[0], block[1])
    if not match:
        return None
    body = (match.end(), block[1])
    if text[body[0]] in _QUOTE_MARKS:
        return None  # 'Ferreira: "..."' is a quotation with a label before it
    label = match.group("label")
    lowered = label.lower()
    in_list = match.group("bullet") is not None
    if lowered in _QUESTION_LABELS or (asker is not None and _names_part_of(label, asker)):
        return None  # "MORIN: How many women?" when Claire Morin asks the questions
    if lowered in _DUBBED_LABELS:
        speaker = previous.speaker if previous is not None else None
        return Turn(body, speaker, label_is_name=speaker is not None, in_list=in_list)
    if lowered in _ANSWER_LABELS:
        return Turn(body, answerer, label_is_name=False, in_list=in_list)
    if any(word in _HEADER_WORDS for word in lowered.replace("'", " ").split()):
        return None
    speaker = clean_speaker(text, match.start("label"), match.end("label"))
    if speaker is None:
        return None
    if len(label.split()) == 1:
        full = names.full_name_for(speaker)
        if full is not None:
            speaker = full
        elif not (label.isupper() and len(label) > 1) and label[0].isupper():
            return None  # "Pay: $1,500" is a field, not a person speaking
    silent = _STAGE_DIRECTIONS.fullmatch(text, body[0], body[1]) is not None
    return Turn(body, speaker, label_is_name=True, in_list=in_list, silent=silent)
