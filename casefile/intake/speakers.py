"""Who speaks: regular expressions for speaker phrases and speech verbs, and speaker clean-up."""

from __future__ import annotations

import re
from enum import StrEnum

from casefile.intake.charclasses import CASELESS, LOWER, MARKS, UPPER
from casefile.intake.wordlists import words

_W = rf"[\w{MARKS}]"
_APOSTROPHE_PART = rf"(?:['’](?!s\b){_W}+)"
NAME_WORD = (
    rf"(?:(?:[aeAE]l|[Aa][dstzrn]|[Aa]sh|[Dd]|[Oo])[-'’])?[{UPPER}]{_W}*{_APOSTROPHE_PART}*"
    rf"(?:-{_W}+{_APOSTROPHE_PART}*)*(?:(?<=s)['’](?=[ \t]+[{UPPER}]))?"
)
_INITIAL = rf"[{UPPER}]\.(?:[ \t]?[{UPPER}]\.)*"
_TITLE = (
    r"(?:Mr|Mrs|Ms|Mx|Dr|Prof|Gen|Col|Lt|Capt|Sgt|Maj|Cpl|Rev|Sen|Rep|Gov|Insp|Supt|Cmdr|Brig"
    r"|Adm|Sheikh|Imam)\.?"
)
_PARTICLE = (
    r"(?:al|el|bin|ibn|bint|abu|de|da|di|do|dos|das|du|del|della|der|den|van|von|la|le|y|ben"
    r"|ter|ten|of|for)"
)
NAME = (
    rf"(?:{_TITLE}[ \t]+)?(?:{_INITIAL}[ \t]?)?{NAME_WORD}"
    rf"(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}(?:{_INITIAL}|{NAME_WORD})){{0,5}}"
    r"(?:[*†‡](?!\w))?"  # "Ahmed*, 27": a name changed, its footnote mark
)
# Scripts without capitals (Arabic, Hebrew, CJK): any run of their words can be a name.
CASELESS_NAME = (
    rf"[{CASELESS}][{CASELESS}{MARKS}]*(?:[ \t]+[{CASELESS}][{CASELESS}{MARKS}]*){{0,4}}"
)

# Words that end a noun phrase: verbs, conjunctions, pronouns, relatives.
_STOP = (
    r"(?:who|whom|whose|which|that|what|where|when|were|was|is|are|am|be|been|being|had|has|have"
    r"|do|does|did|not|no|also|and|or|but|nor|so|said|says|say|told|tells|would|will|could|can"
    r"|may|might|must|should|shall|there|then|if|as|than|to|he|she|they|it|we|i|you|him|them|us"
    r"|me|by|on|in|at|for|of|from|with|about|after|before|since|while|because)"
)
NP_WORD = (
    rf"(?:(?:[{UPPER}]\.){{2,}}|(?!{_STOP}\b)[{LOWER}{UPPER}{CASELESS}][\w{MARKS}'’-]*"
    rf"|\d+(?:-[{LOWER}]+)+)"  # "the 37-year-old said"
)
_LOWER_NP_WORD = rf"(?!{_STOP}\b)[{LOWER}][\w{MARKS}'’-]*"
_DETERMINER = (
    r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our"
    r"|[Tt]his|[Tt]hese|[Tt]hose|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Mm]ost|[Bb]oth"
    rf"|{NAME_WORD}['’]s)"
)
# What a speaker phrase may end with: "of the union", "in northern villages", "from Rolpa
# district".
_PLACE_OR_GROUP = (
    rf"(?:[ \t]+(?:for|of|at|from|in|with|on)[ \t]+(?:the[ \t]+)?"
    rf"(?:{NAME}(?:[ \t]+and[ \t]+{NAME})?(?:[ \t]+{_LOWER_NP_WORD})?"
    rf"|(?:{_LOWER_NP_WORD}[ \t]+){{0,2}}{_LOWER_NP_WORD}))"
)
COMMON_NP = (
    rf"{_DETERMINER}[ \t]+(?:{NAME}[ \t]+(?={_LOWER_NP_WORD}))?(?:{NP_WORD}[ \t]+){{0,3}}{NP_WORD}"
    rf"{_PLACE_OR_GROUP}{{0,2}}"
)
# Plural nouns without a determiner: "officials said", "local activists say", "families in
# northern villages say".
_PLURAL = rf"(?!{_STOP}\b)[{LOWER}{UPPER}][\w{MARKS}'’-]*s\b"
# "interviewed for this article", "affected by the closure": who the people are.
_PARTICIPLE = (
    rf"(?:[ \t]+[{LOWER}]{{3,}}ed[ \t]+(?:by|for|in|at|from|with)[ \t]+(?:the[ \t]+)?"
    rf"(?:{_LOWER_NP_WORD}[ \t]+){{0,2}}{_LOWER_NP_WORD})"
)
_BARE_PLURAL = rf"(?:{NP_WORD}[ \t]+){{0,2}}{_PLURAL}{_PLACE_OR_GROUP}{{0,2}}{_PARTICIPLE}?"
ROLE_WORDS = words(
    """minister deputy president vice prime director chief commander general colonel captain
    lieutenant major sergeant secretary ambassador governor mayor senator judge officer
    spokesman spokeswoman spokesperson chairman chairwoman chair ceo executive inspector
    superintendent prosecutor attorney professor king queen prince emir representative rep
    sen gov gen col capt lt sgt maj cpl adm brig cmdr insp supt undersecretary envoy
    councillor councilor commissioner mp mep mk lawmaker congressman congresswoman official
    leader lawyer activist researcher analyst economist head manager agent recruiter broker
    founder coordinator organiser organizer campaigner adviser advisor consultant editor
    correspondent negotiator"""
)
_ROLE = "(?:" + "|".join(sorted(ROLE_WORDS, key=len, reverse=True)) + ")"
# A name after its job: "Foreign Ministry spokesperson Amrit Rai", "union leader Rosa Salas".
_TITLED_NAME = rf"(?:{NAME}[ \t]+)?(?:[{LOWER}][\w-]*[ \t]+)?{_ROLE}[ \t]+{NAME}"
PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)"
SPEAKER = (
    rf"(?<![\w{MARKS}'’-])(?:{PRONOUN}\b|{COMMON_NP}|{NAME}|{_TITLED_NAME}|{CASELESS_NAME}"
    rf"|{_BARE_PLURAL})"
)
# Words before a speaker that show it is the object of something else ("with the agency said").
NOT_A_SUBJECT = re.compile(
    r"\b(?:with|to|for|of|by|from|in|on|at|about|than|into|against|was|were|is|are|been|be)"
    r"[ \t]+$"
)
# The space between a speaker, a verb and what follows may hold one line break (wrapped text).
GAP = r"(?:[ \t]*\n[ \t]*|[ \t]+)"
APPOSITION = r"(?:,[ \t]+[^,\"“”«»\n]{1,120}?){1,3},"
# When, between a speaker and the verb: "Home Minister Ramesh Lekhak on Sunday said".
SPEECH_TIME = (
    r"(?:[ \t]+(?:on[ \t]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|[ \t]+(?:yesterday|today|earlier|later|last[ \t]+(?:week|month|year|night)))"
)
# A speaker's relative clause without commas: "A worker who asked not to be named said".
RELATIVE = r"(?P<relative>[ \t]+(?:who|whose)[ \t]+[^,.;:!?\"“”«»\n]{1,80}?)"

