"""Names mentioned in a text, to resolve "he said" and "Ferreira said" to the full name."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from casefile.intake.layout import Span
from casefile.intake.lazy import LazyPattern
from casefile.intake.names import normalise_name
from casefile.intake.number_lexicon import PEOPLE
from casefile.intake.speakers import (
    NAME,
    NAME_WORD,
    ROLE_WORDS,
    SpeakerKind,
    clean_speaker,
    speaker_kind,
)

_FULL_NAME = LazyPattern(NAME)
# A surname on its own, not in the possessive ("Souza's squad" does not mention Souza as actor).
_ONE_NAME = LazyPattern(rf"(?<![\w'’-]){NAME_WORD}(?!['’]s\b)")
# How a person is introduced in reporting: "Lucas Ferreira, 24,", "Carla Nunes, a lawyer",
# "Mr Bello", "Lima (21)". Pronouns refer back to introduced people as well as to speakers.
_INTRODUCTION = LazyPattern(
    r"(?:,[ \t]+(?:\d{1,3}|aged|a|an|the|who|whose|now|then|his|her)\b|[ \t]*\(\d{1,3}\))"
)
# A person doing something: "Carla Nunes is a lawyer", "Lucas Ferreira answered the advert".
_ACTING = re.compile(
    r"[ \t]+(?:is|was|has|had|will|would|can|could|did|does|never|also|then|later|said|told"
    r"|wrote|spoke|took|made|went|knew|left|came|gave|got|paid|sent|kept|lost|became|began"
    r"|[a-z]{2,}ed"
    r"|[a-z]{2,}[^s\W]s)\b"
)
# A name in apposition: "Her husband, Lucas Ferreira, works nights."
_APPOSITION_BEFORE = re.compile(r",[ \t]*$")
# Characters: further back, "he" is too likely to be someone else; "it" is vaguer still.
_PERSON_REACH = 3000
_BODY_REACH = 800
_GENDER_REACH = 200
_QUOTED = LazyPattern(r"[\"“«][^\"”»\n]*[\"”»]")
_MASCULINE = LazyPattern(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself)\b")
_FEMININE = LazyPattern(r"\b(?:[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b")
_PRONOUN_GENDER = {"he": "m", "she": "f"}
_TITLE_GENDER = {"Mr": "m", "Mrs": "f", "Ms": "f"}
_ONE_OF = frozenset({"a", "an", "one", "the", "another"})
# "It said" may stand for "the ministry" or "Atlas Logistics", not for a long description.
_BODY_FOR_IT = LazyPattern(r"[Tt]he[ \t]+\S+(?:[ \t]+\S+){0,3}|[A-Z]\S*(?:[ \t]+\S+){0,4}")


# Quotations, across wrapped lines but not across paragraphs.
_QUOTATION = LazyPattern(r"[\"“«](?:[^\"”»\n]|\n(?![ \t]*\n)){1,2000}?[\"”»]")
# Where a person's job is said: "Judge Alison Pryce", "spokesperson Amrit Rai" before the name,
# "Amrit Rai, a ministry spokesperson" after it.
_ROLE_BEFORE = LazyPattern(r"([A-Za-z]+)\.?[ \t]+$")
_ROLE_AFTER = LazyPattern(r",[ \t]+(?:a|an|the)[ \t]+([^,.;:\n]{1,50})")
# "the judge told him": a speaker named by their job alone.
_BY_ROLE = LazyPattern(r"[Tt]he[ \t]+(?:[\w'’-]+[ \t]+)?([A-Za-z]+)")
_TITLE_BEFORE = LazyPattern(r"\b(Mr|Mrs|Ms)\.?[ \t]+$")


class _QuotedSpans:
    """Where the text's quotations are, to tell a name someone says from a name in narration."""

    def __init__(self, text: str) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for match in _QUOTATION.finditer(text):
            self._starts.append(match.start())
            self._ends.append(match.end())

    def covers(self, position: int) -> bool:
        index = bisect_right(self._starts, position) - 1
        return index >= 0 and position < self._ends[index]


@dataclass(frozen=True, slots=True)
class Mention:
    """A name at `start:end`, used (as itself, a surname or a pronoun) at position `at`."""

    start: int
    end: int
    kind: SpeakerKind
    at: int


