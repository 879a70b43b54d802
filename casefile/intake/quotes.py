"""Quote candidates: quotations, transcript turns and reported speech, each with its speaker."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import accumulate

from casefile.domain.enums import QuoteKind
from casefile.intake import attribution
from casefile.intake.attribution import Attribution, How
from casefile.intake.candidates import QuoteCandidate
from casefile.intake.layout import Protected, Span, block_spans, sentence_spans
from casefile.intake.lazy import LazyPattern
from casefile.intake.mentions import MentionIndex
from casefile.intake.paraphrase import reported_speech
from casefile.intake.quote_marks import MarkedQuote, double_quotes, single_quotes
from casefile.intake.speakers import SpeakerKind, pronoun_of, speaker_kind
from casefile.intake.transcripts import Turn, interviewee, interviewer, turn_of

_TRIM = " \t\n\r,;:\u00a0"
_INHERITED = "inherited"  # from the quotation before, in the same paragraph
_CARRIED = "carried"  # from the quotation closing the paragraph before
_HEADER = "header"
_LABEL = "label"
_IMPLICIT = "implicit"
_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Mx"})


@dataclass(frozen=True, slots=True)
class _Draft:
    """A candidate before its speaker is resolved."""

    span: Span
    kind: QuoteKind
    how: str | None  # how the speaker was found; None when no speaker was found
    speaker: Span | None
    block: int
    opens_block: bool = False
    answer: bool = False
    words: int = 0
    title_like: bool = False


def extract_quotes(text: str) -> list[QuoteCandidate]:
    """Every quotation and reported statement in `text`, with its speaker where the text says."""
    return find_quotes(text)


def find_quotes(text: str, progress: Callable[[int], None] | None = None) -> list[QuoteCandidate]:
    """`extract_quotes`, calling `progress(position)` as blocks of the text are done."""
    names = MentionIndex.of(text)
    answerer = interviewee(text)
    asker = interviewer(text)
    drafts: list[_Draft] = []
    last_turn: Turn | None = None  # the last labelled turn, whose speaker a voice-over dubs
    for number, block in enumerate(block_spans(text)):
        turn = turn_of(text, block, names, answerer, previous=last_turn, asker=asker)
        last_turn = turn or last_turn
        drafts.extend(_block_drafts(text, block, number, turn))
        if progress is not None and number % 64 == 0:
            progress(block[1])
    drafts.sort(key=lambda d: (d.span[0], d.span[1]))
    return _resolved(text, drafts, names, answerer)


def _block_drafts(text: str, block: Span, number: int, turn: Turn | None) -> list[_Draft]:
    """The candidates of one block; `turn` when the block is a labelled turn."""
    drafts: list[_Draft] = []
    if turn is not None and not turn.silent:
        drafts.append(_turn_draft(turn, number))
    marked = double_quotes(text, block)
    marked += single_quotes(text, block, [(m.open_at, m.close_end) for m in marked])
    marked.sort(key=lambda m: m.open_at)
    protected = Protected([m.open_at for m in marked], [m.close_end for m in marked])
    sentences = sentence_spans(text, block, protected)
    adjacent_in: set[int] = set()
    for index, quote in enumerate(marked):
        draft = _quote_draft(
            text, block, marked=marked, index=index, sentences=sentences, number=number
        )
        if draft is None:
            continue
        sentence_index = _sentence_of(sentences, quote.open_at)
        if draft.how == How.ADJACENT and not _embedded(
            text, quote, draft, sentences[sentence_index][1]
        ):
            adjacent_in.add(sentence_index)
        drafts.append(draft)
        added = _adding_that(text, quote, draft, sentences[sentence_index][1])
        if added is not None:
            drafts.append(added)
    body = turn.body if turn is not None else None
    for position, sentence in enumerate(sentences):
        if position in adjacent_in or (body and sentence[1] > body[0]):
            continue
        speech = reported_speech(text, sentence, protected)
        if speech is None:
            continue
        how = _IMPLICIT if speech.implicit else How.ADJACENT
        speaker = speech.attribution.speaker if speech.attribution else None
        drafts.append(_Draft(speech.content, QuoteKind.PARAPHRASE, how, speaker, number))
    return drafts


def _adding_that(text: str, quote: MarkedQuote, draft: _Draft, sentence_end: int) -> _Draft | None:
    """'"We are trying," said Rai, adding that the ministry had written to Moscow.': what the
    speaker added is reported speech of theirs."""
    if draft.speaker is None or draft.how != How.ADJACENT:
        return None
    adding = _ADDING.search(text, quote.close_end, sentence_end)
    if adding is None:
        return None
    end = sentence_end
    while end > adding.end() and (text[end - 1].isspace() or text[end - 1] in ".!?;:,"):
        end -= 1
    if len(_WORDS_AFTER.findall(text, adding.end(), end)) < _EMBEDDED_WORDS + 1:
        return None
    return _Draft(
        (adding.end(), end), QuoteKind.PARAPHRASE, How.ADJACENT, draft.speaker, draft.block
    )


_ADDING = LazyPattern(
    r"(?:,[ \t]*|[ \t]+)(?:adding|saying|noting|insisting|claiming)[ \t]+(?:that[ \t]+)?"
)


def _embedded(text: str, quote: MarkedQuote, draft: _Draft, sentence_end: int) -> bool:
    """True when a quotation attributed before it is only part of its sentence ('said that
    "about 40 workers" were affected and that the rate had been $15'): the sentence is then
    reported speech too, not just the frame of the quotation."""
    if draft.speaker is None or draft.speaker[1] > quote.open_at:
        return False
    after = text[quote.close_end : sentence_end]
    return len(_WORDS_AFTER.findall(after)) >= _EMBEDDED_WORDS


_WORDS_AFTER = LazyPattern(r"[^\W\d_][\w'’-]*")
_EMBEDDED_WORDS = 2


def _turn_draft(turn: Turn, number: int) -> _Draft:
    kind = QuoteKind.PARAPHRASE if turn.in_list else QuoteKind.DIRECT
    how = _LABEL if turn.speaker is not None else None
    return _Draft(turn.body, kind, how, turn.speaker, number, answer=not turn.label_is_name)


def _quote_draft(
    text: str,
    block: Span,
    *,
    marked: list[MarkedQuote],
    index: int,
    sentences: list[Span],
    number: int,
) -> _Draft | None:
    quote = marked[index]
    inner = _trimmed(text, quote.inner)
    if inner is None:
        return None
    next_open = marked[index + 1].open_at if index + 1 < len(marked) else block[1]
    previous_close = marked[index - 1].close_end if index > 0 else block[0]
    found: Attribution | None = None
    if quote.closed:
        found = attribution.after(text, quote.close_end, next_open)
        found = found or attribution.signature(text, quote.close_end)
    found = found or attribution.before(text, quote.open_at, previous_close)
    if found is None:
        sentence = sentences[_sentence_of(sentences, quote.open_at)]
        found = attribution.in_sentence(text, max(sentence[0], previous_close), quote.open_at)
    quoted = text[inner[0] : inner[1]].split()
    if not quoted:
        return None
    words = len(quoted)
    title_like = words <= 8 and all(w[:1].isupper() or len(w) <= 3 for w in quoted)
    title_like = title_like and quoted[-1][-1:] not in ".!?"
    return _Draft(
        inner,
        QuoteKind.DIRECT,
        found.how if found else None,
        found.speaker if found else None,
        number,
        opens_block=quote.open_at == block[0],
        words=words,
        title_like=title_like,
    )


def _trimmed(text: str, span: Span) -> Span | None:
    start, end = span
    while start < end and (text[start] in _TRIM or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _TRIM or text[end - 1].isspace()):
        end -= 1
    return (start, end) if end > start else None


def _sentence_of(sentences: list[Span], position: int) -> int:
    """The index of the sentence holding `position` (or the last one starting before it)."""
    return max(0, bisect_right([start for start, _ in sentences], position) - 1)


def _resolved(
    text: str, drafts: list[_Draft], names: MentionIndex, answerer: Span | None
) -> list[QuoteCandidate]:
    results: list[QuoteCandidate] = []
    certainty: list[int] = []  # how surely each result's speaker is known, for echoes
    previous: _Draft | None = None
    for original in drafts:
        draft = _with_speaker(text, original, names)
        if draft.speaker is None and draft.kind is QuoteKind.DIRECT:
            draft = _inherit(draft, previous, answerer)
        certainty.append(_CERTAINTY.get(draft.how or "", _SURE) if draft.speaker else 0)
        if draft.speaker is not None:
            kind = speaker_kind(text[draft.speaker[0] : draft.speaker[1]])
            names.add_speaker(draft.speaker, kind, draft.span[0])
        results.append(_candidate(text, draft, original))
        previous = draft
    return _echoes_attributed(results, certainty)


_ECHO_WORDS = 3  # fewer words ("agency fee") are a phrase anyone may use, not an echo
# How surely a speaker is known: found by the quotation, carried on within its paragraph, or
# carried over from the paragraph before or a transcript's header.
_SURE = 3
_CERTAINTY = {_INHERITED: 2, _CARRIED: 1, _HEADER: 1}
_ECHO_CONFIDENCE = 0.7


def _echoes_attributed(found: list[QuoteCandidate], certainty: list[int]) -> list[QuoteCandidate]:
    """A quotation with no speaker, or one only guessed, whose words someone is more surely
    quoted saying elsewhere in the text is theirs: a headline's "‘You treated them as stock’"
    and the judge's full sentence, a pull quote and the same words in the body."""
    spoken = [
        index
        for index, q in enumerate(found)
        if q.speaker is not None and q.kind is QuoteKind.DIRECT
    ]
    if not spoken:
        return found
    # One string of everything said, searched per orphan: linear, however many quotes.
    flat = [" ".join(found[index].text.casefold().split()) for index in spoken]
    said = "\n".join(flat)
    starts = list(accumulate((len(f) + 1 for f in flat[:-1]), initial=0))
    results = []
    for index, quote in enumerate(found):
        words = quote.text.casefold().split()
        source = None
        if (
            certainty[index] < _SURE
            and quote.kind is QuoteKind.DIRECT
            and len(words) >= _ECHO_WORDS
        ):
            needle = " ".join(words).strip(".,;:!?")
            surer = [
                other
                for other in (
                    spoken[bisect_right(starts, at) - 1] for at in _occurrences(said, needle)
                )
                if certainty[other] > certainty[index]
            ]
            if surer:
                source = found[max(surer, key=lambda other: certainty[other])]
        if source is None or source.speaker == quote.speaker:
            results.append(quote)
            continue
        results.append(
            replace(
                quote,
                speaker=source.speaker,
                speaker_start=source.speaker_start,
                speaker_end=source.speaker_end,
                confidence=_ECHO_CONFIDENCE,
            )
        )
    return results


def _occurrences(haystack: str, needle: str) -> list[int]:
    found: list[int] = []
    at = haystack.find(needle)
    while at >= 0 and len(found) < _ECHO_SOURCES:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found


_ECHO_SOURCES = 8  # occurrences looked at: enough for a pull quote said twice


def _with_speaker(text: str, draft: _Draft, names: MentionIndex) -> _Draft:
    """The draft with pronouns and lone surnames replaced by the full name they stand for."""
    if draft.how == _IMPLICIT:
        person = names.resolve_pronoun("he", draft.span[0])
        return replace(draft, speaker=person, how=_IMPLICIT if person else None)
    if draft.speaker is None:
        return draft
    start, end = draft.speaker
    phrase = text[start:end]
    pronoun = pronoun_of(phrase)
    if pronoun is not None:
        person = names.resolve_pronoun(pronoun, start)
        return replace(draft, speaker=person, how=draft.how if person else None)
    if speaker_kind(phrase) is not SpeakerKind.PERSON:
        person = names.resolve_role(phrase, start)  # "the judge": the judge named before
        return replace(draft, speaker=person) if person else draft
    words = phrase.split()
    if len(words) == 2 and words[0].rstrip(".") in _HONORIFICS:  # "Mr Salameh"
        start = end - len(words[1])
    full = names.full_name_for((start, end)) if len(phrase.split()) <= 2 else None
    names.learn_gender(full or (start, end), after=(start, end))
    return replace(draft, speaker=full) if full is not None else draft


def _inherit(draft: _Draft, previous: _Draft | None, answerer: Span | None) -> _Draft:
    """A quotation without attribution continues the speaker of the quotation before it."""
    if draft.answer:
        return replace(draft, speaker=answerer, how=_HEADER if answerer else None)
    same_block = previous is not None and previous.block == draft.block
    next_paragraph = (
        previous is not None and previous.block == draft.block - 1 and draft.opens_block
    )
    # A word or two in quotation marks is the writer's ("fines"), not more of someone's words.
    continues = draft.words >= _INHERIT_WORDS or _previous_is_direct(previous)
    if previous is not None and previous.speaker and (same_block or next_paragraph) and continues:
        return replace(draft, speaker=previous.speaker, how=_INHERITED if same_block else _CARRIED)
    if answerer is not None and draft.words >= 3:
        return replace(draft, speaker=answerer, how=_HEADER)
    return draft


_INHERIT_WORDS = 3


def _previous_is_direct(previous: _Draft | None) -> bool:
    return previous is not None and previous.kind is QuoteKind.DIRECT


def _candidate(text: str, draft: _Draft, original: _Draft) -> QuoteCandidate:
    speaker = draft.speaker
    return QuoteCandidate(
        text=text[draft.span[0] : draft.span[1]],
        start=draft.span[0],
        end=draft.span[1],
        speaker=text[speaker[0] : speaker[1]] if speaker else None,
        speaker_start=speaker[0] if speaker else None,
        speaker_end=speaker[1] if speaker else None,
        kind=draft.kind,
        confidence=_confidence(draft, original),
    )


def _confidence(draft: _Draft, original: _Draft) -> float:
    paraphrase = draft.kind is QuoteKind.PARAPHRASE
    if draft.speaker is None:
        if original.speaker is not None:  # a pronoun nobody could be found for
            return 0.45 if paraphrase else 0.6
        if paraphrase or draft.answer:
            return 0.45
        if draft.title_like:
            return 0.15  # "Lost at Sea": a title, not someone's words
        return 0.4 if draft.words >= 4 else (0.3 if draft.words == 3 else 0.15)
    table = _PARAPHRASE_CONFIDENCE if paraphrase else _DIRECT_CONFIDENCE
    base = table.get(draft.how or "", 0.5)
    if not paraphrase and 0 < draft.words <= _SCARE_WORDS and draft.how in _CARRIED_ON:
        # 'she becomes "illegal" the same day' in her answer: one word that only inherits a
        # speaker is how they put it, not a statement ('"Never," he said' is one).
        base = _SCARE_CONFIDENCE
    if draft.speaker != original.speaker:
        base -= 0.05  # resolved from a pronoun or a surname: a small chance of the wrong person
    return round(max(0.05, min(base, 0.95)), 2)


_SCARE_WORDS = 1
_CARRIED_ON = frozenset({_INHERITED, _CARRIED, _HEADER})
_SCARE_CONFIDENCE = 0.25
_DIRECT_CONFIDENCE = {
    How.ADJACENT: 0.9,
    How.SENTENCE: 0.7,
    _LABEL: 0.85,
    _INHERITED: 0.75,
    _CARRIED: 0.75,
    _HEADER: 0.6,
}
_PARAPHRASE_CONFIDENCE = {How.ADJACENT: 0.65, _LABEL: 0.6, _IMPLICIT: 0.5}