_SAY_FORMS = (
    "said says say told tells tell added adds add explained explains recalled recalls confirmed "
    "confirms stated states insisted insists claimed claims claim asked asks replied replies "
    "answered warned warns noted notes wrote writes argued argues admitted admits acknowledged "
    "acknowledges denied denies maintained maintains remembered remembers continued continues "
    "complained complains alleged alleges estimated estimates estimate reported reports "
    "announced announces declared declares stressed stresses emphasised emphasized emphasises "
    "emphasizes observed conceded concedes countered responded urged recounted recounts "
    "whispered shouted texted tweeted posted testified testifies revealed disclosed assured "
    "assures suggested suggests agreed agrees insist confirm deny allege"
)
SAY_VERB = "(?:" + "|".join(sorted(_SAY_FORMS.split(), key=len, reverse=True)) + ")"
# Verbs that may come before their speaker: '"...," said Ferreira.' ("told" may not: "told X"
# names the listener).
_INVERTED_FORMS = (
    "said says added adds explained recalled recalls wrote writes continued asked replied "
    "insisted warned noted stated argued admitted answered countered remembered remembers"
)
INVERTED_VERB = "(?:" + "|".join(sorted(_INVERTED_FORMS.split(), key=len, reverse=True)) + ")"
# Verbs whose object quotes someone without a speech verb: 'described it as "a prison"'.
_LOOSE_FORMS = (
    "described describes describe called calls call promised promises dismissed branded labelled"
)
LOOSE_VERB = "(?:" + "|".join(_LOOSE_FORMS.split()) + f"|{SAY_VERB})"
ADVERB = (
    r"(?:also|later|then|previously|earlier|once|repeatedly|publicly|separately|recently|first"
    r"|initially|subsequently|privately|openly|has|had|have|would|will|did|does|do|again"
    r"|further|simply|only|flatly|firmly|quietly|angrily|bluntly)"
)
_TELL_VERB = r"(?:told|tells|tell|assured|assures|informed|informs)"
_MEDIA_OBJECT = (
    r"(?:radio|television|tv|TV|reporters|journalists|police|investigators|prosecutors|officials"
    r"|parliament|lawmakers|media|press|newspapers|colleagues|friends|relatives|family|families"
    r"|workers|residents|court|judges|judge)"
)
# Who was told: "told me", "told Reuters", "told the court", "told researchers".
OBJECT = (
    rf"(?:me|us|him|her|them|you|{COMMON_NP}|{NAME}|(?:{_LOWER_NP_WORD}[ \t]+)?{_MEDIA_OBJECT}"
    rf"|(?:{_LOWER_NP_WORD}[ \t]+)?(?!{_STOP}\b)[{LOWER}][\w'’-]*s\b)"
)
_PLACE_OR_TIME = (
    rf"(?:(?:on|in|at|during|by|over|via|through|from|to|with)[ \t]+(?:{_DETERMINER}[ \t]+)?"
    rf"(?:(?:{NP_WORD}|\d+)[ \t]+){{0,2}}{NP_WORD}|last[ \t]+\w+|this[ \t]+\w+|yesterday|today"
    rf"|earlier|later|(?:on[ \t]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
)
PLACE_OR_TIME = _PLACE_OR_TIME
# A speech verb with its listener when it takes one: "said", "told Reuters", "told me".
VERB_PHRASE = rf"(?:{_TELL_VERB}(?:{GAP}{OBJECT})?|{SAY_VERB})"