@dataclass(slots=True)
class _Timeline:
    """Mentions sorted by the position where they were used."""

    mentions: list[Mention] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)

    def add(self, mention: Mention) -> None:
        index = bisect_right(self.positions, mention.at)
        self.positions.insert(index, mention.at)
        self.mentions.insert(index, mention)

    def latest_before(
        self, position: int, reach: int, accept: Callable[[Mention], bool]
    ) -> Mention | None:
        index = bisect_left(self.positions, position) - 1
        while index >= 0 and position - self.positions[index] <= reach:
            if accept(self.mentions[index]):
                return self.mentions[index]
            index -= 1
        return None


@dataclass(slots=True)
class MentionIndex:
    """Full names (two words or more) in the text, where people are mentioned, and who spoke."""

    text: str
    full_names: list[Mention] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _by_word: dict[str, list[int]] = field(default_factory=dict)
    _word_ends: dict[str, list[int]] = field(default_factory=dict)  # ends, for bisection
    _mentioned: _Timeline = field(default_factory=_Timeline)  # introductions and surnames
    _speakers: _Timeline = field(default_factory=_Timeline)
    _known: set[str] = field(default_factory=set)  # people introduced or heard so far
    _genders: dict[str, str] = field(default_factory=dict)
    _roles: dict[str, _Timeline] = field(default_factory=dict)  # "judge": who was introduced so

    @classmethod
    def of(cls, text: str) -> MentionIndex:
        index = cls(text)
        quoted = _QuotedSpans(text)
        for match in _FULL_NAME.finditer(text):
            index._add_full_name(match, quoted=quoted.covers(match.start()))
        for match in _ONE_NAME.finditer(text):
            span = (match.start(), match.end())
            full = index.full_name_for(span)
            if full is None:
                continue
            title = _TITLE_BEFORE.search(text, max(0, span[0] - 5), span[0])
            if title:  # "Mr Ceban": the title tells, better than a pronoun nearby, who "he" is
                index._genders[index._key(full)] = _TITLE_GENDER[title.group(1)]
            if quoted.covers(span[0]):
                continue  # a name in someone's words is not who "he said" after them is
            index._mentioned.add(Mention(full[0], full[1], SpeakerKind.PERSON, span[0]))
            if _INTRODUCTION.match(text, span[1]):
                index._known.add(index._key(full))
                index.learn_gender(full, after=span)
        return index

    def _add_full_name(self, match: re.Match[str], *, quoted: bool = False) -> None:
        span = clean_speaker(self.text, match.start(), match.end())
        if span is None:
            return
        phrase = self.text[span[0] : span[1]]
        words = normalise_name(phrase).split()
        if len(phrase.split()) < 2 or not words:
            return
        kind = speaker_kind(phrase)
        mention = Mention(span[0], span[1], kind, span[0])
        position = len(self.full_names)
        self.full_names.append(mention)
        self._starts.append(span[0])
        if kind is not SpeakerKind.PERSON:
            return
        gendered_title = _TITLE_GENDER.get(phrase.split(maxsplit=1)[0].rstrip("."))
        if gendered_title:
            self._genders[self._key(span)] = gendered_title
        if not (_has_title(phrase) and len(words) == 1):  # "Mr Salameh" is no fuller a name
            for word in {words[0], words[-1]}:
                self._by_word.setdefault(word, []).append(position)
                self._word_ends.setdefault(word, []).append(span[1])
        if quoted:
            return
        self._mentioned.add(mention)
        self._note_role(match.start(), span)
        introduced = _INTRODUCTION.match(self.text, span[1]) or _has_title(phrase)
        acting = _ACTING.match(self.text, span[1])
        in_apposition = _APPOSITION_BEFORE.search(self.text, max(0, span[0] - 3), span[0]) and (
            self.text.startswith(",", span[1])
        )
        if introduced or acting or in_apposition:
            self._known.add(self._key(span))
            self.learn_gender(span)

    def _note_role(self, phrase_start: int, span: Span) -> None:
        """Remember the job a person is introduced with, for "the judge said" later."""
        roles = {w.rstrip(".").lower() for w in self.text[phrase_start : span[0]].split()}
        before = _ROLE_BEFORE.search(self.text, max(0, phrase_start - 30), phrase_start)
        after = _ROLE_AFTER.match(self.text, span[1], span[1] + 60)
        for found in (before, after):
            roles |= set(found.group(1).lower().split()) if found else set()
        for role in roles & ROLE_WORDS:
            self._roles.setdefault(role, _Timeline()).add(
                Mention(span[0], span[1], SpeakerKind.PERSON, span[0])
            )

    def resolve_role(self, phrase: str, position: int) -> Span | None:
        """The person "the judge" or "the ministry spokesperson" at `position` stands for: the
        latest one introduced with that job."""
        match = _BY_ROLE.fullmatch(phrase.strip())
        timeline = self._roles.get(match.group(1).lower()) if match else None
        if timeline is None:
            return None
        found = timeline.latest_before(position, _PERSON_REACH, lambda _: True)
        return (found.start, found.end) if found else None

    def _key(self, span: Span) -> str:
        return normalise_name(self.text[span[0] : span[1]])

    def full_name_for(self, span: Span) -> Span | None:
        """The latest full name before `span` whose first or last word is the one-word `span`."""
        words = self._key(span).split()
        if len(words) != 1:
            return None
        positions = self._by_word.get(words[0], [])
        ends = self._word_ends.get(words[0], [])
        index = bisect_right(ends, span[0]) - 1
        if index < 0:
            return None
        best = self.full_names[positions[index]]
        return best.start, best.end

    def add_speaker(self, span: Span, kind: SpeakerKind, at: int) -> None:
        """Record that the speaker named at `span` spoke at position `at`."""
        self._speakers.add(Mention(span[0], span[1], kind, at))
        if kind is SpeakerKind.PERSON:
            self._known.add(self._key(span))

    def learn_gender(
        self, span: Span, pronoun: str | None = None, after: Span | None = None
    ) -> None:
        """Note whether the person named at `span` is "he" or "she": from a pronoun resolved to
        them, or else from the pronouns right after their name (or after `after`, a surname
        standing for it), outside quotations: "Ana Ferreira said her son"."""
        key = self._key(span)
        if key in self._genders:
            return
        if pronoun is not None:
            gender = _PRONOUN_GENDER.get(pronoun.lower())
            if gender:
                self._genders[key] = gender
            return
        start = (after or span)[1]
        end = self.text.find("\n\n", start, start + _GENDER_REACH)
        window = _QUOTED.sub(" ", self.text[start : end if end >= 0 else start + _GENDER_REACH])
        masculine, feminine = bool(_MASCULINE.search(window)), bool(_FEMININE.search(window))
        if masculine != feminine:
            self._genders[key] = "m" if masculine else "f"

    def resolve_pronoun(self, pronoun: str, position: int) -> Span | None:
        """The person (he, she) or body (it) a pronoun at `position` most likely stands for."""
        word = pronoun.lower()
        if word not in ("he", "she", "it"):
            return None  # "they", "we", "I": too often a group the text never names
        if word == "it":
            found = self._speakers.latest_before(position, _BODY_REACH, self._fits_it)
            return (found.start, found.end) if found else None
        gender = _PRONOUN_GENDER[word]

        def fits(mention: Mention) -> bool:
            if mention.kind is not SpeakerKind.PERSON:
                return False
            key = self._key((mention.start, mention.end))
            known_gender = self._genders.get(key)
            return key in self._known and known_gender in (None, gender)

        best: Mention | None = None
        for timeline in (self._speakers, self._mentioned):
            found = timeline.latest_before(position, _PERSON_REACH, fits)
            if found and (best is None or found.at > best.at):
                best = found
        # "A relative of one recruit said ... '...,' she said": a person the text describes
        # but never names, who spoke last, is who "she" is.
        described = self._speakers.latest_before(position, _PERSON_REACH, self._is_described)
        if described is not None and (best is None or described.at > best.at):
            best = described
        if best is None:
            return None
        self.learn_gender((best.start, best.end), word)
        return best.start, best.end

    def _is_described(self, mention: Mention) -> bool:
        """A speaker described as one person: "a relative of one recruit", "the mother"."""
        if mention.kind is not SpeakerKind.BODY:
            return False
        words = self.text[mention.start : mention.end].split()
        return (
            len(words) >= 2
            and words[0].lower() in _ONE_OF
            and words[1].lower() in PEOPLE
            and not words[1].lower().endswith("s")
        )

    def _fits_it(self, mention: Mention) -> bool:
        phrase = self.text[mention.start : mention.end]
        return mention.kind is SpeakerKind.BODY and _BODY_FOR_IT.fullmatch(phrase) is not None


def _has_title(phrase: str) -> bool:
    return phrase.split(maxsplit=1)[0].rstrip(".") in ("Mr", "Mrs", "Ms", "Dr", "Prof")