_LEADING_NOISE = words(
    """in on at but and then when while after before since so yet still now meanwhile however
    instead also asked speaking according last this that these those later earlier today
    yesterday monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december if as although
    though because once even only both each every some many most for from to with without
    under over by of like unlike despite during until reached contacted interviewed sitting
    standing writing here there where what why how"""
)
_NEVER_ALONE = words("a an the this that these those its their his her our my your one some")
_ORGANISATION_WORDS = words(
    """ministry department agency company group ltd inc corp corporation union council office
    police army forces force brigade division bank university association party front
    committee commission authority government news times post reuters wire operator terminal
    service services institute foundation organisation organization court federation network
    movement fund centre center hospital school church club team international watch press
    radio tv television logistics holdings partners consultancy placement ngo un eu embassy
    consulate prosecutors prosecutor's statistics records documents list"""
)
# Capitalised at the start of a sentence, these are groups of people, not someone's name.
_GROUP_NOUNS = words(
    """families officials residents witnesses activists police workers relatives parents
    analysts experts investigators critics sources authorities recruiters survivors
    villagers locals neighbours neighbors doctors lawyers diplomats soldiers rebels
    militants protesters students teachers farmers fishermen men women others mothers
    fathers sons daughters employees staff guards drivers officers troops fighters"""
)
_TOKEN = re.compile(r"[^\s,]+")


class SpeakerKind(StrEnum):
    PRONOUN = "pronoun"
    PERSON = "person"  # a name that looks like a person's: "Lucas Ferreira", "Ferreira"
    BODY = "body"  # an organisation or a described speaker: "the ministry", "officials"


def pronoun_of(phrase: str) -> str | None:
    word = phrase.strip().lower()
    return word if word in ("he", "she", "they", "it", "we", "i") else None


def clean_speaker(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the speaker proper: leading sentence words and job titles dropped.

    "Then Ferreira" gives "Ferreira"; "Interior Minister Daniel Okafor" gives "Daniel Okafor"
    (the title is not part of the name reporters match on).
    """
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    while tokens and text[tokens[0][0] : tokens[0][1]].lower() in _LEADING_NOISE:
        tokens.pop(0)
    if not tokens:
        return None
    if len(tokens) == 1 and text[tokens[0][0] : tokens[0][1]].lower() in _NEVER_ALONE:
        return None  # "An estimated 600": an article is nobody
    last_role = -1
    for index, (token_start, token_end) in enumerate(tokens):
        word = text[token_start:token_end].rstrip(".").lower()
        if word in ROLE_WORDS:
            last_role = index
    if 0 <= last_role < len(tokens) - 1 and _capitalised(text, tokens[last_role + 1]):
        tokens = tokens[last_role + 1 :]
    span_start, span_end = tokens[0][0], tokens[-1][1]
    while span_end > span_start and text[span_end - 1] in ".,;:'’*†‡":
        if text[span_end - 1] == "." and span_end - span_start <= 3:
            break  # "Dr." alone keeps its full stop
        span_end -= 1
    return (span_start, span_end) if span_end > span_start else None


def _capitalised(text: str, token: tuple[int, int]) -> bool:
    first = text[token[0]]
    return first.isupper() or (first.isalpha() and not first.islower())


def speaker_kind(phrase: str) -> SpeakerKind:
    if pronoun_of(phrase):
        return SpeakerKind.PRONOUN
    words = phrase.split()
    if not words:
        return SpeakerKind.BODY
    lowered = {w.strip(".,'’").lower() for w in words}
    if lowered & _ORGANISATION_WORDS:
        return SpeakerKind.BODY
    first = words[0]
    if not _looks_like_name_word(first) or first.lower() in ("the", "a", "an"):
        return SpeakerKind.BODY
    if lowered & _GROUP_NOUNS:
        return SpeakerKind.BODY
    if all(_looks_like_name_word(w) for w in words):
        return SpeakerKind.PERSON
    return SpeakerKind.BODY


def _looks_like_name_word(word: str) -> bool:
    letter = next((c for c in word if c.isalpha()), "")
    if not letter:
        return False
    return (
        not letter.islower()
        or word.lower() in _PARTICLES_LOWER
        or word[:3].lower()
        in (
            "al-",
            "el-",
        )
    )


_PARTICLES_LOWER = words(
    """al el bin ibn bint abu de da di do dos das du del della der den van von la le y ben"""
)
